package analyze

import (
	"sync"

	"github.com/reportlint/reportlint/internal/textrun"
	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

// Analysis holds one document and the data derived from it, computed once
// and shared by every check (tokens, placeholders, numeric claims).
type Analysis struct {
	Doc     *segment.Document
	Lex     *lexicon.Lexicon
	Profile *lexicon.Profile // nil when the report type is unknown
	Year    int              // the report's year, 0 when unknown (a 政府工作报告's delivery year)

	ProfileConfidence Confidence // how sure the profile is; "" without one
	YearConfidence    Confidence // how sure the year is; "" without one
	Delivered         int        // the year a 政府工作报告 was delivered (congress), else 0
	Period            [2]int     // first and last year the report reviews; zero when unknown

	tokenize func(string) []segment.Token
	mu       sync.Mutex  // guards facts; checks may run concurrently
	facts    map[any]any // *cell[T] by *Key[T]
}

// NewAnalysis prepares a document for checking. tokenize may be nil when no
// check that needs tokens will run.
func NewAnalysis(doc *segment.Document, lex *lexicon.Lexicon, tokenize func(string) []segment.Token) *Analysis {
	if lex == nil {
		lex = &lexicon.Lexicon{}
	}
	return &Analysis{Doc: doc, Lex: lex, tokenize: tokenize, facts: map[any]any{}}
}

// Key is a typed fact about one document, computed once per Analysis on
// first use and shared by every check:
//
//	var Claims = analyze.NewKey("claims", func(a *analyze.Analysis) []Claim { … })
//	cs := Claims.Get(a)
type Key[T any] struct {
	name    string
	compute func(*Analysis) T
}

// NewKey declares a fact; name is for debugging only (keys are compared by
// identity).
func NewKey[T any](name string, compute func(*Analysis) T) *Key[T] {
	return &Key[T]{name: name, compute: compute}
}

// cell holds one fact, computed once even when checks ask concurrently.
// A fact whose computation panicked panics again for every caller.
type cell[T any] struct {
	once     sync.Once
	v        T
	panicked any
}

// Get returns the fact for a, computing it on first use. Safe for
// concurrent use; a fact may Get other facts while it is computed.
func (k *Key[T]) Get(a *Analysis) T {
	a.mu.Lock()
	c, ok := a.facts[k].(*cell[T])
	if !ok {
		c = &cell[T]{}
		a.facts[k] = c
	}
	a.mu.Unlock()
	c.once.Do(func() {
		defer func() {
			if r := recover(); r != nil {
				c.panicked = r
			}
		}()
		c.v = k.compute(a)
	})
	if c.panicked != nil {
		panic(c.panicked)
	}
	return c.v
}

// String returns the key's name.
func (k *Key[T]) String() string { return k.name }

var tokensKey = NewKey("tokens", func(a *Analysis) []segment.Token {
	if a.tokenize == nil {
		return nil
	}
	return a.tokenize(a.Doc.Text)
})

// Tokens returns the gse tokens of the whole text (nil without a tokenizer).
func (a *Analysis) Tokens() []segment.Token { return tokensKey.Get(a) }

var runesKey = NewKey("runes", func(a *Analysis) *textrun.Text { return textrun.New(a.Doc.Text) })

// forget drops a fact (to free its memory); a later Get computes it again.
func (a *Analysis) forget(k any) {
	a.mu.Lock()
	delete(a.facts, k)
	a.mu.Unlock()
}

// Runes returns the text decoded into runes, decoded once per document and
// shared by the detectors: each call returns a View of its own.
func (a *Analysis) Runes() *textrun.Text { return runesKey.Get(a).View() }

// SectionName names the innermost outline node (numbered heading or implicit
// section, see Outline) an offset stands under ("" before any).
func (a *Analysis) SectionName(off int) string {
	if i := a.NodeAt(off); i >= 0 {
		return a.Outline()[i].Label()
	}
	return ""
}
