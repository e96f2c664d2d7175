// Package similar finds passages that one report shares, identically or
// almost, with another report of the same batch (copy detection), and
// groups of reports that share most of their text (rings).
//
// Each document is reduced to a Print: winnowed fingerprints of shingles of
// gse tokens (punctuation skipped, numbers normalised), with byte offsets,
// character counts, line starts and short excerpts but no full text. A
// Print converts to and from a Signature (one JSON line) so that a per-file
// stage and a merge stage can run apart. An Index collects Prints and finds
// candidate pairs through the fingerprints they share (near-linear: long
// posting lists only link neighbours). Compare works from the fingerprints
// alone: rings, pairs outside rings and the template text it ignored, with
// the reason. Pairs instead reads the texts of candidate pairs again, to fix
// the passages' exact edges, measure them and cut excerpts.
//
// Template is decided by what is shared, not by how many share it: stock
// wording (Options.Boilerplate, Options.IsStock) and short passages found in
// at least Options.MinUnrelated unrelated reports (a ring counts once).
package similar

import (
	"errors"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/utf8x"
	"github.com/reportlint/reportlint/segment"
)

// Options tune the detector. Zero fields take the defaults.
type Options struct {
	Shingle  int // tokens per shingle; default 8
	Window   int // winnowing window in shingles; default 6 (must be <= Shingle)
	MinChars int // a passage must have this many characters outside stock phrases; default 30
	// A passage is reported only when at least this share of its characters
	// lies outside stock phrases; default 0.5.
	MinOwnShare float64
	// Boilerplate phrases (formulations, stock phrases) whose characters
	// never count toward MinChars; see PhrasesFrom and StockPhrases.
	// Phrases of one character are ignored.
	Boilerplate []string
	// IsStock, when set, is asked about every sentence (line pieces ending
	// in 。！？；): a sentence it accepts is stock wording (a prescribed
	// opening, a formulation), treated as template and listed as such.
	IsStock func(sentence string) bool

	// RingOverlap is the whole-text overlap (the share of the smaller
	// report's fingerprints found in the other) from which two reports are
	// copies of one another; connected groups of such pairs are rings,
	// whatever their size. Default 0.6.
	RingOverlap float64
	// MinUnrelated: a passage found in at least this many unrelated reports
	// (members of one ring count once) is template text. Default 5.
	MinUnrelated int
	// MaxTemplateShare: template text is short. A run of common
	// fingerprints covering more than this share of a report's characters
	// is not template. Default 0.25.
	MaxTemplateShare float64
	// PostingCap bounds the work per fingerprint: one found in more reports
	// than this pairs each report only with its neighbour in the posting
	// list (enough to connect a large ring), not with all. Default 100. Up
	// to the cap, a fingerprint shared by n reports costs n(n-1)/2 pair
	// counts, so the worst case (many identical files) is quadratic below
	// the cap and linear above it.
	PostingCap int
	// ExcerptRunes is the length of the excerpts a Print keeps at sentence
	// starts (for output without texts); default 16. MaxExcerpts caps
	// their number per document; default 400.
	ExcerptRunes int
	MaxExcerpts  int
}

func (o Options) withDefaults() Options {
	if o.Shingle <= 0 {
		o.Shingle = 8
	}
	if o.Window <= 0 {
		o.Window = 6
	}
	if o.Window > o.Shingle {
		o.Window = o.Shingle
	}
	if o.MinChars <= 0 {
		o.MinChars = 30
	}
	if o.MinOwnShare <= 0 {
		o.MinOwnShare = 0.5
	}
	if o.RingOverlap <= 0 || o.RingOverlap > 1 {
		o.RingOverlap = 0.6
	}
	if o.MinUnrelated <= 0 {
		o.MinUnrelated = 5
	}
	if o.MaxTemplateShare <= 0 {
		o.MaxTemplateShare = 0.25
	}
	if o.PostingCap <= 0 {
		o.PostingCap = 100
	}
	if o.PostingCap < 2 {
		o.PostingCap = 2
	}
	if o.ExcerptRunes <= 0 {
		o.ExcerptRunes = 16
	}
	if o.MaxExcerpts <= 0 {
		o.MaxExcerpts = 400
	}
	return o
}

