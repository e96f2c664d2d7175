package typo

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

// refDetector is the detector as it was before the lookup was rebuilt for
// speed (a map of entry lists by first rune, map-based quotation scan,
// string-built pinyin candidates). Tests compare Find with it: the rebuilt
// detector must give exactly the same hits.
type refDetector struct {
	byFirst map[rune][]int
	entries []refEntry
	words   *words
}

type refEntry struct {
	head, tail   string
	right, rTail string
	kind         Kind
	source, note string
	ref          string
	severity     string
	certain      bool
	runes        int
}

func refNew(lex *lexicon.Lexicon) *refDetector {
	d := &refDetector{byFirst: map[rune][]int{}, words: dictWords()}
	if lex == nil {
		return d
	}
	at := map[string]int{}
	var order []refEntry
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
					order[i].head = ""
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
			en := refEntry{head: w, right: strings.TrimSpace(e.Correction), kind: kind, source: l.Source,
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

func (d *refDetector) find(text string, tokens []segment.Token, protect []segment.Span) []Hit {
	if text == "" {
		return nil
	}
	c := refNewContext(text, tokens, protect)
	var hits []Hit
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		matched := false
		for _, id := range d.byFirst[r] {
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
	if len(tokens) > 1 {
		hits = d.pinyinSlips(c, hits)
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Span.Start < hits[j].Span.Start })
	return hits
}

func (d *refDetector) match(c *context, e *refEntry, i int) (Hit, bool) {
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

func refNewContext(text string, tokens []segment.Token, protect []segment.Span) *context {
	spans := make([]segment.Span, 0, len(protect)+16)
	for _, s := range protect {
		if s.Start < s.End {
			spans = append(spans, s)
		}
	}
	spans = append(spans, refQuoteSpans(text)...)
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	merged := spans[:0]
	for _, s := range spans {
		if k := len(merged) - 1; k >= 0 && s.Start <= merged[k].End {
			merged[k].End = max(merged[k].End, s.End)
			continue
		}
		merged = append(merged, s)
	}
	if !validTokens(text, tokens) {
		tokens = nil
	}
	return &context{text: text, tokens: tokens, protect: merged}
}

var refClosing = map[rune]rune{'“': '”', '‘': '’', '「': '」', '『': '』', '《': '》', '〈': '〉', '"': '"'}

func refQuoteSpans(text string) []segment.Span {
	var out []segment.Span
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		cl, ok := refClosing[r]
		if !ok {
			continue
		}
		for j, k := i, 0; j < len(text) && k < maxQuote; k++ {
			q, m := utf8.DecodeRuneInString(text[j:])
			if q == '\n' {
				break
			}
			if q == cl {
				out = append(out, segment.Span{Start: i, End: j})
				i = j + m
				break
			}
			j += m
		}
	}
	return out
}

func refSingleHan(t segment.Token) bool {
	r, n := utf8.DecodeRuneInString(t.Text)
	return n == len(t.Text) && n > 0 && unicode.Is(unicode.Han, r)
}

func (d *refDetector) pinyinSlips(c *context, hits []Hit) []Hit {
	listed := hits
	toks := c.tokens
	for k := 0; k < len(toks); {
		if !refSingleHan(toks[k]) {
			k++
			continue
		}
		j := k + 1
		for j < len(toks) && refSingleHan(toks[j]) && toks[j].Span().Start == toks[j-1].Span().End {
			j++
		}
		var start, end int
		switch j - k {
		case 2:
			start, end = toks[k].Span().Start, toks[k+1].Span().End
		case 1:
			start, end = d.gluedPair(c, k)
		}
		k = j
		if start == end {
			continue
		}
		if h, ok := d.slip(c, listed, start, end); ok {
			hits = append(hits, h)
		}
	}
	return hits
}

func (d *refDetector) gluedPair(c *context, k int) (int, int) {
	toks := c.tokens
	if k > 0 && toks[k-1].Span().End == toks[k].Span().Start && refGlued(toks[k-1]) {
		t := toks[k-1].Text
		_, n := utf8.DecodeLastRuneInString(t)
		if rest := t[:len(t)-n]; utf8.RuneCountInString(rest) >= 2 && d.words.freq(rest) > 0 {
			return toks[k].Span().Start - n, toks[k].Span().End
		}
	}
	return 0, 0
}

func refGlued(t segment.Token) bool {
	switch t.POS() {
	case "nr", "ns", "nt", "nz", "nrt", "nrfg", "j", "x":
		return false
	}
	n := 0
	for _, r := range t.Text {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
		n++
	}
	return n >= 3
}

func (d *refDetector) slip(c *context, listed []Hit, start, end int) (Hit, bool) {
	pair := c.text[start:end]
	x, n := utf8.DecodeRuneInString(pair)
	y, _ := utf8.DecodeRuneInString(pair[n:])
	if strings.ContainsRune(stopChars, x) || strings.ContainsRune(stopChars, y) {
		return Hit{}, false
	}
	if overlapsHit(listed, start, end) || c.skip(start, end) || cited(c.text[:start]) || d.words.freq(pair) > 0 {
		return Hit{}, false
	}
	right, kept, ok := refOnlyReplacement(x, y)
	if !ok || recurs(c.text, start, end, kept) {
		return Hit{}, false
	}
	return Hit{Span: segment.Span{Start: start, End: end}, Wrong: pair, Right: right,
		Kind: KindPinyin, Source: PinyinSource, Severity: "warning"}, true
}

func refOnlyReplacement(x, y rune) (string, rune, bool) {
	found, kept := "", rune(0)
	for pos, r := range [2]rune{x, y} {
		for _, h := range homophones(r) {
			if h == r || strings.ContainsRune(stopChars, h) {
				continue
			}
			w := string(h) + string(y)
			k := y
			if pos == 1 {
				w, k = string(x)+string(h), x
			}
			if !(len(w) == 6 && search(freqBigrams, w) >= 0) {
				continue
			}
			if found != "" {
				return "", 0, false
			}
			found, kept = w, k
		}
	}
	return found, kept, found != ""
}
