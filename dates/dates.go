// Package dates finds slips in how dates are written in Chinese official
// reports (GB/T 15835—2011 出版物上数字用法, GB/T 9704—2012 党政机关公文格式):
// shortened years, zero-padded months and days, 号 for 日, Chinese and Arabic
// numerals mixed in one date, dates that do not exist, weekdays that do not
// match their date, year ranges without 年, and deadlines in the plans part
// that lie before the report's year.
package dates

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/reportlint/reportlint/internal/textrun"
	"github.com/reportlint/reportlint/segment"
)

// Hit is one finding.
type Hit = textrun.Hit

// Options give what the text alone does not tell.
type Options struct {
	// Year is the year the report covers (0: unknown, past-plan is off).
	Year int
	// InPlans reports whether a byte offset lies in the plans part
	// (下一步打算, 今年工作安排). Nil: past-plan is off.
	InPlans func(off int) bool
}

const (
	std9704  = "GB/T 9704—2012 第7.3.5.4条（成文日期）"
	std15835 = "GB/T 15835—2011"
	std15834 = "GB/T 15834—2011 第4.13.3.2条"
)

// Detect returns the date slips in text, in text order.
func Detect(text string, opt Options) []Hit { return DetectRunes(textrun.New(text), opt) }

// DetectRunes is Detect on a text already decoded (shared by detectors; t
// must be a View of its own).
func DetectRunes(t *textrun.Text, opt Options) []Hit {
	mask := textrun.NewMask(t, 1)
	var hits []Hit
	add := func(h Hit) { hits = append(hits, h) }
	n := t.Len()
	for i := 0; i < n; i++ {
		r := t.R[i]
		if !(textrun.Digit(r) || textrun.CNDigit(r) >= 0 || r == '十') || mask[i] {
			if r == '（' || r == '(' {
				if h, ok := yearRange(t, i); ok && !mask.Any(i, i+11) {
					add(h)
				}
			}
			continue
		}
		d, ok := parseDate(t, i)
		if !ok {
			continue
		}
		if mask.Any(d.start, d.end) || lunar(t, d.start) {
			i = d.end - 1
			continue
		}
		checkDate(t, d, opt, add)
		i = max(d.end-1, i)
	}
	return hits
}

// lunar reports a lunar-calendar context just before i (农历2月30日 exists).
func lunar(t *textrun.Text, i int) bool {
	s := t.Str(i-6, i)
	return strings.Contains(s, "农历") || strings.Contains(s, "阴历") || strings.Contains(s, "夏历")
}

func checkDate(t *textrun.Text, d date, opt Options, add func(Hit)) {
	whole := t.Str(d.start, d.end)
	// A year alone: only 26年底 / 26年末 / 26年初 and deadlines matter.
	if !d.m.ok() {
		if shortYear(t, d.y) && yearEndWord(t, d.end) {
			add(Hit{Span: t.Span(d.y.s, d.y.e+1), Rule: "date.two-digit-year", Certain: true, Standard: std9704,
				Message: fmt.Sprintf("年份不应简写：“%s%s”中的“%s”应写全四位年份", whole, string(t.At(d.end)), t.Str(d.y.s, d.y.e+1))})
		}
		pastPlan(t, d, opt, add)
		return
	}
	if d.y.ok() && shortYear(t, d.y) {
		add(Hit{Span: t.Span(d.y.s, d.y.e+1), Rule: "date.two-digit-year", Certain: true, Standard: std9704,
			Message: fmt.Sprintf("年份不应简写：“%s”中的“%s”应写全四位年份", whole, t.Str(d.y.s, d.y.e+1))})
	}
	mixed := false
	if kinds := []numKind{d.y.kind, d.m.kind, d.d.kind}; differ(kinds) {
		mixed = true
		sugg := ""
		if d.y.kind != kCN || d.y.digits == 4 {
			sugg = arabic(d)
		}
		h := Hit{Span: t.Span(d.start, d.end), Rule: "date.mixed", Certain: true, Standard: std15835, Suggestion: sugg,
			Message: fmt.Sprintf("同一日期中汉字数字与阿拉伯数字混用：“%s”应统一写法", whole)}
		if sugg != "" {
			h.Message += "，如“" + sugg + "”"
		}
		add(h)
	}
	if !mixed && !table(t, d.start) && !stamp(t, d.end) {
		for _, c := range []comp{d.m, d.d} {
			if c.kind == kArabic && c.digits == 2 && t.R[c.s] == '0' && c.val > 0 {
				add(Hit{Span: t.Span(c.s, c.e), Rule: "date.zero-padded", Certain: true, Standard: std9704,
					Suggestion: strconv.Itoa(c.val),
					Message:    fmt.Sprintf("日期中的月、日不编虚位：“%s”中的“%s”应为“%d”", whole, t.Str(c.s, c.e), c.val)})
			}
		}
	}
	if !mixed && d.dayMark == '号' && !haoNoun(t, d.end) {
		k := d.d.e
		add(Hit{Span: t.Span(k, k+1), Rule: "date.hao", Certain: true, Suggestion: "日",
			Message: fmt.Sprintf("公文中日期用“日”，不用口语的“号”：“%s”应为“%s日”", whole, t.Str(d.start, k))})
	}
	y := 0
	if d.y.ok() && (d.y.kind == kArabic && d.y.digits == 4 || d.y.kind == kCN && d.y.digits == 4) {
		y = d.y.val
	}
	if d.m.val < 1 || d.m.val > 12 {
		if d.d.ok() || d.y.ok() {
			add(Hit{Span: t.Span(d.start, d.end), Rule: "date.invalid", Certain: true,
				Message: fmt.Sprintf("日期不存在：“%s”中没有第%d月，请核对", whole, d.m.val)})
		}
		return
	}
	if d.d.ok() && (d.d.val < 1 || d.d.val > daysIn(y, d.m.val)) {
		msg := fmt.Sprintf("日期不存在：%d月只有%d天，“%s”请核对", d.m.val, daysIn(y, d.m.val), whole)
		if d.m.val == 2 && y > 0 {
			msg = fmt.Sprintf("日期不存在：%d年2月只有%d天，“%s”请核对", y, daysIn(y, 2), whole)
		}
		add(Hit{Span: t.Span(d.start, d.end), Rule: "date.invalid", Certain: true, Message: msg})
		return
	}
	if y > 0 && d.d.ok() {
		weekday(t, d, y, add)
	}
	pastPlan(t, d, opt, add)
}

