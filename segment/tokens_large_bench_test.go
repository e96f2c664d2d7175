package segment

// Run:
//
//	REPORTLINT_CORPUS=/work/shared/corpus/real go test ./segment -run '^$' -bench TokensLarge -benchmem -count 8
//
// The segmenters are filtered to their text, so -short runs them too.

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkTokensLarge measures Tokens on one document: the 20 KB fixtures,
// the fixtures repeated to 2 MB, and the real reports joined into one text
// (skipped when absent).
func BenchmarkTokensLarge(b *testing.B) {
	setVar(b, &memoMax, 0) // measure cutting, not recalling repeated pieces
	for _, c := range []struct {
		name string
		text func(testing.TB) string
	}{
		{"20KB", func(tb testing.TB) string { return repeatFixtures(tb, 20000) }},
		{"2MB", func(tb testing.TB) string { return repeatFixtures(tb, 2<<20) }},
		{"real", func(tb testing.TB) string { return strings.Join(realTexts(tb), "\n") }},
	} {
		b.Run(c.name, func(b *testing.B) {
			text := c.text(b)
			s := NewSegmenterFor([]string{text}, testTerms)
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				s.Tokens(text)
			}
		})
	}
}

// BenchmarkTokensWorkers compares one and two goroutines by text size and
// chunk size, to place parallelMin and chunkBytes.
func BenchmarkTokensWorkers(b *testing.B) {
	setVar(b, &memoMax, 0) // measure cutting, not recalling repeated pieces
	text := repeatFixtures(b, 2<<20)
	s := NewSegmenterFor([]string{text}, testTerms)
	for _, kb := range []int{32, 64, 128, 256, 512, 2048} {
		t := cutRunes(text, kb<<10)
		for _, chunk := range []int{16, 32, 64, 128} {
			for _, w := range []int{1, 2} {
				if w == 1 && chunk != 16 || chunk > kb/2 {
					continue
				}
				b.Run(fmt.Sprintf("%dKB/chunk=%dKB/w=%d", kb, chunk, w), func(b *testing.B) {
					setVar(b, &chunkBytes, chunk<<10)
					b.SetBytes(int64(len(t)))
					for b.Loop() {
						s.tokens(t, w)
					}
				})
			}
		}
	}
}
