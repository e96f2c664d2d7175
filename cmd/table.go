package cmd

import (
	"io"
	"os"

	"github.com/olekukonko/tablewriter"
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
// CJK text wraps at the terminal width; off a terminal, rows are not cut.
func renderTable(w io.Writer, width int, header []string, rows [][]string) error {
	opts := []tablewriter.Option{
		tablewriter.WithHeader(header),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignment(tw.AlignLeft),
	}
	if width > 0 {
		opts = append(opts, tablewriter.WithMaxWidth(width))
	}
	t := tablewriter.NewTable(w, opts...)
	for _, r := range rows {
		if err := t.Append(r); err != nil {
			return err
		}
	}
	return t.Render()
}
