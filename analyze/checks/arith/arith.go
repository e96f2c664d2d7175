// Package arith checks the arithmetic of a report's figures: items against
// their stated total (合计、总计、共计), shares against the part and the whole
// they come from, growth rates against the before and after values, and
// “下降了N倍”. It reads the numeric claims (analyze.Claims) and stays silent
// when a figure is approximate, a range or unclear. Checks the number check
// already makes (a part larger than its whole, a share over 100％, 同比增长
// against the last year's value, stacked approximations such as 近…余) are not
// repeated here.
package arith

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/claims"
	"github.com/reportlint/reportlint/internal/lazy"
	"github.com/reportlint/reportlint/internal/textrun"
	"github.com/reportlint/reportlint/segment"
)

// Check checks the arithmetic of figures.
var Check = &analyze.Check{
	Name: "arith",
	Doc: "数据逻辑：分项与“合计”“总计”“共计”之和不符、占比与分项和总数算出的比例相差超过0.1个百分点、" +
		"“由A增长到B，增长X％”与前后数值算出的增幅不符，以及“下降了N倍”的误用。" +
		"约数、范围和看不清对应关系的数字不报；部分大于整体、比重超过100％、同比增速、概数叠用（近…余）由 number 检查负责。",
	Severity: analyze.Warning,
	Rules: []*analyze.Rule{
		{ID: "arith.sum", Title: "疑似合计与分项之和不符", Doc: "逐项列出数值后写“合计”“总计”“共计”，而各项之和与合计数不符（按写出的位数留出四舍五入的误差）",
			Severity: analyze.Warning, Group: analyze.GroupConsistency, Source: analyze.SourcePractice, Heuristic: true,
			Good: "项目资金10万元、20万元、30万元，合计60万元。", Bad: "项目资金10万元、20万元、30万元，合计70万元。"},
		{ID: "arith.share", Title: "疑似占比计算有误", Doc: "“共N，其中A为a，占X％”中 a÷N 与 X％ 相差超过0.1个百分点（已计入四舍五入误差）",
			Severity: analyze.Warning, Group: analyze.GroupConsistency, Source: analyze.SourcePractice, Heuristic: true,
			Good: "共有企业200家，其中高新技术企业50家，占25％。", Bad: "共有企业200家，其中高新技术企业50家，占30％。"},
		{ID: "arith.growth", Title: "疑似增幅计算有误", Doc: "“由A增长到B，增长X％”中 (B−A)÷A 与 X％ 相差超过0.1个百分点；年均增速、同比增速不在此列",
			Severity: analyze.Warning, Group: analyze.GroupConsistency, Source: analyze.SourcePractice, Heuristic: true,
			Good: "收入由100亿元增长到120亿元，增长20％。", Bad: "收入由100亿元增长到120亿元，增长25％。"},
		{ID: "arith.decline-times", Title: "减少不能用“倍”", Doc: "“倍”只用于增加；表示减少用百分数或分数（“下降了3倍”应改写为“下降了75％”或“降至四分之一”）",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourcePractice,
			Good: "成本下降了75％。", Bad: "成本下降了3倍。"},
	},
	NeedsTokens: true,
	NeedsRunes:  true,
	Run:         run,
}

func run(p *analyze.Pass) error {
	declineTimes(p) // first: its rune view is then free before the claims are built
	cs := p.Claims()
	sums(p, cs)
	shares(p, cs)
	growth(p, cs)
	return nil
}

// exact reports whether a claim is one exact, written figure.
func exact(c *analyze.Claim) bool {
	if c.Value == nil || c.Unfilled || c.RangeEnd != nil || c.Qualifier != "" || math.IsInf(*c.Value, 0) || math.IsNaN(*c.Value) {
		return false
	}
	switch c.Kind {
	case analyze.ClaimYear, analyze.ClaimMonth, analyze.ClaimDate, analyze.ClaimRank, "time", "range":
		return false
	}
	return c.Unit != "" && !strings.ContainsAny(c.Text, "*×X＊")
}

var numRun = lazy.Regexp(`[0-9][0-9,，]*(\.[0-9]+)?`)

// scale returns the claim's multiplier (Value over the written number) and
// half a unit of its last written digit, in Value's terms: 1.2万 → 10000, 500.
func scale(c *analyze.Claim) (mult, half float64, ok bool) {
	m := numRun().FindString(c.Text)
	if m == "" {
		return 0, 0, false
	}
	m = strings.NewReplacer(",", "", "，", "").Replace(m)
	n, err := strconv.ParseFloat(m, 64)
	if err != nil || n == 0 {
		return 0, 0, false
	}
	dec := 0
	if i := strings.IndexByte(m, '.'); i >= 0 {
		dec = len(m) - i - 1
	}
	mult = *c.Value / n
	return mult, 0.5 * math.Pow(10, -float64(dec)) * mult, true
}

