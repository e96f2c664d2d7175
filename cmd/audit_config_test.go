package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The audit thresholds come from the config's audit: section unless a flag
// is given, and a bad value names both the flag and the config key.
func TestAuditThresholdsFromConfig(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "2023年度工作总结\n一、主要工作\n全年完成项目12个。\n")
	write(".reportlint.yaml", "audit:\n  ring_overlap: 150\n")
	app, _, errb := testApp("")
	if code := run(app, []string{"audit", dir}); code != ExitInput {
		t.Fatalf("exit %d, want 2 for ring_overlap 150; stderr %s", code, errb)
	}
	if !strings.Contains(errb.String(), "audit.ring_overlap") {
		t.Errorf("message does not name the config key: %s", errb)
	}
	// A flag overrides the config.
	app, _, errb = testApp("")
	if code := run(app, []string{"audit", "--ring-overlap", "80", dir}); code == ExitInput {
		t.Fatalf("flag did not override the config: %s", errb)
	}
	write(".reportlint.yaml", "audit:\n  ring_overlap: 90\n  min_unrelated: 3\n  max_template_share: 10\n  posting_cap: 50\n")
	app, _, errb = testApp("")
	if code := run(app, []string{"audit", dir}); code == ExitInput {
		t.Fatalf("valid audit config refused: %s", errb)
	}
	write(".reportlint.yaml", "audit:\n  ring: 90\n")
	app, _, errb = testApp("")
	if code := run(app, []string{"audit", dir}); code != ExitInput || !strings.Contains(errb.String(), "ring") {
		t.Fatalf("unknown audit key accepted: exit %d %s", code, errb)
	}
}
