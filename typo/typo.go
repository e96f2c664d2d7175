// Package typo finds wrongly written words (错别字) in Chinese text: the
// listed wrong forms of the lexicon's typos lists (形近、音近别字, redundant
// wordings, confusable pairs), and, as a heuristic, unlisted one-character
// slips where a same-pinyin character turns two stray characters into a
// frequent word (推近 → 推进).
//
// It is a self-contained detector: a check wraps it, turns Hits into
// findings and passes the spans to leave alone (quotations, names of people
// and places, lexicon terms).
package typo

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

// Kind says what a hit is.
type Kind string

// Kinds of hits.
const (
	KindList       Kind = "list"       // a listed wrong form (形近、音近别字)
	KindRedundant  Kind = "redundant"  // a listed redundant wording
	KindConfusable Kind = "confusable" // a listed confusable word
	KindPinyin     Kind = "pinyin"     // an unlisted same-pinyin slip (heuristic)
)

// PinyinSource is the Source of KindPinyin hits.
const PinyinSource = "同音字替换（启发式：两个单字不成词，换一个同音字即成常用词）"

// Hit is one wrong form found in the text.
type Hit struct {
	Span     segment.Span // byte offsets of the wrong text
	Wrong    string       // the text as written
	Right    string       // the correction
	Kind     Kind
	Source   string // the list's published source
	Note     string
	Ref      string // lexicon file:line of the entry ("" for KindPinyin)
	Severity string // the entry's: error, warning or info; warning for KindPinyin
	Certain  bool   // wrong in every context (severity error); false: to verify
}

// Message is the hit in Chinese, for a finding.
func (h Hit) Message() string {
	var b strings.Builder
	switch {
	case h.Kind == KindPinyin:
		b.WriteString("疑似错别字：“" + h.Wrong + "”可能应为“" + h.Right + "”（同音字），请核实")
	case h.Kind == KindRedundant:
		b.WriteString("语义重复：“" + h.Wrong + "”宜改为“" + h.Right + "”")
	case h.Certain:
		b.WriteString("“" + h.Wrong + "”应为“" + h.Right + "”")
	default:
		b.WriteString("“" + h.Wrong + "”宜作“" + h.Right + "”")
	}
	if h.Note != "" {
		b.WriteString("：" + h.Note)
	}
	if h.Kind != KindPinyin && h.Source != "" {
		b.WriteString("（依据：" + h.Source + "）")
	}
	return b.String()
}

// entry is one listed wrong form in use. Its texts are slices of the
// lexicon's strings; the rest of a hit is read from the lexicon entry.
type entry struct {
	head, tail string // wrong form, split at its gap (tail: after it)
	first      rune   // head's first rune
	runes      int32  // runes in head and tail
	pos        int32  // definition order (while building: order in the lists)
	list, item int32  // lex.Typos[list].Entries[item]
	gap        bool   // the wrong form has a gap
	off        bool   // while building: a disabled entry (it removes the form)
}

// Detector finds typos. It is read-only once built and safe for concurrent
// use.
type Detector struct {
	// entries sorted by first rune, then longest head first, then by head
	// and definition order; firsts[g] is the first rune of group g,
	// entries[starts[g]:starts[g+1]].
	entries []entry
	firsts  []rune
	starts  []int32
	// bits has bit r-lo set when r is in firsts (for r-lo < 64*len(bits));
	// rank[w] counts the bits set before word w, so a rune's group is found
	// without a search.
	lo, hi rune // first and last of firsts (hi < lo when there are none)
	bits   []uint64
	rank   []int32
	lists  []lexicon.TypoList
	words  *words // nil: dictWords(), built on first use
	pinyin bool
	// exact: some head starts with an invalid byte, so Find decodes runes
	// as utf8 does (an invalid byte is utf8.RuneError) rather than fast.
	exact bool
}

