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
	"sort"
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

type entry struct {
	head, tail   string // wrong form; tail is after the gap (gap entries only)
	right, rTail string // correction, split at its gap
	kind         Kind
	source, note string
	ref          string
	severity     string
	certain      bool
	runes        int // runes in head+tail
}

// Detector finds typos. It is read-only once built and safe for concurrent
// use.
type Detector struct {
	byFirst map[rune][]int // entries by the first rune of head, longest first
	entries []entry
	words   *words
	pinyin  bool
}

// New builds a detector from the lexicon's typos lists (nil: none listed;
// the pinyin heuristic still runs).
func New(lex *lexicon.Lexicon) *Detector {
	d := &Detector{byFirst: map[rune][]int{}, words: dictWords(), pinyin: true}
	if lex == nil {
		return d
	}
	// A later definition of a wrong form replaces an earlier one (a user
	// list comes after the built-in ones); a disabled entry removes it.
	at := map[string]int{}
	var order []entry
	for _, l := range lex.Typos {
		if l.Disabled {
			continue
		}
		kind := Kind(l.Kind)
		if kind == "" {
			kind = KindList
		}
		for _, e := range l.Entries {
			w := strings.TrimSpace(e.Wrong)
			if w == "" {
				continue
			}
			if e.Disabled {
				if i, ok := at[w]; ok {
					order[i].head = "" // dropped below
					delete(at, w)
				}
				continue
			}
			sev := e.Severity
			if sev == "" {
				sev = l.Severity
			}
			note := e.Note
			if note == "" {
				note = l.Note
			}
			if sev == "" {
				sev = "error"
			}
			en := entry{head: w, right: strings.TrimSpace(e.Correction), kind: kind, source: l.Source,
				note: note, ref: e.SourceRef, severity: sev, certain: sev == "error"}
			if h, t, ok := strings.Cut(w, lexicon.TypoGap); ok {
				en.head, en.tail = h, t
				en.right, en.rTail, _ = strings.Cut(en.right, lexicon.TypoGap)
			}
			if en.head == "" || en.right == "" && en.rTail == "" {
				continue
			}
			en.runes = utf8.RuneCountInString(en.head + en.tail)
			if i, ok := at[w]; ok {
				order[i] = en
				continue
			}
			at[w] = len(order)
			order = append(order, en)
		}
	}
	for _, en := range order {
		if en.head == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(en.head)
		d.byFirst[r] = append(d.byFirst[r], len(d.entries))
		d.entries = append(d.entries, en)
	}
	for r, ids := range d.byFirst {
		sort.SliceStable(ids, func(i, j int) bool { return len(d.entries[ids[i]].head) > len(d.entries[ids[j]].head) })
		d.byFirst[r] = ids
	}
	return d
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
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		ids := d.byFirst[r]
		matched := false
		for _, id := range ids {
			e := &d.entries[id]
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
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Span.Start < hits[j].Span.Start })
	return hits
}

// match checks one occurrence of e's head at i.
func (d *Detector) match(c *context, e *entry, i int) (Hit, bool) {
	start, end := i, i+len(e.head)
	right := e.right
	if e.tail != "" {
		mid, ok := gapAt(c.text[end:], e.tail)
		if !ok {
			return Hit{}, false
		}
		right = e.right + mid + e.rTail
		end += len(mid) + len(e.tail)
	}
	if c.skip(start, end) || cited(c.text[:start]) {
		return Hit{}, false
	}
	if e.runes == 2 && e.tail == "" && c.straddles(d.words, start, end) {
		return Hit{}, false
	}
	return Hit{Span: segment.Span{Start: start, End: end}, Wrong: c.text[start:end], Right: right, Kind: e.kind,
		Source: e.source, Note: e.note, Ref: e.ref, Severity: e.severity, Certain: e.certain}, true
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
