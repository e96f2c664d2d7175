package segment

import "testing"

// The stand-in also gives filtered loads (small dictionaries, where it is
// off by default) the same output as the full load, and takes the slow
// path only when it must.
func TestCalcDistancesStandIn(t *testing.T) {
	defer func(v int) { standInMin = v }(standInMin)
	standInMin = 0
	before := slowCalcs.Load()
	texts := fixtures(t)
	for k, v := range oddTexts {
		texts[k] = v
	}
	texts["sampled"] = sampledText(t, 50000)
	var all []string
	for _, v := range texts {
		all = append(all, v)
	}
	s := NewSegmenterFor(all, testTerms)
	if n := slowCalcs.Load() - before; n != 0 {
		t.Errorf("%d loads fell back to gse's CalcToken", n)
	}
	if !testing.Short() {
		f := full(t)
		for name, text := range texts {
			assertSame(t, "stand-in/"+name, s.Tokens(text), f.Tokens(text))
		}
	}
	// A term with invalid UTF-8 could meet the stand-in's ballast: the
	// loader must take the slow path, and still keep the terms whole.
	odd := []string{"坏\xff字", "两个确立"}
	text := "一个坏\xff字和两个确立"
	s = NewSegmenterFor([]string{text}, odd)
	if slowCalcs.Load()-before != 1 {
		t.Errorf("invalid UTF-8 term: slow path not taken")
	}
	got := texts2(s.Tokens(text))
	if !contains(got, "坏\xff字") || !contains(got, "两个确立") {
		t.Errorf("terms not kept whole: %q", got)
	}
}

// The full load takes the stand-in path.
func TestCalcDistancesFullFastPath(t *testing.T) {
	if testing.Short() {
		t.Skip("full dictionary load skipped in -short mode")
	}
	before := slowCalcs.Load()
	s := NewFullSegmenter(testTerms[:2])
	if n := slowCalcs.Load() - before; n != 0 || s.Entries() < standInMin {
		t.Errorf("full load: %d fallbacks to CalcToken, %d entries", n, s.Entries())
	}
}