// maxBits bounds the bitset (in bits): runes beyond it are looked up by a
// binary search of firsts.
const maxBits = 1 << 16

// New builds a detector from the lexicon's typos lists (nil: none listed;
// the pinyin heuristic still runs). The detector reads lex's entries when it
// reports a hit: lex must not change afterwards (a Lexicon is read-only once
// loaded).
func New(lex *lexicon.Lexicon) *Detector {
	d := &Detector{pinyin: true, lo: 1, hi: 0}
	if lex == nil {
		return d
	}
	d.lists = lex.Typos
	n := 0
	for _, l := range lex.Typos {
		if !l.Disabled {
			n += len(l.Entries)
		}
	}
	es := make([]entry, 0, n)
	for li := range lex.Typos {
		l := &lex.Typos[li]
		if l.Disabled {
			continue
		}
		for ei := range l.Entries {
			e := &l.Entries[ei]
			w := strings.TrimSpace(e.Wrong)
			if w == "" {
				continue
			}
			en := entry{head: w, list: int32(li), item: int32(ei), pos: int32(len(es)), off: e.Disabled}
			en.head, en.tail, en.gap = strings.Cut(w, lexicon.TypoGap)
			if en.head == "" {
				continue // never defined, so nothing to remove either
			}
			if !e.Disabled {
				if right, rTail := correction(e, en.gap); right == "" && rTail == "" {
					continue
				}
			}
			var size int
			en.first, size = utf8.DecodeRuneInString(en.head)
			d.exact = d.exact || en.first == utf8.RuneError && size == 1
			en.runes = int32(utf8.RuneCountInString(en.head) + utf8.RuneCountInString(en.tail))
			es = append(es, en)
		}
	}
	// Group the definitions of each wrong form (same head, gap and tail), in
	// list order, inside the groups by first rune and head length.
	slices.SortFunc(es, func(a, b entry) int {
		if c := cmp.Compare(a.first, b.first); c != 0 {
			return c
		}
		if c := cmp.Compare(len(b.head), len(a.head)); c != 0 {
			return c
		}
		if c := strings.Compare(a.head, b.head); c != 0 {
			return c
		}
		if a.gap != b.gap {
			if a.gap {
				return 1
			}
			return -1
		}
		if c := strings.Compare(a.tail, b.tail); c != 0 {
			return c
		}
		return cmp.Compare(a.pos, b.pos)
	})
	// A later definition of a wrong form replaces an earlier one and keeps
	// its place (a user list comes after the built-in ones); a disabled entry
	// removes it, and a definition after that takes a new place.
	out := es[:0]
	for i := 0; i < len(es); {
		j := i + 1
		for j < len(es) && es[j].head == es[i].head && es[j].gap == es[i].gap && es[j].tail == es[i].tail {
			j++
		}
		var cur entry
		on := false
		for _, e := range es[i:j] {
			switch {
			case e.off:
				on = false
			case on:
				e.pos = cur.pos
				cur = e
			default:
				cur, on = e, true
			}
		}
		if on {
			out = append(out, cur)
		}
		i = j
	}
	d.entries = out
	// Among equal heads the first defined is tried first.
	for i := 0; i < len(out); {
		j := i + 1
		for j < len(out) && out[j].head == out[i].head {
			j++
		}
		if j-i > 1 {
			slices.SortFunc(out[i:j], func(a, b entry) int { return cmp.Compare(a.pos, b.pos) })
		}
		i = j
	}
	d.index()
	return d
}

