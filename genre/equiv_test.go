package genre

import (
	"regexp"
	"slices"
	"testing"

	"github.com/reportlint/reportlint/internal/textrun"
	"github.com/reportlint/reportlint/segment"
)

// equivSeeds are texts for the equivalence fuzzers: masks across lines,
// salutations with blanks, dates at line starts, invalid UTF-8.
var equivSeeds = []string{
	"同志们：\n各位代表：\n　各位代表:", "\u3000同志们：\n x各位代表：", "\xe3同志们：\n\t各位代表：", "各位代表：\n同志们：\n各位代表：",
	"见“近日\n目前”与《目前》，https://a.cn/目前 www.x.cn\n`code 近日`\n目前", "a@b.cn 目前 file.txt近日 “未闭合\n目前”",
	"——2026年1月25日在大会上\n近日", "  2026年3月5日\n目前", "二〇二六年三月五日\n日前", "正文\n\xff2026年3月5日",
}

// FuzzLineMask holds lineMask to textrun.NewMask(t, 2) over the whole text.
func FuzzLineMask(f *testing.F) {
	for _, s := range equivSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tx := textrun.New(s)
		want := textrun.NewMask(tx, 2)
		lm := &lineMask{t: tx}
		for i := tx.Len() - 1; i >= -1; i-- { // backwards: every line rebuilt
			if got := lm.at(i); i >= 0 && got != want[i] {
				t.Fatalf("rune %d of %q: lineMask %v, NewMask %v", i, s, got, want[i])
			}
		}
	})
}

var (
	salRef  = regexp.MustCompile(`(?m)^[ \t\x{3000}]*(同志们|各位代表)[：:]`)
	dateRef = regexp.MustCompile(`(?m)^[ \t\x{3000}]*(?:——.{0,20})?(?:\d{4}|[〇零一二三四五六七八九]{4})年(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日`)
)

// salutationRef is salutation as one regexp pass over the text.
func salutationRef(s string) (first segment.Span, later []segment.Span) {
	locs := salRef.FindAllStringSubmatchIndex(s, -1)
	if len(locs) < 2 || s[locs[0][2]:locs[0][3]] != "同志们" {
		return
	}
	for _, l := range locs[1:] {
		if s[l[2]:l[3]] == "各位代表" {
			later = append(later, segment.Span{Start: l[2], End: l[3]})
		}
	}
	if len(later) == 0 {
		return
	}
	return segment.Span{Start: locs[0][2], End: locs[0][3]}, later
}

// FuzzSalutationDated holds salutation and dated to the regexps they
// replace.
func FuzzSalutationDated(f *testing.F) {
	for _, s := range equivSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		first, later := salutationRef(s)
		hs := salutation(textrun.New(s))
		switch {
		case len(later) == 0 && len(hs) != 0:
			t.Fatalf("salutation(%q) = %+v, want none", s, hs)
		case len(later) > 0 && (len(hs) != 1 || hs[0].Span != first || !slices.Equal(hs[0].Related, later)):
			t.Fatalf("salutation(%q) = %+v, want %v then %v", s, hs, first, later)
		}
		if got, want := dated(s), dateRef.MatchString(s); got != want {
			t.Fatalf("dated(%q) = %v, want %v", s, got, want)
		}
	})
}
