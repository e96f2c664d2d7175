package analyze

import (
	"github.com/reportlint/reportlint/analyze/claims"
	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

// Claim is one numeric claim (see package claims).
type Claim = claims.Claim

// Claim kinds beyond the unit kinds of units.yaml.
const (
	ClaimYear  = claims.Year
	ClaimMonth = claims.Month
	ClaimDate  = claims.Date
	ClaimRank  = claims.Rank
)

// Claims returns the numeric claims of the document, in text order: every
// number with its unit and every numeric placeholder (Unfilled). Metrics are
// cut on gse tokens when the analysis has a tokenizer.
func (a *Analysis) Claims() []Claim {
	return claimsKey.Get(a)
}

var claimsKey = NewKey("claims", func(a *Analysis) []Claim {
	cs := claims.Extract(a.Doc, blanks(a.Placeholders()), a.Tokens(), a.Lex)
	// outline sections, as findings use (a.SectionName), labelled once
	nodes := a.Outline()
	labels := make([]string, len(nodes))
	for i := range cs {
		cs[i].Section = ""
		if n := a.NodeAt(cs[i].Start); n >= 0 {
			if labels[n] == "" {
				labels[n] = nodes[n].Label()
			}
			cs[i].Section = labels[n]
		}
	}
	return cs
})

// ExtractClaims finds the numeric claims of doc (see claims.Extract).
func ExtractClaims(doc *segment.Document, phs []Placeholder, tokens []segment.Token, lex *lexicon.Lexicon) []Claim {
	return claims.Extract(doc, blanks(phs), tokens, lex)
}

// blanks turns placeholders into the extractor's blanks.
func blanks(phs []Placeholder) []claims.Blank {
	out := make([]claims.Blank, len(phs))
	for i, ph := range phs {
		out[i] = claims.Blank{Span: ph.Span, Number: ph.Kind == KindNumber}
	}
	return out
}
