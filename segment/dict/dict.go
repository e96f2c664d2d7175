// Package dict embeds gse's simplified-Chinese dictionary (zh_s, s_1.txt
// from github.com/go-ego/gse v0.80.3, Apache-2.0; see NOTICE) in a compact
// encoding, zh_s.bin: 1.20 MB against the text's 5.12 MB (xz -9e: 1.41 MB).
//
// reportlint embeds this one dictionary itself instead of calling gse's
// LoadDictEmbed, which would link all of gse's dictionaries (~36 MB) into the
// binary. zh_s.bin is generated from the s_1.txt in the module cache by
// gse's own LoadDictStr (see gen/main.go), so it holds exactly the
// dictionary gse builds from that text: one entry per distinct
// ASCII-lowercased key (the first valid occurrence), frequencies below 2
// dropped, single-rune keys at frequency 2. Loading its entries with
// AddToken, in any order, gives the same gse dictionary as LoadDictStr of
// the text (dict_test.go checks both).
//
// Entries are sorted by key and grouped into blocks by first rune, so a
// loader can skip the blocks whose rune does not occur in its input without
// decoding them, and within a block the groups of two or more keys that share
// their second rune (SkipGroup). Keys are front-coded and Huffman-coded
// (gen/main.go describes the format); a Reader decodes all the entries in
// ≈8 ms (BenchmarkEach) into a reused buffer, without allocating. Nothing
// is decoded at init time: the tables are built on first use (≈0.5 ms,
// BenchmarkParse).
package dict

//go:generate go run ./gen

import (
	_ "embed"
	"encoding/binary"
	"fmt"
	mbits "math/bits"
	"sync"
	"unicode/utf8"
	"unsafe"
)

//go:embed zh_s.bin
var data string

// Reader decodes entries. Not safe for concurrent use; readers are cheap
// and independent, and each goroutine uses its own.
type Reader struct {
	t *tables

	// Bit reader: the next n bits of the stream are the top bits of bits;
	// pos is the byte offset of the next byte to load.
	bits uint64
	n    uint
	pos  int

	end      int       // bit offset of the block's end
	ctx      int       // hdr table of the next entry
	groupEnd int       // bit offset of the end of the last group met
	canSkip  bool      // the current entry starts a group SkipGroup can skip
	key      [68]byte  // the current key: up to 16 runes of 4 bytes, and slack
	ends     [17]uint8 // ends[i]: byte length of the key's first i+1 runes
	runes    int       // runes in the current key
	shared   int       // runes shared with the previous key of the block
	freq     uint32    // the current entry's frequency
	posIdx   uint8     // the current entry's part of speech, in t.posNames
	first    [4]byte   // the block's rune, UTF-8
	firstN   uint8     // its length
}

// NewReader returns a reader positioned before the first block.
func NewReader() *Reader {
	return &Reader{t: load()}
}

// Blocks returns the number of blocks.
func (r *Reader) Blocks() int { return len(r.t.first) }

// First returns the rune all keys of block i start with; blocks are in
// ascending rune order.
func (r *Reader) First(i int) rune { return r.t.first[i] }

// Seek positions r before the first entry of block i.
func (r *Reader) Seek(i int) {
	r.seekBit(int(r.t.off[i]))
	r.end = int(r.t.off[i+1])
	r.firstN = uint8(utf8.EncodeRune(r.first[:], r.t.first[i]))
	r.runes, r.ctx, r.groupEnd, r.canSkip = 0, 0, -1, false
}

func (r *Reader) seekBit(off int) {
	r.bits, r.n, r.pos = refill(0, 0, off>>3)
	r.bits <<= off & 7
	r.n -= uint(off & 7)
}

// SkipGroup skips the entries after the current one that share its first
// two runes, and reports whether it did. It does so only when the current
// entry is the first of a group of at least groupMin such entries (the stream
// marks those with their length); otherwise it does nothing, and the
// caller meets the rest of the group in Next.
func (r *Reader) SkipGroup() bool {
	if !r.canSkip {
		return false
	}
	r.seekBit(r.groupEnd)
	r.canSkip = false
	return true
}

