package analyze

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/lazy"
	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

// OutlineNode is one part of the report's outline: a numbered heading, or an
// implicit section — an unnumbered part recognised by its opening words,
// such as a paragraph “……还存在一些问题和不足，主要是：” after the last
// numbered part, or a short unnumbered line “存在的问题”.
type OutlineNode struct {
	Level    int              `json:"level"`              // 1–5; implicit sections are 1
	Heading  *segment.Heading `json:"-"`                  // nil for implicit sections
	Implicit string           `json:"implicit,omitempty"` // kind of an implicit section: problems, plans, closing
	Marker   string           `json:"marker,omitempty"`   // the number as written, e.g. "（一）"
	Title    string           `json:"title"`              // heading title, or the opening words
	Line     int              `json:"line"`
	Para     int              `json:"-"` // index into Document.Paragraphs
	Open     segment.Span     `json:"-"` // marker and title, or the opening words
	Span     segment.Span     `json:"-"` // the section: up to the next node of the same or a higher level
	Parent   int              `json:"-"` // index of the parent node, -1 at the top
}

// Implicit section kinds.
const (
	KindProblems = "problems"
	KindPlans    = "plans"
	KindClosing  = "closing"
)

// ImplicitName is the Chinese name of an implicit section kind.
func ImplicitName(kind string) string {
	switch kind {
	case KindProblems:
		return "存在问题"
	case KindPlans:
		return "下一步打算"
	case KindClosing:
		return "结束语"
	}
	return kind
}

var kindRank = map[string]int{KindProblems: 1, KindPlans: 2, KindClosing: 3}

// Label names the node for findings and tables: the heading text, or the
// kind and opening words of an implicit section.
func (n *OutlineNode) Label() string {
	if n.Implicit == "" {
		return n.Marker + n.Title
	}
	t := n.Title
	if utf8.RuneCountInString(t) > 14 {
		t = string([]rune(t)[:14]) + "…"
	}
	return "（" + ImplicitName(n.Implicit) + "）" + t
}

// Outline returns the numbered headings and implicit sections in document
// order, with parents and extents. Implicit sections are top-level parts:
// numbering below them starts afresh.
func (a *Analysis) Outline() []OutlineNode {
	return outlineKey.Get(a)
}

var outlineKey = NewKey("outline", (*Analysis).buildOutline)

func (a *Analysis) buildOutline() []OutlineNode {
	doc := a.Doc
	implicit := a.implicitSections()
	nodes := make([]OutlineNode, 0, len(doc.Headings)+len(implicit))
	back := a.BackMatter()
	hi, ii := 0, 0
	for hi < len(doc.Headings) || ii < len(implicit) {
		if hi < len(doc.Headings) && doc.Paragraphs[doc.Headings[hi].Para].Span.Start >= back {
			hi = len(doc.Headings) // 附件 and 名词解释 lists are not the outline
			continue
		}
		if ii < len(implicit) && doc.Paragraphs[implicit[ii].Para].Span.Start >= back {
			ii = len(implicit)
			continue
		}
		if ii < len(implicit) && (hi == len(doc.Headings) || implicit[ii].Para < doc.Headings[hi].Para) {
			nodes = append(nodes, implicit[ii])
			ii++
			continue
		}
		h := doc.Headings[hi]
		hi++
		nodes = append(nodes, OutlineNode{Level: h.Level, Heading: h, Marker: doc.Slice(h.Marker),
			Title: doc.Slice(h.Title), Para: h.Para, Open: segment.Span{Start: h.Marker.Start, End: h.Title.End}})
	}
	var stack []int
	for i := range nodes {
		n := &nodes[i]
		n.Line = doc.Position(n.Open.Start).Line
		for len(stack) > 0 && nodes[stack[len(stack)-1]].Level >= n.Level {
			stack = stack[:len(stack)-1]
		}
		n.Parent = -1
		if len(stack) > 0 {
			n.Parent = stack[len(stack)-1]
		}
		stack = append(stack, i)
		n.Span = segment.Span{Start: doc.Paragraphs[n.Para].Span.Start, End: back} // back matter is in no part
	}
	for i := range nodes {
		for j := i + 1; j < len(nodes); j++ {
			if nodes[j].Level <= nodes[i].Level {
				nodes[i].Span.End = nodes[j].Span.Start
				break
			}
		}
	}
	return nodes
}

