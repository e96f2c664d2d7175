package analyze

import (
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
	comments := scan.HTMLComments(doc)
	for _, c := range comments {
		body := strings.TrimSuffix(strings.TrimPrefix(text[c.Start:c.End], "<!--"), "-->")
		if !strings.HasPrefix(strings.TrimSpace(body), directivePrefix) {
			continue
		}
		d := parseDirective(body, c, false, known)
		out = append(out, d)
		if d.kind == dirEnable {
			closeRegions(d, out[:len(out)-1])
			continue
		}
		switch d.kind {
		case dirDisable:
			setRange(d, c.Start, len(text)+1)
		case dirDisableLine:
			setRange(d, lineStart(text, c.Start), lineEnd(text, c.End)+1)
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
				from, to = lineStart(text, sp.Start), lineEnd(text, sp.End)+1
			}
			setRange(d, from, to)
		}
	}
	return out
}

// closeRegions ends the open disable regions an enable names.
func closeRegions(en *directive, before []*directive) {
	names := en.targets
	for _, d := range before {
		if d.kind != dirDisable {
			continue
		}
		for i := range d.targets {
			t := &d.targets[i]
			if t.to <= en.span.Start {
				continue // already closed
			}
			if len(names) == 0 && len(en.problems) == 0 { // a bare reportlint-enable ends every region
				t.to = en.span.Start
				en.closes = true
			}
			for j := range names {
				if names[j].name == t.name || names[j].name == t.check {
					t.to = en.span.Start
					names[j].used = true
					en.closes = true
				}
			}
		}
	}
}

func setRange(d *directive, from, to int) {
	for i := range d.targets {
		d.targets[i].from, d.targets[i].to = from, to
	}
}

func lineStart(text string, off int) int { return strings.LastIndexByte(text[:off], '\n') + 1 }

func lineEnd(text string, off int) int {
	if i := strings.IndexByte(text[off:], '\n'); i >= 0 {
		return off + i
	}
	return len(text)
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
	for pi, p := range doc.Paragraphs {
		for _, cm := range p.Comments {
			if !strings.HasPrefix(strings.TrimSpace(cm), directivePrefix) {
				continue
			}
			d := parseDirective(cm, p.Span, true, known)
			out = append(out, d)
			switch d.kind {
			case dirDisable, dirDisableLine:
				setRange(d, lineStart(text, p.Span.Start), lineEnd(text, p.Span.End)+1)
			case dirDisableFile:
				setRange(d, 0, len(text)+1)
			case dirDisableNextLine:
				if pi+1 < len(doc.Paragraphs) {
					q := doc.Paragraphs[pi+1].Span
					setRange(d, lineStart(text, q.Start), lineEnd(text, q.End)+1)
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
	for i := range fs {
		f := &fs[i]
		if f.Check == suppressionName {
			continue
		}
		for _, d := range dirs {
			for j := range d.targets {
				t := &d.targets[j]
				if d.kind == dirEnable || (t.name != f.Check && t.name != f.Rule) || f.Span.Start < t.from || f.Span.Start >= t.to {
					continue
				}
				t.used = true
				if !f.Suppressed {
					f.Suppressed, f.Reason = true, d.reason
				}
			}
		}
	}
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
