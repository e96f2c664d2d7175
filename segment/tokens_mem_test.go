package segment

import (
	"runtime/debug"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/reportlint/reportlint/internal/memtest"
)

// peakHeap runs f and returns the peak of HeapInuse above the level before
// it, sampled every 2 ms and once at the end.
func peakHeap(f func()) uint64 { return memtest.PeakHeap(2*time.Millisecond, f) }

// TestTokensMemory bounds the heap Tokens needs beyond its result (48 B a
// token, ≈10× the input) on large texts: many lines, and one line of
// sentences. Measured 2026-12-07 (GOGC 10): 2.0× and 2.5-3.6× the input;
// one whole-text gse call (≈60 B per rune it is given at once) needed
// 31.6× and 30.4×. Skipped with -short (a few seconds).
func TestTokensMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs: skipped with -short")
	}
	// Garbage may grow to GOGC% of everything live in the process
	// (other tests' segmenters, the full dictionary): 10% keeps the
	// measure close to what Tokens itself holds.
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	fix := repeatFixtures(t, 20000)
	oneLine := strings.NewReplacer("\n", "", "\r", "").Replace(fix)
	s := NewSegmenterFor([]string{fix}, testTerms)
	for _, c := range []struct {
		name string
		text string
	}{
		{"12 MB of lines", strings.Repeat(fix+"\n", 12<<20/len(fix))},
		{"6 MB in one line", strings.Repeat(oneLine, 6<<20/len(oneLine))},
	} {
		var n int
		used := peakHeap(func() { n = len(s.Tokens(c.text)) })
		out := uint64(n) * uint64(unsafe.Sizeof(Token{}))
		extra := used - min(used, out)
		t.Logf("%s: %d tokens, result %.1f MB (%.1f× the input), peak heap %.1f MB, %.1f× the input beyond the result",
			c.name, n, float64(out)/(1<<20), float64(out)/float64(len(c.text)), float64(used)/(1<<20), float64(extra)/float64(len(c.text)))
		if extra > 6*uint64(len(c.text)) {
			t.Errorf("%s: peak heap %d MB, %d MB beyond the %d MB result: more than 6× the %d MB input", c.name, used>>20, extra>>20, out>>20, len(c.text)>>20)
		}
	}
}
