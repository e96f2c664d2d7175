package similar

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/segment"
)

// text is a loaded document text with its mask: the spans of stock phrases
// and of template fingerprints, merged.
type text struct {
	s    string
	mask []segment.Span
}

// textCache keeps the last few loaded texts (pairs come sorted by A).
type textCache struct {
	load     func(int) (string, error)
	ix       *Index
	template map[uint64]int
	ids      []int
	ts       []*text
}

func (c *textCache) get(id int) (*text, error) {
	for i, x := range c.ids {
		if x == id {
			return c.ts[i], nil
		}
	}
	s, err := c.load(id)
	if err != nil {
		return nil, &DocError{ID: id, Err: err}
	}
	p := c.ix.prints[id]
	if len(s) != p.textLen || fnvString(s) != p.textHash {
		return nil, &DocError{ID: id, Err: ErrChanged}
	}
	spans := c.ix.stockMask(s, headingMask(s, c.ix.m.mask(s, nil)))
	for _, f := range p.fps {
		if _, t := c.template[f.hash]; t {
			spans = append(spans, segment.Span{Start: int(f.start), End: int(f.end)})
		}
	}
	t := &text{s: s, mask: mergeSpans(spans)}
	if len(c.ids) >= 8 {
		c.ids, c.ts = c.ids[1:], c.ts[1:]
	}
	c.ids, c.ts = append(c.ids, id), append(c.ts, t)
	return t, nil
}

// refine fixes a candidate pair's passages against the texts and keeps the
// ones long and specific enough.
func (ix *Index) refine(cp candPair, ta, tb *text) (Pair, bool) {
	var ps []Passage
	for _, cd := range cp.cands {
		// Split where the text between two matched fingerprints differs
		// more than a light edit would make it.
		start := 0
		for i := 1; i <= len(cd.parts); i++ {
			if i < len(cd.parts) && similarGap(ta.s, tb.s, cd.parts[i-1], cd.parts[i]) {
				continue
			}
			run := cd.parts[start:i]
			start = i
			if len(run) < 2 {
				continue
			}
			p := Passage{A: run[0].a, B: run[0].b}
			endA, matchedOwn := -1, 0
			for _, pt := range run {
				p.A.End, p.B.End = max(p.A.End, pt.a.End), max(p.B.End, pt.b.End)
				p.B.Start = min(p.B.Start, pt.b.Start)
				if sp := (segment.Span{Start: max(pt.a.Start, endA), End: max(pt.a.End, endA)}); sp.Len() > 0 {
					c := contentChars(ta.s[sp.Start:sp.End])
					p.matched += c
					matchedOwn += c - maskedChars(ta, sp)
				}
				endA = max(endA, pt.a.End)
			}
			// The matched fingerprints themselves must carry most of
			// the length: extension alone cannot make a passage.
			if matchedOwn*5 < ix.opt.MinChars*3 {
				continue
			}
			// Exact extension first; only a passage long enough
			// without help may step over edits at its ends.
			extend(&p, ta.s, tb.s, false)
			if !ix.longEnough(ta, tb, p) {
				continue
			}
			extend(&p, ta.s, tb.s, true)
			ps = append(ps, p)
		}
	}
	// Merge passages that overlap in both texts after extension.
	sort.Slice(ps, func(i, j int) bool { return ps[i].A.Start < ps[j].A.Start })
	var merged []Passage
	for _, p := range ps {
		if n := len(merged); n > 0 {
			q := &merged[n-1]
			if p.A.Start <= q.A.End && p.B.Start <= q.B.End && p.B.End >= q.B.Start || nearby(ta.s, tb.s, *q, p) {
				q.A.End, q.B.End = max(q.A.End, p.A.End), max(q.B.End, p.B.End)
				q.B.Start = min(q.B.Start, p.B.Start)
				q.matched += p.matched
				continue
			}
		}
		merged = append(merged, p)
	}
	var keep []Passage
	for _, p := range merged {
		sa, sb := ta.s[p.A.Start:p.A.End], tb.s[p.B.Start:p.B.End]
		p.CharsA, p.CharsB = contentChars(sa), contentChars(sb)
		p.Own = p.CharsA - maskedChars(ta, p.A)
		p.Identical = sa == sb
		p.Similarity = similarity(sa, sb, p.matched, p.CharsA)
		p.LinesA = [2]int{lineOf(ta.s, p.A.Start), lineOf(ta.s, p.A.End-1)}
		p.LinesB = [2]int{lineOf(tb.s, p.B.Start), lineOf(tb.s, p.B.End-1)}
		p.Excerpt = excerpt(sa, 40)
		if eb := excerpt(sb, 40); eb != p.Excerpt {
			p.ExcerptB = eb
		}
		keep = append(keep, p)
	}
	if len(keep) == 0 {
		return Pair{}, false
	}
	out := Pair{A: cp.a, B: cp.b, Passages: keep}
	var spA, spB []segment.Span
	for _, p := range keep {
		spA, spB = append(spA, p.A), append(spB, p.B)
	}
	out.ShareA = percent(unionChars(ta.s, spA), ix.prints[cp.a].chars)
	out.ShareB = percent(unionChars(tb.s, spB), ix.prints[cp.b].chars)
	return out, true
}

