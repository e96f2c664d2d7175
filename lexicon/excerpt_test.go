package lexicon

import (
	"strings"
	"testing"
)

func TestExcerpt(t *testing.T) {
	if got := excerpt("短键"); got != "短键" {
		t.Errorf("got %q", got)
	}
	long := strings.Repeat("密", 100)
	if got := excerpt(long); len([]rune(got)) != excerptRunes+1 || !strings.HasSuffix(got, "…") {
		t.Errorf("got %q", got)
	}
	if got := excerpt("a\x1b]52;c;x\x07b\u202e"); strings.ContainsAny(got, "\x1b\x07\u202e") || !strings.Contains(got, `\u001b`) {
		t.Errorf("control characters kept: %q", got)
	}
}

// Every bad key and entry is reported, not only the first; a file that
// is not a lexicon is named as such without quoting it.
func TestParseListsEveryDecodeError(t *testing.T) {
	src := "terms:\n  - id: a\n    txet: x\n  - id: b\n    wrong: 2\nunits:\n  - id: u\n    foo: 1\nbogus: 1\n"
	_, err := Parse("my.yaml", []byte(src))
	es, ok := err.(Errors)
	if !ok || len(es) != 4 {
		t.Fatalf("got %v, want 4 errors", err)
	}
	for i, want := range []string{"my.yaml:3: 未知字段 \"txet\"", "my.yaml:5: 未知字段 \"wrong\"", "my.yaml:8: 未知字段 \"foo\"", "my.yaml:9: 未知字段 \"bogus\""} {
		if es[i].Error() != want {
			t.Errorf("error %d: %q, want %q", i, es[i].Error(), want)
		}
	}
	_, err = Parse("shadow", []byte("root:$6$secret:19000::\n"))
	if err == nil || strings.Contains(err.Error(), "secret") || !strings.Contains(err.Error(), "不是词库文件") {
		t.Errorf("foreign file: %v", err)
	}
	_, err = Parse("t.yaml", []byte("terms: !!map {}\n"))
	if err == nil || strings.Contains(err.Error(), "nil") || strings.Contains(err.Error(), "runtime") {
		t.Errorf("tagged node: %v", err)
	}
}
