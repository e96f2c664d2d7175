package analyze

import "testing"

func TestValidateAll(t *testing.T) {
	if err := Validate(All); err != nil {
		t.Fatal(err)
	}
	for _, c := range All {
		if len(c.Rules) == 0 {
			t.Errorf("check %s documents no rules", c.Name)
		}
	}
	bad := []*Check{{Name: "Bad Name", Doc: "x", Run: func(*Pass) error { return nil }}}
	if Validate(bad) == nil {
		t.Error("Validate accepted an invalid name")
	}
	dup := []*Check{PlaceholderCheck, PlaceholderCheck}
	if Validate(dup) == nil {
		t.Error("Validate accepted a duplicate")
	}
	wrongPrefix := []*Check{{Name: "a", Doc: "x", Run: func(*Pass) error { return nil }, Rules: []*Rule{{ID: "b.c"}}}}
	if Validate(wrongPrefix) == nil {
		t.Error("Validate accepted a rule outside its check")
	}
}