// index builds firsts, starts and the bitset from the sorted entries.
func (d *Detector) index() {
	g := 0
	for i := range d.entries {
		if i == 0 || d.entries[i].first != d.entries[i-1].first {
			g++
		}
	}
	if g == 0 {
		return
	}
	d.firsts = make([]rune, 0, g)
	d.starts = make([]int32, 0, g+1)
	for i, e := range d.entries {
		if i == 0 || e.first != d.entries[i-1].first {
			d.firsts = append(d.firsts, e.first)
			d.starts = append(d.starts, int32(i))
		}
	}
	d.starts = append(d.starts, int32(len(d.entries)))
	d.lo, d.hi = d.firsts[0], d.firsts[g-1]
	span := min(int(d.firsts[g-1]-d.lo)+1, maxBits)
	d.bits = make([]uint64, (span+63)/64)
	d.rank = make([]int32, len(d.bits))
	for _, r := range d.firsts {
		if u := int(r - d.lo); u < span {
			d.bits[u>>6] |= 1 << (u & 63)
		}
	}
	n := int32(0)
	for w, b := range d.bits {
		d.rank[w] = n
		n += int32(bits.OnesCount64(b))
	}
}

// group returns the entries whose head starts with r, longest first.
func (d *Detector) group(r rune) []entry {
	var g int
	if u := uint32(r - d.lo); u < uint32(len(d.bits))*64 {
		w := d.bits[u>>6]
		m := uint64(1) << (u & 63)
		if w&m == 0 {
			return nil
		}
		g = int(d.rank[u>>6]) + bits.OnesCount64(w&(m-1))
	} else {
		if r < d.lo || r > d.hi {
			return nil
		}
		var ok bool
		if g, ok = slices.BinarySearch(d.firsts, r); !ok {
			return nil
		}
	}
	return d.entries[d.starts[g]:d.starts[g+1]]
}

// correction returns e's correction, split at its gap when the wrong form
// has one.
func correction(e *lexicon.TypoEntry, gap bool) (right, rTail string) {
	right = strings.TrimSpace(e.Correction)
	if gap {
		right, rTail, _ = strings.Cut(right, lexicon.TypoGap)
	}
	return right, rTail
}

// dict returns the word index (most reports need none: it is asked only
// about candidates the tables leave standing).
func (d *Detector) dict() *words {
	if d.words != nil {
		return d.words
	}
	return dictWords()
}

// Entries returns the number of listed wrong forms in use.
func (d *Detector) Entries() int { return len(d.entries) }

// Find returns the typos in text, in order. tokens are text's segmentation
// (segment.Segmenter.Tokens; nil skips the checks that need it), protect the
// spans to leave alone. Quotations (“…” 《…》 and the like, which a check
// usually passes in protect too) and wrong forms cited as such (误作……,
// 不应写作“……”) are skipped here as well. Bounded work per rune.
func (d *Detector) Find(text string, tokens []segment.Token, protect []segment.Span) []Hit {
	if d == nil || text == "" {
		return nil
	}
	c := newContext(text, tokens, protect)
	var hits []Hit
	lo, hi, set, exact := d.lo, d.hi, d.bits, d.exact
	for i := 0; i < len(text); {
		// A head is valid UTF-8: only a rune's first byte can start one, so
		// the rune is decoded without validation and HasPrefix checks it.
		var r rune
		var n int
		switch b := text[i]; {
		case b&0xF0 == 0xE0 && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 && !exact:
			r, n = rune(b&0x0F)<<12|rune(text[i+1]&0x3F)<<6|rune(text[i+2]&0x3F), 3 // as fastRune, inline
		case exact:
			r, n = utf8.DecodeRuneInString(text[i:])
		default:
			r, n = fastRune(text, i)
		}
		// Most runes start no head: the bitset says so without a call.
		if u := uint32(r - lo); u < uint32(len(set))*64 && set[u>>6]&(1<<(u&63)) == 0 || r > hi {
			i += n
			continue
		}
		matched := false
		for k, g := 0, d.group(r); k < len(g); k++ {
			e := &g[k]
			if !strings.HasPrefix(text[i:], e.head) {
				continue
			}
			h, ok := d.match(c, e, i)
			if !ok {
				continue
			}
			hits = append(hits, h)
			i = h.Span.End
			matched = true
			break
		}
		if !matched {
			i += n
		}
	}
	if d.pinyin && len(tokens) > 1 {
		hits = d.pinyinSlips(c, hits)
	}
	slices.SortStableFunc(hits, func(a, b Hit) int { return cmp.Compare(a.Span.Start, b.Span.Start) })
	return hits
}

