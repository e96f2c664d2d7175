package number

import (
	"fmt"
	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/claims"
	"math"
	"strconv"
	"strings"

	"github.com/reportlint/reportlint/segment"
)

// ---------------------------------------------------------------------------
// number.part-whole

// perCapita mark a rate per person or per area (每千人5.8批次, 人均12平方米):
// such a figure is no total of counts.
var perCapita = []string{"每千人", "每万人", "每十万人", "每百人", "每百户", "每户", "每人", "人均", "户均", "每平方公里", "每公里", "每亩", "每年", "平均", "年均"}

// wholeCandidate reports whether a claim can be a total part belongs to.
func wholeCandidate(text string, w, part *analyze.Claim) bool {
	if w.Value == nil || w.Unit != part.Unit || w.Unit == "" || w.Kind != part.Kind {
		return false
	}
	if lead := text[max(w.Sentence.Start, w.Start-24):w.Start]; hasAny(lead, perCapita) {
		return false
	}
	switch w.Kind {
	case "percent", "multiple", analyze.ClaimYear, analyze.ClaimMonth, analyze.ClaimDate, analyze.ClaimRank, "time":
		return false
	}
	// any other figure before 其中 may be what it refers to (总数, 新增数,
	// 上年数): taking the largest keeps the rule from guessing
	return true
}

func numberPartWhole(p *analyze.Pass, cs []analyze.Claim) {
	text := p.Doc.Text
	for i := range cs {
		c := &cs[i]
		// 占…比重 above 100％
		if c.Rel()&claims.RelShare != 0 && c.Unit == "％" && c.Rel()&(claims.RelGrowth|claims.RelDecline|claims.RelYoY|claims.RelYoYDown) == 0 {
			if lo, _, ok := bounds(c); ok && lo > 100 {
				p.Report(analyze.Finding{Rule: "part-whole", Span: c.Span,
					Message: fmt.Sprintf("比重不能超过100％：“%s”所占比重写为%s", c.Metric, c.Text), Suggestion: "核对比重数值"})
			}
		}
	}
	for i := 0; i < len(cs); i++ {
		if cs[i].Rel()&claims.RelPart == 0 {
			continue
		}
		// the parts: this claim and the later ones of the 其中 clause (it
		// ends at ，or ；: 其中高铁260公里，新增高速公路1800公里 lists no part)
		first := &cs[i]
		from := max(first.Sentence.Start, first.Start-maxLeadBytes)
		qi := strings.LastIndex(text[from:first.Start], "其中")
		if qi < 0 {
			continue
		}
		qi += from
		opens := strings.TrimSpace(text[first.Sentence.Start:qi]) == ""
		clauseEnd := first.Sentence.End
		if j := strings.IndexAny(text[first.Span.End:first.Sentence.End], "，,；;"); j >= 0 {
			clauseEnd = first.Span.End + j
		}
		k := i
		for ; k < len(cs) && cs[k].Sentence == first.Sentence && k-i < maxParts; k++ {
			part := &cs[k]
			if k > i && (part.Rel()&claims.RelPart != 0 || part.Start >= clauseEnd) {
				break
			}
			lo, _, ok := bounds(part)
			if !ok {
				continue
			}
			big, bigHi := largestWhole(text, cs, i, qi, part, opens)
			if big == nil || lo <= bigHi {
				continue
			}
			p.Report(analyze.Finding{Rule: "part-whole", Span: part.Span,
				Message:    fmt.Sprintf("部分大于整体：“其中”所列的%s大于总数%s（第%d行）", part.Text, big.Text, lineOf(p, big.Start)),
				Suggestion: "核对总数与分项数值", Related: []analyze.Related{related(big, "总数")}})
		}
		i = max(i, k-1)
	}
}

// Bounds on the claims one item looks at, so that a long sentence with many
// figures costs linear time: parts of one 其中 clause, candidate wholes
// before it, claims looked back at by number.relation, and bytes searched
// back for 其中.
const (
	maxParts     = 32
	maxLookBack  = 48
	maxLeadBytes = 600
)

// work counts inner-loop steps of the number check while countWork is set:
// a test sets it and reads work to check that the work grows linearly with
// the input. Other runs never write either, so audit's workers, which run
// the check at the same time, do not race on them.
var (
	countWork bool
	work      int
)

// step counts one inner-loop step.
func step() {
	if countWork {
		work++
	}
}

