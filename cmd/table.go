package cmd

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"reflect"
	"runtime"
	"strings"
	"sync"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/tw"
	"golang.org/x/term"

	"github.com/reportlint/reportlint/internal/termsafe"
)

// tablewriter measures every cell line through twwidth.Width, whose cache
// is a mutex-guarded LRU of 8,192 strings: table cells are nearly all
// distinct, so a large table only misses, inserts and evicts (a fifth of
// rendering), while measuring a line directly is a table lookup per
// character. Disabled once, before any goroutine measures.
func init() { twwidth.SetCacheCapacity(0) }

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

// renderTable writes one table. All tablewriter calls live in this file
// and table_render.go.
// Every cell and header passes through termsafe (line by line: "\n"
// inside a cell is layout). On a terminal, wide columns are pre-wrapped at
// legal break points (wrapLine: an id or number is never split, no line
// starts with closing punctuation) so the table fits the width; tablewriter
// itself never wraps. Off a terminal, rows are not cut.
func renderTable(w io.Writer, width int, header []string, rows [][]string) error {
	header = safeCells(header)
	safe := make([][]string, len(rows))
	forRanges(len(rows), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			safe[i] = safeCells(rows[i])
		}
	})
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
	p.buf.Reset(w)
	p.out.w = p.buf
	defer func() {
		p.out.w = nil
		p.buf.Reset(nil)
		tablePool.Put(p)
	}()
	var err error
	if len(rows) > tableChunkRows && sameLength(header, rows) {
		err = p.renderChunked(header, rows)
	} else {
		err = p.render(header, rows, true)
	}
	// Write errors are not returned: the app's writer records them, as
	// it does for tablewriter's own unchecked writes.
	p.buf.Flush()
	return err
}

// render renders one tablewriter table: the header when withHeader, then
// rows.
func (p *pooledTable) render(header []string, rows [][]string, withHeader bool) error {
	t := p.t
	t.Reset()
	if withHeader {
		// As with WithHeader before WithHeaderAutoFormat(tw.Off) on a new
		// table: the header is auto-formatted when set (id → ID), the rows not.
		setHeaderAutoFormat(t, tw.On)
		t.Header(header)
		setHeaderAutoFormat(t, tw.Off)
	}
	for _, r := range rows {
		if err := t.Append(r); err != nil {
			return err
		}
	}
	return t.Render()
}

// tableChunkRows is how many rows tablewriter holds at once. It keeps per
// row state (split lines, width and merge maps) for the whole table until
// it is printed: about 0.5 KB a row live, so a 60,000-row table peaked at
// 90 MB RSS against 61 MB in chunks.
// maxTableWorkers caps the goroutines one table uses: past a few, the
// chunks in flight cost memory for little gain.
const maxTableWorkers = 8

const tableChunkRows = 256

// renderChunked prints a large table as consecutive tablewriter tables of
// tableChunkRows rows that read as one: every chunk gets the whole table's
// column widths, only the first has the header and the top border, only
// the last the bottom border. Byte-identical to one table
// (TestRenderTableEquivalence, FuzzRenderTable) because, with the options
// set in newPooledTable, a row's lines depend only on the row and the
// column widths: no merges, no separators between rows, no auto-hidden
// columns. The cost: the widths are measured once more, here (the
// renderer reuses them instead of measuring one-line cells a third time).
//
// Chunks are independent, so with several CPUs they are rendered on
// goroutines (renderParallel); p writes them in order.
func (p *pooledTable) renderChunked(header []string, rows [][]string) error {
	widths, cellWs := columnWidths(header, rows)
	chunks := (len(rows) + tableChunkRows - 1) / tableChunkRows
	if workers := min(runtime.GOMAXPROCS(0), chunks, maxTableWorkers); workers > 1 {
		return p.renderParallel(header, rows, widths, cellWs, chunks, workers)
	}
	p.setWidths(widths)
	defer p.setWidths(nil)
	for c := range chunks {
		if err := p.renderChunk(header, rows, cellWs, c); err != nil {
			return err
		}
	}
	return nil
}

