package number

import (
	"fmt"
	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/claims"
	"github.com/reportlint/reportlint/analyze/internal/scan"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/segment"
)

// Check checks numeric claims against each other and GB/T 15835.
var Check = &analyze.Check{
	Name: "number",
	Doc: "数字与数量表述：同一指标前后数值不一致、部分大于整体、“超…目标”“新建/累计”等关系与数值矛盾、“分别”前后数量不符、" +
		"增速缺少单位、百分号或全半角数字混用、年份与报告年度不符，以及 GB/T 15835 数字用法（3亿4千万、15～30%、近200余人）。",
	Severity:    analyze.Warning,
	NeedsTokens: true,
	Rules: []*analyze.Rule{
		{ID: "number.conflict", Title: "疑似同一指标数值矛盾", Doc: "同一指标在报告中两次给出不同数值：时间范围相同、均为实际完成数，且在同一小节内（并列小节口径不同），" +
			"或为全市、全区等全域指标及社会消费品零售总额、地区生产总值等总量指标；“开展专项检查”“组织培训”等泛指活动不比较",
			Severity: analyze.Warning, Group: analyze.GroupConsistency, Source: analyze.SourcePractice, Heuristic: true,
			Good: "全年地区生产总值520亿元……地区生产总值520亿元", Bad: "全年地区生产总值520亿元……地区生产总值530亿元"},
		{ID: "number.part-whole", Title: "疑似部分大于整体", Doc: "部分大于整体：“其中”所列数量大于前面的总数；“占…比重”超过100％",
			Severity: analyze.Warning, Group: analyze.GroupConsistency, Source: analyze.SourcePractice, Heuristic: true,
			Good: "新建项目30个，其中产业项目12个。", Bad: "新建项目30个，其中产业项目42个。"},
		{ID: "number.relation", Title: "疑似关系词与数值矛盾", Doc: "关系词与数值矛盾：“超…目标”而完成数不大于目标、新建数大于累计数、“由A提高到B”而B小于A、同比增速与前后数值不符",
			Severity: analyze.Warning, Group: analyze.GroupConsistency, Source: analyze.SourcePractice, Heuristic: true,
			Good: "覆盖率由85％提高到92％。", Bad: "覆盖率由85％提高到82％。"},
		{ID: "number.list-count", Title: "疑似“分别”前后个数不符", Doc: "“分别”前列举的对象个数与后面给出的数值个数不一致",
			Severity: analyze.Warning, Group: analyze.GroupConsistency, Source: analyze.SourcePractice, Heuristic: true,
			Good: "一季度、二季度分别增长5％、6％。", Bad: "一季度、二季度分别增长5％、6％、7％。"},
		{ID: "number.missing-unit", Title: "疑似比率缺少单位", Doc: "增速、增幅、比重等比率缺少单位（报告中其他比率写了“％”）",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourcePractice, Heuristic: true,
			Good: "同比增长8.5％。", Bad: "同比增长8.5，占比12％。"},
		{ID: "number.percent-sign", Title: "百分号全角半角混用", Doc: "同一报告中全角“％”与半角“%”混用",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourcePractice, Fixable: true,
			Good: "增长5％，占比12％。", Bad: "增长5％，占比12%。"},
		{ID: "number.width", Title: "用了全角数字", Doc: "全角阿拉伯数字与半角数字混用；阿拉伯数字应一律用半角（GB/T 15835）",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourceStandard, Standard: "GB/T 15835—2011", Fixable: true,
			Good: "完成投资12亿元。", Bad: "完成投资１２亿元。"},
		{ID: "number.year", Title: "疑似年份与报告年度不符", Doc: "年份与报告年度不符：下一步打算写成报告当年或更早的年份，“今年（X年）”“明年（X年）”与报告年度不符或前后不一致",
			Severity: analyze.Warning, Group: analyze.GroupConsistency, Source: analyze.SourcePractice, Heuristic: true,
			Good: "2022年度报告：明年（2023年）将继续推进。", Bad: "2022年度报告：明年（2022年）将继续推进。"},
		{ID: "number.style", Title: "数字用法不规范", Doc: "GB/T 15835 数字用法：阿拉伯数字后只能用“万”“亿”作单位（不写3亿4千万、5千元）；范围两端都要带“％”“万”“亿”（15%～30%、9亿～16亿）；“近…余”“不到…左右”“至少…以上”等概数表述矛盾或重复",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourceStandard, Standard: "GB/T 15835—2011",
			Good: "完成投资3.4亿元。", Bad: "完成投资3亿4千万元。"},
	},
	Run:     runNumber,
	Collect: func(a *analyze.Analysis, res *analyze.Result) { res.Numbers = a.Claims() },
}

