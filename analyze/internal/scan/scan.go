// Package scan holds the byte- and rune-level helpers shared by the driver,
// the claims extractor and the checks.
package scan

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/utf8x"
	"github.com/reportlint/reportlint/segment"
)

// HTMLComments returns the spans of <!-- … --> in text formats, sorted and
// non-overlapping, computed once per document.
func HTMLComments(doc *segment.Document) []segment.Span {
	if doc.Format == segment.FormatDocx {
		return nil
	}
	var out []segment.Span
	t := doc.Text
	for off := 0; ; {
		i := strings.Index(t[off:], "<!--")
		if i < 0 {
			return out
		}
		start := off + i
		j := strings.Index(t[start+4:], "-->")
		end := len(t)
		if j >= 0 {
			end = start + 4 + j + 3
		}
		out = append(out, segment.Span{Start: start, End: end})
		off = end
	}
}

// InSpans reports whether off lies in one of spans (sorted, disjoint).
func InSpans(spans []segment.Span, off int) bool {
	k := sort.Search(len(spans), func(k int) bool { return spans[k].End > off })
	return k < len(spans) && spans[k].Start <= off
}

func HasPrefixAny(s string, list []string) bool {
	for _, w := range list {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

func HasSuffixAny(s string, list []string) bool {
	for _, w := range list {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

func IsASCIILetter(r rune) bool { return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') }

func IsASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

func IsHan(r rune) bool { return unicode.Is(unicode.Han, r) }

func AllASCIIDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func IsAnyDigitByte(s string, j int) bool {
	r, _ := utf8.DecodeRuneInString(s[j:])
	return IsAnyDigit(r)
}

func PrevRune(s string, i int) rune {
	if i <= 0 {
		return 0
	}
	r, _ := utf8x.DecodeLastRune(s[:i])
	return r
}

func NextRune(s string, i int) rune {
	if i >= len(s) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

func FirstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func NewWordSet(words ...[]string) *WordSet {
	w := &WordSet{byFirst: map[rune][]int{}}
	for _, l := range words {
		w.words = append(w.words, l...)
	}
	for i, x := range w.words {
		r, _ := utf8.DecodeRuneInString(x)
		w.first.Add(r)
		w.byFirst[r] = append(w.byFirst[r], i)
	}
	return w
}

// firstOf takes the first offsets (+1, 0 when absent) of the words of a
// list and returns the index of the first word of the list that occurs and
// its offset, or -1, 0: what strings.Index per word in list order finds.
func FirstOf(first []int) (int, int) {
	for k, f := range first {
		if f > 0 {
			return k, f - 1
		}
	}
	return -1, 0
}

// RuneBits is a set of runes by their low 16 bits, with false positives
// only: a cheap first test before a map lookup keyed by rune.
type RuneBits [1024]uint64

func (b *RuneBits) Add(r rune) { b[r>>6&1023] |= 1 << (r & 63) }

func (b *RuneBits) Has(r rune) bool { return b[r>>6&1023]&(1<<(r&63)) != 0 }

// WordSet finds the words of a fixed list in a text with one scan.
// strings.Contains per word rescans the text once per word, and each scan
// is slow on Han text, whose characters share a few leading bytes.
type WordSet struct {
	words   []string
	first   RuneBits       // most runes are rejected here
	byFirst map[rune][]int // word indices by first rune, in list order
}

// each calls f with the byte offset and list index of every occurrence of
// a word in s, in text order (words starting at one offset in list order),
// until f returns false.
func (w *WordSet) Each(s string, f func(off, word int) bool) {
	for i := 0; i < len(s); {
		r, n := utf8x.DecodeRune(s, i)
		if !w.first.Has(r) {
			i += n
			continue
		}
		for _, k := range w.byFirst[r] {
			if strings.HasPrefix(s[i:], w.words[k]) && !f(i, k) {
				return
			}
		}
		i += n
	}
}

// any reports whether s contains one of the words.
func (w *WordSet) Any(s string) bool {
	found := false
	w.Each(s, func(int, int) bool { found = true; return false })
	return found
}

// mask returns the words occurring in s as bits by list index (the list
// has at most 64 words).
func (w *WordSet) Mask(s string) uint64 {
	var m uint64
	w.Each(s, func(_, k int) bool { m |= 1 << k; return true })
	return m
}

// IsAnyDigit reports whether r is a half- or full-width Arabic digit.
func IsAnyDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// HanChar reports whether r is a CJK ideograph (including 〇).
func HanChar(r rune) bool {
	switch {
	case r < 0x3007:
		return false
	case r == 0x3007, r >= 0x4E00 && r <= 0x9FFF, r >= 0x3400 && r <= 0x4DBF,
		r >= 0xF900 && r <= 0xFAFF, r >= 0x20000 && r <= 0x3134F:
		return true
	}
	return false
}

// Opener and puCloser are full-width opening and closing marks.
func Opener(r rune) bool {
	switch r {
	case '“', '‘', '（', '《', '〈', '【', '〔', '「', '『', '〖':
		return true
	}
	return false
}

// PointMark reports the full-width 点号 (pause and stop marks).
func PointMark(r rune) bool {
	switch r {
	case '，', '。', '、', '；', '：', '？', '！':
		return true
	}
	return false
}

func AllHan(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !HanChar(r) {
			return false
		}
	}
	return true
}
