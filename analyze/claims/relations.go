package claims

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/analyze/internal/scan"

	"github.com/reportlint/reportlint/internal/lazy"
	"github.com/reportlint/reportlint/internal/utf8x"
	"github.com/reportlint/reportlint/segment"
)

// ---------------------------------------------------------------------------
// Relations and metrics.

type Rel uint32

const (
	RelPart        Rel = 1 << iota // 其中
	RelEach                        // 分别
	RelList                        // continues a list: 、**亿元
	RelYoY                         // 同比增长, 较上年增长
	RelYoYDown                     // 同比下降, 同比减少
	RelShare                       // 占…比重, 占比
	RelOverTarget                  // 超年度目标3.2亿元: the excess or the target
	RelTargetAfter                 // 远超年度30个的目标任务: the number is the target
	RelCumulative                  // 累计
	RelNew                         // 新增
	RelBuilt                       // 新建
	RelBreak                       // 突破
	RelDone                        // 完成, 实现
	RelReach                       // 达到, 达
	RelGrowth                      // 增长, 提高 (a change)
	RelDecline                     // 下降, 减少 (a change)
	RelTo                          // 提高到, 降至 (a new level)
	RelFrom                        // 由…, 从…
	RelPrevYear                    // 上年, 去年同期 (a base value)
)

var RelLabels = []struct {
	f     Rel
	label string
}{
	{RelPart, "其中"}, {RelEach, "分别"}, {RelCumulative, "累计"}, {RelNew, "新增"}, {RelBuilt, "新建"}, {RelYoY, "同比增长"}, {RelYoYDown, "同比减少"},
	{RelShare, "占…比重"}, {RelOverTarget, "超…目标"}, {RelTargetAfter, "超…目标"}, {RelBreak, "突破"}, {RelDone, "完成"}, {RelReach, "达到"},
	{RelGrowth, "增长"}, {RelDecline, "减少"}, {RelTo, "增至"}, {RelFrom, "由"}, {RelPrevYear, "上年"},
}

// ClausePunct ends the words a metric may take.
const ClausePunct = "，,；;：:。！？!?、（）()《》【】\n|｜\t"

// yoyWords introduce a year-on-year comparison; the first of the list
// found in the words before a number applies.
var yoyWords = []string{"同比", "较上年同期", "比上年同期", "较上年度", "较上年", "比上年", "较去年同期", "较去年", "比去年", "与上年相比", "与去年相比", "环比"}

// overWords before a number compare it with a target (超…目标).
var overWords = []string{"超额完成", "超过", "远超", "超出", "高于", "超"}

// RelExtraWords are the other words relations looks for in the words
// before a number (rw* index them).
var RelExtraWords = []string{"其中", "分别", "同比", "占", "占比", "累计", "新增", "净增", "新建", "完成", "实现"}

const (
	rwQizhong = iota
	rwFenbie
	rwTongbi
	rwZhan
	rwZhanbi
	rwLeiji
	rwXinzeng
	rwJingzeng
	rwXinjian
	rwWancheng
	rwShixian
)

// RelWordSet finds yoyWords, overWords and RelExtraWords in one scan.
var RelWordSet = lazy.Value(func() *scan.WordSet { return scan.NewWordSet(yoyWords, overWords, RelExtraWords) })

var (
	upVerbs   = []string{"增长", "增加", "提高", "提升", "上升", "新增", "净增", "增"}
	downVerbs = []string{"下降", "减少", "降低", "回落", "缩减", "压缩", "缩短", "减"}
	toVerbs   = []string{"提升至", "提升到", "提高至", "提高到", "增长至", "增长到", "增加至", "增加到", "上升至", "上升到", "降至", "降到", "下降至", "下降到", "减少至", "减少到", "降低至", "降低到", "压缩至", "压缩到", "缩短至", "缩短到"}
	doneVerbs = []string{"完成", "实现"}
)

