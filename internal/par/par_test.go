package par

import (
	"sync/atomic"
	"testing"
)

func TestEachVisitsEveryIndexOnce(t *testing.T) {
	for _, workers := range []int{0, 1, 2, 7, 100} {
		for _, n := range []int{0, 1, 5, 1000} {
			seen := make([]atomic.Int32, n)
			nw := Workers(workers, n)
			// busy[w] detects two goroutines sharing one worker index.
			busy := make([]atomic.Int32, nw)
			Each(workers, n, func(w, i int) {
				if w < 0 || w >= nw {
					t.Errorf("workers %d, n %d: worker index %d outside [0, %d)", workers, n, w, nw)
					return
				}
				if busy[w].Add(1) != 1 {
					t.Errorf("workers %d, n %d: worker index %d used by two goroutines at once", workers, n, w)
				}
				seen[i].Add(1)
				busy[w].Add(-1)
			})
			for i := range seen {
				if c := seen[i].Load(); c != 1 {
					t.Fatalf("workers %d, n %d: index %d visited %d times", workers, n, i, c)
				}
			}
		}
	}
}

func TestWorkers(t *testing.T) {
	for _, c := range []struct{ workers, n, want int }{{0, 5, 1}, {1, 5, 1}, {4, 2, 2}, {3, 10, 3}, {8, 0, 1}} {
		if got := Workers(c.workers, c.n); got != c.want {
			t.Errorf("Workers(%d, %d) = %d, want %d", c.workers, c.n, got, c.want)
		}
	}
}
