package termsafe

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestString(t *testing.T) {
	cases := []struct{ in, str, line string }{
		{"一年来，我认真履行职责。", "一年来，我认真履行职责。", "一年来，我认真履行职责。"},
		{"5G 和 X光\t二〇二二年\n", "5G 和 X光\t二〇二二年\n", `5G 和 X光\x09二〇二二年\x0a`},
		{"清屏\x1b[2J\x1b[H", `清屏\x1b[2J\x1b[H`, `清屏\x1b[2J\x1b[H`},
		{"标题\x1b]0;pwned\x07", `标题\x1b]0;pwned\x07`, `标题\x1b]0;pwned\x07`},
		{"\x1b]52;c;ZWNobyBoaQ==\x1b\\", `\x1b]52;c;ZWNobyBoaQ==\x1b\`, `\x1b]52;c;ZWNobyBoaQ==\x1b\`},
		{"a\u009b2Jb\u0085", `a\u009b2Jb\u0085`, `a\u009b2Jb\u0085`},
		{"报告\u202etxt.exe", `报告\u202etxt.exe`, `报告\u202etxt.exe`},
		{"\u2066x\u2069\u200f", `\u2066x\u2069\u200f`, `\u2066x\u2069\u200f`},
		{"坏\xff\xfe字节\x00\x7f\r", `坏\xff\xfe字节\x00\x7f\x0d`, `坏\xff\xfe字节\x00\x7f\x0d`},
		{"", "", ""},
	}
	for _, c := range cases {
		if got := String(c.in); got != c.str {
			t.Errorf("String(%q) = %q, want %q", c.in, got, c.str)
		}
		if got := Line(c.in); got != c.line {
			t.Errorf("Line(%q) = %q, want %q", c.in, got, c.line)
		}
	}
}

func TestExcerpt(t *testing.T) {
	cases := []struct {
		in   string
		max  int
		want string
	}{
		{"root:$6$abc:19000:0:99999:7:::", 8, "root:$6$…"},
		{"短句", 8, "短句"},
		{"第一行\n第二行", 5, `第一行\x0a第…`},
		{"\x1b[31m红", 3, `\x1b[3…`},
		{"任意", 0, ""},
	}
	for _, c := range cases {
		if got := Excerpt(c.in, c.max); got != c.want {
			t.Errorf("Excerpt(%q, %d) = %q, want %q", c.in, c.max, got, c.want)
		}
	}
}

// safe reports the first unsafe rune left in s, if any.
func safe(s string, keepLayout bool) (rune, bool) {
	if !utf8.ValidString(s) {
		return utf8.RuneError, false
	}
	for _, r := range s {
		if keepLayout && (r == '\n' || r == '\t') {
			continue
		}
		if unsafeRune(r) {
			return r, false
		}
	}
	return 0, true
}

func FuzzString(f *testing.F) {
	for _, s := range []string{"清屏\x1b[2J", "\x1b]52;c;aGk=\x07", "报告\u202etxt", "\xff\x00\u0085\u2028", "一年来\n\t5G", ""} {
		f.Add(s, 5)
	}
	f.Fuzz(func(t *testing.T, s string, max int) {
		out := String(s)
		if r, ok := safe(out, true); !ok {
			t.Fatalf("String(%q) = %q keeps %U", s, out, r)
		}
		if String(out) != out {
			t.Fatalf("String not idempotent on %q", s)
		}
		if _, ok := safe(s, true); ok && out != s {
			t.Fatalf("safe text %q changed to %q", s, out)
		}
		line := Line(s)
		if r, ok := safe(line, false); !ok {
			t.Fatalf("Line(%q) = %q keeps %U", s, line, r)
		}
		max = max % 200
		ex := Excerpt(s, max)
		if r, ok := safe(ex, false); !ok {
			t.Fatalf("Excerpt(%q) = %q keeps %U", s, ex, r)
		}
		if max > 0 && !strings.HasPrefix(line, strings.TrimSuffix(ex, "…")) {
			t.Fatalf("Excerpt(%q, %d) = %q is not a prefix of %q", s, max, ex, line)
		}
		if max <= 0 && ex != "" {
			t.Fatalf("Excerpt with max %d = %q", max, ex)
		}
	})
}
