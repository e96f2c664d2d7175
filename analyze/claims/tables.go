package claims

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/utf8x"
	"github.com/reportlint/reportlint/lexicon"
)

// ---------------------------------------------------------------------------
// Tables compiled from the lexicon.

type unitEntry struct {
	text, base, kind string
	factor           float64
}

type numTables struct {
	units    []unitEntry // by first rune, longest first (lexicon order among equals)
	unitIx   runeIndex
	fixed    []string // fixed numeral expressions by first rune
	fixedIx  runeIndex
	maxFixed int      // longest fixed expression, in runes
	inFixed  runeSet  // every rune of the fixed expressions
	allValid bool     // the fixed expressions are valid UTF-8 (inFixed is exact)
	notUnit  []string // lexicon list not-unit by first rune
	notIx    runeIndex
}

// runeBloom is a 128-byte filter of runes (by r&1023): Has may answer
// true for a rune never added, never false for one added. It stands before
// an exact test where scan.RuneBits took 8 KB.
type runeBloom [16]uint64

func (b *runeBloom) Add(r rune)      { b[r>>6&15] |= 1 << (r & 63) }
func (b *runeBloom) Has(r rune) bool { return b[r>>6&15]&(1<<(r&63)) != 0 }

// wordsByRune holds words by a key rune, in list order among one key.
type wordsByRune struct {
	words []string
	ix    runeIndex
}

func newWordsByRune(ws []string, key func(string) rune) *wordsByRune {
	w := &wordsByRune{words: slices.Clone(ws)}
	slices.SortStableFunc(w.words, func(a, b string) int { return cmp.Compare(key(a), key(b)) })
	w.ix.build(len(w.words), func(i int) rune { return key(w.words[i]) })
	return w
}

// get returns the words whose key is r.
func (w *wordsByRune) get(r rune) []string {
	lo, hi := w.ix.find(r)
	return w.words[lo:hi]
}

// runeSet is a small set of runes.
type runeSet struct {
	bloom [16]uint64 // by r&1023
	rs    []rune     // ascending
}

func (rs *runeSet) has(r rune) bool {
	if rs.bloom[r>>6&15]&(1<<(r&63)) == 0 {
		return false
	}
	_, ok := slices.BinarySearch(rs.rs, r)
	return ok
}

func (rs *runeSet) addAll(ws []string) {
	for _, w := range ws {
		for _, r := range w {
			rs.rs = append(rs.rs, r)
			rs.bloom[r>>6&15] |= 1 << (r & 63)
		}
	}
	slices.Sort(rs.rs)
	rs.rs = slices.Clip(slices.Compact(rs.rs))
}

// runeIndex finds the entries of a list sorted by first rune: a few
// hundred bytes where a map of slices took tens of kilobytes.
type runeIndex struct {
	bloom [8]uint64 // first runes by r&511: most runes stop here
	keys  []rune    // distinct first runes, ascending
	ends  []int32   // the entries of keys[i] end at ends[i]
}

// build indexes n entries sorted by first rune (first(i) is entry i's).
func (ix *runeIndex) build(n int, first func(i int) rune) {
	for i := 0; i < n; i++ {
		r := first(i)
		if k := len(ix.keys); k > 0 && ix.keys[k-1] == r {
			ix.ends[k-1] = int32(i + 1)
			continue
		}
		ix.keys = append(ix.keys, r)
		ix.ends = append(ix.ends, int32(i+1))
		ix.bloom[r>>6&7] |= 1 << (r & 63)
	}
}

