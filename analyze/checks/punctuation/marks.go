package punctuation

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/internal/scan"
	"github.com/reportlint/reportlint/lexicon"
)

func (pr *puncRun) halfwidth(pairs [][2]int) {
	pp := &pr.pp
	for _, pr2 := range pairs {
		a, b := pr2[0], pr2[1]
		ra, rb := pp.r[a], pp.r[b]
		if ra != '(' && rb != ')' {
			continue
		}
		if !pp.hasHan(a+1, b) && !pp.cnBefore(a) && !scan.HanChar(pp.at(b+1)) && !scan.Opener(pp.at(b+1)) {
			continue // English or a formula
		}
		if ra == '(' && rb == ')' {
			inner := pp.str(a+1, b)
			sugg := "将半角括号改为全角括号“（”“）”"
			if b-a <= 40 {
				sugg = "（" + inner + "）"
			}
			pr.report("halfwidth", a, b+1, "中文中应使用全角括号：“("+puShorten(inner, 20)+")”应为“（"+puShorten(inner, 20)+"）”", sugg)
			continue
		}
		i := a
		if rb == ')' {
			i = b
		}
		pr.report("halfwidth", i, i+1, "括号全角半角混用：半角“"+string(pp.r[i])+"”应为全角“"+string(puFullWidth(pp.r[i]))+"”", string(puFullWidth(pp.r[i])))
	}
	pr.straightQuotes()
	for i := 0; i < len(pp.r); i++ {
		r := pp.r[i]
		if pp.skip[i] {
			continue
		}
		flag := false
		switch r {
		case ',', ';', ':':
			if puDigit(pp.at(i-1)) && puDigit(pp.at(i+1)) {
				continue // 1,000 and 9:30
			}
			flag = pp.cnBefore(i) || pp.cnAfter(i)
		case '?', '!':
			flag = pp.cnBefore(i)
		case '.':
			if pp.at(i+1) == '.' || pp.at(i-1) == '.' {
				continue // ellipsis, handled by marks
			}
			if k := pp.numeralRun(i); k < i && pp.boundaryBefore(k) && scan.HanChar(pp.at(i+1)) {
				// 主要有：一.加强学习 — an ordinal, not a full stop.
				w := pp.str(k, i)
				pr.report("ordinal", k, i+1, "序次语“"+w+".”应为“"+w+"、”", w+"、")
				continue
			}
			flag = pp.cnBefore(i) && !puAlnum(pp.at(i+1))
		}
		if !flag {
			continue
		}
		fw := string(puFullWidth(r))
		pr.report("halfwidth", i, i+1,
			"中文中应使用全角标点：“"+pp.itemBefore(i, 6)+string(r)+"”中的半角“"+string(r)+"”应为“"+fw+"”", fw)
	}
}

// straightQuotes pairs straight double quotes; those in Chinese text become “ ”.
func (pr *puncRun) straightQuotes() {
	pp := &pr.pp
	open := -1
	for i, r := range pp.r {
		if r != '"' || pp.skip[i] {
			continue
		}
		if open < 0 {
			open = i
			continue
		}
		if pp.hasHan(open+1, i) || pp.cnBefore(open) || scan.HanChar(pp.at(i+1)) {
			inner := pp.str(open+1, i)
			sugg := "将半角引号改为全角引号“”"
			if i-open <= 40 {
				sugg = "“" + inner + "”"
			}
			pr.report("halfwidth", open, i+1,
				"中文中应使用全角引号：\""+puShorten(inner, 20)+"\"应为“"+puShorten(inner, 20)+"”", sugg)
		}
		open = -1
	}
	if open >= 0 && (pp.chineseAt(open-1) || pp.chineseAt(open+1)) {
		pr.report("unpaired", open, open+1,
			"引号不成对：半角引号“\"”没有配对的另一半，中文中应使用全角引号“”", "改为全角引号“”并补全")
	}
}

// puShorten cuts s to n runes, marking the cut with ……
func puShorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	rs := []rune(s)
	return string(rs[:n]) + "……"
}

