package dates

import (
	"strconv"
	"testing"

	"github.com/reportlint/reportlint/internal/fixture"
)

func TestFixtures(t *testing.T) {
	fixture.Check(t, "testdata/find.tsv", "testdata/silent.txt", func(text string, o map[string]string) []fixture.Hit {
		opt := Options{}
		if o["year"] != "" {
			opt.Year, _ = strconv.Atoi(o["year"])
		}
		if o["plans"] == "1" {
			opt.InPlans = func(int) bool { return true }
		}
		var out []fixture.Hit
		for _, h := range Detect(text, opt) {
			out = append(out, fixture.Hit{Rule: h.Rule, Start: h.Span.Start, End: h.Span.End, Suggestion: h.Suggestion, Certain: h.Certain, Message: h.Message})
		}
		return out
	})
}

func FuzzDetect(f *testing.F) {
	for _, s := range []string{"26年3月", "2024年08月01日（星期三）", "（2018-2020）", "二〇二六年3月五号", "\xff年3月", "3月5号楼"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, h := range Detect(s, Options{Year: 2026, InPlans: func(int) bool { return true }}) {
			fixture.CheckSpan(t, s, h.Span.Start, h.Span.End)
			for _, r := range h.Related {
				fixture.CheckSpan(t, s, r.Start, r.End)
			}
		}
	})
}