// longEnough reports whether a passage has MinChars content characters
// outside stock phrases and template text on both sides, and MinOwnShare of
// its characters on A's side.
func (ix *Index) longEnough(ta, tb *text, p Passage) bool {
	ca, cb := contentChars(ta.s[p.A.Start:p.A.End]), contentChars(tb.s[p.B.Start:p.B.End])
	own, ownB := ca-maskedChars(ta, p.A), cb-maskedChars(tb, p.B)
	return own >= ix.opt.MinChars && ownB >= ix.opt.MinChars && float64(own) >= ix.opt.MinOwnShare*float64(ca)
}

// similarGap reports whether the texts between two consecutive matched
// fingerprints differ by no more than a light edit.
func similarGap(a, b string, x, y part) bool {
	ga := contentRunes(a[min(x.a.End, y.a.Start):y.a.Start])
	gb := contentRunes(b[min(x.b.End, y.b.Start):y.b.Start])
	n := max(len(ga), len(gb))
	if n == 0 {
		return true
	}
	d := levenshtein(ga, gb)
	return d <= 1 || d*4 <= n
}

// nearby reports whether passage p follows q in both texts after a short gap
// that differs in at most two characters (a changed number, say).
func nearby(a, b string, q, p Passage) bool {
	if p.A.Start < q.A.End || p.B.Start < q.B.End || p.A.Start-q.A.End > 24 || p.B.Start-q.B.End > 24 {
		return false
	}
	ga, gb := a[q.A.End:p.A.Start], b[q.B.End:p.B.Start]
	if strings.Contains(ga, "\n") || strings.Contains(gb, "\n") {
		return false
	}
	return levenshtein([]rune(ga), []rune(gb)) <= 2
}

