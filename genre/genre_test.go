package genre

import (
	"testing"
	"unicode/utf8"

	"github.com/reportlint/reportlint/segment"
)

func TestFind(t *testing.T) {
	up := Options{Profile: "annual-summary", Upward: true}
	cases := []struct {
		in    string
		opt   Options
		rules []string
		texts []string
	}{
		{"以上报告，妥否，请批示。", up, []string{"genre.request", "genre.request"}, []string{"妥否", "请批示"}},
		{"现将有关情况报告如下，请审批。", up, []string{"genre.request"}, []string{"请审批"}},
		{"根据你局要求，现报告如下。", up, []string{"genre.address"}, []string{"你局"}},
		{"按照贵单位的部署开展工作。", up, []string{"genre.address"}, []string{"贵单位"}},
		{"同志们：\n过去一年……\n各位代表：\n今年……", Options{Profile: "government-work"}, []string{"genre.address"}, []string{"同志们"}},
		{"标题\n近日，我局召开会议。目前已完成。\n2026年3月5日", Options{}, []string{"genre.relative-time"}, []string{"近日"}},
		{"近日，我局召开会议。", Options{Dated: true}, []string{"genre.relative-time"}, []string{"近日"}},
	}
	for _, c := range cases {
		got := Detect(c.in, c.opt)
		if len(got) != len(c.rules) {
			t.Errorf("%q: got %+v, want %v", c.in, got, c.texts)
			continue
		}
		for i := range got {
			if got[i].Rule != c.rules[i] || c.in[got[i].Span.Start:got[i].Span.End] != c.texts[i] || got[i].Message == "" {
				t.Errorf("%q: hit %d = %s %q", c.in, i, got[i].Rule, c.in[got[i].Span.Start:got[i].Span.End])
			}
		}
	}
	h := Detect("标题\n近日，召开会议。\n目前已完成。\n2026年3月5日", Options{})
	if len(h) != 1 || !h[0].Info || len(h[0].Related) != 1 {
		t.Fatalf("relative time: want one info hit with one related place, got %+v", h)
	}
}

func TestSilent(t *testing.T) {
	up := Options{Profile: "duty-report", Upward: true}
	silent := []struct {
		in  string
		opt Options
	}{
		{"关于请示事项的报告\n特此报告。", up},
		{"文中不得出现“妥否，请批示”等请示用语。", up},
		{"项目已按程序报请批准，并提请审批。", up},
		{"根据你局要求开展工作。", Options{Profile: "duty-report"}},
		{"贵州省、宝贵意见、珍贵部分、可贵精神。", up},
		{"各位代表：\n过去一年……\n同志们：", Options{Profile: "government-work"}},
		{"近日召开会议，目前已完成。", Options{}},
		{"标题\n春节假日前、5日前、接近日均水平，项目前期、节目前。\n2026年3月5日", Options{}},
		{"5G基站、X光、二十大、两个确立、和平路、二〇二二年、9:30、https://a.cn/nj?q=1", up},
	}
	for _, c := range silent {
		if got := Detect(c.in, c.opt); len(got) > 0 {
			t.Errorf("%q: want silence, got %+v", c.in, got)
		}
	}
}

func FuzzDetect(f *testing.F) {
	for _, s := range []string{"妥否，请批示", "同志们：\n各位代表：", "你局", "近日\n2026年3月5日", "\xff贵局"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, h := range Detect(s, Options{Profile: "government-work", Upward: true, Dated: true}) {
			for _, sp := range append(h.Related, h.Span) {
				if sp.Start < 0 || sp.End > len(s) || sp.Start >= sp.End {
					t.Fatalf("span %v out of range in %q", sp, s)
				}
				if !utf8.RuneStart(s[sp.Start]) || sp.End < len(s) && !utf8.RuneStart(s[sp.End]) {
					t.Fatalf("span %v not on a rune boundary in %q", sp, s)
				}
			}
		}
	})
}

func TestTokens(t *testing.T) {
	s := "标题\n近日召开会议。\n2026年3月5日"
	toks := []segment.Token{{Text: "标题", Span: segment.Span{Start: 0, End: 6}}, {Text: "近", Span: segment.Span{Start: 7, End: 10}}, {Text: "日", Span: segment.Span{Start: 10, End: 13}}}
	if got := Detect(s, Options{Tokens: toks}); len(got) != 0 {
		t.Errorf("a split token must stay silent, got %+v", got)
	}
	toks[1] = segment.Token{Text: "近日", Span: segment.Span{Start: 7, End: 13}}
	if got := Detect(s, Options{Tokens: toks}); len(got) != 1 {
		t.Errorf("a whole token must be found, got %+v", got)
	}
}
