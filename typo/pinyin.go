package typo

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

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

// rec3 is r's 3-byte UTF-8 form ("" outside the 3-byte range).
func rec3(r rune) string {
	if r < 0x800 || r > 0xFFFF {
		return ""
	}
	return string(r)
}

// search finds key in table, a sorted string of len(key)-byte records.
func search(table, key string) int {
	w := len(key)
	n := len(table) / w
	i := sort.Search(n, func(i int) bool { return table[i*w:i*w+w] >= key })
	if i < n && table[i*w:i*w+w] == key {
		return i
	}
	return -1
}

// frequent reports whether w is a two-character word of frequency at least
// slipMinFreq.
func frequent(w string) bool {
	return len(w) == 6 && search(freqBigrams, w) >= 0
}

// homophones returns the characters of frequent words sharing r's main
// reading and tone (r itself among them), as 3-byte records. Rare readings
// that pinyin data also lists (机 wèi) are ignored.
func homophones(r rune) string {
	k := rec3(r)
	if k == "" {
		return ""
	}
	i := search(homChars, k)
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

// singleHan reports whether t is one Han character.
func singleHan(t segment.Token) bool {
	r, n := utf8.DecodeRuneInString(t.Text)
	return n == len(t.Text) && n > 0 && unicode.Is(unicode.Han, r)
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
		if !singleHan(toks[k]) {
			k++
			continue
		}
		j := k + 1
		for j < len(toks) && singleHan(toks[j]) && toks[j].Span().Start == toks[j-1].Span().End {
			j++
		}
		var start, end int
		switch j - k {
		case 2:
			start, end = toks[k].Span().Start, toks[k+1].Span().End
		case 1:
			start, end = d.gluedPair(c, k)
		}
		k = j
		if start == end {
			continue
		}
		if h, ok := d.slip(c, listed, start, end); ok {
			hits = append(hits, h)
		}
	}
	return hits
}

// gluedPair returns the span of the last character of the token before
// toks[k] and toks[k] when that token is a greedy merge whose rest is a word
// of two or more characters (工作部|暑), else an empty span. The other side
// is not tried: a following word keeps its first character (城|释放出).
func (d *Detector) gluedPair(c *context, k int) (int, int) {
	toks := c.tokens
	if k > 0 && toks[k-1].Span().End == toks[k].Span().Start && glued(toks[k-1]) {
		t := toks[k-1].Text
		_, n := utf8.DecodeLastRuneInString(t)
		if rest := t[:len(t)-n]; utf8.RuneCountInString(rest) >= 2 && d.words.freq(rest) > 0 {
			return toks[k].Span().Start - n, toks[k].Span().End
		}
	}
	return 0, 0
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
		if !unicode.Is(unicode.Han, r) {
			return false
		}
		n++
	}
	return n >= 3
}

// slip checks the two-character span [start,end).
func (d *Detector) slip(c *context, listed []Hit, start, end int) (Hit, bool) {
	pair := c.text[start:end]
	x, n := utf8.DecodeRuneInString(pair)
	y, _ := utf8.DecodeRuneInString(pair[n:])
	if strings.ContainsRune(stopChars, x) || strings.ContainsRune(stopChars, y) {
		return Hit{}, false
	}
	if overlapsHit(listed, start, end) || c.skip(start, end) || cited(c.text[:start]) || d.words.freq(pair) > 0 {
		return Hit{}, false
	}
	right, kept, ok := d.onlyReplacement(x, y)
	if !ok || recurs(c.text, start, end, kept) {
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
	found, kept := "", rune(0)
	for pos, r := range [2]rune{x, y} {
		for _, h := range homophones(r) {
			if h == r || strings.ContainsRune(stopChars, h) {
				continue
			}
			w := string(h) + string(y)
			k := y
			if pos == 1 {
				w, k = string(x)+string(h), x
			}
			if !frequent(w) {
				continue
			}
			if found != "" {
				return "", 0, false // ambiguous
			}
			found, kept = w, k
		}
	}
	return found, kept, found != ""
}

// overlapsHit reports whether [start,end) overlaps one of hits, which are
// sorted and disjoint.
func overlapsHit(hits []Hit, start, end int) bool {
	i := sort.Search(len(hits), func(i int) bool { return hits[i].Span.End > start })
	return i < len(hits) && hits[i].Span.Start < end
}
