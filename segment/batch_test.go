package segment

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/fixture"
	"github.com/reportlint/reportlint/segment/dict"
)

// realTexts returns the corpus of real reports (../shared/corpus/real from
// the repository root; REPORTLINT_CORPUS overrides), or skips.
func realTexts(tb testing.TB) []string {
	tb.Helper()
	paths, _ := filepath.Glob(filepath.Join(fixture.RealCorpusDir(tb), "*.txt"))
	var texts []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	return texts
}

// testdataTexts returns the reports and fixtures under testdata.
func testdataTexts(tb testing.TB) map[string]string {
	tb.Helper()
	var paths []string
	for _, pat := range []string{"testdata/*/*.txt", "testdata/*/*.md", "analyze/checks/*/testdata/*.txt", "analyze/checks/*/testdata/*.md"} {
		m, _ := filepath.Glob(filepath.Join("..", pat))
		paths = append(paths, m...)
	}
	if len(paths) < 20 {
		tb.Fatalf("only %d testdata files found", len(paths))
	}
	m := make(map[string]string, len(paths))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		m[p] = string(b)
	}
	return m
}

// adversarialText returns n bytes of keys drawn uniformly from the whole
// dictionary: the largest vocabulary a batch can have, the worst case for
// the pre-pass.
func adversarialText(n int) string {
	var keys []string
	dict.Each(func(key []byte, _ float64, _ string) { keys = append(keys, string(key)) })
	r := rand.New(rand.NewPCG(3, 4))
	var b strings.Builder
	b.Grow(n + 64)
	for i := 0; b.Len() < n; i++ {
		b.WriteString(keys[r.IntN(len(keys))])
		if i%12 == 11 {
			b.WriteString("。\n")
		}
	}
	return cutRunes(b.String(), n)
}

// TestBatchMatchesFull is the batch's identity test: one segmenter built
// from the pre-pass over all the texts cuts each of them exactly as the full
// dictionary does, and skips repeated paragraphs.
func TestBatchMatchesFull(t *testing.T) {
	f := full(t)
	texts := fixtures(t)
	for k, v := range oddTexts {
		texts[k] = v
	}
	for k, v := range testdataTexts(t) {
		texts[k] = v
	}
	texts["sampled"] = sampledText(t, 200000)
	texts["adversarial"] = adversarialText(100000)
	// Repeated paragraphs, CRLF, a paragraph repeated inside a longer one.
	texts["repeat"] = strings.Repeat("坚持两个确立。\r\n推进东数西算工程。\n", 3) + "推进东数西算工程。两个维护\n"
	var all []string
	for _, v := range texts {
		all = append(all, v)
	}
	s, st := NewBatchSegmenter(all, testTerms, 0)
	if st.Fallback || st.Duplicates == 0 || st.Entries != s.Entries() || s.Entries() >= f.Entries() {
		t.Errorf("stats %+v; full dictionary %d entries", st, f.Entries())
	}
	for name, text := range texts {
		assertSame(t, "batch/"+name, s.Tokens(text), f.Tokens(text))
	}
	if got, want := s.seg.Dict.TotalFreq(), f.seg.Dict.TotalFreq(); got != want {
		t.Errorf("batch total freq %v, full %v", got, want)
	}
}

// TestBatchRealCorpus checks the identity on the real reports, if present.
func TestBatchRealCorpus(t *testing.T) {
	texts := realTexts(t)
	f := full(t)
	s, st := NewBatchSegmenter(texts, testTerms, 0)
	if st.Fallback {
		t.Fatalf("real reports fell back: %+v", st)
	}
	for i, text := range texts {
		assertSame(t, fmt.Sprintf("real/%d", i), s.Tokens(text), f.Tokens(text))
	}
}

