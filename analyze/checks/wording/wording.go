package wording

import (
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/internal/scan"
	"github.com/reportlint/reportlint/internal/utf8x"

	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

// Check checks repeated words and commonly misused words.
var Check = &analyze.Check{
	Name: "wording",
	Doc: "用词：词语误重复（“的的”“增速**、增速”），以及公文常见误用词（截止目前→截至目前、其它→其他、" +
		"再接再励→再接再厉等，词表见 lexicon/data/words.yaml，可用 --lexicon 扩充）。叠词（常常、研究研究、清清白白）不报。",
	Severity:    analyze.Warning,
	NeedsTokens: true,
	Rules: []*analyze.Rule{
		{ID: "wording.repeat", Title: "疑似词语重复", Doc: "同一个词紧挨着重复，或在顿号前后重复；叠用也可能是有意的，请核实",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourcePractice, Heuristic: true,
			Good: "认真研究部署。", Bad: "认真研究研究部署部署。"},
		{ID: "wording.misused", Title: "用词错误", Doc: "公文常见误用词、错别字（词表 words 中级别为 error 的条目），以及表示“到某时为止”的“截止”（应为“截至”）",
			Severity: analyze.Error, Group: analyze.GroupUsage, Source: analyze.SourcePractice, Fixable: true,
			Good: "截至目前，已完成全年任务。", Bad: "截止目前，已完成全年任务。"},
		{ID: "wording.context", Title: "疑似用词不当", Doc: "词表 words 中级别为 warning 的条目：多数语境下应改，个别语境可用，请结合上下文核实",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourcePractice, Heuristic: true,
			Good: "全面推进法治建设。", Bad: "全面推进法制建设。"},
		{ID: "wording.preferred", Title: "宜用推荐词形", Doc: "词表 words 中级别为 info 的条目：并非错误，但宜统一用推荐词形或现行提法",
			Severity: analyze.Info, Group: analyze.GroupUsage, Source: analyze.SourcePractice, Fixable: true,
			Good: "其他工作", Bad: "其它工作"},
	},
	Run: runWording,
}

func runWording(p *analyze.Pass) error {
	wdRepeats(p)
	wdMisused(p)
	return nil
}

// wdRedupVerbs are verbs whose ABAB reduplication (研究研究) is correct Chinese;
// gse tags some of them as nouns.
var wdRedupVerbs = map[string]bool{
	"研究": true, "讨论": true, "交流": true, "商量": true, "学习": true, "分析": true, "了解": true, "熟悉": true,
	"总结": true, "锻炼": true, "考虑": true, "休息": true, "活动": true, "检查": true, "整理": true, "打扫": true,
	"体验": true, "思考": true, "琢磨": true, "比较": true, "调查": true, "关心": true, "介绍": true, "沟通": true,
	"放松": true, "练习": true, "尝试": true, "打听": true, "收拾": true, "准备": true, "帮助": true, "请教": true,
	"指导": true, "参观": true, "观察": true, "研讨": true, "探讨": true, "切磋": true, "斟酌": true, "合计": true,
	"盘算": true, "溜达": true, "批评": true, "表扬": true, "鼓励": true, "梳理": true, "核实": true, "核对": true,
	"对照": true, "走访": true, "提醒": true, "清理": true, "计算": true, "统计": true, "安排": true, "协调": true,
	"联系": true, "讲解": true, "解释": true, "说明": true, "掂量": true, "权衡": true, "比划": true, "调研": true,
	"改进": true, "打扮": true, "数落": true, "议论": true, "思量": true, "估计": true, "评估": true,
}

// wdRedupPOS are parts of speech whose ABAB or AA forms are normal:
// verbs, adjectives, state words, adverbs, numerals and measure words.
var wdRedupPOS = map[string]bool{"v": true, "vd": true, "vn": true, "vg": true, "a": true, "ad": true, "an": true,
	"ag": true, "z": true, "d": true, "dg": true, "m": true, "mq": true, "q": true, "uv": true}

// wdDupSingles are one-character words that are never doubled on purpose.
var wdDupSingles = map[string]bool{"的": true, "地": true, "得": true, "了": true, "是": true, "在": true, "和": true,
	"与": true, "把": true, "被": true, "将": true, "对": true, "向": true, "从": true, "为": true}

// wdRepeats reports a word doubled by mistake: 工作工作, 的的, and an item
// repeated across a 顿号 (增速**、增速连续).
func wdRepeats(p *analyze.Pass) {
	toks := p.Tokens()
	if len(toks) == 0 {
		return
	}
	phs := p.Placeholders()
	inPlaceholder := func(sp segment.Span) bool {
		k := sort.Search(len(phs), func(k int) bool { return phs[k].End > sp.Start })
		return k < len(phs) && phs[k].Start <= sp.Start && sp.End <= phs[k].End
	}
	for i := 0; i+1 < len(toks); i++ {
		t, u := &toks[i], &toks[i+1]
		// Adjacent: 工作工作, 的的.
		if t.Span().End == u.Span().Start && t.Text == u.Text && scan.AllHan(t.Text) {
			n := utf8.RuneCountInString(t.Text)
			if (n == 1 && wdDupSingles[t.Text]) || (n >= 2 && !wdRedupPOS[t.POS()] && !wdRedupVerbs[t.Text]) {
				p.Report(analyze.Finding{Rule: "repeat", Span: segment.Span{Start: t.Span().Start, End: u.Span().End},
					Message:    "词语重复：“" + t.Text + t.Text + "”中“" + t.Text + "”连用两次，应删去一个",
					Suggestion: t.Text})
				i++
			}
		}
	}
	wdListRepeats(p, toks, inPlaceholder)
}

// wdListRepeats reports a list item repeated across a 顿号: the item before
// is a word or two (plus a blank or a bare number), and the item after starts
// with the same words: 增速**、增速连续, 重点企业、重点企业.
func wdListRepeats(p *analyze.Pass, toks []segment.Token, inPlaceholder func(segment.Span) bool) {
	text := p.Doc.Text
	for k, d := range toks {
		if d.Text != "、" {
			continue
		}
		e := k - 1
		for e >= 0 && (inPlaceholder(toks[e].Span()) || wdBareNumber(toks[e].Text)) {
			e--
		}
		s := e
		for s >= 0 && k-s <= 6 && scan.AllHan(toks[s].Text) && !wdItemStart(text, toks[s].Span().Start) {
			s--
		}
		if e < 0 || s < 0 || !scan.AllHan(toks[s].Text) || !wdItemStart(text, toks[s].Span().Start) {
			continue
		}
		item := text[toks[s].Span().Start:toks[e].Span().End]
		if utf8.RuneCountInString(item) < 2 || !strings.HasPrefix(text[d.Span().End:], item) {
			continue
		}
		end := d.Span().End + len(item)
		j := sort.Search(len(toks), func(j int) bool { return toks[j].Span().End >= end })
		if j >= len(toks) || toks[j].Span().End != end {
			continue // 增长、增长率: not the same word
		}
		if j+1 < len(toks) && toks[j+1].Span().Start == end && scan.AllHan(toks[j+1].Text) && !wdFollowPOS[toks[j+1].POS()] {
			// 本人、本人配偶, 发展、发展成果: the second item names another
			// thing. Report only when the repeated word is followed by a
			// blank, a number, a mark or an adverbial (增速连续, 企业均).
			continue
		}
		p.Report(analyze.Finding{Rule: "repeat", Span: segment.Span{Start: toks[s].Span().Start, End: end},
			Message:    "并列成分重复：“" + text[toks[s].Span().Start:end] + "”中“" + item + "”在顿号前后重复出现，疑为误写或多余",
			Suggestion: "删去重复的“" + item + "”，或合并为一项"})
	}
}

// wdItemStart reports whether off starts a list item: the start of a line, or
// right after a mark that separates clauses or items.
func wdItemStart(text string, off int) bool {
	if off == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:off])
	return r == '\n' || scan.PointMark(r) || scan.Opener(r) || r == ' ' || r == '　'
}

