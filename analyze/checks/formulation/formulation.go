package formulation

import (
	"fmt"
	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/internal/scan"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

// Check checks political formulations against the lexicon.
var Check = &analyze.Check{
	Name: "formulation",
	Doc: "规范提法：已知的错误写法（以人民为核心、五位一体战略布局、“一带一路”战略…）；提法成员的错字、缺项、顺序" +
		"（自重、自省、自警、自励；政治意识、大局意识、核心意识、看齐意识）；文种要求而报告未出现的提法；" +
		"引用了晚于报告期的会议或提法；已调整的旧表述（四个全面第一项、全过程民主）。" +
		"报告期：Y 年度的报告常在 Y+1 年初写成，因此 Y+1 年 2 月及以前的会议不算超前。",
	Severity: analyze.Error,
	Rules: []*analyze.Rule{
		{ID: "formulation.wrong-form", Title: "提法写法错误", Doc: "词库中登记的错误写法（级别为 error 的条目），给出唯一的规范写法",
			Severity: analyze.Error, Group: analyze.GroupFormulation, Source: analyze.SourceParty, Fixable: true,
			Good: "坚定拥护以习近平同志为核心的党中央。", Bad: "坚定拥护以习近平总书记为核心的党中央。"},
		{ID: "formulation.members", Title: "提法成员有误", Doc: "并列列举的提法成员有错字（如“自市”应为“自省”）、缺项或顺序不对",
			Severity: analyze.Error, Group: analyze.GroupFormulation, Source: analyze.SourceParty,
			Good: "时刻做到自重、自省、自警、自励。", Bad: "时刻做到自重、自市、自警、自励。"},
		{ID: "formulation.missing", Title: "疑似缺少应有提法", Doc: "文种要求的提法在报告中未出现（只要求报告年份已提出的提法；成员全部列出也算出现）；是否需要由作者判断",
			Severity: analyze.Info, Group: analyze.GroupCompleteness, Source: analyze.SourceParty, Heuristic: true,
			Good: "述职报告中写明“一岗双责”的落实情况。", Bad: "述职报告通篇未提“一岗双责”。"},
		{ID: "formulation.anachronism", Title: "提法晚于报告年度", Doc: "引用了晚于报告期（报告年度至次年 2 月）的会议或提法；“迎接”“即将召开”等前瞻语境除外",
			Severity: analyze.Error, Group: analyze.GroupFormulation, Source: analyze.SourceParty,
			Good: "2023年度报告：深入学习贯彻党的二十大精神。", Bad: "2020年度报告：深入学习贯彻党的二十大精神。"},
		{ID: "formulation.outdated", Title: "使用了已调整的旧表述", Doc: "调整年份之后的报告仍用旧表述（四个全面第一项“全面建成小康社会”，2021 年度起；“全过程民主”，2022 年度起）",
			Severity: analyze.Error, Group: analyze.GroupFormulation, Source: analyze.SourceParty, Fixable: true,
			Good: "2022年度报告：发展全过程人民民主。", Bad: "2022年度报告：发展全过程民主。"},
		{ID: "formulation.practice", Title: "惯用提法写法不规范", Doc: "词库中级别为 warning 或 info 的提法（实务惯例、非正式名称，如“五大发展理念”应为“新发展理念”）写法错误、成员有误或用了旧表述",
			Severity: analyze.Warning, Group: analyze.GroupFormulation, Source: analyze.SourcePractice,
			Good: "完整准确全面贯彻新发展理念。", Bad: "完整准确全面贯彻五大发展理念。"},
	},
	Run:     runFormulation,
	Collect: func(a *analyze.Analysis, res *analyze.Result) { res.Formulations = Table(a) },
}

// ---- matcher, built once per lexicon ----

type patKind uint8

const (
	pkText  patKind = iota // formulation text or alias
	pkWrong                // a known wrong form
	pkOld                  // an outdated standalone wording (change whose new is not a member)
	pkEvent                // an event name
)

type fpat struct {
	text string
	kind patKind
	form int // formulation index (pkText, pkWrong, pkOld)
	sub  int // wrong index, change index or event index
}

// memRef says that a text is member idx of formulation form; change >= 0
// marks an outdated wording of that member (Changed[change].Old).
type memRef struct {
	form, idx, change int
}

type formInfo struct {
	f       *lexicon.Formulation
	members [][]rune
	lens    []int // distinct member lengths in runes
	enum    bool  // member-list checks apply
	since   int   // DateKey of Since, 0 when unknown
}

type fmatcher struct {
	lex     *lexicon.Lexicon
	pats    []fpat
	first   map[rune][]int32 // patterns by first rune, longest first
	forms   []formInfo
	members map[string][]memRef

	firstBits scan.RuneBits // the keys of first
}

var matchers sync.Map // *lexicon.Lexicon → *fmatcher

func matcherFor(lex *lexicon.Lexicon) *fmatcher {
	if m, ok := matchers.Load(lex); ok {
		return m.(*fmatcher)
	}
	m, _ := matchers.LoadOrStore(lex, buildMatcher(lex))
	return m.(*fmatcher)
}

// enumMaxRunes bounds members that can appear as list items.
const enumMaxRunes = 16

func buildMatcher(lex *lexicon.Lexicon) *fmatcher {
	m := &fmatcher{lex: lex, first: map[rune][]int32{}, members: map[string][]memRef{}}
	add := func(text string, kind patKind, form, sub int) {
		if text == "" {
			return
		}
		m.pats = append(m.pats, fpat{text, kind, form, sub})
	}
	for fi := range lex.Formulations {
		f := &lex.Formulations[fi]
		info := formInfo{f: f, since: lexicon.DateKey(f.Since), enum: len(f.Members) >= 3}
		for _, mem := range f.Members {
			rs := []rune(mem)
			info.members = append(info.members, rs)
			if len(rs) > enumMaxRunes || strings.ContainsAny(mem, "、，,；;。") {
				info.enum = false
			}
			info.lens = addLen(info.lens, len(rs))
		}
		if info.enum {
			for idx, mem := range f.Members {
				m.members[mem] = append(m.members[mem], memRef{fi, idx, -1})
			}
		}

		add(f.Text, pkText, fi, -1)
		for _, a := range f.Aliases {
			add(a, pkText, fi, -1)
		}
		for wi, w := range f.Wrong {
			add(w.Text, pkWrong, fi, wi)
		}
		for ci, c := range f.Changed {
			if idx := fmIndexOf(f.Members, c.New); idx >= 0 {
				if info.enum {
					info.lens = addLen(info.lens, utf8.RuneCountInString(c.Old))
					m.members[c.Old] = append(m.members[c.Old], memRef{fi, idx, ci})
				}
				continue
			}
			add(c.Old, pkOld, fi, ci)
		}
		m.forms = append(m.forms, info)
	}
	for ei := range lex.Events {
		for _, n := range lex.Events[ei].Names {
			add(n, pkEvent, -1, ei)
		}
	}
	// Longest first; on equal texts the earlier kind (text < wrong < old <
	// event) wins, which keeps the result deterministic.
	order := make([]int32, len(m.pats))
	for i := range order {
		order[i] = int32(i)
	}
	sort.SliceStable(order, func(i, j int) bool { return len(m.pats[order[i]].text) > len(m.pats[order[j]].text) })
	for _, pi := range order {
		r, _ := utf8.DecodeRuneInString(m.pats[pi].text)
		m.first[r] = append(m.first[r], pi)
		m.firstBits.Add(r)
	}
	return m
}

func addLen(lens []int, l int) []int {
	if slices.Contains(lens, l) {
		return lens
	}
	lens = append(lens, l)
	sort.Ints(lens)
	return lens
}

func fmIndexOf(ss []string, s string) int {
	for i, x := range ss {
		if x == s {
			return i
		}
	}
	return -1
}

type fmatch struct {
	segment.Span
	pat int32
}

// scan finds pattern occurrences, leftmost-longest, without overlaps.
func (m *fmatcher) scan(text string) []fmatch {
	var out []fmatch
	for i := 0; i < len(text); {
		r, size := scan.DecodeRune(text, i)
		next := i + size
		if !m.firstBits.Has(r) {
			i = next
			continue
		}
		for _, pi := range m.first[r] {
			p := m.pats[pi].text
			if strings.HasPrefix(text[i:], p) {
				out = append(out, fmatch{segment.Span{Start: i, End: i + len(p)}, pi})
				next = i + len(p)
				break
			}
		}
		i = next
	}
	return out
}

// ---- per-document results ----

// formResult is everything the formulation check derives from a document,
// computed once and shared by the check and the table.
type formResult struct {
	findings []analyze.Finding
	count    []int // occurrences per formulation (text, alias or full member list)
	first    []int // offset of the first occurrence, -1 if none
	flagged  []string
}

func formulations(a *analyze.Analysis) *formResult {
	return formulationsKey.Get(a)
}

var formulationsKey = analyze.NewKey("formulations", func(a *analyze.Analysis) *formResult { return analyzeFormulations(a) })

// formRule maps a finding about a lexicon entry to its rule: entries of
// severity warning or info are practice-level (formulation.practice).
func formRule(rule, severity string) string {
	if severity == "warning" || severity == "info" {
		return "practice"
	}
	return rule
}

func fq(s string) string { return "“" + s + "”" }

func fmDateCN(key int) string {
	return fmt.Sprintf("%d年%d月", key/100, key%100)
}

// allowedUntil is the last month a report of year y may cite: reports of
// year y are often written in January or February of y+1.
func allowedUntil(y int) int { return (y+1)*100 + 2 }

func analyzeFormulations(a *analyze.Analysis) *formResult {
	m := matcherFor(a.Lex)
	text := a.Doc.Text
	n := len(m.forms)
	r := &formResult{count: make([]int, n), first: make([]int, n), flagged: make([]string, n)}
	for i := range r.first {
		r.first[i] = -1
	}
	seen := func(fi, off int) {
		r.count[fi]++
		if r.first[fi] < 0 || off < r.first[fi] {
			r.first[fi] = off
		}
	}
	flag := func(fi int, f analyze.Finding) {
		if fi >= 0 && r.flagged[fi] == "" {
			r.flagged[fi] = f.Message
		}
		r.findings = append(r.findings, f)
	}
	year := a.Year
	var wrongSpans []segment.Span
	for _, mt := range m.scan(text) {
		p := m.pats[mt.pat]
		switch p.kind {
		case pkText:
			seen(p.form, mt.Start)
			info := m.forms[p.form]
			if year > 0 && info.since > allowedUntil(year) {
				flag(p.form, analyze.Finding{Rule: "anachronism", Span: mt.Span,
					Message:    fmt.Sprintf("%s（%s提出）晚于本报告所述的%d年度，不应出现在该年度的报告中", fq(p.text), fmDateCN(info.since), year),
					Suggestion: "核对报告年度，或删除该提法"})
			}
		case pkWrong:
			f := m.forms[p.form].f
			w := f.Wrong[p.sub]
			sev := f.Severity
			if w.Severity != "" {
				sev = w.Severity
			}
			msg := fq(w.Text) + "应为" + fq(w.Correction)
			if w.Note != "" {
				msg += "（" + w.Note + "）"
			}
			wrongSpans = append(wrongSpans, mt.Span)
			flag(p.form, analyze.Finding{Rule: formRule("wrong-form", sev), Span: mt.Span, Message: msg, Suggestion: w.Correction})
		case pkOld:
			f := m.forms[p.form].f
			c := f.Changed[p.sub]
			if key := lexicon.DateKey(c.Date); year > key/100 && key > 0 {
				flag(p.form, outdatedFinding(f, c, key, year, mt.Span))
			}
		case pkEvent:
			ev := &a.Lex.Events[p.sub]
			key := lexicon.DateKey(ev.Date)
			if year > 0 && key > allowedUntil(year) && !forwardLooking(text, mt.Span) {
				r.findings = append(r.findings, analyze.Finding{Rule: "anachronism", Span: mt.Span,
					Message:    fmt.Sprintf("%s（%s）晚于本报告所述的%d年度，不应出现在该年度的报告中", fq(p.text), fmDateCN(key), year),
					Suggestion: "核对报告年度，或改为报告期内的会议"})
			}
		}
	}
	for _, l := range findLists(m, text) {
		info := &m.forms[l.form]
		if l.complete {
			seen(l.form, l.span.Start)
		}
		for _, f := range listFindings(info, l, year, text) {
			if fmOverlaps(f.Span, wrongSpans) {
				continue
			}
			flag(l.form, f)
		}
	}
	return r
}

func outdatedFinding(f *lexicon.Formulation, c lexicon.Change, key, year int, sp segment.Span) analyze.Finding {
	msg := fmt.Sprintf("%s是旧表述，%s起应为%s（本报告为%d年度）", fq(c.Old), fmDateCN(key), fq(c.New), year)
	if c.Note != "" {
		msg = fmt.Sprintf("%s是旧表述：%s（本报告为%d年度）", fq(c.Old), c.Note, year)
	}
	return analyze.Finding{Rule: formRule("outdated", f.Severity), Span: sp, Message: msg, Suggestion: c.New}
}

func fmOverlaps(sp segment.Span, spans []segment.Span) bool {
	for _, s := range spans {
		if sp.Start < s.End && s.Start < sp.End {
			return true
		}
	}
	return false
}

var (
	fmForwardBefore = []string{"迎接", "喜迎", "筹备", "即将", "将要", "将于", "预计", "前夕", "迎"}
	fmForwardAfter  = []string{"召开前", "召开之前", "召开营造", "前夕", "代表", "即将", "将于"}
)

// forwardLooking reports whether an event is cited as upcoming (迎接党的二十大
// 胜利召开), which a report may do before the event.
func forwardLooking(text string, sp segment.Span) bool {
	before := fmClauseBefore(text, sp.Start, 12)
	for _, w := range fmForwardBefore {
		if strings.Contains(before, w) {
			return true
		}
	}
	after := fmClauseAfter(text, sp.End, 6)
	for _, w := range fmForwardAfter {
		if strings.HasPrefix(after, w) || (w != "代表" && strings.Contains(after, w)) {
			return true
		}
	}
	return false
}

func fmClauseStop(r rune) bool {
	return strings.ContainsRune("。！？!?；;，,\n", r)
}

func fmClauseBefore(text string, off, n int) string {
	i := off
	for k := 0; k < n && i > 0; k++ {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if fmClauseStop(r) {
			break
		}
		i -= size
	}
	return text[i:off]
}

func fmClauseAfter(text string, off, n int) string {
	i := off
	for k := 0; k < n && i < len(text); k++ {
		r, size := utf8.DecodeRuneInString(text[i:])
		if fmClauseStop(r) {
			break
		}
		i += size
	}
	return text[off:i]
}

// ---- member lists ----

// fmItem is one item of an enumeration: its span in the text and, once
// classified for a formulation, which member it is.
type fmItem struct {
	segment.Span
	idx    int // canonical member index
	change int // >= 0: outdated wording of the member
	slip   bool
	cands  []int // for a slip: the members it is one character off from
	masked bool  // a placeholder (**), or a slip that could be several members
}

// memberList is an enumeration of one formulation's members.
type memberList struct {
	form     int
	items    []fmItem
	span     segment.Span
	complete bool
}

const (
	fmMaskRunes  = "*＊Xx×○□"
	fmTrimRunes  = " \t\u3000*＊_"
	fmMaxItemLen = 32 * 3 // bytes (32 CJK characters); longer items are clauses
)

var fmJoiners = []string{"以及", "和", "及", "与"}

// findLists splits the text into clauses and items and returns every
// enumeration of a formulation's members.
func findLists(m *fmatcher, text string) []memberList {
	var out []memberList
	var items []segment.Span
	exact := 0
	flush := func() {
		if exact > 0 && len(items) >= 2 {
			out = append(out, listsInRegion(m, text, items)...)
		}
		items, exact = items[:0], 0
	}
	push := func(s, e int) {
		sp := fmTrimItem(text, s, e)
		if sp.Len() == 0 && e > s && !fmMasked(text[s:e]) {
			return
		}
		if _, ok := m.members[text[sp.Start:sp.End]]; ok {
			exact++
			items = append(items, sp)
			return
		}
		// 享乐主义和奢靡之风: split at a joiner when one side is a member.
		if sp.Len() <= fmMaxItemLen {
			for _, j := range fmJoiners {
				k := strings.Index(text[sp.Start:sp.End], j)
				if k <= 0 {
					continue
				}
				left := segment.Span{Start: sp.Start, End: sp.Start + k}
				right := segment.Span{Start: sp.Start + k + len(j), End: sp.End}
				_, lok := m.members[text[left.Start:left.End]]
				_, rok := m.members[text[right.Start:right.End]]
				if lok || rok {
					exact++
					items = append(items, left, right)
					return
				}
			}
		}
		items = append(items, sp)
	}
	start := 0
	for i := 0; i < len(text); {
		r, size := scan.DecodeRune(text, i)
		switch fmRuneClass(r) {
		case 1:
			push(start, i)
			start = i + size
		case 2:
			push(start, i)
			flush()
			start = i + size
		}
		i += size
	}
	push(start, len(text))
	flush()
	return out
}

// fmRuneClass is 1 for an item separator, 2 for a clause stop (a list never
// runs across sentence ends, quotes, brackets or line breaks), else 0.
func fmRuneClass(r rune) int {
	switch r {
	case '、', '，', ',', '；', ';':
		return 1
	case '。', '！', '？', '!', '?', '：', ':', '“', '”', '"', '《', '》', '「', '」', '『', '』', '（', '）', '(', ')', '【', '】', '\n':
		return 2
	}
	return 0
}

func fmTrimItem(text string, s, e int) segment.Span {
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:e])
		if !strings.ContainsRune(fmTrimRunes, r) {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if !strings.ContainsRune(fmTrimRunes, r) {
			break
		}
		e -= size
	}
	return segment.Span{Start: s, End: e}
}

