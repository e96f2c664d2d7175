package cmd

import (
	"io"
	"strings"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// tableRenderer is tablewriter's own Blueprint renderer (the default one)
// with a direct path for the lines renderTable produces: every cell
// left-aligned, padded by one space each side, unmerged and no wider than
// its column. Blueprint's per-cell formatting measures each piece of the
// line again and logs through boxed arguments; the direct path writes the
// same bytes with one width measurement per cell. Any other line (merges,
// another alignment, a cell to truncate) and all border lines go to
// Blueprint unchanged.
//
// skipTop and skipBottom drop the table's top and bottom border, so that
// a large table rendered in chunks (see renderChunked) prints as one.
type tableRenderer struct {
	*renderer.Blueprint
	w                   io.Writer
	col                 string // column separator and side borders
	direct              bool   // side borders and column separators on
	skipTop, skipBottom bool
	buf                 []byte

	// width hints for the rows of one table (see hint)
	hintRows [][]string
	hintWs   []int32
	next     int // the row of the next Row call that starts a row
}

// hint gives the rows about to be rendered and their trimmed cells'
// widths (-1: not known), nil to drop them. A row line whose cell is
// exactly the trimmed cell takes its width from here; any other line is
// measured, so a hint can only save a measurement, never change a width.
func (r *tableRenderer) hint(rows [][]string, ws []int32) {
	r.hintRows, r.hintWs, r.next = rows, ws, 0
}

func newTableRenderer() *tableRenderer {
	bp := renderer.NewBlueprint()
	cfg := bp.Config()
	return &tableRenderer{
		Blueprint: bp,
		col:       cfg.Symbols.Column(),
		direct: cfg.Borders.Left.Enabled() && cfg.Borders.Right.Enabled() &&
			cfg.Settings.Separators.BetweenColumns.Enabled(),
	}
}

func (r *tableRenderer) Start(w io.Writer) error {
	r.w = w
	return r.Blueprint.Start(w)
}

func (r *tableRenderer) Header(headers [][]string, ctx tw.Formatting) {
	if !r.line(ctx, nil, nil) {
		r.Blueprint.Header(headers, ctx)
	}
}

func (r *tableRenderer) Row(row []string, ctx tw.Formatting) {
	var cells []string
	var ws []int32
	if !ctx.IsSubRow && r.next < len(r.hintRows) { // a row's first line
		n := len(r.hintWs) / len(r.hintRows)
		cells, ws = r.hintRows[r.next], r.hintWs[r.next*n:(r.next+1)*n]
		r.next++
	}
	if !r.line(ctx, cells, ws) {
		r.Blueprint.Row(row, ctx)
	}
}

func (r *tableRenderer) Line(ctx tw.Formatting) {
	switch {
	case r.skipTop && ctx.Level == tw.LevelHeader && ctx.Row.Location == tw.LocationFirst:
		return
	case r.skipBottom && ctx.Level == tw.LevelFooter && ctx.Row.Location == tw.LocationEnd:
		return
	}
	r.Blueprint.Line(ctx)
}

// line writes a plain line as Blueprint would and reports whether it
// could; it writes nothing when it cannot. cells and ws, when given, are
// the row's cells and their trimmed widths (see hint).
func (r *tableRenderer) line(ctx tw.Formatting, cells []string, ws []int32) bool {
	n := ctx.Row.Widths.Len()
	if !r.direct || n == 0 || len(ctx.Row.Current) != n {
		return false
	}
	b := append(r.buf[:0], r.col...)
	for i := range n {
		w, ok := ctx.Row.Widths.OK(i)
		c, cok := ctx.Row.Current[i]
		if !ok || !cok || c.Merge != (tw.MergeState{}) || c.Align != tw.AlignLeft ||
			c.Padding.Left != " " || c.Padding.Right != " " {
			return false
		}
		// the same measure as Blueprint's (its cache holds results only)
		var cw int
		if i < len(ws) && ws[i] >= 0 && i < len(cells) && strings.TrimSpace(cells[i]) == c.Data {
			cw = int(ws[i]) // measured by columnWidths, as twwidth does
		} else {
			cw = twwidth.WidthNoCache(c.Data)
		}
		if cw > w-2 { // Blueprint truncates or pads otherwise
			return false
		}
		if i > 0 {
			b = append(b, r.col...)
		}
		b = append(b, ' ')
		b = append(b, c.Data...)
		for range w - 1 - cw {
			b = append(b, ' ')
		}
	}
	b = append(b, r.col...)
	b = append(b, '\n')
	r.buf = b
	r.w.Write(b) // as Blueprint: the table's writer records errors
	return true
}
