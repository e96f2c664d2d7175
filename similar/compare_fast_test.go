package similar

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/corpus"
)

// randomPostings gives postings in (doc, idx) order whose hashes repeat
// within and across documents, and vary in every byte.
func randomPostings(r *rand.Rand, docs, per int) []posting {
	pool := make([]uint64, docs*per/3+1)
	for i := range pool {
		pool[i] = r.Uint64()
	}
	var out []posting
	for d := 0; d < docs; d++ {
		for i := 0; i < per; i++ {
			out = append(out, posting{pool[r.IntN(len(pool))], uint32(d), uint32(i)})
		}
	}
	return out
}

// radixSort is a stable sort by hash.
func TestRadixSortStable(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range [][2]int{{0, 0}, {1, 1}, {3, 50}, {40, 700}} {
		a := randomPostings(r, n[0], n[1])
		want := slices.Clone(a)
		slices.SortStableFunc(want, func(x, y posting) int { return cmp.Compare(x.hash, y.hash) })
		if got := radixSort(slices.Clone(a)); !slices.Equal(got, want) {
			t.Fatalf("%d postings: radixSort differs from a stable sort", len(a))
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
