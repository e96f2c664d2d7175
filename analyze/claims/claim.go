package claims

import (
	"math"
	"strconv"
	"strings"

	"github.com/reportlint/reportlint/segment"
)

// ---------------------------------------------------------------------------
// Claims.

// claim turns a quantity into a Claim (without metric and relation).
func (x *extractor) claim(q quantity, s string, base int, para segment.Paragraph) Claim {
	doc := x.doc
	sp := segment.Span{Start: base + q.start, End: base + q.end}
	c := Claim{Span: sp, Text: doc.Slice(sp), Unfilled: q.unfilled, Paragraph: para.Number}
	c.Pos = x.position(sp.Start)
	c.EndPos = x.position(sp.End)
	c.Qualifier = joinQual(wordAt(preQualifiers, q.pre), wordAt(midQualifiers, q.mid), wordAt(postQualifiers, q.post))
	if q.hasUnit {
		c.UnitText = s[q.unitStart : q.unitStart+len(q.unit.text)]
		c.Unit = q.unit.base
		c.Kind = q.unit.kind
	}
	if q.mult != 0 {
		c.UnitText = withMult(s, multText(q.mult), c.UnitText, q.unitStart, q.hasUnit)
	}
	factor := 1.0
	if q.hasUnit {
		factor = q.unit.factor
	}
	if !q.unfilled {
		c.Value = x.float(round15(q.val * factor))
		if q.hi > 0 {
			c.RangeEnd = x.float(round15(q.hi * factor))
		}
	}
	// years, months and days
	if q.hasUnit && !q.unfilled {
		switch q.unit.text {
		case "年", "年度":
			if q.cnYear || q.fourDigits && q.pre == 0 && q.mid == 0 && q.mult == 0 && q.val >= 1900 && q.val <= 2100 && !q.ordinal {
				c.Kind, c.Unit = Year, "年"
			}
		case "月", "月份":
			if q.mid == 0 && q.mult == 0 && q.val >= 1 && q.val <= 12 && q.val == math.Trunc(q.val) {
				c.Kind = Month
			}
		case "日":
			if strings.HasSuffix(s[:q.start], "月") && q.val >= 1 && q.val <= 31 {
				c.Kind = Date
			}
		}
	}
	if q.ordinal && c.Kind != Year {
		c.Kind = Rank
	}
	c.f = form{val: q.val, factor: factor, numStart: base + q.numStart, numEnd: base + q.numEnd, rangeSep: q.rangeSep,
		decimals: uint8(min(q.decimals, math.MaxUint8)), pre: q.pre, mid: q.mid, post: q.post, mult: q.mult, firstMult: q.firstMult,
		styleMult: q.styleMult, hasUnit: q.hasUnit, firstUnit: q.firstUnit, npct: uint8(q.npct)}
	if q.rangeSep >= 0 {
		c.f.rangeSep += base
	}
	for i := range q.npct {
		c.f.pct[i] = base + q.pct[i]
	}
	c.Section = sectionName(doc, sp.Start)
	return c
}

// round15 drops the binary noise of scaling (2.3×1e8 = 229999999.99999997):
// written numbers have at most 15 significant digits.
// maxClaimValue bounds a parsed value: larger numbers (九千万亿亿亿…) are
// not figures of a report, and dropping them keeps every value and any sum
// of values finite.
const maxClaimValue = 1e24

// parseable reports whether the claim's values are finite and in range;
// others are dropped as unparseable.
func (c *Claim) parseable() bool {
	for _, v := range []*float64{c.Value, c.RangeEnd} {
		if v != nil && (math.IsNaN(*v) || math.Abs(*v) > maxClaimValue) {
			return false
		}
	}
	return true
}

func round15(v float64) float64 {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return v // at most 15 digits: exact already
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	if err != nil {
		return v
	}
	return r
}

func sectionName(doc *segment.Document, off int) string {
	if h := doc.HeadingAt(off); h != nil {
		return h.Text(doc)
	}
	return ""
}

// joinQual joins the non-empty qualifiers with "…" (one allocation at
// most, none for a single one).
func joinQual(pre, mid, post string) string {
	switch {
	case mid == "" && post == "":
		return pre
	case pre == "" && post == "":
		return mid
	case pre == "" && mid == "":
		return post
	case post == "":
		return pre + "…" + mid
	case mid == "":
		return pre + "…" + post
	case pre == "":
		return mid + "…" + post
	}
	return pre + "…" + mid + "…" + post
}

// withMult returns the multiplier followed by the unit as written (亿元):
// a slice of s when the unit follows the multiplier there.
func withMult(s, mult, unit string, unitStart int, hasUnit bool) string {
	if !hasUnit {
		return mult
	}
	if k := unitStart - len(mult); k >= 0 && s[k:unitStart] == mult {
		return s[k : unitStart+len(unit)]
	}
	return mult + unit
}
