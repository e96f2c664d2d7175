package segment

// Run (alternating with a build of the previous commit, see the report):
//
//	go test ./segment -run '^$' -bench 'LoadFull$|LoadFiltered|Batch|TokensText' -benchmem -count 6

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkBatch is the pre-pass plus the segmenter it builds.
func BenchmarkBatch(b *testing.B) {
	b.Run("sampled2MB", func(b *testing.B) {
		text := sampledText(b, 2000000)
		var st BatchStats
		for b.Loop() {
			_, st = NewBatchSegmenter([]string{text}, testTerms, 0)
		}
		b.ReportMetric(float64(st.Entries), "entries")
	})
	b.Run("real", func(b *testing.B) {
		texts := realTexts(b)
		var st BatchStats
		for b.Loop() {
			_, st = NewBatchSegmenter(texts, testTerms, 0)
		}
		b.ReportMetric(float64(st.Entries), "entries")
	})
	// The pre-pass on 20 MB drawn from the whole dictionary, up to the
	// limit (the full load that follows is BenchmarkLoadFull).
	b.Run("adversarial20MB", func(b *testing.B) {
		text := adversarialText(20 << 20)
		var chunks []string
		for len(text) > 0 {
			n := len(cutRunes(text, 1<<20))
			chunks, text = append(chunks, text[:n]), text[n:]
		}
		var st BatchStats
		for b.Loop() {
			bt := NewBatch(0)
			for _, c := range chunks {
				if !bt.Add(c) {
					break
				}
			}
			st = bt.Stats()
		}
		if !st.Fallback {
			b.Fatal("no fallback")
		}
		b.ReportMetric(float64(st.ReadBytes)/1e6, "MBread")
		b.ReportMetric(float64(st.PeakBytes)/1e6, "MBpeak")
	})
}

// BenchmarkPrePass is the pre-pass alone on text drawn from the whole
// dictionary, up to each limit (where it falls back), and on a report
// repeated 100 times (2 MB, as /tmp/seed100.txt).
func BenchmarkPrePass(b *testing.B) {
	adv := adversarialText(8 << 20)
	for _, limit := range []int{1_000_000, 1_500_000, DefaultBatchLimit} {
		b.Run(fmt.Sprintf("adversarial/limit=%d", limit), func(b *testing.B) {
			var st BatchStats
			for b.Loop() {
				bt := newBatch(limit, substringHint(len(adv)))
				bt.Add(adv)
				st = bt.Stats()
			}
			if !st.Fallback {
				b.Fatal("no fallback")
			}
			b.ReportMetric(float64(st.ReadBytes)/1e6, "MBread")
			b.ReportMetric(float64(st.PeakBytes)/1e6, "MBpeak")
		})
	}
	b.Run("repeated2MB", func(b *testing.B) {
		text := strings.Repeat(repeatFixtures(b, 20000), 100)
		for b.Loop() {
			newBatch(0, substringHint(len(text))).Add(text)
		}
	})
}
