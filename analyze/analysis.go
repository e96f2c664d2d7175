package analyze

import (
	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

// Analysis holds one document and the data derived from it, computed once
// and shared by every check (tokens, placeholders, numeric claims).
type Analysis struct {
	Doc     *segment.Document
	Lex     *lexicon.Lexicon
	Profile *lexicon.Profile // nil when the report type is unknown
	Year    int              // the report's year, 0 when unknown

	tokenize func(string) []segment.Token
	memo     map[string]any
}

// NewAnalysis prepares a document for checking. tokenize may be nil when no
// check that needs tokens will run.
func NewAnalysis(doc *segment.Document, lex *lexicon.Lexicon, tokenize func(string) []segment.Token) *Analysis {
	if lex == nil {
		lex = &lexicon.Lexicon{}
	}
	return &Analysis{Doc: doc, Lex: lex, tokenize: tokenize, memo: map[string]any{}}
}

// Memo computes a value once per document under key.
func Memo[T any](a *Analysis, key string, f func() T) T {
	if v, ok := a.memo[key]; ok {
		return v.(T)
	}
	v := f()
	a.memo[key] = v
	return v
}

// Tokens returns the gse tokens of the whole text (nil without a tokenizer).
func (a *Analysis) Tokens() []segment.Token {
	return Memo(a, "tokens", func() []segment.Token {
		if a.tokenize == nil {
			return nil
		}
		return a.tokenize(a.Doc.Text)
	})
}

// SectionName names the innermost outline node (numbered heading or implicit
// section, see Outline) an offset stands under ("" before any).
func (a *Analysis) SectionName(off int) string {
	if i := a.nodeAt(off); i >= 0 {
		return a.Outline()[i].Label()
	}
	return ""
}
