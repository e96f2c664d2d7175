package number

import (
	"fmt"
	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/claims"
	"github.com/reportlint/reportlint/analyze/internal/scan"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/lazy"
	"github.com/reportlint/reportlint/segment"
)

// ---------------------------------------------------------------------------
// number.conflict

// timeWords name the period a figure covers.
var timeWords = [...]string{"上半年", "下半年", "一季度", "二季度", "三季度", "四季度", "第一季度", "第二季度", "第三季度", "第四季度",
	"前三季度", "全年", "今年", "去年", "上年", "同期", "年底", "年末", "月底", "月末", "以来", "累计", "五年", "三年", "近年", "历年", "截至", "截止",
	"过去一年", "一年来", "五年来", "十年", "期间", "目前", "现有"}

// planSectionWords mark a heading over plans and targets.
var planSectionWords = []string{"打算", "计划", "思路", "下一步", "明年", "今后", "努力方向", "展望", "安排", "目标", "任务", "预期"}

// planWords mark a target or a plan rather than a result.
var planWords = []string{"力争", "目标", "预计", "计划", "确保", "争取", "将", "拟", "任务", "要求", "规划", "预期"}

var (
	// sentenceWordSet finds timeWords (bits 0…) and planWords in one scan.
	sentenceWordSet    = lazy.Value(func() *scan.WordSet { return scan.NewWordSet(timeWords[:], planWords) })
	timeWordSet        = lazy.Value(func() *scan.WordSet { return scan.NewWordSet(timeWords[:]) })
	planWordSet        = lazy.Value(func() *scan.WordSet { return scan.NewWordSet(planWords) })
	planSectionWordSet = lazy.Value(func() *scan.WordSet { return scan.NewWordSet(planSectionWords) })
)

const timeMask = 1<<len(timeWords) - 1 // the timeWords bits of a sentenceWordSet mask

// conflictScope derives the context of claims for number.conflict, caching
// what paragraphs and outline nodes share.
type conflictScope struct {
	p         *analyze.Pass
	nodePlan  []int8   // per outline node: 0 unknown, 1 no plan, 2 plan
	nodeTimes []uint64 // per outline node: time words of its and its ancestors' titles, +1
	paraPlan  map[int]paraOpening
	paraTimes map[int][]timeOpening
}

// paraOpening is a paragraph's first sentence and whether it states a plan.
type paraOpening struct {
	first segment.Span
	plan  bool
}

func newConflictScope(p *analyze.Pass) *conflictScope {
	n := len(p.Outline())
	return &conflictScope{p: p, nodePlan: make([]int8, n), nodeTimes: make([]uint64, n), paraPlan: map[int]paraOpening{}, paraTimes: map[int][]timeOpening{}}
}

// plan reports whether a claim states a target rather than a result: its
// sentence says so (sentence is its sentenceWordSet mask), it stands in a
// plan section (the outline's 下一步打算, a heading with 打算/目标/任务…), or
// its paragraph opens with a plan (2024年，我们将…；一是…).
func (x *conflictScope) plan(c *analyze.Claim, node int, sentence uint64) bool {
	p := x.p
	text := p.Doc.Text
	if sentence&^timeMask != 0 {
		return true
	}
	if node >= 0 {
		if x.nodePlan[node] == 0 {
			x.nodePlan[node] = 1
			nodes := p.Outline()
			for n := node; n >= 0; n = nodes[n].Parent {
				if nodes[n].Implicit == analyze.KindPlans || nodes[n].Heading != nil && (planSectionWordSet().Any(nodes[n].Title) || x.thisYearsWork(nodes[n].Title)) {
					x.nodePlan[node] = 2
					break
				}
			}
		}
		if x.nodePlan[node] == 2 {
			return true
		}
	}
	pi := p.Doc.ParagraphAt(c.Start)
	if pi < 0 {
		return false
	}
	pp, ok := x.paraPlan[pi]
	if !ok {
		if ss := p.Doc.Sentences(p.Doc.Paragraphs[pi].Span); len(ss) > 0 {
			pp = paraOpening{ss[0], planWordSet().Any(text[ss[0].Start:ss[0].End])}
		}
		x.paraPlan[pi] = pp
	}
	return pp.plan && pp.first != c.Sentence
}