// metricTail: relation words stripped from the end of a metric.
var metricTail = []string{
	"同比分别增长", "同比分别下降", "同比分别减少", "同比分别提高", "分别增长", "分别下降", "分别减少", "分别提高", "分别提升", "分别达到", "分别为", "分别达", "分别是",
	"较上年度增长", "较上年度新增", "较上年度减少", "较上年增长", "较上年新增", "较上年减少", "比上年增长", "比上年减少", "较去年增长",
	"同比增长", "同比下降", "同比减少", "同比提高", "同比提升", "同比增加", "同比降低", "环比增长", "环比下降",
	"提升至", "提升到", "提高至", "提高到", "增长至", "增长到", "增加至", "增加到", "上升至", "上升到", "降至", "降到", "下降至", "下降到",
	"累计达到", "累计达", "达到了", "达到", "完成了", "完成", "实现了", "实现", "增长了", "增长", "下降了", "下降", "减少了", "减少",
	"提高了", "提高", "提升了", "提升", "增加了", "增加", "降低了", "降低", "上升", "压缩", "缩短", "突破", "超过", "超出", "远超", "超", "逾", "达",
	"共计", "合计", "总计", "累计", "共有", "共", "为", "是", "有", "约", "近", "了", "分别", "同比", "新增", "新建", "由", "从",
	"连续", "建成", "破", "等", "净增", "仅为", "仅", "只有", "比上年同期", "较上年同期", "较上年度", "较上年", "比上年", "较去年同期", "比去年同期", "较去年", "比去年", "与上年相比", "与去年相比", "同期",
}

// metricTailByLast indexes metricTail by last rune, order kept.
var metricTailByLast = lazy.Value(func() *wordsByRune {
	return newWordsByRune(metricTail, func(w string) rune { r, _ := utf8.DecodeLastRuneInString(w); return r })
})

// metricHead: connectors and relation words stripped from the start.
var metricHead = []string{"其中", "较上年度新增", "较上年新增", "累计", "共计", "合计", "总计", "另有", "另", "并且", "并", "且", "同时", "此外", "同比", "新增", "全年共", "共", "等", "和", "及", "与",
	"一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是", "首先", "其次", "再次", "最后"}

// cutVerbs end a metric from the left: 完成投资 → 投资.
var cutVerbs = [...]string{"完成", "实现", "达到", "累计", "新增", "其中", "同比", "共计", "合计", "总计", "增长", "下降", "减少", "提高", "提升", "增加", "降低", "突破"}

var cutVerbSet = lazy.Value(func() *scan.WordSet { return scan.NewWordSet(cutVerbs[:]) })

// metricHeadByFirst indexes metricHead by first rune, order kept.
var metricHeadByFirst = lazy.Value(func() *wordsByRune { return newWordsByRune(metricHead, firstRune) })

const maxMetricRunes = 20

// annotate fills sentence, relation and metric of one paragraph's claims.
func (x *extractor) annotate(cs []Claim, para segment.Paragraph) {
	if len(cs) == 0 {
		return
	}
	text := x.doc.Text
	sents := x.sentences(para.Span)
	si := 0
	for k := range cs {
		c := &cs[k]
		for si < len(sents)-1 && sents[si].End <= c.Start {
			si++
		}
		c.Sentence = para.Span
		if si < len(sents) && sents[si].Start <= c.Start && c.Start < sents[si].End {
			c.Sentence = sents[si]
		}
		var prev *Claim
		leadStart := c.Sentence.Start
		if k > 0 && cs[k-1].Sentence == c.Sentence && cs[k-1].Span.End <= c.Start {
			prev = &cs[k-1]
			leadStart = prev.Span.End
		}
		lead := text[leadStart:c.Start]
		x.relations(c, prev, lead, leadStart)
		x.metric(c, prev, lead, leadStart)
		c.Relation = x.relLabel(c.rel)
	}
}

func RelLabel(f Rel) string {
	var out []string
	seen := map[string]bool{}
	for _, l := range RelLabels {
		if f&l.f != 0 && !seen[l.label] {
			seen[l.label] = true
			out = append(out, l.label)
		}
	}
	return strings.Join(out, "、")
}

// isListJoin: the words between two values of one list.
func isListJoin(s string) bool {
	switch strings.TrimSpace(s) {
	case "、", "和", "与", "及", "以及", "，", ",":
		return true
	}
	return false
}

