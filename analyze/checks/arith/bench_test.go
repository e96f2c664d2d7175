package arith_test

import (
	"sync"
	"testing"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/checks/arith"
	"github.com/reportlint/reportlint/internal/corpus"
	"github.com/reportlint/reportlint/internal/fixture"
	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

type benchDoc struct {
	doc  *segment.Document
	toks []segment.Token
}

var bench struct {
	once sync.Once
	lex  *lexicon.Lexicon
	seg  *segment.Segmenter
	gen  []benchDoc
}

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
	return benchDoc{doc: d, toks: bench.seg.Tokens(d.Text)}
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

// BenchmarkArith runs the arith check alone on whole reports (tokens cut
// beforehand): the claims it reads are built inside, as in a run where
// arith is the first check to ask for them.
func BenchmarkArith(b *testing.B) {
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
				toks := d.toks
				analyze.Run(d.doc, bench.lex, analyze.Options{Checks: []*analyze.Check{arith.Check},
					Tokenize: func(string) []segment.Token { return toks }})
			}
		}
	}
	b.Run("generated", func(b *testing.B) { run(b, bench.gen) })
	b.Run("real", func(b *testing.B) { run(b, realDocs(b)) })
}