// mergeSpans sorts spans and merges overlapping ones.
func mergeSpans(sp []segment.Span) []segment.Span {
	sort.Slice(sp, func(i, j int) bool { return sp[i].Start < sp[j].Start })
	out := sp[:0]
	for _, s := range sp {
		if n := len(out); n > 0 && s.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

// extend grows a passage while the texts agree around it, within the
// paragraphs at its ends; when fuzzy, it also steps over up to two small
// edits (a changed, added or dropped character, or a changed number) as long
// as extendRun characters, or the rest of both lines, agree after them. Then
// it trims numbering, punctuation and space from its ends.
func extend(p *Passage, a, b string, fuzzy bool) {
	la, lsa := decodeRunes(a[:p.A.Start], true)
	lb, lsb := decodeRunes(b[:p.B.Start], true)
	i, j := grow(la, lb, fuzzy, true)
	p.A.Start -= sum(lsa[:i])
	p.B.Start -= sum(lsb[:j])
	ra, rsa := decodeRunes(a[p.A.End:], false)
	rb, rsb := decodeRunes(b[p.B.End:], false)
	i, j = grow(ra, rb, fuzzy, false)
	p.A.End += sum(rsa[:i])
	p.B.End += sum(rsb[:j])
	p.A = trim(a, trimEdgeLines(a, stripMarker(a, p.A)))
	p.B = trim(b, trimEdgeLines(b, stripMarker(b, p.B)))
}

// extendRun is how many equal characters must follow an edit.
const extendRun = 4

// grow returns how far x and y agree from their starts (reversed text when
// left), line breaks excluded.
func grow(x, y []rune, fuzzy, left bool) (int, int) {
	i, j := 0, 0
	for i < len(x) && j < len(y) {
		if x[i] == y[j] && x[i] != '\n' && x[i] != utf8.RuneError {
			i, j = i+1, j+1
			continue
		}
		if !fuzzy {
			break
		}
		ni, nj, ok := step(x, y, i, j, 2, left)
		if !ok {
			break
		}
		i, j = ni, nj
	}
	return i, j
}

// step tries one edit at x[i], y[j] and returns where agreement resumes,
// allowing budget-1 more edits before extendRun characters agree.
func step(x, y []rune, i, j, budget int, left bool) (int, int, bool) {
	if x[i] == '\n' || y[j] == '\n' {
		return 0, 0, false
	}
	var tries [][2]int
	if isDigit(x[i]) || isDigit(y[j]) {
		tries = append(tries, [2]int{numberEnd(x, i), numberEnd(y, j)})
	}
	tries = append(tries, [2]int{i + 1, j + 1}, [2]int{i + 1, j}, [2]int{i, j + 1})
	for _, t := range tries {
		xi, yj := t[0], t[1]
		if xi > len(x) || yj > len(y) {
			continue
		}
		n := 0
		for xi+n < len(x) && yj+n < len(y) && n < extendRun && x[xi+n] == y[yj+n] && x[xi+n] != '\n' && x[xi+n] != utf8.RuneError {
			n++
		}
		if n >= extendRun || lineBound(x, xi+n, left) && lineBound(y, yj+n, left) {
			return xi + n, yj + n, true
		}
		if budget > 1 && n > 0 && xi+n < len(x) && yj+n < len(y) {
			if a, b, ok := step(x, y, xi+n, yj+n, budget-1, left); ok {
				return a, b, true
			}
		}
	}
	return 0, 0, false
}

// numberEnd returns the end of the run of digits and decimal points at rs[i].
func numberEnd(rs []rune, i int) int {
	for i < len(rs) && (isDigit(rs[i]) || rs[i] == '.') {
		i++
	}
	return i
}

// lineBound reports whether rs[k:] starts at a line's end (right) or, for
// reversed text, at a line's start, possibly after a list or heading number.
func lineBound(rs []rune, k int, left bool) bool {
	if k >= len(rs) || rs[k] == '\n' {
		return true
	}
	if !left {
		return false
	}
	e := k
	for e < len(rs) && rs[e] != '\n' && e-k < 8 {
		e++
	}
	if e < len(rs) && rs[e] != '\n' {
		return false
	}
	mr := slices.Clone(rs[k:e])
	slices.Reverse(mr)
	m := string(mr)
	_, _, n, _, _, ok := segment.ParseMarker(m + "内容")
	return ok && n == len(m)
}

// decodeRunes returns the runes of s and their sizes in bytes (an invalid
// byte is one RuneError of size 1), in reverse order when rev.
func decodeRunes(s string, rev bool) ([]rune, []int) {
	rs := make([]rune, 0, len(s)/3+1)
	ns := make([]int, 0, len(s)/3+1)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		rs, ns = append(rs, r), append(ns, n)
		i += n
	}
	if rev {
		slices.Reverse(rs)
		slices.Reverse(ns)
	}
	return rs, ns
}

func sum(ns []int) int {
	t := 0
	for _, n := range ns {
		t += n
	}
	return t
}

// minEdgeLine is the fewest content characters a passage may keep of the
// first or last line it spans when it runs over several lines: a few shared
// words at a paragraph's end or start are coincidence, not copying.
const minEdgeLine = 10

func trimEdgeLines(s string, sp segment.Span) segment.Span {
	for {
		t := s[sp.Start:sp.End]
		i := strings.IndexByte(t, '\n')
		if i < 0 || contentChars(t[:i]) >= minEdgeLine {
			break
		}
		sp.Start += i + 1
		sp = stripMarker(s, sp)
	}
	for {
		t := s[sp.Start:sp.End]
		i := strings.LastIndexByte(t, '\n')
		if i < 0 || contentChars(t[i+1:]) >= minEdgeLine {
			break
		}
		sp.End = sp.Start + i
	}
	return sp
}

// maxTitle is the longest heading title headingMask masks, in characters
// with the number.
const maxTitle = 24

// headingMask appends the spans of heading titles (一、… （二）…。 3.…：) to
// dst: report structure, often prescribed, never counts as copied text.
func headingMask(text string, dst []segment.Span) []segment.Span {
	for off := 0; off < len(text); {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += off
		}
		start := off
		off = end + 1
		for start < end && (text[start] == ' ' || text[start] == '\t' || strings.HasPrefix(text[start:], "\u3000")) {
			if text[start] == ' ' || text[start] == '\t' {
				start++
			} else {
				start += len("\u3000")
			}
		}
		if _, _, n, _, _, ok := segment.ParseMarker(text[start:end]); !ok || n == 0 {
			continue
		}
		// The title runs to the first 。 or ： or the line's end; a longer
		// one is a list item's first sentence, which is content.
		stop, runes := end, 0
		for i, r := range text[start:end] {
			runes++
			if r == '。' || r == '：' || r == ':' {
				stop = start + i + utf8.RuneLen(r)
				break
			}
		}
		if runes <= maxTitle {
			dst = append(dst, segment.Span{Start: start, End: stop})
		}
	}
	return dst
}

// stripMarker drops a heading or list number (一、 （二） 3.) that opens a
// passage at the start of a line: numbering is not content.
func stripMarker(s string, sp segment.Span) segment.Span {
	if sp.Start > 0 && s[sp.Start-1] != '\n' {
		return sp
	}
	if _, _, n, _, _, ok := segment.ParseMarker(s[sp.Start:sp.End]); ok && n > 0 && sp.Start+n <= sp.End {
		sp.Start += n
	}
	return sp
}

