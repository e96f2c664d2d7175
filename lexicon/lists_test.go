package lexicon

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestListsExtend: a user file extends a built-in word list (it does not
// replace it), adds new lists, and can disable one.
func TestListsExtend(t *testing.T) {
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{ListMeasureWords, ListNotMeasure, ListRangeUnits, ListNotUnit} {
		if len(def.List(id)) < 20 {
			t.Errorf("built-in list %s has %d words", id, len(def.List(id)))
		}
	}
	dir := t.TempDir()
	f := filepath.Join(dir, "u.yaml")
	os.WriteFile(f, []byte("lists:\n  - id: measure-words\n    words: [棵, 个工作日以上]\n  - id: range-units\n    disabled: true\n"), 0o644)
	lex, err := Load(f)
	if err != nil {
		t.Fatal(err)
	}
	mw := lex.List(ListMeasureWords)
	if !slices.Contains(mw, "棵") || !slices.Contains(mw, "亿元") || len(mw) != len(def.List(ListMeasureWords))+2 {
		t.Errorf("measure words not extended: %v", mw)
	}
	if mw[0] != "个工作日以上" {
		t.Errorf("longest word not first: %q", mw[0])
	}
	if lex.List(ListRangeUnits) != nil {
		t.Error("disabled list still present")
	}
	if len(def.List(ListMeasureWords)) == len(mw) {
		t.Error("merge wrote into the built-in lexicon")
	}
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("lists:\n  - id: nope\n    disabled: true\n"), 0o644)
	if _, err := Load(bad); err == nil {
		t.Error("disabling an unknown list was accepted")
	}
}
