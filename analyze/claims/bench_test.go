package claims_test

import (
	"sync"
	"testing"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/claims"
	"github.com/reportlint/reportlint/internal/corpus"
	"github.com/reportlint/reportlint/internal/fixture"
	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

// benchDoc is one report with what Extract reads, computed beforehand.
type benchDoc struct {
	doc  *segment.Document
	phs  []claims.Blank
	toks []segment.Token
}

var bench struct {
	once sync.Once
	lex  *lexicon.Lexicon
	seg  *segment.Segmenter
	gen  []benchDoc
}

// loadBench prepares the lexicon, the segmenter and 40 generated reports.
func loadBench(b *testing.B) {
	bench.once.Do(func() {
		lex, err := lexicon.Default()
		if err != nil {
			b.Fatal(err)
		}
		bench.lex = lex
		bench.seg = segment.NewFullSegmenter(lex.SegmentTerms())
		for _, r := range corpus.Generate(corpus.Options{N: 40, Seed: 11}) {
			bench.gen = append(bench.gen, prepare(b, r.Name, []byte(r.Text)))
		}
	})
}

func prepare(b *testing.B, name string, data []byte) benchDoc {
	d, err := segment.LoadBytes(name, data, segment.LoadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	var phs []claims.Blank
	for _, ph := range analyze.FindPlaceholders(d, bench.lex) {
		phs = append(phs, claims.Blank{Span: ph.Span, Number: ph.Kind == analyze.KindNumber})
	}
	return benchDoc{doc: d, phs: phs, toks: bench.seg.Tokens(d.Text)}
}

// realDocs reads the real reports (fixture.RealReports) or skips: they are
// not part of the repository.
func realDocs(b *testing.B) []benchDoc {
	var out []benchDoc
	for _, r := range fixture.RealReports(b) {
		out = append(out, prepare(b, r.Name, r.Data))
	}
	return out
}

// BenchmarkExtract measures claim extraction on whole reports, tokens and
// placeholders found beforehand: generated reports, and real ones when
// REPORTLINT_CORPUS names them.
func BenchmarkExtract(b *testing.B) {
	loadBench(b)
	run := func(b *testing.B, docs []benchDoc) {
		var n int64
		for _, d := range docs {
			n += int64(len(d.doc.Text))
		}
		b.SetBytes(n)
		b.ReportAllocs()
		for b.Loop() {
			for _, d := range docs {
				claims.Extract(d.doc, d.phs, d.toks, bench.lex)
			}
		}
	}
	b.Run("generated", func(b *testing.B) { run(b, bench.gen) })
	b.Run("real", func(b *testing.B) { run(b, realDocs(b)) })
}