// find returns the entries [lo, hi) whose first rune is r.
func (ix *runeIndex) find(r rune) (lo, hi int) {
	if ix.bloom[r>>6&7]&(1<<(r&63)) == 0 {
		return 0, 0
	}
	k, ok := slices.BinarySearch(ix.keys, r)
	if !ok {
		return 0, 0
	}
	if k > 0 {
		lo = int(ix.ends[k-1])
	}
	return lo, int(ix.ends[k])
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// byFirstRune sorts words by first rune, longest first, then by text (the
// callers only ask whether one matches: order among them is free).
func byFirstRune(a, b string) int {
	if c := cmp.Compare(firstRune(a), firstRune(b)); c != 0 {
		return c
	}
	if c := cmp.Compare(len(b), len(a)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

var tablesCache sync.Map // *lexicon.Lexicon → *numTables

// tablesFor compiles (once per lexicon) the unit and fixed-expression tables.
func tablesFor(lex *lexicon.Lexicon) *numTables {
	if lex == nil {
		lex = &lexicon.Lexicon{}
	}
	if t, ok := tablesCache.Load(lex); ok {
		return t.(*numTables)
	}
	t := &numTables{}
	t.notUnit = slices.Clone(lex.List(lexicon.ListNotUnit))
	slices.SortFunc(t.notUnit, byFirstRune)
	t.notIx.build(len(t.notUnit), func(i int) rune { return firstRune(t.notUnit[i]) })
	t.units = make([]unitEntry, 0, len(lex.Units))
	for _, u := range lex.Units {
		if u.Disabled || u.Text == "" {
			continue
		}
		e := unitEntry{text: u.Text, base: u.Base, kind: u.Kind, factor: u.Factor}
		if e.base == "" {
			e.base = u.Text
		}
		if e.factor == 0 {
			e.factor = 1
		}
		t.units = append(t.units, e)
	}
	// stable: among units of one length, the lexicon's order decides
	slices.SortStableFunc(t.units, func(a, b unitEntry) int {
		if c := cmp.Compare(firstRune(a.text), firstRune(b.text)); c != 0 {
			return c
		}
		return cmp.Compare(len(b.text), len(a.text))
	})
	t.unitIx.build(len(t.units), func(i int) rune { return firstRune(t.units[i].text) })
	addFixed := func(s string) {
		s = strings.TrimSpace(s)
		if s == "" || !hasNumeral(s) {
			return
		}
		t.fixed = append(t.fixed, s)
		if n := utf8.RuneCountInString(s); n > t.maxFixed {
			t.maxFixed = n
		}
	}
	for _, term := range lex.Terms {
		if !term.Disabled {
			addFixed(term.Text)
		}
	}
	for _, f := range lex.Formulations {
		if f.Disabled {
			continue
		}
		addFixed(f.Text)
		for _, w := range f.Wrong {
			addFixed(w.Text)
		}
	}
	for _, e := range lex.Events {
		if e.Disabled {
			continue
		}
		for _, n := range e.Names {
			addFixed(n)
		}
	}
	slices.SortFunc(t.fixed, byFirstRune)
	t.fixed = slices.Clip(slices.Compact(t.fixed))
	t.fixedIx.build(len(t.fixed), func(i int) rune { return firstRune(t.fixed[i]) })
	t.inFixed.addAll(t.fixed)
	t.allValid = !slices.ContainsFunc(t.fixed, func(f string) bool { return !utf8.ValidString(f) })
	tablesCache.Store(lex, t)
	return t
}

func hasNumeral(s string) bool {
	for _, r := range s {
		if isAnyDigit(r) || isNumeralRune(r) {
			return true
		}
	}
	return false
}

// unitAt returns the longest unit starting s.
func (t *numTables) unitAt(s string) (unitEntry, bool) {
	lo, hi := t.unitIx.find(firstRune(s))
	for _, e := range t.units[lo:hi] {
		if strings.HasPrefix(s, e.text) {
			return e, true
		}
	}
	return unitEntry{}, false
}

// notUnitAt reports whether a word of the lexicon list not-unit starts s.
func (t *numTables) notUnitAt(s string) bool {
	lo, hi := t.notIx.find(firstRune(s))
	for _, w := range t.notUnit[lo:hi] {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// mayCover reports whether a fixed expression may contain s[i:j]: each of
// its runes must occur in one (most numbers stop here).
func (t *numTables) mayCover(s string, i, j int) bool {
	if !t.allValid {
		return true
	}
	for k := max(i, 0); k < j && k < len(s); {
		r, w := utf8x.DecodeRune(s, k)
		if r == utf8.RuneError && w == 1 {
			return true // not a whole rune: ask the expressions
		}
		if !t.inFixed.has(r) {
			return false
		}
		k += w
	}
	return true
}

// fixedCovering reports whether a fixed expression covers the byte range
// [i, j) of s (starting at or before i, ending at or after j).
func (t *numTables) fixedCovering(s string, i, j int) bool {
	if !t.mayCover(s, i, j) {
		return false
	}
	k := i
	for n := 0; n < t.maxFixed && k >= 0; n++ {
		r, _ := utf8x.DecodeRune(s, k)
		lo, hi := t.fixedIx.find(r)
		for _, f := range t.fixed[lo:hi] {
			if k+len(f) >= j && strings.HasPrefix(s[k:], f) {
				return true
			}
		}
		if k == 0 {
			break
		}
		_, w := utf8x.DecodeLastRune(s[:k])
		k -= w
	}
	return false
}
