package segment

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseMarker(t *testing.T) {
	tests := []struct {
		in      string
		level   int
		num     int
		marker  string
		form    string
		correct bool
	}{
		{"一、聚焦政治建设", 1, 1, "一、", "N、", true},
		{"十二、其他", 1, 12, "十二、", "N、", true},
		{"二十一、附则", 1, 21, "二十一、", "N、", true},
		{"一.聚焦", 1, 1, "一.", "N.", false},
		{"一，聚焦", 1, 1, "一，", "N，", false},
		{"一．聚焦", 1, 1, "一．", "N．", false},
		{"一、二〇二二年工作回顾", 1, 1, "一、", "N、", true},
		{"一、二十年来的变化", 1, 1, "一、", "N、", true},
		{"（一）坚持", 2, 1, "（一）", "（N）", true},
		{"（十）其他", 2, 10, "（十）", "（N）", true},
		{"（一）、坚持", 2, 1, "（一）、", "（N）、", false},
		{"(一)坚持", 2, 1, "(一)", "(N)", false},
		{"（一)坚持", 2, 1, "（一)", "（N)", false},
		{"一）坚持", 2, 1, "一）", "N）", false},
		{"1.加强", 3, 1, "1.", "N.", true},
		{"1．加强", 3, 1, "1．", "N．", true},
		{"12.加强", 3, 12, "12.", "N.", true},
		{"１．加强", 3, 1, "１．", "N．", true},
		{"1、加强", 3, 1, "1、", "N、", false},
		{"1，加强", 3, 1, "1，", "N，", false},
		{"1、2022年工作", 3, 1, "1、", "N、", false},
		{"1、100个项目落地", 3, 1, "1、", "N、", false},
		{"（1）加强", 4, 1, "（1）", "（N）", true},
		{"(1)加强", 4, 1, "(1)", "(N)", false},
		{"(1)、加强", 4, 1, "(1)、", "(N)、", false},
		{"1）加强", 4, 1, "1）", "N）", false},
		{"1)加强", 4, 1, "1)", "N)", false},
		{"⑴加强", 4, 1, "⑴", "⑴", true},
		{"⑶加强", 4, 3, "⑶", "⑴", true},
		{"①加强", 5, 1, "①", "①", true},
		{"③、加强", 5, 3, "③、", "①、", false},
	}
	for _, tt := range tests {
		level, num, n, form, correct, ok := ParseMarker(tt.in)
		if !ok {
			t.Errorf("ParseMarker(%q) not a heading", tt.in)
			continue
		}
		if level != tt.level || num != tt.num || tt.in[:n] != tt.marker || form != tt.form || correct != tt.correct {
			t.Errorf("ParseMarker(%q) = level %d num %d marker %q form %q correct %v; want %d %d %q %q %v",
				tt.in, level, num, tt.in[:n], form, correct, tt.level, tt.num, tt.marker, tt.form, tt.correct)
		}
	}
}

func TestParseMarkerLookAlikes(t *testing.T) {
	for _, s := range []string{
		"", "一是在疫情防控上更加高效", "二要持续深化", "第一，加强学习", "第一、加强学习",
		"1.5亿元投资", "3.2%的增速", "1．5万人", "2022年是", "2022.10", "9:30召开", "9：30召开",
		"1,326个基站", "6、7月份", "3、5、8月份", "1、10日", "2、15号楼", "1、3号楼以外", "2、3号楼", "1，2号楼", "一、二季度经济运行", "三、四月份", "一、二等奖",
		"一、二、三产业融合", "九、十月份", "十九大以来", "二十大", "（注）", "（2022年）", "（市数据资源局副局长）",
		"（一二）", "(", "（", "一", "1", "（1", "一二三四、", "0.加强", "（0）", "1234.", "①", // last one is a heading
	} {
		level, _, _, _, _, ok := ParseMarker(s)
		if s == "①" {
			if !ok || level != 5 {
				t.Errorf("ParseMarker(%q) should be level 5", s)
			}
			continue
		}
		if ok {
			t.Errorf("ParseMarker(%q) = level %d heading; want none", s, level)
		}
	}
}