// thisYearsWork reports whether a heading is over the work of the report's
// year in a 政府工作报告 (二、2026年重点工作, 关于2026年工作): that part
// states plans, not results.
func (x *conflictScope) thisYearsWork(title string) bool {
	p := x.p
	if p.Year == 0 || !governmentReport(p.Analysis) || hasAny(title, []string{"回顾", "完成", "情况", "成绩", "成效"}) {
		return false
	}
	return strings.Contains(title, strconv.Itoa(p.Year)+"年") || strings.Contains(title, "重点工作") || strings.Contains(title, "今年")
}

// times returns the time words of the titles of the outline nodes above a
// claim and the years and months in its sentence.
func (x *conflictScope) times(cs []analyze.Claim, i, node int) (uint64, string) {
	var heads uint64
	if node >= 0 {
		if x.nodeTimes[node] == 0 {
			nodes := x.p.Outline()
			var m uint64
			for n := node; n >= 0; n = nodes[n].Parent {
				m |= timeWordSet().Mask(nodes[n].Title)
			}
			x.nodeTimes[node] = m + 1
		}
		heads = x.nodeTimes[node] - 1
	}
	var b strings.Builder
	for _, o := range sentenceClaims(cs, i) {
		if o.Kind == analyze.ClaimYear || o.Kind == analyze.ClaimMonth {
			b.WriteString(o.Text + "|")
		}
	}
	if node >= 0 {
		// the years of the headings above: 一、2025年工作回顾 and 二、2026年
		// 重点工作 are two periods
		nodes := x.p.Outline()
		for n, k := node, 0; n >= 0 && k < 8; n, k = nodes[n].Parent, k+1 {
			for _, y := range headYearRx().FindAllString(nodes[n].Title, 2) {
				b.WriteString("h" + y + "|")
			}
		}
	}
	b.WriteString("p" + x.opening(cs[i].Sentence))
	return heads, b.String()
}

var headYearRx = lazy.Regexp(`(?:19|20)[0-9]{2}年`)

// opening returns the time phrase that sets the period of a sentence: the
// first clause of the sentence, or of the nearest sentence before it in its
// paragraph, when that clause is a time phrase (过去五年，…；2025年，…；
// “十四五”时期，…). A later opening time phrase replaces an earlier one.
func (x *conflictScope) opening(sent segment.Span) string {
	p := x.p
	pi := p.Doc.ParagraphAt(sent.Start)
	if pi < 0 {
		return ""
	}
	ops, ok := x.paraTimes[pi]
	if !ok {
		for k, ss := range p.Doc.Sentences(p.Doc.Paragraphs[pi].Span) {
			if k >= 64 {
				break
			}
			if ph := timePhrase(p.Doc.Text[ss.Start:ss.End]); ph != "" {
				if x.defaultPeriod(ph) {
					ph = ""
				}
				ops = append(ops, timeOpening{ss.Start, ph})
			}
		}
		x.paraTimes[pi] = ops
	}
	ph := ""
	for _, o := range ops {
		if o.start > sent.Start {
			break
		}
		ph = o.phrase
	}
	return ph
}

type timeOpening struct {
	start  int
	phrase string
}

// timePhrase returns the first clause of a sentence when it is a short time
// phrase (过去五年, 2025年, 今年以来, “十四五”时期), else "".
func timePhrase(sent string) string {
	i := strings.IndexAny(sent, "，,：:")
	if i < 0 {
		return ""
	}
	first := strings.TrimSpace(sent[:i])
	if n := utf8.RuneCountInString(first); n == 0 || n > 16 || !timePhraseRx().MatchString(first) {
		return ""
	}
	return first
}

// timePhraseRx matches a clause that is only a time phrase: 过去五年, 五年来,
// 2025年, 今年以来, “十四五”时期, 2021年至2025年, 上半年.
var timePhraseRx = lazy.Regexp(`^(?:在|从|自)?(?:` +
	`(?:过去|近|这)?[一二三四五六七八九十两0-9]+年(?:来|以来|间|中|里)?` +
	`|(?:“[^”]{1,8}”|[^，,]{1,8})(?:时期|期间|以来)` +
	`|(?:19|20)[0-9]{2}年(?:(?:至|到|—|-)(?:19|20)[0-9]{2}年)?(?:以来|来|上半年|下半年|前三季度|一季度|底|末|年底|年末)?` +
	`|(?:今年|去年|上年|本年|全年)(?:以来|上半年|下半年|前三季度|一季度)?` +
	`|上半年|下半年|前三季度|一年来|过去一年)$`)

