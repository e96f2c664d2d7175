//go:build unix

package lexicon

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Issue 17 item 3: a lexicon path naming a FIFO (or a symlink to one) or
// /dev/zero is refused at once instead of hanging or filling memory.
func TestLoadSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "words.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	paths := []string{fifo, link}
	if _, err := os.Stat("/dev/zero"); err == nil {
		paths = append(paths, "/dev/zero")
	}
	for _, p := range paths {
		_, err := Load(p)
		if err == nil || !strings.Contains(err.Error(), p+": 无法读取词库文件：不是普通文件") {
			t.Errorf("%s: got %v", p, err)
		}
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, []byte("# "+strings.Repeat("x", MaxYAMLSize)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(big); err == nil || !strings.Contains(err.Error(), "超过大小上限") {
		t.Errorf("big file: %v", err)
	}
}