// fp is one selected shingle: its hash, byte span, the index of its first
// token, and the cumulative count of content characters (c) and of those
// outside stock phrases and headings (u) before its first token and after
// its last.
type fp struct {
	hash       uint64
	start, end uint32
	tok        uint32
	c0, c1     uint32
	u0, u1     uint32
}

// Print is the compact fingerprint of one document; it holds no text, only
// numbers: the selected shingles, and per content token a 32-bit hash and
// the running count of characters outside stock phrases (to tell, before
// reading texts back, whether a shared run can be long enough).
type Print struct {
	fps      []fp
	th       []uint32 // token hashes
	tu       []uint32 // tu[i]: u count after token i
	chars    int      // content characters (letters and digits) in the text
	textLen  int      // len(text), to check a reloaded text
	textHash uint64   // hash of text, likewise
	lines    []uint32 // byte offsets of the starts of lines 2, 3, …
	excerpts []excerptAt
	stock    []stockSentence
}

// excerptAt is the start of a sentence of the text, at byte offset off:
// its first runes exactly as in the text (text[off:off+len(text)]).
type excerptAt struct {
	off  uint32
	text string
}

// stockSentence is a sentence Options.IsStock accepted.
type stockSentence struct {
	hash    uint64
	chars   int
	excerpt string
}

// maxStockSentences bounds the stock sentences a Print lists (all are
// masked).
const maxStockSentences = 64

// Chars returns the number of content characters (letters, digits, Han) of
// the document.
func (p *Print) Chars() int { return p.chars }

// Size returns the number of fingerprints kept.
func (p *Print) Size() int { return len(p.fps) }

// Index collects Prints and finds shared passages. Fingerprint and Add are
// safe for concurrent use; Pairs runs after the last Add.
type Index struct {
	opt    Options
	m      *matcher
	work   atomic.Int64
	mu     sync.Mutex
	prints []*Print
	pool   sync.Pool
}

// NewIndex returns an empty index.
func NewIndex(opt Options) *Index {
	opt = opt.withDefaults()
	return &Index{opt: opt, m: newMatcher(opt.Boilerplate), pool: sync.Pool{New: func() any { return new(scratch) }}}
}

// scratch holds per-call buffers of Fingerprint.
type scratch struct {
	mask   []segment.Span
	stock  []segment.Span // stock sentences, masked after phrases and headings
	th     []uint64
	ts, te []uint32
	cs, us []uint32
	sh     []uint64
	dec    []byte // decoded base64 (PrintFrom)
}

const masked = math.MaxUint64 // shingle hash that winnowing never selects

// Fingerprint reduces a text and its gse tokens (as segment.Segmenter.Tokens
// returns them) to a Print.
func (ix *Index) Fingerprint(text string, toks []segment.Token) *Print {
	s := ix.pool.Get().(*scratch)
	defer ix.pool.Put(s)
	var stock []stockSentence
	var excerpts []excerptAt
	var lines []uint32
	s.stock = s.stock[:0]
	var textHash uint64
	s.mask, textHash = ix.scan(text, s.mask[:0], func(off segment.Span) {
		if off.Start > 0 && text[off.Start-1] == '\n' {
			lines = append(lines, uint32(off.Start))
		}
		sent := strings.TrimSpace(text[off.Start:off.End])
		if sent == "" {
			return
		}
		if len(excerpts) < ix.opt.MaxExcerpts {
			excerpts = append(excerpts, excerptAt{uint32(off.Start + strings.Index(text[off.Start:off.End], sent)), rawPrefix(sent, ix.opt.ExcerptRunes)})
		}
		if ix.opt.IsStock != nil && ix.opt.IsStock(sent) {
			s.stock = append(s.stock, off)
			if len(stock) < maxStockSentences {
				stock = append(stock, stockSentence{fnvString(sent), contentChars(sent), excerpt(sent, 40)})
			}
		}
	})
	s.mask = append(headingMask(text, s.mask), s.stock...)
	s.mask = mergeSpans(s.mask)
	nt, c := s.contentTokens(toks)
	p := &Print{chars: c, textLen: len(text), textHash: textHash,
		th: make([]uint32, nt), tu: slices.Clone(s.us[1 : nt+1]), lines: lines, excerpts: excerpts, stock: stock}
	for i, h := range s.th[:nt] {
		p.th[i] = uint32(h)
	}
	p.fps = s.winnow(nt, ix.opt.Shingle, ix.opt.Window)
	return p
}

