package similar

import (
	"slices"
	"sort"

	"github.com/reportlint/reportlint/segment"
)

// template fingerprints (found in many documents).
func (ix *Index) candidates() ([]candPair, map[uint64]bool) {
	ps := ix.prints
	ndocs := 0
	total := 0
	for _, p := range ps {
		if p != nil {
			ndocs++
			total += len(p.fps)
		}
	}
	posts := make([]posting, 0, total)
	for d, p := range ps {
		if p == nil {
			continue
		}
		for i, f := range p.fps {
			posts = append(posts, posting{f.hash, uint32(d), uint32(i)})
		}
	}
	// Postings are appended in (doc, idx) order; a stable sort by hash
	// keeps that order within each hash.
	posts = radixSort(posts)
	limit := ix.opt.MaxDocShare * float64(ndocs)
	template := map[uint64]bool{}
	var matches []match
	for i := 0; i < len(posts); {
		j := i + 1
		docs := 1
		for ; j < len(posts) && posts[j].hash == posts[i].hash; j++ {
			if posts[j].doc != posts[j-1].doc {
				docs++
			}
		}
		g := posts[i:j]
		i = j
		if docs < 2 {
			continue
		}
		if docs >= ix.opt.MinCommonDocs && float64(docs) > limit {
			template[g[0].hash] = true
			continue
		}
		for x := 0; x < len(g); x++ {
			if x >= maxRepeats && g[x-maxRepeats].doc == g[x].doc {
				continue
			}
			for y := x + 1; y < len(g); y++ {
				if g[y].doc == g[x].doc || (y >= maxRepeats && g[y-maxRepeats].doc == g[y].doc) {
					continue
				}
				matches = append(matches, match{uint64(g[x].doc)<<32 | uint64(g[y].doc), g[x].idx, g[y].idx})
			}
		}
	}
	posts = nil
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
	var out []candPair
	for i := 0; i < len(matches); {
		j := i + 1
		for j < len(matches) && matches[j].pair == matches[i].pair {
			j++
		}
		a, b := int(matches[i].pair>>32), int(uint32(matches[i].pair))
		if cs := ix.chain(ps[a], ps[b], matches[i:j], template); len(cs) > 0 {
			out = append(out, candPair{a: a, b: b, cands: cs})
		}
		i = j
	}
	return out, template
}

// radixSort sorts postings by hash, stably (LSD, 8 bits a pass).
func radixSort(a []posting) []posting {
	b := make([]posting, len(a))
	for shift := uint(0); shift < 64; shift += 8 {
		var count [257]int
		for _, p := range a {
			count[(p.hash>>shift)&0xff+1]++
		}
		for i := 1; i < len(count); i++ {
			count[i] += count[i-1]
		}
		for _, p := range a {
			k := (p.hash >> shift) & 0xff
			b[count[k]] = p
			count[k]++
		}
		a, b = b, a
	}
	return a
}

// chain links matches that follow each other in both documents into
// candidate passages.
func (ix *Index) chain(pa, pb *Print, ms []match, template map[uint64]bool) []cand {
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
				int(fa.tok), int(fb.tok)})
			own += int(fa.u1) - max(int(fa.u0), endU) // union, members in A order
			endU = max(endU, int(fa.u1))
		}
		// Fingerprints miss up to Window-1 tokens at each end of a shared
		// run; refine finds them, so be lenient here.
		if own*2 < ix.opt.MinChars || !ix.promising(pa, pb, cd, template) {
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
func (ix *Index) promising(pa, pb *Print, cd cand, template map[uint64]bool) bool {
	const slack = 4
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
	lo, hi := u(pa, ia0), u(pa, ia1)
	own := hi - lo
	// minus the union of template fingerprints inside [lo, hi)
	end := lo
	i := sort.Search(len(pa.fps), func(i int) bool { return int(pa.fps[i].u1) > lo })
	for ; i < len(pa.fps) && int(pa.fps[i].u0) < hi; i++ {
		f := pa.fps[i]
		if !template[f.hash] {
			continue
		}
		s, e := max(int(f.u0), end), min(int(f.u1), hi)
		if e > s {
			own -= e - s
			end = e
		}
	}
	return own+slack >= ix.opt.MinChars
}

