package segment

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/go-ego/gse"

	"github.com/reportlint/reportlint/segment/dict"
)

// FilterLimit is the input size in bytes above which serve shares one full
// dictionary across requests and audit streams its inputs through a Batch
// pre-pass instead of reading them all before the first check.
// NewSegmenterFor itself takes input of any size: its cost follows the
// input's distinct content, and it falls back to the full dictionary when
// that is too large (see Batch).
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
	memo    memo // tokens of pieces already cut
}

// NewSegmenterFor returns a segmenter whose dictionary holds only the entries
// that can match inside texts (plus terms), giving output identical to a full
// load. terms are domain terms (e.g. 两个确立, 四个意识, 一岗双责, 东数西算,
// 专精特新) that must each come out as ONE token; they get frequency 1000 and
// TermPOS and take precedence over a dictionary entry with the same key.
//
// Its cost grows with the distinct content of texts, not their size:
// repeated paragraphs are read once (see Batch). When the texts' vocabulary
// is too large for a filtered dictionary to pay (over ForLimit distinct
// substrings, e.g. megabytes of words drawn from the whole dictionary), it
// stops reading and returns NewFullSegmenter(terms).
func NewSegmenterFor(texts []string, terms []string) *Segmenter {
	s, _ := NewBatchSegmenter(texts, terms, ForLimit)
	return s
}

// ForLimit is NewSegmenterFor's cap on distinct substrings: it bounds the
// pre-pass wasted on input that ends with the full dictionary to ≈1.3 MB
// of text drawn uniformly from the dictionary (≈0.1-0.2 s against the full
// load's ≈0.6-0.9 s; DefaultBatchLimit's 3 M would cost as much as the load),
// and keeps the pre-pass table at 16 MB. Under it fit a 2 MB text sampled
// from the dictionary by frequency (1.03 M) and 20 real government work
// reports (1.3 MB, 337 k); repeated paragraphs count once.
const ForLimit = 1 << 20

// segmenter builds the filtered segmenter for the texts added to f.
func (f *filter) segmenter(terms []string) *Segmenter {
	f.addTerms(terms)
	f.finish()

	// Pick the candidate entries before taking the lock: this is most of
	// the work and touches nothing of gse's. Keys go into one buffer.
	type cand struct {
		end  uint32 // of the key in keys
		freq uint32
		pos  uint8 // for r.PosName
	}
	// About one candidate per 3.3 substrings on reports; a large buffer
	// that is not filled costs no page.
	est := min(f.set.n/2, dict.Entries) + 64
	var (
		keys  = make([]byte, 0, 8*est)
		cands = make([]cand, 0, est)
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
		fl := utf8.RuneLen(r.First(i))
		prefixOK := false
		var h2 uint64 // hash of the first two runes of the current group
		plen := 0     // their byte length
		for r.Next() {
			// Keys sharing their first two runes share the
			// answer for them (a one-rune key is first in its
			// block and shares one); a large group of them can be
			// skipped undecoded. The block rune's hash h is
			// reused for the prefix and the key.
			if r.Shared() < 2 {
				p := r.Prefix(2)
				h2, plen = hashFrom(h, p[fl:]), len(p)
				if prefixOK = f.hasPrefix(h2) && f.set.has(h2); !prefixOK {
					r.SkipGroup() // the rest share the prefix
					continue
				}
			}
			if prefixOK && f.mayContainTerm(h2, plen, r.Key(), r.Runes()) {
				keys = append(keys, r.Key()...)
				cands = append(cands, cand{uint32(len(keys)), uint32(r.Freq()), r.PosIndex()})
			}
		}
	}

	buildMu.Lock()
	defer buildMu.Unlock()

	g := newGse()
	// One allocation for the tokens: terms, candidates and the ballast.
	g.Dict.Tokens = make([]gse.Token, 0, len(terms)+len(cands)+1)
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
			// Keys are lowercase already, as gse stores them.
			if seen, ok := termSeen[string(key)]; ok {
				if !seen {
					total -= float64(c.freq)
					termSeen[string(key)] = true
				}
				continue // the term came first and wins
			}
			// gse copies the text (ToToken): no string of our own.
			g.AddToken(unsafe.String(unsafe.SliceData(key), len(key)), float64(c.freq), r.PosName(c.pos))
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

// NewFullSegmenter loads the whole dictionary once for large batches (≈1 s
// of CPU, 160-230 MB RSS; calcDistances made it ≈0.6-0.7× of gse's own
// load); share it read-only across goroutines.
func NewFullSegmenter(terms []string) *Segmenter {
	buildMu.Lock()
	defer buildMu.Unlock()

	g := newGse()
	// The same dictionary as gse's LoadDictStr of s_1.txt (package dict
	// holds what that load keeps; dict_test.go checks it).
	loadFull(g, terms)
	return &Segmenter{seg: g, entries: g.Dict.NumTokens()}
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
		if h := hashLower(k); !f.set.has(h) && !f.terms.has(h) {
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