func TestChineseNumberRoundTrip(t *testing.T) {
	for n := 1; n <= 99; n++ {
		s := ChineseNumeral(n)
		if v, ok := ChineseNumber(s); !ok || v != n {
			t.Errorf("ChineseNumber(ChineseNumeral(%d)=%q) = %d, %v", n, s, v, ok)
		}
	}
	for _, bad := range []string{"", "一十", "十十", "二二", "一百", "零", "十二十", "四十十"} {
		if v, ok := ChineseNumber(bad); ok {
			t.Errorf("ChineseNumber(%q) = %d; want failure", bad, v)
		}
	}
	if ChineseNumeral(0) != "" || ChineseNumeral(100) != "" {
		t.Error("ChineseNumeral out of range should be empty")
	}
}

func TestWantMarker(t *testing.T) {
	for _, tt := range []struct {
		level, n int
		want     string
	}{{1, 3, "三、"}, {2, 11, "（十一）"}, {3, 10, "10."}, {4, 2, "（2）"}, {5, 4, "④"}, {5, 21, ""}, {6, 1, ""}} {
		if got := WantMarker(tt.level, tt.n); got != tt.want {
			t.Errorf("WantMarker(%d,%d) = %q; want %q", tt.level, tt.n, got, tt.want)
		}
	}
}

func TestHeadingOutline(t *testing.T) {
	text := strings.Join([]string{
		"2023年度述职报告",
		"现将一年来的情况报告如下：",
		"一、加强理论学习",
		"（一）学习方面。认真参加学习。",
		"1.集中学习。每月一次。",
		"2.个人自学",
		"（二）实践方面",
		"主要措施：1.加强调研；2.完善制度。",
		"1.5亿元项目已落地。",
		"二、 履职尽责",
		"（1）跳级的标题",
	}, "\n")
	d := NewDocument("t.txt", FormatText, "utf-8", text, nil)
	if got := d.Slice(d.Title); got != "2023年度述职报告" {
		t.Errorf("title = %q", got)
	}
	type row struct {
		text   string
		level  int
		parent string
		runIn  bool
	}
	want := []row{
		{"一、加强理论学习", 1, "", false},
		{"（一）学习方面", 2, "一、加强理论学习", true},
		{"1.集中学习", 3, "（一）学习方面", true},
		{"2.个人自学", 3, "（一）学习方面", false},
		{"（二）实践方面", 2, "一、加强理论学习", false},
		{"二、 履职尽责", 1, "", false},
		{"（1）跳级的标题", 4, "二、 履职尽责", false},
	}
	if len(d.Headings) != len(want) {
		for _, h := range d.Headings {
			t.Logf("heading %q", h.Text(d))
		}
		t.Fatalf("got %d headings, want %d", len(d.Headings), len(want))
	}
	for i, h := range d.Headings {
		w := want[i]
		parent := ""
		if h.Parent != nil {
			parent = h.Parent.Text(d)
		}
		if h.Text(d) != w.text || h.Level != w.level || parent != w.parent || h.RunIn != w.runIn {
			t.Errorf("heading %d = %q level %d parent %q runIn %v; want %+v", i, h.Text(d), h.Level, parent, h.RunIn, w)
		}
	}
	if got := d.Slice(d.Headings[5].Title); got != "履职尽责" {
		t.Errorf("title after a space = %q; want 履职尽责", got)
	}
	// Section extents: （一） runs to （二）; 一、 to 二、.
	if h := d.Headings[1]; d.Slice(h.Span) != strings.Join(strings.Split(text, "\n")[3:6], "\n")+"\n" {
		t.Errorf("（一） span = %q", d.Slice(h.Span))
	}
	if h := d.HeadingAt(strings.Index(text, "主要措施")); h == nil || h.Text(d) != "（二）实践方面" {
		t.Errorf("HeadingAt(主要措施) = %v", h)
	}
}

