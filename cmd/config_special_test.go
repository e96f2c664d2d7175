//go:build unix

package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Issue 17 items 3 and 4: a config that is a FIFO or a device, or YAML nested
// past the cap, is refused at once with exit 2 (no hang, no memory blow-up).
func TestConfigSpecialFilesAndNesting(t *testing.T) {
	dir := t.TempDir()
	report := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(report, []byte("2023年度工作总结\n全年完成项目12个。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("mkfifo:", err)
	}
	deep := filepath.Join(dir, "deep.yaml")
	if err := os.WriteFile(deep, []byte(strings.Repeat("[", 40000)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, cfg := range []string{fifo, "/dev/zero", deep} {
		app, _, errb := testApp("")
		if code := run(app, []string{"check", "--config", cfg, report}); code != ExitInput {
			t.Errorf("--config %s: exit %d, want 2", cfg, code)
		}
		if !strings.Contains(errb.String(), "不是普通文件") && !strings.Contains(errb.String(), "嵌套") {
			t.Errorf("--config %s: no reason given: %s", cfg, errb)
		}
	}
}
