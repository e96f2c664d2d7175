package typo

import (
	"sort"
	"sync"
	"unicode/utf8"

	"github.com/reportlint/reportlint/segment/dict"
)

// maxWordRunes is the longest key the word index keeps: lookups are of
// bigrams and of a token's remainder next to a match.
const maxWordRunes = 4

// words answers "is this a dictionary word, and how frequent" from gse's
// dictionary (segment/dict). A block (all keys starting with one rune) is
// decoded on first use and kept; a report touches a few hundred blocks.
type words struct {
	mu     sync.Mutex
	blocks map[rune]map[string]uint32
	first  []rune // first rune of each dictionary block, ascending
	r      *dict.Reader
}

var (
	sharedOnce  sync.Once
	sharedWords *words
)

// dictWords returns the process-wide word index.
func dictWords() *words {
	sharedOnce.Do(func() {
		r := dict.NewReader()
		w := &words{blocks: map[rune]map[string]uint32{}, r: r}
		w.first = make([]rune, r.Blocks())
		for i := range w.first {
			w.first[i] = r.First(i)
		}
		sharedWords = w
	})
	return sharedWords
}

// freq returns the dictionary frequency of s (0 when s is not a key of at
// most maxWordRunes runes). Single-rune keys have frequency 2 in gse.
func (w *words) freq(s string) uint32 {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || r == utf8.RuneError {
		return 0
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	b, ok := w.blocks[r]
	if !ok {
		b = w.load(r)
		w.blocks[r] = b
	}
	return b[s]
}

func (w *words) load(r rune) map[string]uint32 {
	i := sort.Search(len(w.first), func(i int) bool { return w.first[i] >= r })
	if i == len(w.first) || w.first[i] != r {
		return nil
	}
	m := map[string]uint32{}
	w.r.Seek(i)
	for w.r.Next() {
		if k := w.r.Key(); utf8.RuneCount(k) <= maxWordRunes {
			m[string(k)] = uint32(w.r.Freq())
		}
	}
	return m
}
