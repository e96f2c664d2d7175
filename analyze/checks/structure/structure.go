package structure

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/internal/utf8x"

	"github.com/reportlint/reportlint/segment"
)

// Check checks the numbered outline against GB/T 9704 7.3.3 (一、 （一）
// 1. （1）), run-in enumerations (一是……二是……, 第一，第二，), and the parts
// the report type usually has (德、能、勤、绩、廉, 存在问题, 下一步打算 …).
var Check = &analyze.Check{
	Name: "structure",
	Doc: "检查结构层次序数：同级序号是否连续、有无重复或重新起编，层次是否跳级或颠倒，写法是否符合 GB/T 9704（一、（一）1.（1）），" +
		"同级写法是否统一；段内“一是……二是……”“第一，第二，”列举是否连续；以及文种通常包含的组成部分（如述职报告的思想政治、" +
		"履职尽责、廉洁自律、存在问题、下一步打算）是否齐全、顺序是否合乎常规。未编号而以开头语引出的部分（如“……还存在一些问题和不足，主要是：”）也计为组成部分。",
	Severity: analyze.Warning,
	Rules: []*analyze.Rule{
		{ID: "structure.numbering", Title: "序号不连续或层次跳级", Doc: "同级序号不连续、重复、倒退或在同一上级标题下重新起编（换了上级标题或中间有未编号的部分标题时重新起编是正常的）；" +
			"层次跳级（一、之下直接用（1））或颠倒；段内列举“一是、二是……”“第一，第二，……”不连续。" +
			"只有两个层次时“一、”之下直接用“1.”是通行做法，不报（其下还有（1）时见 structure.skipped-level）。（一）之下直接用（1）不报",
			Severity: analyze.Warning, Group: analyze.GroupStructure, Source: analyze.SourcePractice,
			Good: "一、工作成效\n二、存在问题", Bad: "一、工作成效\n三、存在问题"},
		{ID: "structure.skipped-level", Title: "三个层次时跳过了二级序号", Doc: "一级标题“一、”之下直接用“1.”，其下又有“（1）”：三个层次时宜依次使用（一）、1.、（1）",
			Severity: analyze.Info, Group: analyze.GroupStructure, Source: analyze.SourcePractice,
			Good: "一、工作成效\n（一）党建\n1.学习\n（1）集中学习", Bad: "一、工作成效\n1.学习\n（1）集中学习"},
		{ID: "structure.form", Title: "序号写法不规范", Doc: "序号写法不符合 GB/T 9704：一级“一、”，二级“（一）”（括号后不加标点），三级“1.”或“1．”，四级“（1）”；如“一.”“（一）、”“1、”“(1)”",
			Severity: analyze.Warning, Group: analyze.GroupStructure, Source: analyze.SourceStandard, Standard: "GB/T 9704—2012 7.3.3", Fixable: true,
			Good: "（一）加强理论武装", Bad: "（一）、加强理论武装"},
		{ID: "structure.mixed", Title: "同级序号写法混用", Doc: "同一层级的序号写法混用，且其中一种不符合 GB/T 9704，如“1.”与“1、”",
			Severity: analyze.Warning, Group: analyze.GroupStructure, Source: analyze.SourceStandard, Standard: "GB/T 9704—2012 7.3.3",
			Good: "1.加强学习\n2.改进作风", Bad: "1.加强学习\n2、改进作风"},
		{ID: "structure.mixed-style", Title: "同级序号写法不统一", Doc: "同一层级混用两种都可接受的写法，如“1.”与“1．”、“（1）”与“⑴”，宜统一",
			Severity: analyze.Info, Group: analyze.GroupStructure, Source: analyze.SourcePractice,
			Good: "1.加强学习\n2.改进作风", Bad: "1.加强学习\n2．改进作风"},
		{ID: "structure.section-missing", Title: "疑似缺少组成部分", Doc: "缺少文种通常包含的组成部分（按标题、未编号部分的开头语和段落开头识别）；是否确实缺少请核实",
			Severity: analyze.Warning, Group: analyze.GroupCompleteness, Source: analyze.SourcePractice, Heuristic: true,
			Good: "述职报告含工作成效、存在问题和下一步打算。", Bad: "述职报告只写工作成效，没有存在问题和下一步打算。"},
		{ID: "structure.section-order", Title: "组成部分顺序与常见顺序不一致", Doc: "组成部分的顺序与该文种的常见顺序不一致",
			Severity: analyze.Info, Group: analyze.GroupStructure, Source: analyze.SourcePractice, Heuristic: true,
			Good: "先写工作成效，再写存在问题，最后写下一步打算。", Bad: "先写下一步打算，再写工作成效。"},
	},
	Run:     runStructure,
	Collect: func(a *analyze.Analysis, res *analyze.Result) { res.Sections = a.Sections() },
}

