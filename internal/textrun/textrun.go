// Package textrun holds what the small detector packages (dates, genre,
// usage) share: the Hit they return and a rune view of the text with byte
// offsets, so spans always fall on rune boundaries.
package textrun

import (
	"math"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/reportlint/reportlint/segment"
)

// Hit is one finding of a detector, with a byte span into the text.
type Hit struct {
	Span       segment.Span
	Rule       string // suggested rule id, e.g. "date.hao"
	Message    string // Chinese, names the text and the fix
	Suggestion string // replacement for Span; set only when it is certainly right
	Certain    bool   // false: a heuristic (the message says 疑似……，请核实)
	Standard   string // e.g. "GB/T 9704—2012 第7.3.5.4条"; empty when none applies
	Info       bool   // informational only
	Related    []segment.Span
}

// Text is a string decoded into runes with the byte offset of each.
//
// One Text may be shared by several detectors, also concurrently: each
// takes its own View (the line memo is per view; runes, offsets and line
// starts are shared and read-only once built).
type Text struct {
	S    string
	R    []rune
	off  []int32 // off[i] is the byte offset of R[i]; off[len(R)] == len(S)
	base *shared
	memo map[lineKey]bool
}

// shared is what the views of one Text build once between them.
type shared struct {
	once  sync.Once
	lines []int // rune index of each line start
}

type lineKey struct {
	line int
	test string
}

// MaxLen is the longest text New accepts: offsets are 32-bit (inputs are
// capped far below, by --max-size).
const MaxLen = math.MaxInt32