// defaultPeriod reports whether an opening time phrase names the report's
// own period, which a sentence without one also means (今年以来, 一年来,
// 2023年 in a report on 2023).
func (x *conflictScope) defaultPeriod(ph string) bool {
	switch strings.TrimLeft(ph, "在从自") {
	case "今年", "今年以来", "本年", "全年", "一年来", "过去一年", "去年", "上年":
		return true
	}
	y := x.p.Year
	if y == 0 {
		return false
	}
	ph = strings.TrimLeft(ph, "在从自")
	if ph == strconv.Itoa(y)+"年" || ph == strconv.Itoa(y)+"年以来" {
		return true
	}
	return governmentReport(x.p.Analysis) && (ph == strconv.Itoa(y-1)+"年" || ph == strconv.Itoa(y-1)+"年以来")
}

// sentenceClaims returns the claims of cs[i]'s sentence (they are
// adjacent), at most maxLookBack on either side of it.
func sentenceClaims(cs []analyze.Claim, i int) []analyze.Claim {
	lo, hi := i, i+1
	for lo > 0 && lo > i-maxLookBack && cs[lo-1].Sentence == cs[i].Sentence {
		lo--
		step()
	}
	for hi < len(cs) && hi < i+maxLookBack && cs[hi].Sentence == cs[i].Sentence {
		hi++
		step()
	}
	return cs[lo:hi]
}

const conflictRel = claims.RelPart | claims.RelEach | claims.RelYoY | claims.RelYoYDown | claims.RelShare | claims.RelOverTarget | claims.RelTargetAfter | claims.RelCumulative | claims.RelNew | claims.RelBuilt |
	claims.RelGrowth | claims.RelDecline | claims.RelTo | claims.RelFrom | claims.RelPrevYear

// conflictKey groups the claims that may state one figure.
type conflictKey struct {
	metric, unit, kind string
	rel                claims.Rel
}

