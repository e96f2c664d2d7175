package segment

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkLoadRepeated is NewSegmenterFor on a 20 KB report pasted 100
// times (2 MB, as /tmp/seed100.txt): few distinct substrings in many bytes.
func BenchmarkLoadRepeated2MB(b *testing.B) {
	text := strings.Repeat(repeatFixtures(b, 20000), 100)
	var s *Segmenter
	for b.Loop() {
		s = NewSegmenterFor([]string{text}, testTerms)
	}
	b.ReportMetric(float64(s.Entries()), "entries")
}

// BenchmarkLoadAdversarial is NewSegmenterFor on text drawn uniformly from
// the whole dictionary: the worst case, a pre-pass wasted before the full
// dictionary (compare BenchmarkLoadFull) or a filtered one nearly as large.
func BenchmarkLoadAdversarial(b *testing.B) {
	for _, mb := range []int{1, 2, 8} {
		text := adversarialText(mb << 20)
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			var s *Segmenter
			for b.Loop() {
				s = NewSegmenterFor([]string{text}, testTerms)
			}
			b.ReportMetric(float64(s.Entries()), "entries")
		})
	}
}
