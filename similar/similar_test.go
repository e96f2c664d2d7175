package similar

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

func readFixtures(t *testing.T, names ...string) []string {
	t.Helper()
	var out []string
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join("testdata", n))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

// lineOfText returns the span of the line of s that contains sub, from sub to
// the line's end, and its 1-based line number.
func lineOfText(t *testing.T, s, sub string) (start, end, line int) {
	t.Helper()
	start = strings.Index(s, sub)
	if start < 0 {
		t.Fatalf("%q not in fixture", sub)
	}
	end = start + strings.IndexByte(s[start:], '\n')
	return start, end, strings.Count(s[:start], "\n") + 1
}

// letters counts letters and digits, independently of the package's helper.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

func findPair(pairs []Pair, a, b int) *Pair {
	for i := range pairs {
		if pairs[i].A == a && pairs[i].B == b {
			return &pairs[i]
		}
	}
	return nil
}

// Fixtures: copy_a.txt line 7 (农村公路建设…) is copied verbatim into
// copy_b.txt line 6 and lightly edited into edited_b.txt line 8 (four
// changes: 187→193, 踏勘→勘察, 64→71, 到户→入户). boiler_a.txt and boiler_b.txt
// share with each other and with copy_a.txt only standard formulations
// (两个确立, 四个意识, 中央八项规定, 一岗双责, 四自) and stock phrases: silent.
func TestFixtures(t *testing.T) {
	names := []string{"copy_a.txt", "copy_b.txt", "edited_b.txt", "boiler_a.txt", "boiler_b.txt"}
	texts := readFixtures(t, names...)
	ix := indexTexts(t, defaultOptions(t), texts)
	pairs, err := ix.Pairs(loader(texts))
	if err != nil {
		t.Fatal(err)
	}
	const para = "农村公路建设。针对山区乡镇"
	sa, ea, la := lineOfText(t, texts[0], para)
	sb, eb, lb := lineOfText(t, texts[1], para)
	_, _, le := lineOfText(t, texts[2], para)

	// Verbatim copy: exactly the paragraph after its heading number.
	p := findPair(pairs, 0, 1)
	if p == nil || len(p.Passages) != 1 {
		t.Fatalf("copy_a–copy_b: want one passage, got %+v", p)
	}
	ps := p.Passages[0]
	if ps.A.Start != sa || ps.A.End != ea || ps.B.Start != sb || ps.B.End != eb {
		t.Errorf("copy_a–copy_b spans %v %v, want [%d,%d) [%d,%d)", ps.A, ps.B, sa, ea, sb, eb)
	}
	if ps.LinesA != [2]int{la, la} || ps.LinesB != [2]int{lb, lb} || la != 7 || lb != 6 {
		t.Errorf("copy_a–copy_b lines %v %v, want 7 and 6", ps.LinesA, ps.LinesB)
	}
	if !ps.Identical || ps.Similarity != 1 {
		t.Errorf("verbatim copy: identical %v similarity %v", ps.Identical, ps.Similarity)
	}
	n := letters(texts[0][sa:ea])
	if want := float64(n) * 100 / float64(letters(texts[0])); abs(int(p.ShareA*10)-int(want*10+0.5)) > 1 {
		t.Errorf("share of copy_a %.1f%%, want %.1f%%", p.ShareA, want)
	}
	if want := float64(n) * 100 / float64(letters(texts[1])); abs(int(p.ShareB*10)-int(want*10+0.5)) > 1 {
		t.Errorf("share of copy_b %.1f%%, want %.1f%%", p.ShareB, want)
	}
	if !strings.HasPrefix(ps.Excerpt, "农村公路建设。针对") || ps.ExcerptB != "" {
		t.Errorf("excerpt %q / %q", ps.Excerpt, ps.ExcerptB)
	}

	// Lightly edited copies: near-identical, same lines.
	for _, k := range [][2]int{{0, 2}, {1, 2}} {
		p := findPair(pairs, k[0], k[1])
		if p == nil || len(p.Passages) != 1 {
			t.Errorf("%s–%s: want one passage, got %+v", names[k[0]], names[k[1]], p)
			continue
		}
		ps := p.Passages[0]
		wantA := map[int]int{0: la, 1: lb}[k[0]]
		if ps.LinesA != [2]int{wantA, wantA} || ps.LinesB != [2]int{le, le} || le != 8 {
			t.Errorf("%s–%s lines %v %v, want %d and 8", names[k[0]], names[k[1]], ps.LinesA, ps.LinesB, wantA)
		}
		if ps.Identical || ps.Similarity >= 1 || ps.Similarity < 0.9 {
			t.Errorf("%s–%s: identical %v similarity %v, want near-identical", names[k[0]], names[k[1]], ps.Identical, ps.Similarity)
		}
		if !strings.HasPrefix(ps.Excerpt, "农村公路建设。针对") || !strings.HasSuffix(texts[2][ps.B.Start:ps.B.End], "进组入户。") {
			t.Errorf("%s–%s: passage does not cover the paragraph: %q", names[k[0]], names[k[1]], texts[2][ps.B.Start:ps.B.End])
		}
	}

	// Nothing else: the boilerplate look-alikes stay silent.
	if len(pairs) != 3 {
		for _, p := range pairs {
			if p.A >= 3 || p.B >= 3 {
				t.Errorf("unexpected pair %s–%s: %q", names[p.A], names[p.B], p.Passages[0].Excerpt)
			}
		}
	}
}

