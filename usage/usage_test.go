package usage

import (
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/fixture"
)

func TestFixtures(t *testing.T) {
	fixture.Check(t, "testdata/find.tsv", "testdata/silent.txt", func(text string, _ map[string]string) []fixture.Hit {
		var out []fixture.Hit
		for _, h := range Detect(text) {
			out = append(out, fixture.Hit{Rule: h.Rule, Start: h.Span.Start, End: h.Span.End, Suggestion: h.Suggestion, Certain: h.Certain, Message: h.Message})
		}
		return out
	})
}

func FuzzDetect(f *testing.F) {
	for _, s := range []string{"甲地-乙地段", "比例为3:2", "．５", "，　，", "—2026年在会议上", "诺尔曼•白求恩", "\xff--\xfe", ".5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, h := range Detect(s) {
			sp := h.Span
			fixture.CheckSpan(t, s, sp.Start, sp.End)
			if h.Suggestion != "" && !h.Certain {
				t.Fatalf("suggestion on an unsure hit: %+v", h)
			}
			if !h.Certain && !strings.Contains(h.Message, "疑似") {
				t.Fatalf("unsure hit without 疑似: %+v", h)
			}
		}
	})
}
