package similar

import (
	"cmp"
	"math/bits"
	"slices"
	"sort"

	"github.com/reportlint/reportlint/segment"
)

// analysis is what the fingerprints alone tell about a batch: rings of
// copies and template fingerprints (candidate pairs go to analyze's emit).
type analysis struct {
	template map[uint64]int // template fingerprint → unrelated groups holding it
	ringOf   []int          // document → ring index, or -1
	rings    []ringStats
	sets     [][]uint64 // distinct hashes per document, sorted
	stock    []Template // stock sentences (Options.IsStock)
	common   []Template // template passages, excerpts filled later
	work     int64
}

type ringStats struct {
	members  []int
	overlaps []float64 // whole-text overlaps of the pairs measured
}

func pairKey(a, b int) uint64 { return uint64(a)<<32 | uint64(b) }

// analyze finds candidate pairs through shared fingerprints. A fingerprint
// in more than PostingCap documents only links neighbours in its posting
// list, so the work is linear in the number of fingerprints (times
// PostingCap). Pairs with many shared fingerprints get their whole-text
// overlap measured; those above RingOverlap form rings. Then fingerprints
// common to MinUnrelated unrelated groups (rings count once) and short
// relative to the reports become template. Each candidate pair is passed
// to emit once the template is known, in pair order, and not kept; with
// skipRing, pairs inside one ring are neither chained nor emitted.
func (ix *Index) analyze(skipRing bool, emit func(an *analysis, cp candPair)) *analysis {
	ps := ix.prints
	an := &analysis{template: map[uint64]int{}, ringOf: make([]int, len(ps))}
	total := 0
	for d, p := range ps {
		an.ringOf[d] = -1
		if p != nil {
			total += len(p.fps)
		}
	}
	posts := sortedPostings(ps, total)
	an.work += int64(len(posts))
	// The distinct hashes of each document, sorted, fall out of the
	// sorted postings (one backing array, a slice per document).
	sets := make([][]uint64, len(ps))
	all := make([]uint64, total)
	off := 0
	for d, p := range ps {
		if p != nil {
			sets[d] = all[off : off : off+len(p.fps)]
			off += len(p.fps)
		}
	}
	for _, pt := range posts {
		if s := sets[pt.doc]; len(s) == 0 || s[len(s)-1] != pt.hash {
			sets[pt.doc] = append(s, pt.hash)
		}
	}
	an.sets = sets
	// The matches of a pair are counted here and only listed once rings
	// are known: pairs inside a ring hold most of the matches of a batch of
	// copies, and Compare needs only their whole-text overlap.
	hits := newPairCounts()
	var nMatches int64
	var commons [][2]int32 // posting ranges of fingerprints in >= MinUnrelated documents
	var plain [][2]int32   // posting ranges matched pair by pair
	for i := 0; i < len(posts); {
		j := i + 1
		docs := 1
		for ; j < len(posts) && posts[j].hash == posts[i].hash; j++ {
			if posts[j].doc != posts[j-1].doc {
				docs++
			}
		}
		g := posts[i:j]
		if docs >= ix.opt.MinUnrelated {
			commons = append(commons, [2]int32{int32(i), int32(j)})
		}
		r := [2]int32{int32(i), int32(j)}
		i = j
		if docs < 2 {
			continue
		}
		// Fingerprints in MinUnrelated or more documents may be template:
		// for now they only link neighbours (enough to find rings); their
		// pairs are matched once they are known not to be template.
		if docs >= ix.opt.MinUnrelated || docs > ix.opt.PostingCap {
			for x := 1; x < len(g); x++ {
				if g[x].doc != g[x-1].doc {
					hits.add(pairKey(int(g[x-1].doc), int(g[x].doc)))
				}
			}
			an.work += int64(len(g))
			continue
		}
		plain = append(plain, r)
		nMatches += countPairs(g, hits)
	}
	an.work += nMatches
	hitsOf := hits.sums()
	hits = nil
	keys := make([]uint64, 0, len(hitsOf))
	for k := range hitsOf {
		keys = append(keys, k)
	}
	slices.Sort(keys)

	// Whole-text overlap of pairs with enough shared fingerprints.
	overlap := map[uint64]float64{}
	uf := newUnionFind(len(ps))
	for _, key := range keys {
		a, b := int(key>>32), int(uint32(key))
		n := min(len(sets[a]), len(sets[b]))
		if n == 0 || float64(hitsOf[key])*2 < ix.opt.RingOverlap*float64(n) {
			continue
		}
		ov := an.overlap(sets[a], sets[b])
		overlap[key] = ov
		if ov >= ix.opt.RingOverlap {
			uf.union(a, b)
		}
	}
	hitsOf, keys = nil, nil
	an.findRings(uf, sets, overlap)

	// Template: common fingerprints held by MinUnrelated unrelated groups.
	var groups []int
	for _, r := range commons {
		groups = groups[:0]
		for _, pt := range posts[r[0]:r[1]] {
			g := int(pt.doc)
			if ri := an.ringOf[g]; ri >= 0 {
				g = len(ps) + ri
			}
			groups = append(groups, g)
		}
		an.work += int64(len(groups))
		slices.Sort(groups)
		if n := len(slices.Compact(groups)); n >= ix.opt.MinUnrelated {
			an.template[posts[r[0]].hash] = n
		}
	}
	ix.shortTemplate(an)
	inRing := func(key uint64) bool {
		ra := an.ringOf[int(key>>32)]
		return ra >= 0 && ra == an.ringOf[int(uint32(key))]
	}
	keep := func(key uint64) bool { return !skipRing || !inRing(key) }
	var matches []match
	for _, r := range plain {
		matches = allPairs(matches, posts[r[0]:r[1]], keep)
	}
	plain = nil
	sortMatches(matches)
	// Common fingerprints that are not template (held by a ring, or too
	// long) are matched now, within PostingCap.
	n0, extra := len(matches), int64(0)
	for _, r := range commons {
		g := posts[r[0]:r[1]]
		if _, t := an.template[g[0].hash]; t || r[1]-r[0] > int32(ix.opt.PostingCap)*maxRepeats {
			continue
		}
		docs := distinctDocs(g)
		if docs > ix.opt.PostingCap {
			continue
		}
		if docs == len(g) {
			extra += int64(docs * (docs - 1) / 2) // countPairs, one posting per document
		} else {
			extra += countPairs(g, nil)
		}
		if !skipRing || !oneRing(g, an.ringOf) {
			matches = allPairs(matches, g, keep)
		}
	}
	posts = nil
	an.work += extra
	if len(matches) > n0 {
		sortMatches(matches)
	}

	for i := 0; i < len(matches); {
		j := i + 1
		for j < len(matches) && matches[j].pair == matches[i].pair {
			j++
		}
		a, b := int(matches[i].pair>>32), int(uint32(matches[i].pair))
		ms := matches[i:j]
		i = j
		kept := ms[:0]
		for _, m := range ms {
			if _, t := an.template[ps[a].fps[m.ia].hash]; !t {
				kept = append(kept, m)
			}
		}
		if cs := ix.chain(ps[a], ps[b], kept, an.template); len(cs) > 0 {
			emit(an, candPair{a: a, b: b, cands: cs})
		}
	}
	return an
}