// BackMatter returns the offset where the report's back matter starts: a
// list of attachments (附件：1.…) or of explained terms (名词解释, 注释),
// whose numbered items are not the report's outline. It is len(text) when
// there is none. Only a line after the first heading or past the first
// third of the report counts (a leading “附件2” names the document itself).
func (a *Analysis) BackMatter() int {
	return backMatterKey.Get(a)
}

var backMatterKey = NewKey("back-matter", func(a *Analysis) int {
	doc := a.Doc
	from := max(1, len(doc.Paragraphs)/3)
	if len(doc.Headings) > 0 {
		from = min(from, doc.Headings[0].Para+1)
	}
	for pi := from; pi < len(doc.Paragraphs); pi++ {
		p := &doc.Paragraphs[pi]
		if backMatterLine(doc.Slice(p.Span)) {
			return p.Span.Start
		}
	}
	return len(doc.Text)
})

// backMatterWords open a list of explained terms when they fill their line.
var backMatterWords = []string{"名词解释", "有关名词解释", "名词注释", "注释", "附：名词解释"}

func backMatterLine(s string) bool {
	s = strings.Trim(s, " 　\t#*")
	if rest, ok := strings.CutPrefix(s, "附件"); ok {
		rest = strings.TrimLeft(rest, " 　")
		if rest == "" || strings.HasPrefix(rest, "：") || strings.HasPrefix(rest, ":") {
			return true
		}
		digits := strings.TrimLeft(rest, "0123456789０１２３４５６７８９")
		return len(digits) < len(rest) && utf8.RuneCountInString(rest) <= 40 &&
			(digits == "" || strings.ContainsRune("：: 　.．、", []rune(digits)[0]))
	}
	s = strings.TrimRight(s, "：:")
	return slices.Contains(backMatterWords, s)
}

// NodeAt returns the index of the innermost outline node containing off, or -1.
func (a *Analysis) NodeAt(off int) int {
	nodes := a.Outline()
	i := sort.Search(len(nodes), func(i int) bool { return nodes[i].Span.Start > off }) - 1
	for i >= 0 && !nodes[i].Span.Contains(off) {
		i = nodes[i].Parent
	}
	return i
}

// topNodeAt returns the index of the top-level outline node containing off, or -1.
func (a *Analysis) topNodeAt(off int) int {
	nodes := a.Outline()
	i := a.NodeAt(off)
	for i >= 0 && nodes[i].Parent >= 0 {
		i = nodes[i].Parent
	}
	return i
}

// Opening words that start an unnumbered part. They are matched in the
// paragraph's first clause (up to the first 。：；！？).
var (
	problemsOpen = lazy.Regexp(`(存在|暴露|反思|查摆|还有|仍有|也有)(出|着)?(的)?(一些|以下|诸多|不少|许多|一定的?|主要|突出|较多)?(的)?(问题|不足|差距|短板|薄弱环节)|(问题|不足|差距|短板)(和|与|及|、)(不足|差距|问题|短板|教训)|不足之处|主要问题|突出问题|薄弱环节|清醒(地)?(看到|认识到)|困难和问题|问题和困难|困难和挑战`)
	plansOpen    = lazy.Regexp(`^(下一步|今后|新的一年|明年|来年|展望)|(下一步|今后|明年|新的一年)(的)?(工作)?(中|里)?[，,]?(我|本人|我们)?(将|要|打算|计划)|工作打算|工作计划|努力方向|工作思路|整改措施|改进措施`)
	closingOpen  = lazy.Regexp(`^(特此报告|以上报告|以上(是|为|就是|即为)|以上述职|以上汇报|请予评议|请各位|恳请|不妥之处|不当之处|谢谢大家|谢谢[！。!])`)
	yearOpen     = lazy.Regexp(`^(\d{4})年`)
	introWords   = lazy.Regexp(`(报告|汇报|总结|述职|说明)如下`)
	enumStart    = lazy.Regexp(`^(第?[一二三四五六七八九十]+[是要，、]|首先|其次|再次|最后|其[一二三四五六七八九十])`)
	futureVerb   = lazy.Regexp(`将|要|打算|计划|力争|努力`)
)

