package segment

import (
	"strings"
	"testing"
)

// BenchmarkTokensText measures Tokens on generated text (200 KB sampled from
// the dictionary by frequency) and on the real reports (skipped when absent),
// with the full dictionary and with one filtered to the text.
func BenchmarkTokensText(b *testing.B) {
	setVar(b, &memoMax, 0) // measure cutting, not recalling repeated pieces
	for _, src := range []string{"sampled", "real"} {
		var text string
		b.Run(src, func(b *testing.B) {
			if src == "sampled" {
				text = sampledText(b, 200000)
			} else {
				text = strings.Join(realTexts(b), "\n")
			}
			segs := map[string]*Segmenter{"filtered": NewSegmenterFor([]string{text}, testTerms)}
			if !testing.Short() {
				segs["full"] = full(b)
			}
			for _, mode := range []string{"full", "filtered"} {
				b.Run(mode, func(b *testing.B) {
					s := segs[mode]
					if s == nil {
						b.Skip("full load skipped in -short mode")
					}
					b.SetBytes(int64(len(text)))
					for b.Loop() {
						s.Tokens(text)
					}
				})
			}
		})
	}
}
