package segment

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-ego/gse"

	"github.com/reportlint/reportlint/segment/dict"
)

// FilterLimit is the total input size in bytes above which callers should
// build one NewFullSegmenter instead of NewSegmenterFor.
//
// Measured on a 2-core box with text sampled from the dictionary by frequency
// (pessimistic: real reports repeat their vocabulary), process CPU for the
// load: filtered ≈10 ms at 20 KB, 30 ms at 100 KB, 105 ms at 500 KB,
// 180 ms at 1 MB, 310 ms at 2 MB, 545 ms at 4 MB and 1.05 s at 8 MB, against
// 0.87-1.0 s for the full load (≈200 MB RSS). Time breaks even near 6 MB,
// heap near 3-4 MB (the filtered loader's substring table grows with the
// input); 2 MB keeps a margin on both.
const FilterLimit = 2 << 20

// TermPOS is the part of speech given to domain terms.
const TermPOS = "nz"

const (
	// termFreq is the frequency given to domain terms. A term beats the
	// split a|b when f > f(a)·f(b)/total: 2.13 for 两个确立, 0.66 for 四个意识,
	// far less for 专精特新 and 东数西算; 1000 leaves a wide margin, and is
	// far above MinTokenFreq (2), below which gse drops an entry.
	termFreq = "1000"

	// fullTotalFreq is the dictionary's total frequency after a full
	// load without domain terms (gse's LoadDictStr of s_1.txt): the sum
	// over the first valid occurrence of each key, with single-rune
	// entries counted as 2. Token distances depend on it, so the filtered
	// loader adds a ballast token to reach it. TestFullTotalFreq pins it.
	fullTotalFreq = dict.TotalFreq
)

// buildMu serialises the construction of gse segmenters and keeps it apart
// from Tokens calls: construction takes it for writing, Tokens for reading.
// gse's Init/LoadModel rewrite package-level HMM tables shared by every
// gse.Segmenter. NotLoadHMM keeps construction away from them and Segment
// never reads them, so today the lock only serialises constructions; it
// stays as cheap insurance against gse globals (BenchmarkTokensSentences
// measures it at short calls).
var buildMu sync.RWMutex

// Segmenter cuts text into tokens with byte spans. Safe for concurrent Tokens
// calls once built. Building another Segmenter waits for in-flight Tokens
// calls and blocks new ones while it touches gse (a few ms for a filtered
// load, the whole ≈1 s of a full one). The zero value and nil give no tokens.
type Segmenter struct {
	seg     *gse.Segmenter
	entries int
}