// relations sets c.rel from the words since the previous claim.
func (x *extractor) relations(c *Claim, prev *Claim, lead string, leadStart int) {
	if x.continueList(c, prev, lead) {
		return
	}
	// One scratch scan per extractor: a relScan (≈560 B) escaped to the
	// heap for every claim.
	r := &x.rel
	*r = relScan{x: x, lead: lead, leadStart: leadStart}
	RelWordSet().Each(lead, func(off, k int) bool {
		if r.first[k] == 0 {
			r.first[k] = off + 1
		}
		return true
	})
	r.extra = r.first[len(yoyWords)+len(overWords):]
	x.wordRelations(c, prev, r)
	verbRelation(c, lead)
	x.doneRelation(c, r)
}

// relScan is the words found in the text before one claim.
type relScan struct {
	x         *extractor
	lead      string
	leadStart int
	// first offset+1 of each word of RelWordSet in lead, 0 when absent:
	// one scan instead of a strings.Index per word
	first [64]int
	extra []int // first[] of relExtraWords
}

// has returns the index of w in lead at a token boundary, -1 if none.
func (r *relScan) has(w string) int {
	for off := 0; ; {
		i := strings.Index(r.lead[off:], w)
		if i < 0 {
			return -1
		}
		i += off
		if r.x.boundary(r.leadStart+i) && r.x.boundary(r.leadStart+i+len(w)) {
			return i
		}
		off = i + len(w)
	}
}

// continueList handles the next value of a 、-joined list (分别为5％、6％):
// it inherits the relation and 分别 group of the claim before.
func (x *extractor) continueList(c *Claim, prev *Claim, lead string) bool {
	if prev != nil && isListJoin(lead) && (prev.rel&RelEach != 0 || strings.TrimSpace(lead) != "，" && strings.TrimSpace(lead) != ",") {
		c.rel = prev.rel&^(RelList) | RelList
		if prev.group > 0 && strings.TrimSpace(lead) != "，" && strings.TrimSpace(lead) != "," {
			c.group, c.groupLo, c.groupHi, c.groupIdx = prev.group, prev.groupLo, prev.groupHi, prev.groupIdx+1
		} else {
			c.rel &^= RelEach
		}
		return true
	}
	return false
}

// wordRelations sets the flags of relation words anywhere in the lead:
// 其中, 分别, 同比…, 上年, 占…比重, 超…目标, 累计, 新增, 新建.
func (x *extractor) wordRelations(c *Claim, prev *Claim, r *relScan) {
	lead, first, extra, has := r.lead, &r.first, r.extra, r.has
	text := x.doc.Text
	if extra[rwQizhong] > 0 && has("其中") >= 0 {
		c.rel |= RelPart
	}
	if i := extra[rwFenbie] - 1; i >= 0 {
		c.rel |= RelEach
		x.groups++
		c.group = x.groups
		x.subjects(c, prev, lead[:i])
	}
	if k, i := scan.FirstOf(first[:len(yoyWords)]); k >= 0 {
		w := yoyWords[k]
		rest := lead[i+len(w):]
		rest = strings.TrimPrefix(rest, "分别")
		if scan.HasPrefixAny(rest, downVerbs) {
			c.rel |= RelYoYDown
		} else if scan.HasPrefixAny(rest, upVerbs) || strings.HasPrefix(rest, "多") {
			c.rel |= RelYoY
		} else if strings.HasSuffix(strings.TrimSpace(lead), w) || strings.HasSuffix(lead, w+"为") {
			c.rel |= RelPrevYear
		}
	}
	if extra[rwTongbi] == 0 && (strings.HasSuffix(lead, "上年") || strings.HasSuffix(lead, "去年") || strings.HasSuffix(lead, "上年为") ||
		strings.HasSuffix(lead, "去年为") || strings.HasSuffix(lead, "上年同期为") || strings.HasSuffix(lead, "去年同期为") || strings.HasSuffix(lead, "上年同期")) {
		c.rel |= RelPrevYear
	}
	if i := extra[rwZhan] - 1; i >= 0 && (strings.Contains(lead[i:], "比重") || strings.Contains(lead[i:], "比例")) || extra[rwZhanbi] > 0 {
		c.rel |= RelShare
	}
	if k, i := scan.FirstOf(first[len(yoyWords) : len(yoyWords)+len(overWords)]); k >= 0 {
		rest := lead[i+len(overWords[k]):]
		if strings.Contains(rest, "目标") || strings.Contains(rest, "任务") || strings.Contains(rest, "计划") {
			c.rel |= RelOverTarget
		} else if after := text[c.Span.End:min(len(text), c.Span.End+24)]; strings.HasPrefix(after, "的") && targetNounSoon(after) {
			c.rel |= RelTargetAfter
		}
	}
	if extra[rwLeiji] > 0 && has("累计") >= 0 {
		c.rel |= RelCumulative
	}
	if extra[rwXinzeng] > 0 && has("新增") >= 0 || extra[rwJingzeng] > 0 && has("净增") >= 0 {
		c.rel |= RelNew
	}
	if extra[rwXinjian] > 0 && has("新建") >= 0 {
		c.rel |= RelBuilt
	}
}

