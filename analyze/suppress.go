package analyze

import (
	"container/heap"
	"fmt"
	"github.com/reportlint/reportlint/analyze/internal/scan"
	"sort"
	"strings"

	"github.com/reportlint/reportlint/segment"
)

// Suppression directives.
//
// In .txt and .md files a directive is an HTML comment:
//
//	<!-- reportlint-disable CHECK[,CHECK…]: 原因 -->            from the comment to the end of the file,
//	                                                             or to a matching reportlint-enable
//	<!-- reportlint-enable [CHECK,…] -->                        ends those regions (no names: all of them)
//	<!-- reportlint-disable-line CHECK: 原因 -->                 the line holding the comment
//	<!-- reportlint-disable-next-line CHECK: 原因 -->            the next line that is not blank or only comments
//	<!-- reportlint-disable-file CHECK: 原因 -->                 the whole file, wherever the comment stands
//
// In a .docx the directive is the text of a Word comment: reportlint-disable
// (or -line) applies to the paragraph the comment is anchored on,
// reportlint-disable-next-line to the paragraph after it, and
// reportlint-disable-file to the whole document.
//
// CHECK is a check name (placeholder) or a rule id (placeholder.number);
// several are separated by commas (, ， 、) or spaces. The reason follows a
// colon (: or ：) and is required: a directive without one suppresses
// nothing. A finding is covered when its start offset lies in the range.

// suppressionName is the check whose rules report problems with directives
// (package checks/suppression declares them); the engine is here.
const suppressionName = "suppression"

// Directive kinds.
const (
	dirDisable         = "disable"
	dirDisableLine     = "disable-line"
	dirDisableNextLine = "disable-next-line"
	dirDisableFile     = "disable-file"
	dirEnable          = "enable"
)

const directivePrefix = "reportlint-"

// directive is one parsed reportlint-… comment.
type directive struct {
	kind    string
	raw     string       // the directive text, for messages
	span    segment.Span // the comment (txt/md) or the anchored paragraph (docx)
	docx    bool
	reason  string
	targets []target
	// problems found while parsing: rule (no-reason, unknown-check, malformed) and message.
	problems []problem
	// closes records, for an enable, whether it ended any region.
	closes bool
}

// target is one name of a directive and the text range it covers.
type target struct {
	name     string
	check    string // the check the name belongs to
	from, to int    // covered start offsets: from <= off < to
	used     bool
}

type problem struct{ rule, msg string }

// splitDirective parses the body of a directive (text after "reportlint-").
// It returns the kind, the names and the reason; ok is false when the kind
// is not one of the known ones.
func splitDirective(body string) (kind string, names []string, reason string, hasColon bool) {
	end := strings.IndexFunc(body, func(r rune) bool { return isNameSep(r) || r == ':' || r == '：' })
	if end < 0 {
		end = len(body)
	}
	kind, rest := body[:end], body[end:]
	if i := strings.IndexAny(rest, ":："); i >= 0 {
		hasColon = true
		reason = rest[i:]
		reason = strings.TrimPrefix(strings.TrimPrefix(reason, ":"), "：")
		rest = rest[:i]
	}
	names = strings.FieldsFunc(rest, isNameSep)
	reason = strings.TrimFunc(reason, func(r rune) bool {
		return isNameSep(r) || strings.ContainsRune("-—–。.…", r)
	})
	return kind, names, reason, hasColon
}

func isNameSep(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', ',', '，', '、', '\u3000', '\u00a0':
		return true
	}
	return false
}