// largestWhole finds the largest total a part of a 其中 clause can belong
// to: the claims before 其中 in its sentence or, when 其中 opens the
// sentence, in the sentence before. nil when there is none or one of them is
// approximate.
func largestWhole(text string, cs []analyze.Claim, i, qi int, part *analyze.Claim, opens bool) (*analyze.Claim, float64) {
	first := &cs[i]
	var wholes []*analyze.Claim
	for k := i - 1; k >= 0 && k >= i-maxLookBack && cs[k].Sentence == first.Sentence; k-- {
		step()
		if cs[k].Span.End <= qi && wholeCandidate(text, &cs[k], part) {
			wholes = append(wholes, &cs[k])
		}
	}
	if len(wholes) == 0 && opens {
		var sent segment.Span
		for k := i - 1; k >= 0 && k >= i-maxLookBack && cs[k].Paragraph == first.Paragraph; k-- {
			step()
			if sent.Len() > 0 && cs[k].Sentence != sent {
				break
			}
			if cs[k].Sentence.End <= first.Sentence.Start {
				sent = cs[k].Sentence
				if wholeCandidate(text, &cs[k], part) {
					wholes = append(wholes, &cs[k])
				}
			}
		}
	}
	var big *analyze.Claim
	bigHi := math.Inf(-1)
	for _, w := range wholes {
		_, hi, ok := bounds(w)
		if !ok {
			return nil, 0
		}
		if hi > bigHi {
			big, bigHi = w, hi
		}
	}
	return big, bigHi
}

// ---------------------------------------------------------------------------
// number.relation

func numberRelation(p *analyze.Pass, cs []analyze.Claim) {
	text := p.Doc.Text
	for i := range cs {
		c := &cs[i]
		// 新建/新增 larger than 累计 in one sentence
		if c.Rel()&claims.RelCumulative != 0 && c.Rel()&claims.RelList == 0 {
			for k := i - 1; k >= 0 && k >= i-maxLookBack && cs[k].Sentence == c.Sentence; k-- {
				step()
				n := &cs[k]
				if n.Rel()&(claims.RelNew|claims.RelBuilt) == 0 || n.Rel()&claims.RelCumulative != 0 || n.Unit != c.Unit || n.Unit == "" || !sameThing(n, c) {
					continue
				}
				nlo, _, ok1 := bounds(n)
				_, chi, ok2 := bounds(c)
				if ok1 && ok2 && nlo > chi {
					word := "新增"
					if n.Rel()&claims.RelBuilt != 0 {
						word = "新建"
					}
					p.Report(analyze.Finding{Rule: "relation", Span: c.Span,
						Message:    fmt.Sprintf("累计数%s小于本年%s数%s：累计数应不小于当年%s数", c.Text, word, n.Text, word),
						Suggestion: "核对累计数与" + word + "数", Related: []analyze.Related{related(n, word+"数")}})
				}
				break
			}
		}
		// 超…目标: the completed amount is a figure before it in the
		// sentence; the largest one is taken (其中… may come between)
		if c.Rel()&(claims.RelOverTarget|claims.RelTargetAfter) != 0 {
			var a *analyze.Claim
			ahi := math.Inf(-1)
			for k := i - 1; k >= 0 && k >= i-maxLookBack && cs[k].Sentence == c.Sentence; k-- {
				step()
				o := &cs[k]
				if o.Unit != c.Unit || o.Unit == "" || o.Rel()&(claims.RelOverTarget|claims.RelTargetAfter|claims.RelYoY|claims.RelYoYDown|claims.RelShare|claims.RelPrevYear) != 0 {
					continue
				}
				_, hi, ok := bounds(o)
				if !ok {
					a = nil
					break
				}
				if hi > ahi {
					a, ahi = o, hi
				}
			}
			if a != nil {
				tlo, _, ok := bounds(c)
				switch {
				case !ok:
				case c.Rel()&claims.RelOverTarget != 0 && tlo > ahi:
					p.Report(analyze.Finding{Rule: "relation", Span: c.Span,
						Message:    fmt.Sprintf("“超…目标”与数值矛盾：完成%s，而目标（或超出部分）写为%s，大于完成数", a.Text, c.Text),
						Suggestion: "核对完成数与目标数", Related: []analyze.Related{related(a, "完成数")}})
				case c.Rel()&claims.RelTargetAfter != 0 && ahi <= tlo:
					p.Report(analyze.Finding{Rule: "relation", Span: c.Span,
						Message:    fmt.Sprintf("“超…目标”与数值矛盾：完成%s，未超过目标%s", a.Text, c.Text),
						Suggestion: "核对完成数与目标数", Related: []analyze.Related{related(a, "完成数")}})
				}
			}
		}
		// 完成年度目标的95％ with 超额完成
		if c.Unit == "％" && !c.Unfilled {
			lead := text[c.Sentence.Start:c.Start]
			if (strings.HasSuffix(lead, "目标的") || strings.HasSuffix(lead, "任务的") || strings.HasSuffix(lead, "计划的")) &&
				strings.Contains(text[c.Sentence.Start:c.Sentence.End], "超额完成") {
				if _, hi, ok := bounds(c); ok && hi < 100 {
					p.Report(analyze.Finding{Rule: "relation", Span: c.Span,
						Message:    fmt.Sprintf("“超额完成”与完成率%s矛盾：完成率不足100％即未完成目标", c.Text),
						Suggestion: "核对完成率，或改为“完成”"})
				}
			}
		}
		// 由A提高到B
		if c.Rel()&claims.RelTo != 0 && i > 0 && cs[i-1].Rel()&claims.RelFrom != 0 && cs[i-1].Sentence == c.Sentence && cs[i-1].Unit == c.Unit {
			a := &cs[i-1]
			between := text[a.Span.End:c.Start]
			alo, ahi, ok1 := bounds(a)
			blo, bhi, ok2 := bounds(c)
			if ok1 && ok2 {
				upVerb := firstOf(between, []string{"提高", "提升", "增长", "增加", "上升", "跃升", "前移"})
				downVerb := firstOf(between, []string{"下降", "减少", "降低", "降至", "降到", "压缩", "缩短", "回落", "下滑", "后移"})
				up, down := upVerb != "", downVerb != ""
				note := ""
				if rankClaim(text, a) || rankClaim(text, c) {
					// a smaller place number is a higher place: 由312位上升到208位
					up, down = down, up
					note = "（名次数字越小，位次越高）"
				}
				if up && !down && bhi < alo || down && !up && blo > ahi {
					verb := upVerb // as written: 提升到, 上升至, 降至
					if downVerb != "" {
						verb = downVerb
					}
					switch {
					case strings.HasSuffix(verb, "至") || strings.HasSuffix(verb, "到"):
					case strings.Contains(between, verb+"至"):
						verb += "至"
					default:
						verb += "到"
					}
					p.Report(analyze.Finding{Rule: "relation", Span: c.Span,
						Message:    fmt.Sprintf("“由%s%s%s”与数值方向矛盾%s", a.Text, verb, c.Text, note),
						Suggestion: "核对前后数值或改用相反的动词", Related: []analyze.Related{related(a, "原数值")}})
				}
			}
		}
		// 同比增长 X％ against the current and last year's values
		if c.Rel()&(claims.RelYoY|claims.RelYoYDown) != 0 && c.Unit == "％" && c.Rel()&claims.RelEach == 0 && c.Rel()&claims.RelList == 0 {
			yoyCheck(p, cs, i)
		}
	}
}

