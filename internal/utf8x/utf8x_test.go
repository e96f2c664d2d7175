package utf8x

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

// DecodeRune agrees with utf8.DecodeRuneInString on every sequence of up to
// three bytes led by 0xC0-0xFF, whole and cut short.
func TestDecodeRuneEveryShortSequence(t *testing.T) {
	var b [3]byte
	for b0 := 0xC0; b0 <= 0xFF; b0++ {
		for b1 := range 256 {
			for b2 := range 256 {
				b = [3]byte{byte(b0), byte(b1), byte(b2)}
				for n := 1; n <= 3; n++ {
					s := string(b[:n])
					r, m := DecodeRune(s, 0)
					if wr, wm := utf8.DecodeRuneInString(s); r != wr || m != wm {
						t.Fatalf("DecodeRune(%q) = %U %d, want %U %d", s, r, m, wr, wm)
					}
				}
			}
		}
	}
}
