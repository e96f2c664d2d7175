package segment

import (
	"strings"
	"unicode/utf8"
)

// Heading is a numbered heading at the start of a paragraph, classified by
// its GB/T 9704 level: 1 "一、", 2 "（一）", 3 "1.", 4 "（1）", 5 "①".
type Heading struct {
	Level   int
	Number  int    // the ordinal written, 1-based
	Marker  Span   // the number and its punctuation, e.g. "一、"
	Form    string // the form as written, with N for the number: "N、" "N." "（N）" "（N）、" "(N)" …
	Correct bool   // Form is the standard form of its level
	Want    string // the standard marker for this level and number, e.g. "（二）"
	Title   Span   // heading text after the marker, up to the first 。 or the paragraph end
	RunIn   bool   // body text follows the title in the same paragraph
	Para    int    // index into Document.Paragraphs
	Parent  *Heading
	Span    Span // the section: this paragraph to the next heading of the same or a higher level
	AutoNum bool // number rendered from Word's list numbering
}

// Text returns marker and title, e.g. "（一）坚持旗帜鲜明讲政治".
func (h *Heading) Text(d *Document) string { return d.Text[h.Marker.Start:h.Title.End] }

var cnDigits = map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9, '十': 10}

// ChineseNumber parses 一…九十九 written the usual way; ok is false otherwise.
func ChineseNumber(s string) (int, bool) {
	rs := []rune(s)
	if len(rs) == 0 || len(rs) > 3 {
		return 0, false
	}
	for _, r := range rs {
		if _, ok := cnDigits[r]; !ok {
			return 0, false
		}
	}
	switch len(rs) {
	case 1:
		return cnDigits[rs[0]], true
	case 2:
		a, b := cnDigits[rs[0]], cnDigits[rs[1]]
		if a == 10 && b < 10 { // 十一
			return 10 + b, true
		}
		if b == 10 && a > 1 && a < 10 { // 二十
			return a * 10, true
		}
	case 3:
		a, b, c := cnDigits[rs[0]], cnDigits[rs[1]], cnDigits[rs[2]]
		if b == 10 && a > 1 && a < 10 && c < 10 { // 二十一
			return a*10 + c, true
		}
	}
	return 0, false
}

// ChineseNumeral writes n (1–99) as 一 … 九十九.
func ChineseNumeral(n int) string {
	d := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n <= 0 || n > 99:
		return ""
	case n < 10:
		return d[n]
	case n < 20:
		return "十" + d[n-10]
	default:
		return d[n/10] + "十" + d[n%10]
	}
}

