package segment

import "testing"

// Both loaders take calcDistances' fast path, including with a term that
// shadows a dictionary entry and a duplicate term (testTerms).
func TestCalcDistancesFastPath(t *testing.T) {
	before := slowCalcs.Load()
	NewSegmenterFor([]string{"坚持两个确立，推进东数西算和一岗双责。"}, testTerms)
	if !testing.Short() {
		full(t)
	}
	if n := slowCalcs.Load() - before; n != 0 {
		t.Errorf("%d loads fell back to gse's CalcToken", n)
	}
	// A term with invalid UTF-8 could meet the stand-in's ballast: the
	// loader must take the slow path, and still cut the same.
	odd := []string{"坏\xff字", "两个确立"}
	s := NewSegmenterFor([]string{"一个坏\xff字和两个确立"}, odd)
	if slowCalcs.Load()-before != 1 {
		t.Errorf("invalid UTF-8 term: slow path not taken")
	}
	got := texts2(s.Tokens("一个坏\xff字和两个确立"))
	if !contains(got, "坏\xff字") || !contains(got, "两个确立") {
		t.Errorf("terms not kept whole: %q", got)
	}
}
