package arith_test

import (
	"testing"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/checks/arith"
	"github.com/reportlint/reportlint/internal/benchdocs"
	"github.com/reportlint/reportlint/segment"
)

// BenchmarkArith runs the arith check alone on whole reports (tokens cut
// beforehand): the claims it reads are built inside, as in a run where
// arith is the first check to ask for them.
func BenchmarkArith(b *testing.B) {
	run := func(b *testing.B, docs []benchdocs.Doc) {
		lex := benchdocs.Lexicon(b)
		b.SetBytes(benchdocs.Bytes(docs))
		b.ReportAllocs()
		for b.Loop() {
			for _, d := range docs {
				toks := d.Tokens
				analyze.Run(d.Doc, lex, analyze.Options{Checks: []*analyze.Check{arith.Check},
					Tokenize: func(string) []segment.Token { return toks }})
			}
		}
	}
	b.Run("generated", func(b *testing.B) { run(b, benchdocs.Generated(b)) })
	b.Run("real", func(b *testing.B) { run(b, benchdocs.Real(b)) })
}
