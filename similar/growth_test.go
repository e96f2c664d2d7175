package similar

import (
	"testing"

	"github.com/reportlint/reportlint/internal/corpus"
	"github.com/reportlint/reportlint/segment"
)

// pairTokens cuts text into tokens of two runes: cheaper than gse, and
// short stock wording still gives many common fingerprints.
func pairTokens(text string) []segment.Token {
	rs := runeTokens(text)
	out := rs[:0]
	for i := 0; i < len(rs); i += 2 {
		t := rs[i]
		if i+1 < len(rs) {
			sp := segment.Span{Start: t.Span().Start, End: rs[i+1].Span().End}
			t = segment.NewToken(text[sp.Start:sp.End], t.POS(), sp)
		}
		out = append(out, t)
	}
	return out
}

// growthWork fingerprints n small generated reports with a few copies, and
// returns the work Compare counted.
func growthWork(t testing.TB, n int) int64 {
	ix := NewIndex(Options{Boilerplate: StockPhrases})
	for i, r := range corpus.Generate(corpus.Options{N: n, Seed: 3, MinBytes: 1 << 10, MaxBytes: 2 << 10, CopyRate: 0.05}) {
		ix.Add(i, ix.Fingerprint(r.Text, pairTokens(r.Text)))
	}
	c := ix.Compare()
	if c.Work != ix.Work() || c.Work <= 0 {
		t.Fatalf("work %d vs %d", c.Work, ix.Work())
	}
	return c.Work
}

// The comparison's work grows about linearly with the batch: doubling it
// at most multiplies the work by 2.6 (quadratic candidate generation
// would give 4).
func TestGrowthLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 generated reports")
	}
	var prev int64
	for _, n := range []int{2500, 5000, 10000} {
		w := growthWork(t, n)
		t.Logf("%d reports: work %d (%.0f per report)", n, w, float64(w)/float64(n))
		if prev > 0 && float64(w) > 2.6*float64(prev) {
			t.Errorf("%d reports: work %d, more than 2.6 × %d", n, w, prev)
		}
		prev = w
	}
}

// BenchmarkCompare is the comparison over 1,000 generated reports, from
// fingerprints alone.
func BenchmarkCompare(b *testing.B) {
	loadBenchSet(b)
	ix := benchIndex(b)
	b.SetBytes(benchSet.bytes)
	b.ResetTimer()
	defer cpuPerOp(b)()
	var c *Comparison
	for i := 0; i < b.N; i++ {
		c = ix.Compare()
	}
	b.ReportMetric(float64(len(c.Pairs)), "pairs")
	b.ReportMetric(float64(len(c.Rings)), "rings")
	b.ReportMetric(float64(c.Work), "work")
}