// Next decodes the next entry of the block r was positioned at by Seek and
// reports whether there was one.
func (r *Reader) Next() bool {
	bp := r.pos*8 - int(r.n)
	if bp >= r.end {
		return false
	}
	t := r.t
	ctx := r.ctx
	if bp == r.groupEnd {
		ctx = 0
	}
	hh := &t.hdr[ctx]
	hdr := (*[1 << hdrBits]uint32)(hh.prim)
	runes := (*[1 << runeBits]uint32)(t.rune.prim)
	bits, n, pos := r.bits, r.n, r.pos

	// The header: p runes after the first shared, s new runes.
	bits, n, pos = refill(bits, n, pos)
	e := hdr[bits>>(64-hdrBits)]
	v, l := e>>8, uint(e&31)
	if l == 0 {
		v, l = hh.slow(bits, e)
	}
	bits <<= l
	n -= l
	r.canSkip = false
	if v&groupFlag != 0 {
		// The first of a group: the group's length in bits after
		// this, in Elias gamma code.
		bits, n, pos = refill(bits, n, pos)
		z := uint(mbits.LeadingZeros64(bits))
		if z > maxGroupBits {
			panic("dict: corrupt stream")
		}
		g := bits >> (63 - 2*z)
		bits <<= 2*z + 1
		n -= 2*z + 1
		r.groupEnd = pos*8 - int(n) + int(g)
		r.canSkip = true
		v &^= groupFlag
	}
	p, s := int(v>>5), int(v&31)

	if r.runes == 0 { // the block's first entry: only its rune is shared
		copy(r.key[:], r.first[:r.firstN])
		r.ends[0] = r.firstN
	}
	r.shared = 1 + p
	end := int(r.ends[p])
	for i := 1 + p; i <= p+s; i++ {
		if n < maxCodeLen {
			bits, n, pos = refill(bits, n, pos)
		}
		e := runes[bits>>(64-runeBits)]
		v, l := e>>8, uint(e&31)
		if l == 0 {
			v, l = t.rune.slow(bits, e)
		}
		bits <<= l
		n -= l
		// v holds the rune's UTF-8 bytes, first byte lowest.
		binary.LittleEndian.PutUint32(r.key[end:], v)
		end += utf8Len[byte(v)>>4]
		r.ends[i] = uint8(end)
	}
	r.runes = 1 + p + s
	r.ctx = min(r.runes, len(t.hdr)-1)
	fh := &t.fp[min(r.runes, len(t.fp))-1]
	fp := (*[1 << fpBits]uint32)(fh.prim)

	if n < maxCodeLen {
		bits, n, pos = refill(bits, n, pos)
	}
	e = fp[bits>>(64-fpBits)]
	v, l = e>>8, uint(e&31)
	if l == 0 {
		v, l = fh.slow(bits, e)
	}
	bits <<= l
	n -= l
	r.freq = v >> 6
	r.posIdx = uint8(v & 63)

	r.bits, r.n, r.pos = bits, n, pos
	return true
}

// utf8Len is the length of a UTF-8 sequence by the top 4 bits of its
// first byte.
var utf8Len = [16]int{1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 2, 2, 3, 4}

// Key returns the current entry's key: valid UTF-8, ASCII-lowercased. The
// slice is reused by the next call to Next or Seek.
func (r *Reader) Key() []byte { return r.key[:r.ends[r.runes-1]] }

// Prefix returns the first n runes of the key (n >= 1; all of it if it is
// shorter), with the same lifetime as Key.
func (r *Reader) Prefix(n int) []byte { return r.key[:r.ends[min(n, r.runes)-1]] }

// Runes returns the number of runes in the current key.
func (r *Reader) Runes() int { return r.runes }

// Shared returns how many leading runes the current key shares with the
// previous key of its block (at least 1, the block's rune).
func (r *Reader) Shared() int { return r.shared }

// Freq returns the current entry's frequency, as gse stores it.
func (r *Reader) Freq() float64 { return float64(r.freq) }

// PosIndex returns the current entry's part of speech as an index for
// PosName.
func (r *Reader) PosIndex() uint8 { return r.posIdx }

// PosName returns the part of speech with index i from PosIndex.
func (r *Reader) PosName(i uint8) string { return r.t.posNames[i] }

// Pos returns the current entry's part of speech.
func (r *Reader) Pos() string { return r.t.posNames[r.posIdx] }

// Each calls fn for every entry, in key order.
func Each(fn func(key []byte, freq float64, pos string)) {
	r := NewReader()
	for i := range r.Blocks() {
		r.Seek(i)
		for r.Next() {
			fn(r.Key(), r.Freq(), r.Pos())
		}
	}
}

// refill tops the bit buffer up to at least 56 bits. It reads at most 8
// bytes past the last bit consumed, and data ends in 16 zero bytes, so the
// 8-byte load stays in range.
func refill(bits uint64, n uint, pos int) (uint64, uint, int) {
	bits |= binary.BigEndian.Uint64(stream[pos:]) >> n
	adv := (63 - n) >> 3
	return bits, n + adv<<3, pos + int(adv)
}

// stream is data as a byte slice, for loads refill can inline; it is never
// written.
var stream = unsafe.Slice(unsafe.StringData(data), len(data))