// contentTokens fills s.th, s.ts, s.te, s.cs and s.us for the tokens with
// content characters, in order: per such token k its hash th[k], byte span
// ts[k], te[k], and the running counts of content characters (cs) and of
// those outside s.mask (us), cs[k] before the token and cs[k+1] after it.
// It returns the number of such tokens and of content characters.
func (s *scratch) contentTokens(toks []segment.Token) (nt, c int) {
	// Local slices sized once: no write barriers or growth in the loop.
	n0 := len(toks)
	th := slices.Grow(s.th[:0], n0)[:n0]
	ts := slices.Grow(s.ts[:0], n0)[:n0]
	te := slices.Grow(s.te[:0], n0)[:n0]
	cs := slices.Grow(s.cs[:0], n0+1)[:n0+1]
	us := slices.Grow(s.us[:0], n0+1)[:n0+1]
	s.th, s.ts, s.te, s.cs, s.us = th, ts, te, cs, us
	mask := s.mask
	u, mi := 0, 0
	cs[0], us[0] = 0, 0
	for ti := range toks {
		sp, tt := toks[ti].Span(), toks[ti].Text
		// Mask spans are sorted and disjoint: past those ending before the
		// token, if the next starts after it, no character is masked.
		j := mi
		for j < len(mask) && mask[j].End <= sp.Start {
			j++
		}
		free := j >= len(mask) || mask[j].Start >= sp.Start+len(tt)
		h := uint64(fnvOffset)
		cc, uc := 0, 0
		for off := 0; off < len(tt); {
			b, n := tt[off], 1
			if b < utf8.RuneSelf {
				switch {
				case b >= 'a' && b <= 'z' || b >= '0' && b <= '9':
				case b >= 'A' && b <= 'Z':
					b += 'a' - 'A'
				default:
					off++
					continue
				}
				h = (h ^ uint64(b)) * fnvPrime
			} else {
				var r rune
				// Three-byte runes (Han, CJK punctuation) inline.
				if b&0xF0 == 0xE0 && off+2 < len(tt) && tt[off+1]&0xC0 == 0x80 && tt[off+2]&0xC0 == 0x80 {
					r, n = rune(b&0x0F)<<12|rune(tt[off+1]&0x3F)<<6|rune(tt[off+2]&0x3F), 3
					if r < 0x800 || r >= 0xD800 && r <= 0xDFFF {
						r, n = utf8.RuneError, 1 // overlong or surrogate: invalid
					}
				} else {
					r, n = utf8x.DecodeRune(tt, off)
				}
				if !isContent(r) {
					off += n
					continue
				}
				// A content rune is valid UTF-8: its hash (fnvRune) is
				// that of its bytes in the text.
				for _, b := range []byte(tt[off : off+n]) {
					h = (h ^ uint64(b)) * fnvPrime
				}
			}
			if !free {
				abs := sp.Start + off
				for mi < len(mask) && mask[mi].End <= abs {
					mi++
				}
				if mi >= len(mask) || mask[mi].Start > abs {
					uc++
				}
			}
			cc++
			off += n
		}
		if cc == 0 {
			continue // punctuation, space, symbols, ** placeholders
		}
		if free {
			uc, mi = cc, j
		}
		th[nt], ts[nt], te[nt] = mix(h), uint32(sp.Start), uint32(sp.End)
		c, u = c+cc, u+uc
		nt++
		cs[nt], us[nt] = uint32(c), uint32(u)
	}
	return nt, c
}