// Words that start with 等 or a conjunction but are neither (质量、等级; 建设、和谐).
var (
	puDengWords = []string{"等级", "等待", "等同", "等于", "等候", "等到", "等价", "等量", "等额", "等次", "等不", "等着", "等靠", "等得", "等来", "等闲视之", "等值", "等效",
		"等距", "等高", "等边", "等比", "等差", "等分", "等身", "等闲", "等离子", "等位", "等速", "等温", "等压", "等腰", "等号", "等式", "等外", "等第"}
	puConjWords = []string{"以及", "或者", "或是", "及其", "并且", "和", "与", "及", "或"}
	puConjExcl  = []string{"和谐", "和平", "和睦", "和美", "和煦", "和解", "和气", "和蔼", "和衷共济", "和顺", "和善", "和弦", "和约",
		"和声", "和田", "和林", "和静", "和龙", "和县", "和政", "和硕", "和尚", "和盘托出", "和风", "和缓", "和乐", "和好", "和畅",
		"和合", "和融", "和而不同", "和为贵", "与会", "与时俱进", "与日俱增", "与人为善", "与众不同", "与世无争", "与生俱来",
		"与其", "与此同时", "及时", "及早", "及格", "及第", "或许", "或多或少", "或然"}
)

func (pp *punctPara) prefixAny(i int, words []string) string {
	for _, w := range words {
		if pp.hasPrefix(i, w) {
			return w
		}
	}
	return ""
}

// tokenAt returns the text of the token starting at byte offset off, and
// whether tokens are available at all.
func (pr *puncRun) tokenAt(off int) (string, bool) {
	if pr.toks == nil {
		return "", false
	}
	k := sort.Search(len(pr.toks), func(k int) bool { return pr.toks[k].Span().Start >= off })
	if k < len(pr.toks) && pr.toks[k].Span().Start == off {
		return pr.toks[k].Text, true
	}
	return "", true
}

// tokenBefore returns the text of the token ending at byte offset off.
func (pr *puncRun) tokenBefore(off int) (string, bool) {
	if pr.toks == nil {
		return "", false
	}
	k := sort.Search(len(pr.toks), func(k int) bool { return pr.toks[k].Span().End >= off })
	if k < len(pr.toks) && pr.toks[k].Span().End == off {
		return pr.toks[k].Text, true
	}
	return "", true
}

// dengAt reports whether the particle 等/等等 starts at rune i.
func (pr *puncRun) dengAt(i int) (string, bool) {
	pp := &pr.pp
	if pp.at(i) != '等' || pp.prefixAny(i, puDengWords) != "" {
		return "", false
	}
	if tok, ok := pr.tokenAt(int(pp.off[i])); ok && tok != "等" && tok != "等等" {
		return "", false
	}
	if pp.at(i+1) == '等' {
		return "等等", true
	}
	return "等", true
}

// marks checks 顿号 use, ellipses, repeated marks and ordinals.
func (pr *puncRun) marks() {
	pp := &pr.pp
	n := len(pp.r)
	for i := 0; i < n; i++ {
		r := pp.r[i]
		if pp.skip[i] {
			continue
		}
		switch r {
		case '、':
			pr.dunhao(i)
		case '…', '.', '．', '·', '。':
			if j := pr.ellipsis(i); j > i+1 {
				i = j - 1
				continue
			}
		}
		if scan.PointMark(r) && r != '。' {
			j := i + 1
			for j < n && pp.r[j] == r {
				j++
			}
			if j-i >= 2 {
				pr.report("repeated", i, j, "标点重复：“"+pp.str(i, j)+"”应只用一个“"+string(r)+"”", string(r))
				i = j - 1
				continue
			}
		}
		if puStopMark(r) && puStopMark(pp.at(i+1)) && pp.at(i+1) != r && !pp.skip[i+1] {
			pr.report("repeated", i, i+2, "点号连用：“"+pp.itemBefore(i, 6)+pp.str(i, i+2)+"”中“"+pp.str(i, i+1)+"”与“"+pp.str(i+1, i+2)+"”只能保留一个", "保留一个点号")
			i++
		}
	}
}

// dunhao checks the 顿号 at i.
func (pr *puncRun) dunhao(i int) {
	pp := &pr.pp
	item := pp.itemBefore(i, 10)
	if w, ok := pr.dengAt(i + 1); ok {
		pr.report("dunhao-deng", i, i+1+len([]rune(w)),
			"“"+w+"”前不用顿号：“"+item+"、"+w+"”应为“"+item+w+"”", w)
		return
	}
	prev, next := pp.at(i-1), pp.at(i+1)
	if (prev == '”' && next == '“') || (prev == '》' && next == '《') {
		pr.quotedPair(i)
		return
	}
	if w := pp.prefixAny(i+1, puConjWords); w != "" && pp.prefixAny(i+1, puConjExcl) == "" && !pp.prepItem(i, w) {
		if tok, ok := pr.tokenAt(int(pp.off[i+1])); !ok || tok == w {
			after := pp.str(i+1, i+1+utf8.RuneCountInString(w)+2)
			pr.report("dunhao-conj", i, i+1,
				"连词“"+w+"”前不用顿号：“"+item+"、"+after+"”应为“"+item+after+"”", "删去顿号")
			return
		}
	}
	pr.ordinal(i)
}