// NewSegmenterFor returns a segmenter whose dictionary holds only the entries
// that can match inside texts (plus terms), giving output identical to a full
// load. terms are domain terms (e.g. 两个确立, 四个意识, 一岗双责, 东数西算,
// 专精特新) that must each come out as ONE token; they get frequency 1000 and
// TermPOS and take precedence over a dictionary entry with the same key.
//
// Cost grows with the input; above FilterLimit bytes use NewFullSegmenter.
func NewSegmenterFor(texts []string, terms []string) *Segmenter {
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	f := newFilter(n, len(terms))
	for _, t := range texts {
		f.addSubstrings(t)
	}
	for _, t := range terms {
		if key := termKey(t); key != "" {
			// A dictionary key equal to a term has no break runes,
			// so the term's substrings cover it.
			f.addSubstrings(key)
		}
	}

	// Pick the candidate entries before taking the lock: this is most of
	// the work and touches nothing of gse's. Keys go into one buffer.
	type cand struct {
		end  uint32 // of the key in keys
		freq uint32
		pos  uint8 // for r.PosName
	}
	var (
		keys  []byte
		cands []cand
		r     = dict.NewReader()
		first [utf8.UTFMax]byte
	)
	for i := range r.Blocks() {
		// Skip the blocks whose rune the input lacks.
		h := hashLower(first[:utf8.EncodeRune(first[:], r.First(i))])
		if !f.hasPrefix(h) || !f.set.has(h) {
			continue
		}
		r.Seek(i)
		prefixOK := false
		for r.Next() {
			// Keys sharing their first two runes share the
			// answer for them (a one-rune key is first in its
			// block and shares one); a large group of them can be
			// skipped undecoded.
			if r.Shared() < 2 {
				if prefixOK = f.hasPrefixOf(r.Prefix(2)); !prefixOK {
					r.SkipGroup() // the rest share the prefix
					continue
				}
			}
			if prefixOK && f.mayContain(r.Key()) {
				keys = append(keys, r.Key()...)
				cands = append(cands, cand{uint32(len(keys)), uint32(r.Freq()), r.PosIndex()})
			}
		}
	}

	buildMu.Lock()
	defer buildMu.Unlock()

	g := newGse()
	termSeen := addTerms(g, terms)
	// The full path's total: terms + fullTotalFreq, minus the dictionary
	// entries the terms shadow (they lose to the term as duplicates).
	total := g.Dict.TotalFreq() + fullTotalFreq

	// One-rune keys first, for calcDistances.
	lead := 0
	for pass := range 2 {
		start := uint32(0)
		for _, c := range cands {
			key := keys[start:c.end]
			start = c.end
			if one := len(key) > 0 && len(key) == runeLen(key[0]); one != (pass == 0) {
				continue
			}
			text := string(key)
			// Keys are lowercase already, as gse stores them.
			if seen, ok := termSeen[text]; ok {
				if !seen {
					total -= float64(c.freq)
					termSeen[text] = true
				}
				continue // the term came first and wins
			}
			g.AddToken(text, float64(c.freq), r.PosName(c.pos))
		}
		if pass == 0 {
			lead = g.Dict.NumTokens()
		}
	}
	entries := g.Dict.NumTokens()

	if ballast := total - g.Dict.TotalFreq(); ballast > 0 {
		g.AddToken(f.ballastKey(), ballast, "x")
	}
	if g.Dict.TotalFreq() != total {
		panic(fmt.Sprintf("segment: filtered dictionary total %v, want %v", g.Dict.TotalFreq(), total))
	}
	calcDistances(g, lead)
	return &Segmenter{seg: g, entries: entries}
}

// NewFullSegmenter loads the whole dictionary once (≈0.9 s, ≈200 MB RSS) for
// large batches; share it read-only across goroutines.
func NewFullSegmenter(terms []string) *Segmenter {
	buildMu.Lock()
	defer buildMu.Unlock()

	g := newGse()
	// The same dictionary as gse's LoadDictStr of s_1.txt (package dict
	// holds what that load keeps; dict_test.go checks it).
	loadFull(g, terms)
	return &Segmenter{seg: g, entries: g.Dict.NumTokens()}
}

// Tokens cuts text with gse's shortest-path Segment. Token.Text is the
// original text[Start:End] (gse lowercases ASCII; Text does not), POS is the
// dictionary's part of speech or "x", and the spans cover text exactly, in
// order, including invalid UTF-8.
func (s *Segmenter) Tokens(text string) []Token {
	if s == nil || s.seg == nil || text == "" {
		return nil
	}
	buildMu.RLock()
	segs := s.seg.Segment([]byte(text))
	buildMu.RUnlock()

	out := make([]Token, len(segs))
	for i := range segs {
		start, end := segs[i].Start(), segs[i].End()
		pos := segs[i].Token().Pos()
		if pos == "" {
			pos = "x"
		}
		out[i] = Token{Text: text[start:end], POS: pos, Span: Span{Start: start, End: end}}
	}
	return out
}

// Entries returns the number of dictionary entries loaded, domain terms
// included (for diagnostics).
func (s *Segmenter) Entries() int {
	if s == nil {
		return 0
	}
	return s.entries
}

// newGse returns an empty gse segmenter. NotLoadHMM keeps Init away from
// gse's global HMM tables; Segment never uses them.
func newGse() *gse.Segmenter {
	g := &gse.Segmenter{NotLoadHMM: true, SkipLog: true}
	g.Dict = gse.NewDict()
	g.Init()
	return g
}

// addTerms adds the domain terms before any dictionary line, so that a term
// wins over a dictionary entry with the same key (gse keeps the first
// duplicate). Both loaders use it. It returns the keys added, all false.
func addTerms(g *gse.Segmenter, terms []string) map[string]bool {
	keys := make(map[string]bool, len(terms))
	for _, t := range terms {
		text := strings.TrimSpace(t)
		if text == "" {
			continue
		}
		freq := g.Size(3, text, termFreq)
		if freq == 0 {
			continue
		}
		g.AddToken(text, freq, TermPOS)
		keys[asciiLower(text)] = false
	}
	return keys
}