func fmMasked(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune(fmMaskRunes, r) {
			return false
		}
	}
	return true
}

// fmClass is how one item relates to one formulation.
type fmClass uint8

const (
	icOther  fmClass = iota
	icExact          // the item is a member
	icPre            // the item ends with a member (增强政治意识): may open a list
	icPost           // the item starts with a member (看齐意识等): may close a list
	icSlip           // same length as a member and one character off
	icMasked         // a placeholder
)

// listsInRegion finds, for each formulation with a member among the items,
// the runs of items that enumerate its members.
func listsInRegion(m *fmatcher, text string, items []segment.Span) []memberList {
	forms := map[int]bool{}
	for _, it := range items {
		for _, ref := range m.members[text[it.Start:it.End]] {
			forms[ref.form] = true
		}
	}
	ids := make([]int, 0, len(forms))
	for fi := range forms {
		ids = append(ids, fi)
	}
	sort.Ints(ids)
	var out []memberList
	for _, fi := range ids {
		info := &m.forms[fi]
		var cur []fmItem
		closeList := func() {
			if l, ok := acceptList(info, fi, cur); ok {
				out = append(out, l)
			}
			cur = nil
		}
		for _, it := range items {
			c, li := classifyItem(m, info, fi, text, it)
			switch c {
			case icExact, icSlip, icMasked:
				cur = append(cur, li)
			case icPre:
				closeList()
				cur = append(cur, li)
			case icPost:
				if len(cur) > 0 {
					cur = append(cur, li)
				}
				closeList()
			default:
				closeList()
			}
		}
		closeList()
	}
	return out
}

