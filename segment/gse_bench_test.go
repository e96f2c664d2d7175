package segment

// Run:
//
//	go test ./segment -run '^$' -bench 'Load|Tokens' -benchmem
//
// BenchmarkLoadFilteredSizes uses frequency-sampled dictionary words rather
// than repeated fixtures above 20 KB: repeated text has few distinct
// substrings and would flatter the filtered loader.

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// repeatFixtures returns the fixtures, concatenated in name order and
// repeated, cut to n bytes at a rune boundary.
func repeatFixtures(tb testing.TB, n int) string {
	m := fixtures(tb)
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	var b strings.Builder
	for b.Len() < n {
		for _, k := range names {
			b.WriteString(m[k])
		}
	}
	return cutRunes(b.String(), n)
}

func cutRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}

var (
	cumOnce sync.Once
	cumFreq []float64
	cumWord []string
)

// sampledText returns n bytes of dictionary words drawn by frequency, with
// Chinese punctuation every few words: a text with a realistic, growing
// vocabulary. It draws from gse's s_1.txt, in its order.
func sampledText(tb testing.TB, n int) string {
	src := gseDictText(tb)
	cumOnce.Do(func() {
		sum := 0.0
		for _, line := range strings.Split(strings.TrimSuffix(src, "\n"), "\n") {
			f := strings.Split(line, " ")
			v, _ := strconv.ParseFloat(f[1], 64)
			sum += v
			cumFreq = append(cumFreq, sum)
			cumWord = append(cumWord, f[0])
		}
	})
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		x := r.Float64() * cumFreq[len(cumFreq)-1]
		b.WriteString(cumWord[sort.SearchFloat64s(cumFreq, x)])
		switch {
		case i%23 == 22:
			b.WriteString("。\n")
		case i%6 == 5:
			b.WriteString("，")
		}
	}
	return cutRunes(b.String(), n)
}

func BenchmarkLoadFiltered20KB(b *testing.B) {
	text := repeatFixtures(b, 20000)
	b.ResetTimer()
	for b.Loop() {
		NewSegmenterFor([]string{text}, testTerms)
	}
}

func BenchmarkLoadFilteredSizes(b *testing.B) {
	for _, kb := range []int{20, 100, 500, 1000, 2000} {
		text := sampledText(b, kb*1000)
		b.Run(fmt.Sprintf("%dKB", kb), func(b *testing.B) {
			var s *Segmenter
			for b.Loop() {
				s = NewSegmenterFor([]string{text}, testTerms)
			}
			b.ReportMetric(float64(s.Entries()), "entries")
		})
	}
}

func BenchmarkLoadFull(b *testing.B) {
	for b.Loop() {
		NewFullSegmenter(testTerms)
	}
}

func tokensSegmenters(b *testing.B, text string) map[string]*Segmenter {
	m := map[string]*Segmenter{"filtered": NewSegmenterFor([]string{text}, testTerms)}
	if !testing.Short() {
		m["full"] = full(b)
	}
	return m
}

func BenchmarkTokens(b *testing.B) {
	setVar(b, &memoMax, 0) // measure cutting, not recalling repeated pieces
	text := repeatFixtures(b, 20000)
	for _, mode := range []string{"filtered", "full"} {
		b.Run(mode, func(b *testing.B) {
			s := tokensSegmenters(b, text)[mode]
			if s == nil {
				b.Skip("full load skipped in -short mode")
			}
			b.SetBytes(int64(len(text)))
			b.ResetTimer()
			for b.Loop() {
				s.Tokens(text)
			}
		})
	}
}

// BenchmarkTokensParallel cuts the same 20 KB text from g goroutines; MB/s is
// the aggregate throughput.
func BenchmarkTokensParallel(b *testing.B) {
	setVar(b, &memoMax, 0) // measure cutting, not recalling repeated pieces
	text := repeatFixtures(b, 20000)
	s := tokensSegmenters(b, text)
	for _, mode := range []string{"filtered", "full"} {
		for _, g := range []int{1, 2} {
			b.Run(fmt.Sprintf("%s/g=%d", mode, g), func(b *testing.B) {
				seg := s[mode]
				if seg == nil {
					b.Skip("full load skipped in -short mode")
				}
				b.SetBytes(int64(len(text)))
				var next atomic.Int64
				var wg sync.WaitGroup
				b.ResetTimer()
				for range g {
					wg.Add(1)
					go func() {
						defer wg.Done()
						for next.Add(1) <= int64(b.N) {
							seg.Tokens(text)
						}
					}()
				}
				wg.Wait()
			})
		}
	}
}

// BenchmarkTokensSentences cuts the 20 KB text sentence by sentence (about
// 100 bytes a call) from g goroutines, where the read lock Tokens takes
// would show if it cost anything.
func BenchmarkTokensSentences(b *testing.B) {
	setVar(b, &memoMax, 0) // measure cutting, not recalling repeated pieces
	text := repeatFixtures(b, 20000)
	var sents []string
	for s := range strings.SplitAfterSeq(text, "。") {
		sents = append(sents, s)
	}
	seg := NewSegmenterFor([]string{text}, testTerms)
	for _, g := range []int{1, 2} {
		b.Run(fmt.Sprintf("g=%d", g), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			var next atomic.Int64
			var wg sync.WaitGroup
			b.ResetTimer()
			for range g {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for next.Add(1) <= int64(b.N) {
						for _, s := range sents {
							seg.Tokens(s)
						}
					}
				}()
			}
			wg.Wait()
		})
	}
}