func TestHeadingMarkdown(t *testing.T) {
	text := "# 2023年工作总结\n\n## 一、主要成效\n\n**二、存在问题**\n\n### （一）短板\n"
	d := NewDocument("t.md", FormatMarkdown, "utf-8", text, nil)
	if len(d.Headings) != 3 {
		t.Fatalf("got %d headings, want 3", len(d.Headings))
	}
	for i, want := range []string{"一、主要成效", "二、存在问题", "（一）短板"} {
		if got := d.Headings[i].Text(d); got != want {
			t.Errorf("heading %d = %q; want %q", i, got, want)
		}
	}
}

// FuzzParseMarker checks ParseMarker's invariants on arbitrary input.
func FuzzParseMarker(f *testing.F) {
	for _, s := range []string{"一、聚焦", "（一）坚持", "1.加强", "（1）", "①", "⑴", "1.5亿元", "一、二季度",
		"(一)、", "1)", "6、7月", "1,326个", "十一、", "（二十一）", "9:30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		level, num, n, form, correct, ok := ParseMarker(s)
		if !ok {
			if level != 0 || n != 0 {
				t.Fatalf("ParseMarker(%q): not ok but level %d n %d", s, level, n)
			}
			return
		}
		if level < 1 || level > 5 || num < 1 || n <= 0 || n > len(s) || form == "" {
			t.Fatalf("ParseMarker(%q) = %d %d %d %q", s, level, num, n, form)
		}
		if !utf8.ValidString(s[:n]) && utf8.ValidString(s) {
			t.Fatalf("ParseMarker(%q): marker %q cuts a rune", s, s[:n])
		}
		want := WantMarker(level, num)
		if correct && want != "" && !strings.ContainsRune(form, 'N') && form != "⑴" && form != "①" {
			t.Fatalf("ParseMarker(%q): correct form %q has no number slot", s, form)
		}
		// The standard marker for what was read parses back to itself.
		if want != "" {
			l2, n2, w2, _, c2, ok2 := ParseMarker(want + "标题")
			if !ok2 || l2 != level || n2 != num || w2 != len(want) || !c2 {
				t.Fatalf("WantMarker(%d,%d)=%q reparses as %d %d %d %v %v", level, num, want, l2, n2, w2, c2, ok2)
			}
		}
	})
}

func TestHeadingMarkdownEdgeCases(t *testing.T) {
	for _, text := range []string{"**", "****", "# **", "**一、**", "## ", "**一、甲"} {
		d := NewDocument("t.md", FormatMarkdown, "utf-8", text, nil)
		for _, h := range d.Headings {
			if h.Marker.Start > h.Marker.End || h.Title.Start > h.Title.End || h.Title.End > len(text) {
				t.Errorf("%q: heading spans %v %v", text, h.Marker, h.Title)
			}
		}
	}
}

// TestFindTitleAfterFurniture: the title may follow short web-page leftovers
// (下载, 打印, 【字号：…】) and comment lines; a body line ends the search.
func TestFindTitleAfterFurniture(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"下载\n打印\n【字号：\n加大\n】\n2026年某省政府工作报告\n各位代表：\n", "2026年某省政府工作报告"},
		{"<!-- options: year=2023 -->\n某街道2023年工作总结\n正文。\n", "某街道2023年工作总结"},
		{"2020年度个人述职报告<!-- want x -->\n正文。\n", "2020年度个人述职报告"},
		{"各位代表：\n现在，我代表区人民政府向大会作工作报告。\n", ""},
		{"全年完成了各项任务，群众满意度稳步提升\n工作报告\n", ""},
		{"一、主要工作\n述职报告\n", ""},
	} {
		doc := NewDocument("t.txt", FormatText, "utf-8", tt.text, nil)
		if got := doc.Slice(doc.Title); got != tt.want {
			t.Errorf("%q: title %q, want %q", tt.text, got, tt.want)
		}
	}
}
