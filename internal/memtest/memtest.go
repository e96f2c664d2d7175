// Package memtest measures a function's peak heap for memory-bound tests.
package memtest

import (
	"runtime"
	"sync"
	"time"
)

// PeakHeap runs f and returns the peak of HeapInuse above the level before
// it (after a collection), sampled every interval and once at the end.
func PeakHeap(interval time.Duration, f func()) uint64 {
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	var (
		mu   sync.Mutex
		peak uint64
		done = make(chan struct{})
		wg   sync.WaitGroup
	)
	sample := func() {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		mu.Lock()
		peak = max(peak, m.HeapInuse)
		mu.Unlock()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				sample()
			}
		}
	}()
	f()
	sample()
	close(done)
	wg.Wait()
	return peak - min(peak, base.HeapInuse)
}
