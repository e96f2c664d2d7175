package similar

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/corpus"
)

// editCopy lightly edits a copy of a report: a new first line (another
// unit's title), every fifth number changed and one in sixty Han
// characters swapped, as a copier who changes names and figures would.
func editCopy(s string, k int) string {
	lines := strings.SplitN(s, "\n", 2)
	head := fmt.Sprintf("第%d份报告：%s", k+1, lines[0])
	rs := []rune(lines[len(lines)-1])
	swaps := map[rune]rune{'推': '促', '完': '健', '提': '增', '强': '实', '加': '增', '建': '构'}
	digits, han := 0, 0
	for i, r := range rs {
		switch {
		case r >= '0' && r <= '9':
			if digits++; (digits+k)%5 == 0 {
				rs[i] = '0' + (r-'0'+1)%10
			}
		case swaps[r] != 0:
			if han++; (han+k)%60 == 0 {
				rs[i] = swaps[r]
			}
		}
	}
	return head + "\n" + string(rs)
}

// Rings of 2, 5, 10 and 30 lightly edited copies among unrelated generated
// reports are each found as one ring with exactly their members; no other
// ring, and no pair between a ring member and an unrelated report.
func TestRings(t *testing.T) {
	reps := corpus.Generate(corpus.Options{N: 60, Seed: 11, CopyRate: -1, MaxBytes: 12 << 10})
	var texts []string
	for _, r := range reps {
		texts = append(texts, r.Text)
	}
	sizes := []int{2, 5, 10, 30}
	want := make([][]int, len(sizes))
	for ri, size := range sizes {
		src := ri * 7 // a source report among the unrelated ones
		want[ri] = []int{src}
		for k := 1; k < size; k++ {
			want[ri] = append(want[ri], len(texts))
			texts = append(texts, editCopy(texts[src], k))
		}
	}
	ix := indexTexts(t, defaultOptions(t), texts)
	c := ix.Compare()
	if len(c.Rings) != len(sizes) {
		for _, r := range c.Rings {
			t.Logf("ring %v", r.Members)
		}
		t.Fatalf("%d rings, want %d", len(c.Rings), len(sizes))
	}
	ringOf := map[int]int{}
	for ri, w := range want {
		var got *Ring
		for i := range c.Rings {
			if slices.Contains(c.Rings[i].Members, w[0]) {
				got = &c.Rings[i]
			}
		}
		slices.Sort(w)
		if got == nil || !slices.Equal(got.Members, w) {
			t.Errorf("ring of %d: got %+v, want members %v", sizes[ri], got, w)
			continue
		}
		for _, d := range w {
			ringOf[d] = ri + 1
		}
		if got.MinOverlap < 60 || got.MedianOverlap < got.MinOverlap || got.MedianOverlap > 100 {
			t.Errorf("ring of %d: overlaps min %v median %v", sizes[ri], got.MinOverlap, got.MedianOverlap)
		}
		if sum := got.Summary(); !strings.Contains(sum, fmt.Sprintf("这 %d 份报告", sizes[ri])) || !strings.Contains(sum, "请核实") {
			t.Errorf("ring summary %q", sum)
		}
		if n := sizes[ri]; got.PairsMeasured != n*(n-1)/2 {
			t.Errorf("ring of %d: %d pairs measured", n, got.PairsMeasured)
		}
		if len(got.Shared) == 0 || got.Shared[0].Chars < 30 || got.Shared[0].Excerpt == "" {
			t.Errorf("ring of %d: shared passages %+v", sizes[ri], got.Shared)
		}
		for _, sp := range got.Shared {
			if sp.Doc != w[0] || !strings.Contains(texts[sp.Doc][sp.Span.Start:sp.Span.End], strings.TrimPrefix(strings.TrimSuffix(sp.Excerpt, "…"), "…")) {
				t.Errorf("ring of %d: excerpt %q not in its span", sizes[ri], sp.Excerpt)
			}
		}
	}
	for _, p := range c.Pairs {
		if ringOf[p.A] != 0 || ringOf[p.B] != 0 {
			t.Errorf("pair %d–%d involves a ring member (%d, %d)", p.A, p.B, ringOf[p.A], ringOf[p.B])
		}
	}
	for _, tp := range c.Template {
		if ringOf[tp.Example] != 0 && tp.Unrelated < 5 {
			t.Errorf("ring text listed as template: %+v", tp)
		}
	}
}

// A standard opening paragraph (our own wording, not a stock phrase)
// shared by 50 unrelated reports is template: no pair, no ring, and it is
// listed as template held by 50 unrelated reports.
func TestStandardOpeningIsTemplate(t *testing.T) {
	const opening = "根据市直机关年度考核工作安排，按照统一格式和统一口径的要求，本单位对照年初确定的目标任务逐项梳理完成情况，" +
		"认真查找工作中存在的差距，研究提出明年的工作思路和具体措施，经单位领导班子集体讨论后形成本报告。"
	reps := corpus.Generate(corpus.Options{N: 50, Seed: 5, CopyRate: -1, MaxBytes: 12 << 10})
	var texts []string
	for _, r := range reps {
		head, rest, _ := strings.Cut(r.Text, "\n")
		texts = append(texts, head+"\n"+opening+"\n"+rest)
	}
	ix := indexTexts(t, defaultOptions(t), texts)
	c := ix.Compare()
	if len(c.Rings) != 0 || len(c.Pairs) != 0 {
		t.Fatalf("%d rings, %d pairs; want none (first pair %+v)", len(c.Rings), len(c.Pairs), c.Pairs)
	}
	found := false
	for _, tp := range c.Template {
		if tp.Reason == ReasonCommon && tp.Reports >= 45 && tp.Unrelated >= 45 && strings.Contains(opening, strings.Trim(tp.Excerpt, "…")) {
			found = true
		}
		if tp.Why() == "" {
			t.Errorf("template without reason: %+v", tp)
		}
	}
	if !found {
		t.Errorf("opening not listed as template: %+v", c.Template)
	}
	pairs, err := ix.Pairs(loader(texts))
	if err != nil || len(pairs) != 0 {
		t.Errorf("Pairs: %d pairs, err %v", len(pairs), err)
	}
	// With IsStock recognising it, it is listed as stock wording instead.
	opt := defaultOptions(t)
	opt.IsStock = func(s string) bool { return strings.HasPrefix(s, "根据市直机关年度考核工作安排") }
	c = indexTexts(t, opt, texts).Compare()
	if len(c.Rings) != 0 || len(c.Pairs) != 0 || len(c.Template) == 0 || c.Template[0].Reason != ReasonStock || c.Template[0].Reports != 50 {
		t.Errorf("IsStock: rings %d pairs %d template %+v", len(c.Rings), len(c.Pairs), c.Template)
	}
}
