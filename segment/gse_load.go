package segment

import (
	"sync/atomic"
	"unicode/utf8"

	"github.com/go-ego/gse"

	"github.com/reportlint/reportlint/segment/dict"
)

// Loading without gse's search-mode pre-segmentation.
//
// gse's CalcToken does two things: it sets each token's distance
// (log2(total/freq), the only thing Segment needs besides the trie), and it
// pre-segments every token in search mode against the whole dictionary
// (Token.Segments, used by CutSearch and ModeSegment(…, true), never by
// Segment). On a full load the second part is ≈40% of the load, mostly
// trie lookups. gse has no option to skip it, and distance is unexported,
// so calcDistances runs CalcToken through a stand-in dictionary: it shares
// the Tokens slice (CalcToken writes the distances into it) and the total
// frequency, but its trie holds only the leading tokens (domain terms and
// one-rune keys), so the search-mode pass finds little but single runes and
// costs a fraction. Token.Segments are then coarser than gse's, which
// reportlint never reads; Segment's output is unchanged
// (TestFullMatchesLoadDictStr compares with gse's own LoadDictStr).

// standInBallast is the stand-in trie's filler key, carrying the frequency the
// stand-in lacks. Invalid UTF-8 is a word of its own in gse and occurs in no
// dictionary key (TestDictionaryShape), so it never matches a token's text.
const standInBallast = "\xff"

// standInMin is the dictionary size from which calcDistances uses the
// stand-in. On a smaller dictionary gse's own search-mode pass is cheap (its
// trie mostly stays in cache) and the stand-in's single-rune sub-segments
// cost more than they save. Measured: callgrind counts 3.4% more
// instructions with the stand-in for a 20 KB filtered load (≈2 k entries),
// 3.7% more at 2 MB (60 k entries); on the full dictionary (352 k) process
// CPU is 0.6-0.7× (fewer cache misses and page faults). The crossover in
// between was not measured.
var standInMin = 100000 // a variable for tests

// slowCalcs counts the loads where calcDistances had to fall back to
// CalcToken for safety (tests check it stays 0).
var slowCalcs atomic.Int64

// calcDistances is CalcToken for Segment's needs. The first lead tokens of
// g.Dict.Tokens must be all of its tokens that the stand-in trie should
// hold; putting the one-rune keys there keeps the pass cheap.
func calcDistances(g *gse.Segmenter, lead int) {
	toks := g.Dict.Tokens
	if len(toks) < standInMin {
		g.CalcToken()
		return
	}
	d := gse.NewDict()
	for i := 0; i < lead; i++ {
		if !utf8.ValidString(toks[i].Text()) {
			slowCalcs.Add(1)
			g.CalcToken() // a key the ballast could match: the slow, sure way
			return
		}
		d.AddToken(toks[i])
	}
	total := g.Dict.TotalFreq()
	if rest := total - d.TotalFreq(); rest > 0 {
		d.AddToken(g.ToToken(standInBallast, rest, "x"))
	}
	// Trie values are indices into Tokens: the stand-in's first lead
	// tokens must be g's, in the same order, and totals equal, or the
	// distances and lookups would be wrong.
	if d.NumTokens() < lead || d.TotalFreq() != total {
		slowCalcs.Add(1)
		g.CalcToken()
		return
	}
	d.Tokens = toks
	stand := &gse.Segmenter{Dict: d}
	stand.CalcToken()
}

// loadFull adds the domain terms and the whole dictionary to g, one-rune
// keys first, and computes the distances. The insertion order changes only
// token indices: keys are distinct and the terms still come first.
func loadFull(g *gse.Segmenter, terms []string) {
	g.Dict.Tokens = make([]gse.Token, 0, dict.Entries+len(terms)+1)
	addTerms(g, terms)
	r := dict.NewReader()
	var first [utf8.UTFMax]byte
	// A block's one-rune key, if any, is its first entry (keys are sorted).
	single := func(i int) bool {
		return len(r.Key()) == utf8.EncodeRune(first[:], r.First(i))
	}
	for i := range r.Blocks() {
		r.Seek(i)
		if r.Next() && single(i) {
			g.AddToken(string(r.Key()), r.Freq(), r.Pos())
		}
	}
	lead := g.Dict.NumTokens()
	for i := range r.Blocks() {
		r.Seek(i)
		for j := 0; r.Next(); j++ {
			if j == 0 && single(i) {
				continue
			}
			g.AddToken(string(r.Key()), r.Freq(), r.Pos())
		}
	}
	calcDistances(g, lead)
}
