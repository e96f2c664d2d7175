package similar

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"unicode/utf8"

	"github.com/reportlint/reportlint/segment"
)

// Comparison is the result of comparing a batch from fingerprints alone:
// rings of copies, pairs outside rings, and the text treated as template.
// It is a pure function of the Prints (or Signatures) and the Options.
type Comparison struct {
	Rings []Ring `json:"rings"`
	// Pairs whose documents are not in one ring; between a ring and a
	// report outside it, only the pair with the largest share.
	Pairs    []Pair     `json:"pairs"`
	Template []Template `json:"template"` // what was not counted as copying, and why
	Work     int64      `json:"-"`        // see Index.Work
}

// Ring is a group of reports that share most of their text: every member
// is linked to another by a whole-text overlap of at least
// Options.RingOverlap.
type Ring struct {
	Members []int `json:"members"` // document ids, ascending
	// Whole-text overlaps (percent of the smaller report's fingerprints
	// found in the other) over the pairs measured: every pair for rings of
	// up to 64 members, else the pairs that linked the ring.
	MinOverlap    float64         `json:"min_overlap"`
	MedianOverlap float64         `json:"median_overlap"`
	PairsMeasured int             `json:"pairs_measured"`
	Shared        []SharedPassage `json:"shared"` // the longest passages most members hold, in the first member
}

// SharedPassage is a passage of one document.
type SharedPassage struct {
	Doc     int          `json:"doc"`
	Span    segment.Span `json:"span"`
	Lines   [2]int       `json:"lines"`
	Chars   int          `json:"chars"`
	Excerpt string       `json:"excerpt"`
}

// Reasons for template text.
const (
	ReasonStock  = "stock"  // a sentence Options.IsStock accepted
	ReasonCommon = "common" // in MinUnrelated or more unrelated reports
)

// Template is text not counted as copying.
type Template struct {
	Reason    string `json:"reason"`
	Reports   int    `json:"reports"`             // documents holding it
	Unrelated int    `json:"unrelated,omitempty"` // unrelated groups holding it (rings count once)
	Chars     int    `json:"chars"`
	Example   int    `json:"example"` // a document holding it
	Lines     [2]int `json:"lines"`   // its lines there (0 for stock sentences)
	Excerpt   string `json:"excerpt"`
}

// maxTemplateList bounds Comparison.Template.
const maxTemplateList = 50

// maxRingShared is the number of shared passages listed per ring.
const maxRingShared = 3

// Compare compares the batch from the fingerprints alone. Passages are cut
// at fingerprint edges (a few characters inside the exact ones), their
// Similarity is the share of fingerprints matched and Identical means
// every fingerprint of both sides matched with equal lengths (Estimated
// is set); excerpts come from the Prints.
func (ix *Index) Compare() *Comparison {
	c := &Comparison{}
	// Pairs are estimated as they come, so their candidate passages are
	// never all held at once; pairs inside a ring are summed up by the ring.
	an := ix.analyze(true, func(an *analysis, cp candPair) {
		if p, ok := ix.estimate(cp, an.template); ok {
			c.Pairs = append(c.Pairs, p)
		}
	})
	for _, r := range an.rings {
		c.Rings = append(c.Rings, ix.ring(r, an))
	}
	an.sets = nil
	sortPairs(c.Pairs)
	// A ring shares with an outsider what each member shares with it: one
	// pair per ring and outsider, the one with the largest share.
	seen := map[[2]int]bool{}
	kept := c.Pairs[:0]
	for _, p := range c.Pairs {
		k, ok := [2]int{}, false
		switch ra, rb := an.ringOf[p.A], an.ringOf[p.B]; {
		case ra >= 0 && rb < 0:
			k, ok = [2]int{ra, p.B}, true
		case rb >= 0 && ra < 0:
			k, ok = [2]int{rb, p.A}, true
		}
		if ok && seen[k] {
			continue
		}
		seen[k] = ok
		kept = append(kept, p)
	}
	c.Pairs = kept
	c.Template = append(c.Template, an.common...)
	c.Template = append(c.Template, an.stock...)
	sort.SliceStable(c.Template, func(i, j int) bool { return c.Template[i].Reports > c.Template[j].Reports })
	if len(c.Template) > maxTemplateList {
		c.Template = c.Template[:maxTemplateList]
	}
	c.Work = an.work
	ix.work.Store(an.work)
	return c
}

func sortPairs(out []Pair) {
	sort.SliceStable(out, func(i, j int) bool {
		mi, mj := math.Max(out[i].ShareA, out[i].ShareB), math.Max(out[j].ShareA, out[j].ShareB)
		if mi != mj {
			return mi > mj
		}
		if out[i].A != out[j].A {
			return out[i].A < out[j].A
		}
		return out[i].B < out[j].B
	})
}

