package cmd

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/reportlint/reportlint/internal/termsafe"
)

// renderTableBaseline is renderTable as it was before the direct renderer,
// chunks and buffering (main 0ceb7a0), with a new table per call: the
// reference every table must still match byte for byte.
func renderTableBaseline(w io.Writer, width int, header []string, rows [][]string) error {
	safe := func(cells []string) []string {
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
	header = safe(header)
	safeRows := make([][]string, len(rows))
	for i, r := range rows {
		safeRows[i] = safe(r)
	}
	rows = safeRows
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
	t := tablewriter.NewTable(w,
		tablewriter.WithHeader(header),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignment(tw.AlignLeft),
	)
	for _, r := range rows {
		if err := t.Append(r); err != nil {
			return err
		}
	}
	return t.Render()
}

// randomCell is a cell of any kind renderTable meets, and some it should
// not: CJK and ASCII text, ids, several lines, empty, surrounding spaces
// (ASCII and ideographic), control characters, escape sequences, tabs,
// wide and zero-width characters.
func randomCell(r *rand.Rand) string {
	switch r.IntN(14) {
	case 0:
		return ""
	case 1:
		return genText(r, 1+r.IntN(60))
	case 2:
		return genText(r, 2+r.IntN(20)) + "\n" + genText(r, r.IntN(20))
	case 3:
		return "  " + genText(r, 1+r.IntN(8)) + " \u3000"
	case 4:
		return fmt.Sprintf("%d:%d", r.IntN(1000), r.IntN(300))
	case 5:
		return "number.missing-unit"
	case 6:
		return "a\tb\x1b[31mred\x1b[0m\x07"
	case 7:
		return "😀✓✗①e\u0301\u200b"
	case 8:
		return "\n" + genText(r, 3) + "\n\n"
	case 9:
		return strings.Repeat("长", 70)
	case 10:
		return "x"
	case 11:
		return "\u202eabc\u2028"
	}
	return genText(r, 3+r.IntN(12))
}

var randomHeaders = []string{"位置", "id", "类型", "rowId", "上下文", "", " 说明 ", "名称/日期空位", "a b", "多行\n表头"}

// TestRenderTableEquivalence renders generated tables, small and larger
// than a chunk, with ragged rows among them, at terminal widths 0, 40, 80
// and 200, through renderTable and the baseline: the bytes must be equal.
func TestRenderTableEquivalence(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 16))
	sizes := []int{0, 1, 2, 7, 30, tableChunkRows - 1, tableChunkRows, tableChunkRows + 1, 2*tableChunkRows + 3}
	n := 0
	for round := range 40 {
		cols := 1 + r.IntN(6)
		header := make([]string, cols)
		for i := range header {
			header[i] = randomHeaders[r.IntN(len(randomHeaders))]
		}
		nrows := sizes[round%len(sizes)]
		rows := make([][]string, nrows)
		ragged := round%5 == 4
		for i := range rows {
			k := cols
			if ragged {
				k = 1 + r.IntN(cols+1)
			}
			rows[i] = make([]string, k)
			for j := range rows[i] {
				rows[i][j] = randomCell(r)
			}
		}
		for _, width := range []int{0, 40, 80, 200} {
			var want, got bytes.Buffer
			if err := renderTableBaseline(&want, width, header, rows); err != nil {
				t.Fatal(err)
			}
			if err := renderTable(&got, width, header, rows); err != nil {
				t.Fatal(err)
			}
			n++
			if got.String() != want.String() {
				t.Fatalf("round %d width %d (%d rows, header %q): output differs\n%s", round, width, nrows, header, firstDiff(want.String(), got.String()))
			}
		}
	}
	// the tables the commands print, at the sizes the benchmark uses
	for _, c := range []struct {
		header []string
		rows   [][]string
	}{
		{placeholderHeader, placeholderRows(1, 123)},
		{placeholderHeader, placeholderRows(2, 1000)},
		{findingHeader, findingRows(3, 300)},
	} {
		for _, width := range []int{0, 80, 200} {
			var want, got bytes.Buffer
			if err := renderTableBaseline(&want, width, c.header, c.rows); err != nil {
				t.Fatal(err)
			}
			if err := renderTable(&got, width, c.header, c.rows); err != nil {
				t.Fatal(err)
			}
			n++
			if got.String() != want.String() {
				t.Fatalf("%q width %d: output differs\n%s", c.header, width, firstDiff(want.String(), got.String()))
			}
		}
	}
	t.Logf("%d tables identical", n)
}