// allPairs appends the matches between the documents of one posting list
// (at most maxRepeats occurrences per document) whose pair keep accepts.
func allPairs(matches []match, g []posting, keep func(pair uint64) bool) []match {
	for x := 0; x < len(g); x++ {
		if x >= maxRepeats && g[x-maxRepeats].doc == g[x].doc {
			continue
		}
		for y := x + 1; y < len(g); y++ {
			if g[y].doc == g[x].doc || (y >= maxRepeats && g[y-maxRepeats].doc == g[y].doc) {
				continue
			}
			if k := pairKey(int(g[x].doc), int(g[y].doc)); keep(k) {
				matches = append(matches, match{k, g[x].idx, g[y].idx})
			}
		}
	}
	return matches
}

// oneRing reports whether all documents of g are in one ring (so that
// allPairs with skipRing lists nothing).
func oneRing(g []posting, ringOf []int) bool {
	r := ringOf[g[0].doc]
	if r < 0 {
		return false
	}
	for _, pt := range g[1:] {
		if ringOf[pt.doc] != r {
			return false
		}
	}
	return true
}

// pairCounts adds up hits per pair of documents: a small direct-mapped
// cache in front of a map, as hits mostly repeat pairs just seen (a ring's
// neighbours, fingerprint after fingerprint).
type pairCounts struct {
	m     map[uint64]int
	slots [1 << 10]struct {
		key uint64
		n   int
	}
}

