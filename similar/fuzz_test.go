package similar

import (
	"encoding/json"
	"testing"
	"unicode/utf8"

	"github.com/reportlint/reportlint/segment"
)

// runeTokens cuts text into one token per rune: a stand-in for gse that
// keeps the fuzzer fast and still gives exact spans.
func runeTokens(text string) []segment.Token {
	var out []segment.Token
	for i, r := range text {
		n := utf8.RuneLen(r)
		if r == utf8.RuneError {
			n = 1
		}
		out = append(out, segment.NewToken(text[i:i+n], "", segment.Span{Start: i, End: i + n}))
	}
	return out
}

// onBoundary reports whether off is where decoding s rune by rune (an
// invalid byte counting as one) stops.
func onBoundary(s string, off int) bool {
	for i := 0; i < len(s); {
		if i == off {
			return true
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	return off == len(s)
}

// FuzzPairs feeds two arbitrary texts (and a third sharing the first's
// head) through fingerprinting, candidate search and refinement; every
// reported passage must lie inside its texts on rune boundaries, with sane
// lines, similarity and shares.
func FuzzPairs(f *testing.F) {
	f.Add("一、工作情况\n针对山区乡镇通组道路窄、弯、陡的老问题，逐段踏勘，编排三年改造计划。\n", "（二）农村公路。针对山区乡镇通组道路窄、弯、陡的老问题，逐段勘察，编排三年改造计划。\n")
	f.Add("abc", "")
	f.Add("全年完成投资186.3亿元，比上年提高24.5%。", "全年完成投资286.4亿元，比上年提高24.5%。")
	f.Add("\xff\xfe重复重复重复重复重复重复重复重复重复重复重复重复重复重复重复重复", "重复重复重复重复重复重复重复重复重复重复重复重复重复重复重复重复\n\n")
	f.Fuzz(func(t *testing.T, a, b string) {
		texts := []string{a, b, a[:len(a)/2] + b}
		ix := NewIndex(Options{Shingle: 4, Window: 3, MinChars: 8, Boilerplate: []string{"工作", "重复重复"}})
		for i, s := range texts {
			ix.Add(i, ix.Fingerprint(s, runeTokens(s)))
		}
		pairs, err := ix.Pairs(loader(texts))
		if err != nil {
			t.Fatal(err)
		}
		// Compare, and Compare from signatures, give the same JSON.
		want, err := json.Marshal(ix.Compare())
		if err != nil {
			t.Fatal(err)
		}
		merged := NewIndex(ix.opt)
		for i, p := range ix.prints {
			b, _ := json.Marshal(ix.Signature(p))
			var s Signature
			if err := json.Unmarshal(b, &s); err != nil {
				t.Fatal(err)
			}
			q, err := merged.PrintFrom(&s)
			if err != nil {
				t.Fatalf("own signature refused: %v", err)
			}
			merged.Add(i, q)
		}
		if got, _ := json.Marshal(merged.Compare()); string(got) != string(want) {
			t.Fatalf("merged %s\nwant %s", got, want)
		}
		for _, p := range pairs {
			if p.A >= p.B || p.ShareA < 0 || p.ShareA > 100 || p.ShareB < 0 || p.ShareB > 100 {
				t.Fatalf("pair %+v", p)
			}
			for _, ps := range p.Passages {
				for _, c := range []struct {
					s  string
					sp segment.Span
					l  [2]int
				}{{texts[p.A], ps.A, ps.LinesA}, {texts[p.B], ps.B, ps.LinesB}} {
					if c.sp.Start < 0 || c.sp.Start >= c.sp.End || c.sp.End > len(c.s) {
						t.Fatalf("span %v in %d bytes", c.sp, len(c.s))
					}
					if !onBoundary(c.s, c.sp.Start) || !onBoundary(c.s, c.sp.End) {
						t.Fatalf("span %v cuts a rune", c.sp)
					}
					if c.l[0] < 1 || c.l[0] > c.l[1] {
						t.Fatalf("lines %v", c.l)
					}
				}
				if ps.Similarity < 0 || ps.Similarity > 1 || ps.Identical && texts[p.A][ps.A.Start:ps.A.End] != texts[p.B][ps.B.Start:ps.B.End] {
					t.Fatalf("passage %+v", ps)
				}
			}
		}
	})
}
