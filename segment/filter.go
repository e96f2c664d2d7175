package segment

import "unicode/utf8"

// filter decides which dictionary lines can matter for the input: a
// superset of the keys gse's Segment looks up, which are substrings of the
// ASCII-lowercased input. Extra lines cost a little time and cannot change
// the output.
//
// set holds the FNV-1a hash of every substring of up to window runes without
// a break rune. A key of at most window runes passes if its hash is in set; a
// longer key if all its window-rune substrings are. prefix is a bitset over
// the hashes of the substrings' first one or two runes; it fits in cache and
// rejects most dictionary lines before the larger set is probed.
//
// A domain term need not occur in the input, but a dictionary key equal to
// one must pass (the term shadows it, and its frequency leaves the total):
// terms holds the terms' hashes, and set their first one and two runes.
type filter struct {
	set    *hashSet
	prefix []uint64 // built by finish
	shift  uint
	limit  int      // if > 0, addSubstrings stops once set holds more hashes
	terms  *hashSet // see addTerms
}

// window bounds the substrings stored: 345,223 of the 352,279 keys have at
// most 4 runes, and windows keep the set 4 times smaller than all substrings
// up to the longest key (16 runes) would.
const window = 4

// newGrowingFilter returns a filter that holds at most about limit
// substring hashes (0: no limit), with its table first sized for hint
// hashes; it grows with the distinct substrings added.
func newGrowingFilter(limit, hint int) *filter {
	return &filter{set: newHashSet(hint), limit: limit}
}

// finish builds the prefix bitset from the hashes set marks as prefixes,
// once their number is known. Call it after the last addSubstrings and
// before any lookup.
func (f *filter) finish() {
	bits := uint(16)
	for 1<<bits < 32*f.set.marked {
		bits++
	}
	f.prefix, f.shift = make([]uint64, 1<<(bits-6)), 64-bits
	for _, v := range f.set.slots {
		if v&1 != 0 {
			i := ((v &^ 1) * 0x9E3779B97F4A7C15) >> f.shift
			f.prefix[i>>6] |= 1 << (i & 63)
		}
	}
}

// bytes returns the memory held by the filter's tables.
func (f *filter) bytes() int { return 8 * (len(f.set.slots) + len(f.prefix)) }

func (f *filter) hasPrefix(h uint64) bool {
	i := (hashKey(h) * 0x9E3779B97F4A7C15) >> f.shift
	return f.prefix[i>>6]&(1<<(i&63)) != 0
}

// hasPrefixOf reports whether the input may hold p, the first one or two
// runes of a key.
func (f *filter) hasPrefixOf(p []byte) bool {
	h := hashLower(p)
	return f.hasPrefix(h) && f.set.has(h)
}

// mayContain reports whether the dictionary key k may be one the input
// looks up. k must be valid UTF-8 (TestDictionaryShape checks the
// dictionary).
func (f *filter) mayContain(k []byte) bool {
	// ends[r] is the byte offset after rune r of k.
	if len(k) == 0 {
		return true // LoadDictStr's business; the dictionary has none
	}
	var ends [window + 1]int
	n, off := 0, 0
	for ; n < len(ends) && off < len(k); n++ {
		off += runeLen(k[off])
		ends[n] = min(off, len(k))
	}
	h := uint64(fnvOffset)
	for i := 0; i < ends[min(n, 2)-1]; i++ {
		h = fnvByte(h, k[i])
	}
	if !f.hasPrefix(h) {
		return false
	}
	if n <= window {
		for i := ends[min(n, 2)-1]; i < len(k); i++ {
			h = fnvByte(h, k[i])
		}
		return f.set.has(h)
	}
	// Longer than window runes: check each window-rune substring.
	for start := 0; start < len(k); start += runeLen(k[start]) {
		end := start
		for r := 0; r < window && end < len(k); r++ {
			end += runeLen(k[end])
		}
		if end > len(k) {
			return true // truncated UTF-8 cannot happen; keep the line
		}
		if !f.set.has(hashLower(k[start:end])) {
			return false
		}
		if end == len(k) {
			break
		}
	}
	return true
}

// hashFrom continues the FNV-1a hash h of some bytes over rest.
func hashFrom(h uint64, rest []byte) uint64 {
	for _, c := range rest {
		h = fnvByte(h, c)
	}
	return h
}

// mayContainAfter is mayContain for a key of runes runes whose first one
// or two runes, its first plen bytes, hash to h and passed hasPrefix.
func (f *filter) mayContainAfter(h uint64, plen int, k []byte, runes int) bool {
	if runes > window {
		return f.mayContain(k)
	}
	return f.set.has(hashFrom(h, k[plen:]))
}

