//go:build unix

package segment

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/fixture"
)

// Special files are refused before reading: a FIFO (or a symlink to one)
// must not hang, /dev/zero must not fill memory.
func TestLoadFileSpecialFiles(t *testing.T) {
	paths := fixture.SpecialFiles(t, ".txt")
	for _, p := range paths {
		_, err := LoadFile(p, nil, LoadOptions{})
		var ie *InputError
		if !errors.As(err, &ie) || ie.Path != p || !strings.Contains(ie.Reason, "不是普通文件") {
			t.Errorf("%s: got %v, want a 不是普通文件 InputError", p, err)
		}
		if _, err := ReadRegular(p, 1<<20); err == nil {
			t.Errorf("ReadRegular(%s) succeeded", p)
		}
	}
}

// --max-size 9223372036854775807 must neither read text as empty nor break
// the .docx decompression cap.
func TestLoadMaxSizeOverflow(t *testing.T) {
	dir := t.TempDir()
	txt := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(txt, []byte("一年来，我认真履行职责。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dx := filepath.Join(dir, "a.docx")
	if err := os.WriteFile(dx, tDocx(t, tP("一年来，我认真履行职责。"), "", "", ""), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{txt, dx} {
		doc, err := LoadFile(p, nil, LoadOptions{MaxSize: math.MaxInt64})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if !strings.Contains(doc.Text, "认真履行职责") {
			t.Errorf("%s: text %q", p, doc.Text)
		}
	}
	doc, err := LoadFile("-", strings.NewReader("述职报告"), LoadOptions{MaxSize: math.MaxInt64})
	if err != nil || doc.Text != "述职报告" {
		t.Errorf("stdin: %v %v", doc, err)
	}
	for _, n := range []int64{math.MaxInt64, 0, -1} {
		if err := ValidateLimit(n); err == nil || !strings.Contains(err.Error(), "大小上限") {
			t.Errorf("ValidateLimit(%d) = %v", n, err)
		}
	}
	if err := ValidateLimit(DefaultMaxSize); err != nil {
		t.Errorf("ValidateLimit(default) = %v", err)
	}
}