func classifyItem(m *fmatcher, info *formInfo, fi int, text string, it segment.Span) (fmClass, fmItem) {
	s := text[it.Start:it.End]
	li := fmItem{Span: it, idx: -1, change: -1}
	if ref, ok := refFor(m.members[s], fi); ok {
		li.idx, li.change = ref.idx, ref.change
		return icExact, li
	}
	if it.Len() == 0 || fmMasked(s) {
		li.masked = true
		return icMasked, li
	}
	if len(s) > fmMaxItemLen {
		return icOther, li
	}
	n := utf8.RuneCountInString(s)
	for _, l := range info.lens {
		if l >= n {
			break
		}
		// suffix of l runes
		off := len(s)
		for k := 0; k < l; k++ {
			_, size := utf8.DecodeLastRuneInString(s[:off])
			off -= size
		}
		if ref, ok := refFor(m.members[s[off:]], fi); ok {
			li.Span = segment.Span{Start: it.Start + off, End: it.End}
			li.idx, li.change = ref.idx, ref.change
			return icPre, li
		}
	}
	for _, l := range info.lens {
		if l >= n {
			break
		}
		off := 0
		for k := 0; k < l; k++ {
			_, size := utf8.DecodeRuneInString(s[off:])
			off += size
		}
		if ref, ok := refFor(m.members[s[:off]], fi); ok {
			li.Span = segment.Span{Start: it.Start, End: it.Start + off}
			li.idx, li.change = ref.idx, ref.change
			return icPost, li
		}
	}
	rs := []rune(s)
	for idx, mem := range info.members {
		if oneRuneOff(rs, mem) {
			li.cands = append(li.cands, idx)
		}
	}
	if len(li.cands) > 0 {
		li.slip = true
		return icSlip, li
	}
	return icOther, li
}

