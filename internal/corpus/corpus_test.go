package corpus

import (
	"strings"
	"testing"
)

func TestDeterministic(t *testing.T) {
	o := Options{N: 20, Seed: 42}
	a, b := Generate(o), Generate(o)
	for i := range a {
		if a[i].Text != b[i].Text || a[i].Name != b[i].Name {
			t.Fatalf("report %d differs between runs", i)
		}
	}
	// a report does not depend on how many come after it
	if c := (Options{N: 5, Seed: 42}).Report(3); c.Text != a[3].Text {
		t.Error("report 3 depends on N")
	}
	if d := Generate(Options{N: 20, Seed: 43}); d[3].Text == a[3].Text {
		t.Error("another seed gives the same report")
	}
}

func TestShape(t *testing.T) {
	o := Options{N: 60, Seed: 1, CopyRate: 0.3}
	reps := Generate(o)
	copies := 0
	for _, r := range reps {
		if n := len(r.Text); n < 5<<10 || n > 48<<10 {
			t.Errorf("%s: %d bytes", r.Name, n)
		}
		for _, want := range []string{"\n一、", "\n二、", "（一）"} {
			if !strings.Contains(r.Text, want) {
				t.Errorf("%s: no %q heading", r.Name, want)
			}
		}
		if !strings.Contains(r.Text, "**") && !strings.Contains(r.Text, "。") {
			t.Errorf("%s: not report text", r.Name)
		}
		for _, c := range r.Copies {
			copies++
			if c.From >= r.Index || !strings.Contains(reps[c.From].Text, c.Source) || !strings.Contains(r.Text, c.Text) {
				t.Errorf("%s: copy from %d not where it should be", r.Name, c.From)
			}
			if c.Edited == (c.Text == c.Source) {
				t.Errorf("%s: edited=%v but texts equal=%v", r.Name, c.Edited, c.Text == c.Source)
			}
		}
	}
	if copies == 0 {
		t.Error("no copies at CopyRate 0.3")
	}
	if Bytes(reps) < 60*10<<10 {
		t.Errorf("%d bytes for 60 reports", Bytes(reps))
	}
	if none := Generate(Options{N: 30, Seed: 1, CopyRate: -1}); func() int {
		n := 0
		for _, r := range none {
			n += len(r.Copies)
		}
		return n
	}() != 0 {
		t.Error("copies at CopyRate -1")
	}
}
