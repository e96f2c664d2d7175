package analyze

import (
	"fmt"
	"slices"
	"strings"

	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

// sectionMatch is where one profile section was found.
type sectionMatch struct {
	sec    *lexicon.Section
	status string
	node   int    // outline node, -1 if none
	para   int    // body paragraph when no heading matched, -1 if none
	word   string // keyword or opening that matched
	ref    int    // out of order: index of the section it should follow (or precede)
	before bool   // out of order: it should come before sections[ref]
}

// sectionMatches finds the profile's sections in the outline. It returns nil
// when the report type is unknown or the report has fewer than two numbered
// top-level headings (then its parts cannot be told apart reliably).
func (a *Analysis) sectionMatches() []sectionMatch {
	return structureSectionsKey.Get(a)
}

var structureSectionsKey = NewKey("structure.sections", func(a *Analysis) []sectionMatch {
	if a.Profile == nil || len(a.Profile.Sections) == 0 {
		return nil
	}
	nodes := a.Outline()
	top, count := 0, 0
	for _, n := range nodes {
		if n.Heading != nil && (top == 0 || n.Level < top) {
			top = n.Level
		}
	}
	for _, n := range nodes {
		if n.Heading != nil && n.Level == top {
			count++
		}
	}
	if count < 2 {
		return nil
	}
	topOf := make([]int, len(nodes))
	for i := range nodes {
		t := i
		for nodes[t].Parent >= 0 {
			t = nodes[t].Parent
		}
		topOf[i] = t
	}
	secs := a.Profile.Sections
	type cand struct {
		pos, node int
		word      string
	}
	cands := make([][]cand, len(secs))
	add := func(si, i int, w string) {
		cs := cands[si]
		if len(cs) > 0 && cs[len(cs)-1].pos == topOf[i] {
			return
		}
		cands[si] = append(cs, cand{topOf[i], i, w})
	}
	// Top-level parts first; a section no top-level part names may be
	// a lower-level heading (（四）全面加强政府自身建设).
	matched := make([]bool, len(nodes))
	inReview := make([]bool, len(nodes)) // top-level parts reviewing past work
	for si := range secs {
		s := &secs[si]
		for pass := 0; pass < 2 && len(cands[si]) == 0; pass++ {
			for i, n := range nodes {
				if (n.Parent < 0) != (pass == 0) {
					continue
				}
				if pass == 1 && inReview[topOf[i]] {
					continue // （五）加强政府自身建设 under the review is last year's work
				}
				if n.Heading != nil && !a.yearFits(s.ID, n.Title) {
					continue
				}
				w := ""
				if n.Implicit != "" && n.Implicit == s.ID {
					w = n.Title
				} else if n.Implicit != KindClosing {
					w = firstKeyword(n.Title, s.Keywords)
				}
				if w != "" {
					matched[i] = true
					add(si, i, w)
					if s.ID == "review" && n.Parent < 0 {
						inReview[i] = true
					}
				}
			}
		}
	}
	// "*": the main body takes the numbered top-level headings no other
	// section claims (一、经济发展稳中有进 in a 工作总结).
	for si := range secs {
		if !slices.Contains(secs[si].Keywords, "*") {
			continue
		}
		for i, n := range nodes {
			if n.Heading != nil && n.Parent < 0 && !matched[i] {
				add(si, i, n.Title)
			}
		}
		slices.SortStableFunc(cands[si], func(x, y cand) int { return x.node - y.node })
		cands[si] = slices.CompactFunc(cands[si], func(x, y cand) bool { return x.pos == y.pos })
	}
	// Longest chain of sections in profile order with non-decreasing
	// positions; the sections left out are out of order.
	type cell struct{ best, ps, pc int }
	dp := make([][]cell, len(secs))
	bs, bc, bestLen := -1, -1, 0
	for si := range secs {
		dp[si] = make([]cell, len(cands[si]))
		for ci, c := range cands[si] {
			cl := cell{1, -1, -1}
			for sj := 0; sj < si; sj++ {
				for cj, d := range cands[sj] {
					if d.pos <= c.pos && dp[sj][cj].best+1 > cl.best {
						cl = cell{dp[sj][cj].best + 1, sj, cj}
					}
				}
			}
			dp[si][ci] = cl
			if cl.best > bestLen {
				bs, bc, bestLen = si, ci, cl.best
			}
		}
	}
	out := make([]sectionMatch, len(secs))
	for si := range secs {
		out[si] = sectionMatch{sec: &secs[si], status: StatusMissing, node: -1, para: -1, ref: -1}
	}
	chainPos := make([]int, len(secs))
	for i := range chainPos {
		chainPos[i] = -1
	}
	for si, ci := bs, bc; si >= 0; {
		c := cands[si][ci]
		out[si].status, out[si].node, out[si].word = StatusPresent, c.node, c.word
		chainPos[si] = c.pos
		cl := dp[si][ci]
		si, ci = cl.ps, cl.pc
	}
	for si := range secs {
		if out[si].status == StatusPresent || len(cands[si]) == 0 {
			continue
		}
		c := cands[si][0]
		out[si].status, out[si].node, out[si].word = StatusOrder, c.node, c.word
		// The nearest earlier section placed after it, else the nearest
		// later section placed before it.
		for sj := si - 1; sj >= 0; sj-- {
			if chainPos[sj] > c.pos {
				out[si].ref = sj
				break
			}
		}
		if out[si].ref < 0 {
			for sj := si + 1; sj < len(secs); sj++ {
				if chainPos[sj] >= 0 && chainPos[sj] < c.pos {
					out[si].ref, out[si].before = sj, true
					break
				}
			}
		}
	}
	// Sections without a heading: the opening words of a body paragraph.
	doc := a.Doc
	for si := range secs {
		if out[si].status != StatusMissing {
			continue
		}
		for pi := range doc.Paragraphs {
			pp := &doc.Paragraphs[pi]
			if pp.Heading != nil || doc.Title.Len() > 0 && pp.Span.Contains(doc.Title.Start) {
				continue
			}
			if w := firstKeyword(doc.Slice(openingSentences(doc.Text, pp.Span)), secs[si].Keywords); w != "" {
				out[si].status, out[si].para, out[si].word = StatusPresent, pi, w
				break
			}
		}
	}
	return out
})

// yearFits reports whether a heading's years suit a part of a 政府工作报告:
// the review names years before the delivery year (一、2025年主要工作 in
// 2026), this year's targets and tasks name the delivery year (二、2026年主要
// 工作; 关于2026年工作). Other profiles, and headings without a year, fit.
func (a *Analysis) yearFits(id, title string) bool {
	if a.Delivered == 0 {
		return true
	}
	y := 0
	for _, m := range yearInTitle().FindAllString(title, -1) {
		y = max(y, parseYear(m))
	}
	switch {
	case y == 0:
		return true
	case id == "review":
		return y < a.Delivered
	case id == "targets" || id == "tasks":
		return y >= a.Delivered
	}
	return true
}

// openingSentences returns a paragraph's first clause, or its first two
// sentences when the first only sets the scene (今年是……。主要预期目标是：).
func openingSentences(text string, sp segment.Span) segment.Span {
	first := firstClause(text, sp)
	s := text[first.Start:first.End]
	if first.End < sp.End && strings.HasPrefix(text[first.End:], "。") && (strings.HasPrefix(s, "今年") || strings.HasPrefix(s, "明年") || yearOpenWord(s)) {
		second := firstClause(text, segment.Span{Start: first.End + len("。"), End: sp.End})
		return segment.Span{Start: sp.Start, End: second.End}
	}
	return first
}

// yearOpenWord reports an opening such as 2026年是…
func yearOpenWord(s string) bool {
	return len(s) > 6 && s[0] >= '1' && s[0] <= '2' && strings.HasPrefix(s[4:], "年是")
}

func firstKeyword(s string, kws []string) string {
	for _, k := range kws {
		if k != "" && k != "*" && strings.Contains(s, k) {
			return k
		}
	}
	return ""
}

// Sections returns one row per section of the report's profile: present,
// missing or out of order, with the heading that matched. Nil when the
// profile is unknown or the report has no numbered outline to judge.
func (a *Analysis) Sections() []SectionStatus {
	return sectionsKey.Get(a)
}

var sectionsKey = NewKey("sections", func(a *Analysis) []SectionStatus {
	ms := a.sectionMatches()
	if ms == nil {
		return nil
	}
	nodes := a.Outline()
	out := make([]SectionStatus, len(ms))
	for i, m := range ms {
		r := SectionStatus{ID: m.sec.ID, Name: m.sec.Name, Status: m.status, Optional: m.sec.Optional}
		switch {
		case m.node >= 0:
			n := &nodes[m.node]
			r.Line, r.Heading = n.Line, n.Label()
			if n.Heading == nil {
				r.Message = "未编号部分，按开头语识别"
			}
			if m.status == StatusOrder {
				r.Message = sectionOrderNote(a, ms, i)
			}
		case m.para >= 0:
			pp := a.Doc.Paragraphs[m.para]
			r.Line = a.Doc.Position(pp.Span.Start).Line
			r.Heading = clipRunes(a.Doc.Slice(firstClause(a.Doc.Text, pp.Span)), 20)
			r.Message = "未设专门标题，见段落开头“" + m.word + "”"
		case m.sec.Optional:
			r.Message = "可选部分，未找到"
		default:
			r.Message = "未找到"
		}
		out[i] = r
	}
	return out
})

func clipRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// sectionOrder lists the profile's sections: 思想政治（德）→履职尽责…
func sectionOrder(ms []sectionMatch) string {
	names := make([]string, len(ms))
	for i, m := range ms {
		names[i] = m.sec.Name
	}
	return strings.Join(names, "→")
}

func sectionOrderNote(a *Analysis, ms []sectionMatch, i int) string {
	m := ms[i]
	rel := ""
	if m.ref >= 0 {
		dir := "之后"
		if m.before {
			dir = "之前"
		}
		rel = "通常应在“" + ms[m.ref].sec.Name + "”部分" + dir
	}
	s := "“" + m.sec.Name + "”部分的位置不合常规"
	if rel != "" {
		s += "：" + rel
	}
	return s + "（" + a.Profile.Name + "常见顺序：" + sectionOrder(ms) + "）"
}

// SectionFindings returns the findings about the profile's parts: missing
// (rule section-missing) or out of order (section-order). The structure
// check reports them.
func SectionFindings(a *Analysis) []Finding {
	if a.ProfileConfidence == Guess {
		return nil // the genre itself is a guess: its parts cannot be required
	}
	var out []Finding
	ms := a.sectionMatches()
	nodes := a.Outline()
	for i, m := range ms {
		switch {
		case m.status == StatusMissing && !m.sec.Optional:
			var kws []string
			for _, k := range m.sec.Keywords {
				if k != "*" && len(kws) < 3 {
					kws = append(kws, k)
				}
			}
			out = append(out, Finding{Rule: "section-missing", Span: segment.Span{},
				Message: fmt.Sprintf("未找到“%s”部分：标题和段落开头均未见“%s”等词（%s通常包括：%s）",
					m.sec.Name, strings.Join(kws, "”“"), a.Profile.Name, sectionOrder(ms)),
				Suggestion: "增加“" + m.sec.Name + "”部分"})
		case m.status == StatusOrder:
			out = append(out, Finding{Rule: "section-order", Span: nodes[m.node].Open,
				Message: sectionOrderNote(a, ms, i)})
		}
	}
	return out
}