// parseDirective reads one directive's text; known decides which names exist.
func parseDirective(text string, span segment.Span, docx bool, known func(string) bool) *directive {
	raw := strings.Join(strings.Fields(text), " ")
	d := &directive{raw: raw, span: span, docx: docx}
	kind, names, reason, hasColon := splitDirective(strings.TrimPrefix(strings.TrimSpace(text), directivePrefix))
	d.kind, d.reason = kind, reason
	switch kind {
	case dirDisable, dirDisableLine, dirDisableNextLine, dirDisableFile:
	case dirEnable:
		if docx {
			d.problems = append(d.problems, problem{"malformed",
				"Word 批注中不支持 reportlint-enable：批注形式的 reportlint-disable 只作用于所批注的段落，无需结束"})
			return d
		}
	default:
		d.problems = append(d.problems, problem{"malformed", fmt.Sprintf(
			"无法识别的指令“%s%s”（可用：reportlint-disable、reportlint-disable-line、reportlint-disable-next-line、reportlint-disable-file、reportlint-enable），此指令不生效",
			directivePrefix, kind)})
		return d
	}
	for _, n := range names {
		switch {
		case known(n):
			check, _, _ := strings.Cut(n, ".")
			d.targets = append(d.targets, target{name: n, check: check})
		case n == suppressionName || strings.HasPrefix(n, suppressionName+"."):
			d.problems = append(d.problems, problem{"unknown-check",
				"忽略指令不能忽略 suppression 自身的问题；如确需关闭，请用 --disable suppression 或配置文件的 disable"})
		case !hasColon && strings.IndexFunc(n, func(r rune) bool { return r > 0x7f }) >= 0:
			d.problems = append(d.problems, problem{"unknown-check", fmt.Sprintf(
				"未知的检查“%s”：原因应写在冒号之后，如 reportlint-%s placeholder: %s", n, kind, n)})
		default:
			d.problems = append(d.problems, problem{"unknown-check", fmt.Sprintf(
				"未知的检查或规则“%s”（检查名见 reportlint check --help，规则名形如 placeholder.number），此项不生效", n)})
		}
	}
	if kind == dirEnable {
		return d
	}
	if len(names) == 0 {
		d.problems = append(d.problems, problem{"malformed", fmt.Sprintf(
			"指令没有写要忽略的检查，不生效：应为 reportlint-%s 检查名: 原因，如 reportlint-%s placeholder: 数据待统计部门发布", kind, kind)})
		d.targets = nil
		return d
	}
	if reason == "" {
		example := "检查名"
		if len(d.targets) > 0 {
			var ns []string
			for _, t := range d.targets {
				ns = append(ns, t.name)
			}
			example = strings.Join(ns, ",")
		}
		d.problems = append(d.problems, problem{"no-reason", fmt.Sprintf(
			"忽略指令缺少原因，不生效：请在检查名后写“: 原因”，如 reportlint-%s %s: 数据待统计部门发布", kind, example)})
		d.targets = nil
	}
	return d
}

// directives finds every directive of a document, in text order, with the
// ranges their targets cover.
func directives(doc *segment.Document, known func(string) bool) []*directive {
	if doc.Format == segment.FormatDocx {
		return docxDirectives(doc, known)
	}
	text := doc.Text
	var out []*directive
	var real []int
	open := newOpenRegions()
	comments := scan.HTMLComments(doc)
	for _, c := range comments {
		body := strings.TrimSuffix(strings.TrimPrefix(text[c.Start:c.End], "<!--"), "-->")
		if !strings.HasPrefix(strings.TrimSpace(body), directivePrefix) {
			continue
		}
		d := parseDirective(body, c, false, known)
		out = append(out, d)
		if d.kind == dirEnable {
			open.close(d)
			continue
		}
		switch d.kind {
		case dirDisable:
			setRange(d, c.Start, len(text)+1)
			open.add(d)
		case dirDisableLine:
			setRange(d, doc.LineSpan(c.Start).Start, doc.LineSpan(c.End).End+1)
		case dirDisableFile:
			setRange(d, 0, len(text)+1)
		case dirDisableNextLine:
			if real == nil {
				real = realParagraphs(doc, comments)
			}
			from, to := -1, -1
			pi := sort.Search(len(doc.Paragraphs), func(i int) bool { return doc.Paragraphs[i].Span.Start >= c.End })
			if q := real[pi]; q >= 0 {
				sp := doc.Paragraphs[q].Span
				from, to = doc.LineSpan(sp.Start).Start, doc.LineSpan(sp.End).End+1
			}
			setRange(d, from, to)
		}
	}
	return out
}

// openRegions indexes the open disable regions by target name and by
// check, so an enable touches only the regions it names. Closed targets
// are dropped from a list when the list is walked.
type openRegions struct {
	all    []*target
	byName map[string][]*target
}

func newOpenRegions() *openRegions { return &openRegions{byName: map[string][]*target{}} }

func (o *openRegions) add(d *directive) {
	for i := range d.targets {
		t := &d.targets[i]
		o.all = append(o.all, t)
		o.byName[t.name] = append(o.byName[t.name], t)
		if t.check != t.name {
			o.byName[t.check] = append(o.byName[t.check], t)
		}
	}
}

