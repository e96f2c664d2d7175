package analyze

import (
	"github.com/reportlint/reportlint/lexicon"
	"testing"

	"github.com/reportlint/reportlint/segment"
)

func FuzzFindPlaceholders(f *testing.F) {
	for _, s := range []string{
		"全年完成投资**亿元，增长**％。", "20XX年X月X日", "【 】〖待补〗（待补充）[ ]", "**加粗**与*斜体*", "○○会议室，二〇二二年",
		"TODO TBD 待定 ____", "某某某", "3*4 5×6 1920x1080", "*", "【", "（待", "**",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	lex := testLexicon(f)
	f.Fuzz(func(t *testing.T, s string, md bool) {
		format := segment.FormatText
		if md {
			format = segment.FormatMarkdown
		}
		doc := segment.NewDocument("f", format, "utf-8", s, nil)
		prev := -1
		for _, p := range FindPlaceholders(doc, lex) {
			if p.Start < 0 || p.End > len(s) || p.Start >= p.End {
				t.Fatalf("bad span %v in %q", p.Span, s)
			}
			if p.Start < prev {
				t.Fatalf("overlapping or unsorted blanks at %d in %q", p.Start, s)
			}
			prev = p.End
			if p.Text != s[p.Start:p.End] {
				t.Fatalf("text %q != slice %q", p.Text, s[p.Start:p.End])
			}
			if p.Kind != KindNumber && p.Kind != KindName && p.Kind != KindDate {
				t.Fatalf("bad kind %q", p.Kind)
			}
		}
	})
}

// TestMeasureWordsFromLexicon: the measure words come from the lexicon, so
// a user list makes **棵 a missing number.
func TestMeasureWordsFromLexicon(t *testing.T) {
	doc := segment.NewDocument("f.txt", segment.FormatText, "utf-8", "全年植树**棵。\n", nil)
	kind := func(lex *lexicon.Lexicon) (string, string) {
		phs := FindPlaceholders(doc, lex)
		if len(phs) != 1 {
			t.Fatalf("placeholders %+v", phs)
		}
		return phs[0].Kind, phs[0].Unit
	}
	if k, _ := kind(testLexicon(t)); k == KindNumber {
		t.Fatalf("棵 is not a built-in measure word; kind %s", k)
	}
	lex := &lexicon.Lexicon{Lists: []lexicon.WordList{{ID: lexicon.ListMeasureWords, Words: []string{"棵"}}}}
	if k, u := kind(lex); k != KindNumber || u != "棵" {
		t.Errorf("with 棵 in measure-words: kind %s unit %q", k, u)
	}
}