func newPairCounts() *pairCounts { return &pairCounts{m: map[uint64]int{}} }

func (c *pairCounts) add(key uint64) {
	s := &c.slots[(key*0x9E3779B97F4A7C15)>>54]
	if s.n > 0 && s.key == key {
		s.n++
		return
	}
	if s.n > 0 {
		c.m[s.key] += s.n
	}
	s.key, s.n = key, 1
}

// sums returns the hits per pair.
func (c *pairCounts) sums() map[uint64]int {
	for i := range c.slots {
		if s := &c.slots[i]; s.n > 0 {
			c.m[s.key] += s.n
			s.n = 0
		}
	}
	return c.m
}

// countPairs returns how many matches allPairs would list for g and, when
// hits is not nil, adds to each pair its distinct fingerprints of A (a
// fingerprint index lies in one posting list only).
func countPairs(g []posting, hits *pairCounts) int64 {
	n := int64(0)
	for x := 0; x < len(g); x++ {
		if x >= maxRepeats && g[x-maxRepeats].doc == g[x].doc {
			continue
		}
		last := -1
		for y := x + 1; y < len(g); y++ {
			if g[y].doc == g[x].doc || (y >= maxRepeats && g[y-maxRepeats].doc == g[y].doc) {
				continue
			}
			n++
			if d := int(g[y].doc); hits != nil && d != last {
				hits.add(pairKey(int(g[x].doc), d))
				last = d
			}
		}
	}
	return n
}

func distinctDocs(g []posting) int {
	n := 0
	for i := range g {
		if i == 0 || g[i].doc != g[i-1].doc {
			n++
		}
	}
	return n
}

func sortMatches(matches []match) {
	slices.SortFunc(matches, func(a, b match) int {
		switch {
		case a.pair != b.pair:
			if a.pair < b.pair {
				return -1
			}
			return 1
		case a.ia != b.ia:
			return int(a.ia) - int(b.ia)
		}
		return int(a.ib) - int(b.ib)
	})
}

// overlap returns the share of the smaller set found in the other.
func (an *analysis) overlap(a, b []uint64) float64 {
	an.work += int64(len(a) + len(b))
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n, i, j = n+1, i+1, j+1
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	m := min(len(a), len(b))
	if m == 0 {
		return 0
	}
	return float64(n) / float64(m)
}

// maxFullRing is the largest ring whose every pair is measured; larger
// rings report the pairs that linked them.
const maxFullRing = 64

// findRings turns the union-find components into rings, with the overlaps
// of their pairs.
func (an *analysis) findRings(uf *unionFind, sets [][]uint64, overlap map[uint64]float64) {
	byRoot := map[int][]int{}
	for d := range an.ringOf {
		if sets[d] == nil {
			continue
		}
		r := uf.find(d)
		byRoot[r] = append(byRoot[r], d)
	}
	for _, ms := range byRoot {
		if len(ms) < 2 {
			continue
		}
		an.rings = append(an.rings, ringStats{members: ms})
	}
	slices.SortFunc(an.rings, func(a, b ringStats) int { return a.members[0] - b.members[0] })
	for ri := range an.rings {
		r := &an.rings[ri]
		for _, d := range r.members {
			an.ringOf[d] = ri
		}
		for x, a := range r.members {
			for _, b := range r.members[x+1:] {
				ov, ok := overlap[pairKey(a, b)]
				if !ok && len(r.members) <= maxFullRing {
					ov, ok = an.overlap(sets[a], sets[b]), true
				}
				if ok {
					r.overlaps = append(r.overlaps, ov)
				}
			}
		}
		slices.Sort(r.overlaps)
	}
}

