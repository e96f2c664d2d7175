package typo

import (
	"testing"
	"unicode/utf8"

	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment/dict"
)

// A same-pinyin slip is reported only when the two characters are not a
// dictionary word themselves: of two pairs that each have exactly one
// homophone replacement forming a frequent word, the one that is a word is
// kept silent and the one that is not is reported.
func TestSlipNeedsANonWord(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	d := New(lex)
	var word, nonWord string
	dict.Each(func(key []byte, freq float64, _ string) {
		if word != "" || utf8.RuneCount(key) != 2 || freq < 100 {
			return
		}
		x, n := utf8.DecodeRune(key)
		y, _ := utf8.DecodeRune(key[n:])
		if isStop(x) || isStop(y) || x == y {
			return
		}
		if _, _, ok := d.onlyReplacement(x, y); ok {
			word = string(key)
		}
	})
	if word == "" {
		t.Fatal("no two-character dictionary word with exactly one homophone replacement")
	}
	// A non-word with one replacement: the slip the tables were built for.
	for _, s := range []string{"部暑", "辐射"} {
		x, n := utf8.DecodeRuneInString(s)
		y, _ := utf8.DecodeRuneInString(s[n:])
		if _, _, ok := d.onlyReplacement(x, y); ok && d.dict().freq(s) == 0 {
			nonWord = s
			break
		}
	}
	if nonWord == "" {
		t.Fatal("部暑 is no longer a slip with one replacement: pick another non-word")
	}
	for _, c := range []struct {
		pair string
		want bool
	}{{word, false}, {nonWord, true}} {
		ctx := newContext(c.pair, nil, nil)
		if _, got := d.slip(ctx, nil, 0, len(c.pair), ""); got != c.want {
			t.Errorf("slip(%q) = %v, want %v (dictionary frequency %d)", c.pair, got, c.want, d.dict().freq(c.pair))
		}
	}
}
