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
	c.Qualifier = joinQual(q.pre, q.mid, q.post)
	if q.hasUnit {
		c.UnitText = s[q.unitStart : q.unitStart+len(q.unit.text)]
		c.Unit = q.unit.base
		c.Kind = q.unit.kind
	}
	if q.mult != "" {
		c.UnitText = q.mult + c.UnitText
	}
	factor := 1.0
	if q.hasUnit {
		factor = q.unit.factor
	}
	if !q.unfilled {
		v := round15(q.val * factor)
		c.Value = &v
		if q.hi > 0 {
			hi := round15(q.hi * factor)
			c.RangeEnd = &hi
		}
	}
	// years, months and days
	if q.hasUnit && !q.unfilled {
		switch q.unit.text {
		case "年", "年度":
			if q.cnYear || q.fourDigits && q.pre == "" && q.mid == "" && q.mult == "" && q.val >= 1900 && q.val <= 2100 && !q.ordinal {
				c.Kind, c.Unit = Year, "年"
			}
		case "月", "月份":
			if q.mid == "" && q.mult == "" && q.val >= 1 && q.val <= 12 && q.val == math.Trunc(q.val) {
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
	c.q = q
	c.q.start += base
	c.q.end += base
	c.q.numStart += base
	c.q.numEnd += base
	c.q.unitStart += base
	if c.q.rangeSep >= 0 {
		c.q.rangeSep += base
	}
	for i := range c.q.pctSigns {
		c.q.pctSigns[i] += base
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

func joinQual(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "…")
}