// setWidths fixes the column widths (nil: measured per table) and clears
// the chunk borders and width hints.
func (p *pooledTable) setWidths(widths tw.Mapper[int, int]) {
	p.t.Configure(func(c *tablewriter.Config) { c.Widths.PerColumn = widths })
	p.r.skipTop, p.r.skipBottom = false, false
	p.r.hint(nil, nil)
}

// renderChunk renders chunk c of rows through p's current writer; cellWs
// are the cells' widths (see columnWidths).
func (p *pooledTable) renderChunk(header []string, rows [][]string, cellWs []int32, c int) error {
	start := c * tableChunkRows
	end := min(start+tableChunkRows, len(rows))
	p.r.skipTop, p.r.skipBottom = start > 0, end < len(rows)
	n := len(header)
	p.r.hint(rows[start:end], cellWs[start*n:end*n])
	defer p.r.hint(nil, nil)
	return p.render(header, rows[start:end], start == 0)
}

// chunkOut is one rendered chunk.
type chunkOut struct {
	buf *bytes.Buffer
	err error
}

// renderParallel renders the chunks on workers goroutines, each with its
// own pooled table, into buffers that p writes in chunk order. At most
// window chunks are dispatched and not yet written, so the memory held is
// bounded by the window, not the table. Only this goroutine writes to p
// (and so to the app's writer, which records write errors). After a
// render error, no further chunk is dispatched or written, as in the
// sequential loop.
func (p *pooledTable) renderParallel(header []string, rows [][]string, widths tw.Mapper[int, int], cellWs []int32, chunks, workers int) error {
	window := min(2*workers, chunks)
	jobs := make(chan int, window)
	// chunk c lands in ring[c%window]: it is dispatched only once chunk
	// c-window has been taken from that slot
	ring := make([]chan chunkOut, window)
	for i := range ring {
		ring[i] = make(chan chunkOut, 1)
	}
	free := make(chan *bytes.Buffer, window)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			q := tablePool.Get().(*pooledTable)
			q.setWidths(widths.Clone())
			defer func() {
				q.setWidths(nil)
				q.out.w = nil
				tablePool.Put(q)
			}()
			for c := range jobs {
				var buf *bytes.Buffer
				select {
				case buf = <-free:
					buf.Reset()
				default:
					buf = new(bytes.Buffer)
				}
				q.out.w = buf
				err := q.renderChunk(header, rows, cellWs, c)
				ring[c%window] <- chunkOut{buf, err}
			}
		}()
	}
	sent := 0
	for ; sent < window; sent++ {
		jobs <- sent
	}
	var err error
	for c := 0; c < sent; c++ {
		out := <-ring[c%window]
		if err == nil {
			// what the chunk wrote, as when rendered in sequence;
			// write errors: see renderTable
			p.buf.Write(out.buf.Bytes())
			err = out.err
		}
		free <- out.buf
		if err == nil && sent < chunks {
			jobs <- sent
			sent++
		}
	}
	close(jobs)
	wg.Wait()
	return err
}

// sameLength reports whether every row has the header's number of cells
// (so a chunk has the same columns as the whole table).
func sameLength(header []string, rows [][]string) bool {
	for _, r := range rows {
		if len(r) != len(header) {
			return false
		}
	}
	return len(header) > 0
}

