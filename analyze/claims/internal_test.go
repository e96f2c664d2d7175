package claims

import (
	"math"
	"sort"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/lexicon"

	"github.com/reportlint/reportlint/segment"
)

func TestParseCN(t *testing.T) {
	tests := []struct {
		in    string
		v, hi float64
		form  cnForm
	}{
		{"十", 10, 0, cnValue}, {"十二", 12, 0, cnValue}, {"二十", 20, 0, cnValue}, {"一百二十", 120, 0, cnValue},
		{"一百零五", 105, 0, cnValue}, {"三万", 30000, 0, cnValue}, {"十二万三千", 123000, 0, cnValue},
		{"一千二", 1200, 0, cnValue}, {"两千", 2000, 0, cnValue}, {"一亿二千万", 120000000, 0, cnValue},
		{"二〇二二", 2022, 0, cnYear}, {"二零二二", 2022, 0, cnYear}, {"三四", 3, 4, cnApprox}, {"十二三", 12, 13, cnApprox},
		{"十四五", 14, 15, cnApprox}, {"三五", 0, 0, cnInvalid}, {"五四", 0, 0, cnInvalid}, {"七一", 0, 0, cnInvalid}, {"百", 0, 0, cnInvalid},
		{"万", 0, 0, cnInvalid}, {"十百", 0, 0, cnInvalid},
	}
	for _, tt := range tests {
		v, hi, f := parseCN(tt.in)
		if v != tt.v || hi != tt.hi || f != tt.form {
			t.Errorf("parseCN(%q) = %v, %v, %v; want %v, %v, %v", tt.in, v, hi, f, tt.v, tt.hi, tt.form)
		}
	}
}

// TestTokenAtGallop checks the galloping search of tokenAt against a plain
// binary search for queries in any order.
func TestTokenAtGallop(t *testing.T) {
	var toks []segment.Token
	for off, n := 0, 0; n < 300; n++ {
		w := 1 + n%4*3
		if n%7 == 0 {
			off += 2 // a gap: offsets between tokens belong to none
		}
		toks = append(toks, segment.NewToken("", "", segment.Span{Start: off, End: off + w}))
		off += w
	}
	x := &extractor{tokens: toks}
	want := func(off int) int {
		i := sort.Search(len(toks), func(i int) bool { return toks[i].Span().End > off })
		if i < len(toks) && toks[i].Span().Start <= off {
			return i
		}
		return -1
	}
	last := toks[len(toks)-1].Span().End
	for q := 0; q < 20000; q++ {
		off := (q*7919 + q*q*31) % (last + 5)
		if q%3 == 0 {
			off = (q / 3) % (last + 5) // runs of nearby queries
		}
		if got, w := x.tokenAt(off), want(off); got != w {
			t.Fatalf("tokenAt(%d) = %d, want %d (hint %d)", off, got, w, x.tokHint)
		}
	}
}

// FuzzParseCN asserts Chinese numerals parse to finite values (issue 17
// item 6: 38 × 亿 overflowed to +Inf) and Extract drops what does not.
func FuzzParseCN(f *testing.F) {
	for _, s := range []string{"九千九百九十九万" + strings.Repeat("亿", 38), "一亿二千万", "十二三", "二〇二二", strings.Repeat("九", 400)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, hi, _ := parseCN(s)
		if math.IsInf(v, 0) || math.IsNaN(v) || math.IsInf(hi, 0) || math.IsNaN(hi) {
			t.Fatalf("parseCN(%q) = %v, %v", s, v, hi)
		}
		doc := segment.NewDocument("f.txt", segment.FormatText, "utf-8", "完成"+s+"元。", nil)
		for _, c := range Extract(doc, nil, nil, &lexicon.Lexicon{}) {
			if !c.parseable() {
				t.Fatalf("claim %q kept with value %v", c.Text, *c.Value)
			}
		}
	})
}