func refFor(refs []memRef, fi int) (memRef, bool) {
	for _, r := range refs {
		if r.form == fi {
			return r, true
		}
	}
	return memRef{}, false
}

// oneRuneOff reports whether a and b have the same length and differ in exactly
// one rune.
func oneRuneOff(a, b []rune) bool {
	if len(a) != len(b) || len(a) < 2 {
		return false
	}
	diff := 0
	for i := range a {
		if a[i] != b[i] {
			diff++
			if diff > 1 {
				return false
			}
		}
	}
	return diff == 1
}

// acceptList decides whether a run of items is really the formulation's
// member list: at least two exact members, and with the slips at least
// max(3, n-1) of the n members.
func acceptList(info *formInfo, fi int, items []fmItem) (memberList, bool) {
	// A placeholder at either end may not belong to the list.
	for len(items) > 0 && items[0].masked {
		items = items[1:]
	}
	for len(items) > 0 && items[len(items)-1].masked {
		items = items[:len(items)-1]
	}
	n := len(info.members)
	have := make([]bool, n)
	exact := 0
	for _, it := range items {
		if it.slip || it.masked {
			continue
		}
		if have[it.idx] {
			return memberList{}, false // a member twice: not a plain list
		}
		have[it.idx] = true
		exact++
	}
	if exact < 2 {
		return memberList{}, false
	}
	// A slip must stand for a missing member: one it is one character off
	// from. Off from present members only, it is another word; off from
	// several missing ones, it is some member but we cannot say which.
	slips, masked := 0, 0
	for i := range items {
		it := &items[i]
		if it.masked {
			masked++
			continue
		}
		if !it.slip {
			continue
		}
		var missing []int
		for _, c := range it.cands {
			if !have[c] {
				missing = append(missing, c)
			}
		}
		switch len(missing) {
		case 0:
			it.slip, it.idx = false, -1
		case 1:
			it.idx = missing[0]
			have[it.idx] = true
			slips++
		default:
			it.slip, it.masked = false, true
			masked++
		}
	}
	kept := items[:0:0]
	for _, it := range items {
		if it.idx >= 0 || it.masked {
			kept = append(kept, it)
		}
	}
	items = kept
	// A slip at either end may be a neighbouring word: keep it only when it
	// completes the list and sits where its member belongs.
	edgeOK := func(it fmItem, prev, next int) bool {
		return exact+slips+masked == n && masked == 0 && it.idx > prev && (next < 0 || it.idx < next)
	}
	if k := len(items) - 1; k > 0 && items[k].slip && !edgeOK(items[k], items[k-1].idx, -1) {
		items, slips = items[:k], slips-1
	}
	if len(items) > 1 && items[0].slip && !edgeOK(items[0], -1, items[1].idx) {
		items, slips = items[1:], slips-1
	}
	if len(items) == 0 {
		return memberList{}, false
	}
	total := exact + slips + masked
	if total < max(3, n-1) || slips > max(1, n/3) {
		return memberList{}, false
	}
	// In a complete ordered list a slip must sit at its member's place.
	if info.f.Ordered && total == n && masked == 0 {
		for i, it := range items {
			if it.slip && it.idx != i {
				return memberList{}, false
			}
		}
	}
	l := memberList{form: fi, items: items, complete: total == n}
	l.span = segment.Span{Start: items[0].Start, End: items[len(items)-1].End}
	return l, true
}

