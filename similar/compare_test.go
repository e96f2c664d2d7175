package similar

import (
	"fmt"
	"testing"

	"github.com/reportlint/reportlint/segment"
)

// An edited copy matches only some of its fingerprints, so the matched
// characters are about half the passage's. Compare must judge the share of
// stock wording on the whole passage, as Pairs does, not on the matched
// characters: otherwise a stock phrase inside the passage drops the pair
// from Compare alone. The phrases are the test's own, not the lexicon's.
func TestCompareEditedCopyWithStockPhrases(t *testing.T) {
	texts := readFixtures(t, "copy_a.txt", "edited_b.txt")
	seg := segment.NewSegmenterFor(texts, nil)
	for _, bp := range [][]string{nil, {"客车"}, {"客车", "车道"}, {"客车", "车道", "编排", "公里"}} {
		t.Run(fmt.Sprint(bp), func(t *testing.T) {
			ix := NewIndex(Options{Boilerplate: bp})
			for i, s := range texts {
				ix.Add(i, ix.Fingerprint(s, seg.Tokens(s)))
			}
			exact, err := ix.Pairs(loader(texts))
			if err != nil {
				t.Fatal(err)
			}
			if len(exact) != 1 || len(exact[0].Passages) != 1 {
				t.Fatalf("Pairs: %+v, want one pair with one passage", exact)
			}
			c := ix.Compare()
			if len(c.Pairs) != 1 || len(c.Pairs[0].Passages) != 1 {
				t.Fatalf("Compare: %+v; Pairs found %+v", c.Pairs, exact)
			}
			e, p := exact[0].Passages[0], c.Pairs[0].Passages[0]
			if p.LinesA != e.LinesA || p.LinesB != e.LinesB || p.Own > e.Own || p.Own < p.CharsA/2 {
				t.Errorf("estimated %+v, exact %+v", p, e)
			}
		})
	}
}

// A single character is no stock phrase: masking it would mask ordinary
// words (实 in 实现).
func TestBoilerplateIgnoresSingleRunes(t *testing.T) {
	m := newMatcher([]string{"实", "亲", "诚", "亲诚惠容"})
	got := m.mask("实现了亲诚惠容，真诚", nil)
	if len(got) != 1 || got[0] != (segment.Span{Start: 9, End: 21}) {
		t.Errorf("mask %+v, want only 亲诚惠容 at [9,21)", got)
	}
}

// Two shared sentences with different text between them are no passage:
// Pairs splits at the gap, and so must Compare, though the stock share of
// the whole stretch is low.
func TestCompareSplitsAtDifferentText(t *testing.T) {
	texts := []string{
		"一、主要工作\n加大督促检查力度，确保各项任务按期保质完成，年度目标全部实现。规范编制退役军人风险防控清单，及时压实养老机构数据归集责任，建设工地日常巡查实现全覆盖，运行质量稳步提升。主动向上争取政策和资金支持，推动重点项目尽快落地见效。\n二、存在问题\n基层站所人员不足，设备老化。\n",
		"一、重点任务\n加大督促检查力度，确保各项任务按期保质完成，年度目标全部实现。逐步引进食品安全资金监管，农贸市场改造全面完成，城区菜篮子供应保持平稳，群众反映良好。主动向上争取政策和资金支持，推动重点项目尽快落地见效。\n二、下步打算\n继续推进冷链物流体系建设。\n",
	}
	seg := segment.NewSegmenterFor(texts, nil)
	ix := NewIndex(Options{})
	for i, s := range texts {
		ix.Add(i, ix.Fingerprint(s, seg.Tokens(s)))
	}
	exact, err := ix.Pairs(loader(texts))
	if err != nil {
		t.Fatal(err)
	}
	if c := ix.Compare(); len(c.Pairs) != len(exact) {
		t.Errorf("Compare: %+v; Pairs: %+v", c.Pairs, exact)
	}
	if len(exact) != 0 {
		t.Errorf("Pairs: %+v, want none", exact)
	}
}