// New decodes s. Invalid bytes become utf8.RuneError of width 1. A text
// longer than MaxLen is cut to its first MaxLen bytes (at a rune start).
func New(s string) *Text {
	if len(s) > MaxLen {
		cut := MaxLen
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	// Sized exactly: a guess (len/2) wasted half again on long texts.
	n := utf8.RuneCountInString(s)
	t := &Text{S: s, R: make([]rune, n), off: make([]int32, n+1), base: &shared{}}
	k := 0
	for i := 0; i < len(s); k++ {
		r, w := utf8.DecodeRuneInString(s[i:])
		t.R[k] = r
		t.off[k] = int32(i)
		i += w
	}
	t.off[n] = int32(len(s))
	return t
}

// View returns a Text over the same runes for one user: safe to use
// concurrently with other views.
func (t *Text) View() *Text {
	return &Text{S: t.S, R: t.R, off: t.off, base: t.base}
}

// Index returns the rune index whose byte offset is off (Len() for
// len(S)), and false when off is not the start of a rune.
func (t *Text) Index(off int) (int, bool) {
	if off < 0 || off > len(t.S) {
		return 0, false
	}
	i := sort.Search(len(t.off), func(k int) bool { return int(t.off[k]) >= off })
	return i, i < len(t.off) && int(t.off[i]) == off
}

// Offsets returns the byte offsets of runes [i, j], read-only.
func (t *Text) Offsets(i, j int) []int32 { return t.off[i : j+1 : j+1] }

// Off returns the byte offset of rune i (len(S) for i == Len()).
func (t *Text) Off(i int) int { return int(t.off[i]) }

// Len is the number of runes.
func (t *Text) Len() int { return len(t.R) }

// At returns R[i], or 0 outside the text.
func (t *Text) At(i int) rune {
	if i < 0 || i >= len(t.R) {
		return 0
	}
	return t.R[i]
}

// Span converts rune indexes [i, j) to a byte span.
func (t *Text) Span(i, j int) segment.Span {
	return segment.Span{Start: int(t.off[clamp(i, len(t.R))]), End: int(t.off[clamp(j, len(t.R))])}
}

// Str returns runes [i, j) as a string, clamped to the text.
func (t *Text) Str(i, j int) string {
	i, j = clamp(i, len(t.R)), clamp(j, len(t.R))
	if i >= j {
		return ""
	}
	return t.S[t.off[i]:t.off[j]]
}

func clamp(i, n int) int {
	if i < 0 {
		return 0
	}
	if i > n {
		return n
	}
	return i
}

// HasPrefix reports whether the runes from i spell s.
func (t *Text) HasPrefix(i int, s string) bool {
	if i < 0 || i > len(t.R) {
		return false
	}
	return strings.HasPrefix(t.S[t.off[i]:], s)
}

// HasSuffix reports whether the runes before i spell s.
func (t *Text) HasSuffix(i int, s string) bool {
	if i < 0 || i > len(t.R) {
		return false
	}
	return strings.HasSuffix(t.S[:t.off[i]], s)
}

// PrefixAny returns the first of words the runes from i spell, or "".
func (t *Text) PrefixAny(i int, words []string) string {
	for _, w := range words {
		if t.HasPrefix(i, w) {
			return w
		}
	}
	return ""
}

// SuffixAny returns the first of words the runes before i end with, or "".
func (t *Text) SuffixAny(i int, words []string) string {
	for _, w := range words {
		if t.HasSuffix(i, w) {
			return w
		}
	}
	return ""
}

func (t *Text) lineStarts() []int {
	t.base.once.Do(func() {
		ls := []int{0}
		for i, r := range t.R {
			if r == '\n' {
				ls = append(ls, i+1)
			}
		}
		t.base.lines = ls
	})
	return t.base.lines
}

// Line returns the 1-based line number of rune index i.
func (t *Text) Line(i int) int {
	ls := t.lineStarts()
	return sort.Search(len(ls), func(k int) bool { return ls[k] > i })
}

// LineBounds returns the rune indexes of the start and end (before '\n') of
// the line holding rune i.
func (t *Text) LineBounds(i int) (int, int) {
	ls := t.lineStarts()
	k := t.Line(i) // ls[k-1] <= i < ls[k]
	s, e := ls[k-1], len(t.R)
	if k < len(ls) {
		e = ls[k] - 1
	}
	return s, e
}

// Excerpt returns runes [a, b) cut to the line holding rune i, for a
// message's context (no line break inside a message).
func (t *Text) Excerpt(a, b, i int) string {
	if len(t.R) == 0 {
		return ""
	}
	s, e := t.LineBounds(clamp(i, len(t.R)-1))
	return t.Str(max(a, s), min(b, e))
}

// LineTest returns f(line) for the line holding rune i, computing it once
// per line and name so that scans stay linear on long lines.
func (t *Text) LineTest(i int, name string, f func(line string) bool) bool {
	k := lineKey{t.Line(i), name}
	if v, ok := t.memo[k]; ok {
		return v
	}
	if t.memo == nil {
		t.memo = map[lineKey]bool{}
	}
	s, e := t.LineBounds(i)
	v := f(t.Str(s, e))
	t.memo[k] = v
	return v
}

// Han reports whether r is a CJK ideograph (including 〇).
func Han(r rune) bool {
	return r == 0x3007 || r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF ||
		r >= 0xF900 && r <= 0xFAFF || r >= 0x20000 && r <= 0x3134F
}

// Digit reports an ASCII digit.
func Digit(r rune) bool { return r >= '0' && r <= '9' }

// Letter reports an ASCII letter.
func Letter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// Space reports a blank that may stand inside a line.
func Space(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0'
}

// CNDigit returns the value of a Chinese numeral digit (〇零一…九), or -1.
func CNDigit(r rune) int {
	switch r {
	case '〇', '零', 'Ｏ':
		return 0
	case '一':
		return 1
	case '二':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return -1
}

// Mask marks rune indexes that are not prose: URLs, e-mail addresses, file
// names, inline code and, when meta is set, quotations of wrong forms
// (不得使用“……”的提法); with all set, every quotation and 书名号 title.
type Mask []bool

// metaLead are words before a quotation that make it a cited wrong form.
var metaLead = []string{"不得使用", "不使用", "不用", "不写", "不宜", "不能写成", "不应写成", "不要写成", "避免使用", "禁用", "误写", "写成", "写作", "而非", "而不是", "改为", "改成", "提法", "表述为"}

// NewMask builds the mask. quotes: 0 none, 1 quotations of wrong forms, 2 all quotations and titles.
func NewMask(t *Text, quotes int) Mask {
	m := make(Mask, len(t.R)+1)
	n := len(t.R)
	set := func(i, j int) {
		for k := max(i, 0); k < j && k < n; k++ {
			m[k] = true
		}
	}
	for i := 0; i < n; i++ {
		r := t.R[i]
		switch {
		case (r == 'h' || r == 'H') && (t.HasPrefix(i, "http://") || t.HasPrefix(i, "https://")),
			r == 'f' && t.HasPrefix(i, "ftp://"),
			r == 'w' && t.HasPrefix(i, "www.") && !Letter(t.At(i-1)):
			j := i
			for j < n && t.R[j] < 0x80 && !Space(t.R[j]) && t.R[j] != '\n' && t.R[j] != ')' && t.R[j] != '"' {
				j++
			}
			set(i, j)
			i = j - 1
		case r == '@' && i > 0 && (Letter(t.At(i-1)) || Digit(t.At(i-1))):
			s, e := i, i+1
			for s > 0 && asciiWord(t.R[s-1]) {
				s--
			}
			for e < n && asciiWord(t.R[e]) {
				e++
			}
			set(s, e)
		case r == '`':
			j := i + 1
			for j < n && t.R[j] != '`' && t.R[j] != '\n' {
				j++
			}
			if j < n && t.R[j] == '`' {
				set(i, j+1)
				i = j
			}
		case r == '.' && Letter(t.At(i+1)):
			// file name: name.ext
			e := i + 1
			for e < n && (Letter(t.R[e]) || Digit(t.R[e])) {
				e++
			}
			if e-i-1 <= 5 {
				s := i
				for s > 0 && (asciiWord(t.R[s-1]) || Han(t.R[s-1])) && i-s < 40 {
					s--
				}
				set(s, e)
			}
		case quotes > 0 && (r == '“' || r == '「' || r == '『' || (quotes == 2 && (r == '《' || r == '‘'))):
			closer := map[rune]rune{'“': '”', '「': '」', '『': '』', '《': '》', '‘': '’'}[r]
			j := i + 1
			for j < n && t.R[j] != closer && t.R[j] != '\n' && j-i < 200 {
				j++
			}
			if j >= n || t.R[j] != closer {
				continue
			}
			if quotes == 2 || hasAnyIn(t, lineStartBack(t, i, 12), i, metaLead) ||
				hasAnyIn(t, j+1, min(j+6, n), []string{"提法", "说法", "表述", "写法"}) {
				set(i, j+1)
				i = j
			}
		}
	}
	return m
}

func asciiWord(r rune) bool {
	return Letter(r) || Digit(r) || r == '.' || r == '_' || r == '-' || r == '+'
}

// lineStartBack returns i-k or the start of i's clause, whichever is later.
func lineStartBack(t *Text, i, k int) int {
	s := i
	for s > 0 && i-s < k && !strings.ContainsRune("\n，。；！？", t.R[s-1]) {
		s--
	}
	return s
}

// hasAnyIn reports whether runes [i, j) contain one of words.
func hasAnyIn(t *Text, i, j int, words []string) bool {
	s := t.Str(i, j)
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// Any reports whether any rune in [i, j) is masked.
func (m Mask) Any(i, j int) bool {
	for k := max(i, 0); k < j && k < len(m); k++ {
		if m[k] {
			return true
		}
	}
	return false
}