// WantMarker returns the standard GB/T 9704 marker for a level and number.
func WantMarker(level, n int) string {
	switch level {
	case 1:
		return ChineseNumeral(n) + "、"
	case 2:
		return "（" + ChineseNumeral(n) + "）"
	case 3:
		return itoa(n) + "."
	case 4:
		return "（" + itoa(n) + "）"
	case 5:
		if n >= 1 && n <= 20 {
			return string(rune('①' + n - 1))
		}
	}
	return ""
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// ParseMarker reads a heading number at the start of s. It returns the level,
// number, byte length of the marker (punctuation included), the form and
// whether the form is the standard one. ok is false when s does not start
// with a heading number (一是, 1.5亿元, 2022年, 9:30, 1,326个, 6、7月,
// 一、二季度 and the like).
func ParseMarker(s string) (level, num, n int, form string, correct, ok bool) {
	if s == "" {
		return
	}
	r0, w0 := utf8.DecodeRuneInString(s)
	switch {
	case r0 == '（' || r0 == '(':
		inner, closeLen, closeFull, found := scanParen(s[w0:])
		if !found {
			return
		}
		open := "（"
		if r0 == '(' {
			open = "("
		}
		cls := "）"
		if !closeFull {
			cls = ")"
		}
		if v, isCN := ChineseNumber(inner); isCN {
			level, num = 2, v
		} else if v, isAr := arabic(inner); isAr {
			level, num = 4, v
		} else {
			return
		}
		n = w0 + len(inner) + closeLen
		form = open + "N" + cls
		correct = open == "（" && cls == "）"
		if p, pw := trailingPunct(s[n:]); pw > 0 {
			form += p
			n += pw
			correct = false
		}
		ok = true
		return
	case r0 >= '⑴' && r0 <= '⒇', r0 >= '①' && r0 <= '⑳':
		level, num, form = 4, int(r0-'⑴')+1, "⑴"
		if r0 <= '⑳' {
			level, num, form = 5, int(r0-'①')+1, "①"
		}
		n, correct, ok = w0, true, true
		if p, pw := trailingPunct(s[n:]); pw > 0 { // ①、 ⑴.
			form += p
			n += pw
			correct = false
		}
		return
	}
	// Chinese numeral + punctuation (level 1) or digits + punctuation (level 3).
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if _, isCN := cnDigits[r]; !isCN && !isDigit(r) {
			break
		}
		i += w
	}
	if i == 0 {
		return
	}
	head := s[:i]
	p, pw := trailingPunct(s[i:])
	half := false // 一） 1) — a half bracket pair
	if pw == 0 {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r != '）' && r != ')' {
			return
		}
		p, pw, half = string(r), w, true
	}
	rest := s[i+pw:]
	if v, isCN := ChineseNumber(head); isCN {
		if !half && p == "、" && adjacentCN(rest, v) { // 一、二季度, 三、四月份
			return
		}
		level, num = 1, v
		form, correct = "N"+p, p == "、"
		if half {
			level = 2
		}
	} else if v, isAr := arabic(head); isAr {
		r, _ := utf8.DecodeRuneInString(rest)
		switch {
		case half:
		case p == "：" || p == ":": // 9:30
			return
		case (p == "." || p == "．") && isDigit(r): // 1.5亿元, 3.2%
			return
		case p == "," && threeDigits(rest): // 1,326个
			return
		case p != "." && p != "．" && (adjacentAR(rest, v) || numberList(rest)): // 6、7月, 1，2号楼, 3、5、8月
			return
		}
		level, num = 3, v
		form, correct = "N"+p, p == "." || p == "．"
		if half {
			level = 4
		}
	} else {
		return
	}
	return level, num, i + pw, form, correct, true
}

// adjacentCN reports whether rest starts with the numeral after v used as an
// adjacent-number abbreviation: 一、二季度 一、二等奖 三、四月份 一、二、三产业.
func adjacentCN(rest string, v int) bool {
	next := ChineseNumeral(v + 1)
	if next == "" || !strings.HasPrefix(rest, next) {
		return false
	}
	after := rest[len(next):]
	for _, w := range adjacentWords {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	return false
}

var adjacentWords = []string{"、", "季", "等", "级", "线", "类", "产", "批", "期", "档", "月", "号", "届", "轮", "次", "个", "名", "层", "楼", "班", "星"}

// adjacentAR reports whether rest starts with the number after v (6、7月).
func adjacentAR(rest string, v int) bool {
	j := 0
	for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
		j++
	}
	if j == 0 || j > 2 {
		return false
	}
	w, _ := arabic(rest[:j])
	return w == v+1
}

// numberList reports whether rest starts with a short number that continues
// a list of numbers or a date: 5、8月, 3、5、7号楼.
func numberList(rest string) bool {
	j := 0
	for j < len(rest) && isASCIIDigit(rest[j]) {
		j++
	}
	if j == 0 || j > 2 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest[j:])
	return strings.ContainsRune("、，,月日号", r)
}

// threeDigits reports whether s starts with exactly three ASCII digits.
func threeDigits(s string) bool {
	return len(s) >= 3 && isASCIIDigit(s[0]) && isASCIIDigit(s[1]) && isASCIIDigit(s[2]) &&
		(len(s) == 3 || !isASCIIDigit(s[3]))
}

func isASCIIDigit(b byte) bool { return b >= '0' && b <= '9' }

func isDigit(r rune) bool { return (r >= '0' && r <= '9') || (r >= '０' && r <= '９') }

func arabic(s string) (int, bool) {
	if s == "" || utf8.RuneCountInString(s) > 3 {
		return 0, false
	}
	v := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			v = v*10 + int(r-'0')
		case r >= '０' && r <= '９':
			v = v*10 + int(r-'０')
		default:
			return 0, false
		}
	}
	return v, v > 0
}