// shortTemplate keeps template text short: in every document, a run of
// template fingerprints longer than MaxTemplateShare of the document is
// shared content, not template. It also collects the template passages
// (a run is known by its most widely held fingerprint) for the listing.
func (ix *Index) shortTemplate(an *analysis) {
	long := map[uint64]bool{}
	runs := func(p *Print, f func(lo, hi int)) {
		for i := 0; i < len(p.fps); {
			if _, t := an.template[p.fps[i].hash]; !t {
				i++
				continue
			}
			j, end := i+1, p.fps[i].c1
			for j < len(p.fps) && p.fps[j].c0 <= end {
				if _, t := an.template[p.fps[j].hash]; !t {
					break
				}
				end = max(end, p.fps[j].c1)
				j++
			}
			f(i, j)
			i = j
		}
	}
	for _, p := range ix.prints {
		if p == nil {
			continue
		}
		runs(p, func(lo, hi int) {
			c := p.fps[lo:hi]
			if float64(c[len(c)-1].c1-c[0].c0) > ix.opt.MaxTemplateShare*float64(p.chars) {
				for _, f := range c {
					long[f.hash] = true
				}
			}
		})
	}
	for h := range long {
		delete(an.template, h)
	}
	type entry struct {
		t     Template
		chars int
	}
	seen := map[uint64]*entry{}
	var order []uint64
	for d, p := range ix.prints {
		if p == nil {
			continue
		}
		runs(p, func(lo, hi int) {
			c := p.fps[lo:hi]
			key, groups := c[0].hash, 0
			for _, f := range c {
				if g := an.template[f.hash]; g > groups || g == groups && f.hash < key {
					key, groups = f.hash, g
				}
			}
			e := seen[key]
			if e == nil {
				sp := segment.Span{Start: int(c[0].start), End: int(c[len(c)-1].end)}
				e = &entry{t: Template{Reason: ReasonCommon, Example: d, Lines: [2]int{p.lineAt(sp.Start), p.lineAt(sp.End - 1)},
					Excerpt: p.excerptFor(sp)}}
				seen[key] = e
				order = append(order, key)
			}
			e.t.Reports++
			e.t.Unrelated = max(e.t.Unrelated, groups)
			e.t.Chars = max(e.t.Chars, int(c[len(c)-1].c1-c[0].c0))
		})
	}
	for _, k := range order {
		if e := seen[k]; e.t.Reports >= ix.opt.MinUnrelated {
			an.common = append(an.common, e.t)
		}
	}
	// Stock sentences, by text.
	stock := map[uint64]*Template{}
	var sorder []uint64
	for d, p := range ix.prints {
		if p == nil {
			continue
		}
		for _, s := range p.stock {
			t := stock[s.hash]
			if t == nil {
				t = &Template{Reason: ReasonStock, Example: d, Chars: s.chars, Excerpt: s.excerpt}
				stock[s.hash] = t
				sorder = append(sorder, s.hash)
			}
			if t.Example == d && t.Reports > 0 {
				continue // once per document
			}
			t.Reports++
			t.Example = d
		}
	}
	for _, h := range sorder {
		an.stock = append(an.stock, *stock[h])
	}
}

type unionFind struct{ parent []int }

func newUnionFind(n int) *unionFind {
	u := &unionFind{parent: make([]int, n)}
	for i := range u.parent {
		u.parent[i] = i
	}
	return u
}

func (u *unionFind) find(x int) int {
	for u.parent[x] != x {
		u.parent[x] = u.parent[u.parent[x]]
		x = u.parent[x]
	}
	return x
}

func (u *unionFind) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return
	}
	if ra > rb {
		ra, rb = rb, ra
	}
	u.parent[rb] = ra
}