// listFindings reports slips, outdated members, order and missing members.
func listFindings(info *formInfo, l memberList, year int, text string) []analyze.Finding {
	f := info.f
	members := formRule("members", f.Severity)
	canon := strings.Join(f.Members, "、")
	var out []analyze.Finding
	present := make([]bool, len(f.Members))
	for _, it := range l.items {
		if it.masked {
			continue
		}
		present[it.idx] = true
		switch {
		case it.slip:
			out = append(out, analyze.Finding{Rule: members, Span: it.Span,
				Message:    fmt.Sprintf("%s应为%s（%s：%s）", fq(text[it.Start:it.End]), fq(f.Members[it.idx]), fq(f.Text), canon),
				Suggestion: f.Members[it.idx]})
		case it.change >= 0:
			c := f.Changed[it.change]
			if key := lexicon.DateKey(c.Date); year > key/100 && key > 0 {
				out = append(out, outdatedFinding(f, c, key, year, it.Span))
			}
		}
	}
	var missing []string
	masked := false
	for _, it := range l.items {
		masked = masked || it.masked
	}
	if !f.Partial && !masked {
		for i, ok := range present {
			if !ok {
				missing = append(missing, fq(f.Members[i]))
			}
		}
	}
	inOrder := true
	if f.Ordered && !masked {
		prev := -1
		for _, it := range l.items {
			if it.idx < prev {
				inOrder = false
			}
			prev = it.idx
		}
	}
	switch {
	case len(missing) > 0 && !inOrder:
		out = append(out, analyze.Finding{Rule: members, Span: l.span,
			Message: fmt.Sprintf("%s不完整，缺少%s，且顺序不对（应为：%s）", fq(f.Text), strings.Join(missing, "、"), canon), Suggestion: canon})
	case len(missing) > 0:
		out = append(out, analyze.Finding{Rule: members, Span: l.span,
			Message: fmt.Sprintf("%s不完整，缺少%s（%s：%s）", fq(f.Text), strings.Join(missing, "、"), fq(f.Text), canon), Suggestion: canon})
	case !inOrder:
		out = append(out, analyze.Finding{Rule: members, Span: l.span,
			Message: fmt.Sprintf("%s的顺序应为：%s", fq(f.Text), canon), Suggestion: canon})
	}
	return out
}

