package checks

import (
	"testing"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/checks/placeholder"
)

func TestValidateAll(t *testing.T) {
	if err := analyze.Validate(All); err != nil {
		t.Fatal(err)
	}
	for _, c := range All {
		if len(c.Rules) == 0 {
			t.Errorf("check %s documents no rules", c.Name)
		}
	}
	bad := []*analyze.Check{{Name: "Bad Name", Doc: "x", Run: func(*analyze.Pass) error { return nil }}}
	if analyze.Validate(bad) == nil {
		t.Error("Validate accepted an invalid name")
	}
	dup := []*analyze.Check{placeholder.Check, placeholder.Check}
	if analyze.Validate(dup) == nil {
		t.Error("Validate accepted a duplicate")
	}
	wrongPrefix := []*analyze.Check{{Name: "a", Doc: "x", Run: func(*analyze.Pass) error { return nil }, Rules: []*analyze.Rule{{ID: "b.c"}}}}
	if analyze.Validate(wrongPrefix) == nil {
		t.Error("Validate accepted a rule outside its check")
	}
}