// verbRelation sets the flag of the verb that ends the lead (突破, 提高到,
// 达到, 完成, 增长, 下降, 由…).
func verbRelation(c *Claim, lead string) {
	tl := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(lead), "了"), "为")
	tl = strings.TrimSuffix(tl, "分别")
	if last, _ := utf8.DecodeLastRuneInString(tl); !verbLastRunes().Has(last) {
		return // no verb below ends with it
	}
	switch {
	case strings.HasSuffix(tl, "突破") || strings.HasSuffix(tl, "破"):
		c.rel |= RelBreak
	case scan.HasSuffixAny(tl, toVerbs):
		c.rel |= RelTo
	case strings.HasSuffix(tl, "达到") || strings.HasSuffix(tl, "达") && !strings.HasSuffix(tl, "到达") && !strings.HasSuffix(tl, "表达"):
		c.rel |= RelReach
	case scan.HasSuffixAny(tl, doneVerbs):
		c.rel |= RelDone
	case scan.HasSuffixAny(tl, growthEnds):
		if c.rel&(RelYoY|RelYoYDown) == 0 {
			c.rel |= RelGrowth
		}
	case scan.HasSuffixAny(tl, declineEnds):
		if c.rel&(RelYoY|RelYoYDown) == 0 {
			c.rel |= RelDecline
		}
	case strings.HasSuffix(tl, "由") || strings.HasSuffix(tl, "从"):
		c.rel |= RelFrom
	}
}

var (
	growthEnds  = []string{"增长", "增加", "提高", "提升", "上升"}
	declineEnds = []string{"下降", "减少", "降低", "回落", "压缩", "缩短"}
)

// verbLastRunes holds the last runes of the words verbRelation looks for.
var verbLastRunes = lazy.Value(func() *runeBloom {
	var b runeBloom
	for _, ws := range [][]string{{"突破", "破", "达到", "达", "由", "从"}, toVerbs, doneVerbs, growthEnds, declineEnds} {
		for _, w := range ws {
			r, _ := utf8.DecodeLastRuneInString(w)
			b.Add(r)
		}
	}
	return &b
})

// doneRelation marks 完成投资48.6亿元: a completion verb that opens the
// clause rather than ending the lead.
func (x *extractor) doneRelation(c *Claim, r *relScan) {
	lead, leadStart, extra := r.lead, r.leadStart, r.extra
	if c.rel&(RelDone|RelReach) == 0 && (extra[rwWancheng] > 0 || extra[rwShixian] > 0) { // doneVerbs
		clause := lead
		if i, w := lastClausePunct(clause); i >= 0 {
			clause = clause[i+w:]
		}
		for _, w := range doneVerbs {
			if i := strings.Index(clause, w); i >= 0 && x.boundary(leadStart+len(lead)-len(clause)+i) {
				c.rel |= RelDone
				break
			}
		}
	}
}

