package cmd

import (
	"io"
	"runtime"
	"testing"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twcache"
)

// allocated is the fewest bytes f allocated over a few calls.
func allocated(f func()) uint64 {
	best := ^uint64(0)
	for range 5 {
		var a, b runtime.MemStats
		runtime.ReadMemStats(&a)
		f()
		runtime.ReadMemStats(&b)
		best = min(best, b.TotalAlloc-a.TotalAlloc)
	}
	return best
}

var sinkLRU *twcache.LRU[string, int]

// The tablewriter in third_party is patched so that its LRU caches do not
// allocate their capacity up front (third_party/tablewriter/PATCH.md): an
// 8,192-entry cache and a new table cost a few KB, not the ≈300 KB and
// ≈430 KB of v1.1.5. Fails if go.mod's replace is dropped for a release
// that still sizes them eagerly.
func TestTablewriterCachesUnsized(t *testing.T) {
	if n := allocated(func() { sinkLRU = twcache.NewLRU[string, int](8192) }); n > 8<<10 {
		t.Errorf("twcache.NewLRU(8192) allocates %d bytes up front: the patch in third_party/tablewriter/PATCH.md is missing", n)
	}
	if n := allocated(func() { _ = tablewriter.NewTable(io.Discard) }); n > 64<<10 {
		t.Errorf("tablewriter.NewTable allocates %d bytes: its stringer cache is sized up front (third_party/tablewriter/PATCH.md)", n)
	}
}
