package segment

import (
	"math"
	"runtime"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/go-ego/gse"
	"github.com/reportlint/reportlint/internal/par"
)

// Tokens hands gse one piece of the text at a time: each line, and lines
// longer than maxPiece in parts cut where no dictionary entry can span
// (cutter.cut). gse's shortest path cannot cross such a position, so in
// exact arithmetic this is the whole-text segmentation, with two gains: gse
// allocates about 60 B per rune of its input, now bounded by the piece, and
// its float32 path length restarts at 0 on every line, so a paragraph
// segments the same wherever it stands (over a whole document the sum
// reaches millions, where float32 steps are ≈0.5, and near-ties came out
// differently by position: 1,092 of 385,500 tokens over 100 copies of the
// seed report, 34 of 247,180 over the real reports).
//
// Above parallelMin bytes, chunks of whole lines go to two goroutines and
// the output is the same as sequentially.
var (
	// maxPiece bounds what one gse call gets (and so its memory); at
	// most 1<<16-1, as run stores token lengths in 16 bits. A variable
	// for tests.
	maxPiece = 60 << 10
	// chunkBytes is the least size of one goroutine's chunk of lines.
	chunkBytes = 32 << 10
	// parallelMin is the text size from which Tokens uses two goroutines.
	parallelMin = 128 << 10
)

// Tokens cuts text with gse's shortest-path Segment. Token.Text is the
// original text[Start:End] (gse lowercases ASCII; Text does not), POS is the
// dictionary's part of speech or "x", and the spans cover text exactly, in
// order, including invalid UTF-8.
//
// A line is segmented on its own: dictionary keys hold no line break
// (TestDictionaryShape) and terms are trimmed; a term with a line break
// inside would no longer match across it.
func (s *Segmenter) Tokens(text string) []Token {
	if s == nil || s.seg == nil || text == "" || len(text) > math.MaxUint32 {
		return nil // Token spans are 32-bit; --max-size keeps inputs far below
	}
	workers := 1
	if len(text) >= parallelMin {
		workers = min(2, runtime.GOMAXPROCS(0))
	}
	return s.tokens(text, workers)
}

// run is the compact result for one chunk: 4 B a token instead of the 48
// of a Token, so that the live heap while gse works stays small; the
// Tokens are built once, at their final size.
type run struct {
	start int      // of the chunk in the text
	toks  []uint32 // per token: length in bytes (at most maxPiece) | POS index in names << 16
	names *[]string
	first int // index of the chunk's first token in the output
}

// tokens segments text with up to workers goroutines; the output does not
// depend on workers.
func (s *Segmenter) tokens(text string, workers int) []Token {
	ends := []int{len(text)}
	if workers > 1 {
		ends = chunkEnds(text, chunkBytes)
		workers = min(workers, len(ends))
	}
	runs := make([]run, len(ends))
	for i := range runs {
		if i > 0 {
			runs[i].start = ends[i-1]
		}
	}
	each(workers, len(runs), func(c *cutter, i int) {
		r := &runs[i]
		r.names = &c.names
		// Reports have 4.5-5.5 bytes a token.
		r.toks = make([]uint32, 0, (ends[i]-r.start)/4+8)
		c.chunk(text[r.start:ends[i]], r)
	}, s)
	n := 0
	for i := range runs {
		runs[i].first = n
		n += len(runs[i].toks)
	}
	out := make([]Token, n)
	each(workers, len(runs), func(_ *cutter, i int) {
		r := &runs[i]
		off, names := r.start, *r.names
		ids := make([]uint16, len(names))
		for k, n := range names {
			ids[k] = posID(n)
		}
		o := out[r.first : r.first+len(r.toks)]
		for k, t := range r.toks {
			end := off + int(t&0xFFFF)
			o[k] = Token{Text: text[off:end], pos: ids[t>>16], start: uint32(off), end: uint32(end)}
			off = end
		}
		r.toks = nil
	}, nil)
	return out
}

// each calls f(c, i) for i in [0, n) from workers goroutines, each with its
// own cutter for s (nil when s is nil).
func each(workers, n int, f func(c *cutter, i int), s *Segmenter) {
	cs := make([]*cutter, par.Workers(workers, n))
	par.Each(workers, n, func(w, i int) {
		if s != nil && cs[w] == nil {
			cs[w] = &cutter{s: s, idx: map[posKey]uint16{}}
		}
		f(cs[w], i)
	})
}

// chunkEnds cuts text into chunks of whole lines of at least size bytes
// (the last may be shorter) and returns their ends.
func chunkEnds(text string, size int) []int {
	var ends []int
	for p := 0; p < len(text); {
		e := len(text)
		if p+size < len(text) {
			if i := strings.IndexByte(text[p+size-1:], '\n'); i >= 0 {
				e = p + size + i
			}
		}
		ends = append(ends, e)
		p = e
	}
	return ends
}

// cutter is one goroutine's state: scratch space and its table of parts of
// speech.
type cutter struct {
	s     *Segmenter
	buf   []byte
	toks  []*gse.Token
	names []string
	idx   map[posKey]uint16
	cache [64]struct {
		k posKey
		i uint16
	}
	offs []int
	lens []int    // scratch for the memo
	poss []string // scratch for the memo
}