// wdFollowPOS are parts of speech that may follow a repeated list item
// without making it a different thing: adverbs, adjectives, prepositions,
// conjunctions, particles, numerals and localisers.
var wdFollowPOS = map[string]bool{"a": true, "ad": true, "d": true, "p": true, "c": true, "uj": true, "ul": true,
	"uz": true, "ug": true, "m": true, "q": true, "f": true}

func wdBareNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !scan.IsASCIIDigit(r) && r != '.' {
			return false
		}
	}
	return true
}

// wdMatcher finds the lexicon's misused words in one pass over a text.
type wdMatcher struct {
	byFirst map[rune][]int // rule indexes by first rune, longest wrong form first
	first   scan.RuneBits  // the keys of byFirst
	rules   []lexicon.WordRule
	sev     []analyze.Severity
}

// wdMatchers caches one matcher per loaded lexicon (lexicons are read-only).
var wdMatchers sync.Map

func wordMatcherFor(lex *lexicon.Lexicon) *wdMatcher {
	if m, ok := wdMatchers.Load(lex); ok {
		return m.(*wdMatcher)
	}
	m := &wdMatcher{byFirst: map[rune][]int{}}
	for _, w := range lex.Words {
		if w.Disabled || w.Wrong == "" {
			continue
		}
		sev := analyze.Warning
		if w.Severity != "" {
			if s, err := analyze.ParseSeverity(w.Severity); err == nil {
				sev = s
			}
		}
		r, _ := utf8.DecodeRuneInString(w.Wrong)
		m.byFirst[r] = append(m.byFirst[r], len(m.rules))
		m.first.Add(r)
		m.rules = append(m.rules, w)
		m.sev = append(m.sev, sev)
	}
	for _, idx := range m.byFirst {
		sort.SliceStable(idx, func(a, b int) bool { return len(m.rules[idx[a]].Wrong) > len(m.rules[idx[b]].Wrong) })
	}
	v, _ := wdMatchers.LoadOrStore(lex, m)
	return v.(*wdMatcher)
}

