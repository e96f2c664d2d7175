package analyze_test

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/checks"
	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

// Run may reorder the checks (token-free first, see tokensLast) and run
// them on several goroutines; the findings must not depend on either, and
// the tokenizer must not be called before the token-free checks have run
// (one goroutine).
func TestFindingsIndependentOfCheckOrder(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob("../testdata/reports/*.txt")
	more, _ := filepath.Glob("../testdata/precision/*.txt")
	paths = append(paths, more...)
	if len(paths) < 3 {
		t.Fatalf("want testdata reports, found %d", len(paths))
	}
	reversed := slices.Clone(checks.All)
	slices.Reverse(reversed)
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := segment.LoadBytes(p, data, segment.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		seg := segment.NewSegmenterFor([]string{doc.Text}, lex.SegmentTerms())
		run := func(cs []*analyze.Check, workers int) []analyze.Finding {
			return analyze.Run(doc, lex, analyze.Options{Checks: cs, All: checks.All, Tokenize: seg.Tokens, Workers: workers}).Findings
		}
		a, b := run(checks.All, 1), run(reversed, 1)
		if len(a) == 0 {
			t.Errorf("%s: no findings; the comparison proves nothing", p)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: findings differ with the checks reversed (%d vs %d)", p, len(a), len(b))
		}
		for _, w := range []int{2, 3, 16} {
			if c := run(checks.All, w); !reflect.DeepEqual(a, c) {
				t.Errorf("%s: findings differ on %d goroutines (%d vs %d)", p, w, len(a), len(c))
			}
		}
	}

	// The first tokenizer call comes after every token-free check ran.
	var order []string
	doc, _ := segment.LoadBytes("a.txt", []byte("2023年度工作总结\n完成**个，增长15-20%。\n"), segment.LoadOptions{})
	var cs []*analyze.Check
	for _, c := range checks.All {
		c := *c
		run := c.Run
		c.Run = func(p *analyze.Pass) error { order = append(order, c.Name); return run(p) }
		cs = append(cs, &c)
	}
	tokenized := -1
	seg := segment.NewSegmenterFor([]string{doc.Text}, lex.SegmentTerms())
	analyze.Run(doc, lex, analyze.Options{Checks: cs, All: cs, Tokenize: func(s string) []segment.Token {
		if tokenized < 0 {
			tokenized = len(order)
		}
		return seg.Tokens(s)
	}})
	for i, name := range order {
		needs := false
		for _, c := range checks.All {
			if c.Name == name {
				needs = c.NeedsTokens
			}
		}
		if !needs && tokenized >= 0 && i >= tokenized {
			t.Errorf("token-free check %s ran after the tokenizer was first called (order %v)", name, order)
		}
	}
	if tokenized < 0 {
		t.Error("the tokenizer was never called")
	}
}