// Verbs that take 与/同/和 as a preposition (与港澳共建, 与工商联沟通), and
// prepositions that open parallel items (向人大报告、与工商联沟通).
var (
	puWithVerbs = []string{"共建", "共同", "共享", "共治", "共商", "合作", "沟通", "对接", "联合", "协同", "交流", "衔接", "接轨",
		"联动", "签订", "签署", "携手", "配合", "协作", "融合", "挂钩", "结对", "对话", "会商", "磋商", "座谈", "相适应", "相匹配",
		"相协调", "相结合", "相衔接", "相一致", "相符", "相统一", "相配套", "相促进", "相适配", "同步", "一道", "一起", "联手"}
	puPreps = []string{"向", "与", "同", "对", "跟", "为", "按", "把", "从", "由"}
)

// prepItem reports whether the conjunction-like w after the 顿号 at i opens
// a prepositional item of its own (、与港澳共建基地; 、与服务人口相匹配的布局;
// 向人大报告、与工商联沟通) rather than joining the last two items of a list.
func (pp *punctPara) prepItem(i int, w string) bool {
	if w != "与" && w != "和" && w != "同" {
		return false
	}
	end := i + 2
	for end < len(pp.r) && end-i <= 24 && !scan.PointMark(pp.r[end]) {
		end++
	}
	item := pp.str(i+2, end)
	for _, v := range puWithVerbs {
		if strings.Contains(item, v) {
			return true
		}
	}
	start := i
	for start > 0 && !scan.PointMark(pp.r[start-1]) {
		start--
	}
	for _, adv := range []string{"主动", "积极", "及时", "定期", "全面", "加强", "深化", "推动"} {
		if pp.hasPrefix(start, adv) {
			start += utf8.RuneCountInString(adv)
			break
		}
	}
	return pp.prefixAny(start, puPreps) != ""
}

// quotedPair notes a 顿号 between two quoted items or book titles (4.5.3.5:
// 通常不用). It stays silent when the item after the quote goes on (“三名”建设,
// “千村万店”市场工程): then the quote is only part of the item and the 顿号 is needed.
func (pr *puncRun) quotedPair(i int) {
	pp := &pr.pp
	openR, closeR := pp.at(i+1), pp.at(i-1)
	a := i - 2
	for a >= 0 && i-a <= 40 && pp.r[a] != openR && pp.r[a] != closeR {
		a--
	}
	b := i + 2
	for b < len(pp.r) && b-i <= 40 && pp.r[b] != closeR && pp.r[b] != openR {
		b++
	}
	if a < 0 || pp.at(a) != openR || pp.at(b) != closeR {
		return // not a plain pair of short quoted items
	}
	if pp.itemGoesOn(b+1) || (pp.at(a-1) == '、' && pp.at(a-2) != closeR) {
		return // quoted words inside longer items, or a list mixing plain items
	}
	kind := "引号"
	if openR == '《' {
		kind = "书名号"
	}
	ex := string(openR) + puShorten(pp.str(a+1, i-1), 12) + string(closeR) + "、" + string(openR) + puShorten(pp.str(i+2, b), 12) + string(closeR)
	pr.quoted = append(pr.quoted, analyze.Finding{Rule: "dunhao-quoted", Span: pp.span(i, i+1),
		Message: "并列的" + kind + "之间一般不用顿号：" + ex, Suggestion: "删去顿号"})
}

// itemGoesOn reports whether text after a closing quote at j-1 continues the
// quoted item into a longer one that a further list item follows
// (“三名”建设、…; “千村万店”市场工程和…): the 顿号 separates such items.
// A head shared by the whole list (“稳就业”、“保民生”工作，) does not count.
func (pp *punctPara) itemGoesOn(j int) bool {
	if !scan.HanChar(pp.at(j)) || pp.prefixAny(j, puConjWords) != "" || pp.at(j) == '等' {
		return false
	}
	for k := j; k < len(pp.r) && k-j < 16; k++ {
		r := pp.r[k]
		if r == '、' || r == '等' || (k > j && pp.prefixAny(k, []string{"和", "与", "及", "以及"}) != "" && scan.Opener(pp.at(k+1))) {
			return true
		}
		if !scan.HanChar(r) {
			return false
		}
	}
	return false
}