// plain says a claim carries no relation that makes it something other than
// a level: a growth, a share, a last-year value, a cumulative or new amount.
func plain(c *analyze.Claim) bool {
	return c.Rel()&(claims.RelYoY|claims.RelYoYDown|claims.RelGrowth|claims.RelDecline|claims.RelShare|claims.RelPrevYear|
		claims.RelCumulative|claims.RelNew|claims.RelBuilt|claims.RelOverTarget|claims.RelTargetAfter|claims.RelFrom|claims.RelTo) == 0
}

func format(v, mult float64, unitText string) string {
	return strconv.FormatFloat(v/mult, 'f', -1, 64) + unitText
}

// ---------------------------------------------------------------------------
// arith.sum

var totalWords = []string{"合计", "总计", "共计"}

// sums checks “A a、B b、C c，合计 t”: every claim of the sentence before the
// total is an item of the same unit.
func sums(p *analyze.Pass, cs []analyze.Claim) {
	text := p.Doc.Text
	for i := range cs {
		t := &cs[i]
		if !exact(t) || t.Unit == "％" {
			continue
		}
		lead := strings.TrimRight(text[t.Sentence.Start:t.Start], "为达")
		if !hasSuffixAny(lead, totalWords) {
			continue
		}
		clause := lead[:len(lead)-len("合计")] // every total word is two runes
		if strings.Contains(text[t.Sentence.Start:t.Sentence.End], "其中") {
			continue // 其中 lists may overlap or leave items out
		}
		var items []*analyze.Claim
		ok := true
		for k := i - 1; k >= 0 && cs[k].Sentence == t.Sentence; k-- {
			o := &cs[k]
			if !exact(o) || o.Unit != t.Unit || o.Kind != t.Kind || !plain(o) {
				ok = false
				break
			}
			items = append(items, o)
		}
		if !ok || len(items) < 2 {
			continue
		}
		// the items are a list: separated by 、 ， or 和 only after a short label
		if strings.ContainsAny(clause, "；;。") {
			continue
		}
		tm, th, ok1 := scale(t)
		if !ok1 {
			continue
		}
		sum, slack := 0.0, th
		for _, o := range items {
			_, h, ok := scale(o)
			if !ok {
				ok1 = false
				break
			}
			sum += *o.Value
			slack += h
		}
		if !ok1 || math.Abs(sum-*t.Value) <= slack*1.0000001 {
			continue
		}
		rel := make([]analyze.Related, 0, len(items))
		for k := len(items) - 1; k >= 0; k-- {
			rel = append(rel, analyze.Related{Span: items[k].Span, Message: "分项"})
		}
		p.Report(analyze.Finding{Rule: "sum", Span: t.Span,
			Message: fmt.Sprintf("疑似合计与分项之和不符：前面%d项之和为%s，文中合计为%s，请核实", len(items),
				format(sum, tm, t.UnitText), t.Text),
			Related: rel})
	}
}

