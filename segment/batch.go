package segment

import (
	"hash/maphash"
	"strings"
)

// DefaultBatchLimit is the default cap on the distinct substrings a Batch
// pre-pass collects. Its tables then stay under ≈50 MB (a 32 MB hash table
// at the cap, 16 MB more while it grows), freed before the dictionary is
// built. Reports repeat their vocabulary: 20 real government work reports
// (1.3 MB) hold 337 k distinct substrings of up to 4 runes, 4 MB of text
// sampled from the dictionary by frequency 1.9 M, so batches of real
// reports of 10 MB and more fit; text drawn uniformly from the whole
// dictionary passes the cap after ≈3 MB and falls back to the full one.
// The hash table is a power of two at most 3/4 full: the cap keeps it at
// 4 M slots.
const DefaultBatchLimit = 3_000_000

// Batch builds one segmenter for a batch of texts from a pre-pass over
// them: a dictionary filtered to what the batch can look up (output
// identical to NewFullSegmenter's), or, when the batch's vocabulary is too
// large (the distinct substrings pass the limit), the full dictionary.
// Paragraphs (lines) seen before are skipped, so boilerplate shared across
// reports costs once. Not safe for concurrent use.
type Batch struct {
	f     *filter // nil once over the limit
	seen  map[[2]uint64]struct{}
	seeds [2]maphash.Seed
	limit int
	hint  int // substrings to size the table for at the first Add
	stats BatchStats
}

// BatchStats describes a pre-pass (for diagnostics and tests).
type BatchStats struct {
	Texts      int   // texts passed to Add
	Bytes      int64 // bytes of the texts added, duplicates included
	ReadBytes  int64 // bytes of the paragraphs read (not skipped)
	Paragraphs int   // non-empty paragraphs read
	Duplicates int   // paragraphs skipped as seen before
	Substrings int   // distinct substring hashes collected
	PeakBytes  int   // largest size of the pre-pass tables
	Fallback   bool  // the limit was passed: the full dictionary is used
	Entries    int   // dictionary entries of the segmenter, once built
}

// NewBatch starts a pre-pass that collects at most limit distinct
// substrings (limit <= 0: DefaultBatchLimit).
func NewBatch(limit int) *Batch { return newBatch(limit, 0) }

// newBatch is NewBatch with the filter's table first sized for the larger
// of hint substrings and the first text's guess (substringHint).
func newBatch(limit, hint int) *Batch {
	if limit <= 0 {
		limit = DefaultBatchLimit
	}
	return &Batch{
		f:     newGrowingFilter(limit, 0),
		seen:  make(map[[2]uint64]struct{}),
		seeds: [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()},
		limit: limit,
		hint:  hint,
	}
}

// Add reads text into the pre-pass. It returns false once the limit has
// been passed: the batch will use the full dictionary, further texts are
// not read, and the caller may start building the segmenter at once. After
// Segmenter it reads nothing and returns false.
func (b *Batch) Add(text string) bool {
	b.stats.Texts++
	b.stats.Bytes += int64(len(text))
	if b.f == nil {
		return false
	}
	if b.f.set.n == 0 {
		// Size the table once for what is coming rather than grow it
		// from nothing: growing touches twice the memory.
		h := min(max(b.hint, substringHint(len(text))), b.limit)
		if 4*h > 3*len(b.f.set.slots) {
			b.f.set = newHashSet(h)
		}
	}
	// Paragraph keys are 128-bit hashes; the table stops growing at a
	// quarter of the limit (later paragraphs are read without the check).
	for p := range strings.SplitSeq(text, "\n") {
		if p == "" {
			continue
		}
		b.stats.Paragraphs++
		key := [2]uint64{maphash.String(b.seeds[0], p), maphash.String(b.seeds[1], p)}
		if _, ok := b.seen[key]; ok {
			b.stats.Duplicates++
			continue
		}
		if len(b.seen) < b.limit/4 {
			b.seen[key] = struct{}{}
		}
		b.stats.ReadBytes += int64(len(p))
		ok := b.f.addSubstrings(p)
		b.stats.PeakBytes = max(b.stats.PeakBytes, b.f.bytes()+48*len(b.seen))
		if !ok {
			b.stats.Substrings = b.f.set.n
			b.stats.Fallback = true
			b.f, b.seen = nil, nil
			return false
		}
	}
	b.stats.Substrings = b.f.set.n
	return true
}

// Fallback reports whether the limit has been passed.
func (b *Batch) Fallback() bool { return b.stats.Fallback }

// Segmenter builds the batch's segmenter with the domain terms (see
// NewSegmenterFor) and ends the pre-pass (call it once). Over the limit it
// is NewFullSegmenter(terms).
func (b *Batch) Segmenter(terms []string) *Segmenter {
	var s *Segmenter
	if b.stats.Fallback {
		s = NewFullSegmenter(terms)
	} else {
		f := b.f
		b.f, b.seen = nil, nil
		s = f.segmenter(terms)
		// The texts are known: the memo holds at most their size.
		s.memo.limit = max(b.stats.Bytes, 1)
	}
	b.stats.Entries = s.Entries()
	return s
}

// Stats returns the pre-pass figures so far.
func (b *Batch) Stats() BatchStats { return b.stats }

// NewBatchSegmenter is NewBatch(limit), Add for each text, and Segmenter.
func NewBatchSegmenter(texts []string, terms []string, limit int) (*Segmenter, BatchStats) {
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	// Each term adds its first one and two runes at most.
	b := newBatch(limit, substringHint(n)+2*len(terms))
	for _, t := range texts {
		if !b.Add(t) {
			break
		}
	}
	s := b.Segmenter(terms)
	return s, b.Stats()
}

// substringHint guesses the distinct substrings in n bytes of text, to
// size the filter's first table: a 20 KB report holds about one per 2
// bytes (window per rune, mostly 3-byte runes, many repeats). Larger
// texts start from a 20 KB report's table (128 KB) and grow it only if
// their vocabulary needs it: a table too large for a repetitive text
// would cost its every page, since hashes spread over all of it.
func substringHint(n int) int { return min(n/2, 12000) }
