package segment

import (
	"hash/maphash"
	"sync"
	"sync/atomic"
)

// Pieces are segmented on their own (see Tokens), so a paragraph that
// comes again (boilerplate shared by a batch's reports, a report checked
// with its earlier versions, a section repeated inside one report) gets
// the same tokens wherever it stands. memo keeps the tokens of pieces a
// Segmenter has cut more than once, shared by every goroutine using it.
//
// It is bounded and costs little on text that does not repeat: a piece is
// only remembered (a copy of it, 4 bytes a token) the second time it is
// seen; the first time only its 8-byte hash is. Pieces shorter than
// memoMinBytes (cheaper to cut than to look up) or longer than
// memoMaxPiece are never remembered, and once the memo holds memoMax bytes
// it takes nothing new; a segmenter built for known texts holds at most
// their size, so that memory stays proportional to a small input.
type memo struct {
	seed   maphash.Seed
	once   sync.Once
	shards [16]memoShard // by the piece's maphash
	bytes  atomic.Int64
	limit  int64 // if > 0, a cap below memoMax (set before use)

	mu    sync.Mutex
	idx   map[string]uint16
	names atomic.Pointer[[]string] // by POS index; replaced, never changed
}

type memoShard struct {
	mu sync.Mutex
	m  map[uint64]*memoEntry
}

// memoEntry is a remembered piece: per token, bytes | POS index << 16.
type memoEntry struct {
	piece string
	toks  []uint32
}

// seenOnce marks a piece seen once: its hash only.
var seenOnce = &memoEntry{}

const (
	memoMinBytes = 48
	memoMaxPiece = 8 << 10
	memoMaxBytes = 64 << 20
	memoMark     = 48 // bytes counted for a seen-once mark
)

// memoMax is memoMaxBytes, a variable for tests.
var memoMax = memoMaxBytes

// capacity is the most the memo may hold: memoMax, or less for a
// segmenter built for known texts (see Batch.Segmenter).
func (m *memo) capacity() int64 {
	if m.limit > 0 {
		return min(m.limit, int64(memoMax))
	}
	return int64(memoMax)
}

// lookup hashes piece once and returns its remembered tokens (with the
// POS names they index), or whether its tokens, cut now, should be given to
// put (the piece was seen before). A first sighting is marked while the
// memo has room.
func (m *memo) lookup(piece string) (h uint64, toks []uint32, names []string, want bool) {
	if len(piece) < memoMinBytes || len(piece) > memoMaxPiece {
		return 0, nil, nil, false
	}
	m.once.Do(func() { m.seed = maphash.MakeSeed() })
	h = maphash.String(m.seed, piece)
	sh := &m.shards[h%uint64(len(m.shards))]
	sh.mu.Lock()
	switch e := sh.m[h]; {
	case e == nil:
		if m.bytes.Add(memoMark) > m.capacity() {
			m.bytes.Add(-memoMark)
			break
		}
		if sh.m == nil {
			sh.m = map[uint64]*memoEntry{}
		}
		sh.m[h] = seenOnce
	case e == seenOnce:
		want = true
	case e.piece == piece: // else another piece with the same hash: cut it
		toks = e.toks
	}
	sh.mu.Unlock()
	if toks != nil {
		names = *m.names.Load() // published before the entry was stored
	}
	return h, toks, names, want
}

// put remembers the tokens of piece (hash h from lookup): byte lengths
// and parts of speech.
func (m *memo) put(h uint64, piece string, lens []int, pos []string) {
	size := int64(len(piece) + 4*len(lens) + 64)
	if m.bytes.Add(size) > m.capacity() {
		m.bytes.Add(-size)
		return
	}
	toks := make([]uint32, len(lens))
	m.mu.Lock()
	for i, p := range pos {
		j, ok := m.idx[p]
		if !ok {
			if m.idx == nil {
				m.idx = map[string]uint16{}
			}
			var names []string
			if old := m.names.Load(); old != nil {
				names = append(names, *old...)
			}
			j = uint16(len(names))
			names = append(names, p)
			m.idx[p] = j
			m.names.Store(&names)
		}
		toks[i] = uint32(lens[i]) | uint32(j)<<16
	}
	m.mu.Unlock()
	sh := &m.shards[h%uint64(len(m.shards))]
	sh.mu.Lock()
	if sh.m[h] == seenOnce {
		// A copy of the piece: a slice of the text would keep the whole
		// document alive.
		sh.m[h] = &memoEntry{piece: string([]byte(piece)), toks: toks}
	} else {
		m.bytes.Add(-size) // another goroutine stored it first
	}
	sh.mu.Unlock()
}
