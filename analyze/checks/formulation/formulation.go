package formulation

import (
	"fmt"
	"slices"
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

// Check checks political formulations against the lexicon.
var Check = &analyze.Check{
	Name: "formulation",
	Doc: "规范提法：已知的错误写法（以人民为核心、五位一体战略布局、“一带一路”战略…）；提法成员的错字、缺项、顺序" +
		"（自重、自省、自警、自励；政治意识、大局意识、核心意识、看齐意识）；文种要求而报告未出现的提法；" +
		"引用了晚于报告期的会议或提法；已调整的旧表述（四个全面第一项、全过程民主）。" +
		"报告期：Y 年度的报告常在 Y+1 年初写成，因此 Y+1 年 2 月及以前的会议不算超前。",
	Severity: analyze.Error,
	Rules: []*analyze.Rule{
		{ID: "formulation.wrong-form", Title: "提法写法错误", Doc: "词库中登记的错误写法（级别为 error 的条目），给出唯一的规范写法；带日期的错误写法只对其后成文的报告报告，“不得使用“…”的提法”等引述错误写法之处不报",
			Severity: analyze.Error, Group: analyze.GroupFormulation, Source: analyze.SourceParty, Fixable: true,
			Good: "坚定拥护以习近平同志为核心的党中央。", Bad: "坚定拥护以习近平总书记为核心的党中央。"},
		{ID: "formulation.members", Title: "提法成员有误", Doc: "并列列举的提法成员有错字（如“自市”应为“自省”）、缺项或顺序不对",
			Severity: analyze.Error, Group: analyze.GroupFormulation, Source: analyze.SourceParty,
			Good: "时刻做到自重、自省、自警、自励。", Bad: "时刻做到自重、自市、自警、自励。"},
		{ID: "formulation.missing", Title: "疑似缺少应有提法", Doc: "文种要求的提法在报告中未出现（只要求有确证提出日期、且在报告所涵盖时期开始前已提出的提法；成员全部列出也算出现）；是否需要由作者判断",
			Severity: analyze.Info, Group: analyze.GroupCompleteness, Source: analyze.SourceParty, Heuristic: true,
			Good: "述职报告中写明“一岗双责”的落实情况。", Bad: "述职报告通篇未提“一岗双责”。"},
		{ID: "formulation.anachronism", Title: "提法晚于报告年度", Doc: "引用了晚于报告成文时间（按月比较：报告年度至次年 2 月，政府工作报告至次年 3 月）的会议或提法；“迎接”“即将召开”“今年将召开”等前瞻语境除外",
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
		r, size := utf8x.DecodeRune(text, i)
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

// reportWindow gives, as DateKeys (YYYYMM), when the report was written at
// the earliest and the latest, and the first month of the period it covers.
// A 政府工作报告's year may be its delivery year (title, meeting line; it
// then covers the year before) or the year it reviews, so its window spans
// both readings; other reports cover their year and are written during it or
// early the next year. ok is false when the year is unknown.
func reportWindow(a *analyze.Analysis) (earliest, latest, periodStart int, ok bool) {
	y := a.Year
	if y <= 0 {
		return 0, 0, 0, false
	}
	if a.Profile != nil && a.Profile.ID == "government-work" {
		return y*100 + 1, (y+1)*100 + 3, (y-1)*100 + 1, true
	}
	return y*100 + 1, allowedUntil(y), y*100 + 1, true
}

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
	earliest, latest, _, dated := reportWindow(a)
	var wrongSpans []segment.Span
	for _, mt := range m.scan(text) {
		p := m.pats[mt.pat]
		switch p.kind {
		case pkText:
			seen(p.form, mt.Start)
			info := m.forms[p.form]
			if dated && !info.f.SinceUncertain && info.since > latest && !forwardLooking(text, mt.Span) {
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
			if since := lexicon.DateKey(w.Since); since > 0 && (!dated || earliest < since) {
				continue // usage was standard when the report may have been written
			}
			if scan.CitedAsWrong(text, mt.Span) {
				wrongSpans = append(wrongSpans, mt.Span)
				continue // 不得使用“…”的提法: named, not used
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
			if key := lexicon.DateKey(c.Date); dated && earliest > key && key > 0 && !scan.CitedAsWrong(text, mt.Span) {
				flag(p.form, outdatedFinding(f, c, key, year, mt.Span))
			}
		case pkEvent:
			ev := &a.Lex.Events[p.sub]
			key := lexicon.DateKey(ev.Date)
			if dated && key > latest && !forwardLooking(text, mt.Span) {
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
	fmForwardBefore = []string{"迎接", "喜迎", "筹备", "即将", "将要", "将于", "预计", "前夕", "迎", "将召开", "将举行", "要召开", "要举行", "即将召开"}
	fmForwardAfter  = []string{"召开前", "召开之前", "召开营造", "前夕", "代表", "即将", "将于", "召开之年"}
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
		// only dated entries, proposed by the start of the covered period
		if _, _, start, ok := reportWindow(a); info.since == 0 || !ok || info.since > start {
			continue
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