// lastClausePunct returns the offset and width of the last ClausePunct
// rune of s, or -1, 0: strings.LastIndexAny(s, ClausePunct) without a
// search of ClausePunct per rune.
func lastClausePunct(s string) (int, int) {
	for i := len(s); i > 0; {
		r, w := utf8x.DecodeLastRune(s[:i])
		i -= w
		if isClausePunct(r) {
			return i, w
		}
	}
	return -1, 0
}

// targetNounSoon: “的工作任务” right after a number makes it a target.
func targetNounSoon(after string) bool {
	n := 0
	for _, r := range after {
		if isClausePunct(r) || n > 8 {
			return false
		}
		n++
		if r == '标' || r == '务' || r == '划' {
			s := after[:strings.IndexRune(after, r)+utf8.RuneLen(r)]
			return strings.HasSuffix(s, "目标") || strings.HasSuffix(s, "任务") || strings.HasSuffix(s, "计划")
		}
	}
	return false
}

// subjects counts the items listed before 分别 (快递业务量、业务收入分别为)
// into c.groupLo..c.groupHi: a count word (两家企业分别) fixes it, else the
// items joined by 、 give the lower bound and 和/与/及 may add more (they
// also occur inside names: 工业和信息化局). A clause without a list inherits
// the count of an earlier 分别 list in the same sentence (…，同比分别增长).
func (x *extractor) subjects(c *Claim, prev *Claim, before string) {
	clause := before
	if i := strings.LastIndexAny(clause, "，,；;：:。"); i >= 0 {
		_, w := utf8.DecodeRuneInString(clause[i:])
		clause = clause[i+w:]
	}
	if prev != nil && clause == before && prev.group == 0 {
		// the clause began before the previous claim: a count word such as
		// 两家企业分别, 3个领域分别 is that claim
		if prev.Kind == "count" && prev.RangeEnd == nil && prev.Value != nil && *prev.Value >= 2 && *prev.Value <= 20 &&
			*prev.Value == math.Trunc(*prev.Value) && prev.Qualifier == "" && !strings.ContainsAny(before, ClausePunct) {
			c.groupLo, c.groupHi = int32(*prev.Value), int32(*prev.Value)
		}
		return
	}
	bare := withoutQuoted(clause) // “六类”案件 is a name, not a count
	for _, cnt := range []string{"两", "二", "三", "四", "五", "六", "七", "八", "九", "十"} {
		if !strings.Contains(bare, cnt) {
			continue
		}
		for _, u := range []string{"个", "家", "项", "类", "所", "座", "条", "名", "位", "种", "批", "场", "款", "件", "方面"} {
			if containsPair(bare, cnt, u) {
				v, _, _ := parseCN(cnt)
				c.groupLo, c.groupHi = int32(v), int32(v)
				return
			}
		}
	}
	lo := 1 + strings.Count(clause, "、")
	hi := lo
	for _, sep := range []string{"和", "与", "及"} {
		hi += strings.Count(clause, sep)
	}
	hi -= strings.Count(clause, "以及") // counted once by 及
	if strings.Contains(clause, "等") {
		hi = math.MaxInt32 // 教育、卫生等支出分别…: the list is open
	}
	if hi >= 2 {
		c.groupLo, c.groupHi = int32(min(lo, math.MaxInt32)), int32(min(hi, math.MaxInt32))
		c.groupSubjects = splitSubjects(clause)
		return
	}
	if prev != nil && prev.group > 0 && prev.groupLo > 0 {
		c.groupLo, c.groupHi, c.groupSubjects = prev.groupLo, prev.groupHi, prev.groupSubjects
	}
}

// containsPair is strings.Contains(s, a+b) without building a+b.
func containsPair(s, a, b string) bool {
	for from := 0; from <= len(s); {
		k := strings.Index(s[from:], a)
		if k < 0 {
			return false
		}
		k += from
		if strings.HasPrefix(s[k+len(a):], b) {
			return true
		}
		from = k + 1 // a may start again inside itself
	}
	return false
}

