package claims_test

import (
	"testing"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/claims"
	"github.com/reportlint/reportlint/internal/benchdocs"
)

// blanks are the placeholders of each doc, found beforehand.
func blanks(b *testing.B, docs []benchdocs.Doc) [][]claims.Blank {
	lex := benchdocs.Lexicon(b)
	out := make([][]claims.Blank, len(docs))
	for i, d := range docs {
		for _, ph := range analyze.FindPlaceholders(d.Doc, lex) {
			out[i] = append(out[i], claims.Blank{Span: ph.Span, Number: ph.Kind == analyze.KindNumber})
		}
	}
	return out
}

// BenchmarkExtract measures claim extraction on whole reports, tokens and
// placeholders found beforehand: generated reports, and real ones when
// the real corpus is present.
func BenchmarkExtract(b *testing.B) {
	run := func(b *testing.B, docs []benchdocs.Doc) {
		lex, phs := benchdocs.Lexicon(b), blanks(b, docs)
		b.SetBytes(benchdocs.Bytes(docs))
		b.ReportAllocs()
		for b.Loop() {
			for i, d := range docs {
				claims.Extract(d.Doc, phs[i], d.Tokens, lex)
			}
		}
	}
	b.Run("generated", func(b *testing.B) { run(b, benchdocs.Generated(b)) })
	b.Run("real", func(b *testing.B) { run(b, benchdocs.Real(b)) })
}
