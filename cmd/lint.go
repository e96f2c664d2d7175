package cmd

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/reportlint/reportlint/analyze"
	builtin "github.com/reportlint/reportlint/analyze/checks"
	"github.com/reportlint/reportlint/analyze/checks/placeholder"
	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

// lintOptions are the flags shared by check-like commands.
type lintOptions struct {
	Format         string
	FailOn         string
	MinSeverity    string
	Profile        string
	Year           int
	Enable         []string
	Disable        []string
	Severity       map[string]analyze.Severity // from the config file
	ShowSuppressed bool
}

func (o *lintOptions) addFlags(c *cobra.Command, formats []string) {
	f := c.Flags()
	f.StringVarP(&o.Format, "format", "f", formats[0], "输出格式："+strings.Join(formats, "、"))
	f.StringVar(&o.FailOn, "fail-on", "error", "达到此级别的问题时退出码为 1：error、warning、info、never")
	f.StringVar(&o.MinSeverity, "min-severity", "info", "只输出不低于此级别的问题：error、warning、info")
	f.StringVar(&o.Profile, "profile", "", "报告类型（默认自动识别）："+strings.Join(profileIDs(), "、"))
	f.IntVar(&o.Year, "year", 0, "报告年度（默认从标题识别）")
	f.StringSliceVar(&o.Enable, "enable", nil, "只运行这些检查（逗号分隔）："+strings.Join(builtin.Names(), "、"))
	f.StringSliceVar(&o.Disable, "disable", nil, "不运行这些检查（逗号分隔）")
	f.BoolVar(&o.ShowSuppressed, "show-suppressed", false, "也输出被 reportlint-disable 指令忽略的问题（sarif 总是输出并标明）")
}

func profileIDs() []string {
	lex, err := lexicon.Default()
	if err != nil {
		return nil
	}
	var ids []string
	for _, p := range lex.Profiles {
		ids = append(ids, p.ID)
	}
	return ids
}

func (o *lintOptions) validate(formats []string) error {
	ok := false
	for _, f := range formats {
		ok = ok || f == o.Format
	}
	if !ok {
		return usageError("未知的输出格式 %q（可选：%s）", o.Format, strings.Join(formats, "、"))
	}
	if o.FailOn != "never" {
		if _, err := analyze.ParseSeverity(o.FailOn); err != nil {
			return usageError("--fail-on：%v", err)
		}
	}
	if _, err := analyze.ParseSeverity(o.MinSeverity); err != nil {
		return usageError("--min-severity：%v", err)
	}
	for _, n := range append(append([]string{}, o.Enable...), o.Disable...) {
		if builtin.Lookup(n) == nil {
			return usageError("未知的检查 %q（可选：%s）", n, strings.Join(builtin.Names(), "、"))
		}
	}
	if o.Year != 0 && (o.Year < 1949 || o.Year > 2100) {
		return usageError("--year %d 不是有效的年份", o.Year)
	}
	return nil
}

