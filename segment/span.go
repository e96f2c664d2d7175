package segment

import (
	"math"
	"strings"
	"sync"
	"sync/atomic"
)

// Span is a half-open range of byte offsets into Document.Text.
type Span struct {
	Start int `json:"offset"`
	End   int `json:"end_offset"`
}

// Len returns the length of the span in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether off lies inside the span.
func (s Span) Contains(off int) bool { return off >= s.Start && off < s.End }

// Pos is a 1-based line and column; Col counts Unicode code points.
type Pos struct {
	Line int `json:"line"`
	Col  int `json:"column"`
}

// Token is one gse segment with its byte span in the original text.
//
// 32 bytes (a huge file has millions of tokens, all live while the checks
// run): the span is kept in 32 bits and the part of speech as an index into
// a table of the names seen; build one with NewToken.
type Token struct {
	Text       string // original text, case preserved
	start, end uint32
	pos        uint16
}

// NewToken returns a token of text with part of speech pos at sp. Offsets
// must fit in 32 bits (texts are capped far below 4 GB by --max-size);
// larger ones are clamped to math.MaxUint32.
func NewToken(text, pos string, sp Span) Token {
	return Token{Text: text, start: off32(sp.Start), end: off32(sp.End), pos: posID(pos)}
}

func off32(i int) uint32 {
	return uint32(min(max(i, 0), math.MaxUint32))
}

// Span returns the token's byte span in the text.
func (t Token) Span() Span { return Span{Start: int(t.start), End: int(t.end)} }

// POS returns the dictionary part of speech, "x" when unknown ("" when none
// was given to NewToken).
func (t Token) POS() string {
	if p := posNames.Load(); p != nil && int(t.pos) < len(*p) {
		return (*p)[t.pos]
	}
	return ""
}

// posNames holds every part of speech seen, by index (index 0: ""; nil
// until the first); it only grows, copied on write, so reads take no lock.
var (
	posMu    sync.Mutex
	posIndex map[string]uint16
	posNames atomic.Pointer[[]string]
)

// posID returns the index of pos in posNames, adding it when new. Past
// 65,535 names (gse's tags are a few dozen) a new one maps to "x".
func posID(pos string) uint16 {
	if pos == "" {
		return 0
	}
	if p := posNames.Load(); p != nil {
		for i, n := range *p {
			if n == pos {
				return uint16(i)
			}
			if i > 64 {
				break // long table: use the map
			}
		}
	}
	posMu.Lock()
	defer posMu.Unlock()
	if i, ok := posIndex[pos]; ok {
		return i
	}
	if posNames.Load() == nil {
		posIndex = map[string]uint16{"": 0}
		posNames.Store(&[]string{""})
	}
	names := *posNames.Load()
	if len(names) > math.MaxUint16 {
		return posIndex["x"] // "x" is among the first names (line breaks)
	}
	i := uint16(len(names))
	grown := append(names[:len(names):len(names)], strings.Clone(pos))
	posIndex[grown[i]] = i
	posNames.Store(&grown)
	return i
}