// winnow returns the fingerprints of the first nt content tokens (see
// contentTokens): shingles of k tokens, the rightmost minimum of every
// window of w shingles.
func (s *scratch) winnow(nt, k, w int) []fp {
	n := nt - k + 1
	if n <= 0 {
		return nil
	}
	th, ts, te, cs, us := s.th[:nt], s.ts[:nt], s.te[:nt], s.cs[:nt+1], s.us[:nt+1]
	// A shingle's hash folds its k token hashes, each rotated left by 7
	// bits per later token: XOR of rotl(th[i+j], 7(k-1-j)). It rolls: rotate
	// the previous one by 7, drop the first token's term, add the new one.
	sh := slices.Grow(s.sh[:0], n)[:n]
	s.sh = sh
	var roll uint64
	for _, h := range th[:k-1] {
		roll = bits.RotateLeft64(roll, 7) ^ h
	}
	out := int(uint(7*k) & 63)
	for i := range sh {
		roll = bits.RotateLeft64(roll, 7) ^ th[i+k-1]
		if i > 0 {
			roll ^= bits.RotateLeft64(th[i-1], out)
		}
		if us[i+k] == us[i] {
			sh[i] = masked // nothing but stock phrases
			continue
		}
		h := mix(roll)
		if h == masked {
			h--
		}
		sh[i] = h
	}
	// The minimum of the previous window stays unless it left or the new
	// shingle is no larger (masked, the largest value, is never taken).
	fps := make([]fp, 0, 2*n/(w+1)+2)
	last, best := -1, -1
	for j := 0; j == 0 || j+w <= n; j++ {
		if best < j {
			best = -1
			for q := j; q < j+w && q < n; q++ {
				if sh[q] != masked && (best < 0 || sh[q] <= sh[best]) {
					best = q
				}
			}
		} else if q := j + w - 1; q < n && sh[q] != masked && sh[q] <= sh[best] {
			best = q
		}
		if best >= 0 && best != last {
			last = best
			e := best + k - 1
			fps = append(fps, fp{hash: sh[best], start: ts[best], end: te[e],
				tok: uint32(best), c0: cs[best], c1: cs[e+1], u0: us[best], u1: us[e+1]})
		}
	}
	return slices.Clip(fps)
}

// sentences yields the spans of the sentences of text: pieces of lines
// ending after 。！？； or at the line's end (without the line break). It
// scans bytes: the lead bytes E3 and EF of the stops never occur inside
// another rune, so every match is where rune decoding finds the stop.
func sentences(text string) func(yield func(segment.Span) bool) {
	return func(yield func(segment.Span) bool) {
		start := 0
		for i := 0; i < len(text); i++ {
			switch c := text[i]; {
			case c == '\n':
				if !yield(segment.Span{Start: start, End: i}) {
					return
				}
				start = i + 1
			case (c == 0xE3 || c == 0xEF) && i+2 < len(text) && isStop(c, text[i+1], text[i+2]):
				if !yield(segment.Span{Start: start, End: i + 3}) {
					return
				}
				start = i + 3
				i += 2
			}
		}
		if start < len(text) {
			yield(segment.Span{Start: start, End: len(text)})
		}
	}
}

// isStop reports whether c0 c1 c2 encode 。！？ or ；.
func isStop(c0, c1, c2 byte) bool {
	if c0 == 0xE3 {
		return c1 == 0x80 && c2 == 0x82 // 。
	}
	return c1 == 0xBC && (c2 == 0x81 || c2 == 0x9F || c2 == 0x9B) // ！？；
}