// firstDiff shows the first line where two outputs differ.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(wl), len(gl)) {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\nwant %q\ngot  %q", i+1, w, g)
		}
	}
	return "(lines equal)"
}

// FuzzRenderTable: any cells, any shape, any terminal width: renderTable
// never panics and prints exactly what the baseline prints. The input is
// split into rows at "\x1e" and cells at "\x1f"; the first row is the
// header. rows repeats the body to cross chunk boundaries.
func FuzzRenderTable(f *testing.F) {
	f.Add("位置\x1f类型\x1e3:3\x1f名称\x1e12:40\x1f数字", uint8(0), uint8(1))
	f.Add("id\x1frowId\x1e a \x1f\n多行\n\n单元格 \x1e\x1b[31m\x1f\t", uint8(80), uint8(3))
	f.Add("规则\x1f问题\x1enumber.missing-unit\x1f"+strings.Repeat("长", 90), uint8(40), uint8(200))
	f.Add("a\x1fb\x1fc\x1e1\x1e1\x1f2\x1f3\x1f4", uint8(200), uint8(130))
	f.Fuzz(func(t *testing.T, s string, width, repeat uint8) {
		if len(s) > 4096 {
			return
		}
		lines := strings.Split(s, "\x1e")
		header := strings.Split(lines[0], "\x1f")
		var body [][]string
		for _, l := range lines[1:] {
			body = append(body, strings.Split(l, "\x1f"))
		}
		var rows [][]string
		for range int(repeat)%300 + 1 {
			rows = append(rows, body...)
		}
		w := int(width)
		if w < 21 { // termWidth never gives 1..20
			w = 0
		}
		var want, got bytes.Buffer
		errWant := renderTableBaseline(&want, w, header, rows)
		errGot := renderTable(&got, w, header, rows)
		if (errWant == nil) != (errGot == nil) {
			t.Fatalf("errors differ: %v, %v", errWant, errGot)
		}
		if got.String() != want.String() {
			t.Fatalf("width %d, %d rows: output differs\n%s", w, len(rows), firstDiff(want.String(), got.String()))
		}
	})
}

// TestTableRendererFallsBack: lines the direct path does not handle
// (merged cells, other alignments, truncated cells, a footer, other
// padding) come out exactly as from tablewriter's Blueprint.
func TestTableRendererFallsBack(t *testing.T) {
	header := []string{"位置", "类型", "上下文"}
	rows := [][]string{{"3:3", "名称", "按照【**】分工"}, {"3:3", "名称", "长一些的上下文，超过列宽"}, {"12:40", "数字", ""}}
	cases := map[string][]tablewriter.Option{
		"merge":    {tablewriter.WithRowMergeMode(tw.MergeBoth)},
		"right":    {tablewriter.WithRowAlignment(tw.AlignRight)},
		"center":   {tablewriter.WithHeaderAlignment(tw.AlignCenter)},
		"truncate": {tablewriter.WithColumnWidths(tw.NewMapper[int, int]().Set(2, 8))},
		"footer":   {tablewriter.WithFooter([]string{"合计", "3", ""})},
		"padding":  {tablewriter.WithPadding(tw.Padding{Left: "[", Right: "]", Overwrite: true})},
		"between":  {tablewriter.WithRendition(tw.Rendition{Settings: tw.Settings{Separators: tw.Separators{BetweenRows: tw.On}}})},
	}
	for name, opts := range cases {
		render := func(r tw.Renderer) string {
			var b bytes.Buffer
			all := append([]tablewriter.Option{tablewriter.WithHeader(header)}, opts...)
			if r != nil {
				all = append([]tablewriter.Option{tablewriter.WithRenderer(r)}, all...)
			}
			tbl := tablewriter.NewTable(&b, all...)
			for _, row := range rows {
				if err := tbl.Append(row); err != nil {
					t.Fatal(err)
				}
			}
			if err := tbl.Render(); err != nil {
				t.Fatal(err)
			}
			return b.String()
		}
		want, got := render(nil), render(newTableRenderer())
		if got != want {
			t.Errorf("%s: differs from Blueprint\n%s\nwant\n%s", name, got, want)
		}
	}
}