func runNumber(p *analyze.Pass) error {
	cs := p.Claims()
	numberStyle(p, cs)
	numberPercentSign(p, cs)
	numberWidth(p)
	numberMissingUnit(p, cs)
	numberListCount(p, cs)
	numberPartWhole(p, cs)
	numberRelation(p, cs)
	numberConflict(p, cs)
	numberYear(p, cs)
	return nil
}

// ---------------------------------------------------------------------------
// Helpers.

// fmtNum writes a value without exponent or trailing zeros.
func fmtNum(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// tolerance is how far a written number may be from the true value through
// rounding: 12.5亿 is 12.45亿–12.55亿, 12亿 is 11.5亿–12.5亿; plain integers
// are exact.
func tolerance(c *analyze.Claim) float64 {
	q := c.Form()
	f := 1.0
	if q.HasUnit {
		f = q.UnitFactor
	}
	if q.Decimals > 0 {
		m := 1.0
		if q.Mult != "" {
			m = q.MultVal
		}
		return 0.5 * math.Pow(10, -float64(q.Decimals)) * m * f
	}
	if q.Mult != "" {
		return 0.5 * q.MultVal * f
	}
	return 0
}

// bounds returns the interval a filled claim asserts: 200余人 is [200, ∞),
// 近200人 is [0, 200], 突破10万台 is [10万, ∞). ok is false for approximate
// claims (约, 左右) and unfilled ones.
func bounds(c *analyze.Claim) (lo, hi float64, ok bool) {
	if c.Value == nil {
		return 0, 0, false
	}
	lo, hi = *c.Value, *c.Value
	if c.RangeEnd != nil {
		hi = *c.RangeEnd
	}
	t := tolerance(c)
	lo, hi = lo-t, hi+t
	q := c.Form()
	for _, w := range []string{q.Pre, q.Mid, q.Post} {
		switch w {
		case "":
		case "余", "多", "以上", "超", "超过", "逾", "至少", "多达", "高达", "有余":
			hi = math.Inf(1)
		case "近", "将近", "接近", "不到", "不足", "以内", "以下", "最多":
			lo = math.Inf(-1)
		default: // 约, 大约, 左右, 上下
			return 0, 0, false
		}
	}
	if c.Rel()&claims.RelBreak != 0 {
		hi = math.Inf(1)
	}
	return lo, hi, true
}

// sameThing reports whether two claims measure the same thing: one took its
// metric from the other, or both name the same metric.
func sameThing(a, b *analyze.Claim) bool {
	if a.MetricSpan.Len() > 0 && a.MetricSpan == b.MetricSpan {
		return true
	}
	return a.Metric != "" && a.Metric == b.Metric
}

func lineOf(p *analyze.Pass, off int) int { return p.Doc.Position(off).Line }

func related(c *analyze.Claim, msg string) analyze.Related {
	return analyze.Related{Span: c.Span, Message: msg}
}

// ---------------------------------------------------------------------------
// number.style

func numberStyle(p *analyze.Pass, cs []analyze.Claim) {
	for i := range cs {
		c := &cs[i]
		q := c.Form()
		if !c.Unfilled && q.StyleMult {
			want := standardLarge(c)
			p.Report(analyze.Finding{Rule: "style", Span: segment.Span{Start: q.NumStart, End: q.NumEnd},
				Message: fmt.Sprintf("“%s”不规范：与阿拉伯数字连用的数词只能是“万”“亿”，不用“千”“百”“十”（GB/T 15835），应写作“%s”",
					p.Doc.Slice(segment.Span{Start: q.NumStart, End: q.NumEnd}), want),
				Suggestion: "改为“" + want + "”"})
		}
		if q.RangeSep >= 0 {
			first := p.Doc.Slice(segment.Span{Start: q.NumStart, End: q.RangeSep})
			mark := ""
			switch {
			case !q.FirstUnit && q.HasUnit && (c.UnitText == "％" || c.UnitText == "%" || c.UnitText == "‰" ||
				strings.HasSuffix(c.UnitText, "％") || strings.HasSuffix(c.UnitText, "%")) && q.FirstMult == "":
				mark = c.UnitText
			case q.FirstMult == "" && q.Mult != "" && !q.FirstUnit:
				mark = q.Mult
			}
			if mark != "" && !strings.HasSuffix(first, mark) {
				sp := segment.Span{Start: q.NumStart, End: c.Span.End}
				text := p.Doc.Slice(sp)
				k := q.RangeSep - q.NumStart
				want := text[:k] + mark + text[k:]
				p.Report(analyze.Finding{Rule: "style", Span: sp,
					Message:    fmt.Sprintf("范围“%s”的前一个数省略了“%s”，易生歧义：范围两端的“%s”都不能省略（GB/T 15835），应写作“%s”", text, mark, mark, want),
					Suggestion: "改为“" + want + "”"})
			}
		}
		if msg := approxConflict(q.Pre, scan.FirstNonEmpty(q.Mid, q.Post)); msg != "" {
			p.Report(analyze.Finding{Rule: "style", Span: c.Span,
				Message: fmt.Sprintf("“%s”%s", c.Text, msg), Suggestion: approxFix(c)})
		} else if q.Mid != "" && q.Post != "" {
			if msg := approxConflict(q.Mid, q.Post); msg != "" {
				p.Report(analyze.Finding{Rule: "style", Span: c.Span,
					Message: fmt.Sprintf("“%s”%s", c.Text, msg), Suggestion: approxFix(c)})
			}
		}
	}
}

// approxConflict judges two approximation words on one number.
func approxConflict(pre, post string) string {
	if pre == "" || post == "" {
		return ""
	}
	below := pre == "近" || pre == "将近" || pre == "接近" || pre == "不到" || pre == "不足"
	above := pre == "超过" || pre == "超" || pre == "逾" || pre == "至少" || pre == "余" || pre == "多"
	about := pre == "约" || pre == "大约"
	switch {
	case below && (post == "余" || post == "多" || post == "以上" || post == "有余"):
		return fmt.Sprintf("表述矛盾：“%s”表示不足，“%s”表示超出，二者不能同用（GB/T 15835）", pre, post)
	case (pre == "不到" || pre == "不足") && (post == "左右" || post == "上下"):
		return fmt.Sprintf("表述矛盾：“%s”是上限，“%s”是约数，二者不能同用", pre, post)
	case above && (post == "以上" || post == "余" || post == "多" || post == "有余"):
		return fmt.Sprintf("语义重复：“%s”与“%s”都表示超出，只保留一个", pre, post)
	case about && (post == "左右" || post == "上下"):
		return fmt.Sprintf("语义重复：“%s”与“%s”都表示约数，只保留一个", pre, post)
	case about && (post == "余" || post == "多" || post == "以上"):
		return fmt.Sprintf("表述矛盾：“%s”表示约数，“%s”表示超出，二者不能同用", pre, post)
	}
	return ""
}

func approxFix(c *analyze.Claim) string {
	q := c.Form()
	return "删去“" + q.Pre + "”或“" + scan.FirstNonEmpty(q.Mid, q.Post) + "”之一"
}

// standardLarge writes a value with only 万 and 亿 as units.
func standardLarge(c *analyze.Claim) string {
	v := c.Written()
	unit := ""
	if c.HasUnit() {
		unit = c.UnitText[len(c.Multiplier()):]
	}
	switch {
	case v >= 1e8:
		return fmtNum(v/1e8) + "亿" + unit
	case v >= 1e4:
		return fmtNum(v/1e4) + "万" + unit
	}
	return fmtNum(v) + unit
}

// ---------------------------------------------------------------------------
// number.percent-sign and number.width

func numberPercentSign(p *analyze.Pass, cs []analyze.Claim) {
	var full, half []int
	for i := range cs {
		for _, off := range cs[i].PercentSigns() {
			if strings.HasPrefix(p.Doc.Text[off:], "％") {
				full = append(full, off)
			} else {
				half = append(half, off)
			}
		}
	}
	if len(full) == 0 || len(half) == 0 {
		return
	}
	minor, major, ms, Ms := half, full, "%", "％"
	if len(half) > len(full) || len(half) == len(full) && half[0] < full[0] {
		minor, major, ms, Ms = full, half, "％", "%"
	}
	for _, off := range minor {
		p.Report(analyze.Finding{Rule: "percent-sign", Span: segment.Span{Start: off, End: off + len(ms)},
			Message:    fmt.Sprintf("百分号混用：本报告用“%s”%d处、“%s”%d处，此处的“%s”应统一为“%s”", Ms, len(major), ms, len(minor), ms, Ms),
			Suggestion: "改为“" + Ms + "”",
			Related:    []analyze.Related{{Span: segment.Span{Start: major[0], End: major[0] + len(Ms)}, Message: "本报告通用的写法"}}})
	}
}

func numberWidth(p *analyze.Pass) {
	text := p.Doc.Text
	comments := scan.HTMLComments(p.Doc)
	inComment := func(off int) bool { // offsets come in increasing order
		for len(comments) > 0 && comments[0].End <= off {
			comments = comments[1:]
		}
		return len(comments) > 0 && comments[0].Contains(off)
	}
	var full []segment.Span
	half := -1
	for i := 0; i < len(text); {
		r, w := scan.DecodeRune(text, i)
		switch {
		case r >= '0' && r <= '9':
			if half < 0 && !inComment(i) {
				half = i
			}
		case r >= '０' && r <= '９':
			j := i
			for j < len(text) {
				r2, w2 := utf8.DecodeRuneInString(text[j:])
				if !(r2 >= '０' && r2 <= '９') && !(r2 == '．' && j+w2 < len(text) && scan.IsAnyDigitByte(text, j+w2)) {
					break
				}
				j += w2
			}
			if !inComment(i) {
				full = append(full, segment.Span{Start: i, End: j})
			}
			i = j
			continue
		}
		i += w
	}
	if half < 0 || len(full) == 0 {
		return
	}
	hs := half
	he := hs
	for he < len(text) && text[he] >= '0' && text[he] <= '9' {
		he++
	}
	for _, sp := range full {
		t := p.Doc.Slice(sp)
		want := toHalfWidth(t)
		p.Report(analyze.Finding{Rule: "width", Span: sp,
			Message:    fmt.Sprintf("全角数字“%s”应改为半角“%s”：阿拉伯数字一律用半角（GB/T 15835），本报告其他数字为半角", t, want),
			Suggestion: "改为“" + want + "”",
			Related:    []analyze.Related{{Span: segment.Span{Start: hs, End: he}, Message: "半角数字"}}})
	}
}

func toHalfWidth(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			b.WriteRune('0' + r - '０')
		case r == '．':
			b.WriteByte('.')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ---------------------------------------------------------------------------
// number.missing-unit

// rateWords end the words before a growth rate or share.
var rateWords = []string{"增速", "增幅", "增长率", "增长", "下降", "降幅", "提高", "提升", "降低", "减少", "上升", "回落", "比重", "占比"}

func numberMissingUnit(p *analyze.Pass, cs []analyze.Claim) {
	var pct *analyze.Claim
	for i := range cs {
		c := &cs[i]
		if c.Unit == "％" && c.Rel()&(claims.RelYoY|claims.RelYoYDown|claims.RelGrowth|claims.RelDecline|claims.RelShare|claims.RelTo) != 0 || c.Unit == "％" && pct == nil {
			if pct == nil || c.Rel() != 0 && pct.Rel() == 0 {
				pct = c
			}
		}
	}
	if pct == nil {
		return
	}
	text := p.Doc.Text
	for i := range cs {
		c := &cs[i]
		if c.HasUnit() || c.Multiplier() != "" || c.Kind == analyze.ClaimRank || c.Rel()&claims.RelList != 0 {
			continue
		}
		lead := text[c.Sentence.Start:c.Start]
		if i > 0 && cs[i-1].Span.End > c.Sentence.Start && cs[i-1].Span.End <= c.Start {
			lead = text[cs[i-1].Span.End:c.Start]
		}
		t := strings.TrimSpace(lead)
		for _, w := range []string{"了", "为", "达到", "达", "至", "到", "分别"} {
			t = strings.TrimSuffix(t, w)
		}
		w := ""
		for _, rw := range rateWords {
			if strings.HasSuffix(t, rw) {
				w = rw
				break
			}
		}
		if w == "" {
			continue
		}
		// a list sharing the unit of its last value: 增长10、12％
		if i+1 < len(cs) && cs[i+1].Rel()&claims.RelList != 0 && cs[i+1].HasUnit() {
			continue
		}
		name := w
		if c.Metric != "" && c.Metric != w && !strings.HasSuffix(c.Metric, w) {
			name = c.Metric + w
		}
		p.Report(analyze.Finding{Rule: "missing-unit", Span: segment.Span{Start: c.Start - len(w), End: c.Span.End},
			Message: fmt.Sprintf("“%s%s”缺少单位：%s应写明“%s”（本报告其他比率写了“%s”，如第%d行“%s”）",
				w, c.Text, name, pct.UnitText, pct.UnitText, lineOf(p, pct.Start), pct.Text),
			Suggestion: "补上单位，如“" + w + c.Text + pct.UnitText + "”",
			Related:    []analyze.Related{related(pct, "写了“％”的比率")}})
	}
}

// ---------------------------------------------------------------------------
// number.list-count

func numberListCount(p *analyze.Pass, cs []analyze.Claim) {
	for i := 0; i < len(cs); {
		c := &cs[i]
		if listID(c) == 0 || c.Rel()&claims.RelList != 0 {
			i++
			continue
		}
		j := i + 1
		for j < len(cs) && listID(&cs[j]) == listID(c) {
			j++
		}
		n := j - i
		_, lo, hi := c.List()
		if lo >= 2 && (n < lo || n > hi) {
			last := &cs[j-1]
			sp := segment.Span{Start: c.Start, End: last.Span.End}
			subj := fmt.Sprintf("%d项", lo)
			switch {
			case hi >= math.MaxInt32:
				subj = fmt.Sprintf("至少%d项", lo)
			case hi != lo:
				subj = fmt.Sprintf("%d～%d项", lo, hi)
			}
			msg := fmt.Sprintf("“分别”前列举了%s，后面却给出%d个数值，数量不一致", subj, n)
			if n == 1 {
				msg = fmt.Sprintf("“分别”前列举了%s，后面只有1个数值：各项数值不同时逐一列出，相同时改用“均”", subj)
			}
			p.Report(analyze.Finding{Rule: "list-count", Span: sp, Message: msg,
				Suggestion: "核对“分别”前后的对象与数值，使个数一致"})
		}
		i = j
	}
}

// ---------------------------------------------------------------------------
// number.part-whole

// wholeCandidate reports whether a claim can be a total part belongs to.
func wholeCandidate(w, part *analyze.Claim) bool {
	if w.Value == nil || w.Unit != part.Unit || w.Unit == "" || w.Kind != part.Kind {
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
		// the parts: this claim and the later ones of its sentence
		first := &cs[i]
		qi := strings.LastIndex(text[first.Sentence.Start:first.Start], "其中") + first.Sentence.Start
		opens := strings.TrimSpace(text[first.Sentence.Start:qi]) == ""
		k := i
		for ; k < len(cs) && cs[k].Sentence == first.Sentence; k++ {
			part := &cs[k]
			if k > i && part.Rel()&claims.RelPart != 0 {
				break
			}
			lo, _, ok := bounds(part)
			if !ok {
				continue
			}
			big, bigHi := largestWhole(cs, i, qi, part, opens)
			if big == nil || lo <= bigHi {
				continue
			}
			p.Report(analyze.Finding{Rule: "part-whole", Span: part.Span,
				Message:    fmt.Sprintf("部分大于整体：“其中”所列的%s大于总数%s（第%d行）", part.Text, big.Text, lineOf(p, big.Start)),
				Suggestion: "核对总数与分项数值", Related: []analyze.Related{related(big, "总数")}})
		}
		i = k - 1
	}
}

// largestWhole finds the largest total a part of a 其中 clause can belong
// to: the claims before 其中 in its sentence or, when 其中 opens the
// sentence, in the sentence before. nil when there is none or one of them is
// approximate.
func largestWhole(cs []analyze.Claim, i, qi int, part *analyze.Claim, opens bool) (*analyze.Claim, float64) {
	first := &cs[i]
	var wholes []*analyze.Claim
	for k := i - 1; k >= 0 && cs[k].Sentence == first.Sentence; k-- {
		if cs[k].Span.End <= qi && wholeCandidate(&cs[k], part) {
			wholes = append(wholes, &cs[k])
		}
	}
	if len(wholes) == 0 && opens {
		var sent segment.Span
		for k := i - 1; k >= 0 && cs[k].Paragraph == first.Paragraph; k-- {
			if sent.Len() > 0 && cs[k].Sentence != sent {
				break
			}
			if cs[k].Sentence.End <= first.Sentence.Start {
				sent = cs[k].Sentence
				if wholeCandidate(&cs[k], part) {
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
			for k := i - 1; k >= 0 && cs[k].Sentence == c.Sentence; k-- {
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
			for k := i - 1; k >= 0 && cs[k].Sentence == c.Sentence; k-- {
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
				up := hasAny(between, []string{"提高", "提升", "增长", "增加", "上升"})
				down := hasAny(between, []string{"下降", "减少", "降低", "降至", "降到", "压缩", "缩短", "回落"})
				if up && !down && bhi < alo || down && !up && blo > ahi {
					verb := "提高"
					if down {
						verb = "下降"
					}
					p.Report(analyze.Finding{Rule: "relation", Span: c.Span,
						Message:    fmt.Sprintf("“由%s%s到%s”与数值方向矛盾", a.Text, verb, c.Text),
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
	sentenceWordSet    = scan.NewWordSet(timeWords[:], planWords)
	timeWordSet        = scan.NewWordSet(timeWords[:])
	planWordSet        = scan.NewWordSet(planWords)
	planSectionWordSet = scan.NewWordSet(planSectionWords)
)

const timeMask = 1<<len(timeWords) - 1 // the timeWords bits of a sentenceWordSet mask

// conflictScope derives the context of claims for number.conflict, caching
// what paragraphs and outline nodes share.
type conflictScope struct {
	p         *analyze.Pass
	nodePlan  []int8   // per outline node: 0 unknown, 1 no plan, 2 plan
	nodeTimes []uint64 // per outline node: time words of its and its ancestors' titles, +1
	paraPlan  map[int]paraOpening
}

// paraOpening is a paragraph's first sentence and whether it states a plan.
type paraOpening struct {
	first segment.Span
	plan  bool
}

func newConflictScope(p *analyze.Pass) *conflictScope {
	n := len(p.Outline())
	return &conflictScope{p: p, nodePlan: make([]int8, n), nodeTimes: make([]uint64, n), paraPlan: map[int]paraOpening{}}
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
				if nodes[n].Implicit == analyze.KindPlans || nodes[n].Heading != nil && planSectionWordSet.Any(nodes[n].Title) {
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
			pp = paraOpening{ss[0], planWordSet.Any(text[ss[0].Start:ss[0].End])}
		}
		x.paraPlan[pi] = pp
	}
	return pp.plan && pp.first != c.Sentence
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
				m |= timeWordSet.Mask(nodes[n].Title)
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
	return heads, b.String()
}

// sentenceClaims returns the claims of cs[i]'s sentence (they are adjacent).
func sentenceClaims(cs []analyze.Claim, i int) []analyze.Claim {
	lo, hi := i, i+1
	for lo > 0 && cs[lo-1].Sentence == cs[i].Sentence {
		lo--
	}
	for hi < len(cs) && cs[hi].Sentence == cs[i].Sentence {
		hi++
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
		if utf8.RuneCountInString(c.Metric) < 4 || genericMetric(c.Metric) {
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
		dates       string
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
			sw := sentenceWordSet.Mask(p.Doc.Text[c.Sentence.Start:c.Sentence.End])
			if scope.plan(c, node, sw) {
				continue
			}
			words := sw & timeMask
			head, dates := scope.times(cs, i, node)
			totals := totalsMetric(p, c)
			dup := false
			for _, o := range list {
				if o.words != words || o.head != head || o.dates != dates || o.node != node && !(o.totals && totals) {
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
				list = append(list, seen{c, node, totals, words, head, dates, lo, hi})
			}
		}
	}
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
	relYearWordSet = scan.NewWordSet(relYearWords)
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
	relYearWordSet.Each(text, func(i, wi int) bool {
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
	for i := range cs {
		c := &cs[i]
		if c.Kind != analyze.ClaimYear || c.Value == nil || c.RangeEnd != nil {
			continue
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

// listID returns the claim's 分别 list id (0 when none).
func listID(c *analyze.Claim) int {
	id, _, _ := c.List()
	return id
}
