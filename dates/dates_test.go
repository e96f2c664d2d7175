package dates

import (
	"strings"
	"testing"
	"unicode/utf8"
)

type want struct{ rule, text, sugg string }

func TestFind(t *testing.T) {
	cases := []struct {
		in   string
		opt  Options
		want []want
	}{
		{"会议于26年3月召开。", Options{}, []want{{"date.two-digit-year", "26年", ""}}},
		{"计划于26年底前完成。", Options{}, []want{{"date.two-digit-year", "26年", ""}}},
		{"2024年08月01日召开会议。", Options{}, []want{{"date.zero-padded", "08", "8"}, {"date.zero-padded", "01", "1"}}},
		{"3月5号召开会议。", Options{}, []want{{"date.hao", "号", "日"}}},
		{"二〇二六年3月召开。", Options{}, []want{{"date.mixed", "二〇二六年3月", "2026年3月"}}},
		{"2026年三月五日召开。", Options{}, []want{{"date.mixed", "2026年三月五日", "2026年3月5日"}}},
		{"2月30日前完成。", Options{}, []want{{"date.invalid", "2月30日", ""}}},
		{"2025年2月29日通过。", Options{}, []want{{"date.invalid", "2025年2月29日", ""}}},
		{"4月31日召开。", Options{}, []want{{"date.invalid", "4月31日", ""}}},
		{"2026年3月5日（星期三）召开。", Options{}, []want{{"date.weekday", "2026年3月5日（星期三", ""}}},
		{"印发《规划(2018-2020)》。", Options{}, []want{{"date.range", "(2018-2020)", "（2018—2020年）"}}},
		{"实施行动计划（2021—2025）。", Options{}, []want{{"date.range", "（2021—2025）", "（2021—2025年）"}}},
		{"鲁迅(1881-1936)是作家。", Options{}, []want{{"date.range", "(1881-1936)", "（1881—1936）"}}},
		{"二、下一步打算\n力争2024年6月底前建成。", Options{Year: 2025, InPlans: func(int) bool { return true }},
			[]want{{"date.past-plan", "2024年6月底前", ""}}},
	}
	for _, c := range cases {
		got := Detect(c.in, c.opt)
		if len(got) != len(c.want) {
			t.Errorf("%q: got %d hits %+v, want %d", c.in, len(got), got, len(c.want))
			continue
		}
		for i, w := range c.want {
			h := got[i]
			if h.Rule != w.rule || c.in[h.Span.Start:h.Span.End] != w.text || h.Suggestion != w.sugg {
				t.Errorf("%q: hit %d = %s %q sugg %q, want %s %q sugg %q", c.in, i, h.Rule, c.in[h.Span.Start:h.Span.End], h.Suggestion, w.rule, w.text, w.sugg)
			}
			if h.Message == "" || !strings.ContainsAny(h.Message, "日期年份星期") {
				t.Errorf("%q: message %q", c.in, h.Message)
			}
		}
	}
}

func TestSilent(t *testing.T) {
	silent := []string{
		"他已工作26年，连续26年获评先进，26年来初心不改。",
		"用26年初步建成体系。",
		"二〇二二年三月五日，召开会议。",
		"2026年3月5日（星期四）召开。",
		"根据国办发〔2024〕5号文件要求，5号楼已建成。",
		"和平路5号、解放路12号。",
		"5G基站、X光机、二十大、两个确立、十四五。",
		"会议于9:30开始，电话010-88842603。",
		"农历2月30日。",
		"2024年一季度增长5%，十月份完成。",
		"2月29日召开。",
		"2024年2月29日召开。",
		"不得使用“26年3月”的写法。",
		"See https://example.com/2024/08/01?d=26年3月 for details.",
		"| 2024年08月 | 完成 |",
		"周一至周五，2026年3月5日 周一至周五开放。",
		"过去五年（2021-2025年）成绩显著。",
		"八〇年代以来，九〇后青年。",
		"二、下一步打算\n比2024年6月增长5%，自2020年以来持续推进。",
		"力争2026年6月底前建成。",
	}
	for _, s := range silent {
		opt := Options{Year: 2026, InPlans: func(int) bool { return true }}
		if got := Detect(s, opt); len(got) > 0 {
			t.Errorf("%q: want silence, got %+v", s, got)
		}
	}
}

func FuzzDetect(f *testing.F) {
	for _, s := range []string{"26年3月", "2024年08月01日（星期三）", "（2018-2020）", "二〇二六年3月五号", "\xff年3月", "3月5号楼"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, h := range Detect(s, Options{Year: 2026, InPlans: func(int) bool { return true }}) {
			checkSpan(t, s, h.Span.Start, h.Span.End)
			for _, r := range h.Related {
				checkSpan(t, s, r.Start, r.End)
			}
		}
	})
}

func checkSpan(t *testing.T, s string, a, b int) {
	t.Helper()
	if a < 0 || b > len(s) || a >= b {
		t.Fatalf("span [%d,%d) out of range in %q", a, b, s)
	}
	for _, o := range []int{a, b} {
		if o < len(s) && !utf8.RuneStart(s[o]) {
			t.Fatalf("span [%d,%d) not on a rune boundary in %q", a, b, s)
		}
	}
}
