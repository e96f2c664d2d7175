package analyze

import (
	"fmt"
	"slices"
	"sort"
	"sync/atomic"
	"unicode/utf8"

	"github.com/reportlint/reportlint/analyze/internal/scan"
	"github.com/reportlint/reportlint/internal/par"

	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

// Options select and tune the checks for one run.
type Options struct {
	Checks      []*Check           // checks to run (checks.All runs every one)
	All         []*Check           // every check directives may name; nil means Checks
	MinSeverity Severity           // findings below it are dropped
	Settings    map[string]Setting // by check name or rule id; a rule id wins over its check
	Profile     string             // profile id; "" detects it
	Year        int                // report year; 0 detects it
	Tokenize    func(string) []segment.Token
	Workers     int // checks run on this many goroutines; <= 1: one after another
}

// Run checks one document and returns its result. It never panics: a check
// that panics is reported as an internal error finding.
func Run(doc *segment.Document, lex *lexicon.Lexicon, opt Options) *Result {
	checks := opt.Checks
	a := NewAnalysis(doc, lex, opt.Tokenize)
	res := &Result{Path: doc.Path, Format: string(doc.Format), Encoding: doc.Encoding,
		Chars: utf8.RuneCountInString(doc.Text), Paragraphs: len(doc.Paragraphs), Text: doc.Text}
	a.detect(opt, res)

	ordered := tokensLast(checks)
	per := make([][]Finding, len(ordered))
	// The rune view is dropped once the last check that reads it is done
	// (2.8× the text on a huge file). Tokens stay: a Collect may still
	// build the claims from them (placeholder's completeness).
	var runesLeft atomic.Int64
	for _, c := range ordered {
		if c.NeedsRunes {
			runesLeft.Add(1)
		}
	}
	run := func(i int) {
		c := ordered[i]
		pass := &Pass{Analysis: a, Check: c, report: func(f Finding) { per[i] = append(per[i], f) }}
		if err := runCheck(c, pass); err != nil {
			per[i] = append(per[i], Finding{Check: c.Name, Rule: c.Name + ".internal", Severity: Error,
				Message: fmt.Sprintf("检查 %s 内部错误：%v（请报告此问题）", c.Name, err)})
		}
		if c.NeedsRunes && runesLeft.Add(-1) == 0 {
			a.forget(runesKey)
		}
	}
	// Checks share only facts (Key.Get is safe) and read-only data; each
	// reports into its own slice, joined in order below.
	par.Each(opt.Workers, len(ordered), func(_, i int) { run(i) })
	var findings []Finding
	for _, fs := range per {
		findings = append(findings, fs...)
	}
	res.Findings = finish(a, findings, opt, res)
	collect(a, checks, res)
	return res
}

// tokensLast orders the checks that read no gse tokens first, so that a
// segmenter built in the background (cmd's tokenizer) overlaps with them;
// within each part, those that read the rune view come first, so that it
// is released early. The order of findings does not depend on it: finish
// sorts them.
func tokensLast(checks []*Check) []*Check {
	out := make([]*Check, 0, len(checks))
	for _, tokens := range []bool{false, true} {
		for _, runes := range []bool{true, false} {
			for _, c := range checks {
				if c.NeedsTokens == tokens && c.NeedsRunes == runes {
					out = append(out, c)
				}
			}
		}
	}
	return out
}

func runCheck(c *Check, p *Pass) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return c.Run(p)
}

// collect fills the result's data tables from the checks that ran.
func collect(a *Analysis, checks []*Check, res *Result) {
	for _, c := range checks {
		if c.Collect != nil {
			c.Collect(a, res)
		}
	}
}

// finish positions, filters, suppresses, dedupes and sorts findings.
func finish(a *Analysis, fs []Finding, opt Options, res *Result) []Finding {
	comments := scan.HTMLComments(a.Doc)
	out := fs[:0]
	for _, f := range fs {
		if scan.InSpans(comments, f.Span.Start) && f.Span.Len() > 0 {
			continue // inside <!-- … --> (directives, editor notes)
		}
		if opt.off(f) {
			continue
		}
		place(a, &f, opt)
		out = append(out, f)
	}
	out = supersede(opt.Checks, out)
	// Suppress before the severity filter, so a directive whose findings
	// are merely hidden by --min-severity is not reported as unused.
	out = suppress(a, out, opt, res)
	kept := out[:0]
	for _, f := range out {
		if f.Severity >= opt.MinSeverity {
			kept = append(kept, f)
		}
	}
	out = kept
	sort.SliceStable(out, func(i, j int) bool { return lessFinding(&out[i], &out[j]) })
	dedup := out[:0]
	res.Suppressed = 0
	for i, f := range out {
		if i > 0 {
			p := dedup[len(dedup)-1]
			if p.Span == f.Span && p.Rule == f.Rule && p.Message == f.Message {
				continue
			}
		}
		if f.Suppressed {
			res.Suppressed++
		}
		dedup = append(dedup, f)
	}
	return dedup
}

