// Package claims extracts numeric claims from a report: every number with
// its unit, qualifier, metric (what it measures) and relation words, and
// every numeric placeholder as an unfilled claim. It is pure: it reads a
// segment.Document and the lexicon's units, and never panics.
package claims

import (
	"github.com/reportlint/reportlint/analyze/internal/scan"

	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

// Claim kinds beyond the unit kinds of units.yaml.
const (
	Year  = "year"
	Month = "month"
	Date  = "date"
	Rank  = "rank"
)

// Claim is one numeric claim: a number (or an unfilled slot) with its unit.
type Claim struct {
	segment.Span
	Pos        segment.Pos `json:"-"`
	EndPos     segment.Pos `json:"-"`
	Text       string      // original text: 100％, 10余个, **亿元
	Value      *float64    // as written times multiplier; nil when unfilled
	Unit       string      // normalised unit: 元, ％, 个
	UnitText   string      // unit as written: 亿元
	Qualifier  string      // 余 多 近 超 约 左右 以上 …
	Metric     string      // what it measures, from the words before it
	Relation   string      // 同比增长, 超…目标, 累计, 其中, 分别为, 占…比重
	Kind       string      // money, count, percent, multiple, rank, year, month, date, range …
	Unfilled   bool
	RangeEnd   *float64 // upper bound of a range (9—10月)
	Section    string
	Paragraph  int
	Sentence   segment.Span `json:"-"`
	MetricSpan segment.Span `json:"-"`

	f         form // how the number was written (number check)
	rel       Rel
	inherited bool  // Metric was taken from the claim before
	group     int32 // 分别 list id (1-based), 0 when none
	groupLo   int32 // number of subjects of the 分别 list (at least), 0 when unknown
	groupHi   int32 // … at most (和 may join two subjects or sit inside a name)
	groupIdx  int32 // position in the 分别 list

	groupSubjects []string
}

// form is what a claim keeps of its quantity (the extractor's scratch
// stays behind): offsets are in the document, words are indexes (1-based,
// 0 for none) into the tables they come from.
type form struct {
	val                float64 // as written times multiplier
	factor             float64 // unit factor, 1 without a unit
	numStart, numEnd   int
	rangeSep           int    // -1 when none
	pct                [2]int // ％/% signs (a range has at most two)
	npct               uint8
	decimals           uint8
	pre, mid, post     uint8 // preQualifiers, midQualifiers, postQualifiers
	mult, firstMult    uint8 // multipliers
	styleMult, hasUnit bool
	firstUnit          bool
}

// Blank is a placeholder span in the text; Number marks a missing quantity
// (it becomes an unfilled claim), others are skipped.
type Blank struct {
	segment.Span
	Number bool
}

// HasUnit reports whether a unit followed the number as written.
func (c *Claim) HasUnit() bool { return c.f.hasUnit }

// Multiplier returns the 万/亿 (or 千/百, wrongly) written after the digits.
func (c *Claim) Multiplier() string { return multText(c.f.mult) }

// Written returns the number as written times its multiplier, before the
// unit factor.
func (c *Claim) Written() float64 { return c.f.val }

// PercentSigns returns the offsets (in the paragraph) of ％ or % signs.
func (c *Claim) PercentSigns() []int {
	if c.f.npct == 0 {
		return nil
	}
	return c.f.pct[:c.f.npct:c.f.npct]
}

// Rel returns the relation flags found before the claim.
func (c *Claim) Rel() Rel { return c.rel }

// InheritedMetric reports whether Metric was taken from the claim before.
func (c *Claim) InheritedMetric() bool { return c.inherited }

// List returns the claim's 分别 list: id (1-based, 0 when none) and the
// least and most number of subjects (0 when unknown).
func (c *Claim) List() (id, lo, hi int) { return int(c.group), int(c.groupLo), int(c.groupHi) }

// Extract finds the numeric claims of doc. phs are the document's
// blanks (those of kind number become unfilled claims), tokens its gse
// tokens (nil cuts metrics on characters), lex supplies units and the fixed
// numeral expressions that are not claims. It is pure and safe for any input.
func Extract(doc *segment.Document, phs []Blank, tokens []segment.Token, lex *lexicon.Lexicon) []Claim {
	tb := tablesFor(lex)
	x := &extractor{doc: doc, tb: tb, tokens: tokens, skip: markerSpans(doc), posOff: -1}
	x.comments = scan.HTMLComments(doc)
	pi := 0
	numbers := 0 // blanks that become claims
	for _, ph := range phs {
		if ph.Number {
			numbers++
		}
	}
	// A guess at the size: real reports hold a claim per 280 bytes or so
	// (a Claim is 360 B). A pooled scratch copied out at the exact size
	// cost more than the zeroing this guess saves.
	out := make([]Claim, 0, numbers+len(doc.Text)/256+8)
	for _, para := range doc.Paragraphs {
		for pi < len(phs) && phs[pi].Start < para.Span.Start {
			pi++
		}
		pj := pi
		for pj < len(phs) && phs[pj].Start < para.Span.End {
			pj++
		}
		start := len(out)
		out = x.paragraph(out, para, phs[pi:pj])
		x.annotate(out[start:], para)
		pi = pj
	}
	return out
}

// Form is how a claim's number was written, for checks of number usage.
type Form struct {
	NumStart, NumEnd int     // the number incl. multiplier, bytes in the paragraph
	Decimals         int     // digits after the point
	Pre, Mid, Post   string  // qualifiers: 近…, 余/多, 以上…
	Mult             string  // multiplier as written (万, 亿, 千万 …)
	MultVal          float64 // its value
	StyleMult        bool    // 千/百/十 next to digits (3千万)
	HasUnit          bool
	UnitFactor       float64 // unit factor (1 without a unit)
	RangeSep         int     // offset of the range separator, -1 when none
	FirstUnit        bool    // the first number of a range carries the unit
	FirstMult        string  // multiplier written on the first number of a range
}

// Form returns how the number was written.
func (c *Claim) Form() Form {
	f := &c.f
	return Form{NumStart: f.numStart, NumEnd: f.numEnd, Decimals: int(f.decimals), Pre: wordAt(preQualifiers, f.pre),
		Mid: wordAt(midQualifiers, f.mid), Post: wordAt(postQualifiers, f.post), Mult: multText(f.mult), MultVal: multVal(f.mult),
		StyleMult: f.styleMult, HasUnit: f.hasUnit, UnitFactor: f.factor, RangeSep: f.rangeSep, FirstUnit: f.firstUnit,
		FirstMult: multText(f.firstMult)}
}

// wordAt returns ws[i-1], or "" for 0.
func wordAt(ws []string, i uint8) string {
	if i == 0 {
		return ""
	}
	return ws[i-1]
}

func multText(i uint8) string {
	if i == 0 {
		return ""
	}
	return multipliers[i-1].text
}

func multVal(i uint8) float64 {
	if i == 0 {
		return 0
	}
	return multipliers[i-1].val
}
