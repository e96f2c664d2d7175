package typo

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/utf8x"
	"github.com/reportlint/reportlint/segment"
)

// context holds what Find derives from its input once.
type context struct {
	text    string
	tokens  []segment.Token
	protect []segment.Span // sorted by Start, overlapping ones merged
}

func newContext(text string, tokens []segment.Token, protect []segment.Span) *context {
	spans := make([]segment.Span, 0, len(protect)+16)
	for _, s := range protect {
		if s.Start < s.End {
			spans = append(spans, s)
		}
	}
	spans = append(spans, quoteSpans(text)...)
	slices.SortFunc(spans, func(a, b segment.Span) int { return cmp.Compare(a.Start, b.Start) })
	merged := spans[:0]
	for _, s := range spans {
		if k := len(merged) - 1; k >= 0 && s.Start <= merged[k].End {
			merged[k].End = max(merged[k].End, s.End)
			continue
		}
		merged = append(merged, s)
	}
	if !validTokens(text, tokens) {
		tokens = nil // not a segmentation of text: skip the token checks
	}
	return &context{text: text, tokens: tokens, protect: merged}
}

// skip reports whether [start,end) overlaps a protected span.
func (c *context) skip(start, end int) bool {
	i := sort.Search(len(c.protect), func(i int) bool { return c.protect[i].End > start })
	return i < len(c.protect) && c.protect[i].Start < end
}

// maxQuote bounds the runes a quotation may span (on one line).
const maxQuote = 80

// opening returns the mark that closes a quotation opened at s[i] and the
// opening mark's length, or 0.
func opening(s string, i int) (rune, int) {
	b := s[i]
	if b == '"' {
		return '"', 1
	}
	if b != 0xE2 && b != 0xE3 || i+2 >= len(s) || s[i+1] != 0x80 {
		return 0, 0
	}
	if b == 0xE2 {
		switch s[i+2] {
		case 0x9C:
			return '”', 3
		case 0x98:
			return '’', 3
		}
		return 0, 0
	}
	switch s[i+2] {
	case 0x8C:
		return '」', 3
	case 0x8E:
		return '』', 3
	case 0x8A:
		return '》', 3
	case 0x88:
		return '〉', 3
	}
	return 0, 0
}

// quoteSpans returns the spans inside paired quotation marks and title marks
// on one line, each at most maxQuote runes; unpaired marks give nothing.
func quoteSpans(text string) []segment.Span {
	var out []segment.Span
	// An opening mark is '"' or E2/E3 80 xx, and none starts inside another
	// rune: the candidates are the '"' bytes and the bytes before a 0x80,
	// found by IndexByte. q and c are the next of each at or after i (i+1).
	q, c := -1, -1
	for i := 0; i < len(text); {
		if q < i {
			q = indexFrom(text, i, '"')
		}
		if c < i+1 {
			c = indexFrom(text, i+1, 0x80)
		}
		p := min(q, c-1)
		if p >= len(text) {
			break
		}
		cl, n := opening(text, p)
		if cl == 0 {
			i = p + 1
			continue
		}
		i = p + n
		// Each rune is a byte or more, so the first maxQuote bytes are within
		// maxQuote runes; a mark or '\n' found by its bytes is where a rune
		// starts. Past them, count runes.
		win := text[i:min(len(text), i+maxQuote)]
		nl := strings.IndexByte(win, '\n')
		if nl >= 0 {
			win = win[:nl]
		}
		if e := strings.Index(win, closer(cl)); e >= 0 {
			out = append(out, segment.Span{Start: i, End: i + e})
			i += e + len(closer(cl))
			continue
		}
		if nl >= 0 {
			continue
		}
		for j, k := i, 0; j < len(text) && k < maxQuote; k++ {
			r, m := utf8x.DecodeRune(text, j)
			if r == '\n' {
				break
			}
			if r == cl {
				out = append(out, segment.Span{Start: i, End: j})
				i = j + m
				break
			}
			j += m
		}
	}
	return out
}

// closer is cl in UTF-8, for the marks opening returns.
func closer(cl rune) string {
	switch cl {
	case '”':
		return "”"
	case '’':
		return "’"
	case '」':
		return "」"
	case '』':
		return "』"
	case '》':
		return "》"
	case '〉':
		return "〉"
	}
	return "\""
}

// indexFrom is the index of the first b in s at or after from, len(s) if
// none.
func indexFrom(s string, from int, b byte) int {
	if from < len(s) {
		if k := strings.IndexByte(s[from:], b); k >= 0 {
			return from + k
		}
	}
	return len(s)
}

// tokenAt returns the index of the token holding byte off, or -1.
func (c *context) tokenAt(off int) int {
	i := sort.Search(len(c.tokens), func(i int) bool { return c.tokens[i].Span().End > off })
	if i < len(c.tokens) && c.tokens[i].Span().Start <= off {
		return i
	}
	return -1
}

// straddles reports whether a two-rune match [start,end) joins the ends of two
// real words (过渡假期 holds 渡假): a token crossing a match boundary whose
// part outside the match is a single character or not a word. A crossing
// token whose outside part is a word (工作部|暑: 工作) is a greedy merge of
// the typo and does not count, nor does a match inside one token.
func (c *context) straddles(w *words, start, end int) bool {
	if c.tokens == nil {
		return false
	}
	if i := c.tokenAt(start); i >= 0 && i == c.tokenAt(end-1) {
		return false // inside one token: the dictionary's own typo word (渡假村)
	}
	if i := c.tokenAt(start); i >= 0 && c.tokens[i].Span().Start < start {
		if out := c.text[c.tokens[i].Span().Start:start]; utf8.RuneCountInString(out) < 2 || w.freq(out) == 0 {
			return true
		}
	}
	if i := c.tokenAt(end - 1); i >= 0 && c.tokens[i].Span().End > end {
		if out := c.text[end:c.tokens[i].Span().End]; utf8.RuneCountInString(out) < 2 || w.freq(out) == 0 {
			return true
		}
	}
	return false
}

// validTokens reports whether tokens are ordered, disjoint spans of text
// whose Text is what they cover.
func validTokens(text string, tokens []segment.Token) bool {
	prev := 0
	for _, t := range tokens {
		s := t.Span()
		if s.Start < prev || s.End <= s.Start || s.End > len(text) || text[s.Start:s.End] != t.Text {
			return false
		}
		prev = s.End
	}
	return true
}
