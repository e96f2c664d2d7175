package typo

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/lazy"
	"github.com/reportlint/reportlint/internal/utf8x"
	"github.com/reportlint/reportlint/segment"
)

// slipWindow is how far (in bytes, ≈ runes×3) around a pair the kept
// character must not recur: 赋权、赋能、赋责 is a parallel series, not a slip.
const slipWindow = 24

// stopChars are function and very common characters: a pair holding one is
// grammar (地为, 中不, 是用), not a stray word.
const stopChars = "的地得了着过是在为与和及或而并且之于以对把被将向从由等中也都就又还再更最很不没无未非要会能可应须这那此其该各每个有所已让使给同跟比到上下里内外前后来去" +
	"一二三四五六七八九十百千万亿年月日号两几多少大小新老好我你他她它们某者乃则即既亦仍才均皆总共另入出"

//go:generate go run ./gen

// is3 reports whether r is in UTF-8's 3-byte range.
func is3(r rune) bool { return r >= 0x800 && r <= 0xFFFF }

// search finds key in table, a sorted string of len(key)-byte records
// (len(key) <= 8).
func search(table, key string) int {
	return searchRec(table, len(key), pack(key))
}

// searchRec finds the w-byte record k (pack's form) in table.
func searchRec(table string, w int, k uint64) int {
	n := len(table) / w
	lo, hi := 0, n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if pack(table[m*w:m*w+w]) < k {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < n && pack(table[lo*w:lo*w+w]) == k {
		return lo
	}
	return -1
}

// pack is s's bytes as a big-endian number: records of one length compare
// as their numbers do.
func pack(s string) uint64 {
	var v uint64
	for i := 0; i < len(s); i++ {
		v = v<<8 | uint64(s[i])
	}
	return v
}

// pack3 is pack of r's UTF-8 form, for r in the 3-byte range.
func pack3(r rune) uint64 {
	return uint64(0xE0|r>>12&0x0F)<<16 | uint64(0x80|r>>6&0x3F)<<8 | uint64(0x80|r&0x3F)
}

// homophones returns the characters of frequent words sharing r's main
// reading and tone (r itself among them), as 3-byte records. Rare readings
// that pinyin data also lists (机 wèi) are ignored.
func homophones(r rune) string {
	if !is3(r) {
		return ""
	}
	i := searchRec(homChars, 3, pack3(r))
	if i < 0 {
		return ""
	}
	g := int(homGroupIDs[2*i])<<8 | int(homGroupIDs[2*i+1])
	start := 0
	if g > 0 {
		start = int(homGroupEnds[2*g-2])<<8 | int(homGroupEnds[2*g-1])
	}
	end := int(homGroupEnds[2*g])<<8 | int(homGroupEnds[2*g+1])
	return homGroups[3*start : 3*end]
}

// singleHan reports whether s is one Han character.
func singleHan(s string) bool {
	if len(s) == 3 && s[0] >= 0xE4 && s[0] <= 0xE9 && s[1]&0xC0 == 0x80 && s[2]&0xC0 == 0x80 && (s[0] != 0xE4 || s[1] >= 0xB8) {
		return true // U+4E00..U+9FFF, CJK Unified Ideographs
	}
	if len(s) != 3 && len(s) != 4 {
		return false // Han characters are 3 or 4 bytes long
	}
	r, n := utf8x.DecodeRune(s, 0)
	return n == len(s) && isHan(r)
}

// isHan is unicode.Is(unicode.Han, r), at once for the common block.
func isHan(r rune) bool {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF:
		return true // CJK Unified Ideographs
	case r < 0x2E80:
		return false // below CJK Radicals Supplement
	}
	return unicode.Is(unicode.Han, r)
}

// pinyinSlips adds the heuristic hits. A candidate is two Han characters
// that form no dictionary word, where gse left them stray: a run of exactly
// two single-character tokens (推|近), or one single-character token after
// a greedy token whose rest is a word (工作部|暑: 工作 + 部暑).
// Replacing exactly one of them by a character with the same main reading
// and tone must give exactly one frequent word, neither may be a function
// character, and the kept character may not recur nearby (a parallel series).
func (d *Detector) pinyinSlips(c *context, hits []Hit) []Hit {
	listed := hits
	toks := c.tokens
	for k := 0; k < len(toks); {
		if !singleHan(toks[k].Text) {
			k++
			continue
		}
		j, next := k+1, 0
		for j < len(toks) {
			if !singleHan(toks[j].Text) {
				next = j + 1 // toks[j] starts no run either
				break
			}
			if toks[j].Span().Start != toks[j-1].Span().End {
				break
			}
			j++
		}
		var start, end int
		rest := "" // the word the pair's first character was glued to
		switch j - k {
		case 2:
			start, end = toks[k].Span().Start, toks[k+1].Span().End
		case 1:
			start, end, rest = gluedPair(c, k)
		}
		k = max(j, next)
		if start == end {
			continue
		}
		if h, ok := d.slip(c, listed, start, end, rest); ok {
			hits = append(hits, h)
		}
	}
	return hits
}

