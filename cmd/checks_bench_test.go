package cmd

import (
	"testing"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/segment"
)

// BenchmarkCheckCost measures the checks over the generated reports (about
// 20 KB each) with the tokens computed beforehand, so the figures are the
// checks' own cost:
//
//	go test ./cmd -run '^$' -bench CheckCost -benchtime 3x
//
// "all" runs every check, "before-detect" every check but typo, date, genre,
// usage and arith, and each of those alone.
func BenchmarkCheckCost(b *testing.B) {
	loadBenchCorpus(b)
	c := &benchCorpus
	toks := make(map[string][]segment.Token, len(c.docs))
	for _, d := range c.docs {
		toks[d.Text] = c.seg.Tokens(d.Text)
	}
	tokenize := func(s string) []segment.Token {
		if t, ok := toks[s]; ok {
			return t
		}
		return c.seg.Tokens(s)
	}
	newOnes := map[string]bool{"typo": true, "date": true, "genre": true, "usage": true, "arith": true}
	var before []*analyze.Check
	for _, ch := range allChecks() {
		if !newOnes[ch.Name] {
			before = append(before, ch)
		}
	}
	run := func(name string, checks []*analyze.Check) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(c.bytes)
			for i := 0; i < b.N; i++ {
				for _, d := range c.docs {
					analyze.Run(d, c.lex, analyze.Options{Checks: checks, Tokenize: tokenize})
				}
			}
		})
	}
	run("all", allChecks())
	run("before-detect", before)
	for _, ch := range allChecks() {
		if newOnes[ch.Name] {
			run(ch.Name, []*analyze.Check{ch})
		}
	}
}