// fastRune returns the rune starting at s[i] as its bytes spell it, and the
// bytes to step over: the lead byte and the continuation bytes that follow
// it (at most the lead byte announces). Continuation bytes never start a
// rune, so no valid rune is stepped over.
func fastRune(s string, i int) (rune, int) {
	b := s[i]
	var r rune
	var want int
	switch {
	case b < 0x80:
		return rune(b), 1
	case b < 0xC0:
		return utf8.RuneError, 1
	case b < 0xE0:
		r, want = rune(b&0x1F), 1
	case b < 0xF0:
		r, want = rune(b&0x0F), 2
	default:
		r, want = rune(b&0x07), 3
	}
	n := 1
	for ; n <= want && i+n < len(s) && s[i+n]&0xC0 == 0x80; n++ {
		r = r<<6 | rune(s[i+n]&0x3F)
	}
	return r, n
}

// match checks one occurrence of e's head at i.
func (d *Detector) match(c *context, e *entry, i int) (Hit, bool) {
	start, end := i, i+len(e.head)
	l := &d.lists[e.list]
	le := &l.Entries[e.item]
	right, rTail := correction(le, e.gap)
	if e.tail != "" {
		mid, ok := gapAt(c.text[end:], e.tail)
		if !ok {
			return Hit{}, false
		}
		right = right + mid + rTail
		end += len(mid) + len(e.tail)
	}
	if c.skip(start, end) || cited(c.text[:start]) {
		return Hit{}, false
	}
	if e.runes == 2 && e.tail == "" && c.straddles(d.dict(), start, end) {
		return Hit{}, false
	}
	kind := Kind(l.Kind)
	if kind == "" {
		kind = KindList
	}
	sev := cmp.Or(le.Severity, l.Severity, "error")
	return Hit{Span: segment.Span{Start: start, End: end}, Wrong: c.text[start:end], Right: right, Kind: kind,
		Source: l.Source, Note: cmp.Or(le.Note, l.Note), Ref: le.SourceRef, Severity: sev, Certain: sev == "error"}, true
}

// maxGap bounds the runes between the parts of a gap entry.
const maxGap = 10

// gapAt finds tail after at most maxGap runes of s holding a number and no
// punctuation; it returns the text between.
func gapAt(s, tail string) (string, bool) {
	num := false
	for i, r := range s {
		if strings.HasPrefix(s[i:], tail) {
			return s[:i], num && i > 0
		}
		if utf8.RuneCountInString(s[:i]) >= maxGap || isBreak(r) {
			return "", false
		}
		num = num || isNumeral(r)
	}
	return "", false
}

func isNumeral(r rune) bool {
	return unicode.IsDigit(r) || strings.ContainsRune("〇零一二三四五六七八九十百千万亿两半", r)
}

func isBreak(r rune) bool {
	return r == '\n' || r == '\r' || strings.ContainsRune("，。；！？、：,;!?:“”‘’\"《》（）()[]【】", r)
}

// citeMarkers, right before a wrong form (quote marks aside), mean the text
// cites the wrong form rather than uses it.
var citeMarkers = []string{"误作", "误写作", "误写为", "误写成", "误为", "错写成", "错写为", "写作", "写成", "不应写", "不得写", "不宜写", "不要写", "而非", "不是", "误用", "不得使用", "不应使用", "不宜使用", "不要使用", "禁止使用", "避免使用"}

func cited(before string) bool {
	before = strings.TrimRight(before, " “‘「『\"'：:")
	for _, m := range citeMarkers {
		if strings.HasSuffix(before, m) {
			return true
		}
	}
	return false
}