// columnWidths is each column's width as tablewriter computes it for the
// whole table: the widest line of the trimmed cell (the header
// auto-formatted) plus one space of padding each side. Cells hold no tabs
// (termsafe escapes them), which tablewriter would expand. cellWs holds
// each trimmed one-line cell's width (row-major; -1 for a cell of several
// lines), which the renderer reuses instead of measuring the cell again.
func columnWidths(header []string, rows [][]string) (widths tw.Mapper[int, int], cellWs []int32) {
	n := len(header)
	ws := make([]int, n)
	opts := widthOptions()
	for i, h := range header {
		h = tw.Title(strings.Join(tw.SplitCamelCase(strings.TrimSpace(h)), tw.Space))
		ws[i] = cellWidth(h, opts)
	}
	cellWs = make([]int32, len(rows)*n)
	var mu sync.Mutex
	forRanges(len(rows), func(lo, hi int) {
		part := make([]int, n)
		for k, r := range rows[lo:hi] {
			cw := cellWs[(lo+k)*n : (lo+k+1)*n]
			for i, c := range r {
				c = strings.TrimSpace(c)
				w := cellWidth(c, opts)
				part[i] = max(part[i], w)
				cw[i] = int32(w)
				if strings.Contains(c, "\n") {
					cw[i] = -1
				}
			}
		}
		mu.Lock()
		for i, w := range part {
			ws[i] = max(ws[i], w)
		}
		mu.Unlock()
	})
	widths = tw.NewMapper[int, int]()
	for i, w := range ws {
		widths.Set(i, w+2)
	}
	return widths, cellWs
}

// forRanges calls f on consecutive ranges that cover [0, n): on up to
// GOMAXPROCS goroutines at once when n is over a chunk (a large table),
// else once, here. f must only write what its range owns.
func forRanges(n int, f func(lo, hi int)) {
	parts := min(runtime.GOMAXPROCS(0), n/tableChunkRows, maxTableWorkers)
	if parts <= 1 {
		f(0, n)
		return
	}
	var wg sync.WaitGroup
	for k := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(n*k/parts, n*(k+1)/parts)
		}()
	}
	wg.Wait()
}

// cellWidth is the display width of s's widest line (lineWidth without
// splitting), measured as twwidth.Width does with opts (widthOptions).
func cellWidth(s string, opts twwidth.Options) int {
	m := 0
	for more := true; more; {
		var line string
		line, s, more = strings.Cut(s, "\n")
		m = max(m, twwidth.WidthWithOptions(line, opts))
	}
	return m
}

// widthOptions is twwidth's global options, read once for a table:
// twwidth.Width takes a process-wide mutex on every call to read them,
// which goroutines measuring cells at once contend for. twwidth has no
// getter for ForceNarrowBorders; it only changes box-drawing characters,
// and only under East Asian widths, where they are otherwise wide.
func widthOptions() twwidth.Options {
	o := twwidth.Options{EastAsianWidth: twwidth.IsEastAsian()}
	o.ForceNarrowBorders = o.EastAsianWidth && twwidth.WidthNoCache("─") == 1
	return o
}

// Tables are reused: every tablewriter.NewTable allocates a 10,240-entry
// stringer cache (≈0.4 MB) that string rows never use, and a check prints
// several tables. A pooled table renders through a writer that is switched
// per call (buffered: Blueprint writes each line on its own), has a
// stringer cache that holds nothing (so Reset does not allocate a new
// one), and is Reset before each use; renderTable sets the whole
// configuration once, in newPooledTable.
var tablePool = sync.Pool{New: func() any { return newPooledTable() }}

type pooledTable struct {
	t   *tablewriter.Table
	r   *tableRenderer
	out switchWriter
	buf *bufio.Writer
}

func newPooledTable() *pooledTable {
	p := &pooledTable{r: newTableRenderer()}
	p.buf = bufio.NewWriterSize(nil, 16<<10)
	p.t = tablewriter.NewTable(&p.out,
		tablewriter.WithRenderer(p.r),
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
		if !strings.Contains(c, "\n") {
			out[i] = termsafe.Line(c)
			continue
		}
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
	// the widest unbreakable piece matters only for the columns that do
	// not keep their natural width: measured once those are known
	measured := false
	measureMinimum := func(fixed []bool) {
		measured = true
		for _, r := range rows {
			for i := 0; i < n && i < len(r); i++ {
				if !fixed[i] {
					minimum[i] = max(minimum[i], longestGroup(r[i]))
				}
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
		if !measured {
			measureMinimum(fixed)
		}
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
