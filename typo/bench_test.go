package typo

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/fixture"
	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

// benchText returns about n bytes of our own report fixtures.
func benchText(b *testing.B, n int) string {
	files, _ := filepath.Glob("../testdata/segment/*.txt")
	var sb strings.Builder
	for sb.Len() < n && len(files) > 0 {
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			sb.Write(data)
		}
	}
	if sb.Len() == 0 {
		b.Skip("no fixtures in ../testdata/segment")
	}
	s := sb.String()
	for len(s) > n && !strings.HasPrefix(s[n:], "\n") {
		n++
	}
	return s[:min(n, len(s))]
}

func benchSetup(b *testing.B) (*Detector, string, []segment.Token) {
	lex, err := lexicon.Default()
	if err != nil {
		b.Fatal(err)
	}
	text := benchText(b, 20000)
	seg := segment.NewSegmenterFor([]string{text}, lex.SegmentTerms())
	d := New(lex)
	return d, text, seg.Tokens(text)
}

// BenchmarkFind20KB is Find on 20 KB with the dictionary blocks cached (a
// batch's steady state).
func BenchmarkFind20KB(b *testing.B) {
	d, text, toks := benchSetup(b)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		d.Find(text, toks, nil)
	}
}

// BenchmarkFind20KBCold decodes the dictionary blocks anew each time, as
// the first report of a process does.
func BenchmarkFind20KBCold(b *testing.B) {
	d, text, toks := benchSetup(b)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		d.words = newWords()
		d.Find(text, toks, nil)
	}
}

// BenchmarkNew is building a detector from the built-in lexicon.
func BenchmarkNew(b *testing.B) {
	lex, err := lexicon.Default()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		New(lex)
	}
}

// BenchmarkFindReal is Find over the real reports (REPORTLINT_CORPUS; skipped
// when absent), segmented beforehand.
func BenchmarkFindReal(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(fixture.RealCorpusDir(b), "*.txt"))
	lex, err := lexicon.Default()
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	var toks [][]segment.Token
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		text := string(data)
		texts = append(texts, text)
		toks = append(toks, segment.NewSegmenterFor([]string{text}, lex.SegmentTerms()).Tokens(text))
		size += len(text)
	}
	d := New(lex)
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for i, text := range texts {
			d.Find(text, toks[i], nil)
		}
	}
}
