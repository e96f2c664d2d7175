package cmd

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

// withProcs runs f with GOMAXPROCS set to n (renderChunked renders on
// that many goroutines).
func withProcs(n int, f func()) {
	old := runtime.GOMAXPROCS(n)
	defer runtime.GOMAXPROCS(old)
	f()
}

// Large tables render the same on 1 (sequential), 2, 3 and 8 goroutines,
// and as the baseline: chunk counts below, at and above the window.
func TestRenderTableParallelSameOutput(t *testing.T) {
	for _, n := range []int{tableChunkRows + 1, 3*tableChunkRows + 7, 40 * tableChunkRows} {
		rows := placeholderRows(uint64(n), n)
		for _, width := range []int{0, 80} {
			var want bytes.Buffer
			if err := renderTableBaseline(&want, width, placeholderHeader, rows); err != nil {
				t.Fatal(err)
			}
			for _, procs := range []int{1, 2, 3, 8} {
				var got bytes.Buffer
				withProcs(procs, func() {
					if err := renderTable(&got, width, placeholderHeader, rows); err != nil {
						t.Fatal(err)
					}
				})
				if got.String() != want.String() {
					t.Fatalf("%d rows, width %d, %d procs: output differs\n%s", n, width, procs, firstDiff(want.String(), got.String()))
				}
			}
		}
	}
}

// failAfter accepts limit bytes, then fails every write, keeping what it
// accepted (as the app's errWriter keeps the first error).
type failAfter struct {
	limit int
	got   bytes.Buffer
	err   error
}

var errFull = errors.New("disk full")

func (f *failAfter) Write(b []byte) (int, error) {
	if f.err != nil {
		return 0, f.err
	}
	n := min(len(b), f.limit-f.got.Len())
	f.got.Write(b[:n])
	if n < len(b) {
		f.err = errFull
		return n, f.err
	}
	return n, nil
}

// A writer that fails midway receives the same bytes and the same error
// whether chunks are rendered in sequence or in parallel, and renderTable
// returns nil both ways (the writer records the error).
func TestRenderTableParallelWriteError(t *testing.T) {
	rows := placeholderRows(7, 20*tableChunkRows)
	for _, limit := range []int{0, 100, 70_000, 500_000} {
		var seq, par failAfter
		seq.limit, par.limit = limit, limit
		withProcs(1, func() {
			if err := renderTable(&seq, 0, placeholderHeader, rows); err != nil {
				t.Fatal(err)
			}
		})
		withProcs(4, func() {
			if err := renderTable(&par, 0, placeholderHeader, rows); err != nil {
				t.Fatal(err)
			}
		})
		if seq.err != errFull || par.err != errFull {
			t.Fatalf("limit %d: errors %v, %v; want both %v", limit, seq.err, par.err, errFull)
		}
		if !bytes.Equal(seq.got.Bytes(), par.got.Bytes()) {
			t.Fatalf("limit %d: parallel wrote %d bytes, sequential %d", limit, par.got.Len(), seq.got.Len())
		}
	}
}

// Several large tables rendered at once (as audit's workers may) share
// tablewriter's package state: run with -race.
func TestRenderTableConcurrent(t *testing.T) {
	tables := [][][]string{placeholderRows(11, 3*tableChunkRows), placeholderRows(12, tableChunkRows+5), placeholderRows(13, 40)}
	want := make([]string, len(tables))
	for i, rows := range tables {
		var b bytes.Buffer
		if err := renderTableBaseline(&b, 0, placeholderHeader, rows); err != nil {
			t.Fatal(err)
		}
		want[i] = b.String()
	}
	withProcs(4, func() {
		var wg sync.WaitGroup
		errs := make(chan string, 3*len(tables))
		for range 3 {
			for i, rows := range tables {
				wg.Add(1)
				go func() {
					defer wg.Done()
					var b bytes.Buffer
					if err := renderTable(&b, 0, placeholderHeader, rows); err != nil {
						errs <- err.Error()
						return
					}
					if b.String() != want[i] {
						errs <- firstDiff(want[i], b.String())
					}
				}()
			}
		}
		wg.Wait()
		close(errs)
		for e := range errs {
			t.Error(e)
		}
	})
}

// cellWidth with widthOptions measures as twwidth.Width does, under each
// global width setting (East Asian widths, narrow box drawing), for cells
// with wide, ambiguous, box-drawing, zero-width and control characters.
func TestCellWidthMatchesTwwidth(t *testing.T) {
	saved := widthOptions()
	defer twwidth.SetOptions(saved)
	r := rand.New(rand.NewPCG(5, 5))
	cells := []string{"", "a", "\t", "a\tb", "─┼─│", "①②※°±", "😀✓✗e\u0301\u200b", "\x1b[31m红\x1b[0m", "\x07", "ｱｲｳ", "长长"}
	for range 200 {
		cells = append(cells, randomCell(r))
	}
	for _, o := range []twwidth.Options{{}, {EastAsianWidth: true}, {EastAsianWidth: true, ForceNarrowBorders: true}, {ForceNarrowBorders: true}} {
		twwidth.SetOptions(o)
		opts := widthOptions()
		for _, c := range cells {
			for _, line := range strings.Split(c, "\n") {
				if got, want := cellWidth(line, opts), twwidth.Width(line); got != want {
					t.Errorf("options %+v: cellWidth(%q) = %d, twwidth.Width %d", o, line, got, want)
				}
			}
		}
	}
}
