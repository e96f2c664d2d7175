package typo

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

// realCorpus is ../shared/corpus/real from the repository root, or
// $REPORTLINT_REAL_CORPUS (for a worktree elsewhere).
func realCorpus() string {
	if dir := os.Getenv("REPORTLINT_REAL_CORPUS"); dir != "" {
		return dir
	}
	return filepath.Join("..", "..", "shared", "corpus", "real")
}

// TestRealCorpus runs the detector over the real reports: none of them may
// give a finding (each hit was read and judged; see /work/notes).
func TestRealCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(realCorpus(), "*.txt"))
	if len(files) == 0 {
		t.Skip("real corpus absent: ../shared/corpus/real or $REPORTLINT_REAL_CORPUS")
	}
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	d := New(lex)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		seg := segment.NewSegmenterFor([]string{text}, lex.SegmentTerms())
		for _, h := range d.Find(text, seg.Tokens(text), nil) {
			lo, hi := max(0, h.Span.Start-30), min(len(text), h.Span.End+30)
			t.Errorf("%s@%d: %s [%s] …%s…", filepath.Base(f), h.Span.Start, h.Message(), h.Kind, text[lo:hi])
		}
	}
}
