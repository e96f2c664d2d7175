package dates

import (
	"github.com/reportlint/reportlint/internal/textrun"
)

// numKind is how a date component is written.
type numKind int

const (
	kNone   numKind = iota
	kArabic         // 2026, 3, 05
	kCN             // 二〇二六, 三, 十五
)

// comp is one component (year, month or day) of a date: runes [s, e) hold
// the number, mark is the rune after it (年, 月, 日 or 号).
type comp struct {
	s, e   int
	val    int
	kind   numKind
	digits int // number of runes of the number
}

// date is a year, month, day sequence (any of them may be missing, but at
// least two are present, or a year is followed by 底/末/初).
type date struct {
	start, end int // rune span of the whole date, marks included
	y, m, d    comp
	dayMark    rune // 日 or 号
}

func (c comp) ok() bool { return c.kind != kNone }

// readNum reads an Arabic digit run (at most 4) or a Chinese numeral at i.
// cnYear asks for digit-by-digit Chinese (二〇二六), otherwise 十-style (二十一).
func readNum(t *textrun.Text, i int, cnYear bool) (comp, bool) {
	n := t.Len()
	if i >= n {
		return comp{}, false
	}
	r := t.R[i]
	if textrun.Digit(r) {
		j, v := i, 0
		for j < n && textrun.Digit(t.R[j]) && j-i < 5 {
			v = v*10 + int(t.R[j]-'0')
			j++
		}
		if j-i > 4 || (j < n && textrun.Digit(t.R[j])) {
			return comp{}, false
		}
		return comp{s: i, e: j, val: v, kind: kArabic, digits: j - i}, true
	}
	if cnYear {
		j, v := i, 0
		for j < n && textrun.CNDigit(t.R[j]) >= 0 && t.R[j] != 'Ｏ' && j-i < 5 {
			v = v*10 + textrun.CNDigit(t.R[j])
			j++
		}
		if j-i != 4 && j-i != 2 {
			return comp{}, false
		}
		return comp{s: i, e: j, val: v, kind: kCN, digits: j - i}, true
	}
	// 十-style: 三, 十, 十二, 二十, 二十一, 三十一
	j, v, tens := i, 0, false
	for j < n && j-i < 3 {
		c := t.R[j]
		if c == '十' {
			if tens {
				break
			}
			tens = true
			if v == 0 {
				v = 1
			}
			v *= 10
		} else if d := textrun.CNDigit(c); d > 0 {
			if tens {
				v += d
				j++
				break
			}
			if v != 0 {
				break // 一二: not a month or day
			}
			v = d
		} else {
			break
		}
		j++
	}
	if j == i || v == 0 {
		return comp{}, false
	}
	if j < n && (t.R[j] == '十' || textrun.CNDigit(t.R[j]) >= 0) {
		return comp{}, false
	}
	return comp{s: i, e: j, val: v, kind: kCN, digits: j - i}, true
}

// numberBefore reports whether rune i-1 continues a number or a code.
func numberBefore(t *textrun.Text, i int) bool {
	p := t.At(i - 1)
	return textrun.Digit(p) || textrun.Letter(p) || textrun.CNDigit(p) >= 0 || p == '十' || p == '.' ||
		p == '-' || p == '_' || p == '/' || p == '．' || p == '第' || p == '百' || p == '千' || p == '万'
}

// parseDate reads a date starting at rune i, or returns false.
func parseDate(t *textrun.Text, i int) (date, bool) {
	if numberBefore(t, i) {
		return date{}, false
	}
	var d date
	d.start = i
	j := i
	if y, ok := readNum(t, i, true); ok && t.At(y.e) == '年' && (y.kind == kArabic || y.digits == 4 || hasZero(t, y)) {
		d.y = y
		j = y.e + 1
	}
	if m, ok := readNum(t, j, false); ok && t.At(m.e) == '月' && (!d.y.ok() || m.s == j) {
		d.m = m
		j = m.e + 1
		if dd, ok := readNum(t, j, false); ok && (t.At(dd.e) == '日' || t.At(dd.e) == '号') {
			d.d = dd
			d.dayMark = t.At(dd.e)
			j = dd.e + 1
		}
	}
	d.end = j
	if !d.y.ok() && !d.m.ok() {
		return date{}, false
	}
	if d.y.ok() && !d.m.ok() {
		return d, true // a year alone; callers check what follows
	}
	if !d.y.ok() && !d.d.ok() {
		return date{}, false // 3月 alone
	}
	return d, true
}

func hasZero(t *textrun.Text, c comp) bool {
	for k := c.s; k < c.e; k++ {
		if t.R[k] == '〇' || t.R[k] == '零' {
			return true
		}
	}
	return false
}

// daysIn returns the days in month m of year y (y == 0: unknown, February has 29).
func daysIn(y, m int) int {
	switch m {
	case 1, 3, 5, 7, 8, 10, 12:
		return 31
	case 4, 6, 9, 11:
		return 30
	case 2:
		if y == 0 || y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	}
	return 0
}