// gluedPair returns the span of the last character of the token before
// toks[k] and toks[k] when that token is a greedy merge whose rest (also
// returned) is two or more characters, else an empty span; slip then
// requires the rest to be a word (工作部|暑). The other side is not tried: a
// following word keeps its first character (城|释放出).
func gluedPair(c *context, k int) (int, int, string) {
	toks := c.tokens
	if k > 0 && toks[k-1].Span().End == toks[k].Span().Start && glued(toks[k-1]) {
		t := toks[k-1].Text
		_, n := utf8.DecodeLastRuneInString(t)
		if rest := t[:len(t)-n]; utf8.RuneCountInString(rest) >= 2 {
			return toks[k].Span().Start - n, toks[k].Span().End, rest
		}
	}
	return 0, 0, ""
}

// glued reports whether t may be a typo merged into a word: all Han, three
// or more characters, not a name.
func glued(t segment.Token) bool {
	switch t.POS() {
	case "nr", "ns", "nt", "nz", "nrt", "nrfg", "j", "x":
		return false
	}
	n := 0
	for _, r := range t.Text {
		if !isHan(r) {
			return false
		}
		n++
	}
	return n >= 3
}

// slip checks the two-character span [start,end); rest, when not empty,
// must be a dictionary word.
func (d *Detector) slip(c *context, listed []Hit, start, end int, rest string) (Hit, bool) {
	pair := c.text[start:end]
	x, n := utf8.DecodeRuneInString(pair)
	y, _ := utf8.DecodeRuneInString(pair[n:])
	if isStop(x) || isStop(y) {
		return Hit{}, false
	}
	if overlapsHit(listed, start, end) || c.skip(start, end) || cited(c.text[:start]) {
		return Hit{}, false
	}
	// The tests are independent: the dictionary, which may decode a block,
	// comes after the tables (and so does gluedPair's test of rest).
	right, kept, ok := d.onlyReplacement(x, y)
	if !ok || rest != "" && d.dict().freq(rest) == 0 || d.dict().freq(pair) > 0 || recurs(c.text, start, end, kept) {
		return Hit{}, false
	}
	return Hit{Span: segment.Span{Start: start, End: end}, Wrong: pair, Right: right,
		Kind: KindPinyin, Source: PinyinSource, Severity: "warning"}, true
}

// recurs reports whether r occurs within slipWindow bytes around [start,end).
func recurs(text string, start, end int, r rune) bool {
	lo, hi := max(0, start-slipWindow), min(len(text), end+slipWindow)
	return strings.ContainsRune(text[lo:start], r) || strings.ContainsRune(text[end:hi], r)
}

// onlyReplacement returns the one frequent word made by replacing one of
// x, y with a homophone, and the character kept.
func (d *Detector) onlyReplacement(x, y rune) (string, rune, bool) {
	if !is3(x) || !is3(y) {
		return "", 0, false // frequent words are of 3-byte characters
	}
	xy := [2]uint64{pack3(x), pack3(y)}
	var found uint64
	kept, ok := rune(0), false
	for pos, r := range [2]rune{x, y} {
		hs := homophones(r)
		for i := 0; i+3 <= len(hs); i += 3 {
			h := pack(hs[i : i+3])
			if h == xy[pos] || isStop(rune3(hs[i:i+3])) {
				continue
			}
			w := h<<24 | xy[1]
			if pos == 1 {
				w = xy[0]<<24 | h
			}
			if searchRec(freqBigrams, 6, w) < 0 {
				continue
			}
			if ok {
				return "", 0, false // ambiguous
			}
			found, kept, ok = w, y, true
			if pos == 1 {
				kept = x
			}
		}
	}
	if !ok {
		return "", 0, false
	}
	var b [6]byte
	for i := range b {
		b[i] = byte(found >> (40 - 8*i))
	}
	return string(b[:]), kept, true
}

// rune3 decodes a 3-byte record.
func rune3(s string) rune {
	return rune(s[0]&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F)
}

// cjkLo and cjkHi bound CJK Unified Ideographs, where all stopChars are.
const cjkLo, cjkHi = 0x4E00, 0x9FFF

// stopSet is stopChars as a bitset over cjkLo..cjkHi, and the others
// sorted.
var stopSet = lazy.Value(func() *stops {
	s := &stops{}
	for _, r := range stopChars {
		if r >= cjkLo && r <= cjkHi {
			s.bits[(r-cjkLo)>>6] |= 1 << ((r - cjkLo) & 63)
		} else {
			s.other = append(s.other, r)
		}
	}
	slices.Sort(s.other)
	return s
})

type stops struct {
	bits  [(cjkHi - cjkLo + 64) / 64]uint64
	other []rune
}

// isStop reports whether r is one of stopChars.
func isStop(r rune) bool {
	s := stopSet()
	if r >= cjkLo && r <= cjkHi {
		return s.bits[(r-cjkLo)>>6]&(1<<((r-cjkLo)&63)) != 0
	}
	_, ok := slices.BinarySearch(s.other, r)
	return ok
}

// overlapsHit reports whether [start,end) overlaps one of hits, which are
// sorted and disjoint.
func overlapsHit(hits []Hit, start, end int) bool {
	i := sort.Search(len(hits), func(i int) bool { return hits[i].Span.End > start })
	return i < len(hits) && hits[i].Span.Start < end
}