// firstClause returns the span of a paragraph's opening clause: up to the
// first 。：；！？ (exclusive) and at most 80 runes.
func firstClause(text string, sp segment.Span) segment.Span {
	s := text[sp.Start:sp.End]
	n := 0
	for i, r := range s {
		switch r {
		case '。', '：', ':', '；', '！', '？':
			return segment.Span{Start: sp.Start, End: sp.Start + i}
		}
		if n++; n > 80 {
			return segment.Span{Start: sp.Start, End: sp.Start + i}
		}
	}
	return sp
}

// HeadingLike reports whether a paragraph looks like an unnumbered heading:
// a short line without closing punctuation, a Markdown heading, or a .docx
// heading style.
func HeadingLike(doc *segment.Document, p *segment.Paragraph) bool {
	s := doc.Slice(p.Span)
	if doc.Format == segment.FormatMarkdown && strings.HasPrefix(s, "#") {
		return true
	}
	if st := strings.ToLower(p.Style); strings.HasPrefix(st, "heading") || strings.HasPrefix(st, "标题") {
		return true
	}
	s = strings.TrimSuffix(strings.TrimPrefix(s, "**"), "**")
	if s == "" || len(s) > 30*4 || utf8.RuneCountInString(s) > 30 || strings.Contains(s, "。") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune("。；，、！？…,;!?", r)
}

// openerKinds returns the implicit-section kinds a clause may open, as a
// bit set indexed by kindRank.
func (a *Analysis) openerKinds(clause string, closing bool) int {
	k := 0
	if closing && strings.ContainsAny(firstRuneOf(clause), "特以请恳不谢") && closingOpen().MatchString(clause) {
		k |= 1 << kindRank[KindClosing]
	}
	if containsAny(clause, problemsWords) && problemsOpen().MatchString(clause) {
		k |= 1 << kindRank[KindProblems]
	}
	if containsAny(clause, plansWords) && plansOpen().MatchString(clause) {
		k |= 1 << kindRank[KindPlans]
	}
	// “2023年是……我将……” in a report on 2022.
	if a.Year > 0 && clause != "" && clause[0] >= '1' && clause[0] <= '2' {
		if m := yearOpen().FindStringSubmatch(clause); m != nil {
			if y, _ := strconv.Atoi(m[1]); y == a.Year+1 && futureVerb().MatchString(clause) {
				k |= 1 << kindRank[KindPlans]
			}
		}
	}
	return k
}

// Words one of which every match of problemsOpen / plansOpen contains: a
// cheap filter before the regexps.
var (
	problemsWords = []string{"问题", "不足", "差距", "短板", "薄弱", "清醒", "困难"}
	plansWords    = []string{"下一步", "今后", "新的一年", "明年", "来年", "展望", "打算", "计划", "努力方向", "工作思路", "措施"}
)

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func firstRuneOf(s string) string {
	_, w := utf8.DecodeRuneInString(s)
	return s[:w]
}

var kindByRank = [...]string{1: KindProblems, 2: KindPlans, 3: KindClosing}

// highestRank returns the highest rank in a kind set, 0 if empty.
func highestRank(k int) int {
	r := 0
	for i := 1; i < len(kindByRank); i++ {
		if k&(1<<i) != 0 {
			r = i
		}
	}
	return r
}