// numberConflict reports a metric stated twice with values that cannot both
// hold. Two claims are compared only when they measure the same thing in
// the same scope:
//   - the same metric (at least 4 runes, not a generic activity such as
//     开展专项检查, 组织培训, 发现问题), unit, kind and relation words;
//   - both results, not targets (see conflictScope.plan), of the same
//     period (the time words of the sentence and of the headings above);
//   - the same innermost outline section, since parallel sections are
//     different scopes (（一）安全生产 “帮扶困难企业52家”, （二）食品安全
//     “帮扶困难企业17家”); or, anywhere in the report, when both are
//     totals-like: scoped to the whole area (全市软件业收入, 全区…) or an
//     aggregate indicator (社会消费品零售总额, 地区生产总值, 工业增加值), of
//     which a report has a single figure per period.
func numberConflict(p *analyze.Pass, cs []analyze.Claim) {
	var keys []conflictKey
	var byKey map[conflictKey][]int
	for i := range cs {
		c := &cs[i]
		if c.Value == nil || c.InheritedMetric() || c.Unit == "" || c.RangeEnd != nil {
			continue
		}
		switch c.Kind {
		case analyze.ClaimYear, analyze.ClaimMonth, analyze.ClaimDate:
			continue
		}
		if utf8.RuneCountInString(c.Metric) < 4 || genericMetric(c.Metric) || rankClaim(p.Doc.Text, c) || rankMetric(c.Metric) || deictic(c.Metric) {
			continue
		}
		if byKey == nil {
			byKey = map[conflictKey][]int{}
		}
		k := conflictKey{c.Metric, c.Unit, c.Kind, c.Rel() & conflictRel}
		if _, ok := byKey[k]; !ok {
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], i)
	}
	type seen struct {
		c           *analyze.Claim
		node        int  // innermost outline node
		totals      bool // totalsMetric
		words, head uint64
		dates, subj string
		lo, hi      float64
	}
	var scope *conflictScope
	var list []seen
	for _, k := range keys {
		idx := byKey[k]
		if len(idx) < 2 {
			continue
		}
		if scope == nil {
			scope = newConflictScope(p)
		}
		list = list[:0]
		for _, i := range idx {
			c := &cs[i]
			lo, hi, ok := bounds(c)
			if !ok {
				continue
			}
			node := p.NodeAt(c.Start)
			sw := sentenceWordSet().Mask(p.Doc.Text[c.Sentence.Start:c.Sentence.End])
			if scope.plan(c, node, sw) {
				continue
			}
			words := sw & timeMask
			head, dates := scope.times(cs, i, node)
			totals := totalsMetric(p, c)
			subj := subjectLead(p, c)
			dup := false
			for _, o := range list {
				step()
				if o.words != words || o.head != head || o.dates != dates || o.node != node && !(o.totals && totals) {
					continue
				}
				// two claims of one sentence are two things (工矿企业…，道路
				// 交通…分别下降); outside totals the words before the metric
				// name its subject (实施甲工程，惠及群众…)
				if o.c.Sentence == c.Sentence || !(o.totals && totals) && o.subj != subj {
					continue
				}
				if o.lo == lo && o.hi == hi {
					dup = true
					break
				}
				if o.hi < lo || hi < o.lo {
					p.Report(analyze.Finding{Rule: "conflict", Span: c.Span,
						Message:    fmt.Sprintf("同一指标“%s”前后数值不一致：此处为%s，第%d行为%s", c.Metric, c.Text, lineOf(p, o.c.Start), o.c.Text),
						Suggestion: "核对两处数值，统一口径", Related: []analyze.Related{related(o.c, "另一处")}})
					dup = true // one finding per place
					break
				}
			}
			if !dup && len(list) < 32 {
				list = append(list, seen{c, node, totals, words, head, dates, subj, lo, hi})
			}
		}
	}
}

// rankMetric reports a place in a ranking taken as a metric (居全省前,
// 排名第): two places are two indicators' ranks, not one figure.
func rankMetric(m string) bool {
	return strings.HasPrefix(m, "居") || strings.HasSuffix(m, "前") || strings.HasSuffix(m, "第") || hasAny(m, []string{"排名", "位次", "排位", "名次"})
}

// deictic reports a metric whose subject is named elsewhere (该工程惠及群众,
// 其中…, 此项…): two of them may be of two things.
func deictic(m string) bool {
	return scan.HasPrefixAny(m, []string{"该", "此", "这", "其", "上述", "以上", "前述", "两者", "二者"})
}

// subjectLead returns the words of a claim's sentence before its metric's
// clause, without an opening time phrase: they name what the metric is of
// (实施甲工程，惠及群众2.1万人).
func subjectLead(p *analyze.Pass, c *analyze.Claim) string {
	start := c.Start
	if c.MetricSpan.Len() > 0 && c.MetricSpan.Start >= c.Sentence.Start {
		start = c.MetricSpan.Start
	}
	lead := p.Doc.Text[c.Sentence.Start:start]
	if i := strings.LastIndexAny(lead, claims.ClausePunct); i >= 0 {
		lead = lead[:i]
	} else {
		return ""
	}
	if ph := timePhrase(lead + "，"); ph != "" && strings.HasPrefix(strings.TrimSpace(lead), ph) {
		lead = strings.TrimSpace(lead)[len(ph):]
	}
	return strings.Trim(lead, "，,；; ")
}

// areaScopes make a metric the total of the whole area or organisation.
var areaScopes = []string{"全市", "全区", "全县", "全省", "全镇", "全乡", "全州", "全旗", "全盟", "全国", "全局", "全系统", "全行业"}

// aggregateEnds end the names of statistical aggregates a report states
// once per period: 社会消费品零售总额, 地区生产总值, 规上工业增加值. Bare
// 总额/总量 are left out: 投资总额 and 合同总额 are often per project.
var aggregateEnds = []string{"零售总额", "进出口总额", "生产总值", "GDP", "经济总量", "增加值", "总产值", "预算收入", "财政收入", "财政总收入",
	"可支配收入", "旅游总收入"}

