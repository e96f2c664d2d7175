package genre

import (
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/fixture"
	"github.com/reportlint/reportlint/segment"
)

func TestFixtures(t *testing.T) {
	fixture.Check(t, "testdata/find.tsv", "testdata/silent.txt", func(text string, o map[string]string) []fixture.Hit {
		opt := Options{Profile: o["profile"], Upward: o["upward"] == "1", Dated: o["dated"] == "1"}
		var out []fixture.Hit
		for _, h := range Detect(text, opt) {
			out = append(out, fixture.Hit{Rule: h.Rule, Start: h.Span.Start, End: h.Span.End, Suggestion: h.Suggestion, Certain: h.Certain, Message: h.Message})
		}
		return out
	})
}

func TestRelativeTimeOnce(t *testing.T) {
	h := Detect("标题\n近日，召开会议。\n目前已完成。\n2026年3月5日", Options{})
	if len(h) != 1 || !h[0].Info || len(h[0].Related) != 1 || !strings.Contains(h[0].Message, "第2、3行") {
		t.Fatalf("relative time: want one info hit naming lines 2 and 3, got %+v", h)
	}
}

func FuzzDetect(f *testing.F) {
	for _, s := range []string{"妥否，请批示", "同志们：\n各位代表：", "你局", "近日\n2026年3月5日", "\xff贵局"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, h := range Detect(s, Options{Profile: "government-work", Upward: true, Dated: true}) {
			for _, sp := range append(h.Related, h.Span) {
				fixture.CheckSpan(t, s, sp.Start, sp.End)
			}
		}
	})
}

func TestTokens(t *testing.T) {
	s := "标题\n近日召开会议。\n2026年3月5日"
	toks := []segment.Token{segment.NewToken("标题", "", segment.Span{Start: 0, End: 6}), segment.NewToken("近", "", segment.Span{Start: 7, End: 10}), segment.NewToken("日", "", segment.Span{Start: 10, End: 13})}
	if got := Detect(s, Options{Tokens: toks}); len(got) != 0 {
		t.Errorf("a split token must stay silent, got %+v", got)
	}
	toks[1] = segment.NewToken("近日", "", segment.Span{Start: 7, End: 13})
	if got := Detect(s, Options{Tokens: toks}); len(got) != 1 {
		t.Errorf("a whole token must be found, got %+v", got)
	}
}