// firstOf returns the word of ws found first in s, "" when none.
func firstOf(s string, ws []string) string {
	best, at := "", len(s)+1
	for _, w := range ws {
		if i := strings.Index(s, w); i >= 0 && i < at {
			best, at = w, i
		}
	}
	return best
}

// rankClaim reports whether a claim is a place in a ranking (208位, 第11位,
// 排名…前5), where a smaller number is a higher place.
func rankClaim(text string, c *analyze.Claim) bool {
	if c.Kind == analyze.ClaimRank || c.Unit == "位" || c.Unit == "名" && strings.Contains(c.Metric, "排") {
		return true
	}
	lead := text[max(c.Sentence.Start, c.Start-12):c.Start]
	return strings.HasSuffix(lead, "第") || hasAny(c.Metric, []string{"排名", "位次", "排位", "名次"})
}

func hasAny(s string, ws []string) bool {
	for _, w := range ws {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// yoyCheck compares a growth rate with the current and the last year's
// values stated in the same sentence: 收入120亿元，上年为100亿元，同比增长15％.
func yoyCheck(p *analyze.Pass, cs []analyze.Claim, gi int) {
	g := &cs[gi]
	var cur, prev *analyze.Claim
	sc := sentenceClaims(cs, gi)
	for k := range sc {
		o := &sc[k]
		if o == g || o.Unit == "％" || o.Unit == "" || o.RangeEnd != nil || o.Rel()&claims.RelList != 0 {
			continue
		}
		if o.Rel()&claims.RelPrevYear != 0 {
			if prev != nil {
				return // two base values: which is which?
			}
			prev = o
		} else if o.Rel()&(claims.RelYoY|claims.RelYoYDown|claims.RelGrowth|claims.RelDecline|claims.RelPart|claims.RelNew|claims.RelBuilt|claims.RelCumulative) == 0 {
			if cur != nil && cur.Unit == o.Unit {
				return // two current values
			}
			if cur == nil {
				cur = o
			}
		}
	}
	if cur == nil || prev == nil || cur.Unit != prev.Unit {
		return
	}
	clo, chi, ok1 := bounds(cur)
	plo, phi, ok2 := bounds(prev)
	glo, ghi, ok3 := bounds(g)
	if !ok1 || !ok2 || !ok3 || plo <= 0 || math.IsInf(chi, 0) || math.IsInf(phi, 0) || math.IsInf(clo, 0) {
		return
	}
	if g.Rel()&claims.RelYoYDown != 0 {
		glo, ghi = -ghi, -glo
	}
	// growth in percent lies in [(clo-phi)/phi, (chi-plo)/plo]
	elo := (clo - phi) / phi * 100
	ehi := (chi - plo) / plo * 100
	if ghi < elo || glo > ehi {
		want := (*cur.Value - *prev.Value) / *prev.Value * 100
		word := "增长"
		if want < 0 {
			word = "下降"
		}
		p.Report(analyze.Finding{Rule: "relation", Span: g.Span,
			Message: fmt.Sprintf("同比增速与数值不符：本期%s、上年%s，实际%s%s％，而非%s",
				cur.Text, prev.Text, word, strconv.FormatFloat(math.Abs(want), 'f', 1, 64), g.Text),
			Suggestion: "核对增速或本期、上年数值",
			Related:    []analyze.Related{related(cur, "本期数"), related(prev, "上年数")}})
	}
}
