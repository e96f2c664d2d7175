package claims

import (
	"strings"

	"github.com/reportlint/reportlint/segment"
)

// sentences is doc.Sentences(sp) into x's reused buffer. Every mark it
// looks at (quotes, brackets, 。！？；) is a 3-byte rune whose first byte
// is E2, E3 or EF, and no mark's bytes occur inside another rune, so it
// matches bytes instead of decoding each rune (FuzzSentences holds it to
// doc.Sentences).
func (x *extractor) sentences(sp segment.Span) []segment.Span {
	out := x.sents[:0]
	s := x.doc.Text[sp.Start:sp.End]
	depth, start := 0, 0
	for i := 0; i+3 <= len(s); i++ {
		c := s[i]
		if c != 0xE2 && c != 0xE3 && c != 0xEF {
			continue
		}
		switch uint32(c)<<16 | uint32(s[i+1])<<8 | uint32(s[i+2]) {
		case 0xE2809C, 0xE28098, 0xE3808A, 0xEFBC88, 0xE38090, 0xE38088, 0xE3808C: // “‘《（【〈「
			depth++
		case 0xE2809D, 0xE28099, 0xE3808B, 0xEFBC89, 0xE38091, 0xE38089, 0xE3808D: // ”’》）】〉」
			if depth > 0 {
				depth--
			}
		case 0xE38082, 0xEFBC81, 0xEFBC9F, 0xEFBC9B: // 。！？；
			if depth == 0 {
				end := i + 3
				out = append(out, segment.Span{Start: sp.Start + start, End: sp.Start + end})
				start = end
			}
		default:
			continue
		}
		i += 2
	}
	if start < len(s) {
		rest := s[start:]
		l := len(rest) - len(strings.TrimLeftFunc(rest, isSentenceSpace))
		r := len(strings.TrimRightFunc(rest, isSentenceSpace))
		if r > l {
			out = append(out, segment.Span{Start: sp.Start + start + l, End: sp.Start + start + r})
		}
	}
	x.sents = out
	return out
}

// isSentenceSpace is the white space segment trims from a sentence.
func isSentenceSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\r', '\n', '\u3000', '\u00a0', '\ufeff', '\u200b':
		return true
	}
	return false
}