// totalsMetric reports whether a claim's metric is totals-like: scoped to
// the whole area (in the metric or earlier in its clause: 全市实现地区生产
// 总值…) or an aggregate indicator.
func totalsMetric(p *analyze.Pass, c *analyze.Claim) bool {
	m := c.Metric
	if scan.HasSuffixAny(m, aggregateEnds) || scan.HasPrefixAny(strings.TrimPrefix(m, "全年"), areaScopes) {
		return true
	}
	if c.MetricSpan.Len() == 0 || c.MetricSpan.Start < c.Sentence.Start {
		return false
	}
	lead := p.Doc.Text[c.Sentence.Start:c.MetricSpan.Start]
	if i := strings.LastIndexAny(lead, claims.ClausePunct); i >= 0 {
		_, w := utf8.DecodeRuneInString(lead[i:])
		lead = lead[i+w:]
	}
	return hasAny(lead, areaScopes)
}

// Generic activity metrics: a verb and an activity or its by-product with
// at most generic modifiers (开展专项检查, 组织培训, 发现并整改问题). The
// same words recur for every campaign a report describes, so two values are
// two campaigns rather than a conflict.
var (
	genericLeads     = []string{"全年", "今年", "累计", "共计", "合计", "共", "先后", "多次"}
	genericVerbs     = []string{"组织开展", "发现并整改", "督促整改", "排查整治", "开展", "组织", "举办", "举行", "召开", "参加", "参与", "进行", "实施", "发现", "整改", "排查", "查处", "查办", "受理", "办理", "接待", "收到", "收集", "梳理", "提出", "解决", "处置", "化解", "走访", "慰问", "督办"}
	genericModifiers = []string{"专项", "专题", "集中", "联合", "各类", "各种", "各项", "日常", "常态化", "随机", "定期", "不定期", "重点", "相关", "一般", "突出", "监督", "现场", "线上", "线下", "主题"}
	genericObjects   = []string{"检查", "督查", "督导", "巡查", "巡察", "抽查", "暗访", "培训", "活动", "会议", "调研", "宣讲", "宣传", "演练", "讲座", "座谈", "座谈会", "执法", "行动", "走访", "慰问", "谈话", "约谈", "学习", "研讨", "交流", "评估", "考核", "问题", "隐患", "问题隐患", "风险隐患", "线索", "问题线索", "案件", "事项", "诉求", "意见建议", "建议", "工作"}
)

func genericMetric(m string) bool {
	for changed := true; changed; {
		changed = false
		for _, w := range genericLeads {
			if strings.HasPrefix(m, w) {
				m, changed = m[len(w):], true
			}
		}
	}
	for _, w := range genericVerbs {
		if strings.HasPrefix(m, w) {
			m = m[len(w):]
			break
		}
	}
	for changed := true; changed; {
		changed = false
		for _, w := range genericModifiers {
			if strings.HasPrefix(m, w) && len(m) > len(w) {
				m, changed = m[len(w):], true
			}
		}
	}
	for _, w := range genericObjects {
		if m == w {
			return true
		}
	}
	return false
}

// ---------------------------------------------------------------------------
// number.year

var (
	relYearWords = []string{"今年", "本年度", "明年", "去年", "上年", "上一年", "下一年"}
	// relYearWordSet finds relYearWords in one scan; no word overlaps
	// another or itself, so it finds what a search per word finds.
	relYearWordSet = lazy.Value(func() *scan.WordSet { return scan.NewWordSet(relYearWords) })
	planFutures    = []string{"力争", "将继续", "将坚持", "将着力", "将进一步", "将全力", "将持续", "将重点", "将深入", "将紧紧", "将围绕", "将努力", "将以", "计划", "打算", "展望"}
	planHeadWords  = []string{"打算", "计划", "思路", "下一步", "明年", "今后", "努力方向", "展望", "安排", "工作重点"}
)

