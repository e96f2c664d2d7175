package cmd

import (
	"math"
	"runtime"
	"runtime/debug"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

const (
	// hugeDoc is the text size from which one document's run gets a
	// memory limit (issue 16: peak memory at most 20× a huge input).
	hugeDoc = 4 << 20
	// hugeHeadroom is the limit above the memory in use before the run,
	// as a multiple of the text's size. The live heap of a run is about
	// 13× the text (tokens, claims, the rune view); with the default GOGC
	// the heap would grow to twice that between collections.
	hugeHeadroom = 14
)

// runBounded runs the checks on d; on a huge document under a soft memory
// limit (debug.SetMemoryLimit) of the memory in use plus hugeHeadroom× the
// text, restored afterwards. The limit only makes the collector run sooner:
// if the live heap ever exceeded it, the runtime caps the collector at half
// the CPU rather than fail.
func runBounded(d *segment.Document, lex *lexicon.Lexicon, opt analyze.Options) *analyze.Result {
	if len(d.Text) < hugeDoc || debug.SetMemoryLimit(-1) != math.MaxInt64 {
		return analyze.Run(d, lex, opt) // small, or a limit set by the user (GOMEMLIMIT)
	}
	runtime.GC() // start from the live heap, not the garbage of loading
	// One check at a time: concurrent checks would hold their working
	// data at once.
	opt.Workers = 1
	prev := debug.SetMemoryLimit(memoryInUse() + hugeHeadroom*int64(len(d.Text)))
	res := analyze.Run(d, lex, opt)
	// Collect the run's facts (tokens, claims' scratch, rune views) before
	// lifting the limit: otherwise the next goal is twice the heap at the
	// end of the run, and printing grows into it.
	runtime.GC()
	debug.SetMemoryLimit(prev)
	return res
}

// memoryInUse is what the Go runtime counts against its memory limit, less
// the free heap pages it keeps (the heap grows into those first): all it
// has mapped (Sys) less the idle heap spans, free or released. Read
// through ReadMemStats rather than runtime/metrics, whose package init
// (≈0.5 ms) every command would pay.
func memoryInUse() int64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.Sys - m.HeapIdle)
}
