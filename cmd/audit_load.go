package cmd

import (
	"fmt"
	"runtime/debug"

	"github.com/reportlint/reportlint/segment"
)

// How audit chooses its segmenter (see segment.Batch). Variables so that
// tests can force each path.
var (
	// auditFilterLimit: batches of at most this many bytes are read at
	// once and segmented with a dictionary filtered to their texts.
	auditFilterLimit int64 = segment.FilterLimit
	// auditPreloadLimit bounds the text a larger batch holds in memory for
	// its pre-pass; past it the full dictionary is loaded (0: always).
	auditPreloadLimit int64 = 32 << 20
	// auditBatchLimit is the pre-pass's cap on distinct substrings
	// (0: segment.DefaultBatchLimit).
	auditBatchLimit = 0
)

// readBatch reads the inputs of a large batch into queue, in order, and
// chooses the segmenter on the way. The documents are first held and fed to
// a pre-pass (segment.Batch); when all are read within the limits, the
// batch's filtered dictionary is built while the held documents go to the
// workers. As soon as the pre-pass or the held text passes its limit,
// loadFull starts the full dictionary, the held documents go to the
// workers and the rest are read as they are checked. It closes queue.
func (app *App) readBatch(inputs []auditInput, terms []string, queue chan<- loadedInput,
	segReady chan<- *segment.Segmenter, loadFull func()) {
	defer close(queue)
	b := segment.NewBatch(auditBatchLimit)
	var held []loadedInput
	var heldBytes int64
	flush := func() {
		for _, l := range held {
			queue <- l
		}
		held = nil
	}
	for i := range inputs {
		l := app.loadStat(inputs[i])
		l.i = i
		if b == nil {
			queue <- l
			continue
		}
		held = append(held, l)
		if l.d == nil {
			continue
		}
		heldBytes += int64(len(l.d.Text))
		if heldBytes > auditPreloadLimit || !b.Add(l.d.Text) {
			app.debugBatch(b, heldBytes > auditPreloadLimit)
			b = nil // the pre-pass tables are garbage now; loadFull frees them
			loadFull()
			flush()
		}
	}
	if b != nil {
		go func() {
			s := b.Segmenter(terms)
			app.debugBatch(b, false)
			segReady <- s
		}()
		flush()
	}
}

// debugBatch describes the pre-pass on stderr with --debug.
func (app *App) debugBatch(b *segment.Batch, overText bool) {
	if !app.Debug {
		return
	}
	st := b.Stats()
	how := fmt.Sprintf("按本批文字筛选词典（%d 个词条）", st.Entries)
	switch {
	case overText:
		how = fmt.Sprintf("预读文字超过 %d MB，改用完整词典", auditPreloadLimit>>20)
	case st.Fallback:
		how = "词汇过多，改用完整词典"
	}
	fmt.Fprintf(app.Err, "reportlint: 预读 %d 个文件 %.1f MB（重复段落 %d/%d，子串 %d，表 %.0f MB）：%s\n",
		st.Texts, float64(st.Bytes)/1e6, st.Duplicates, st.Paragraphs, st.Substrings, float64(st.PeakBytes)/1e6, how)
}

// freeForLoad returns the pre-pass's memory to the OS before the full
// dictionary is built, so that the two do not add up in the peak.
func freeForLoad() { debug.FreeOSMemory() }