// checks resolves --enable/--disable against a default set.
func (o *lintOptions) checks(base []*analyze.Check) []*analyze.Check {
	var out []*analyze.Check
	for _, c := range base {
		if len(o.Enable) > 0 && !contains(o.Enable, c.Name) {
			continue
		}
		if contains(o.Disable, c.Name) {
			continue
		}
		out = append(out, c)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (o *lintOptions) analyzeOptions(lex *lexicon.Lexicon, checks []*analyze.Check) (analyze.Options, error) {
	min, _ := analyze.ParseSeverity(o.MinSeverity)
	opt := analyze.Options{Checks: checks, All: builtin.All, MinSeverity: min, Year: o.Year, Profile: o.Profile, Severity: o.Severity}
	if o.Profile != "" {
		found := false
		for _, p := range lex.Profiles {
			found = found || p.ID == o.Profile
		}
		if !found {
			var ids []string
			for _, p := range lex.Profiles {
				ids = append(ids, p.ID)
			}
			return opt, usageError("未知的报告类型 %q（可选：%s）", o.Profile, strings.Join(ids, "、"))
		}
	}
	return opt, nil
}

// exitCode applies --fail-on to the results; unreadable files give 2.
func (o *lintOptions) exitCode(results []*analyze.Result) error {
	for _, r := range results {
		if r.Err != nil {
			return &exitError{code: ExitInput}
		}
	}
	if o.FailOn == "never" {
		return nil
	}
	th, _ := analyze.ParseSeverity(o.FailOn)
	for _, r := range results {
		for _, f := range r.Findings {
			if !f.Suppressed && f.Severity >= th {
				return &exitError{code: ExitFindings}
			}
		}
	}
	return nil
}

// loadDocs reads every path; unreadable files become results with Err set.
func (app *App) loadDocs(paths []string) ([]*segment.Document, []*analyze.Result) {
	docs := make([]*segment.Document, len(paths))
	bad := make([]*analyze.Result, len(paths))
	for i, p := range paths {
		d, err := segment.LoadFile(p, app.In, app.loadOptions())
		if err != nil {
			var ie *segment.InputError
			if !errors.As(err, &ie) {
				err = &segment.InputError{Path: p, Reason: err.Error()}
			}
			bad[i] = &analyze.Result{Path: p, Err: err}
			continue
		}
		docs[i] = d
	}
	return docs, bad
}

// tokenizer returns a lazily built gse tokenizer for these texts: the
// input-filtered dictionary for small inputs, the full one for large.
func tokenizer(lex *lexicon.Lexicon, docs []*segment.Document) func(string) []segment.Token {
	var once sync.Once
	var seg *segment.Segmenter
	return func(s string) []segment.Token {
		once.Do(func() {
			var texts []string
			total := 0
			for _, d := range docs {
				if d != nil {
					texts = append(texts, d.Text)
					total += len(d.Text)
				}
			}
			if total > segment.FilterLimit {
				seg = segment.NewFullSegmenter(lex.SegmentTerms())
			} else {
				seg = segment.NewSegmenterFor(texts, lex.SegmentTerms())
			}
		})
		return seg.Tokens(s)
	}
}

// lint loads the paths and runs the checks, keeping input order.
func (app *App) lint(paths []string, o *lintOptions, base []*analyze.Check) ([]*analyze.Result, error) {
	lex, err := app.lexicon()
	if err != nil {
		return nil, err
	}
	checks := o.checks(base)
	opt, err := o.analyzeOptions(lex, checks)
	if err != nil {
		return nil, err
	}
	docs, bad := app.loadDocs(paths)
	for _, c := range checks {
		if c.NeedsTokens { // placeholders alone never loads the dictionary
			opt.Tokenize = tokenizer(lex, docs)
			break
		}
	}
	results := make([]*analyze.Result, len(paths))
	for i, d := range docs {
		if d == nil {
			results[i] = bad[i]
			fmt.Fprintln(app.Err, "reportlint:", bad[i].Err)
			continue
		}
		results[i] = analyze.Run(d, lex, opt)
	}
	return results, nil
}

// severityCounts counts unsuppressed findings by severity.
func severityCounts(fs []analyze.Finding) (errs, warns, infos int) {
	for _, f := range fs {
		if f.Suppressed {
			continue
		}
		switch f.Severity {
		case analyze.Error:
			errs++
		case analyze.Warning:
			warns++
		default:
			infos++
		}
	}
	return
}

func sortedKeys[M ~map[string]V, V any](m M) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// shown drops suppressed findings unless --show-suppressed; SARIF always
// carries them (marked as suppressions). Results are copied, not modified.
func (o *lintOptions) shown(results []*analyze.Result) []*analyze.Result {
	if o.ShowSuppressed || o.Format == "sarif" {
		return results
	}
	out := make([]*analyze.Result, len(results))
	for i, r := range results {
		if r.Suppressed == 0 {
			out[i] = r
			continue
		}
		c := *r
		c.Findings = make([]analyze.Finding, 0, len(r.Findings))
		hidden := map[segment.Span]bool{} // suppressed blanks leave the placeholder list too
		for _, f := range r.Findings {
			if !f.Suppressed {
				c.Findings = append(c.Findings, f)
			} else if f.Check == placeholder.Check.Name {
				hidden[f.Span] = true
			}
		}
		if len(hidden) > 0 {
			c.Placeholders = nil
			for _, p := range r.Placeholders {
				if !hidden[p.Span] {
					c.Placeholders = append(c.Placeholders, p)
				}
			}
		}
		out[i] = &c
	}
	return out
}