// slow decodes a code that the primary table does not hold and returns the
// symbol and the code's length; e is the primary table's entry.
func (h *huffman) slow(bits uint64, e uint32) (uint32, uint) {
	if e&secondary != 0 {
		b := e >> 8 & 31
		e = h.sec[e>>13+uint32(bits<<h.k>>(64-b))]
		if e&31 != 0 {
			return e >> 8, uint(e & 31)
		}
	}
	// A symbol too large for a table entry, or a code longer than k+secBits
	// bits: search the canonical code.
	for l := uint(1); l <= h.maxLen; l++ {
		c := uint32(bits >> (64 - l))
		if c < h.limit[l] {
			return h.syms[int32(c)+h.base[l]], l
		}
	}
	panic("dict: corrupt stream")
}

const (
	groupMin     = 2 // gen's groupMin: the smallest group the stream marks
	maxCodeLen   = 24
	groupFlag    = 1 << 9 // in a header: the entry starts a group
	maxGroupBits = 24     // bits of a group's length
)

// huffman is the decoding table of a canonical Huffman code.
type huffman struct {
	k      uint     // bits of the primary table
	prim   []uint32 // top k bits -> entry
	sec    []uint32 // secondary tables for codes longer than k bits
	syms   []uint32 // symbols in canonical order
	isRune bool     // symbols are runes, stored as their UTF-8 bytes
	maxLen uint
	limit  [maxCodeLen + 1]uint32 // first code of length l after the last one
	base   [maxCodeLen + 1]int32  // symbol index of a code of length l, minus the code
}

type tables struct {
	posNames []string
	hdr      [6]huffman // by the previous key's length: none, 1, 2, 3, 4, 5+ runes
	rune     huffman
	fp       [5]huffman // by the key's length: 1, 2, 3, 4, 5+ runes
	first    []rune
	off      []uint32 // bit offset in data of each block, and of the end
}

var (
	loadOnce sync.Once
	loaded   *tables
)

func load() *tables {
	loadOnce.Do(func() {
		t, err := parse(data)
		if err != nil {
			panic("dict: zh_s.bin: " + err.Error())
		}
		loaded = t
	})
	return loaded
}

// parse reads everything but the bit stream, which it checks the length of.
func parse(d string) (*tables, error) {
	const magic = "gsez1\n"
	if len(d) < len(magic) || d[:len(magic)] != magic {
		return nil, fmt.Errorf("bad magic")
	}
	p := &parser{d: d, i: len(magic)}
	t := &tables{}
	t.posNames = make([]string, p.uvarint())
	for i := range t.posNames {
		n := int(p.uvarint())
		t.posNames[i] = p.bytes(n)
	}
	t.rune.isRune = true
	for i := range t.hdr {
		t.hdr[i].k = hdrBits
		p.huffman(&t.hdr[i])
	}
	t.rune.k = runeBits
	p.huffman(&t.rune)
	for i := range t.fp {
		t.fp[i].k = fpBits
		p.huffman(&t.fp[i])
	}
	if p.err != nil {
		return nil, p.err
	}
	for i := range t.fp {
		for _, s := range t.fp[i].syms {
			if int(s&63) >= len(t.posNames) {
				return nil, fmt.Errorf("part of speech %d out of range", s&63)
			}
		}
	}
	for i := range t.hdr {
		for _, s := range t.hdr[i].syms {
			p, n := s&^groupFlag>>5, s&31
			if s > groupFlag|31 || p > 15 || p+n > 15 || s&groupFlag != 0 && (p != 0 || n == 0) {
				return nil, fmt.Errorf("header %d out of range", s)
			}
		}
	}
	nb := int(p.uvarint())
	t.first = make([]rune, nb)
	t.off = make([]uint32, nb+1)
	r, off := rune(0), uint64(0)
	for i := range nb {
		r += rune(p.uvarint())
		t.first[i] = r
		t.off[i] = uint32(off)
		off += p.uvarint()
	}
	t.off[nb] = uint32(off)
	streamLen := p.uvarint()
	if p.err != nil {
		return nil, p.err
	}
	// The stream is what is left of d: its bytes and 16 bytes of padding.
	if uint64(len(d)-p.i) != streamLen+16 || off > 8*streamLen || off+7 < 8*streamLen || uint64(p.i)*8+off >= 1<<32 {
		return nil, fmt.Errorf("stream of %d bytes, %d bits of blocks, %d bytes left", streamLen, off, len(d)-p.i)
	}
	// Offsets are relative to the stream; make them absolute in d.
	base := uint32(p.i) * 8
	for i := range t.off {
		t.off[i] += base
	}
	return t, nil
}

type parser struct {
	d   string
	i   int
	err error
}

