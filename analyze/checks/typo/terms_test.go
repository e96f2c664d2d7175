package typo

import (
	"testing"

	"github.com/reportlint/reportlint/lexicon"
)

// TestTermSet checks has against the plain set: every term, with
// look-alikes sharing a first character, other characters, and terms that
// start outside the CJK block or with an invalid byte.
func TestTermSet(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	extra := []lexicon.Term{{Text: "5G网络"}, {Text: "\xff坏"}, {Text: "𠀀字"}, {Text: "停用词", Disabled: true}}
	l := *lex
	l.Terms = append(append([]lexicon.Term(nil), lex.Terms...), extra...)
	s := newTermSet(&l)
	want := map[string]bool{}
	var probes []string
	for _, term := range l.Terms {
		if !term.Disabled {
			want[term.Text] = true
		}
		probes = append(probes, term.Text, term.Text+"之", term.Text[:len(term.Text)-1], "之"+term.Text)
	}
	if len(want) < 10 {
		t.Fatalf("only %d terms", len(want))
	}
	for _, p := range append(probes, "", "部署", "5G", "\xff", "𠀀") {
		if got := s.has(p); got != want[p] {
			t.Errorf("has(%q) = %v, want %v", p, got, want[p])
		}
	}
}
