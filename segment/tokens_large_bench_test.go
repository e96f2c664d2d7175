package segment

// Run:
//
//	REPORTLINT_CORPUS=/work/shared/corpus/real go test ./segment -run '^$' -bench TokensLarge -benchmem -count 8
//
// The segmenters are filtered to their text, so -short runs them too.

import (
	"strings"
	"testing"
)

// BenchmarkTokensLarge measures Tokens on one document: the 20 KB fixtures,
// the fixtures repeated to 2 MB, and the real reports joined into one text
// (skipped when absent).
func BenchmarkTokensLarge(b *testing.B) {
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