func hasSuffixAny(s string, ws []string) bool {
	for _, w := range ws {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// ---------------------------------------------------------------------------
// arith.share

// shareLinks may stand between a part and its share: 50家，占25％.
var shareLinks = map[string]bool{"占": true, "占比": true, "占比为": true, "占比达": true, "占总数的": true, "占总量的": true,
	"占总额的": true, "占全部的": true, "占比重": true}

// shares checks “共N，其中A a，占X％” against a÷N.
func shares(p *analyze.Pass, cs []analyze.Claim) {
	text := p.Doc.Text
	for i := 2; i < len(cs); i++ {
		s := &cs[i]
		if !exact(s) || s.Unit != "％" || s.Rel()&(claims.RelGrowth|claims.RelDecline|claims.RelYoY|claims.RelYoYDown) != 0 {
			continue
		}
		part := &cs[i-1]
		if part.Sentence != s.Sentence || !exact(part) || part.Unit == "％" || !plain(part) {
			continue
		}
		link := strings.Trim(text[part.End:s.Start], "，, ")
		if !shareLinks[link] {
			continue
		}
		// the whole: the one claim of the same unit right before “，其中”
		qi := strings.LastIndex(text[s.Sentence.Start:part.Start], "其中")
		if qi < 0 {
			continue
		}
		qi += s.Sentence.Start
		var whole *analyze.Claim
		for k := i - 2; k >= 0 && cs[k].Sentence == s.Sentence; k-- {
			if cs[k].End <= qi {
				whole = &cs[k]
				break
			}
			if cs[k].Unit == part.Unit {
				whole = nil // another part of the same list before this one: 其中A 3家、B 5家
				break
			}
		}
		if whole == nil || !exact(whole) || whole.Unit != part.Unit || !plain(whole) ||
			strings.Trim(text[whole.End:qi], "，, ") != "" {
			continue
		}
		_, hp, ok1 := scale(part)
		_, hw, ok2 := scale(whole)
		_, hs, ok3 := scale(s)
		pv, wv, sv := *part.Value, *whole.Value, *s.Value
		if !ok1 || !ok2 || !ok3 || wv-hw <= 0 || pv > wv {
			continue
		}
		lo, hi := (pv-hp)/(wv+hw)*100, (pv+hp)/(wv-hw)*100
		if sv+hs+0.1 >= lo && sv-hs-0.1 <= hi {
			continue
		}
		got := pv / wv * 100
		p.Report(analyze.Finding{Rule: "share", Span: s.Span,
			Message: fmt.Sprintf("疑似占比计算有误：%s÷%s≈%s％，文中为%s，请核实", part.Text, whole.Text,
				strconv.FormatFloat(got, 'f', 1, 64), s.Text),
			Related: []analyze.Related{{Span: whole.Span, Message: "总数"}, {Span: part.Span, Message: "分项"}}})
	}
}

// ---------------------------------------------------------------------------
// arith.growth

// growth checks “由A增长到B，增长X％” against (B−A)÷A.
func growth(p *analyze.Pass, cs []analyze.Claim) {
	text := p.Doc.Text
	for i := 2; i < len(cs); i++ {
		g := &cs[i]
		if !exact(g) || g.Unit != "％" || g.Rel()&(claims.RelGrowth|claims.RelDecline) == 0 || g.Rel()&(claims.RelYoY|claims.RelYoYDown|claims.RelShare) != 0 {
			continue
		}
		b, a := &cs[i-1], &cs[i-2]
		if a.Sentence != g.Sentence || b.Sentence != g.Sentence || a.Rel()&claims.RelFrom == 0 || b.Rel()&claims.RelTo == 0 ||
			!exact(a) || !exact(b) || a.Unit != b.Unit || a.Unit == "％" {
			continue
		}
		link := text[b.End:g.Start]
		if utf8.RuneCountInString(link) > 6 || strings.ContainsAny(link, "；;。") ||
			hasAny(link, []string{"年均", "平均", "同比", "比上年", "较上年", "每年", "累计"}) || hasAny(text[a.Start:b.Start], []string{"年均", "平均"}) {
			continue
		}
		_, ha, ok1 := scale(a)
		_, hb, ok2 := scale(b)
		_, hg, ok3 := scale(g)
		av, bv, gv := *a.Value, *b.Value, *g.Value
		if !ok1 || !ok2 || !ok3 || av-ha <= 0 {
			continue
		}
		down := g.Rel()&claims.RelDecline != 0
		if down != (bv < av) {
			continue // the direction is number.relation's
		}
		lo, hi := (bv-hb-(av+ha))/(av+ha)*100, (bv+hb-(av-ha))/(av-ha)*100
		if down {
			lo, hi = (av-ha-(bv+hb))/(av-ha)*100, (av+ha-(bv-hb))/(av+ha)*100
			lo, hi = math.Min(lo, hi), math.Max(lo, hi)
		}
		if gv+hg+0.1 >= lo && gv-hg-0.1 <= hi {
			continue
		}
		got := math.Abs(bv-av) / av * 100
		verb := "增长"
		if down {
			verb = "下降"
		}
		p.Report(analyze.Finding{Rule: "growth", Span: g.Span,
			Message: fmt.Sprintf("疑似增幅计算有误：由%s到%s应%s约%s％，文中为%s，请核实", a.Text, b.Text, verb,
				strconv.FormatFloat(got, 'f', 1, 64), g.Text),
			Related: []analyze.Related{{Span: a.Span, Message: "原数值"}, {Span: b.Span, Message: "新数值"}}})
	}
}

func hasAny(s string, ws []string) bool {
	for _, w := range ws {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// ---------------------------------------------------------------------------
// arith.decline-times

var declineTimesRE = lazy.Regexp(`(?:下降|减少|降低|缩小|缩减|减小|压缩)了?(?:[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十]+)倍$`)

// declineTimes reports 下降了3倍 outside quotations, URLs and code.
func declineTimes(p *analyze.Pass) {
	text := p.Doc.Text
	var locs [][]int
	// match only in a short window before each 倍 (the regexp over the
	// whole text costs more than every other rule of the check)
	for off := 0; ; {
		k := strings.Index(text[off:], "倍")
		if k < 0 {
			break
		}
		end := off + k + len("倍")
		start := max(off, end-48)
		for start > 0 && !utf8.RuneStart(text[start]) {
			start++
		}
		if l := declineTimesRE().FindStringIndex(text[start:end]); l != nil && start+l[1] == end {
			locs = append(locs, []int{start + l[0], end})
		}
		off = end
	}
	if len(locs) == 0 {
		return
	}
	t := p.Runes()
	mask := textrun.NewMask(t, 2)
	for _, l := range locs {
		i := runeIndex(t, l[0])
		j := runeIndex(t, l[1])
		if mask.Any(i, j) {
			continue
		}
		w := text[l[0]:l[1]]
		p.Report(analyze.Finding{Rule: "decline-times", Span: segment.Span{Start: l[0], End: l[1]},
			Message: fmt.Sprintf("“倍”只用于增加：“%s”表意不明，应改用百分数或分数（如“下降了75％”“降至四分之一”）", w)})
	}
}

func runeIndex(t *textrun.Text, off int) int {
	lo, hi := 0, t.Len()
	for lo < hi {
		m := (lo + hi) / 2
		if t.Off(m) < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