// wdSince holds the first report year a built-in rule applies to: the
// wording it corrects was standard before then.
var wdSince = map[string]int{"word-datie-haixu": 2018, "word-xilie-jianghua": 2018}

// wdJiezhiTime are time words after which 截止 should be 截至 (截止2022年底).
var wdJiezhiTime = []string{"目前", "当前", "现在", "今年", "去年", "上年", "本年", "当年", "年底", "年末", "月底", "本月", "上月",
	"上半年", "今天", "日前", "发稿"}

// wdMisused reports the lexicon's misused words, outside 《》 titles
// (a cited title is quoted as issued).
func wdMisused(p *analyze.Pass) {
	m := wordMatcherFor(p.Lex)
	text := p.Doc.Text
	book := 0
	for i := 0; i < len(text); {
		r, w := utf8x.DecodeRune(text, i)
		switch r {
		case '《':
			book++
		case '》':
			if book > 0 {
				book--
			}
		case '\n':
			book = 0
		}
		if book > 0 {
			i += w
			continue
		}
		if !m.first.Has(r) && r != '截' {
			i += w
			continue
		}
		matched := false
		for _, k := range m.byFirst[r] {
			rule := &m.rules[k]
			if !strings.HasPrefix(text[i:], rule.Wrong) {
				continue
			}
			if since := wdSince[rule.ID]; since > 0 && p.Year > 0 && p.Year < since {
				continue
			}
			if sp := (segment.Span{Start: i, End: i + len(rule.Wrong)}); scan.CitedAsWrong(text, sp) {
				i += len(rule.Wrong) // 不得使用“…”的提法: named, not used
				matched = true
				break
			}
			id, msg := "misused", "用词不当：“"+rule.Wrong+"”应为“"+rule.Correction+"”"
			switch m.sev[k] {
			case analyze.Info:
				id, msg = "preferred", "“"+rule.Wrong+"”宜改为“"+rule.Correction+"”"
			case analyze.Warning:
				id, msg = "context", "疑似用词不当：“"+rule.Wrong+"”一般应为“"+rule.Correction+"”"
			}
			if rule.Note != "" {
				msg += "（" + rule.Note + "）"
			}
			if id == "context" {
				msg += "，请核实"
			}
			p.Report(analyze.Finding{Rule: id, Span: segment.Span{Start: i, End: i + len(rule.Wrong)},
				Message: msg, Suggestion: rule.Correction})
			i += len(rule.Wrong)
			matched = true
			break
		}
		if matched {
			continue
		}
		if r == '截' && strings.HasPrefix(text[i:], "截止") && wdItemStart(text, i) {
			if rest := text[i+len("截止"):]; wdStartsTime(rest) {
				p.Report(analyze.Finding{Rule: "misused", Span: segment.Span{Start: i, End: i + len("截止")},
					Message: "用词不当：表示“到某时为止”应用“截至”，“截止" + wdFirstRunes(rest, 6) + "”应为“截至" + wdFirstRunes(rest, 6) +
						"”（“截止”表示到期停止，一般放在时间之后，如“报名于5月底截止”）",
					Suggestion: "截至"})
			}
		}
		i += w
	}
}

// wdStartsTime reports whether s starts with a date or a time word.
func wdStartsTime(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if scan.IsASCIIDigit(r) || (r >= '０' && r <= '９') {
		return true
	}
	for _, t := range wdJiezhiTime {
		if strings.HasPrefix(s, t) {
			return true
		}
	}
	return false
}

func wdFirstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
