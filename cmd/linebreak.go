package cmd

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

// Line breaking for table cells. A cell is cut into unbreakable groups:
// a run of non-space, non-CJK characters (a rule id, 2022, 5G, 6.5%) is
// one group; every CJK character is its own group; closing punctuation
// sticks to the group before it and opening punctuation to the group
// after it, so no line starts with ）”，。 and none ends with （“《.
// Groups are packed greedily; only a group wider than the whole line is
// cut, and then by display width.

// closingPunct may not start a line.
const closingPunct = "）)]｝}〕〉》」』】〗〙”’，,。．.、；;：:？?！!…‥·・%％‰℃~～-—"

// openingPunct may not end a line.
const openingPunct = "（([｛{〔〈《「『【〖〘“‘"

// textWidth is twwidth.Width(s), counted directly when every rune of s
// has one width whatever stands next to it and in either East Asian mode:
// printable ASCII (1 column), CJK ideographs, CJK punctuation such as
// 、。《》【】 and full-width forms such as ，（）：；？ (2 columns). That is the
// bulk of a report; twwidth segments graphemes and takes a process-wide
// lock on every call. Anything else (combining marks, variation
// selectors, emoji, ambiguous-width “”…—) goes to twwidth.
func textWidth(s string) int {
	w := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			w++
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !wideAlone(r) {
			return twwidth.Width(s)
		}
		w += 2
		i += n
	}
	return w
}

// wideAlone reports a rune that is 2 columns wide and its own grapheme:
// East Asian Wide or Fullwidth, not a combining mark (U+302A-302F are).
func wideAlone(r rune) bool {
	return r >= 0x4e00 && r <= 0x9fff || r >= 0x3000 && r <= 0x3029 || r >= 0x3030 && r <= 0x303e || r >= 0xff01 && r <= 0xff60
}

func isClosing(r rune) bool { return strings.ContainsRune(closingPunct, r) }
func isOpening(r rune) bool { return strings.ContainsRune(openingPunct, r) }

// isCJK reports a character that stands alone for breaking: Han, kana,
// Hangul and full-width forms, and CJK or general punctuation.
func isCJK(r rune) bool {
	switch {
	case unicode.Is(unicode.Han, r), unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r), unicode.Is(unicode.Hangul, r):
		return true
	case r >= 0x3000 && r <= 0x303f: // CJK symbols and punctuation
		return true
	case r >= 0xff00 && r <= 0xffef: // full-width and half-width forms
		return true
	case r >= 0x2010 && r <= 0x206f: // general punctuation: “”‘’…—
		return true
	case r >= 0x2460 && r <= 0x24ff, r >= 0x2500 && r <= 0x27bf: // ①, box drawing, ✓ ✗ ▸
		return true
	case r == '·' || r == '×' || r == '÷':
		return true
	}
	return false
}

// breakGroup is one unbreakable piece of a line and whether a space
// came before it (a space is a break point and vanishes at a break).
type breakGroup struct {
	text  string
	space bool
}

// breakGroups cuts one line (no "\n") into unbreakable groups, in linear time.
func breakGroups(line string) []breakGroup {
	type span struct {
		start, end int
		space      bool
	}
	var naive []span
	space, inRun := false, false
	for i, r := range line {
		end := i + utf8.RuneLen(r)
		if r == utf8.RuneError {
			end = i + 1
		}
		switch {
		case unicode.IsSpace(r):
			space, inRun = len(naive) > 0, false
		case isCJK(r):
			naive = append(naive, span{i, end, space})
			space, inRun = false, false
		case inRun:
			naive[len(naive)-1].end = end
		default:
			naive = append(naive, span{i, end, space})
			space, inRun = false, true
		}
	}
	// glue: closing punctuation to the group before, opening to the one after
	var out []breakGroup
	for k := 0; k < len(naive); {
		g := naive[k]
		k++
		for k < len(naive) && !naive[k].space {
			first, _ := utf8.DecodeRuneInString(line[naive[k].start:])
			last, _ := utf8.DecodeLastRuneInString(line[g.start:g.end])
			if !isClosing(first) && !isOpening(last) {
				break
			}
			g.end = naive[k].end
			k++
		}
		out = append(out, breakGroup{line[g.start:g.end], g.space})
	}
	return out
}

// wrapLine breaks s (which may hold "\n") into lines no wider than width
// display columns, at legal points only. width <= 0 leaves s unchanged.
func wrapLine(s string, width int) []string { return wrapLines(s, width, width) }

// wrapLines is wrapLine with a different width for the first line.
func wrapLines(s string, first, width int) []string {
	var out []string
	limit := func() int {
		if len(out) == 0 {
			return first
		}
		return width
	}
	for _, line := range strings.Split(s, "\n") {
		if limit() <= 0 || textWidth(line) <= limit() {
			out = append(out, strings.TrimRight(line, " "))
			continue
		}
		var b strings.Builder
		w := 0
		emit := func() {
			out = append(out, b.String())
			b.Reset()
			w = 0
		}
		for _, g := range breakGroups(line) {
			gw := textWidth(g.text)
			sp := 0
			if g.space && w > 0 {
				sp = 1
			}
			if w > 0 && w+sp+gw > limit() {
				emit()
				sp = 0
			}
			if gw > limit() { // wider than a line: cut by width
				for _, r := range g.text {
					rw := textWidth(string(r))
					if w > 0 && w+sp+rw > limit() {
						emit()
						sp = 0
					}
					if sp > 0 {
						b.WriteByte(' ')
						w++
						sp = 0
					}
					b.WriteRune(r)
					w += rw
				}
				continue
			}
			if sp > 0 {
				b.WriteByte(' ')
				w++
			}
			b.WriteString(g.text)
			w += gw
		}
		if b.Len() > 0 {
			emit()
		}
	}
	return out
}

// longestGroup is the display width of s's widest unbreakable group.
func longestGroup(s string) int {
	m := 0
	for _, line := range strings.Split(s, "\n") {
		if textWidth(line) <= m {
			continue
		}
		for _, g := range breakGroups(line) {
			if w := textWidth(g.text); w > m {
				m = w
			}
		}
	}
	return m
}

// lineWidth is the display width of s's widest line.
func lineWidth(s string) int {
	m := 0
	for _, line := range strings.Split(s, "\n") {
		if w := textWidth(line); w > m {
			m = w
		}
	}
	return m
}