func differ(ks []numKind) bool {
	var first numKind
	for _, k := range ks {
		if k == kNone {
			continue
		}
		if first == kNone {
			first = k
		} else if k != first {
			return true
		}
	}
	return false
}

// arabic writes d in Arabic numerals with 日.
func arabic(d date) string {
	var b strings.Builder
	if d.y.ok() {
		fmt.Fprintf(&b, "%d年", d.y.val)
	}
	if d.m.ok() {
		fmt.Fprintf(&b, "%d月", d.m.val)
	}
	if d.d.ok() {
		fmt.Fprintf(&b, "%d日", d.d.val)
	}
	return b.String()
}

// shortYear reports a year written with two digits (26年, 九〇年).
func shortYear(t *textrun.Text, y comp) bool {
	if y.digits != 2 {
		return false
	}
	if y.kind == kCN {
		return hasZero(t, y) && t.At(y.e+1) != '代'
	}
	return true
}

// yearEndWord reports 底, 末 or a stand-alone 初 after 年 (26年底; not 26年初步).
func yearEndWord(t *textrun.Text, i int) bool {
	switch t.At(i) {
	case '底', '末':
		return true
	case '初':
		nx := t.At(i + 1)
		return !textrun.Han(nx) || strings.ContainsRune("以起开至到", nx)
	}
	return false
}

// haoNoun reports a noun after 号 that makes it a number, not a date (5号楼).
func haoNoun(t *textrun.Text, i int) bool {
	return strings.ContainsRune("楼院线文令台门桥仓馆机舱站口井厂房库码车位路街巷", t.At(i))
}

// table reports whether rune i lies on a table row (Markdown pipes or tabs).
func table(t *textrun.Text, i int) bool {
	return t.LineTest(i, "table", func(line string) bool { return strings.ContainsAny(line, "|\t") })
}

var weekdayNames = []string{"日", "一", "二", "三", "四", "五", "六"}

// weekday checks （星期三） after a full date.
func weekday(t *textrun.Text, d date, y int, add func(Hit)) {
	i := d.end
	for textrun.Space(t.At(i)) {
		i++
	}
	open := t.At(i)
	if open == '（' || open == '(' || open == '，' || open == ',' {
		i++
	}
	w := t.PrefixAny(i, []string{"星期", "礼拜", "周"})
	if w == "" {
		return
	}
	k := i + len([]rune(w))
	name := t.At(k)
	got := -1
	for n, s := range weekdayNames {
		if string(name) == s {
			got = n
		}
	}
	if name == '天' && w != "周" {
		got = 0
	}
	if got < 0 || strings.ContainsRune("至到、和与及-—～~", t.At(k+1)) {
		return // 周一至周五
	}
	want := int(time.Date(y, time.Month(d.m.val), d.d.val, 12, 0, 0, 0, time.UTC).Weekday())
	if want == got {
		return
	}
	add(Hit{Span: t.Span(d.start, k+1), Rule: "date.weekday", Certain: true,
		Message: fmt.Sprintf("星期与日期不符：%s是星期%s，不是“%s%s”，请核对日期或星期", arabic(d), weekdayNames[want], w, string(name)),
		Related: []segment.Span{t.Span(i, k+1)}})
}