// sortedPostings returns the postings of the prints sorted by hash and,
// within a hash, in (doc, idx) order. A stable scatter by the top bits of
// the hash into one buffer makes buckets of a few dozen postings on
// random hashes, each then sorted stably in cache (no second buffer as
// large as the input, whose pages cost more than the sorting).
func sortedPostings(ps []*Print, total int) []posting {
	top := min(16, max(1, bits.Len(uint(total))-4))
	start := make([]int32, 1<<top+1)
	for _, p := range ps {
		if p != nil {
			for _, f := range p.fps {
				start[f.hash>>(64-top)+1]++
			}
		}
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	next := slices.Clone(start[:1<<top])
	out := make([]posting, total)
	for d, p := range ps {
		if p == nil {
			continue
		}
		for i, f := range p.fps {
			k := f.hash >> (64 - top)
			out[next[k]] = posting{f.hash, uint32(d), uint32(i)}
			next[k]++
		}
	}
	for k := 0; k < 1<<top; k++ {
		b := out[start[k]:start[k+1]]
		if len(b) <= 48 {
			for i := 1; i < len(b); i++ { // insertion sort: stable
				for j := i; j > 0 && b[j].hash < b[j-1].hash; j-- {
					b[j], b[j-1] = b[j-1], b[j]
				}
			}
		} else {
			slices.SortStableFunc(b, func(x, y posting) int { return cmp.Compare(x.hash, y.hash) })
		}
	}
	return out
}

// chain links matches that follow each other in both documents into
// candidate passages.
func (ix *Index) chain(pa, pb *Print, ms []match, template map[uint64]int) []cand {
	type chainT struct {
		members []match
		open    bool
	}
	var chains []*chainT
	for _, m := range ms {
		fa, fb := pa.fps[m.ia], pb.fps[m.ib]
		var best *chainT
		bestSkew := chainSkew + 1
		for _, c := range chains {
			if !c.open {
				continue
			}
			l := c.members[len(c.members)-1]
			la, lb := pa.fps[l.ia], pb.fps[l.ib]
			da, db := int(fa.c0)-int(la.c0), int(fb.c0)-int(lb.c0)
			if da > chainGap {
				c.open = false // matches come in A's order: it cannot grow
				continue
			}
			if da <= 0 || db <= 0 || db > chainGap {
				continue
			}
			if skew := abs(da - db); skew < bestSkew {
				best, bestSkew = c, skew
			}
		}
		if best == nil {
			best = &chainT{open: true}
			chains = append(chains, best)
		}
		best.members = append(best.members, m)
	}
	var out []cand
	for _, c := range chains {
		if len(c.members) < 2 {
			continue
		}
		var cd cand
		own, endU := 0, -1
		for _, m := range c.members {
			fa, fb := pa.fps[m.ia], pb.fps[m.ib]
			cd.parts = append(cd.parts, part{segment.Span{Start: int(fa.start), End: int(fa.end)}, segment.Span{Start: int(fb.start), End: int(fb.end)},
				int(fa.tok), int(fb.tok), int(m.ia), int(m.ib)})
			own += int(fa.u1) - max(int(fa.u0), endU) // union, members in A order
			endU = max(endU, int(fa.u1))
		}
		// Fingerprints miss up to Window-1 tokens at each end of a shared
		// run; refine finds them, so be lenient here.
		if own*2 < ix.opt.MinChars {
			continue
		}
		out = append(out, cd)
	}
	return out
}

// promising reports whether a candidate passage, grown over the tokens the
// two documents share around it, can reach MinChars characters outside
// stock phrases, headings and template text. It reads no text, and errs on
// the side of yes (refine decides on the texts): tokens skip punctuation, and
// slack allows for parts of tokens at the ends.
func (ix *Index) promising(pa, pb *Print, cd cand, template map[uint64]int) bool {
	const slack = 4
	if len(pa.th) == 0 || len(pb.th) == 0 {
		return true // rebuilt from a Signature: no token hashes
	}
	k := ix.opt.Shingle
	ia0, ib0, ia1, ib1 := cd.parts[0].ta, cd.parts[0].tb, 0, 0
	for _, pt := range cd.parts {
		ia1, ib1 = max(ia1, pt.ta+k), max(ib1, pt.tb+k)
	}
	for ia0 > 0 && ib0 > 0 && pa.th[ia0-1] == pb.th[ib0-1] {
		ia0, ib0 = ia0-1, ib0-1
	}
	for ia1 < len(pa.th) && ib1 < len(pb.th) && pa.th[ia1] == pb.th[ib1] {
		ia1, ib1 = ia1+1, ib1+1
	}
	u := func(p *Print, i int) int {
		if i == 0 {
			return 0
		}
		return int(p.tu[i-1])
	}
	return ownBetween(pa, u(pa, ia0), u(pa, ia1), template)+slack >= ix.opt.MinChars
}

// ownBetween returns the characters of p outside stock phrases, headings
// and template fingerprints between the u counts lo and hi: hi-lo minus
// the union of template fingerprints inside [lo, hi).
func ownBetween(p *Print, lo, hi int, template map[uint64]int) int {
	own, end := hi-lo, lo
	i := sort.Search(len(p.fps), func(i int) bool { return int(p.fps[i].u1) > lo })
	for ; i < len(p.fps) && int(p.fps[i].u0) < hi; i++ {
		f := p.fps[i]
		if _, t := template[f.hash]; !t {
			continue
		}
		s, e := max(int(f.u0), end), min(int(f.u1), hi)
		if e > s {
			own -= e - s
			end = e
		}
	}
	return own
}