func (ix *Index) ring(r ringStats, an *analysis) Ring {
	out := Ring{Members: r.members, PairsMeasured: len(r.overlaps)}
	if n := len(r.overlaps); n > 0 {
		out.MinOverlap = round1(r.overlaps[0] * 100)
		out.MedianOverlap = round1(r.overlaps[n/2] * 100)
		if n%2 == 0 {
			out.MedianOverlap = round1((r.overlaps[n/2-1] + r.overlaps[n/2]) * 50)
		}
	}
	// Fingerprints of the first member held by at least 80% of the members.
	need := (len(r.members)*8 + 9) / 10
	d0 := r.members[0]
	p := ix.prints[d0]
	s0, held := an.held(r.members)
	for _, d := range r.members {
		an.work += int64(len(ix.prints[d].fps))
	}
	count := func(h uint64) int {
		i, _ := slices.BinarySearch(s0, h)
		return int(held[i]) // h is one of d0's hashes
	}
	var shared []SharedPassage
	for i := 0; i < len(p.fps); {
		if _, t := an.template[p.fps[i].hash]; t || count(p.fps[i].hash) < need {
			i++
			continue
		}
		j, end := i+1, p.fps[i]
		for j < len(p.fps) && p.fps[j].c0 <= end.c1 {
			if _, t := an.template[p.fps[j].hash]; t || count(p.fps[j].hash) < need {
				break
			}
			if p.fps[j].end > end.end {
				end = p.fps[j]
			}
			j++
		}
		if j-i >= 2 {
			sp := segment.Span{Start: int(p.fps[i].start), End: int(end.end)}
			shared = append(shared, SharedPassage{Doc: d0, Span: sp, Lines: [2]int{p.lineAt(sp.Start), p.lineAt(sp.End - 1)},
				Chars: int(end.c1 - p.fps[i].c0), Excerpt: p.excerptFor(sp)})
		}
		i = j
	}
	sort.SliceStable(shared, func(i, j int) bool { return shared[i].Chars > shared[j].Chars })
	if len(shared) > maxRingShared {
		shared = shared[:maxRingShared]
	}
	sort.Slice(shared, func(i, j int) bool { return shared[i].Span.Start < shared[j].Span.Start })
	out.Shared = shared
	return out
}

// held returns the distinct hashes of the first member, sorted, and for
// each the number of members holding it (merging sorted sets: linear in
// the members' fingerprints).
func (an *analysis) held(members []int) ([]uint64, []int32) {
	s0 := an.sets[members[0]]
	held := make([]int32, len(s0))
	for _, d := range members {
		s := an.sets[d]
		for i, j := 0, 0; i < len(s0) && j < len(s); {
			switch {
			case s0[i] == s[j]:
				held[i]++
				i, j = i+1, j+1
			case s0[i] < s[j]:
				i++
			default:
				j++
			}
		}
	}
	return s0, held
}

// estimate turns a candidate pair into a Pair without texts. Like refine,
// it splits candidates where the gap between matched fingerprints is longer
// than an edit, and asks each passage for MinChars in its matched
// fingerprints and MinOwnShare over the whole passage: the characters
// outside stock phrases and template between its first and last
// fingerprint, over all its characters. (Matched characters over all
// characters would measure how edited the passage is, not how much of it is
// stock, and drop edited copies that Pairs keeps.)
func (ix *Index) estimate(cp candPair, template map[uint64]int) (Pair, bool) {
	pa, pb := ix.prints[cp.a], ix.prints[cp.b]
	var ps []Passage
	// An edit of up to Shingle tokens leaves at most that many tokens plus
	// Window-1 skipped shingles on each side between two matched
	// fingerprints; a longer gap is different text (refine splits there).
	k := ix.opt.Shingle
	maxGap := k + 2*(ix.opt.Window-1)
	for _, cd := range cp.cands {
		start := 0
		for i := 1; i <= len(cd.parts); i++ {
			if i < len(cd.parts) && max(cd.parts[i].ta-cd.parts[i-1].ta, cd.parts[i].tb-cd.parts[i-1].tb)-k <= maxGap {
				continue
			}
			run := cd.parts[start:i]
			start = i
			if p, ok := ix.estimatePassage(pa, pb, run, template); ok {
				ps = append(ps, p)
			}
		}
	}
	if len(ps) == 0 {
		return Pair{}, false
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].A.Start < ps[j].A.Start })
	out := Pair{A: cp.a, B: cp.b, Passages: ps}
	out.ShareA = percent(unionC(ps, func(p Passage) [2]uint32 { return p.ca }), pa.chars)
	out.ShareB = percent(unionC(ps, func(p Passage) [2]uint32 { return p.cb }), pb.chars)
	return out, true
}

