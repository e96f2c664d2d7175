package cmd

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

// legalBreaks checks the lines of a wrap: none wider than width (unless
// one unbreakable group is), none starting with closing punctuation, none
// ending with opening punctuation, and together they hold the input's
// non-space text in order.
func legalBreaks(t *testing.T, in string, width int, lines []string) {
	t.Helper()
	for i, l := range lines {
		if twwidth.Width(l) > width && longestGroup(l) <= width {
			t.Errorf("wrap(%q, %d): line %d %q is wider than %d", in, width, i, l, width)
		}
		if i > 0 {
			if r, _ := utf8.DecodeRuneInString(l); isClosing(r) && l != "" {
				prev := lines[i-1]
				if longestGroup(prev) <= width { // a cut group may end anywhere
					t.Errorf("wrap(%q, %d): line %d %q starts with closing punctuation", in, width, i, l)
				}
			}
		}
		if i < len(lines)-1 {
			if r, _ := utf8.DecodeLastRuneInString(l); isOpening(r) && longestGroup(l) <= width {
				t.Errorf("wrap(%q, %d): line %d %q ends with opening punctuation", in, width, i, l)
			}
		}
	}
	strip := func(s string) string { return strings.Join(strings.Fields(s), "") }
	if strip(strings.Join(lines, "")) != strip(in) {
		t.Errorf("wrap(%q, %d) = %q loses or reorders text", in, width, lines)
	}
}

func TestWrapLine(t *testing.T) {
	cases := []struct {
		in    string
		width int
		want  []string
	}{
		// a rule id is never split, even in a narrow column
		{"number.missing-unit 数字缺少单位", 20, []string{"number.missing-unit", "数字缺少单位"}},
		// widths are display columns (a CJK character is 2); no line starts
		// with ）or ”， and none ends with （ or “
		{"百分号混用：本报告用“％”1处、“%”1处", 12, []string{"百分号混用：", "本报告用“％”", "1处、“%”1处"}},
		{"（一）加强理论武装", 6, []string{"（一）", "加强理", "论武装"}},
		{"增长6.5%，其中5G基站", 8, []string{"增长", "6.5%，其", "中5G基站"}},
		{"短", 10, []string{"短"}},
		{"第一行\n第二行很长很长很长", 6, []string{"第一行", "第二行", "很长很", "长很长"}},
		{"hello world again", 11, []string{"hello world", "again"}},
		{"《××市公共数据开放目录》", 6, []string{"《××市", "公共数", "据开放", "目录》"}},
		{"", 5, []string{""}},
	}
	for _, c := range cases {
		got := wrapLine(c.in, c.width)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("wrapLine(%q, %d) = %q, want %q", c.in, c.width, got, c.want)
		}
		legalBreaks(t, c.in, c.width, got)
	}
}

func TestWrapLineClosingRuns(t *testing.T) {
	// every width over a text dense with punctuation: all breaks legal
	text := "据汇聚。全年汇聚政务数据【**】亿条，同比增长**％，其中共享交换数据**亿条。牵头编制《××市公共数据开放目录》，开放数据集【**】个（较上年增加35个）。“一网通办”！"
	for w := longestGroup(text); w <= 80; w++ {
		legalBreaks(t, text, w, wrapLine(text, w))
	}
}

func TestWrapLinesFirstWidth(t *testing.T) {
	got := wrapLines("一二三四五六七八九十", 4, 8)
	want := []string{"一二", "三四五六", "七八九十"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("wrapLines = %q, want %q", got, want)
	}
}

func TestLongestGroup(t *testing.T) {
	if g := longestGroup("规则 punctuation.dunhao-quoted 说明"); g != len("punctuation.dunhao-quoted") {
		t.Errorf("longestGroup = %d", g)
	}
	if g := longestGroup("（一）"); g != 6 {
		t.Errorf("longestGroup（一） = %d, want 6 (one group)", g)
	}
}

func FuzzWrapLine(f *testing.F) {
	for _, s := range []string{"number.missing-unit 数字缺少单位", "（一）加强理论武装", "“%”1处，此处", "a\nb", "\xff（", "））））", "（（（（（"} {
		f.Add(s, 6)
	}
	f.Fuzz(func(t *testing.T, s string, width int) {
		if !utf8.ValidString(s) || strings.ContainsAny(s, "\r\t\v\f\u0085\u2028\u2029") || width < 0 || width > 200 {
			return
		}
		lines := wrapLine(s, width)
		if width == 0 {
			return
		}
		strip := func(s string) string { return strings.Join(strings.Fields(s), "") }
		if strip(strings.Join(lines, "")) != strip(s) {
			t.Fatalf("wrapLine(%q, %d) = %q loses text", s, width, lines)
		}
		for _, l := range lines {
			if twwidth.Width(l) > width && longestGroup(l) <= width && twwidth.Width(l) > 2 {
				t.Fatalf("wrapLine(%q, %d): %q too wide", s, width, l)
			}
		}
	})
}