func runStructure(p *analyze.Pass) error {
	nodes := p.Outline()
	checkHeadingNumbers(p, nodes)
	checkHeadingForms(p)
	checkRunIn(p, nodes)
	for _, f := range analyze.SectionFindings(p.Analysis) {
		p.Report(f)
	}
	return nil
}

var levelNames = [...]string{"", "一级", "二级", "三级", "四级", "五级"}

func levelName(l int) string {
	if l >= 1 && l < len(levelNames) {
		return levelNames[l] + "标题"
	}
	return "标题"
}

// q quotes a marker unless it carries its own brackets: “一、” but （一）.
func qm(m string) string {
	if strings.HasPrefix(m, "（") || strings.HasPrefix(m, "(") {
		return m
	}
	return "“" + m + "”"
}

// renderMarker writes number n in a heading's written form ("N、", "（N）", "⑴" …).
func renderMarker(form string, level, n int) string {
	for _, c := range []rune{'⑴', '①'} {
		if rest, ok := strings.CutPrefix(form, string(c)); ok {
			if n < 1 || n > 20 {
				return segment.WantMarker(level, n)
			}
			return string(c+rune(n-1)) + rest
		}
	}
	num := strconv.Itoa(n)
	if level <= 2 {
		num = segment.ChineseNumeral(n)
	}
	if num == "" || !strings.Contains(form, "N") {
		return segment.WantMarker(level, n)
	}
	return strings.Replace(form, "N", num, 1)
}

// missingList names the markers from..to (inclusive) in a form.
func missingList(render func(int) string, from, to int) string {
	switch {
	case to-from > 1:
		return qm(render(from)) + "至" + qm(render(to))
	case to > from:
		return qm(render(from)) + qm(render(to))
	}
	return qm(render(from))
}

// partBreak reports whether an unnumbered heading-like line or an implicit
// section lies strictly between two paragraphs.
func partBreak(a *analyze.Analysis, from, to int) bool {
	doc := a.Doc
	for pi := from + 1; pi < to && pi < len(doc.Paragraphs); pi++ {
		if p := &doc.Paragraphs[pi]; p.Heading == nil && analyze.HeadingLike(doc, p) {
			return true
		}
	}
	for _, n := range a.Outline() {
		if n.Implicit != "" && n.Para > from && n.Para < to {
			return true
		}
	}
	return false
}

// writtenBetween reports whether a paragraph strictly between two paragraphs
// starts with marker: a heading the parser did not take as one (一、二季度…).
func writtenBetween(doc *segment.Document, from, to int, markers ...string) bool {
	for pi := from + 1; pi < to && pi < len(doc.Paragraphs); pi++ {
		s := doc.Slice(doc.Paragraphs[pi].Span)
		for _, m := range markers {
			if m != "" && strings.HasPrefix(s, m) {
				return true
			}
		}
	}
	return false
}

// parentRef names a node's parent for messages: “一、” or “存在问题”部分.
func parentRef(nodes []analyze.OutlineNode, i int) string {
	pi := nodes[i].Parent
	if pi < 0 {
		return ""
	}
	if nodes[pi].Implicit != "" {
		return "“" + analyze.ImplicitName(nodes[pi].Implicit) + "”部分"
	}
	return qm(nodes[pi].Marker)
}