// The same reports in another order give the same passages.
func TestOrderIndependent(t *testing.T) {
	names := []string{"copy_a.txt", "copy_b.txt", "edited_b.txt", "boiler_a.txt", "boiler_b.txt"}
	texts := readFixtures(t, names...)
	rev := make([]string, len(texts))
	for i := range texts {
		rev[len(texts)-1-i] = texts[i]
	}
	pa, err := indexTexts(t, defaultOptions(t), texts).Pairs(loader(texts))
	if err != nil {
		t.Fatal(err)
	}
	pb, err := indexTexts(t, defaultOptions(t), rev).Pairs(loader(rev))
	if err != nil {
		t.Fatal(err)
	}
	if len(pa) != len(pb) || len(pa) == 0 {
		t.Fatalf("%d pairs vs %d reversed", len(pa), len(pb))
	}
	key := func(texts []string, i int, sp [2]int) string { return texts[i][sp[0]:sp[1]] }
	seen := map[string]bool{}
	for _, p := range pa {
		for _, ps := range p.Passages {
			seen[key(texts, p.A, [2]int{ps.A.Start, ps.A.End})+"|"+key(texts, p.B, [2]int{ps.B.Start, ps.B.End})] = true
		}
	}
	for _, p := range pb {
		for _, ps := range p.Passages {
			// reversed: B is the earlier report of the original order
			k := key(rev, p.B, [2]int{ps.B.Start, ps.B.End}) + "|" + key(rev, p.A, [2]int{ps.A.Start, ps.A.End})
			if !seen[k] {
				t.Errorf("reversed order found a different passage: %q", k)
			}
		}
	}
}

