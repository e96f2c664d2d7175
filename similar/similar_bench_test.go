package similar

import (
	"fmt"
	"sync"
	"testing"

	"github.com/reportlint/reportlint/internal/corpus"
	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

// Benchmarks over 1,000 generated reports (about 20 MB):
//
//	go test ./similar -run '^$' -bench . -benchtime 3x -cpuprofile cpu.out

var benchSet struct {
	once  sync.Once
	texts []string
	toks  [][]segment.Token
	bytes int64
}

func loadBenchSet(b *testing.B) {
	benchSet.once.Do(func() {
		lex, err := lexicon.Default()
		if err != nil {
			b.Fatal(err)
		}
		seg := segment.NewFullSegmenter(lex.SegmentTerms())
		for _, r := range corpus.Generate(corpus.Options{N: 1000, Seed: 1}) {
			benchSet.texts = append(benchSet.texts, r.Text)
			benchSet.toks = append(benchSet.toks, seg.Tokens(r.Text))
			benchSet.bytes += int64(len(r.Text))
		}
	})
}

// cpuPerOp reports the process's CPU time per iteration (GC included) as
// cpu-ns/op: on a shared machine it varies less than the wall time. Call
// it right after b.ResetTimer and defer the function it returns.
func cpuPerOp(b *testing.B) func() {
	t0, ok := cpuTime()
	return func() {
		if t1, ok1 := cpuTime(); ok && ok1 && b.N > 0 {
			b.ReportMetric(float64(t1-t0)/float64(b.N), "cpu-ns/op")
		}
	}
}

func benchIndex(b *testing.B) *Index {
	ix := NewIndex(defaultOptions(b))
	for i, s := range benchSet.texts {
		ix.Add(i, ix.Fingerprint(s, benchSet.toks[i]))
	}
	return ix
}

func BenchmarkFingerprint(b *testing.B) {
	loadBenchSet(b)
	ix := NewIndex(defaultOptions(b))
	b.SetBytes(benchSet.bytes)
	b.ResetTimer()
	defer cpuPerOp(b)()
	for i := 0; i < b.N; i++ {
		for k, s := range benchSet.texts {
			ix.Fingerprint(s, benchSet.toks[k])
		}
	}
}

// BenchmarkPairs is the comparison step after all reports are fingerprinted,
// reading back the texts of candidate pairs.
func BenchmarkPairs(b *testing.B) {
	loadBenchSet(b)
	ix := benchIndex(b)
	b.SetBytes(benchSet.bytes)
	b.ResetTimer()
	defer cpuPerOp(b)()
	var pairs []Pair
	for i := 0; i < b.N; i++ {
		var err error
		pairs, err = ix.Pairs(loader(benchSet.texts))
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(pairs)), "pairs")
	n := 0
	for _, p := range ix.prints {
		n += len(p.fps)
	}
	b.ReportMetric(float64(n), "fingerprints")
}

// ringSet is shaped like a batch of real copies: 20 generated reports of
// 40–90 KB, each in 10 copies that differ by one appended line (about
// 13 MB, 20 rings of 10).
var ringSet struct {
	once  sync.Once
	texts []string
	toks  [][]segment.Token
	bytes int64
}

func loadRingSet(b *testing.B) {
	ringSet.once.Do(func() {
		var texts []string
		for _, r := range corpus.Generate(corpus.Options{N: 20, Seed: 7, MinBytes: 40 << 10, MaxBytes: 90 << 10, CopyRate: -1}) {
			for k := 0; k < 10; k++ {
				texts = append(texts, fmt.Sprintf("%s\n附：第%d份抄送件，编号%d。\n", r.Text, k+1, 1000+r.Index*10+k))
			}
		}
		seg := segmenterFor(b, texts)
		for _, s := range texts {
			ringSet.texts = append(ringSet.texts, s)
			ringSet.toks = append(ringSet.toks, seg.Tokens(s))
			ringSet.bytes += int64(len(s))
		}
	})
}

// BenchmarkFingerprintRings fingerprints the ring set, as audit's per-file
// stage does (with the Signature it emits).
func BenchmarkFingerprintRings(b *testing.B) {
	loadRingSet(b)
	ix := NewIndex(defaultOptions(b))
	b.SetBytes(ringSet.bytes)
	b.ResetTimer()
	defer cpuPerOp(b)()
	for i := 0; i < b.N; i++ {
		for k, s := range ringSet.texts {
			ix.Signature(ix.Fingerprint(s, ringSet.toks[k]))
		}
	}
}

// BenchmarkCompareRings is audit's merge stage on the ring set: Prints
// rebuilt from Signatures, then Compare.
func BenchmarkCompareRings(b *testing.B) {
	loadRingSet(b)
	opt := defaultOptions(b)
	ix := NewIndex(opt)
	sigs := make([]*Signature, len(ringSet.texts))
	for k, s := range ringSet.texts {
		sigs[k] = ix.Signature(ix.Fingerprint(s, ringSet.toks[k]))
	}
	b.SetBytes(ringSet.bytes)
	b.ResetTimer()
	defer cpuPerOp(b)()
	var c *Comparison
	for i := 0; i < b.N; i++ {
		ix := NewIndex(opt)
		for k, s := range sigs {
			p, err := ix.PrintFrom(s)
			if err != nil {
				b.Fatal(err)
			}
			ix.Add(k, p)
		}
		c = ix.Compare()
	}
	b.ReportMetric(float64(len(c.Rings)), "rings")
}
