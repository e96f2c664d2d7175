// Package usage finds small usage slips in Chinese official text: a 破折号
// written as “--” or a single dash, “•” for the 间隔号 “·”, place-to-place
// ranges with a hyphen, doubled punctuation with a space between, ratios
// with a colon instead of “∶”, full-width digits in a text with no
// half-width digit, and decimals without their leading zero.
//
// Rules that analyze already has are not repeated here: 2013-2015年 and
// 3-5月 (punctuation.range), ，， and ，。 side by side (punctuation.repeated),
// full-width digits next to half-width ones (number.width).
package usage

import (
	"fmt"
	"strings"

	"github.com/reportlint/reportlint/internal/textrun"
)

// Hit is one finding.
type Hit = textrun.Hit

const (
	std15834     = "GB/T 15834—2011"
	std15834Span = "GB/T 15834—2011 第4.13.3.2条"
	std15835     = "GB/T 15835—2011"
)

// Detect returns the usage slips in text, in text order.
func Detect(text string) []Hit { return DetectRunes(textrun.New(text)) }

// DetectRunes is Detect on a text already decoded (shared by detectors; t
// must be a View of its own).
func DetectRunes(t *textrun.Text) []Hit {
	text := t.S
	mask := textrun.NewMask(t, 1)
	var hits []Hit
	add := func(h Hit) { hits = append(hits, h) }
	n := t.Len()
	halfDigit := strings.ContainsAny(text, "0123456789")
	ratioEnd := 0 // end of the last ratio found: 由A∶B优化至C∶D
	for i := 0; i < n; i++ {
		if mask[i] {
			continue
		}
		r := t.R[i]
		if r == ':' || r == '：' {
			if j := ratio(t, i, &ratioEnd, add); j > i {
				i = j
				continue
			}
		}
		switch {
		case r == '-' || r == '－' || r == '—' || r == '―' || r == '–':
			i = dash(t, mask, i, add)
		case r == '•' || r == '・' || r == '‧' || r == '∙' || r == '．' || r == '⋅':
			interpunct(t, i, add)
		case r == '，' || r == '；' || r == '。' || r == '、' || r == '：' || r == '！' || r == '？':
			i = spacedMarks(t, i, add)
		case r >= '０' && r <= '９':
			i = fullDigits(t, i, halfDigit, add)
		case r == '.':
			leadingZero(t, i, add)
		}
	}
	return hits
}

func isDash(r rune) bool { return r == '-' || r == '－' || r == '—' || r == '―' || r == '–' }

// routeWords end a place-to-place range (甲地—乙地段).
var routeWords = []string{"高速公路", "高速", "铁路", "高铁", "城际", "公路", "航线", "班列", "快线", "专线", "干线", "段", "线", "航班", "动车"}

// dash handles a run of dashes at i and returns the index of its last rune.
func dash(t *textrun.Text, mask textrun.Mask, i int, add func(Hit)) int {
	j := i
	for j < t.Len() && isDash(t.R[j]) && j-i < 4 {
		j++
	}
	run := t.Str(i, j)
	prev, next := t.At(i-1), t.At(j)
	hanL := textrun.Han(prev) || strings.ContainsRune("”》）", prev)
	hanR := textrun.Han(next) || strings.ContainsRune("“《（", next)
	switch {
	case run == "——":
		return j - 1 // a 破折号
	case j-i == 2 && (run == "--" || run == "－－" || run == "――" || run == "—-" || run == "-—" || run == "––") && hanL && hanR:
		add(Hit{Span: t.Span(i, j), Rule: "usage.dash", Certain: true, Suggestion: "——", Standard: std15834,
			Message: fmt.Sprintf("破折号应为“——”，不用“%s”：“%s”", run, t.Excerpt(i-6, j+6, i))})
	case j-i == 1 && r1(run) == '—' && lineStart(t, i) && (textrun.Han(next) || textrun.Digit(next)) && subtitle(t, j):
		add(Hit{Span: t.Span(i, j), Rule: "usage.dash", Certain: true, Suggestion: "——", Standard: std15834,
			Message: fmt.Sprintf("副标题前的破折号应为“——”，不用一字线“—”：“%s”", t.Str(i, j+12))})
	case j-i == 1 && (r1(run) == '-' || r1(run) == '－' || r1(run) == '–') && textrun.Han(prev) && textrun.Han(next):
		placeRange(t, i, add)
	}
	return j - 1
}

