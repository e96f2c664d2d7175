package analyze

import (
	"regexp"
	"testing"
)

// isName and isRuleID accept exactly what the documented patterns do.
func TestNameFormsMatchPatterns(t *testing.T) {
	name := regexp.MustCompile(`^[a-z][a-z0-9-]*$`)
	id := regexp.MustCompile(`^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$`)
	for _, s := range []string{"", "a", "z9", "number", "number-style", "a-", "-a", "A", "aB", "9a", "a_b", "a.b", "number.range-unit",
		"a.b.c", ".a", "a.", "a..b", "a.-b", "a.9", "数字", "a.数字", "a b", "a\n", "a.b\n", "ab-c.d-e9"} {
		if got, want := isName(s), name.MatchString(s); got != want {
			t.Errorf("isName(%q) = %v, want %v", s, got, want)
		}
		if got, want := isRuleID(s), id.MatchString(s); got != want {
			t.Errorf("isRuleID(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzNameForms(f *testing.F) {
	for _, s := range []string{"a", "number.range-unit", "a.b.c", "-a", "a\n"} {
		f.Add(s)
	}
	name := regexp.MustCompile(`^[a-z][a-z0-9-]*$`)
	id := regexp.MustCompile(`^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$`)
	f.Fuzz(func(t *testing.T, s string) {
		if isName(s) != name.MatchString(s) || isRuleID(s) != id.MatchString(s) {
			t.Errorf("%q: isName %v isRuleID %v; patterns %v %v", s, isName(s), isRuleID(s), name.MatchString(s), id.MatchString(s))
		}
	})
}
