// Package par runs indexed work on a few goroutines.
package par

import (
	"sync"
	"sync/atomic"
)

// Each calls f(s, i) for every i in [0, n), on up to workers goroutines
// that take the next index as they finish one; each goroutine gets its own
// state s from newState. With workers <= 1 it runs in order on the
// caller's goroutine.
func Each[S any](workers, n int, newState func() S, f func(s S, i int)) {
	if workers = min(workers, n); workers <= 1 {
		s := newState()
		for i := range n {
			f(s, i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := newState()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(s, i)
			}
		}()
	}
	wg.Wait()
}
