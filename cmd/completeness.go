package cmd

import (
	"fmt"
	"math"
	"sort"

	"github.com/reportlint/reportlint/analyze"
)

// partCompleteness is one row of the completeness table. Number slots are
// the quantities the report states or leaves blank; every blank counts
// once, as an unfilled number or as an unfilled name/date, so
// NumberSlots = Filled + UnfilledNumbers. A part with any blank is never
// complete. Blanks silenced by a reportlint-disable directive are not
// counted at all.
type partCompleteness struct {
	Section         string   `json:"section"`
	Line            int      `json:"line"`
	NumberSlots     int      `json:"numeric_slots"`
	Filled          int      `json:"filled"`
	UnfilledNumbers int      `json:"unfilled_numbers"`
	UnfilledNames   int      `json:"unfilled_names_dates"`
	Placeholders    int      `json:"placeholders"` // UnfilledNumbers + UnfilledNames
	Percent         *float64 `json:"percent_complete"`
	Complete        bool     `json:"complete"`
}

// completenessOf builds the rows from analyze's per-part counts (filled
// quantities) and the result's placeholders (the blanks, by kind), leaving
// out suppressed blanks. The total row comes last; nil when the
// placeholder check did not run or there is nothing to count.
//
// analyze counts every placeholder, suppressed or not, and counts a number
// blank as a slot only when it forms a quantity claim (**亿元, not a bare
// ** in a table cell); the split by kind is done here from the blanks.
func completenessOf(r *analyze.Result) []partCompleteness {
	if len(r.Completeness) == 0 {
		return nil
	}
	rows := make([]partCompleteness, len(r.Completeness))
	order := make([]int, len(rows))
	for i, c := range r.Completeness {
		rows[i] = partCompleteness{Section: c.Section, Line: c.Line, Filled: c.Filled}
		order[i] = i
	}
	// parts by the line they start on, to place each blank
	sort.SliceStable(order, func(a, b int) bool { return rows[order[a]].Line < rows[order[b]].Line })
	suppressed := map[int]bool{}
	for _, f := range r.Findings {
		if f.Suppressed && f.Check == placeholderName {
			suppressed[f.Span.Start] = true
		}
	}
	for _, p := range r.Placeholders {
		if suppressed[p.Start] {
			continue
		}
		k := sort.Search(len(order), func(k int) bool { return rows[order[k]].Line > p.Pos.Line }) - 1
		if k < 0 {
			k = 0
		}
		row := &rows[order[k]]
		if p.Kind == analyze.KindNumber {
			row.UnfilledNumbers++
		} else {
			row.UnfilledNames++
		}
	}
	total := partCompleteness{Section: "合计"}
	for i := range rows {
		rows[i].finish()
		total.Filled += rows[i].Filled
		total.UnfilledNumbers += rows[i].UnfilledNumbers
		total.UnfilledNames += rows[i].UnfilledNames
	}
	total.finish()
	return append(rows, total)
}

// finish derives the sums, the percentage and the verdict. The percentage
// is filled numbers over every item to fill (number slots plus name/date
// blanks), rounded down, so it reaches 100 only when nothing is blank; nil
// when there is nothing to fill.
func (c *partCompleteness) finish() {
	c.NumberSlots = c.Filled + c.UnfilledNumbers
	c.Placeholders = c.UnfilledNumbers + c.UnfilledNames
	c.Complete = c.Placeholders == 0
	items := c.NumberSlots + c.UnfilledNames
	if items == 0 {
		c.Percent = nil
		return
	}
	p := math.Floor(float64(c.Filled)*1000/float64(items)) / 10
	c.Percent = &p
}

// percentLabel is the completeness cell: "—" when there is nothing to fill.
func (c *partCompleteness) percentLabel() string {
	if c.Percent == nil {
		return "—"
	}
	return formatPercent(*c.Percent)
}

func formatPercent(p float64) string { return fmt.Sprintf("%.1f%%", p) }
