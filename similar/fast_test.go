package similar

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/corpus"
	"github.com/reportlint/reportlint/segment"
)

// samePrint fails unless Fingerprint and the reference give the same Print
// and the phrase matcher the same mask.
func samePrint(t testing.TB, ix *Index, text string, toks []segment.Token) {
	t.Helper()
	got, want := ix.Fingerprint(text, toks), referenceFingerprint(ix, text, toks)
	// Compared as printed: a nil and an empty slice are the same here.
	if fmt.Sprintf("%+v", *got) != fmt.Sprintf("%+v", *want) {
		v, w := reflect.ValueOf(*got), reflect.ValueOf(*want)
		for i := 0; i < v.NumField(); i++ {
			if a, b := fmt.Sprintf("%+v", v.Field(i)), fmt.Sprintf("%+v", w.Field(i)); a != b {
				t.Fatalf("%.60q: field %s differs:\n got %.300s\nwant %.300s", text, v.Type().Field(i).Name, a, b)
			}
		}
		t.Fatalf("%.60q: prints differ", text)
	}
	if got, want := slices.Collect(sentences(text)), slices.Collect(referenceSentences(text)); !slices.Equal(got, want) {
		t.Fatalf("%.60q: sentences %v, want %v", text, got, want)
	}
	if got, want := ix.m.mask(text, nil), referenceMask(newReferenceMatcher(ix.opt.Boilerplate), text, nil); !slices.Equal(got, want) {
		t.Fatalf("%.60q: mask %v, want %v", text, got, want)
	}
}

// oddOptions exercise ASCII, non-BMP and overlapping phrases, short
// shingles and stock sentences.
var oddOptions = Options{Shingle: 4, Window: 3, MinChars: 8,
	Boilerplate: []string{"工作", "重复重复", "ABC", "abc", "𠀀𠀁", "\ufffd\ufffd", "作情况", "Ｂ2", "情\xe4", "\xe4工"},
	IsStock:     func(s string) bool { return strings.HasPrefix(s, "现将") || strings.Contains(s, "𠀁") }}

// oddTexts are inputs where byte-level shortcuts could part from rune
// decoding: invalid and overlong UTF-8, surrogates, truncated runes, U+FFFD
// itself, upper-case ASCII, full-width letters, non-BMP phrases.
var oddTexts = []string{
	"",
	"一、工作情况\n现将工作情况报告如下。全年完成投资186.3亿元，比上年提高24.5%。ABC Abc abc DEF def\n",
	"\xff\xfe重复重复重复重复重复重复重复重复重复重复重复重复重复重复重复重复",
	"中\xef\xbf\xbd中。中文\xc3。文中\xe4\xb8。\n中中中中中中中中中中中中中中中中中中中。ＡＢ\xed\xa0\x80。",
	"工作\xe4\xb8工作\xe4\xb8\xad\xad工作作情况\xed\xa0\x80重复\xe0\x80\x80重复\xef\xbf\xbd\xef\xbf\xbd重复ＡＢＣ２Ｂ2𠀀𠀁𠀂工作",
	"情\xe4\xb8\xad情中\xe4工作\xe4\xb8\xad工\xe4\xb8\x80情况情\xe4",
	"𠀀𠀁𠀀𠀁𠀀𠀁𠀀𠀁；𠀀𠀁𠀀𠀁。现将𠀀𠀁报告！？\n\n\r\n　（二）工作\t重复重复\xe4",
	strings.Repeat("重", 5000),
	strings.Repeat("a", 3000) + strings.Repeat("A1", 3000),
	strings.Repeat("工作情况。", 800),
}

// Fingerprint equals the reference on generated reports with gse tokens,
// rune tokens and two-rune tokens, and on odd inputs with tokens in order,
// reversed and overlapping.
func TestFingerprintMatchesReference(t *testing.T) {
	var texts []string
	for _, r := range corpus.Generate(corpus.Options{N: 12, Seed: 5, MaxBytes: 16 << 10}) {
		texts = append(texts, r.Text)
	}
	texts = append(texts, readFixtures(t, "copy_a.txt", "copy_b.txt", "edited_b.txt", "boiler_a.txt", "boiler_b.txt")...)
	seg := segmenterFor(t, texts)
	for name, ix := range map[string]*Index{"default": NewIndex(defaultOptions(t)), "odd": NewIndex(oddOptions)} {
		t.Run(name, func(t *testing.T) {
			for _, s := range texts {
				samePrint(t, ix, s, seg.Tokens(s))
				samePrint(t, ix, s, runeTokens(s))
			}
			for _, s := range append(oddTexts, texts[:3]...) {
				for _, toks := range [][]segment.Token{runeTokens(s), pairTokens(s), reversed(pairTokens(s)), overlapping(s)} {
					samePrint(t, ix, s, toks)
				}
			}
		})
	}
}

func reversed(toks []segment.Token) []segment.Token {
	slices.Reverse(toks)
	return toks
}

// overlapping gives tokens of three runes starting at every rune.
func overlapping(s string) []segment.Token {
	rs := runeTokens(s)
	var out []segment.Token
	for i := range rs {
		e := rs[min(i+2, len(rs)-1)].Span().End
		sp := segment.Span{Start: rs[i].Span().Start, End: e}
		out = append(out, segment.NewToken(s[sp.Start:sp.End], "", sp))
	}
	return out
}

// FuzzFingerprint: Fingerprint equals the reference on any text.
func FuzzFingerprint(f *testing.F) {
	for _, s := range oddTexts {
		f.Add(s, false)
	}
	f.Add("现将工作情况报告如下：ABC工作重复重复。", true)
	ixs := []*Index{NewIndex(oddOptions), NewIndex(Options{Shingle: 2, Window: 2, Boilerplate: oddOptions.Boilerplate})}
	f.Fuzz(func(t *testing.T, s string, pairs bool) {
		toks := runeTokens(s)
		if pairs {
			toks = pairTokens(s)
		}
		for _, ix := range ixs {
			samePrint(t, ix, s, toks)
		}
	})
}

func ExampleIndex_Fingerprint() {
	ix := NewIndex(Options{Shingle: 2, Window: 2})
	text := "农村公路建设全面推进"
	p := ix.Fingerprint(text, runeTokens(text))
	fmt.Println(p.Chars(), p.Size())
	// Output: 10 5
}

// isContent's shortcuts agree with its definition on every rune.
func TestIsContentAllRunes(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := unicode.IsLetter(r) || unicode.IsDigit(r)
		if r < utf8.RuneSelf {
			want = r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
		}
		if isContent(r) != want {
			t.Fatalf("isContent(%U) = %v", r, !want)
		}
	}
}
