package claims

import (
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/lazy"
	"github.com/reportlint/reportlint/internal/utf8x"
	"github.com/reportlint/reportlint/segment"
)

// ---------------------------------------------------------------------------
// Per-document shortcuts of the extractor: positions, values, labels and
// the scan for runes that may begin a claim.

// maxPosGap bounds the bytes position counts from its last answer.
const maxPosGap = 512

// position is doc.Position(off). Offsets come mostly in increasing order:
// on the same line and near the last answer it counts the runes between
// (both offsets start runes, so the counts add up).
func (x *extractor) position(off int) segment.Pos {
	text := x.doc.Text
	if p := x.posOff; p >= 0 && p <= off && off-p <= maxPosGap && runeStartAt(text, off) &&
		strings.IndexByte(text[p:off], '\n') < 0 {
		x.pos.Col += utf8.RuneCountInString(text[p:off])
		x.posOff = off
		return x.pos
	}
	pos := x.doc.Position(off)
	x.posOff, x.pos = -1, pos
	if off >= 0 && runeStartAt(text, off) {
		x.posOff = off
	}
	return pos
}

// runeStartAt reports whether off is in s and not at a UTF-8
// continuation byte.
func runeStartAt(s string, off int) bool {
	return off == len(s) || off >= 0 && off < len(s) && utf8.RuneStart(s[off])
}

// float returns a pointer to v in a chunk shared by the claims of the
// document (one allocation per 64 values instead of one each).
func (x *extractor) float(v float64) *float64 {
	if len(x.floats) == cap(x.floats) {
		x.floats = make([]float64, 0, 64)
	}
	x.floats = append(x.floats, v)
	return &x.floats[len(x.floats)-1]
}

// relLabel is RelLabel(f), remembered per document.
func (x *extractor) relLabel(f Rel) string {
	for _, l := range x.labels {
		if l.rel == f {
			return l.label
		}
	}
	l := RelLabel(f)
	if len(x.labels) < 64 {
		x.labels = append(x.labels, relLabel{f, l})
	}
	return l
}

// claimRune reports whether the paragraph scan acts on r: a digit, a
// Chinese numeral, or a mark it counts (《》“”); cr is claimRunes().
func claimRune(cr *runeBloom, r rune) bool {
	if r < utf8.RuneSelf {
		return r >= '0' && r <= '9'
	}
	return cr.Has(r) && (r >= '０' && r <= '９' || isNumeralRune(r) || r == '《' || r == '》' || r == '“' || r == '”')
}

// skipToClaimRune returns the first rune start from i on (decoding as
// scan.DecodeRune does) whose rune claimRune accepts, or the first at or
// after stop. Most runes are Han of 3 bytes: they are decoded inline.
func skipToClaimRune(s string, i, stop int, cr *runeBloom) int {
	for i < stop {
		c := s[i]
		if c < utf8.RuneSelf {
			if c-'0' <= 9 {
				return i
			}
			i++
			continue
		}
		if c&0xF0 == 0xE0 && i+2 < len(s) {
			c1, c2 := s[i+1], s[i+2]
			if c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
				r := rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
				if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
					if cr.Has(r) && claimRune(cr, r) {
						return i
					}
					i += 3
					continue
				}
			}
		}
		r, w := utf8x.DecodeRune(s, i)
		if claimRune(cr, r) {
			return i
		}
		i += w
	}
	return i
}

// claimRunes holds the non-ASCII runes claimRune accepts.
var claimRunes = lazy.Value(func() *runeBloom {
	var b runeBloom
	for r := '０'; r <= '９'; r++ {
		b.Add(r)
	}
	for _, r := range cnNumeralChars + "《》“”" {
		b.Add(r)
	}
	return &b
})