// parenYear reads “（2022年）”, “(2022)” or “即2022年” at the start of s and
// returns the year and the bytes read.
func parenYear(s string) (int, int) {
	k := 0
	closeNeeded := true
	switch {
	case strings.HasPrefix(s, "（"):
		k = len("（")
	case strings.HasPrefix(s, "("):
		k = 1
	case strings.HasPrefix(s, "即"):
		k, closeNeeded = len("即"), false
	default:
		return 0, 0
	}
	if k+4 > len(s) || !scan.AllASCIIDigits(s[k:k+4]) || k+4 < len(s) && scan.IsAnyDigitByte(s, k+4) {
		return 0, 0
	}
	yr, _ := strconv.Atoi(s[k : k+4])
	if yr < 1900 || yr > 2100 {
		return 0, 0
	}
	k += 4
	if strings.HasPrefix(s[k:], "年") {
		k += len("年")
	} else if !closeNeeded {
		return 0, 0
	}
	if closeNeeded {
		switch {
		case strings.HasPrefix(s[k:], "）"):
			k += len("）")
		case strings.HasPrefix(s[k:], ")"):
			k++
		default:
			return 0, 0
		}
	}
	return yr, k
}

// yearOffset is how many years after the report's own year a relative year
// word points, for a report written during its year.
func yearOffset(w string) int {
	switch w {
	case "明年", "下一年":
		return 1
	case "去年", "上年", "上一年":
		return -1
	}
	return 0
}

func governmentReport(a *analyze.Analysis) bool {
	if a.Profile != nil {
		return a.Profile.ID == "government-work"
	}
	return strings.Contains(a.Doc.Slice(a.Doc.Title), "政府工作报告")
}