// place applies severity overrides and fills a finding's positions,
// paragraph number, section and related texts.
func place(a *Analysis, f *Finding, opt Options) {
	doc := a.Doc
	if st, ok := opt.Settings[f.Rule]; ok && st.Severity != nil {
		f.Severity = *st.Severity
	} else if st, ok := opt.Settings[f.Check]; ok && st.Severity != nil {
		f.Severity = *st.Severity
	}
	f.Pos = doc.Position(f.Span.Start)
	f.End = doc.Position(f.Span.End)
	if doc.Format == segment.FormatDocx {
		if pi := doc.ParagraphAt(f.Span.Start); pi >= 0 {
			f.Paragraph = doc.Paragraphs[pi].Number
		}
	}
	if f.Section == "" {
		f.Section = a.SectionName(f.Span.Start)
	}
	for i := range f.Related {
		f.Related[i].Pos = doc.Position(f.Related[i].Start)
		f.Related[i].EndPos = doc.Position(f.Related[i].End)
		if f.Related[i].Text == "" {
			f.Related[i].Text = doc.Slice(f.Related[i].Span)
		}
	}
}

func lessFinding(a, b *Finding) bool {
	if a.Span.Start != b.Span.Start {
		return a.Span.Start < b.Span.Start
	}
	if a.Span.End != b.Span.End {
		return a.Span.End < b.Span.End
	}
	if a.Check != b.Check {
		return a.Check < b.Check
	}
	if a.Rule != b.Rule {
		return a.Rule < b.Rule
	}
	return a.Message < b.Message
}

// off reports whether the user turned a finding's rule (or, without a
// setting for the rule, its check) off.
func (o Options) off(f Finding) bool {
	if st, ok := o.Settings[f.Rule]; ok {
		return st.Off
	}
	return o.Settings[f.Check].Off
}

// supersede drops the findings that a finding with a suggestion replaces
// (Rule.Supersedes): on 规划(2018-2020) date.range's （2018—2020年） also
// fixes punctuation.halfwidth's brackets, so only date.range remains.
func supersede(checks []*Check, fs []Finding) []Finding {
	by := map[string][]string{}
	for _, c := range checks {
		for _, r := range c.Rules {
			if len(r.Supersedes) > 0 {
				by[r.ID] = r.Supersedes
			}
		}
	}
	if len(by) == 0 {
		return fs
	}
	var covers []*Finding
	for i := range fs {
		if fs[i].Suggestion != "" && by[fs[i].Rule] != nil {
			covers = append(covers, &fs[i])
		}
	}
	if len(covers) == 0 {
		return fs
	}
	sort.Slice(covers, func(i, j int) bool { return covers[i].Span.Start < covers[j].Span.Start })
	maxEnd := make([]int, len(covers)) // maxEnd[i]: the largest End of covers[:i+1]
	for i, c := range covers {
		maxEnd[i] = c.Span.End
		if i > 0 && maxEnd[i-1] > maxEnd[i] {
			maxEnd[i] = maxEnd[i-1]
		}
	}
	covered := func(f *Finding) bool {
		i := sort.Search(len(covers), func(i int) bool { return covers[i].Span.Start > f.Span.Start }) - 1
		for ; i >= 0 && maxEnd[i] >= f.Span.End; i-- {
			c := covers[i]
			if c != f && c.Span.End >= f.Span.End && slices.Contains(by[c.Rule], f.Rule) {
				return true
			}
		}
		return false
	}
	drop := make([]bool, len(fs))
	for i := range fs {
		drop[i] = covered(&fs[i])
	}
	out := fs[:0]
	for i := range fs {
		if !drop[i] {
			out = append(out, fs[i])
		}
	}
	return out
}