// close ends the open regions an enable names (a bare, well-formed
// reportlint-enable ends every region).
func (o *openRegions) close(en *directive) {
	at := en.span.Start
	if len(en.targets) == 0 && len(en.problems) == 0 {
		work(len(o.all))
		for _, t := range o.all {
			if t.to > at {
				t.to = at
				en.closes = true
			}
		}
		o.all = nil
		clear(o.byName)
		return
	}
	seen := map[string]bool{} // a name listed twice is walked once
	for j := range en.targets {
		n := &en.targets[j]
		if used, ok := seen[n.name]; ok {
			n.used = n.used || used
			continue
		}
		work(len(o.byName[n.name]) + 1)
		for _, t := range o.byName[n.name] {
			if t.to >= at { // still open, or closed by an earlier name of this enable
				t.to = at
				n.used = true
				en.closes = true
			}
		}
		seen[n.name] = n.used
	}
	for _, n := range en.targets { // every listed target is closed now
		delete(o.byName, n.name)
	}
}

func setRange(d *directive, from, to int) {
	for i := range d.targets {
		d.targets[i].from, d.targets[i].to = from, to
	}
}

// realParagraphs maps each paragraph index (and len) to the index of the
// first paragraph at or after it that is not only comments, or -1.
func realParagraphs(doc *segment.Document, comments []segment.Span) []int {
	n := len(doc.Paragraphs)
	real := make([]int, n+1)
	real[n] = -1
	for i := n - 1; i >= 0; i-- {
		if onlyComments(doc.Text, doc.Paragraphs[i].Span, comments) {
			real[i] = real[i+1]
		} else {
			real[i] = i
		}
	}
	return real
}

// onlyComments reports whether sp holds nothing but HTML comments and space.
// comments are sorted and disjoint.
func onlyComments(text string, sp segment.Span, comments []segment.Span) bool {
	off := sp.Start
	for k := sort.Search(len(comments), func(i int) bool { return comments[i].End > off }); k < len(comments) && comments[k].Start < sp.End; k++ {
		c := comments[k]
		if c.Start > off && strings.TrimSpace(text[off:c.Start]) != "" {
			return false
		}
		off = max(off, c.End)
	}
	return off >= sp.End || strings.TrimSpace(text[off:sp.End]) == ""
}

func docxDirectives(doc *segment.Document, known func(string) bool) []*directive {
	var out []*directive
	text := doc.Text
	line := func(sp segment.Span) (int, int) { return doc.LineSpan(sp.Start).Start, doc.LineSpan(sp.End).End + 1 }
	for pi, p := range doc.Paragraphs {
		for _, cm := range p.Comments {
			if !strings.HasPrefix(strings.TrimSpace(cm), directivePrefix) {
				continue
			}
			d := parseDirective(cm, p.Span, true, known)
			out = append(out, d)
			switch d.kind {
			case dirDisable, dirDisableLine:
				from, to := line(p.Span)
				setRange(d, from, to)
			case dirDisableFile:
				setRange(d, 0, len(text)+1)
			case dirDisableNextLine:
				if pi+1 < len(doc.Paragraphs) {
					from, to := line(doc.Paragraphs[pi+1].Span)
					setRange(d, from, to)
				} else {
					setRange(d, -1, -1)
				}
			}
		}
	}
	return out
}