// checkHeadingNumbers reports gaps, repeats, restarts and reversals among
// siblings (same outline parent and level), and skipped or inverted levels.
func checkHeadingNumbers(p *analyze.Pass, nodes []analyze.OutlineNode) {
	doc := p.Doc
	type key struct{ parent, level int }
	last := map[key]int{}
	deepest := map[int]int{} // parent → index of its deepest-level numbered child so far
	inverted := map[int]bool{}
	for i := range nodes {
		n := &nodes[i]
		h := n.Heading
		if h == nil {
			continue
		}
		k := key{n.Parent, n.Level}
		prevIdx, seen := last[k]
		last[k] = i
		lv := levelName(h.Level)
		written := n.Marker
		render := func(num int) string { return renderMarker(h.Form, h.Level, num) }
		report := func(msg string, want int, rel []analyze.Related) {
			p.Report(analyze.Finding{Rule: "numbering", Span: h.Marker, Message: msg,
				Suggestion: segment.WantMarker(h.Level, want), Related: rel})
		}
		if !seen {
			fromPara := -1
			if n.Parent >= 0 {
				fromPara = nodes[n.Parent].Para
			}
			if h.Number != 1 && !writtenBetween(doc, fromPara, h.Para, segment.WantMarker(h.Level, 1), render(1)) {
				where := ""
				if ref := parentRef(nodes, i); ref != "" {
					where = ref + "之下的"
				}
				report(fmt.Sprintf("%s%s序号应从%s开始，此处为%s", where, lv, qm(render(1)), qm(written)), 1, nil)
			}
		} else {
			prev := nodes[prevIdx].Heading
			pw := nodes[prevIdx].Marker
			rel := []analyze.Related{{Span: prev.Marker, Message: "上一个同级标题"}}
			next := prev.Number + 1
			switch {
			case h.Number == next:
			case h.Number == prev.Number:
				report(fmt.Sprintf("%s序号重复：%s之后又是%s，应为%s", lv, qm(pw), qm(written), qm(render(next))), next, rel)
			case h.Number > next:
				if !writtenBetween(doc, prev.Para, h.Para, segment.WantMarker(h.Level, next), render(next)) {
					report(fmt.Sprintf("%s序号不连续：%s之后是%s，缺少%s", lv, qm(pw), qm(written),
						missingList(render, next, h.Number-1)), next, rel)
				}
			case h.Number == 1:
				if !partBreak(p.Analysis, prev.Para, h.Para) {
					had := qm(render(1))
					if prev.Number > 1 {
						had += "至" + qm(pw)
					}
					where := ""
					if ref := parentRef(nodes, i); ref != "" {
						where = "同在" + ref + "之下，"
					}
					report(fmt.Sprintf("%s序号重新从%s开始：%s前面已有%s，应接续为%s", lv, qm(written), where, had, qm(render(next))), next, rel)
				}
			default:
				report(fmt.Sprintf("%s序号倒退：%s之后是%s，应为%s", lv, qm(pw), qm(written), qm(render(next))), next, rel)
			}
		}
		// Levels.
		if n.Parent < 0 {
			continue
		}
		parent := &nodes[n.Parent]
		if d, ok := deepest[n.Parent]; ok && nodes[d].Level > n.Level && !inverted[n.Parent] && parent.Heading != nil {
			inverted[n.Parent] = true
			p.Report(analyze.Finding{Rule: "numbering", Span: h.Marker,
				Message: fmt.Sprintf("层次颠倒：%s之下先用了%s序号%s，此处又用%s序号%s", qm(parent.Marker),
					levelNames[nodes[d].Level], qm(nodes[d].Marker), levelNames[n.Level], qm(written)),
				Related: []analyze.Related{{Span: nodes[d].Heading.Marker, Message: "较低层级的序号"}}})
		}
		if d, ok := deepest[n.Parent]; !ok || nodes[d].Level <= n.Level {
			deepest[n.Parent] = i
		}
		if seen || parent.Heading == nil || parent.Level != 1 {
			continue
		}
		switch {
		case n.Level == 4:
			p.Report(analyze.Finding{Rule: "numbering", Span: h.Marker,
				Message: fmt.Sprintf("层次跳级：一级标题%s之下直接使用四级序号%s，应使用二级序号%s（仅两个层次时也可用“%s”）",
					qm(parent.Marker), qm(written), segment.WantMarker(2, h.Number), segment.WantMarker(3, h.Number)),
				Suggestion: segment.WantMarker(2, h.Number)})
		case n.Level == 3 && hasGrandchildAt(nodes, n.Parent, 4):
			// 一、 then 1. is accepted practice with two levels; with a
			// third level below, the second level should not be skipped.
			p.Report(analyze.Finding{Rule: "skipped-level", Span: h.Marker,
				Message: fmt.Sprintf("层次跳级：一级标题%s之下跳过二级序号直接使用%s，其下又有四级序号；三个层次时宜依次使用（一）、1.、（1）",
					qm(parent.Marker), qm(written)),
				Suggestion: segment.WantMarker(2, h.Number)})
		}
	}
}

// hasGrandchildAt reports whether a level-4 heading sits under a level-3
// child of node parent.
func hasGrandchildAt(nodes []analyze.OutlineNode, parent, level int) bool {
	for _, n := range nodes {
		if n.Level == level && n.Parent >= 0 && nodes[n.Parent].Parent == parent && nodes[n.Parent].Level == level-1 {
			return true
		}
	}
	return false
}