// A paragraph shared by otherwise unrelated reports is copying when it is a
// large part of them, whatever the number of holders (no count-based
// template rule): with 2 or 6 of 8 short reports holding it, every holder
// pair is reported (by Pairs, and by Compare as pairs or one ring).
func TestSharedParagraphNotCountTemplate(t *testing.T) {
	base := readFixtures(t, "copy_a.txt")[0]
	start := strings.Index(base, "针对山区乡镇")
	shared := base[start : start+strings.IndexByte(base[start:], '\n')]
	for _, holders := range []int{2, 6} {
		texts := make([]string, 8)
		for i := range texts {
			// distinct filler so that only the shared paragraph is common
			texts[i] = fillerReport(i)
			if i < holders {
				texts[i] += "\n（五）" + shared + "\n"
			}
		}
		ix := indexTexts(t, defaultOptions(t), texts)
		pairs, err := ix.Pairs(loader(texts))
		if err != nil {
			t.Fatal(err)
		}
		if want := holders * (holders - 1) / 2; len(pairs) != want {
			t.Errorf("paragraph in %d of 8 reports: %d pairs, want %d", holders, len(pairs), want)
		}
		c := ix.Compare()
		linked := map[[2]int]bool{}
		for _, p := range c.Pairs {
			linked[[2]int{p.A, p.B}] = true
		}
		for _, r := range c.Rings {
			for x, a := range r.Members {
				for _, b := range r.Members[x+1:] {
					linked[[2]int{a, b}] = true
				}
			}
		}
		for a := 0; a < 8; a++ {
			for b := a + 1; b < 8; b++ {
				if linked[[2]int{a, b}] != (b < holders) {
					t.Errorf("paragraph in %d of 8: pair %d–%d linked %v", holders, a, b, linked[[2]int{a, b}])
				}
			}
		}
		if len(c.Template) != 0 {
			t.Errorf("paragraph in %d of 8: template %+v", holders, c.Template)
		}
	}
}

// fillerReport is report i of a batch with little in common with others.
func fillerReport(i int) string {
	subjects := []string{"城东片区", "河西园区", "南山林场", "北湖湿地", "西城街道", "老城社区", "新港码头", "高铁新城"}
	works := []string{"雨污分流改造", "背街小巷整治", "林下经济试点", "候鸟栖息地保护", "电动自行车集中充电", "适老化改造", "冷链仓储扩容", "地下管廊建设"}
	nums := []string{"一", "二", "三", "四"}
	var b strings.Builder
	b.WriteString("2024年度" + subjects[i] + "管理处工作总结\n\n")
	for k := 0; k < 4; k++ {
		s, w := subjects[(i+k)%8], works[(i*3+k)%8]
		b.WriteString("（" + nums[k] + "）" + s + w + "情况。今年" + s + "完成" + w + "第" + nums[k] + "阶段任务，投入资金" + strings.Repeat("8", k+1) + "万元。\n")
	}
	return b.String()
}

// Compare, from fingerprints alone, finds the same pairs as Pairs on the
// fixtures, on the same lines, with passages inside Pairs' exact ones.
func TestCompareMatchesPairs(t *testing.T) {
	names := []string{"copy_a.txt", "copy_b.txt", "edited_b.txt", "boiler_a.txt", "boiler_b.txt"}
	texts := readFixtures(t, names...)
	ix := indexTexts(t, defaultOptions(t), texts)
	exact, err := ix.Pairs(loader(texts))
	if err != nil {
		t.Fatal(err)
	}
	c := ix.Compare()
	if len(c.Pairs) != len(exact) || len(c.Rings) != 0 {
		t.Fatalf("Compare: %d pairs, %d rings; Pairs: %d pairs", len(c.Pairs), len(c.Rings), len(exact))
	}
	for _, e := range exact {
		p := findPair(c.Pairs, e.A, e.B)
		if p == nil || len(p.Passages) != len(e.Passages) {
			t.Errorf("%s–%s: Compare %+v", names[e.A], names[e.B], p)
			continue
		}
		for k, ps := range p.Passages {
			x := e.Passages[k]
			if ps.LinesA != x.LinesA || ps.LinesB != x.LinesB || !ps.Estimated ||
				ps.A.Start < x.A.Start || ps.A.End > x.A.End || ps.B.Start < x.B.Start || ps.B.End > x.B.End {
				t.Errorf("%s–%s: estimated %+v, exact %+v", names[e.A], names[e.B], ps, x)
			}
			if ps.Excerpt == "" || !strings.Contains(texts[e.A], strings.TrimPrefix(strings.TrimSuffix(ps.Excerpt, "…"), "…")) {
				t.Errorf("excerpt %q", ps.Excerpt)
			}
		}
		if p.ShareA > e.ShareA+0.1 || p.ShareA < e.ShareA*0.7 {
			t.Errorf("%s–%s: share %.1f, exact %.1f", names[e.A], names[e.B], p.ShareA, e.ShareA)
		}
	}
}
