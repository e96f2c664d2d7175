package typo

import (
	"bytes"
	"sort"
	"sync"
	"unicode/utf8"

	"github.com/reportlint/reportlint/segment/dict"
)

// maxCache bounds the lookup cache; it is emptied when full.
const maxCache = 1 << 16

// words answers "is this a dictionary word, and how frequent" from gse's
// dictionary (segment/dict) by scanning the key's block, skipping the groups
// of keys with another two-rune prefix; answers are cached.
type words struct {
	mu    sync.Mutex
	cache map[string]uint32
	r     *dict.Reader
}

var (
	sharedOnce  sync.Once
	sharedWords *words
)

// dictWords returns the process-wide word index.
func dictWords() *words {
	sharedOnce.Do(func() { sharedWords = newWords() })
	return sharedWords
}

// newWords returns an empty word index.
func newWords() *words {
	return &words{cache: map[string]uint32{}, r: dict.NewReader()}
}

// freq returns the dictionary frequency of s, 0 when it is not a key.
// Single-rune keys have frequency 2 in gse.
func (w *words) freq(s string) uint32 {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || r == utf8.RuneError || len(s) > 64 {
		return 0
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if f, ok := w.cache[s]; ok {
		return f
	}
	f := w.lookup(r, s)
	if len(w.cache) >= maxCache {
		clear(w.cache)
	}
	w.cache[s] = f
	return f
}

func (w *words) lookup(r rune, s string) uint32 {
	n := w.r.Blocks()
	i := sort.Search(n, func(i int) bool { return w.r.First(i) >= r })
	if i == n || w.r.First(i) != r {
		return 0
	}
	key := []byte(s)
	p2 := key
	if _, m := utf8.DecodeRune(key[n1(key):]); m > 0 {
		p2 = key[:n1(key)+m]
	}
	w.r.Seek(i)
	for w.r.Next() {
		if w.r.Shared() < 2 {
			switch c := bytes.Compare(w.r.Prefix(2), p2); {
			case c > 0:
				return 0 // keys are sorted: past it
			case c < 0:
				w.r.SkipGroup()
				continue
			}
		}
		switch c := bytes.Compare(w.r.Key(), key); {
		case c == 0:
			return uint32(w.r.Freq())
		case c > 0:
			return 0
		}
	}
	return 0
}

// n1 is the byte length of b's first rune.
func n1(b []byte) int {
	_, n := utf8.DecodeRune(b)
	return n
}