// withoutQuoted drops the text inside “”, ‘’ and 《》 (one level, unclosed
// quotes run to the end).
func withoutQuoted(s string) string {
	if !strings.ContainsAny(s, "“‘《") {
		return s
	}
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '“', '‘', '《':
			depth++
			continue
		case '”', '’', '》':
			if depth > 0 {
				depth--
			}
			continue
		}
		if depth == 0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func splitSubjects(clause string) []string {
	var out []string
	for _, p := range strings.Split(clause, "、") {
		for _, sep := range []string{"以及", "和", "与", "及"} {
			for {
				i := strings.Index(p, sep)
				if i <= 0 {
					break
				}
				out = append(out, p[:i])
				p = p[i+len(sep):]
			}
		}
		out = append(out, p)
	}
	return out
}

// metric sets c.Metric: the words before the number back to the clause
// start, without the relation words next to the number (增长, 达到, 分别为)
// and cut after an earlier relation verb (完成投资 → 投资).
func (x *extractor) metric(c *Claim, prev *Claim, lead string, leadStart int) {
	if c.rel&RelList != 0 && prev != nil {
		c.Metric, c.MetricSpan, c.inherited = prev.Metric, prev.MetricSpan, true
		if c.group > 0 && int(c.groupIdx) < len(prev.groupSubjects) {
			c.groupSubjects = prev.groupSubjects
			c.Metric = strings.TrimSpace(c.groupSubjects[c.groupIdx])
			c.MetricSpan, c.inherited = segment.Span{}, false
		} else if c.group > 0 {
			c.groupSubjects = prev.groupSubjects
		}
		return
	}
	switch c.Kind {
	case Year, Month, Date:
		return
	}
	if c.group > 0 && len(c.groupSubjects) > 0 {
		c.Metric = strings.TrimSpace(c.groupSubjects[0])
		return
	}
	body := lead
	if strings.HasSuffix(body, "）") || strings.HasSuffix(body, ")") {
		// 地区生产总值（GDP）86.4亿元: a note in brackets before the number
		if i := strings.LastIndexAny(body, "（("); i > 0 {
			body = body[:i]
		}
	}
	start := 0
	if i, w := lastClausePunct(body); i >= 0 {
		start = i + w
	}
	m := body[start:]
	mStart := leadStart + start
	if row := x.doc.Text[c.Sentence.Start:c.Sentence.End]; strings.TrimSpace(m) == "" && strings.HasPrefix(row, "|") {
		// a Markdown table cell measures its row's first cell; columns
		// are periods or scopes, so the claim is not compared (inherited)
		if cell, _, ok := strings.Cut(row[1:], "|"); ok && strings.TrimSpace(cell) != "" {
			t := strings.TrimSpace(cell)
			at := c.Sentence.Start + 1 + strings.Index(cell, t)
			c.Metric, c.MetricSpan, c.inherited = t, segment.Span{Start: at, End: at + len(t)}, true
			return
		}
	}
	if strings.TrimSpace(m) == "" {
		// nothing before the number in its clause: a list goes on
		// (…亿元、*项获奖…), else the subject follows (新增**家企业获评)
		if prev != nil && strings.HasSuffix(strings.TrimSpace(lead), "、") {
			c.Metric, c.MetricSpan, c.inherited = prev.Metric, prev.MetricSpan, true
			return
		}
		x.metricAfter(c)
		return
	}
	m = m[:x.trimMetricTail(m, mStart, c.Kind)]
	m, mStart = x.trimMetricHead(m, mStart)
	m, mStart = x.cutAtVerb(m, mStart)
	m, mStart = x.clipMetric(m, mStart)
	if strings.Trim(m, "*＊") == "" || c.rel&(RelOverTarget|RelTargetAfter) != 0 {
		m = ""
	}
	if m == "" {
		if prev != nil {
			c.Metric, c.MetricSpan, c.inherited = prev.Metric, prev.MetricSpan, true
		} else {
			x.metricAfter(c)
		}
		return
	}
	c.Metric = m
	c.MetricSpan = segment.Span{Start: mStart, End: mStart + len(m)}
}