// reportQuoted reports the 顿号 between quotes once for the whole report.
func (pr *puncRun) reportQuoted() {
	quote, book := false, false
	for _, f := range pr.quoted {
		book = book || strings.HasPrefix(f.Message, "并列的书名号")
		quote = quote || strings.HasPrefix(f.Message, "并列的引号")
	}
	kind := "引号"
	switch {
	case quote && book:
		kind = "引号、书名号"
	case book:
		kind = "书名号"
	}
	pr.p.ReportAggregate(pr.quoted, func(n int) string {
		return "并列的" + kind + "之间一般不用顿号（GB/T 15834—2011 4.5.3.5，通常不用），本文共" + strconv.Itoa(n) +
			"处，如" + puAfterColon(pr.quoted[0].Message) + "；若全文统一使用顿号，也可保留"
	})
}

// ordinal checks the mark after a run-in ordinal: 第一， 首先， 一是， （一）.
func (pr *puncRun) ordinal(i int) {
	pp := &pr.pp
	next := pp.at(i + 1)
	if puNumeral(next) || puDigit(next) || next == '第' || next == '（' || next == '(' {
		return // 第一、二季度; （1）、（2）: a list of ordinals
	}
	j := i
	for j > 0 && i-j < 3 && (puNumeral(pp.r[j-1]) || puDigit(pp.r[j-1])) {
		j--
	}
	switch {
	case j < i && pp.at(j-1) == '第' && pp.boundaryBefore(j-1), j < i && pp.at(j-1) == '其' && pp.boundaryBefore(j-1):
		w := pp.str(j-1, i)
		pr.report("ordinal", j-1, i+1, "序次语“"+w+"”后应用逗号，不用顿号：“"+w+"、”应为“"+w+"，”", w+"，")
	case j == i && i >= 2 && (pp.str(i-2, i) == "首先" || pp.str(i-2, i) == "其次") && pp.boundaryBefore(i-2):
		w := pp.str(i-2, i)
		pr.report("ordinal", i-2, i+1, "序次语“"+w+"”后应用逗号，不用顿号：“"+w+"、”应为“"+w+"，”", w+"，")
	case j == i && pp.at(i-1) == '是':
		k := i - 1
		for k > 0 && i-1-k < 3 && puNumeral(pp.r[k-1]) {
			k--
		}
		if k < i-1 && pp.boundaryBefore(k) {
			w := pp.str(k, i)
			pr.report("ordinal", k, i+1, "“"+w+"”后用逗号或不加标点，不用顿号：“"+w+"、”应为“"+w+"，”", w+"，")
		}
	case j == i && (pp.at(i-1) == '）' || pp.at(i-1) == ')'):
		k := i - 2
		for k >= 0 && i-2-k < 3 && (puNumeral(pp.r[k]) || puDigit(pp.r[k])) {
			k--
		}
		if k >= 0 && k < i-2 && (pp.r[k] == '（' || pp.r[k] == '(') && pp.boundaryBefore(k) && !pp.skip[k] {
			w := pp.str(k, i)
			pr.report("ordinal", k, i+1, "括号序次语“"+w+"”后不加标点：“"+w+"、”应为“"+w+"”", w)
		}
	}
}

// ellipsis checks a run of dots starting at i and returns the run's end
// (i+1 when there is nothing to report).
func (pr *puncRun) ellipsis(i int) int {
	pp := &pr.pp
	r := pp.r[i]
	j := i + 1
	for j < len(pp.r) && pp.r[j] == r && !pp.skip[j] {
		j++
	}
	cnCtx := pp.cnBefore(i) || pp.chineseAt(j)
	run := pp.str(i, j)
	switch {
	case r == '。' && j-i >= 3, (r == '.' || r == '．' || r == '·') && j-i >= 3 && cnCtx:
		pr.report("ellipsis", i, j, "省略号应为“……”，不用“"+run+"”", "……")
	case r == '…' && (j-i == 1 || j-i == 3 || j-i > 4) && cnCtx:
		pr.report("ellipsis", i, j, "省略号应为两个“…”（“……”），不用“"+run+"”", "……")
	case r == '…':
	default:
		if r == '。' && j-i == 2 {
			pr.report("repeated", i, j, "标点重复：“。。”应只用一个“。”", "。")
			return j
		}
		return i + 1
	}
	// 省略号 with 等/等等 on either side.
	if w, ok := pr.dengAt(j); ok {
		pr.report("ellipsis", i, j+len([]rune(w)), "省略号不与“"+w+"”连用：“"+run+w+"”应只保留其一", w)
	} else if tok, _ := pr.tokenBefore(int(pp.off[i])); tok == "等" || tok == "等等" || (pr.toks == nil && pp.str(i-2, i) == "等等") {
		w := tok
		if w == "" {
			w = "等等"
		}
		k := i - len([]rune(w))
		pr.report("ellipsis", k, j, "省略号不与“"+w+"”连用：“"+w+run+"”应只保留其一", w)
	}
	return j
}

