package cmd

import (
	"os"
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

// TestRenderTableNarrow renders tables like check's at 80 columns: no line
// wider than the terminal, rule ids whole, no line of a cell starting with
// closing punctuation.
func TestRenderTableNarrow(t *testing.T) {
	header := []string{"规则", "位置与原文", "问题", "建议"}
	rows := [][]string{
		{"number.missing-unit", "14:108 “增速**”\n12:370 “**％”", "“增速**”缺少单位：增速应写明“％”（本报告其他比率写了“％”，如第12行“**％”）", "补上单位，如“增速**％”"},
		{"consistency.unit-name", "20:134 “对外处”\n3:76 “对外科”", "同一机构名称前后不一致：此处作“对外处”，导言中作“对外科”（第3行），请统一", "对外科"},
		{"punctuation.dunhao-quoted", "9:44 “%”", "百分号混用：本报告用“％”1处、“%”1处，此处的“%”应统一为“％”", "改为“％”"},
	}
	for _, width := range []int{60, 80, 100, 200} {
		var b strings.Builder
		if err := renderTable(&b, width, header, rows); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, id := range []string{"number.missing-unit", "consistency.unit-name", "punctuation.dunhao-quoted"} {
			if !strings.Contains(out, id) {
				t.Errorf("width %d: %s split:\n%s", width, id, out)
			}
		}
		for _, line := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
			if w := twwidth.Width(line); w > width && width >= 80 { // narrower, ids may not fit beside the text
				t.Errorf("width %d: line %d columns wide: %s", width, w, line)
			}
			for _, cell := range strings.Split(line, "│") {
				cell = strings.TrimSpace(cell)
				if r, _ := utf8.DecodeRuneInString(cell); cell != "" && isClosing(r) && !strings.HasPrefix(cell, "……") {
					t.Errorf("width %d: a cell line starts with %q: %s", width, r, line)
				}
			}
		}
	}
}

// textWidth agrees with twwidth.Width on report text (the fast path),
// on every kind of rune it hands over, and on their mixtures.
func TestTextWidth(t *testing.T) {
	cases := []string{"", "abc 2022", "加强理论武装", "全年完成投资12.5亿元", "number.missing-unit 数字缺少单位",
		"“两个确立”", "（一）", "…", "①", "5G", "X光", "é", "e\u0301", "中\u0301", "中\ufe0f", "👍", "👨\u200d👩", "🇨🇳", "ｶﾞ", "\t", "\x7f", "\xff", "一\xff", "〇", "㐀", "𠀀", "鿿", "丂"}
	for _, p := range []string{"../testdata/reports/duty-report-2022.txt", "../README.md"} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, strings.Split(string(b), "\n")...)
	}
	// every rune of the direct count, alone and between two others
	for r := rune(0); r <= 0xffff; r++ {
		if wideAlone(r) || r >= 0x20 && r < 0x7f {
			cases = append(cases, string(r), "中"+string(r)+"a", "a"+string(r)+"́", string(r)+"️")
		}
	}
	for _, s := range cases {
		if got, want := textWidth(s), twwidth.Width(s); got != want {
			t.Errorf("textWidth(%q) = %d, twwidth.Width = %d", s, got, want)
		}
	}
}

func FuzzTextWidth(f *testing.F) {
	for _, s := range []string{"中文abc", "e\u0301", "中\ufe0f", "“”", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := textWidth(s), twwidth.Width(s); got != want {
			t.Fatalf("textWidth(%q) = %d, twwidth.Width = %d", s, got, want)
		}
	})
}