// formReason explains why a form is wrong, when that is not obvious.
func formReason(form string) string {
	switch {
	case strings.ContainsAny(form, "()"):
		if strings.HasPrefix(form, "N") {
			return "（序号应加成对的全角括号）"
		}
		return "（应使用全角括号）"
	case strings.HasPrefix(form, "（N）") || strings.HasPrefix(form, "⑴") || strings.HasPrefix(form, "①"):
		return "（括号序号后不加标点）"
	case strings.HasPrefix(form, "N）"):
		return "（序号应加成对的全角括号）"
	}
	return ""
}

// checkHeadingForms reports non-standard forms (structure.form) and levels
// whose headings are written in more than one form (structure.mixed).
func checkHeadingForms(p *analyze.Pass) {
	doc := p.Doc
	var byLevel [6][]*segment.Heading
	back := p.BackMatter()
	for _, h := range doc.Headings {
		if doc.Paragraphs[h.Para].Span.Start >= back {
			break // 附件 and 名词解释 lists are not the outline
		}
		if h.Level >= 1 && h.Level <= 5 {
			byLevel[h.Level] = append(byLevel[h.Level], h)
		}
	}
	for level, hs := range byLevel {
		if len(hs) == 0 {
			continue
		}
		count := map[string]int{}
		var forms []string
		for _, h := range hs {
			if count[h.Form] == 0 {
				forms = append(forms, h.Form)
			}
			count[h.Form]++
		}
		lv := levelName(level)
		if len(forms) == 1 {
			for _, h := range hs {
				if h.Correct {
					continue
				}
				w := doc.Slice(h.Marker)
				msg := fmt.Sprintf("%s“%s”不符合 GB/T 9704，应写作“%s”%s", lv, w, h.Want, formReason(h.Form))
				if level == 5 {
					msg = fmt.Sprintf("序号“%s”后不加标点，应写作“%s”", w, h.Want)
				}
				p.Report(analyze.Finding{Rule: "form", Span: h.Marker, Message: msg, Suggestion: h.Want})
			}
			continue
		}
		// Mixed: the most frequent correct form is the reference.
		ref := ""
		for _, f := range forms {
			if isCorrectForm(hs, f) && (ref == "" || count[f] > count[ref]) {
				ref = f
			}
		}
		for _, h := range hs {
			if h.Form == ref {
				continue
			}
			other := ref
			if other == "" { // no correct form at this level: cite the most frequent other form
				for _, f := range forms {
					if f != h.Form && (other == "" || count[f] > count[other]) {
						other = f
					}
				}
			}
			var ex *segment.Heading
			for _, o := range hs {
				if o.Form == other {
					ex = o
					break
				}
			}
			w := doc.Slice(h.Marker)
			sugg := h.Want
			if ref != "" {
				sugg = renderMarker(ref, level, h.Number)
			}
			msg := fmt.Sprintf("%s序号写法不统一：此处为“%s”，第%d行为“%s”", lv, w, doc.Position(ex.Marker.Start).Line, doc.Slice(ex.Marker))
			rule := "mixed-style"
			if !h.Correct {
				msg += fmt.Sprintf("；按 GB/T 9704 应写作“%s”%s", sugg, formReason(h.Form))
				rule = "mixed"
			} else {
				msg += fmt.Sprintf("，宜统一为“%s”", sugg)
			}
			p.Report(analyze.Finding{Rule: rule, Span: h.Marker, Message: msg, Suggestion: sugg,
				Related: []analyze.Related{{Span: ex.Marker, Message: "同级的另一种写法"}}})
		}
	}
}

func isCorrectForm(hs []*segment.Heading, form string) bool {
	for _, h := range hs {
		if h.Form == form {
			return h.Correct
		}
	}
	return false
}

// enumMark is a run-in enumeration marker in a paragraph: 二是, 三要, 第四.
type enumMark struct {
	start, num, numEnd, end int // byte offsets: marker, numeral, numeral end, marker end
	fam                     int // 0 是, 1 要, 2 第N，
}

var enumSuffix = [...]string{"是", "要", "第"}

func isCNNumeral(r rune) bool {
	switch r {
	case '一', '二', '三', '四', '五', '六', '七', '八', '九', '十':
		return true
	}
	return false
}