// scan makes one pass over text for Fingerprint: it appends the spans of
// phrases to dst (as matcher.mask does), passes each sentence to sentence
// (as sentences yields them) and returns the FNV-1a hash of the text (as
// fnvString does).
func (ix *Index) scan(text string, dst []segment.Span, sentence func(segment.Span)) ([]segment.Span, uint64) {
	m := ix.m
	h := uint64(fnvOffset)
	prev, at, start := rune(-1), 0, 0
	for i := 0; i < len(text); {
		c := text[i]
		r, n := rune(c), 1
		switch {
		case c < utf8.RuneSelf:
			h = (h ^ uint64(c)) * fnvPrime
			if c == '\n' {
				sentence(segment.Span{Start: start, End: i})
				start = i + 1
			}
		case c >= 0xE4 && c <= 0xE9 && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80:
			c1, c2 := text[i+1], text[i+2]
			r, n = rune(c&0x0F)<<12|rune(c1&0x3F)<<6|rune(c2&0x3F), 3 // Han
			h = (h ^ uint64(c)) * fnvPrime
			h = (h ^ uint64(c1)) * fnvPrime
			h = (h ^ uint64(c2)) * fnvPrime
		case (c == 0xE3 || c == 0xEF) && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80:
			// CJK and full-width punctuation (U+3000–U+3FFF, U+F000–U+FFFF)
			c1, c2 := text[i+1], text[i+2]
			r, n = rune(c&0x0F)<<12|rune(c1&0x3F)<<6|rune(c2&0x3F), 3
			h = (h ^ uint64(c)) * fnvPrime
			h = (h ^ uint64(c1)) * fnvPrime
			h = (h ^ uint64(c2)) * fnvPrime
			switch r {
			case '。', '！', '？', '；':
				sentence(segment.Span{Start: start, End: i + n})
				start = i + n
			}
		default:
			r, n = utf8x.DecodeRune(text, i)
			for _, b := range []byte(text[i : i+n]) {
				h = (h ^ uint64(b)) * fnvPrime
			}
			switch r {
			case '。', '！', '？', '；':
				sentence(segment.Span{Start: start, End: i + n})
				start = i + n
			}
		}
		// Phrases have two runes or more: the phrases at a rune are tried
		// when the next rune is known.
		if hp := pairHash(prev, r); prev >= 0 && (m.bloom != nil && m.bloom[hp>>(32-bloomBits+6)]&(1<<(hp>>(32-bloomBits)&63)) != 0 || len(m.loose) > 0) {
			if ps := m.phrasesAt(prev, r); ps != nil {
				dst = matchAt(text, at, ps, dst)
			}
		}
		prev, at = r, i
		i += n
	}
	if start < len(text) {
		sentence(segment.Span{Start: start, End: len(text)})
	}
	return dst, h
}

// Work returns the units of work (postings, pair matches, fingerprints
// compared) of the last Pairs or Compare: a measure of growth that does
// not depend on the machine.
func (ix *Index) Work() int64 { return ix.work.Load() }

// Add stores the print of document id (ids are small, dense integers such as
// input order).
func (ix *Index) Add(id int, p *Print) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for len(ix.prints) <= id {
		ix.prints = append(ix.prints, nil)
	}
	ix.prints[id] = p
}

// Pair is two documents that share passages.
type Pair struct {
	A, B     int       // document ids, A < B
	ShareA   float64   // percent of A's content characters inside the passages
	ShareB   float64   // the same for B
	Passages []Passage // in A's order
}

// Passage is one stretch of text found in both documents.
type Passage struct {
	A, B       segment.Span // byte spans in each text
	LinesA     [2]int       // first and last line in A (1-based)
	LinesB     [2]int
	CharsA     int     // content characters in A's span
	CharsB     int     //
	Own        int     // content characters outside stock phrases and template text (A's side)
	Similarity float64 // 1 when the letters and digits are the same
	Identical  bool    // the two spans are byte for byte the same
	Excerpt    string  // the start of A's text
	ExcerptB   string  // the start of B's text when it differs
	// Estimated: found by Compare from fingerprints alone (spans at
	// fingerprint edges, Similarity the share of fingerprints matched).
	Estimated bool
	matched   int       // content characters of A covered by fingerprints
	ca, cb    [2]uint32 // content-character intervals (Compare)
}

// part is one matched fingerprint: its spans in A and B and the indices of
// its first token in each.
type part struct {
	a, b   segment.Span
	ta, tb int // first tokens
	fa, fb int // fingerprint indices
}

// cand is a candidate passage: matched fingerprints in A's order.
type cand struct{ parts []part }

// candPair is a pair of documents with candidate passages.
type candPair struct {
	a, b  int
	cands []cand
}

type posting struct {
	hash     uint64
	doc, idx uint32
}

type match struct {
	pair   uint64 // a<<32 | b
	ia, ib uint32
}

// Candidate chaining limits, in content characters between the starts of
// consecutive matched fingerprints.
const (
	chainGap   = 80 // bridges one or two edits
	chainSkew  = 12 // net insertion allowed between two fingerprints
	maxRepeats = 4  // occurrences of one fingerprint per document considered
)