// trim drops leading non-content runes, trailing white space and a number
// cut in two at either end (only its matching digits would be shared).
func trim(s string, sp segment.Span) segment.Span {
	if sp.Start > 0 && sp.Start < sp.End && isDigitByte(s[sp.Start-1]) {
		for sp.Start < sp.End && (isDigitByte(s[sp.Start]) || s[sp.Start] == '.') {
			sp.Start++
		}
	}
	if sp.End < len(s) && sp.End > sp.Start && isDigitByte(s[sp.End]) {
		for sp.End > sp.Start && (isDigitByte(s[sp.End-1]) || s[sp.End-1] == '.') {
			sp.End--
		}
	}
	for sp.Start < sp.End {
		r, n := utf8.DecodeRuneInString(s[sp.Start:sp.End])
		if isContent(r) {
			break
		}
		sp.Start += n
	}
	for sp.End > sp.Start {
		r, n := utf8.DecodeLastRuneInString(s[sp.Start:sp.End])
		if !unicode.IsSpace(r) {
			break
		}
		sp.End -= n
	}
	return sp
}

func maskedChars(t *text, sp segment.Span) int {
	n := 0
	i := sort.Search(len(t.mask), func(i int) bool { return t.mask[i].End > sp.Start })
	for ; i < len(t.mask) && t.mask[i].Start < sp.End; i++ {
		s, e := max(t.mask[i].Start, sp.Start), min(t.mask[i].End, sp.End)
		n += contentChars(t.s[s:e])
	}
	return n
}

func unionChars(s string, spans []segment.Span) int {
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	n, end := 0, 0
	for _, sp := range spans {
		st := max(sp.Start, end)
		if sp.End > st {
			n += contentChars(s[st:sp.End])
			end = sp.End
		}
	}
	return n
}

func percent(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return math.Round(float64(n)*1000/float64(of)) / 10
}

// similarity compares the content characters of two passages: 1 minus their
// edit distance over the longer length.
// Very long passages fall back to the share covered by fingerprints.
func similarity(a, b string, matched, chars int) float64 {
	ra, rb := contentRunes(a), contentRunes(b)
	if len(ra) == 0 || len(rb) == 0 {
		return 0
	}
	var sim float64
	if len(ra)*len(rb) > 4_000_000 {
		sim = float64(min(matched, chars)) / float64(max(chars, 1))
	} else {
		d := levenshtein(ra, rb)
		sim = 1 - float64(d)/float64(max(len(ra), len(rb)))
	}
	return math.Round(sim*1000) / 1000
}

func contentRunes(s string) []rune {
	var out []rune
	for _, r := range s {
		if isContent(r) {
			out = append(out, r)
		}
	}
	return out
}

func levenshtein(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// lineOf returns the 1-based line of byte offset off.
func lineOf(s string, off int) int {
	if off < 0 {
		off = 0
	}
	n := 1
	for i := 0; i < off && i < len(s); i++ {
		if s[i] == '\n' {
			n++
		}
	}
	return n
}

// excerpt returns the first n runes of s on one line, with … when cut.
func excerpt(s string, n int) string {
	out := make([]rune, 0, n+1)
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && len(out) > 0 {
			out = append(out, ' ')
		}
		space = false
		if len(out) >= n {
			out = append(out, '…')
			return string(out)
		}
		out = append(out, r)
	}
	return string(out)
}

// isContent reports whether r counts as a character of text: a letter
// (including Han) or a digit.
func isContent(r rune) bool {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF:
		return true
	case r < utf8.RuneSelf:
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	case r >= 0x2000 && r <= 0x206F, r >= 0x3000 && r <= 0x3004, r >= 0x3008 && r <= 0x3020,
		r >= 0xFF00 && r <= 0xFF0F, r >= 0xFF1A && r <= 0xFF20:
		// Punctuation and spaces frequent in Chinese text: “”…— 、。《》 ，：；（）
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= '0' && r <= '9'
	}
	return unicode.IsDigit(r)
}

func contentChars(s string) int {
	n := 0
	for _, r := range s {
		if isContent(r) {
			n++
		}
	}
	return n
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// fnvRune hashes a rune's UTF-8 bytes, ASCII letters lowercased.
func fnvRune(h uint64, r rune) uint64 {
	if r >= 'A' && r <= 'Z' {
		r += 'a' - 'A'
	}
	if r < utf8.RuneSelf {
		return (h ^ uint64(r)) * fnvPrime
	}
	var b [4]byte
	n := utf8.EncodeRune(b[:], r)
	for _, c := range b[:n] {
		h = (h ^ uint64(c)) * fnvPrime
	}
	return h
}

func fnvString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

// mix is the splitmix64 finaliser: FNV's low bits are weak for minima.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}