func numberYear(p *analyze.Pass, cs []analyze.Claim) {
	y := p.Year
	if y == 0 {
		return
	}
	gov := governmentReport(p.Analysis)
	text := p.Doc.Text
	// 今年（2022年）: a report on year y is written in y or early y+1
	type appos struct {
		sp   segment.Span
		word string
		year int
	}
	var found []appos
	relYearWordSet().Each(text, func(i, wi int) bool {
		w := relYearWords[wi]
		off := i + len(w)
		// 今年（2022年） / 今年即2022年
		if yr, n := parenYear(text[off:]); n > 0 {
			found = append(found, appos{segment.Span{Start: i, End: off + n}, w, yr})
		}
		// 2022年（今年）
		if strings.HasSuffix(text[:i], "（") || strings.HasSuffix(text[:i], "(") {
			_, cw := utf8.DecodeRuneInString(text[off:])
			if r := scan.NextRune(text, off); r == '）' || r == ')' {
				open := i - 1
				if strings.HasSuffix(text[:i], "（") {
					open = i - len("（")
				}
				if strings.HasSuffix(text[:open], "年") {
					k := open - len("年")
					if k >= 4 && scan.AllASCIIDigits(text[k-4:k]) && (k == 4 || !scan.IsAnyDigitByte(text, k-5)) {
						yr, _ := strconv.Atoi(text[k-4 : k])
						found = append(found, appos{segment.Span{Start: k - 4, End: off + cw}, w, yr})
					}
				}
			}
		}
		return true
	})
	sort.Slice(found, func(a, b int) bool { return found[a].sp.Start < found[b].sp.Start })
	written := map[int]appos{} // writing year implied → first place
	comments := scan.HTMLComments(p.Doc)
	for _, ap := range found {
		if scan.InSpans(comments, ap.sp.Start) {
			continue
		}
		off := yearOffset(ap.word)
		implied := ap.year - off // the year the report was written in
		okYears := []int{y, y + 1}
		if gov {
			okYears = []int{y}
		}
		good := false
		for _, w := range okYears {
			if implied == w {
				good = true
			}
		}
		if !good {
			want := y + off
			p.Report(analyze.Finding{Rule: "year", Span: ap.sp,
				Message:    fmt.Sprintf("“%s”与报告年度不符：本报告为%d年度，“%s”应为%d年", p.Doc.Slice(ap.sp), y, ap.word, want),
				Suggestion: fmt.Sprintf("改为%d年，或核对报告年度", want)})
			continue
		}
		if first, ok := written[1-implied]; ok || len(written) > 0 {
			_ = first
			for wy, fa := range written {
				if wy != implied {
					p.Report(analyze.Finding{Rule: "year", Span: ap.sp,
						Message: fmt.Sprintf("“%s”与第%d行“%s”推算出的成文年份不同（%d年与%d年），相对年份前后不一致",
							p.Doc.Slice(ap.sp), lineOf(p, fa.sp.Start), p.Doc.Slice(fa.sp), implied, wy),
						Suggestion: "统一“今年”“明年”“去年”所指的年份",
						Related:    []analyze.Related{{Span: fa.sp, Message: "另一处"}}})
				}
				break
			}
			continue
		}
		written[implied] = ap
	}
	// the plan for next year: a review (述职, 总结) plans for y+1, a
	// government report and a plan (工作要点, 计划) for y itself
	planYear := y + 1
	title := p.Doc.Slice(p.Doc.Title)
	retro := p.Profile != nil && (p.Profile.ID == "duty-report" || p.Profile.ID == "annual-summary") ||
		hasAny(title, []string{"总结", "述职", "述德", "述廉", "汇报"})
	switch {
	case gov:
		planYear = y
	case hasAny(title, []string{"半年", "季度", "月份", "月度"}):
		planYear = y // a half-year summary plans for the rest of the year
	case !retro && hasAny(title, []string{"计划", "要点", "安排", "思路"}):
		planYear = y
	case !retro:
		return // not known to look back on year y
	}
	annex := annexStart(p.Doc)
	for i := range cs {
		c := &cs[i]
		if c.Kind != analyze.ClaimYear || c.Value == nil || c.RangeEnd != nil {
			continue
		}
		if c.Start >= annex {
			break // 附件2 2016年民生实事完成情况清单: not the plan
		}
		if i+1 < len(cs) && cs[i+1].Start == c.Span.End && cs[i+1].Kind == analyze.ClaimMonth {
			continue // a date (2024年12月28日): the signature, not a plan
		}
		inPlan := false
		nodes := p.Outline()
		for n := p.NodeAt(c.Start); n >= 0; n = nodes[n].Parent {
			if nodes[n].Implicit == analyze.KindPlans || nodes[n].Heading != nil && hasAny(nodes[n].Title, planHeadWords) {
				inPlan = true
			}
		}
		if h := p.Doc.HeadingAt(c.Start); h != nil && h.Title.Start == c.Start {
			// 四、2022年工作打算
			if !hasAny(p.Doc.Slice(h.Title), planHeadWords) {
				continue
			}
		} else {
			lead := strings.TrimSpace(text[c.Sentence.Start:c.Start])
			lead = strings.TrimLeft(lead, "#* ")
			if lead != "" && lead != "在" && lead != "展望" && lead != "进入" && lead != "面向" {
				continue
			}
			if !inPlan && !hasAny(text[c.Sentence.Start:c.Sentence.End], planFutures) {
				continue
			}
		}
		yr := int(*c.Value)
		if yr >= planYear {
			continue
		}
		msg := fmt.Sprintf("下一步打算的年份应为%d年：本报告为%d年度报告，“%s”是已总结的年份", planYear, y, c.Text)
		if gov {
			msg = fmt.Sprintf("今年工作安排的年份应为%d年：本报告为%d年政府工作报告，“%s”是已回顾的年份", planYear, y, c.Text)
		}
		p.Report(analyze.Finding{Rule: "year", Span: c.Span, Message: msg,
			Suggestion: fmt.Sprintf("改为“%d年”", planYear)})
	}
}

// annexStart returns the offset of the first paragraph that opens an
// attachment (附件, 附件2, 附件：), len(text) when none: what follows is not
// the report's own plan.
func annexStart(doc *segment.Document) int {
	for _, para := range doc.Paragraphs {
		t := strings.TrimLeft(doc.Slice(para.Span), " \t　")
		if !strings.HasPrefix(t, "附件") {
			continue
		}
		rest := strings.TrimSpace(strings.Trim(t[len("附件"):], " 　"))
		r, _ := utf8.DecodeRuneInString(rest)
		if rest == "" || r == '：' || r == ':' || scan.IsAnyDigit(r) || r == '一' || r == '二' || r == '三' {
			return para.Span.Start
		}
	}
	return len(doc.Text)
}

// listID returns the claim's 分别 list id (0 when none).
func listID(c *analyze.Claim) int {
	id, _, _ := c.List()
	return id
}