// ---- the check and the table ----

func runFormulation(p *analyze.Pass) error {
	r := formulations(p.Analysis)
	for _, f := range r.findings {
		p.Report(f)
	}
	for _, st := range requiredFormulations(p.Analysis) {
		if st.missing {
			p.Report(analyze.Finding{Rule: "missing", Span: p.Doc.Title,
				Message:    fmt.Sprintf("报告未出现%s：%s通常应体现%s%s", fq(st.f.Text), p.Profile.Name, fq(st.f.Text), st.note),
				Suggestion: "如需体现，使用规范表述" + fq(st.f.Text)})
		}
	}
	return nil
}

type requiredStatus struct {
	fi      int
	f       *lexicon.Formulation
	missing bool
	note    string
}

// requiredFormulations lists the profile's formulations that the report's
// year requires, and whether each is missing.
func requiredFormulations(a *analyze.Analysis) []requiredStatus {
	if a.Profile == nil {
		return nil
	}
	m := matcherFor(a.Lex)
	r := formulations(a)
	var out []requiredStatus
	for _, id := range a.Profile.Formulations {
		fi := -1
		for i := range m.forms {
			if m.forms[i].f.ID == id {
				fi = i
				break
			}
		}
		if fi < 0 {
			continue
		}
		info := &m.forms[fi]
		if info.since > 0 && (a.Year == 0 || a.Year < info.since/100) {
			continue // not yet proposed, or the year is unknown
		}
		st := requiredStatus{fi: fi, f: info.f, missing: r.count[fi] == 0 && r.flagged[fi] == ""}
		if len(info.f.Members) > 0 && info.enum {
			st.note = "（或完整列出：" + strings.Join(info.f.Members, "、") + "）"
		}
		out = append(out, st)
	}
	return out
}

// FormulationTable reports, for each formulation the profile requires,
// whether the report has it, where first, and how often.
func Table(a *analyze.Analysis) []analyze.FormulationStatus {
	r := formulations(a)
	var out []analyze.FormulationStatus
	for _, st := range requiredFormulations(a) {
		row := analyze.FormulationStatus{ID: st.f.ID, Text: st.f.Text, Count: r.count[st.fi]}
		switch {
		case r.flagged[st.fi] != "":
			row.Status = analyze.StatusMalformed
			row.Message = r.flagged[st.fi]
		case st.missing:
			row.Status = analyze.StatusMissing
		default:
			row.Status = analyze.StatusPresent
		}
		if off := r.first[st.fi]; off >= 0 {
			row.Line = a.Doc.Position(off).Line
		}
		out = append(out, row)
	}
	return out
}
