package par

import (
	"sync/atomic"
	"testing"
)

func TestEachVisitsEveryIndexOnce(t *testing.T) {
	for _, workers := range []int{0, 1, 2, 7, 100} {
		for _, n := range []int{0, 1, 5, 1000} {
			seen := make([]atomic.Int32, n)
			var states atomic.Int32
			Each(workers, n, func() int { return int(states.Add(1)) }, func(_ int, i int) { seen[i].Add(1) })
			for i := range seen {
				if c := seen[i].Load(); c != 1 {
					t.Fatalf("workers %d, n %d: index %d visited %d times", workers, n, i, c)
				}
			}
			if max(1, min(workers, n)) < int(states.Load()) {
				t.Errorf("workers %d, n %d: %d states for at most %d goroutines", workers, n, states.Load(), max(1, min(workers, n)))
			}
		}
	}
}
