package claims

import (
	"github.com/reportlint/reportlint/analyze/internal/scan"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/reportlint/reportlint/lexicon"
)

// ---------------------------------------------------------------------------
// Tables compiled from the lexicon.

type unitEntry struct {
	text, base, kind string
	factor           float64
}

type numTables struct {
	units    map[rune][]unitEntry // by first rune, longest first
	fixed    map[rune][]string    // fixed numeral expressions by first rune, longest first
	maxFixed int                  // longest fixed expression, in runes
	fixedR   scan.RuneBits        // the keys of fixed
	notUnit  map[rune][]string    // lexicon list not-unit by first rune
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
	t := &numTables{units: map[rune][]unitEntry{}, fixed: map[rune][]string{}, notUnit: map[rune][]string{}}
	for _, w := range lex.List(lexicon.ListNotUnit) {
		r, _ := utf8.DecodeRuneInString(w)
		t.notUnit[r] = append(t.notUnit[r], w)
	}
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
		r, _ := utf8.DecodeRuneInString(u.Text)
		t.units[r] = append(t.units[r], e)
	}
	for r := range t.units {
		es := t.units[r]
		sort.SliceStable(es, func(i, j int) bool { return len(es[i].text) > len(es[j].text) })
	}
	seen := map[string]bool{}
	addFixed := func(s string) {
		s = strings.TrimSpace(s)
		if s == "" || seen[s] || !hasNumeral(s) {
			return
		}
		seen[s] = true
		r, _ := utf8.DecodeRuneInString(s)
		t.fixed[r] = append(t.fixed[r], s)
		t.fixedR.Add(r)
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
	for r := range t.fixed {
		fs := t.fixed[r]
		sort.SliceStable(fs, func(i, j int) bool { return len(fs[i]) > len(fs[j]) })
	}
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
	r, _ := utf8.DecodeRuneInString(s)
	for _, e := range t.units[r] {
		if strings.HasPrefix(s, e.text) {
			return e, true
		}
	}
	return unitEntry{}, false
}

// fixedCovering reports whether a fixed expression covers the byte range
// [i, j) of s (starting at or before i, ending at or after j).
func (t *numTables) fixedCovering(s string, i, j int) bool {
	k := i
	for n := 0; n < t.maxFixed && k >= 0; n++ {
		if r, _ := scan.DecodeRune(s, k); t.fixedR.Has(r) {
			for _, f := range t.fixed[r] {
				if k+len(f) >= j && strings.HasPrefix(s[k:], f) {
					return true
				}
			}
		}
		if k == 0 {
			break
		}
		_, w := scan.DecodeLastRune(s[:k])
		k -= w
	}
	return false
}
