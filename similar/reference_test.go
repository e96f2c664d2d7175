package similar

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/segment"
)

// referenceFingerprint is Fingerprint as it was before it was made faster:
// straightforward loops that the fast version must match exactly.
func referenceFingerprint(ix *Index, text string, toks []segment.Token) *Print {
	s := new(referenceScratch)
	s.mask = headingMask(text, referenceMask(newReferenceMatcher(ix.opt.Boilerplate), text, s.mask[:0]))
	var stock []stockSentence
	var excerpts []excerptAt
	var lines []uint32
	for off := range referenceSentences(text) {
		if off.Start > 0 && text[off.Start-1] == '\n' {
			lines = append(lines, uint32(off.Start))
		}
		sent := strings.TrimSpace(text[off.Start:off.End])
		if sent == "" {
			continue
		}
		if len(excerpts) < ix.opt.MaxExcerpts {
			excerpts = append(excerpts, excerptAt{uint32(off.Start + strings.Index(text[off.Start:off.End], sent)), referenceRawPrefix(sent, ix.opt.ExcerptRunes)})
		}
		if ix.opt.IsStock != nil && ix.opt.IsStock(sent) {
			s.mask = append(s.mask, off)
			if len(stock) < maxStockSentences {
				stock = append(stock, stockSentence{fnvString(sent), contentChars(sent), excerpt(sent, 40)})
			}
		}
	}
	s.mask = mergeSpans(s.mask)
	s.th, s.ts, s.te = s.th[:0], s.ts[:0], s.te[:0]
	s.c0, s.c1, s.u0, s.u1 = s.c0[:0], s.c1[:0], s.u0[:0], s.u1[:0]

	c, u, mi := 0, 0, 0
	for _, t := range toks {
		h := uint64(fnvOffset)
		cc, uc := 0, 0
		for off, r := range t.Text {
			if !isContent(r) {
				continue
			}
			cc++
			abs := t.Span().Start + off
			for mi < len(s.mask) && s.mask[mi].End <= abs {
				mi++
			}
			if mi >= len(s.mask) || s.mask[mi].Start > abs {
				uc++
			}
			h = fnvRune(h, r)
		}
		if cc == 0 {
			continue // punctuation, space, symbols, ** placeholders
		}
		s.th = append(s.th, mix(h))
		s.ts = append(s.ts, uint32(t.Span().Start))
		s.te = append(s.te, uint32(t.Span().End))
		s.c0, s.u0 = append(s.c0, uint32(c)), append(s.u0, uint32(u))
		c, u = c+cc, u+uc
		s.c1, s.u1 = append(s.c1, uint32(c)), append(s.u1, uint32(u))
	}
	p := &Print{chars: c, textLen: len(text), textHash: fnvString(text),
		th: make([]uint32, len(s.th)), tu: slices.Clone(s.u1), lines: lines, excerpts: excerpts, stock: stock}
	for i, h := range s.th {
		p.th[i] = uint32(h)
	}

	k, w := ix.opt.Shingle, ix.opt.Window
	n := len(s.th) - k + 1
	if n <= 0 {
		return p
	}
	s.sh = s.sh[:0]
	for i := 0; i < n; i++ {
		if s.u1[i+k-1] == s.u0[i] {
			s.sh = append(s.sh, masked) // nothing but stock phrases
			continue
		}
		var h uint64
		for _, th := range s.th[i : i+k] {
			h = (h<<7 | h>>57) ^ th
		}
		h = mix(h)
		if h == masked {
			h--
		}
		s.sh = append(s.sh, h)
	}
	// Winnowing: the rightmost minimum of every window of w shingles.
	fps := make([]fp, 0, 2*n/(w+1)+2)
	last := -1
	for j := 0; j == 0 || j+w <= n; j++ {
		best := -1
		for q := j; q < j+w && q < n; q++ {
			if s.sh[q] != masked && (best < 0 || s.sh[q] <= s.sh[best]) {
				best = q
			}
		}
		if best >= 0 && best != last {
			last = best
			e := best + k - 1
			fps = append(fps, fp{hash: s.sh[best], start: s.ts[best], end: s.te[e],
				tok: uint32(best), c0: s.c0[best], c1: s.c1[e], u0: s.u0[best], u1: s.u1[e]})
		}
	}
	p.fps = slices.Clip(fps)
	return p
}

// referenceMask is matcher.mask as it was: rune by rune, a map lookup per
// candidate first rune.
func referenceMask(m *referenceMatcher, text string, dst []segment.Span) []segment.Span {
	if m == nil || len(m.byFirst) == 0 {
		return dst
	}
	for i, r := range text {
		if r < 1<<16 {
			if m.first[r>>6]&(1<<(r&63)) == 0 {
				continue
			}
		} else if _, ok := m.byFirst[r]; !ok {
			continue
		}
		for _, p := range m.byFirst[r] {
			if !strings.HasPrefix(text[i:], p) {
				continue
			}
			end := i + len(p)
			if n := len(dst); n > 0 && dst[n-1].End >= i {
				if end > dst[n-1].End {
					dst[n-1].End = end
				}
			} else {
				dst = append(dst, segment.Span{Start: i, End: end})
			}
			break
		}
	}
	return dst
}

// referenceSentences, like sentences, yields the spans of the sentences of text: pieces of lines
// ending after 。！？； or at the line's end (without the line break).
func referenceSentences(text string) func(yield func(segment.Span) bool) {
	return func(yield func(segment.Span) bool) {
		start := 0
		for i, r := range text {
			switch r {
			case '\n':
				if !yield(segment.Span{Start: start, End: i}) {
					return
				}
				start = i + 1
			case '。', '！', '？', '；':
				if !yield(segment.Span{Start: start, End: i + utf8.RuneLen(r)}) {
					return
				}
				start = i + utf8.RuneLen(r)
			}
		}
		if start < len(text) {
			yield(segment.Span{Start: start, End: len(text)})
		}
	}
}

// referenceMatcher is matcher as it was: a map from first rune to phrases.
type referenceMatcher struct {
	first   []uint64 // bitset over BMP first runes
	byFirst map[rune][]string
}

func newReferenceMatcher(phrases []string) *referenceMatcher {
	m := &referenceMatcher{first: make([]uint64, 1<<16/64), byFirst: map[rune][]string{}}
	seen := map[string]bool{}
	for _, p := range phrases {
		p = strings.TrimSpace(p)
		if utf8.RuneCountInString(p) < 2 || seen[p] {
			continue
		}
		seen[p] = true
		r, _ := utf8.DecodeRuneInString(p)
		m.byFirst[r] = append(m.byFirst[r], p)
		if r < 1<<16 {
			m.first[r>>6] |= 1 << (r & 63)
		}
	}
	for r, ps := range m.byFirst {
		sort.Slice(ps, func(i, j int) bool {
			if len(ps[i]) != len(ps[j]) {
				return len(ps[i]) > len(ps[j])
			}
			return ps[i] < ps[j]
		})
		m.byFirst[r] = ps
	}
	return m
}

// referenceRawPrefix is rawPrefix as it was.
func referenceRawPrefix(s string, n int) string {
	k := 0
	for i, r := range s {
		if k == n || r == utf8.RuneError {
			return s[:i]
		}
		k++
	}
	return s
}

// referenceScratch is scratch as it was.
type referenceScratch struct {
	mask   []segment.Span
	th     []uint64
	ts, te []uint32
	c0, u0 []uint32
	c1, u1 []uint32
	sh     []uint64
}