// puLeftUnit may stand between the first number and the connector (2013年-2015年, 3%-5%).
func puLeftUnit(r rune) bool {
	switch r {
	case '年', '月', '日', '%', '％', '万', '亿':
		return true
	}
	return false
}

// numberBefore returns the start of the digit run (with decimal point) ending at end.
func (pp *punctPara) numberBefore(end int) int {
	k := end
	for k > 0 && end-k < 8 && (puDigit(pp.r[k-1]) || (pp.r[k-1] == '.' && k < end && puDigit(pp.at(k-2)))) {
		k--
	}
	return k
}

// numberAfter returns the end of the digit run starting at start.
func (pp *punctPara) numberAfter(start int) int {
	k := start
	for k < len(pp.r) && k-start < 8 && (puDigit(pp.r[k]) || (pp.r[k] == '.' && k > start && puDigit(pp.at(k+1)))) {
		k++
	}
	return k
}

func puLeadingZero(s string) bool { return len(s) > 1 && s[0] == '0' && s[1] != '.' }

func puParseNum(s string) float64 {
	v, frac, scale := 0.0, false, 1.0
	for _, c := range s {
		if c == '.' {
			frac = true
			continue
		}
		if frac {
			scale /= 10
			v += float64(c-'0') * scale
		} else {
			v = v*10 + float64(c-'0')
		}
	}
	return v
}

// ranges reports numeric and date ranges joined by a hyphen, a half-width
// tilde or a 破折号 (2013-2015年, 3~5年, 2013——2015年).
func (pr *puncRun) ranges() {
	pp := &pr.pp
	for i := 1; i < len(pp.r); i++ {
		r := pp.r[i]
		if pp.skip[i] {
			continue
		}
		j := i + 1
		switch r {
		case '-', '－', '‐', '‑', '–', '−', '~', '〜':
			if r == '-' && pp.at(j) == '-' {
				j++
			}
		case '—':
			if pp.at(j) != '—' {
				continue // 2013—2015年 is right
			}
			j++
		default:
			continue
		}
		// First number, with an optional unit before the connector.
		le := i
		if puLeftUnit(pp.r[le-1]) {
			le--
		}
		ls := pp.numberBefore(le)
		if ls == le {
			continue
		}
		if b := pp.at(ls - 1); puLetter(b) || strings.ContainsRune("/-_.#:+~－—–−\\＿", b) ||
			((b == ' ' || b == '　') && !scan.HanChar(pp.at(ls-2))) {
			continue // a code or standard number: GB/T 15834-2011
		}
		re := pp.numberAfter(j)
		if re == j {
			continue
		}
		u := re
		if pp.at(u) == ' ' {
			u++
		}
		unit := pp.prefixAny(u, pr.p.Lex.List(lexicon.ListRangeUnits))
		if unit == "" || (puLetter(rune(unit[0])) && puLetter(pp.at(u+len(unit)))) {
			continue
		}
		left, right := pp.str(ls, le), pp.str(j, re)
		if puLeadingZero(left) || puLeadingZero(right) || puParseNum(left) >= puParseNum(right) {
			continue // phone numbers, dates, room numbers
		}
		mark := "～"
		switch {
		case unit == "月", unit == "日", unit == "号", unit == "时", unit == "季度":
			mark = "—"
		case strings.HasSuffix(unit, "年") && len(left) == 4 && len(right) == 4:
			mark = "—"
		}
		conn := pp.str(i, j)
		var msg string
		switch r {
		case '~', '〜':
			msg = "范围应使用全角浪纹线“～”或一字线“—”，不用“" + conn + "”"
		case '—':
			msg = "“——”是破折号，不能用作连接号；范围应使用一字线“—”或浪纹线“～”"
		default:
			msg = "范围应使用一字线“—”或浪纹线“～”，不用连字符“" + conn + "”"
		}
		sugg := pp.str(ls, i) + mark + right
		pr.report("range", ls, re, msg+"：“"+pp.str(ls, re)+unit+"”应为“"+sugg+unit+"”", sugg)
		i = re - 1
	}
}

func puAfterColon(s string) string {
	_, after, _ := strings.Cut(s, "：")
	return after
}
