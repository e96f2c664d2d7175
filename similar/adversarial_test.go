package similar

import (
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/corpus"
)

// compareWork fingerprints texts with two-rune tokens and returns the work
// Compare counted and the rings it found.
func compareWork(t *testing.T, texts []string) (int64, []Ring) {
	t.Helper()
	ix := NewIndex(Options{Boilerplate: StockPhrases})
	for i, s := range texts {
		ix.Add(i, ix.Fingerprint(s, pairTokens(s)))
	}
	c := ix.Compare()
	return c.Work, c.Rings
}

// Adversarial batches stay linear: doubling the input at most multiplies
// Compare's work by 2.6 (quadratic would give 4), and each is one ring.
// (Up to PostingCap identical files, the work grows with their pairs by
// design; beyond, linearly.)
func TestAdversarialWorkLinear(t *testing.T) {
	report := corpus.Generate(corpus.Options{N: 1, Seed: 21, MinBytes: 4 << 10, MaxBytes: 4 << 10})[0].Text
	big := corpus.Generate(corpus.Options{N: 60, Seed: 22, CopyRate: -1, MaxBytes: 8 << 10})
	cases := []struct {
		name  string
		batch func(scale int) []string
		rings int
	}{
		{"identical files", func(scale int) []string {
			out := make([]string, 120*scale) // more than PostingCap

			for i := range out {
				out[i] = report
			}
			return out
		}, 1},
		{"one repeated character", func(scale int) []string {
			return []string{strings.Repeat("重", 50000*scale), strings.Repeat("重", 30000*scale), "重重重重重重重重重重重重重重重重重重重重重重重"}
		}, 1},
		{"one huge file", func(scale int) []string {
			var b strings.Builder
			for _, r := range big[:30*scale] {
				b.WriteString(r.Text)
			}
			return []string{b.String(), big[0].Text, big[1].Text} // both inside the huge one
		}, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w1, r1 := compareWork(t, c.batch(1))
			w2, r2 := compareWork(t, c.batch(2))
			t.Logf("work %d, then %d", w1, w2)
			if float64(w2) > 2.6*float64(w1) {
				t.Errorf("work %d for twice the input, more than 2.6 × %d", w2, w1)
			}
			if len(r1) != c.rings || len(r2) != c.rings {
				t.Errorf("%d and %d rings, want %d", len(r1), len(r2), c.rings)
			}
		})
	}
}
