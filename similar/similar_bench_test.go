package similar

import (
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