// estimatePassage estimates the passage of a run of matched fingerprints.
func (ix *Index) estimatePassage(pa, pb *Print, run []part, template map[uint64]int) (Passage, bool) {
	if len(run) < 2 {
		return Passage{}, false
	}
	first := run[0]
	p := Passage{A: first.a, B: first.b, Estimated: true}
	c0a, c1a := pa.fps[first.fa].c0, pa.fps[first.fa].c1
	c0b, c1b := pb.fps[first.fb].c0, pb.fps[first.fb].c1
	matched, endU := 0, -1
	for _, pt := range run {
		fa, fb := pa.fps[pt.fa], pb.fps[pt.fb]
		p.A.End, p.B.End = max(p.A.End, pt.a.End), max(p.B.End, pt.b.End)
		p.B.Start = min(p.B.Start, pt.b.Start)
		c1a, c0b, c1b = max(c1a, fa.c1), min(c0b, fb.c0), max(c1b, fb.c1)
		matched += int(fa.u1) - max(int(fa.u0), endU)
		endU = max(endU, int(fa.u1))
	}
	own := ownBetween(pa, int(pa.fps[first.fa].u0), endU, template)
	p.CharsA, p.CharsB, p.Own = int(c1a-c0a), int(c1b-c0b), own
	p.ca, p.cb = [2]uint32{c0a, c1a}, [2]uint32{c0b, c1b}
	if matched < ix.opt.MinChars || own < ix.opt.MinChars || float64(own) < ix.opt.MinOwnShare*float64(p.CharsA) {
		return Passage{}, false
	}
	na, nb := pa.fpsIn(p.A), pb.fpsIn(p.B)
	p.Similarity = math.Round(float64(len(run))/float64(max(na, nb, 1))*1000) / 1000
	p.Identical = len(run) == na && na == nb && p.CharsA == p.CharsB
	p.LinesA = [2]int{pa.lineAt(p.A.Start), pa.lineAt(p.A.End - 1)}
	p.LinesB = [2]int{pb.lineAt(p.B.Start), pb.lineAt(p.B.End - 1)}
	p.Excerpt = pa.excerptFor(p.A)
	if eb := pb.excerptFor(p.B); eb != p.Excerpt {
		p.ExcerptB = eb
	}
	return p, true
}

// unionC returns the length of the union of intervals of content
// characters.
func unionC(ps []Passage, get func(Passage) [2]uint32) int {
	iv := make([][2]uint32, len(ps))
	for i, p := range ps {
		iv[i] = get(p)
	}
	slices.SortFunc(iv, func(a, b [2]uint32) int { return int(a[0]) - int(b[0]) })
	n, end := 0, uint32(0)
	for _, v := range iv {
		s := max(v[0], end)
		if v[1] > s {
			n += int(v[1] - s)
			end = v[1]
		}
	}
	return n
}

// fpsIn counts the fingerprints that lie inside span.
func (p *Print) fpsIn(sp segment.Span) int {
	i := sort.Search(len(p.fps), func(i int) bool { return int(p.fps[i].start) >= sp.Start })
	n := 0
	for ; i < len(p.fps) && int(p.fps[i].start) < sp.End; i++ {
		if int(p.fps[i].end) <= sp.End {
			n++
		}
	}
	return n
}

// lineAt returns the 1-based line of byte offset off.
func (p *Print) lineAt(off int) int {
	return 1 + sort.Search(len(p.lines), func(i int) bool { return int(p.lines[i]) > off })
}

// excerptFor returns the start of span sp, from the excerpt of the
// sentence it starts in, or else … and the first sentence starting inside
// it; "" when neither is known. Like excerpt, it ends with … when cut.
func (p *Print) excerptFor(sp segment.Span) string {
	const minRunes = 6
	i := sort.Search(len(p.excerpts), func(i int) bool { return int(p.excerpts[i].off) > sp.Start })
	if i > 0 {
		e := p.excerpts[i-1]
		if d := sp.Start - int(e.off); d < len(e.text) && utf8.RuneStart(e.text[d]) {
			if s := e.text[d:]; utf8.RuneCountInString(s) >= minRunes || i >= len(p.excerpts) || int(p.excerpts[i].off) >= sp.End {
				return show(s, sp.End-sp.Start)
			}
		}
	}
	if i < len(p.excerpts) && int(p.excerpts[i].off) < sp.End {
		e := p.excerpts[i]
		return "…" + show(e.text, sp.End-int(e.off))
	}
	return ""
}

// show cuts s to n bytes (on a rune boundary), puts its white space on one
// line and adds … when it stops before the passage's end.
func show(s string, n int) string {
	cut := false
	if n < len(s) {
		for n > 0 && !utf8.RuneStart(s[n]) {
			n--
		}
		s = s[:max(n, 0)]
	} else if n > len(s) {
		cut = true
	}
	out := excerpt(s, utf8.RuneCountInString(s)+1)
	if cut {
		out += "…"
	}
	return out
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }

// Summary says in Chinese what a ring is, for a table or a finding.
func (r Ring) Summary() string {
	return fmt.Sprintf("这 %d 份报告彼此大部分内容相同（两两全文重合至少 %.1f%%，中位数 %.1f%%），疑似相互抄袭或套用同一底稿，请核实。",
		len(r.Members), r.MinOverlap, r.MedianOverlap)
}

// Why says in Chinese why a passage was treated as template.
func (t Template) Why() string {
	if t.Reason == ReasonStock {
		return fmt.Sprintf("固定表述（出现在 %d 份报告中），不计为抄袭", t.Reports)
	}
	return fmt.Sprintf("出现在 %d 份互不相关的报告中，按通用模板文字处理，不计为抄袭", t.Unrelated)
}