// addTerms adds the domain terms, with no limit; call it once, before
// finish.
func (f *filter) addTerms(terms []string) {
	f.limit = 0
	f.terms = newHashSet(len(terms))
	for _, t := range terms {
		key := termKey(t)
		if key == "" {
			continue
		}
		f.terms.add(hashLower(key), false)
		// The prefixes as a dictionary key would have them (keys are
		// valid UTF-8; a term that is not matches no key).
		end := 0
		for r := 0; r < 2 && end < len(key); r++ {
			end = min(end+runeLen(key[end]), len(key))
			f.set.add(hashLower(key[:end]), true)
		}
	}
}

// mayContainTerm is mayContainAfter, or the key is a term's.
func (f *filter) mayContainTerm(h uint64, plen int, k []byte, runes int) bool {
	return f.mayContainAfter(h, plen, k, runes) || f.terms.n > 0 && f.terms.has(hashFrom(h, k[plen:]))
}

// runeLen is the length of the UTF-8 sequence that lead byte c starts.
func runeLen(c byte) int {
	switch {
	case c < 0x80:
		return 1
	case c < 0xE0:
		return 2
	case c < 0xF0:
		return 3
	}
	return 4
}

// addSubstrings adds the substrings of text (or of a term key) that a
// dictionary key can be made of, and reports whether the set stayed within
// f.limit (if set; it stops adding at the first rune past it). It keeps
// one running hash per start position of the last window runes, so memory
// does not grow with a long run of non-break runes.
func (f *filter) addSubstrings(text string) bool {
	// act[k] is the hash of the substring that starts k runes before the
	// current one; m of them are live (the current run's length, at most
	// window).
	var act [window]uint64
	m := 0
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if isBreak(r) {
			m = 0
			i += size
			continue
		}
		if m < window {
			m++
		}
		copy(act[1:m], act[:m-1])
		act[0] = fnvOffset
		for k := 0; k < m; k++ {
			h := act[k]
			for _, c := range []byte(text[i : i+size]) {
				h = fnvByte(h, c)
			}
			act[k] = h
			f.set.add(h, k < 2)
		}
		i += size
		if f.limit > 0 && f.set.n > f.limit {
			return false
		}
	}
	return true
}

// FNV-1a over ASCII-lowercased bytes.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvByte(h uint64, c byte) uint64 {
	if c >= 'A' && c <= 'Z' {
		c += 'a' - 'A'
	}
	return (h ^ uint64(c)) * fnvPrime
}

func hashLower[S string | []byte](s S) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = fnvByte(h, s[i])
	}
	return h
}

// hashSet is an open-addressing set of 64-bit hashes, each of which may be
// marked. A slot holds hashKey(h) with the mark in bit 0 (0: empty); h and
// h^1 are the same element. A collision only lets an extra dictionary line
// in, which cannot change the output.
type hashSet struct {
	slots  []uint64
	shift  uint
	n      int // elements
	marked int // marked elements
}

// hashKey is h without bit 0, and never 0.
func hashKey(h uint64) uint64 {
	if h &^= 1; h == 0 {
		return 2
	}
	return h
}

func newHashSet(expect int) *hashSet {
	bits := uint(4)
	for 3<<bits < 4*expect { // at most 3/4 full
		bits++
	}
	return &hashSet{slots: make([]uint64, 1<<bits), shift: 64 - bits}
}

// add adds h, marked if mark (an element once marked stays marked).
func (s *hashSet) add(h uint64, mark bool) {
	if 4*(s.n+1) > 3*len(s.slots) {
		s.grow()
	}
	s.insert(hashKey(h), mark)
}

func (s *hashSet) insert(k uint64, mark bool) {
	m := uint64(0)
	if mark {
		m = 1
	}
	mask := uint64(len(s.slots) - 1)
	for i := (k * 0x9E3779B97F4A7C15) >> s.shift; ; i = (i + 1) & mask {
		switch v := s.slots[i]; v &^ 1 {
		case k:
			if v&1 < m {
				s.slots[i] |= 1
				s.marked++
			}
			return
		case 0:
			s.slots[i] = k | m
			s.n++
			s.marked += int(m)
			return
		}
	}
}

func (s *hashSet) has(h uint64) bool {
	k := hashKey(h)
	mask := uint64(len(s.slots) - 1)
	for i := (k * 0x9E3779B97F4A7C15) >> s.shift; ; i = (i + 1) & mask {
		switch s.slots[i] &^ 1 {
		case k:
			return true
		case 0:
			return false
		}
	}
}

func (s *hashSet) grow() {
	old := s.slots
	s.slots = make([]uint64, 2*len(old))
	s.shift--
	s.n, s.marked = 0, 0
	for _, v := range old {
		if v != 0 {
			s.insert(v&^1, v&1 != 0)
		}
	}
}