// termKey is the dictionary key a term is stored under.
func termKey(t string) string { return asciiLower(strings.TrimSpace(t)) }

// ballastKey returns a key that can never match: it is not a substring of
// the input (nor a term), so it only carries frequency.
func (f *filter) ballastKey() string {
	for r := rune(0xE001); ; r++ {
		k := string([]rune{0xE000, r})
		if !f.set.has(hashLower(k)) {
			return k
		}
	}
}

// asciiLower lowercases ASCII letters only, as gse does for dictionary keys
// and input.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// isBreak reports whether r never occurs in a dictionary key, so no key can
// span it (TestDictionaryShape checks this against the dictionary): ASCII
// other than letters, digits and +#&, general punctuation, CJK symbols and
// punctuation, half/full-width forms, and invalid UTF-8.
func isBreak(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
			r == '+' || r == '#' || r == '&')
	case r >= 0x2000 && r <= 0x206F, r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFFEF,
		r == utf8.RuneError:
		return true
	}
	return false
}

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
type filter struct {
	set    *hashSet
	prefix []uint64
	shift  uint
}

// window bounds the substrings stored: 345,223 of the 352,279 keys have at
// most 4 runes, and windows keep the set 4 times smaller than all substrings
// up to the longest key (16 runes) would.
const window = 4

func newFilter(textBytes, terms int) *filter {
	// At most window substrings per rune, mostly 3-byte runes.
	set := newHashSet((textBytes+4*terms)/3*window + 16)
	// Prefixes: at most two per rune; aim at <= 1/32 of the bits set.
	bits := uint(16)
	for 1<<bits < 32*2*(textBytes+4*terms)/3 {
		bits++
	}
	return &filter{set: set, prefix: make([]uint64, 1<<(bits-6)), shift: 64 - bits}
}

func (f *filter) setPrefix(h uint64) {
	i := (h * 0x9E3779B97F4A7C15) >> f.shift
	f.prefix[i>>6] |= 1 << (i & 63)
}

func (f *filter) hasPrefix(h uint64) bool {
	i := (h * 0x9E3779B97F4A7C15) >> f.shift
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
// dictionary key can be made of.
func (f *filter) addSubstrings(text string) {
	// run[k] is the byte offset after the k-th rune of the current run of
	// non-break runes, which starts at runStart.
	var run []int
	flush := func(runStart int) {
		for i := range run {
			h := uint64(fnvOffset)
			pos := runStart
			if i > 0 {
				pos = run[i-1]
			}
			for j := i; j < len(run) && j < i+window; j++ {
				for ; pos < run[j]; pos++ {
					h = fnvByte(h, text[pos])
				}
				if j-i < 2 {
					f.setPrefix(h)
				}
				f.set.add(h)
			}
		}
		run = run[:0]
	}
	runStart := 0
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if isBreak(r) {
			flush(runStart)
			runStart = i + size
		} else {
			run = append(run, i+size)
		}
		i += size
	}
	flush(runStart)
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

// hashSet is an open-addressing set of non-zero 64-bit hashes. A collision
// only lets an extra dictionary line in, which cannot change the output.
type hashSet struct {
	slots []uint64
	shift uint
	n     int
}

func newHashSet(expect int) *hashSet {
	bits := uint(4)
	for 1<<bits < 2*expect {
		bits++
	}
	return &hashSet{slots: make([]uint64, 1<<bits), shift: 64 - bits}
}

func (s *hashSet) add(h uint64) {
	if h == 0 {
		h = 1
	}
	if 2*(s.n+1) > len(s.slots) {
		s.grow()
	}
	mask := uint64(len(s.slots) - 1)
	for i := (h * 0x9E3779B97F4A7C15) >> s.shift; ; i = (i + 1) & mask {
		switch s.slots[i] {
		case h:
			return
		case 0:
			s.slots[i] = h
			s.n++
			return
		}
	}
}

func (s *hashSet) has(h uint64) bool {
	if h == 0 {
		h = 1
	}
	mask := uint64(len(s.slots) - 1)
	for i := (h * 0x9E3779B97F4A7C15) >> s.shift; ; i = (i + 1) & mask {
		switch s.slots[i] {
		case h:
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
	s.n = 0
	for _, h := range old {
		if h != 0 {
			s.add(h)
		}
	}
}