// TestBatchLimit: text drawn from the whole dictionary passes the default
// limit early; the pre-pass stops reading, its tables stay bounded, and the
// batch falls back to the full dictionary.
func TestBatchLimit(t *testing.T) {
	const total = 20 << 20
	adv := adversarialText(total)
	b := NewBatch(0)
	added := 0
	for len(adv) > 0 {
		n := len(cutRunes(adv, 1<<20))
		added++
		if !b.Add(adv[:n]) {
			break
		}
		adv = adv[n:]
	}
	st := b.Stats()
	if !b.Fallback() || !st.Fallback {
		t.Fatalf("20 MB drawn from the whole dictionary did not pass the limit: %+v", st)
	}
	if b.Add("再来一段") {
		t.Error("Add after the limit returned true")
	}
	// It stops at the first rune past the limit.
	if st.Substrings <= DefaultBatchLimit || st.Substrings > DefaultBatchLimit+window {
		t.Errorf("stopped at %d substrings, limit %d", st.Substrings, DefaultBatchLimit)
	}
	if st.ReadBytes > 8<<20 || added > 8 {
		t.Errorf("read %d bytes in %d texts before stopping", st.ReadBytes, added)
	}
	// The hash table is a power of two at most 4/3 × the limit, 8 bytes a
	// slot, plus the prefix table and the paragraph keys.
	if st.PeakBytes > 16*DefaultBatchLimit {
		t.Errorf("pre-pass tables reached %d bytes", st.PeakBytes)
	}
	if testing.Short() {
		return
	}
	s := b.Segmenter(testTerms)
	if f := full(t); s.Entries() != f.Entries() || b.Stats().Entries != f.Entries() {
		t.Errorf("fallback segmenter has %d entries, full %d", s.Entries(), f.Entries())
	}
}

// A small limit: passed by a fixture (fallback), not by a short text.
func TestBatchSmallLimit(t *testing.T) {
	text := repeatFixtures(t, 20000)
	b := NewBatch(1000)
	if b.Add(text) || !b.Fallback() {
		t.Errorf("20 KB of fixtures within a limit of 1000: %+v", b.Stats())
	}
	b = NewBatch(1000)
	if !b.Add("坚持两个确立") || b.Fallback() {
		t.Errorf("a short text passed a limit of 1000: %+v", b.Stats())
	}
	s := b.Segmenter(testTerms)
	if got := texts2(s.Tokens("坚持两个确立")); !contains(got, "两个确立") {
		t.Errorf("term not kept whole: %q", got)
	}
	if b.Fallback() || b.Stats().Entries == 0 {
		t.Errorf("stats after Segmenter: %+v", b.Stats())
	}
}

// naiveSubstrings is the filter's definition: the hashes of all substrings
// of up to window runes inside runs of non-break runes, and of those of one
// or two runes (the prefixes).
func naiveSubstrings(text string) (set, prefix map[uint64]bool) {
	set, prefix = map[uint64]bool{}, map[uint64]bool{}
	var runs [][]string
	var cur []string
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isBreak(r) {
			runs, cur = append(runs, cur), nil
		} else {
			cur = append(cur, text[i:i+size])
		}
		i += size
	}
	runs = append(runs, cur)
	for _, run := range runs {
		for i := range run {
			for j := i + 1; j <= len(run) && j <= i+window; j++ {
				h := hashLower(strings.Join(run[i:j], ""))
				set[h] = true
				if j-i <= 2 {
					prefix[h] = true
				}
			}
		}
	}
	return set, prefix
}

// FuzzFilterSubstrings checks the filter's rolling hashes against the
// definition, in both the sized and the growing filter.
func FuzzFilterSubstrings(f *testing.F) {
	for _, s := range oddTexts {
		f.Add(s)
	}
	f.Add("两个确立，四个意识\n\nABC def 5G")
	f.Add("一二三四五六七八九十\xff一二")
	f.Fuzz(func(t *testing.T, text string) {
		set, prefix := naiveSubstrings(text)
		for _, fl := range []*filter{newGrowingFilter(0, len(text)), newGrowingFilter(0, 0)} {
			fl.addSubstrings(text)
			fl.finish()
			if fl.set.n != len(set) {
				t.Fatalf("%q: %d hashes, want %d", text, fl.set.n, len(set))
			}
			for h := range set {
				if !fl.set.has(h) {
					t.Fatalf("%q: hash %x missing", text, h)
				}
			}
			for h := range prefix {
				if !fl.hasPrefix(h) {
					t.Fatalf("%q: prefix %x missing", text, h)
				}
			}
		}
	})
}
