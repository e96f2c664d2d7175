package cmd

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/reportlint/reportlint/internal/corpus"
	"github.com/reportlint/reportlint/internal/memtest"
)

// hugeFactor is the bound on peak heap for one huge file: at most this many
// times the input's size (issue 16).
const hugeFactor = 20

// TestHugeFileMemory runs check on one large generated report (generated
// reports concatenated; REPORTLINT_HUGE_MB sets the size, default 10), as
// it is and as one line without breaks, and bounds the peak heap, sampled
// from a goroutine, to hugeFactor × input. Skipped with -short, and under
// the race detector (its shadow memory is not the program's).
//
// Measured 2026-12-07 (hugemem branch, 2 loaded cores): 16.7-18.0× at
// 10 MB (≈3.5 s a variant), 16.6-17.8× at 30 MB (≈10 s). The live heap at
// the peak is about 13× the input (tokens 5.9×, claims 4.8×, the shared
// rune view 2.8×, the document); runBounded's memory limit keeps the
// collector from letting the heap double over it.
func TestHugeFileMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("huge input: skipped with -short")
	}
	if raceEnabled {
		t.Skip("huge input: skipped under the race detector")
	}
	mb := 10
	if s := os.Getenv("REPORTLINT_HUGE_MB"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n <= 0 {
			t.Fatalf("REPORTLINT_HUGE_MB=%q: want a positive integer", s)
		}
		mb = n
	}
	for _, oneLine := range []bool{false, true} {
		name := "lines"
		if oneLine {
			name = "one line"
		}
		t.Run(name, func(t *testing.T) { checkHuge(t, mb, oneLine) })
	}
}

// checkHuge runs check on mb MB of generated reports, as they are or with
// every line break removed (one 30 MB line), and bounds the peak heap.
func checkHuge(t *testing.T, mb int, oneLine bool) {
	var b strings.Builder
	for i := 0; b.Len() < mb<<20; i++ {
		text := corpus.Options{Seed: 16, CopyRate: -1}.Report(i).Text
		if oneLine {
			text = strings.NewReplacer("\r", "", "\n", "").Replace(text)
		} else {
			text += "\n"
		}
		b.WriteString(text)
	}
	path := filepath.Join(t.TempDir(), "huge.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	size := uint64(b.Len())
	b = strings.Builder{}
	runtime.GC()
	start := time.Now()

	var code int
	used := memtest.PeakHeap(20*time.Millisecond, func() {
		app := &App{Out: io.Discard, Err: io.Discard, Getenv: func(string) string { return "" }, NoConfig: true}
		code = run(app, []string{"check", "--max-size", strconv.Itoa(2*mb) + "MiB", path})
	})
	if code > ExitFindings {
		t.Fatalf("check exit %d", code)
	}
	t.Logf("input %.1f MB, peak heap in use %.1f MB above the start (%.1f×), %.1f s", float64(size)/(1<<20), float64(used)/(1<<20), float64(used)/float64(size), time.Since(start).Seconds())
	if used > hugeFactor*size {
		t.Errorf("peak heap %d MB for a %d MB input: more than %d× the input", used>>20, size>>20, hugeFactor)
	}
}
