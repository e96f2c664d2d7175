package formulation

import (
	"github.com/reportlint/reportlint/analyze"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

func TestFormulationMatcherCached(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	if matcherFor(lex) != matcherFor(lex) {
		t.Error("matcher rebuilt for the same lexicon")
	}
	other := &lexicon.Lexicon{Formulations: lex.Formulations[:1]}
	if matcherFor(other) == matcherFor(lex) || len(matcherFor(other).forms) != 1 {
		t.Error("matcher shared across lexicons")
	}
}

func TestOneRuneOff(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{{"自市", "自省", true}, {"自省", "自省", false}, {"自", "省", false}, {"政治执刑力", "政治执行力", true},
		{"责任意识", "核心意识", false}, {"自省x", "自省", false}} {
		if got := oneRuneOff([]rune(tt.a), []rune(tt.b)); got != tt.want {
			t.Errorf("oneRuneOff(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}

// BenchmarkAnalyzeFormulations measures the formulation scan alone over a
// report-sized text.
func BenchmarkAnalyzeFormulations(b *testing.B) {
	lex, err := lexicon.Default()
	if err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	var sb strings.Builder
	for sb.Len() < 40000 {
		for _, name := range files {
			data, _ := os.ReadFile(name)
			sb.Write(data)
		}
	}
	doc, err := segment.LoadBytes("b.txt", []byte(sb.String()), segment.LoadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	matcherFor(lex)
	b.SetBytes(int64(len(doc.Text)))
	for b.Loop() {
		a := analyze.NewAnalysis(doc, lex, nil)
		a.Year = 2022
		analyzeFormulations(a)
	}
}
