// Package par runs indexed work on a few goroutines.
package par

import (
	"sync"
	"sync/atomic"
)

// Workers returns how many goroutines Each(workers, n, f) uses: at least 1,
// at most n.
func Workers(workers, n int) int {
	return max(1, min(workers, n))
}

// Each calls f(w, i) for every i in [0, n), on up to workers goroutines
// that take the next index as they finish one; w in [0, Workers(workers,
// n)) names the goroutine, so that callers can keep per-goroutine state in
// a slice. With workers <= 1 it runs in order on the caller's goroutine.
//
// Each has no type parameter on purpose: a type passed as a type argument
// is reachable through an interface for the linker, which then keeps every
// exported method of every type it holds; a cutter holding a gse segmenter
// linked gse's 34 MB of embedded dictionaries (binary_test.go).
func Each(workers, n int, f func(w, i int)) {
	if workers = min(workers, n); workers <= 1 {
		for i := range n {
			f(0, i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(w, i)
			}
		}()
	}
	wg.Wait()
}