// scanParen finds the closing bracket of a heading number within a few runes.
func scanParen(s string) (inner string, closeLen int, full, ok bool) {
	for i, r := range s {
		if i > 12 {
			return
		}
		if r == '）' || r == ')' {
			return s[:i], utf8.RuneLen(r), r == '）', i > 0
		}
	}
	return
}

// trailingPunct returns a mark that may follow a heading number.
func trailingPunct(s string) (string, int) {
	r, w := utf8.DecodeRuneInString(s)
	switch r {
	case '、', '.', '．', '，', ',', '：', ':':
		return string(r), w
	}
	return "", 0
}

// findHeadings classifies paragraph-initial numbers and builds the outline.
func (d *Document) findHeadings() {
	var stack []*Heading
	for pi := range d.Paragraphs {
		p := &d.Paragraphs[pi]
		start := p.Span.Start
		end := p.Span.End
		if d.Format == FormatMarkdown { // "## 一、…", "**一、…**"
			s := d.Text[start:end]
			t := strings.TrimLeft(s, "#")
			if len(t) < len(s) {
				t = strings.TrimLeft(t, " ")
			}
			if b, ok := strings.CutPrefix(t, "**"); ok {
				t = b
				if len(b) >= 2 && strings.HasSuffix(b, "**") {
					end -= 2
				}
			}
			start += len(s) - len(t)
		}
		s := d.Text[start:end]
		level, num, n, form, correct, ok := ParseMarker(s)
		if !ok {
			continue
		}
		h := &Heading{Level: level, Number: num, Marker: Span{start, start + n}, Form: form,
			Correct: correct, Want: WantMarker(level, num), Para: pi, AutoNum: p.AutoNum}
		ts := start + n
		for ts < end {
			r, w := utf8.DecodeRuneInString(d.Text[ts:end])
			if !isSpace(r) {
				break
			}
			ts += w
		}
		body := d.Text[ts:end]
		h.Title = Span{ts, end}
		if i := strings.Index(body, "。"); i >= 0 {
			h.Title.End = ts + i
			h.RunIn = strings.TrimSpace(body[i+len("。"):]) != ""
		}
		for len(stack) > 0 && stack[len(stack)-1].Level >= level {
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 {
			h.Parent = stack[len(stack)-1]
		}
		stack = append(stack, h)
		p.Heading = h
		d.Headings = append(d.Headings, h)
	}
	for i, h := range d.Headings {
		h.Span = Span{d.Paragraphs[h.Para].Span.Start, len(d.Text)}
		for _, n := range d.Headings[i+1:] {
			if n.Level <= h.Level {
				h.Span.End = d.Paragraphs[n.Para].Span.Start
				break
			}
		}
	}
	d.findTitle()
}

// titleWords mark a report title line.
var titleWords = []string{"报告", "总结", "述职", "汇报", "讲话", "计划", "要点"}

// findTitle takes the first short line with a title word, looking past
// short lines of web-page leftovers before it (下载, 打印, 【字号：…】,
// 来源：…); a heading, a sentence or a long line ends the search.
func (d *Document) findTitle() {
	for i, p := range d.Paragraphs {
		if i >= titleScan || p.Heading != nil {
			return
		}
		sp := p.Span
		s := strings.TrimLeft(d.Text[sp.Start:sp.End], "# ")
		if strings.HasPrefix(s, "<!--") && strings.HasSuffix(s, "-->") && strings.Count(s, "<!--") == strings.Count(s, "-->") {
			continue // a line of HTML comments (options, directives)
		}
		start, end := sp.End-len(s), sp.End
		if k := strings.Index(s, "<!--"); k > 0 && strings.HasSuffix(s, "-->") {
			s = strings.TrimRight(s[:k], " 　") // a title followed by HTML comments
			end = start + len(s)
		}
		n := utf8.RuneCountInString(s)
		if n > 60 || strings.ContainsAny(s, "。；") || strings.HasPrefix(strings.TrimLeft(s, " 　"), "各位代表") {
			return
		}
		for _, w := range titleWords {
			if strings.Contains(s, w) {
				d.Title = Span{start, end}
				return
			}
		}
		if n > 30 || strings.Contains(s, "，") {
			return // a line of text, not page furniture
		}
	}
}

// titleScan bounds the lines findTitle looks at.
const titleScan = 16
