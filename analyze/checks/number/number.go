package number

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/claims"
	"github.com/reportlint/reportlint/analyze/internal/scan"
	"github.com/reportlint/reportlint/internal/utf8x"

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
		{ID: "number.conflict", Title: "疑似同一指标数值矛盾", Doc: "同一指标在报告中两次给出不同数值：时间范围相同（含段首“过去五年”等时间语和标题年份）、均为实际完成数（当年重点工作部分视为目标），" +
			"主体相同（指标前的分句一致），且在同一小节内（并列小节口径不同），或为全市、全区等全域指标及社会消费品零售总额、地区生产总值等总量指标；" +
			"同一句中的两处、名次（居全省前3位）、“开展专项检查”“组织培训”等泛指活动不比较",
			Severity: analyze.Warning, Group: analyze.GroupConsistency, Source: analyze.SourcePractice, Heuristic: true,
			Good: "全年地区生产总值520亿元……地区生产总值520亿元", Bad: "全年地区生产总值520亿元……地区生产总值530亿元"},
		{ID: "number.part-whole", Title: "疑似部分大于整体", Doc: "部分大于整体：“其中”所在分句所列数量大于前面的总数（每千人、人均等比率不作总数）；“占…比重”超过100％",
			Severity: analyze.Warning, Group: analyze.GroupConsistency, Source: analyze.SourcePractice, Heuristic: true,
			Good: "新建项目30个，其中产业项目12个。", Bad: "新建项目30个，其中产业项目42个。"},
		{ID: "number.relation", Title: "疑似关系词与数值矛盾", Doc: "关系词与数值矛盾：“超…目标”而完成数不大于目标、新建数大于累计数、“由A提高到B”而B小于A（名次数字越小位次越高）、同比增速与前后数值不符",
			Severity: analyze.Warning, Group: analyze.GroupConsistency, Source: analyze.SourcePractice, Heuristic: true,
			Good: "覆盖率由85％提高到92％。", Bad: "覆盖率由85％提高到82％。"},
		{ID: "number.list-count", Title: "疑似“分别”前后个数不符", Doc: "“分别”前列举的对象个数与后面给出的多个数值个数不一致；引号内的名称（“六类”案件）不算个数，只有一个数值时（各自相同）不报",
			Severity: analyze.Warning, Group: analyze.GroupConsistency, Source: analyze.SourcePractice, Heuristic: true,
			Good: "一季度、二季度分别增长5％、6％。", Bad: "一季度、二季度分别增长5％、6％、7％。"},
		{ID: "number.missing-unit", Title: "疑似比率缺少单位", Doc: "增速、增幅、比重等比率后直接是标点或连词、没有任何单位（报告中其他比率写了“％”）；后有岁、℃、量词或“∶”比例、满意度等分值时不报",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourcePractice, Heuristic: true,
			Good: "同比增长8.5％。", Bad: "同比增长8.5，占比12％。"},
		{ID: "number.percent-sign", Title: "百分号全角半角混用", Doc: "同一报告中全角“％”与半角“%”混用；全报告只报一次，列出每一处少数写法",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourcePractice, Fixable: true,
			Good: "增长5％，占比12％。", Bad: "增长5％，占比12%。"},
		{ID: "number.width", Title: "用了全角数字", Doc: "全角阿拉伯数字与半角数字混用；阿拉伯数字应一律用半角（GB/T 15835）",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourceStandard, Standard: "GB/T 15835—2011", Fixable: true,
			Good: "完成投资12亿元。", Bad: "完成投资１２亿元。"},
		{ID: "number.year", Title: "疑似年份与报告年度不符", Doc: "年份与报告年度不符：下一步打算写成报告当年或更早的年份，“今年（X年）”“明年（X年）”与报告年度不符或前后不一致",
			Severity: analyze.Warning, Group: analyze.GroupConsistency, Source: analyze.SourcePractice, Heuristic: true,
			Good: "2022年度报告：明年（2023年）将继续推进。", Bad: "2022年度报告：明年（2022年）将继续推进。"},
		{ID: "number.style", Title: "数字用法不规范", Doc: "GB/T 15835 数字用法：阿拉伯数字后只能用“万”“亿”作单位（不写3亿4千万、5千元；百亿亿次等复合单位除外，无法确定数值时不给改法）；“近…余”“不到…左右”“至少…以上”等概数表述矛盾或重复",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourceStandard, Standard: "GB/T 15835—2011",
			Good: "完成投资3.4亿元。", Bad: "完成投资3亿4千万元。"},
		{ID: "number.range-unit", Title: "范围前一个数缺单位", Doc: "范围两端的“％”“万”“亿”都不能省略（GB/T 15835）；用连字符时一并改为范围号“～”（GB/T 15834），一处问题只给一个改法",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourceStandard, Standard: "GB/T 15835—2011", Fixable: true,
			Supersedes: []string{"punctuation.range"}, // 15-20% → 15%～20%: one fix, not two that fight
			Good:       "增长15%～20%，投资9亿～16亿元。", Bad: "增长15-20%，投资9-16亿元。"},
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
			after := p.Doc.Text[q.NumEnd:]
			stacked := strings.HasPrefix(after, "亿") || strings.HasPrefix(after, "万")
			if !stacked {
				numSp := segment.Span{Start: q.NumStart, End: q.NumEnd}
				msg := fmt.Sprintf("“%s”不规范：与阿拉伯数字连用的数词只能是“万”“亿”，不用“千”“百”“十”（GB/T 15835）", p.Doc.Slice(numSp))
				sug := ""
				if !hasMultAfterQualifier(after) {
					want := standardLarge(c)
					msg += "，应写作“" + want + "”"
					sug = "改为“" + want + "”"
				} else {
					// quote through the trailing 多万 (2亿4千多万)
					numSp.End += len(after[:strings.IndexAny(after, "万亿")]) + len("万")
					msg = fmt.Sprintf("“%s”不规范：与阿拉伯数字连用的数词只能是“万”“亿”，不用“千”“百”“十”（GB/T 15835），应改用只带“万”“亿”的小数写法", p.Doc.Slice(numSp))
				}
				p.Report(analyze.Finding{Rule: "style", Span: numSp, Message: msg, Suggestion: sug})
			}
			// stacked multipliers (8.25百亿亿次/秒) name a compound unit
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
				rest, note := text[k:], ""
				// a hyphen is not a range mark (GB/T 15834 4.13): the one
				// suggestion fixes both, and supersedes punctuation.range
				for _, h := range []string{"-", "－", "‐", "–"} {
					if strings.HasPrefix(rest, h) {
						rest, note = "～"+rest[len(h):], "，范围号用“～”（GB/T 15834），不用连字符"
						break
					}
				}
				want := text[:k] + mark + rest
				p.Report(analyze.Finding{Rule: "range-unit", Span: sp,
					Message:    fmt.Sprintf("范围“%s”的前一个数省略了“%s”，易生歧义：范围两端的“%s”都不能省略（GB/T 15835）%s，应写作“%s”", text, mark, mark, note, want),
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

// hasMultAfterQualifier reports whether 万 or 亿 follows after 多/余
// (2亿4千多万): it multiplies the last group, which the parsed value misses,
// so no value can be suggested.
func hasMultAfterQualifier(after string) bool {
	for _, m := range []string{"多", "余", "来"} {
		if strings.HasPrefix(after, m) {
			rest := after[len(m):]
			return strings.HasPrefix(rest, "万") || strings.HasPrefix(rest, "亿")
		}
	}
	return false
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
	// one finding for the report, every place listed
	rel := []analyze.Related{{Span: segment.Span{Start: major[0], End: major[0] + len(Ms)}, Message: "本报告通用的写法"}}
	for k, off := range minor[1:] {
		if k >= maxRelated {
			break
		}
		rel = append(rel, analyze.Related{Span: segment.Span{Start: off, End: off + len(ms)}, Message: "同样应改为“" + Ms + "”"})
	}
	where := "此处的"
	sug := "改为“" + Ms + "”"
	if len(minor) > 1 {
		where = fmt.Sprintf("此处及另外%d处（见相关位置）的", len(minor)-1)
		sug = fmt.Sprintf("把这%d处“%s”都改为“%s”", len(minor), ms, Ms)
	}
	p.Report(analyze.Finding{Rule: "percent-sign", Span: segment.Span{Start: minor[0], End: minor[0] + len(ms)},
		Message:    fmt.Sprintf("百分号混用：本报告用“%s”%d处、“%s”%d处，%s“%s”应统一为“%s”", Ms, len(major), ms, len(minor), where, ms, Ms),
		Suggestion: sug, Related: rel})
}

// maxRelated bounds the places one aggregated finding lists.
const maxRelated = 1000

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
		r, w := utf8x.DecodeRune(text, i)
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

// scoreWords name metrics measured in points, years or an index, not in
// percent: 满意度88.9, 人均预期寿命79.5岁, 指数105.2.
var scoreWords = []string{"满意度", "满意率测评", "指数", "得分", "评分", "分数", "寿命", "年龄", "岁", "温度", "气温", "室温", "评价值", "排名", "位次"}

// bareRate reports whether the number ending at off is followed by nothing
// that could be its unit: punctuation, a conjunction, a space or the end. A
// Han unit or classifier (岁, 大类, 个百分点), a symbol (℃) or a ratio
// (2.1∶40.5, 3比2) means the unit is there or the number is not a rate.
func bareRate(text string, off int) bool {
	if off >= len(text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[off:])
	switch r {
	case '，', '。', '；', '、', '）', ')', '！', '？', ',', ';', '\n', '\r', ' ', '　':
		return true
	case '和', '与', '及', '或', '至', '到':
		return true
	}
	return false
}

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
		if w == "" || !bareRate(text, c.Span.End) || hasAny(lead, scoreWords) || hasAny(c.Metric, scoreWords) {
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
		// one value after 分别 reads as 各自 (each the same): accepted usage
		if lo >= 2 && n >= 2 && (n < lo || n > hi) {
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
			p.Report(analyze.Finding{Rule: "list-count", Span: sp, Message: msg,
				Suggestion: "核对“分别”前后的对象与数值，使个数一致"})
		}
		i = j
	}
}