// trimMetricTail returns where the metric ends once relation words next to
// the number (增长, 达到, 分别为; for a rank 排名全省) are dropped.
func (x *extractor) trimMetricTail(m string, mStart int, kind string) int {
	end := len(m)
	for changed := true; changed; {
		changed = false
		t := strings.TrimRight(m[:end], " \t")
		end = len(t)
		last, _ := utf8x.DecodeLastRune(t)
		for _, w := range metricTailByLast().get(last) {
			if strings.HasSuffix(t, w) && x.boundary(mStart+end-len(w)) {
				end -= len(w)
				changed = true
				break
			}
		}
		if kind == Rank {
			for _, w := range rankScopes {
				if strings.HasSuffix(m[:end], w) {
					end -= len(w)
					changed = true
				}
			}
			for _, w := range rankVerbs {
				if strings.HasSuffix(m[:end], w) {
					end -= len(w)
					changed = true
					break
				}
			}
		}
	}
	return end
}

// trimMetricHead drops leading connective words (其中, 累计, 同时 …).
func (x *extractor) trimMetricHead(m string, mStart int) (string, int) {
	for changed := true; changed; {
		changed = false
		r, _ := utf8.DecodeRuneInString(m)
		for _, w := range metricHeadByFirst().get(r) {
			if strings.HasPrefix(m, w) && x.boundary(mStart+len(w)) {
				m, mStart = m[len(w):], mStart+len(w)
				changed = true
				break
			}
		}
	}
	return m, mStart
}

// cutAtVerb keeps the words after the last relation verb (完成投资 → 投资).
func (x *extractor) cutAtVerb(m string, mStart int) (string, int) {
	cut := 0
	var last [len(cutVerbs)]int // last occurrence of each, +1
	cutVerbSet().Each(m, func(off, k int) bool { last[k] = off + 1; return true })
	for k, w := range cutVerbs {
		if i := last[k] - 1; i >= 0 && i+len(w) > cut && i+len(w) < len(m) && x.boundary(mStart+i) && x.boundary(mStart+i+len(w)) &&
			!strings.ContainsRune("值率量额幅速", scan.NextRune(m, i+len(w))) {
			cut = i + len(w)
		}
	}
	m, mStart = m[cut:], mStart+cut
	return m, mStart
}

// clipMetric keeps at most maxMetricRunes runes (cut at a token boundary)
// and trims spaces, quotes and a trailing 的.
func (x *extractor) clipMetric(m string, mStart int) (string, int) {
	// at most maxMetricRunes, cut at a token boundary
	for utf8.RuneCountInString(m) > maxMetricRunes {
		_, w := utf8.DecodeRuneInString(m)
		m, mStart = m[w:], mStart+w
		for m != "" && !x.boundary(mStart) {
			_, w := utf8.DecodeRuneInString(m)
			m, mStart = m[w:], mStart+w
		}
	}
	trimmed := strings.TrimLeft(m, " \t\"'")
	mStart += len(m) - len(trimmed)
	m = strings.TrimRight(trimmed, " \t\"'的“‘")
	if strings.Count(m, "“") != strings.Count(m, "”") {
		if t := strings.TrimLeft(m, "“"); t != m {
			mStart += len(m) - len(t)
			m = t
		}
		m = strings.TrimRight(m, "”")
	}
	return m, mStart
}

// metricAfter takes the nouns right after the claim as its metric when no
// words precede it: 新增**家企业获评 → 企业. It needs tokens.
func (x *extractor) metricAfter(c *Claim) {
	i := x.tokenAt(c.Span.End)
	if i < 0 || x.tokens[i].Span().Start != c.Span.End {
		return
	}
	start, end := c.Span.End, c.Span.End
	for n := 0; i < len(x.tokens) && n < 4; i, n = i+1, n+1 {
		t := &x.tokens[i]
		if !strings.HasPrefix(t.POS(), "n") && t.POS() != "vn" || strings.ContainsAny(t.Text, ClausePunct) {
			break
		}
		end = t.Span().End
	}
	if end > start {
		c.Metric = x.doc.Text[start:end]
		c.MetricSpan = segment.Span{Start: start, End: end}
	}
}