// scanEnum finds candidate markers: 1–3 numerals followed by 是 or 要, or
// preceded by 第 and followed by ， or 、.
func scanEnum(text string, yield func(enumMark)) {
	for i := 0; i < len(text); {
		r, w := utf8x.DecodeRune(text, i)
		if !isCNNumeral(r) {
			i += w
			continue
		}
		j, n := i, 0
		for j < len(text) {
			r2, w2 := utf8.DecodeRuneInString(text[j:])
			if !isCNNumeral(r2) {
				break
			}
			j += w2
			n++
		}
		if n <= 3 && j < len(text) {
			next, nw := utf8.DecodeRuneInString(text[j:])
			di := strings.HasSuffix(text[:i], "第")
			switch {
			case di && (next == '，' || next == '、'):
				yield(enumMark{i - len("第"), i, j, j, 2})
			case !di && next == '是':
				yield(enumMark{i, i, j, j + nw, 0})
			case !di && next == '要':
				yield(enumMark{i, i, j, j + nw, 1})
			}
		}
		i = j
	}
}

type enumSeq struct {
	last int
	span segment.Span
}

// enumBoundary reports whether r may precede an enumeration marker.
func enumBoundary(r rune) bool {
	switch r {
	case '。', '；', '：', '，', '！', '？', '、', ' ', '\u3000', ';', ':':
		return true
	}
	return false
}

// checkRunIn checks that 一是/二是 (and 一要…, 第一，…) inside paragraphs run
// on without gaps, repeats or reversals. A sequence may run over several
// paragraphs (each starting 二是…); a new 一是 starts a new, possibly nested,
// sequence; a heading or implicit section ends all sequences.
func checkRunIn(p *analyze.Pass, nodes []analyze.OutlineNode) {
	doc := p.Doc
	starts := map[int]bool{}
	for _, n := range nodes {
		starts[n.Para] = true
	}
	var stacks [3][]enumSeq
	for pi := range doc.Paragraphs {
		para := doc.Paragraphs[pi].Span
		for f := range stacks {
			if starts[pi] {
				stacks[f] = stacks[f][:0]
			} else if len(stacks[f]) > 1 { // nesting does not cross paragraphs
				stacks[f] = append(stacks[f][:0], stacks[f][len(stacks[f])-1])
			}
		}
		text := doc.Slice(para)
		var firstIn [3]bool
		scanEnum(text, func(m enumMark) {
			numStr := text[m.num:m.numEnd]
			v, ok := segment.ChineseNumber(numStr)
			if !ok {
				return
			}
			atStart := m.start == 0
			if !atStart && !enumBoundary(lastRuneOf(text[:m.start])) {
				return
			}
			di := m.fam == 2
			if !di && strings.HasPrefix(text[m.end:], numStr) { // 一是一、二是二
				return
			}
			fi := m.fam
			fam := enumSuffix[fi]
			sp := segment.Span{Start: para.Start + m.start, End: para.Start + m.end}
			first := !firstIn[fi]
			firstIn[fi] = true
			st := &stacks[fi]
			mk := func(n int) string {
				if di {
					return "第" + segment.ChineseNumeral(n)
				}
				return segment.ChineseNumeral(n) + fam
			}
			if v == 1 {
				if first {
					*st = (*st)[:0]
				}
				*st = append(*st, enumSeq{1, sp})
				return
			}
			if len(*st) == 0 || first && !atStart && (*st)[len(*st)-1].last+1 != v {
				*st = append((*st)[:0], enumSeq{v, sp})
				return
			}
			fit := -1
			for j := len(*st) - 1; j >= 0; j-- {
				if (*st)[j].last+1 == v {
					fit = j
					break
				}
			}
			if fit >= 0 {
				*st = (*st)[:fit+1]
				(*st)[fit] = enumSeq{v, sp}
				return
			}
			top := &(*st)[len(*st)-1]
			prev, prevSpan := top.last, top.span
			*top = enumSeq{v, sp}
			next := prev + 1
			var msg string
			switch {
			case v > next:
				if strings.Contains(doc.Text[prevSpan.End:sp.Start], mk(next)) {
					return // the missing item is there, written unusually
				}
				msg = fmt.Sprintf("列举序号不连续：“%s”之后是“%s”，缺少%s", mk(prev), mk(v), missingList(mk, next, v-1))
			case v == prev:
				msg = fmt.Sprintf("列举序号重复：“%s”之后又是“%s”，应为“%s”", mk(prev), mk(v), mk(next))
			default:
				msg = fmt.Sprintf("列举序号倒退：“%s”之后是“%s”，应为“%s”", mk(prev), mk(v), mk(next))
			}
			p.Report(analyze.Finding{Rule: "numbering", Span: sp, Message: msg, Suggestion: mk(next),
				Related: []analyze.Related{{Span: prevSpan, Message: "上一项"}}})
		})
	}
}

func lastRuneOf(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