// yearRange checks （2018-2020） at rune i (the opening bracket): a year
// range in brackets after a plan name lacks 年; a hyphen or tilde is the wrong connector.
func yearRange(t *textrun.Text, i int) (Hit, bool) {
	open := t.R[i]
	a, ok := readNum(t, i+1, true)
	if !ok || a.kind != kArabic || a.digits != 4 {
		return Hit{}, false
	}
	j := a.e
	conn := t.At(j)
	wrong := false
	switch conn {
	case '-', '－', '–', '‐', '~', '〜', '−':
		wrong = true
		j++
	case '—':
		if t.At(j+1) == '—' {
			wrong = true
			j++
		}
		j++
	case '～', '至':
		j++
	default:
		return Hit{}, false
	}
	b, ok := readNum(t, j, true)
	if !ok || b.kind != kArabic || b.digits != 4 || b.val <= a.val || b.val-a.val > 100 || a.val < 1000 || b.val > 2100 {
		return Hit{}, false
	}
	closeR := t.At(b.e)
	if closeR != '）' && closeR != ')' {
		return Hit{}, false
	}
	planName := t.SuffixAny(i, []string{"规划", "纲要", "计划", "方案", "行动", "工程", "意见", "要点", "办法", "》"}) != ""
	if !wrong && !planName {
		return Hit{}, false
	}
	mark := "—"
	if conn == '～' || conn == '至' {
		mark = string(conn)
	}
	inner := fmt.Sprintf("%d%s%d", a.val, mark, b.val)
	if planName {
		inner += "年"
	}
	sugg := ""
	if open == '（' && closeR == '）' || open == '(' && closeR == ')' {
		sugg = string(open) + inner + string(closeR)
	}
	if open == '(' && closeR == ')' {
		sugg = "（" + inner + "）"
	}
	whole := t.Str(i, b.e+1)
	var msg string
	switch {
	case planName && wrong:
		msg = fmt.Sprintf("年份范围“%s”应写作“（%s）”：起止年份用一字线“—”连接，且后一年份带“年”", whole, inner)
	case planName:
		msg = fmt.Sprintf("规划、方案名称中的年份范围应带“年”：“%s”应为“（%s）”", whole, inner)
	default:
		msg = fmt.Sprintf("起止年份应用一字线“—”连接，不用“%s”：“%s”应为“（%s）”", t.Str(a.e, j), whole, inner)
	}
	if open == '(' && closeR == ')' {
		msg += "；括号应用全角“（）”"
	}
	return Hit{Span: t.Span(i, b.e+1), Rule: "date.range", Certain: true, Suggestion: sugg, Standard: std15834, Message: msg}, true
}

var (
	deadlineAfter = []string{"底前", "末前", "中旬前", "上旬前", "下旬前", "年底前", "以前", "之前", "前"}
	intentBefore  = []string{"力争", "争取", "确保", "计划", "预计", "拟"}
)

// pastPlan reports a deadline in the plans part that lies before the report's year.
func pastPlan(t *textrun.Text, d date, opt Options, add func(Hit)) {
	if opt.Year == 0 || opt.InPlans == nil || !d.y.ok() || d.y.digits != 4 || d.y.val >= opt.Year || d.y.val < opt.Year-30 {
		return
	}
	if !opt.InPlans(t.Off(d.start)) {
		return
	}
	after := t.PrefixAny(d.end, deadlineAfter)
	lead := t.Str(d.start-6, d.start)
	intent := false
	for _, w := range intentBefore {
		for _, p := range []string{"", "于", "在", "到", "将于"} {
			if strings.HasSuffix(lead, w+p) {
				intent = true
			}
		}
	}
	if after == "" && !intent {
		return
	}
	if strings.Contains(lead, "比") || strings.Contains(lead, "较") || strings.Contains(lead, "自") || strings.Contains(lead, "从") {
		return // 比2024年增长, 自2020年以来
	}
	end := d.end + len([]rune(after))
	add(Hit{Span: t.Span(d.start, end), Rule: "date.past-plan",
		Message: fmt.Sprintf("疑似时间错误：下一步打算中的“%s”早于本报告所属的%d年，请核实年份", t.Str(d.start, end), opt.Year)})
}

// stamp reports whether a clock time follows a date at rune i (2026年02月10日
// 07时41分, 2026年02月10日 07:41): a machine timestamp of a web page or a
// system, not a date written in the text.
func stamp(t *textrun.Text, i int) bool {
	for t.At(i) == ' ' || t.At(i) == '\u3000' {
		i++
	}
	n := 0
	for textrun.Digit(t.At(i + n)) {
		n++
	}
	if n == 0 || n > 2 {
		return false
	}
	r := t.At(i + n)
	return (r == '时' || r == ':' || r == '：') && textrun.Digit(t.At(i+n+1))
}