// chunk appends the tokens of text, a run of whole lines, to r.
func (c *cutter) chunk(text string, r *run) {
	for text != "" {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line = text[:i+1]
		}
		text = text[len(line):]
		// The line break goes apart: gse would make "\r" and "\n" tokens
		// of their own ("x", no entry holds them) but grow its word
		// slice, sized for Chinese text, for them on every line.
		body := strings.TrimSuffix(line, "\n")
		body = strings.TrimSuffix(body, "\r")
		breaks := len(line) - len(body)
		for len(body) > maxPiece {
			n := c.cut(body)
			c.piece(body[:n], r)
			body = body[n:]
		}
		if body != "" {
			c.piece(body, r)
		}
		for range breaks {
			r.toks = append(r.toks, 1|uint32(c.posIndex("x"))<<16)
		}
	}
}

// piece appends the gse tokens of text to r.
func (c *cutter) piece(text string, r *run) {
	h, toks, names, keep := c.s.memo.lookup(text)
	if toks != nil {
		for _, t := range toks {
			r.toks = append(r.toks, t&0xFFFF|uint32(c.posIndex(names[t>>16]))<<16)
		}
		return
	}
	c.buf = append(c.buf[:0], text...)
	buildMu.RLock()
	segs := c.s.seg.Segment(c.buf)
	buildMu.RUnlock()
	c.lens, c.poss = c.lens[:0], c.poss[:0]
	for i := range segs {
		n := segs[i].End() - segs[i].Start()
		pos := segs[i].Token().Pos()
		r.toks = append(r.toks, uint32(n)|uint32(c.posIndex(pos))<<16)
		if keep {
			c.lens, c.poss = append(c.lens, n), append(c.poss, pos)
		}
	}
	if keep {
		c.s.memo.put(h, text, c.lens, c.poss)
	}
}

// posKey identifies a part-of-speech string by its bytes' address: gse
// tokens share the few strings the loaders gave. The same text at two
// addresses just takes two indexes.
type posKey struct {
	p *byte
	n int
}

func (c *cutter) posIndex(pos string) uint16 {
	if pos == "" {
		pos = "x"
	}
	k := posKey{unsafe.StringData(pos), len(pos)}
	// A direct-mapped cache in front of the map (hashing the key cost
	// 7% of Tokens).
	e := &c.cache[(uintptr(unsafe.Pointer(k.p))>>3^uintptr(k.n))%uintptr(len(c.cache))]
	if e.k == k {
		return e.i
	}
	i, ok := c.idx[k]
	if !ok {
		// Parts of speech come from the dictionary's small tag set,
		// TermPOS and "x"; a table this size cannot fill.
		i = uint16(len(c.names))
		c.names = append(c.names, pos)
		c.idx[k] = i
	}
	e.k, e.i = k, i
	return i
}

// cut returns where to end the first piece of line, longer than maxPiece:
// in (0, maxPiece], preferably the last position in the second half of the
// first maxPiece bytes that no dictionary entry spans. gse's path cannot
// cross it, so the cut changes nothing. Without one (text built so that
// entries overlap all along) the cut is forced at a word or rune boundary
// and only the tokens next to it may differ from an uncut segmentation.
func (c *cutter) cut(line string) int {
	c.buf = append(c.buf[:0], line[:maxPiece]...)
	buildMu.RLock()
	defer buildMu.RUnlock()
	g := c.s.seg
	words := g.SplitTextToWords(c.buf)
	maxLen := max(g.Dict.MaxTokenLen(), 1)
	if len(c.toks) < maxLen {
		c.toks = make([]*gse.Token, maxLen)
	}
	// The last word may be cut short by the window, so lookups stop
	// before it: words at usable and after are never looked up from, and
	// a cut before word i is checked only when i < usable. An entry that
	// spans a cut before word i starts in (i-maxLen, i), so lookups start
	// maxLen words before the first candidate, at half the window.
	usable := len(words) - maxLen
	half := maxPiece / 2
	c.offs = c.offs[:0]
	off, first := 0, len(words)
	for i, w := range words {
		c.offs = append(c.offs, off)
		if off >= half && first == len(words) {
			first = i
		}
		off += len(w)
	}
	// Candidates: the second half of the window, else the first.
	best := c.safeCut(words, first, usable, maxLen)
	if best == 0 {
		best = c.safeCut(words, 1, min(first+maxLen-1, usable), maxLen)
	}
	if best > 0 {
		return best
	}
	// Forced: before the last word (maybe cut short), else at a rune
	// boundary.
	if len(words) > 1 {
		return c.offs[len(words)-1]
	}
	n := maxPiece
	for n > maxPiece-utf8.UTFMax+1 && !utf8.RuneStart(line[n]) {
		n--
	}
	return n
}

// safeCut returns the offset of the last word i in [lo, hi) before which no
// dictionary entry ends past the word's start, or 0; hi leaves maxLen
// complete words to look up from. Entries that span a cut before word lo
// start after lo-maxLen, so lookups start there.
func (c *cutter) safeCut(words []gse.Text, lo, hi, maxLen int) int {
	best, reach := 0, 0
	for i := max(lo-maxLen+1, 0); i < hi; i++ {
		off := c.offs[i]
		if i >= lo && reach <= off {
			best = off
		}
		if n := c.s.seg.Dict.LookupTokens(words[i:i+maxLen], c.toks); n > 0 {
			reach = max(reach, off+len(c.toks[n-1].Text()))
		}
	}
	return best
}