// implicitSections finds unnumbered parts: short unnumbered lines anywhere,
// and paragraphs after the last top-level heading whose first clause opens
// 存在问题, 下一步打算 or the closing words. Each is accepted only if numbering
// below it starts afresh (a （三） that follows continues the list it stands in).
func (a *Analysis) implicitSections() []OutlineNode {
	doc := a.Doc
	top := 0
	for _, h := range doc.Headings {
		if top == 0 || h.Level < top {
			top = h.Level
		}
	}
	lastTop := -1 // paragraph of the last top-level heading
	for _, h := range doc.Headings {
		if h.Level == top {
			lastTop = h.Para
		}
	}
	titlePara := -1
	if doc.Title.Len() > 0 {
		titlePara = doc.ParagraphAt(doc.Title.Start)
	}
	var out []OutlineNode
	maxRank := 0 // rank of the last accepted implicit section
	hi := 0      // next heading index after the current paragraph
	firstBody := true
	for pi := range doc.Paragraphs {
		p := &doc.Paragraphs[pi]
		for hi < len(doc.Headings) && doc.Headings[hi].Para <= pi {
			hi++
		}
		if p.Heading != nil || pi == titlePara {
			continue
		}
		intro := firstBody
		firstBody = false
		line := HeadingLike(doc, p)
		inTail := pi > lastTop
		if !line && (!inTail || pi == lastTop+1 && lastTop >= 0 || intro) {
			continue
		}
		sp := p.Span
		if doc.Format == segment.FormatMarkdown {
			s := doc.Slice(sp)
			t := strings.TrimLeft(strings.TrimLeft(s, "#"), " ")
			t = strings.TrimPrefix(t, "**")
			sp.Start += len(s) - len(t)
		}
		text := doc.Slice(sp)
		if !line && enumStart().MatchString(text) {
			continue
		}
		cl := firstClause(doc.Text, sp)
		clause := doc.Slice(cl)
		if introWords().MatchString(clause) {
			continue
		}
		kinds := a.openerKinds(clause, inTail)
		// Not a new part if the enclosing top-level heading covers it: in the
		// tail, parts come in the order 存在问题 → 下一步打算 → 结束语.
		floor := 0
		if th := doc.TopHeadingAt(sp.Start); th != nil {
			tk := a.openerKinds(doc.Slice(th.Title), false)
			kinds &^= tk
			if inTail {
				floor = highestRank(tk)
			}
		}
		if inTail && maxRank > floor {
			floor = maxRank
		}
		kind := ""
		for r := floor + 1; r < len(kindByRank); r++ {
			if kinds&(1<<r) != 0 {
				kind = kindByRank[r]
				break
			}
		}
		if kind == "" {
			continue
		}
		// Numbering that continues after it means it stands inside a list.
		if hi < len(doc.Headings) {
			if h := doc.Headings[hi]; h.Level > 1 && h.Number != 1 {
				continue
			}
		}
		title := strings.TrimSuffix(clause, "**")
		if utf8.RuneCountInString(title) > 40 {
			title = string([]rune(title)[:40]) + "…"
		}
		out = append(out, OutlineNode{Level: 1, Implicit: kind, Title: title, Para: pi, Open: cl})
		if kindRank[kind] > maxRank {
			maxRank = kindRank[kind]
		}
	}
	return out
}

// OutlineFor returns the outline of a document as Run saw it when it
// produced res (the outline depends on the report year res settled on).
func OutlineFor(doc *segment.Document, lex *lexicon.Lexicon, res *Result) []OutlineNode {
	a := NewAnalysis(doc, lex, nil)
	a.Year = res.Year
	for i := range a.Lex.Profiles {
		if a.Lex.Profiles[i].ID == res.Profile {
			a.Profile = &a.Lex.Profiles[i]
		}
	}
	return a.Outline()
}
