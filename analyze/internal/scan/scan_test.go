package scan

import (
	"testing"
	"unicode/utf8"
)

// FuzzDecodeRune checks DecodeRune and DecodeLastRune against the utf8
// package at every offset, valid or not.
func FuzzDecodeRune(f *testing.F) {
	for _, s := range []string{"全市收入12.5亿元，“两个确立”《》", "\xe4\xb8", "\xed\xa0\x80x", "a\xe4\xb8\xadb", "\xef\xbf\xbd", "\xe0\x80\x80", "𠀀\xf0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i < len(s); i++ {
			r1, w1 := utf8.DecodeRuneInString(s[i:])
			if r2, w2 := DecodeRune(s, i); r1 != r2 || w1 != w2 {
				t.Fatalf("DecodeRune(%q, %d) = %q, %d; want %q, %d", s, i, r2, w2, r1, w1)
			}
			r1, w1 = utf8.DecodeLastRuneInString(s[:i+1])
			if r2, w2 := DecodeLastRune(s[:i+1]); r1 != r2 || w1 != w2 {
				t.Fatalf("DecodeLastRune(%q) = %q, %d; want %q, %d", s[:i+1], r2, w2, r1, w1)
			}
		}
	})
}
