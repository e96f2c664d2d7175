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
// NewSegmenterFor costs roughly 1 ms per 10 KB of input (see
// BenchmarkLoadFiltered and the figures in gse_bench_test.go), NewFullSegmenter
// a flat ~1.2 s and ~200 MB. The filtered loader is still well ahead at 1 MB;
// the limit sits at 1 MB so that a process never spends more than a few hundred
// milliseconds on a filtered load and never keeps a 100+ MB substring table.
const FilterLimit = 1 << 20

// TermPOS is the part of speech given to domain terms.
const TermPOS = "nz"

const (
	// termFreq is the frequency given to domain terms. Any frequency >= 3
	// merges the usual formulations in shortest-path mode; 1000 leaves a
	// margin (see /work/shared/docs/gse.md §4).
	termFreq = "1000"

	// fullTotalFreq is the dictionary's total frequency after a full
	// LoadDictStr of dict.ZhS without domain terms: the sum over the first
	// valid occurrence of each key, with single-rune entries counted as 2.
	// Token distances depend on it, so the filtered loader adds a ballast
	// token to reach it. TestFullTotalFreq pins it.
	fullTotalFreq = 33335153

	// maxWordRunes is the longest dictionary key in runes
	// (TestDictionaryShape pins it).
	maxWordRunes = 16
)

// buildMu serialises the construction of gse segmenters and keeps it apart
// from Tokens calls: construction takes it for writing, Tokens for reading.
// With NotLoadHMM set, construction no longer writes gse's global HMM tables,
// but gse promises nothing about its globals, so the cheap read lock stays
// (BenchmarkTokensParallel measures it).
var buildMu sync.RWMutex

// Segmenter cuts text into tokens with byte spans. Safe for concurrent Tokens
// calls once built. Building another Segmenter waits for in-flight Tokens
// calls and blocks new ones until it is done.
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
			f.addKey(key)
		}
	}

	buildMu.Lock()
	defer buildMu.Unlock()

	g := newGse()
	termSeen := addTerms(g, terms)
	// The full path's total: terms + fullTotalFreq, minus the dictionary
	// entries the terms shadow (they lose to the term as duplicates).
	total := g.Dict.TotalFreq() + fullTotalFreq

	src := dict.ZhS
	for len(src) > 0 {
		var line string
		if i := strings.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			line, src = src, ""
		}
		sp := strings.IndexByte(line, ' ')
		if sp < 0 {
			continue // no frequency: LoadDictStr drops it too
		}
		// The dictionary's keys carry no surrounding white space
		// (TestDictionaryShape), so line[:sp] is LoadDictStr's key.
		if !f.mayContain(line[:sp]) {
			continue
		}
		// The same steps as gse's LoadDictStr for one line.
		s1 := strings.Split(line, " ")
		size := len(s1)
		text := strings.TrimSpace(s1[0])
		freq := g.Size(size, text, strings.TrimSpace(s1[1]))
		if freq == 0 {
			continue
		}
		if seen, ok := termSeen[asciiLower(text)]; ok {
			if !seen {
				total -= freq
				termSeen[asciiLower(text)] = true
			}
			continue
		}
		pos := ""
		if size > 2 {
			pos = strings.TrimSpace(strings.Trim(s1[2], "\n"))
		}
		g.AddToken(text, freq, pos)
	}
	entries := g.Dict.NumTokens()

	if ballast := total - g.Dict.TotalFreq(); ballast > 0 {
		g.AddToken(f.ballastKey(), ballast, "x")
	}
	if g.Dict.TotalFreq() != total {
		panic(fmt.Sprintf("segment: filtered dictionary total %v, want %v", g.Dict.TotalFreq(), total))
	}
	g.CalcToken()
	return &Segmenter{seg: g, entries: entries}
}

// NewFullSegmenter loads the whole dictionary once (≈1.2 s, ~200 MB) for large
// batches; share it read-only across goroutines.
func NewFullSegmenter(terms []string) *Segmenter {
	buildMu.Lock()
	defer buildMu.Unlock()

	g := newGse()
	addTerms(g, terms)
	if err := g.LoadDictStr(dict.ZhS); err != nil {
		panic("segment: " + err.Error()) // LoadDictStr never fails in v0.80.3
	}
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

// filter decides which dictionary lines can matter for the input. set holds
// the FNV-1a hash of every key gse's Segment can look up in the input (every
// substring of up to maxWordRunes runes of the ASCII-lowercased text that
// contains no break rune) and of every term key. prefix is a bitset over the
// hashes of those keys' first one or two runes; it fits in cache and
// rejects most dictionary lines before the larger set is probed.
type filter struct {
	set    *hashSet
	prefix []uint64
	shift  uint
}

func newFilter(textBytes, terms int) *filter {
	// About one substring per byte of (mostly 3-byte) text and rune length.
	set := newHashSet(textBytes*maxWordRunes/3 + terms + 16)
	// Prefixes: at most two per rune; aim at <= 1/16 of the bits set.
	bits := uint(16)
	for 1<<bits < 32*(textBytes/3*2+2*terms) {
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

// addKey adds a term key, which may be longer than maxWordRunes or contain
// break runes.
func (f *filter) addKey(key string) {
	f.set.add(hashLower(key))
	f.setPrefix(hashLower(key[:prefixLen(key)]))
}

// mayContain reports whether the dictionary key k may be one the input
// looks up. k must be valid UTF-8 (TestDictionaryShape checks the
// dictionary). False positives only add unused entries.
func (f *filter) mayContain(k string) bool {
	n := prefixLen(k)
	h := uint64(fnvOffset)
	for i := 0; i < n; i++ {
		h = fnvByte(h, k[i])
	}
	if !f.hasPrefix(h) {
		return false
	}
	for i := n; i < len(k); i++ {
		h = fnvByte(h, k[i])
	}
	return f.set.has(h)
}

// prefixLen is the byte length of the first two runes of valid UTF-8 k (or
// of k, if shorter).
func prefixLen(k string) int {
	n := 0
	for r := 0; r < 2 && n < len(k); r++ {
		switch c := k[n]; {
		case c < 0xE0:
			if c < 0x80 {
				n++
			} else {
				n += 2
			}
		case c < 0xF0:
			n += 3
		default:
			n += 4
		}
	}
	return min(n, len(k))
}

// addSubstrings adds every key gse's Segment can look up in text that could
// be a dictionary key.
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
			for j := i; j < len(run) && j < i+maxWordRunes; j++ {
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

func hashLower(s string) uint64 {
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
