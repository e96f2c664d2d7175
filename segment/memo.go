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
	seed  maphash.Seed
	once  sync.Once
	seen  sync.Map // maphash of a piece seen once → struct{}
	m     sync.Map // piece → []uint32: per token, bytes | POS index << 16
	bytes atomic.Int64
	limit int64 // if > 0, a cap below memoMax (set before use)

	mu    sync.Mutex
	idx   map[string]uint16
	names atomic.Pointer[[]string] // by POS index; replaced, never changed
}

const (
	memoMinBytes = 48
	memoMaxPiece = 8 << 10
	memoMaxBytes = 64 << 20
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

func memoable(piece string) bool {
	return len(piece) >= memoMinBytes && len(piece) <= memoMaxPiece
}

// get appends the remembered tokens of piece through add and reports
// whether it had them.
func (m *memo) get(piece string, add func(n int, pos string)) bool {
	if !memoable(piece) {
		return false
	}
	v, ok := m.m.Load(piece)
	if !ok {
		return false
	}
	names := *m.names.Load() // published before the entry was stored
	for _, t := range v.([]uint32) {
		add(int(t&0xFFFF), names[t>>16])
	}
	return true
}

// want reports whether the tokens of piece, cut now, should be given to
// put: the piece was seen before and the memo has room.
func (m *memo) want(piece string) bool {
	if !memoable(piece) || m.bytes.Load() >= m.capacity() {
		return false
	}
	m.once.Do(func() { m.seed = maphash.MakeSeed() })
	h := maphash.String(m.seed, piece)
	if _, seen := m.seen.Load(h); seen {
		return true
	}
	const entry = 48 // a sync.Map entry
	if m.bytes.Add(entry) > m.capacity() {
		m.bytes.Add(-entry)
		return false
	}
	if _, seen := m.seen.LoadOrStore(h, struct{}{}); seen {
		m.bytes.Add(-entry) // another goroutine saw it first
		return true
	}
	return false
}

// put remembers the tokens of piece: byte lengths and parts of speech.
func (m *memo) put(piece string, lens []int, pos []string) {
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
	// A copy of the key: a slice of the text would keep the whole
	// document alive.
	if _, loaded := m.m.LoadOrStore(string([]byte(piece)), toks); loaded {
		m.bytes.Add(-size)
	}
}
