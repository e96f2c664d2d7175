package cmd

import (
	"io"
	"os"
	"reflect"
	"strings"
	"sync"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"golang.org/x/term"

	"github.com/reportlint/reportlint/internal/termsafe"
)

// termWidth is the terminal width for stdout, or 0 when not a terminal.
func (app *App) termWidth() int {
	if !app.OutTTY {
		return 0
	}
	out := app.Out
	if ew, ok := out.(*errWriter); ok { // run wraps stdout to catch write errors
		out = ew.w
	}
	if f, ok := out.(*os.File); ok {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 20 {
			return w
		}
	}
	return 80
}

// renderTable writes one table. All tablewriter calls live in this file.
// Every cell and header passes through termsafe (line by line: "\n"
// inside a cell is layout). On a terminal, wide columns are pre-wrapped at
// legal break points (wrapLine: an id or number is never split, no line
// starts with closing punctuation) so the table fits the width; tablewriter
// itself never wraps. Off a terminal, rows are not cut.
func renderTable(w io.Writer, width int, header []string, rows [][]string) error {
	header = safeCells(header)
	safe := make([][]string, len(rows))
	for i, r := range rows {
		safe[i] = safeCells(r)
	}
	rows = safe
	if width > 0 {
		if limits := columnLimits(width, header, rows); limits != nil {
			for _, r := range rows {
				for i := range r {
					if i < len(limits) && limits[i] > 0 {
						r[i] = strings.Join(wrapLine(r[i], limits[i]), "\n")
					}
				}
			}
		}
	}
	p := tablePool.Get().(*pooledTable)
	p.out.w = w
	defer func() {
		p.out.w = nil
		tablePool.Put(p)
	}()
	t := p.t
	t.Reset()
	// As with WithHeader before WithHeaderAutoFormat(tw.Off) on a new
	// table: the header is auto-formatted when set (id → ID), the rows not.
	setHeaderAutoFormat(t, tw.On)
	t.Header(header)
	setHeaderAutoFormat(t, tw.Off)
	for _, r := range rows {
		if err := t.Append(r); err != nil {
			return err
		}
	}
	return t.Render()
}

// Tables are reused: every tablewriter.NewTable allocates a 10,240-entry
// stringer cache (≈0.4 MB) that string rows never use, and a check prints
// several tables. A pooled table renders through a writer that is switched
// per call, has a stringer cache that holds nothing (so Reset does not
// allocate a new one), and is Reset before each use; renderTable sets the
// whole configuration once, in newPooledTable.
var tablePool = sync.Pool{New: func() any { return newPooledTable() }}

type pooledTable struct {
	t   *tablewriter.Table
	out switchWriter
}

func newPooledTable() *pooledTable {
	p := &pooledTable{}
	p.t = tablewriter.NewTable(&p.out,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignment(tw.AlignLeft),
		tablewriter.WithStringerCacheCustom(noStringerCache{}),
	)
	return p
}

func setHeaderAutoFormat(t *tablewriter.Table, s tw.State) {
	t.Configure(func(c *tablewriter.Config) { c.Header.Formatting.AutoFormat = s })
}

// switchWriter forwards to w, set for the duration of one render.
type switchWriter struct{ w io.Writer }

func (s *switchWriter) Write(b []byte) (int, error) { return s.w.Write(b) }

// noStringerCache is a tablewriter stringer cache that keeps nothing.
type noStringerCache struct{}

func (noStringerCache) Add(reflect.Type, reflect.Value) bool   { return false }
func (noStringerCache) Get(reflect.Type) (reflect.Value, bool) { return reflect.Value{}, false }
func (noStringerCache) Purge()                                 {}

// safeCells escapes control characters in each line of each cell.
func safeCells(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		lines := strings.Split(c, "\n")
		for j, l := range lines {
			lines[j] = termsafe.Line(l)
		}
		out[i] = strings.Join(lines, "\n")
	}
	return out
}

// columnLimits shares the terminal width among columns: narrow columns keep
// their natural width, the wide ones split what is left, but no column is
// narrower than its widest unbreakable piece (a rule id), up to two thirds
// of the width. nil when all fit.
func columnLimits(width int, header []string, rows [][]string) []int {
	n := len(header)
	natural := make([]int, n)
	minimum := make([]int, n)
	for i, h := range header {
		natural[i] = lineWidth(h)
		minimum[i] = longestGroup(h)
	}
	for _, r := range rows {
		for i := 0; i < n && i < len(r); i++ {
			if cw := lineWidth(r[i]); cw > natural[i] {
				natural[i] = cw
			}
		}
	}
	avail := width - 3*n - 1 // borders and one space of padding each side
	total := 0
	for _, w := range natural {
		total += w
	}
	if total <= avail || avail < 2*n {
		return nil
	}
	for _, r := range rows {
		for i := 0; i < n && i < len(r); i++ {
			if g := longestGroup(r[i]); g > minimum[i] {
				minimum[i] = g
			}
		}
	}
	limits := make([]int, n)
	fixed := make([]bool, n) // keeps its natural width
	for changed := true; changed; {
		changed = false
		left, open := avail, 0
		for i := range natural {
			if fixed[i] {
				left -= natural[i]
			} else {
				open++
			}
		}
		if open == 0 {
			break
		}
		share := left / open
		for i := range natural {
			if !fixed[i] && natural[i] <= share {
				fixed[i], changed = true, true
			}
		}
		if changed {
			continue
		}
		// the wide columns share what is left; one whose unbreakable piece
		// is wider than the share gets that width and the others shrink
		forced := make([]bool, n)
		for {
			rest, cnt := left, 0
			for i := range natural {
				if forced[i] {
					rest -= limits[i]
				} else if !fixed[i] {
					cnt++
				}
			}
			if cnt == 0 {
				break
			}
			share := max(rest/cnt, 4)
			grew := false
			for i := range natural {
				if !fixed[i] && !forced[i] {
					if m := min(minimum[i], avail*2/3); m > share {
						limits[i], forced[i], grew = m, true, true
					}
				}
			}
			if !grew {
				for i := range natural {
					if !fixed[i] && !forced[i] {
						limits[i] = share
					}
				}
				break
			}
		}
	}
	return limits
}
