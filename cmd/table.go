package cmd

import (
	"io"
	"os"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/tw"
	"golang.org/x/term"
)

// termWidth is the terminal width for stdout, or 0 when not a terminal.
func (app *App) termWidth() int {
	if !app.OutTTY {
		return 0
	}
	if f, ok := app.Out.(*os.File); ok {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 20 {
			return w
		}
	}
	return 80
}

// renderTable writes one table. All tablewriter calls live in this file.
// On a terminal, wide columns wrap (CJK text breaks anywhere) so the table
// fits the width; off a terminal, rows are not cut.
func renderTable(w io.Writer, width int, header []string, rows [][]string) error {
	opts := []tablewriter.Option{
		tablewriter.WithHeader(header),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapBreak),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignment(tw.AlignLeft),
	}
	t := tablewriter.NewTable(w, opts...)
	if width > 0 {
		if limits := columnLimits(width, header, rows); limits != nil {
			t.Configure(func(cfg *tablewriter.Config) {
				cfg.Row.ColMaxWidths.PerColumn = limits
				cfg.Header.ColMaxWidths.PerColumn = limits
			})
		}
	}
	for _, r := range rows {
		if err := t.Append(r); err != nil {
			return err
		}
	}
	return t.Render()
}

// columnLimits shares the terminal width among columns: narrow columns keep
// their natural width, the wide ones split what is left. nil when all fit.
func columnLimits(width int, header []string, rows [][]string) tw.Mapper[int, int] {
	n := len(header)
	natural := make([]int, n)
	for i, h := range header {
		natural[i] = twwidth.Width(h)
	}
	for _, r := range rows {
		for i := 0; i < n && i < len(r); i++ {
			if cw := twwidth.Width(r[i]); cw > natural[i] {
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
	limits := tw.NewMapper[int, int]()
	fixed := make([]bool, n)
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
		if !changed {
			for i := range natural {
				if !fixed[i] {
					limits.Set(i, max(share, 4))
				}
			}
		}
	}
	return limits
}