// ErrChanged is the cause of a DocError for a text that differs from the one
// fingerprinted.
var ErrChanged = errors.New("文件内容在检查过程中发生了变化，未比对其重复段落")

// DocError is a document Pairs could not compare.
type DocError struct {
	ID  int
	Err error
}

func (e *DocError) Error() string { return e.Err.Error() }
func (e *DocError) Unwrap() error { return e.Err }

// Pairs finds the shared passages. load returns the text of a document as it
// was fingerprinted; it is called only for documents of candidate pairs, from
// several goroutines at once. A
// pair whose text cannot be loaded, or changed, is left out and its error
// returned (joined); the other pairs are still returned.
//
// Pairs lists every pair, inside rings too, with the template rule of
// Compare; Compare groups rings and reads no text.
func (ix *Index) Pairs(load func(id int) (string, error)) ([]Pair, error) {
	var cands []candPair
	an := ix.analyze(false, func(an *analysis, cp candPair) {
		if c := ix.promisingOnly(cp, an.template); len(c.cands) > 0 {
			cands = append(cands, c)
		}
	})
	ix.work.Store(an.work)
	an.sets = nil // only Compare's rings need them
	return ix.refinePairs(cands, an.template, load)
}

// promisingOnly keeps the candidate passages that promising accepts.
func (ix *Index) promisingOnly(cp candPair, template map[uint64]int) candPair {
	out := cp
	out.cands = nil
	for _, cd := range cp.cands {
		if ix.promising(ix.prints[cp.a], ix.prints[cp.b], cd, template) {
			out.cands = append(out.cands, cd)
		}
	}
	return out
}

// refinePairs fixes the candidates' passages against the texts.
func (ix *Index) refinePairs(cands []candPair, template map[uint64]int, load func(id int) (string, error)) ([]Pair, error) {
	// Candidates are refined in parallel, in contiguous runs (they come
	// sorted by A, so each worker's cache keeps A's text).
	type outcome struct {
		p   Pair
		ok  bool
		err error
	}
	res := make([]outcome, len(cands))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(cands)/8))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		lo, hi := len(cands)*w/workers, len(cands)*(w+1)/workers
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := &textCache{load: load, ix: ix, template: template}
			for k := lo; k < hi; k++ {
				cp := cands[k]
				ta, err := c.get(cp.a)
				if err == nil {
					var tb *text
					if tb, err = c.get(cp.b); err == nil {
						res[k].p, res[k].ok = ix.refine(cp, ta, tb)
					}
				}
				res[k].err = err
			}
		}()
	}
	wg.Wait()
	var out []Pair
	var errs []error
	seen := map[int]bool{} // one error per document
	for _, r := range res {
		var de *DocError
		if r.err != nil && errors.As(r.err, &de) && !seen[de.ID] {
			seen[de.ID] = true
			errs = append(errs, r.err)
		}
		if r.ok {
			out = append(out, r.p)
		}
	}
	sortPairs(out)
	return out, errors.Join(errs...)
}

// candidates returns pairs with candidate passages and the set of

// stockMask appends the spans of the sentences Options.IsStock accepts.
func (ix *Index) stockMask(text string, dst []segment.Span) []segment.Span {
	if ix.opt.IsStock == nil {
		return dst
	}
	for sp := range sentences(text) {
		if sent := strings.TrimSpace(text[sp.Start:sp.End]); sent != "" && ix.opt.IsStock(sent) {
			dst = append(dst, sp)
		}
	}
	return dst
}

// rawPrefix returns the first n runes of s, cut before the first invalid
// byte (or U+FFFD).
func rawPrefix(s string, n int) string {
	k := 0
	for i := 0; i < len(s); k++ {
		if k == n {
			return s[:i]
		}
		r, w := rune(s[i]), 1
		if c := s[i]; c >= 0xE4 && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			w = 3 // Han
		} else if c >= utf8.RuneSelf {
			if r, w = utf8x.DecodeRune(s, i); r == utf8.RuneError {
				return s[:i]
			}
		}
		i += w
	}
	return s
}