// suppress marks findings silenced by reportlint directives and appends the
// suppression check's findings about the directives themselves.
func suppress(a *Analysis, fs []Finding, opt Options, res *Result) []Finding {
	known := opt.All
	if known == nil {
		known = opt.Checks
	}
	dirs := directives(a.Doc, func(name string) bool {
		check, _, _ := strings.Cut(name, ".")
		return check != suppressionName && Known(known, name)
	})
	if len(dirs) == 0 {
		return fs
	}
	markSuppressed(fs, dirs)
	meta := Lookup(opt.Checks, suppressionName)
	if meta == nil {
		return fs
	}
	for _, d := range dirs {
		report := func(rule, msg string) {
			f := Finding{Check: suppressionName, Rule: suppressionName + "." + rule, Span: d.span, Message: msg}
			if r := meta.rule(f.Rule); r != nil {
				f.Severity, f.Group = r.Severity, r.Group
			}
			if d.docx {
				f.Text = "批注：" + d.raw
			} else {
				f.Text = a.Doc.Slice(d.span)
			}
			place(a, &f, opt)
			fs = append(fs, f)
		}
		for _, p := range d.problems {
			report(p.rule, p.msg)
		}
		if d.kind == dirEnable {
			if !d.closes && len(d.problems) == 0 {
				report("unused", "reportlint-enable 前没有对应的 reportlint-disable，此指令无作用，可删除")
			}
			continue
		}
		for _, t := range d.targets {
			if !t.used && Lookup(opt.Checks, t.check) != nil {
				report("unused", fmt.Sprintf("忽略指令 reportlint-%s 中的“%s”没有忽略任何问题（%s），可删除", d.kind, t.name, unusedWhy(d)))
			}
		}
	}
	return fs
}

// interval is one target's covered range; dir is its directive's index.
type interval struct {
	from, to, dir int
	t             *target
}

// markSuppressed marks each finding covered by a directive target naming
// its check or rule (the reason is the first such directive's), and marks
// the targets that cover any finding as used. Per name, intervals and
// finding offsets are sorted and swept: O((findings + targets) log n).
func markSuppressed(fs []Finding, dirs []*directive) {
	byName := map[string][]interval{}
	for di, d := range dirs {
		if d.kind == dirEnable {
			continue
		}
		for j := range d.targets {
			if t := &d.targets[j]; t.from < t.to {
				byName[t.name] = append(byName[t.name], interval{t.from, t.to, di, t})
			}
		}
	}
	work(len(fs) + len(dirs))
	type point struct{ off, fi int }
	points := map[string][]point{}
	for i, f := range fs {
		if f.Check == suppressionName {
			continue
		}
		for k, name := range []string{f.Check, f.Rule} {
			if _, ok := byName[name]; ok && (k == 0 || name != f.Check) {
				points[name] = append(points[name], point{f.Span.Start, i})
			}
		}
	}
	first := make([]int, len(fs)) // index of the first directive covering each finding, or -1
	for i := range first {
		first[i] = -1
	}
	for name, ps := range points {
		ivs := byName[name]
		work(len(ivs) + len(ps)) // each then costs O(log n): sorts, searches, heap
		sort.SliceStable(ivs, func(i, j int) bool { return ivs[i].from < ivs[j].from })
		sort.SliceStable(ps, func(i, j int) bool { return ps[i].off < ps[j].off })
		for _, iv := range ivs {
			k := sort.Search(len(ps), func(k int) bool { return ps[k].off >= iv.from })
			if k < len(ps) && ps[k].off < iv.to {
				iv.t.used = true
			}
		}
		// Sweep: live holds the intervals begun so far, the lowest
		// directive index on top; ended ones are dropped when they surface.
		live := &intervalHeap{}
		next := 0
		for _, p := range ps {
			for ; next < len(ivs) && ivs[next].from <= p.off; next++ {
				heap.Push(live, ivs[next])
			}
			for live.Len() > 0 && (*live)[0].to <= p.off {
				heap.Pop(live)
			}
			if live.Len() > 0 {
				if d := (*live)[0].dir; first[p.fi] < 0 || d < first[p.fi] {
					first[p.fi] = d
				}
			}
		}
	}
	for i := range fs {
		if f := &fs[i]; first[i] >= 0 && !f.Suppressed {
			f.Suppressed, f.Reason = true, dirs[first[i]].reason
		}
	}
}

// intervalHeap is a min-heap of intervals by directive index.
type intervalHeap []interval

func (h intervalHeap) Len() int           { return len(h) }
func (h intervalHeap) Less(i, j int) bool { return h[i].dir < h[j].dir }
func (h intervalHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *intervalHeap) Push(x any)        { *h = append(*h, x.(interval)) }
func (h *intervalHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func unusedWhy(d *directive) string {
	switch d.kind {
	case dirDisableNextLine:
		if d.docx {
			return "下一段没有这类问题"
		}
		return "下一行没有这类问题"
	case dirDisableLine:
		return "本行没有这类问题"
	case dirDisable:
		if d.docx {
			return "所批注的段落没有这类问题"
		}
		return "此后没有这类问题"
	}
	return "全文没有这类问题"
}
