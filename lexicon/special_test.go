//go:build unix

package lexicon

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/fixture"
)

// Issue 17 item 3: a lexicon path naming a FIFO (or a symlink to one) or
// /dev/zero is refused at once instead of hanging or filling memory.
func TestLoadSpecialFiles(t *testing.T) {
	paths := fixture.SpecialFiles(t, ".yaml")
	for _, p := range paths {
		_, err := Load(p)
		if err == nil || !strings.Contains(err.Error(), p+": 无法读取词库文件：不是普通文件") {
			t.Errorf("%s: got %v", p, err)
		}
	}
	big := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(big, []byte("# "+strings.Repeat("x", MaxYAMLSize)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(big); err == nil || !strings.Contains(err.Error(), "超过大小上限") {
		t.Errorf("big file: %v", err)
	}
}
