package similar

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/corpus"
)

// randomPrints gives prints whose fingerprint hashes repeat within and
// across documents (distinct of them: one bucket of the sort holds many),
// with a missing print among them.
func randomPrints(r *rand.Rand, docs, per, distinct int) ([]*Print, int) {
	pool := make([]uint64, distinct)
	for i := range pool {
		pool[i] = r.Uint64()
	}
	ps := make([]*Print, docs)
	total := 0
	for d := range ps {
		if d == 1 {
			continue
		}
		ps[d] = &Print{}
		for i := 0; i < per; i++ {
			ps[d].fps = append(ps[d].fps, fp{hash: pool[r.IntN(len(pool))]})
		}
		total += per
	}
	return ps, total
}

// sortedPostings is a stable sort by hash of the postings in (doc, idx)
// order.
func TestSortedPostings(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range [][3]int{{0, 0, 1}, {2, 1, 1}, {3, 50, 20}, {40, 700, 9000}, {30, 500, 3}, {5, 20000, 40000}} {
		ps, total := randomPrints(r, n[0], n[1], n[2])
		var want []posting
		for d, p := range ps {
			if p != nil {
				for i, f := range p.fps {
					want = append(want, posting{f.hash, uint32(d), uint32(i)})
				}
			}
		}
		slices.SortStableFunc(want, func(x, y posting) int { return cmp.Compare(x.hash, y.hash) })
		if got := sortedPostings(ps, total); !slices.Equal(got, want) {
			t.Fatalf("%v: sortedPostings differs from a stable sort", n)
		}
	}
}

// pairCounts sums like a map, whatever the order and collisions.
func TestPairCounts(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	c, want := newPairCounts(), map[uint64]int{}
	for i := 0; i < 200000; i++ {
		k := pairKey(r.IntN(60), 60+r.IntN(3000))
		if i%3 == 0 {
			k = pairKey(1, 2) // runs of one pair
		}
		c.add(k)
		want[k]++
	}
	got := c.sums()
	if len(got) != len(want) {
		t.Fatalf("%d pairs, want %d", len(got), len(want))
	}
	for k, n := range want {
		if got[k] != n {
			t.Fatalf("pair %x: %d hits, want %d", k, got[k], n)
		}
	}
}

// analyze's per-document sets are the sorted distinct hashes of each
// Print, and held counts, for the first member's hashes, the members
// holding each (as a map over all members would).
func TestSetsAndHeld(t *testing.T) {
	var texts []string
	for _, r := range corpus.Generate(corpus.Options{N: 8, Seed: 9, MaxBytes: 8 << 10}) {
		texts = append(texts, r.Text, r.Text+"\n附：另一行文字。\n", strings.Repeat("重复", 300))
	}
	ix := NewIndex(Options{Shingle: 4, Window: 3, Boilerplate: StockPhrases})
	for i, s := range texts {
		ix.Add(i, ix.Fingerprint(s, pairTokens(s)))
	}
	ix.Add(len(texts)+1, ix.Fingerprint("", nil)) // a gap (nil Print) and an empty one
	an := ix.analyze(true, func(*analysis, candPair) {})
	for d, p := range ix.prints {
		if p == nil {
			if an.sets[d] != nil {
				t.Fatalf("doc %d: set for a missing print", d)
			}
			continue
		}
		var want []uint64
		for _, f := range p.fps {
			want = append(want, f.hash)
		}
		slices.Sort(want)
		if want = slices.Compact(want); !slices.Equal(an.sets[d], want) || an.sets[d] == nil {
			t.Fatalf("doc %d: set differs", d)
		}
	}
	for _, members := range [][]int{{0, 1}, {1, 0, 2, 3, 4}, {5, 2, 8, 11, 14, 17, 20, 23}} {
		count := map[uint64]int{}
		for _, d := range members {
			for _, h := range an.sets[d] {
				count[h]++
			}
		}
		s0, held := an.held(members)
		for i, h := range s0 {
			if int(held[i]) != count[h] {
				t.Fatalf("members %v: hash %x held by %d, want %d", members, h, held[i], count[h])
			}
		}
	}
}
