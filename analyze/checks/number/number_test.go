package number_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/analyzetest"
	"github.com/reportlint/reportlint/analyze/checks/number"
	"github.com/reportlint/reportlint/segment"
)

// TestNumberFixtures runs the number check over testdata: every
// finding is stated inline, every look-alike line stays silent.
func TestNumberFixtures(t *testing.T) {
	analyzetest.Run(t, "testdata", number.Check)
}

// TestPrecisionFixtures runs the shared precision fixtures (issue 11): the
// shapes that made the number rules fire falsely on published reports.
func TestPrecisionFixtures(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "..", "testdata", "precision", "number_*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no precision fixtures: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) { analyzetest.RunFile(t, f, number.Check) })
	}
}

// TestPercentSignOneFinding: mixed ％/% is one finding for the report that
// lists every place to change.
func TestPercentSignOneFinding(t *testing.T) {
	lex := testLexicon(t)
	text := "某区2023年工作总结\n地区生产总值增长6.1％，工业增长7.2％，投资增长8.3％。\n消费增长6.5%，收入增长5.8%，出口增长3.1%。\n"
	doc := segment.NewDocument("p.txt", segment.FormatText, "utf-8", text, nil)
	res := analyze.Run(doc, lex, analyze.Options{Checks: []*analyze.Check{number.Check}, Year: 2023,
		Tokenize: segment.NewFullSegmenter(lex.SegmentTerms()).Tokens})
	var got []analyze.Finding
	for _, f := range res.Findings {
		if f.Rule == "number.percent-sign" {
			got = append(got, f)
		}
	}
	if len(got) != 1 {
		t.Fatalf("%d percent-sign findings, want 1: %+v", len(got), got)
	}
	f := got[0]
	if len(f.Related) != 3 || !strings.Contains(f.Message, "另外2处") || !strings.Contains(f.Suggestion, "3处") {
		t.Errorf("finding %q (%s) with %d related places, want the 3 half-width signs", f.Message, f.Suggestion, len(f.Related))
	}
}
