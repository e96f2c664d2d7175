package lexicon

import (
	"strings"
	"testing"
)

// FuzzParse feeds arbitrary bytes to the strict parser and the merge: no
// panic, and every error names the file.
func FuzzParse(f *testing.F) {
	names, _ := dataFS.ReadDir("data")
	for _, de := range names {
		data, _ := dataFS.ReadFile("data/" + de.Name())
		f.Add(data)
	}
	f.Add([]byte("formulations:\n  - id: a\n    text: x\n    members: [甲, 乙]\ndisable: [four-selfs]\n"))
	f.Add([]byte(strings.Repeat("[", 40000)))
	f.Add([]byte("terms: " + strings.Repeat("{a: ", 100)))
	f.Add([]byte("note: |\n  [[[[\nformulations: []\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lex, err := Parse("f.yaml", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.yaml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		for _, e := range lex.Formulations {
			if !strings.HasPrefix(e.SourceRef, "f.yaml:") {
				t.Fatalf("SourceRef %q", e.SourceRef)
			}
		}
		base, err := Default()
		if err != nil {
			t.Fatal(err)
		}
		var errs Errors
		merged := merge(base.clone(), lex, &errs)
		checkRefs(merged, &errs)
		for _, e := range errs {
			if e.File == "" {
				t.Fatalf("error without file: %v", e)
			}
		}
		_ = merged.SegmentTerms()
	})
}