func r1(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

func lineStart(t *textrun.Text, i int) bool {
	k := i
	for k > 0 && textrun.Space(t.R[k-1]) {
		k--
	}
	return k == 0 || t.R[k-1] == '\n'
}

// subtitle reports a line …在……会议上 / ……报告 after a leading dash.
func subtitle(t *textrun.Text, j int) bool {
	_, e := t.LineBounds(j)
	line := t.Str(j, e)
	return strings.Contains(line, "会议上") || strings.Contains(line, "大会上") || strings.HasSuffix(strings.TrimSpace(line), "报告")
}

// placeRange reports 甲地-乙地段 (the hyphen at i between Han characters).
func placeRange(t *textrun.Text, i int, add func(Hit)) {
	// the second place: 1–8 Han characters, then a route word
	k := i + 1
	for k < t.Len() && textrun.Han(t.R[k]) && k-i <= 10 {
		if w := t.PrefixAny(k, routeWords); w != "" && k-i >= 3 && routeEnd(t, k, w) {
			// the first place: at least two Han characters before the hyphen
			if !textrun.Han(t.At(i - 2)) {
				return
			}
			end := k + len([]rune(w))
			add(Hit{Span: t.Span(i, i+1), Rule: "usage.place-range", Certain: true, Suggestion: "—", Standard: std15834Span,
				Message: fmt.Sprintf("地点起止用一字线“—”，不用连字符“%s”：“%s”应为“%s—%s”", t.Str(i, i+1), t.Excerpt(i-6, end, i), t.Excerpt(i-6, i, i), t.Str(i+1, end))})
			return
		}
		k++
	}
}

// routeEnd reports whether w at k ends a route name (深汕段, 广湛线), not a
// word such as 阶段, 手段, 底线, 热线 or 线上.
func routeEnd(t *textrun.Text, k int, w string) bool {
	p := t.At(k - 1)
	switch w {
	case "段":
		if strings.ContainsRune("阶手片时分区波工标", p) {
			return false
		}
	case "线":
		if strings.ContainsRune("路底红前防热主在上下连曲界视战生一二三", p) {
			return false
		}
	}
	return !strings.ContainsRune("上下内外面", t.At(k+len([]rune(w))))
}

// interpunct reports • ・ ． between Han characters, the 间隔号 “·” intended.
func interpunct(t *textrun.Text, i int, add func(Hit)) {
	prev, next := t.At(i-1), t.At(i+1)
	if !textrun.Han(prev) || !textrun.Han(next) {
		return
	}
	r := t.R[i]
	if r == '．' {
		// 一．加强学习 is a heading ordinal; a full-width point between words may be a full stop
		if textrun.CNDigit(prev) >= 0 || prev == '十' {
			return
		}
		add(Hit{Span: t.Span(i, i+1), Rule: "usage.interpunct",
			Message: fmt.Sprintf("疑似间隔号误用：“%s”中的“．”如用于分隔外国人名或书名与篇名，应为间隔号“·”，请核实", t.Excerpt(i-6, i+7, i))})
		return
	}
	add(Hit{Span: t.Span(i, i+1), Rule: "usage.interpunct", Certain: true, Suggestion: "·", Standard: std15834,
		Message: fmt.Sprintf("间隔号应为“·”，不用“%s”：“%s”", string(r), t.Excerpt(i-6, i+7, i))})
}

func pointMark(r rune) bool { return strings.ContainsRune("，；。、：！？", r) }

// spacedMarks reports two point marks with only blanks between (；　；).
func spacedMarks(t *textrun.Text, i int, add func(Hit)) int {
	k := i + 1
	for k < t.Len() && textrun.Space(t.R[k]) {
		k++
	}
	if k == i+1 || k >= t.Len() || !pointMark(t.R[k]) {
		return i
	}
	a, b := t.R[i], t.R[k]
	if a == b {
		add(Hit{Span: t.Span(i, k+1), Rule: "usage.repeated-spaced", Certain: true, Suggestion: string(a), Standard: std15834,
			Message: fmt.Sprintf("标点重复：“%s%s”中间隔空格的两个“%c”应只保留一个", t.Excerpt(i-6, i, i), t.Str(i, k+1), a)})
	} else {
		add(Hit{Span: t.Span(i, k+1), Rule: "usage.repeated-spaced", Certain: true, Standard: std15834, // which to keep is the writer's choice
			Message: fmt.Sprintf("点号连用：“%s%s”中“%c”与“%c”之间只隔空格，应只保留一个", t.Excerpt(i-6, i, i), t.Str(i, k+1), a, b)})
	}
	return k
}

var (
	ratioCues = []string{"比例", "之比", "配比", "比值", "比为", "比约为", "比达", "比重", "结构", "比从", "比由", "比是"}
	ratioLead = []string{"按照", "按"}
	ratioTail = []string{"比例尺", "的比例", "比例", "配套", "配比", "匹配", "地形图"}
	timeCues  = []string{"时", "点", "上午", "下午", "晚上", "早上", "分", "开始", "召开", "举行", "比分", "战胜", "击败", "比赛", "获胜", "战平"}
)

func colon(r rune) bool { return r == ':' || r == '：' }

// readDecimal returns the end of a number (digits, one decimal point) at i, or i.
func readDecimal(t *textrun.Text, i int) int {
	e := i
	for e < t.Len() && textrun.Digit(t.R[e]) && e-i < 8 {
		e++
	}
	if e > i && t.At(e) == '.' && textrun.Digit(t.At(e+1)) {
		e++
		for e < t.Len() && textrun.Digit(t.R[e]) && e-i < 12 {
			e++
		}
	}
	return e
}

// ratio reports 3:2 or 4.3：39.2：56.5 written with colons where a ratio is
// meant; i is the first colon. It returns the index of the last colon.
func ratio(t *textrun.Text, i int, prevEnd *int, add func(Hit)) int {
	s := i
	for s > 0 && (textrun.Digit(t.R[s-1]) || t.R[s-1] == '.' && textrun.Digit(t.At(s-2))) && i-s < 12 {
		s--
	}
	if s == i || !textrun.Digit(t.R[s]) || textrun.Digit(t.At(s-1)) || t.At(s-1) == '.' || textrun.Letter(t.At(s-1)) {
		return i
	}
	// the terms after: num (colon num)*, colons being : ： or ∶
	e, last := i, i
	var colons []int
	for k := 0; k < 4 && (colon(t.At(e)) || t.At(e) == '∶'); k++ {
		ne := readDecimal(t, e+1)
		if ne == e+1 {
			return i
		}
		if colon(t.At(e)) {
			colons = append(colons, e)
		}
		last = e
		e = ne
	}
	if textrun.Letter(t.At(e)) || t.At(e) == '.' || textrun.Digit(t.At(e)) {
		return last
	}
	lead := t.Str(s-8, s)
	if k := strings.LastIndexAny(lead, "，。；！？\n"); k >= 0 {
		lead = lead[k:]
	}
	tail := t.Str(e, e+5)
	cue := t.PrefixAny(e, ratioTail) != "" || *prevEnd > 0 && s-*prevEnd <= 8 && !strings.ContainsAny(t.Str(*prevEnd, s), "。；！？\n")
	for _, c := range ratioCues {
		if strings.Contains(lead, c) {
			cue = true
		}
	}
	for _, c := range ratioLead {
		if strings.HasSuffix(lead, c) {
			cue = true
		}
	}
	if !cue {
		return last
	}
	for _, c := range timeCues {
		if strings.HasSuffix(lead, c) || strings.HasPrefix(tail, c) || strings.Contains(lead, "比分") || strings.Contains(lead, "比赛") {
			return last
		}
	}
	expr := t.Str(s, e)
	fixed := strings.NewReplacer(":", "∶", "：", "∶").Replace(expr)
	used := string(t.R[colons[0]])
	*prevEnd = e
	add(Hit{Span: t.Span(s, e), Rule: "usage.ratio", Certain: true, Suggestion: fixed, Standard: std15835 + " 第4.1.1条",
		Message: fmt.Sprintf("比例中应使用比号“∶”，不用冒号“%s”：“%s”应为“%s”", used, expr, fixed)})
	return last
}

// fullDigits reports a run of full-width digits when the text has no
// half-width digit (number.width covers texts that mix both).
func fullDigits(t *textrun.Text, i int, halfDigit bool, add func(Hit)) int {
	j := i
	for j < t.Len() && (t.R[j] >= '０' && t.R[j] <= '９' || t.R[j] == '．' && j+1 < t.Len() && t.R[j+1] >= '０' && t.R[j+1] <= '９') {
		j++
	}
	if halfDigit {
		return j - 1
	}
	var b strings.Builder
	for _, r := range t.R[i:j] {
		if r == '．' {
			b.WriteByte('.')
		} else {
			b.WriteRune('0' + r - '０')
		}
	}
	add(Hit{Span: t.Span(i, j), Rule: "usage.fullwidth-digit", Certain: true, Suggestion: b.String(), Standard: std15835,
		Message: fmt.Sprintf("阿拉伯数字应使用半角：全角数字“%s”应为“%s”", t.Str(i, j), b.String())})
	return j - 1
}

// leadingZero reports .5 for 0.5 in Chinese text.
func leadingZero(t *textrun.Text, i int, add func(Hit)) {
	prev := t.At(i - 1)
	if textrun.Digit(prev) || textrun.Letter(prev) || strings.ContainsRune("/\\_-.~#@:", prev) || !textrun.Digit(t.At(i+1)) {
		return
	}
	if textrun.Han(prev) && !strings.ContainsRune("为约达是至率值数比重仅超近于", prev) {
		return // 完成.5月: a half-width full stop, not a decimal
	}
	e := i + 1
	for e < t.Len() && textrun.Digit(t.R[e]) {
		e++
	}
	nx := t.At(e)
	if nx == '.' || nx == '．' || textrun.Letter(nx) && textrun.Letter(t.At(e+1)) && !unitAt(t, e) || strings.ContainsRune("月日年号时", nx) {
		return // .5.1 versions, .5 after a full stop before a date
	}
	if !textrun.Han(t.At(i-1)) && !textrun.Han(nx) && !textrun.Han(t.At(i-2)) && !textrun.Han(t.At(e+1)) {
		return // English text
	}
	num := t.Str(i, e)
	add(Hit{Span: t.Span(i, e), Rule: "usage.leading-zero", Certain: true, Suggestion: "0" + num, Standard: std15835,
		Message: fmt.Sprintf("纯小数应写出小数点前的“0”：“%s”应为“0%s”", num, num)})
}

func unitAt(t *textrun.Text, i int) bool {
	return t.PrefixAny(i, []string{"km", "kg", "cm", "mm", "mg", "ml", "kW", "MW", "GB", "MB"}) != ""
}