func (p *parser) uvarint() uint64 {
	var x uint64
	for s := uint(0); s < 64; s += 7 {
		if p.i >= len(p.d) {
			p.fail("truncated")
			return 0
		}
		b := p.d[p.i]
		p.i++
		x |= uint64(b&0x7f) << s
		if b < 0x80 {
			return x
		}
	}
	p.fail("bad uvarint")
	return 0
}

func (p *parser) bytes(n int) string {
	if n < 0 || p.i+n > len(p.d) {
		p.fail("truncated")
		return ""
	}
	s := p.d[p.i : p.i+n]
	p.i += n
	return s
}

func (p *parser) fail(msg string) {
	if p.err == nil {
		p.err = fmt.Errorf("%s at byte %d", msg, p.i)
	}
	p.i = len(p.d)
}

// huffman reads a code table and builds its decoding table.
func (p *parser) huffman(h *huffman) {
	n := int(p.uvarint())
	h.maxLen = uint(p.uvarint())
	if h.maxLen < 1 || h.maxLen > maxCodeLen || n < 1 || n > 1<<24 {
		p.fail("bad code table")
		return
	}
	var count [maxCodeLen + 1]int
	total := 0
	for l := uint(1); l <= h.maxLen; l++ {
		count[l] = int(p.uvarint())
		total += count[l]
	}
	if total != n {
		p.fail("bad code table counts")
		return
	}
	h.syms = make([]uint32, n)
	i := 0
	for l := uint(1); l <= h.maxLen; l++ {
		prev := uint64(0)
		for range count[l] {
			prev += p.uvarint()
			h.syms[i] = uint32(prev)
			i++
		}
	}
	if h.isRune {
		for i, c := range h.syms {
			if c > utf8.MaxRune {
				p.fail("bad rune")
				return
			}
			var b [4]byte
			utf8.EncodeRune(b[:], rune(c))
			h.syms[i] = binary.LittleEndian.Uint32(b[:])
		}
	}
	// Canonical codes: ascending within a length, lengths ascending.
	code, idx := uint32(0), 0
	for l := uint(1); l <= h.maxLen; l++ {
		h.limit[l] = code + uint32(count[l])
		h.base[l] = int32(idx) - int32(code)
		if code+uint32(count[l]) > 1<<l {
			p.fail("oversubscribed code")
			return
		}
		code = (code + uint32(count[l])) << 1
		idx += count[l]
	}
	// Codes of up to k bits fill the primary table; a longer code's
	// first k bits lead to a secondary table as long as the longest code
	// under them needs, up to secBits more bits; slow searches the
	// canonical code for the few longer ones.
	h.prim = make([]uint32, 1<<h.k)
	secLen := 0
	for l := h.k + 1; l <= h.maxLen; l++ {
		b := uint32(min(l-h.k, secBits))
		for c := h.limit[l] - uint32(count[l]); c < h.limit[l]; c++ {
			// Codes ascend, so a prefix's codes are contiguous and
			// its last one is the longest.
			pre := c >> (l - h.k)
			if h.prim[pre] == 0 {
				h.prim[pre] = uint32(secLen)<<13 | b<<8 | secondary
				secLen += 1 << b
			} else if old := h.prim[pre] >> 8 & 31; old < b {
				// Widen the table: it is the last one allocated.
				h.prim[pre] = h.prim[pre]&^(31<<8) | b<<8
				secLen += 1<<b - 1<<old
			}
		}
	}
	h.sec = make([]uint32, secLen)
	idx = 0
	for l := uint(1); l <= h.maxLen; l++ {
		for c := h.limit[l] - uint32(count[l]); c < h.limit[l]; c, idx = c+1, idx+1 {
			e := uint32(bigSym)
			if v := h.syms[idx]; v < 1<<24 {
				e = v<<8 | uint32(l)
			}
			switch {
			case l <= h.k:
				lo := c << (h.k - l)
				for j := lo; j < lo+1<<(h.k-l); j++ {
					h.prim[j] = e
				}
			case l <= h.k+secBits:
				pe := h.prim[c>>(l-h.k)]
				b := uint(pe >> 8 & 31)
				lo := pe>>13 + (c&(1<<(l-h.k)-1))<<(b-(l-h.k))
				for j := lo; j < lo+1<<(b-(l-h.k)); j++ {
					h.sec[j] = e
				}
			}
		}
	}
}

// The primary tables have 2^k entries: symbol<<8 | code length, for codes
// of at most k bits and symbols below 2^24. An entry with length 0 sends
// the decoder to slow: bigSym for a larger symbol, secondary with
// offset<<13 | bits<<8 for a longer code, whose next bits index h.sec from
// offset. Together the primary tables fit in a 32 KB L1 cache.
const (
	bigSym    = 1 << 5
	secondary = 1 << 6
	secBits   = 6 // bits of the largest secondary tables
	hdrBits   = 8
	runeBits  = 12
	fpBits    = 11
)
