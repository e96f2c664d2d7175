package cmd

import (
	"errors"
	"fmt"
	"runtime"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/internal/termsafe"
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
	Settings       map[string]analyze.Setting // from the config file's rules and severity
	ShowSuppressed bool

	profileFrom string // config file that set the profile, for its error
	profileLine int
	hidden      map[*analyze.Result]*[3]int // by shown result: findings below --min-severity, by severity
}

func (o *lintOptions) addFlags(c *cobra.Command, formats []string) {
	f := c.Flags()
	f.StringVarP(&o.Format, "format", "f", formats[0], "输出格式："+strings.Join(formats, "、"))
	f.StringVar(&o.FailOn, "fail-on", "error", "达到此级别的问题时退出码为 1：error、warning、info、never")
	f.StringVar(&o.MinSeverity, "min-severity", "info", "只输出不低于此级别的问题：error、warning、info")
	f.StringVar(&o.Profile, "profile", "", "报告类型（默认自动识别）："+strings.Join(profileIDs(), "、"))
	f.IntVar(&o.Year, "year", 0, "报告年度（默认从标题识别）")
	f.StringSliceVar(&o.Enable, "enable", nil, "只运行这些检查或规则（逗号分隔，检查名或规则编号，见 reportlint rules）："+strings.Join(checkNames(), "、"))
	f.StringSliceVar(&o.Disable, "disable", nil, "不运行这些检查或规则（逗号分隔，检查名或规则编号）")
	sup := "也输出被 reportlint-disable 指令忽略的问题"
	if contains(formats, "sarif") {
		sup += "（sarif 总是输出并标明）"
	}
	f.BoolVar(&o.ShowSuppressed, "show-suppressed", false, sup)
	fixed := func(vals ...string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return vals, cobra.ShellCompDirectiveNoFileComp
		}
	}
	ids := func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		// comma-separated lists: complete the last item, keep the others
		prefix := ""
		if i := strings.LastIndex(toComplete, ","); i >= 0 {
			prefix = toComplete[:i+1]
		}
		var out []string
		for _, id := range ruleIDs() {
			out = append(out, prefix+id)
		}
		return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
	}
	c.RegisterFlagCompletionFunc("format", fixed(formats...))
	c.RegisterFlagCompletionFunc("fail-on", fixed("error", "warning", "info", "never"))
	c.RegisterFlagCompletionFunc("min-severity", fixed("error", "warning", "info"))
	c.RegisterFlagCompletionFunc("profile", fixed(profileIDs()...))
	c.RegisterFlagCompletionFunc("enable", ids)
	c.RegisterFlagCompletionFunc("disable", ids)
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
	o.Format = strings.ToLower(strings.TrimSpace(o.Format))
	if o.Format == "tree" || o.Format == "table" {
		// structure prints a tree, the others a table: accept either name
		if contains(formats, "tree") {
			o.Format = "tree"
		} else if contains(formats, "table") {
			o.Format = "table"
		}
	}
	if !contains(formats, o.Format) {
		return usageError("未知的输出格式 %q（可选：%s）", o.Format, strings.Join(formats, "、"))
	}
	o.FailOn = strings.ToLower(strings.TrimSpace(o.FailOn))
	if o.FailOn != "never" {
		if _, err := analyze.ParseSeverity(o.FailOn); err != nil {
			return usageError("--fail-on：未知的级别 %q（可选 error、warning、info、never）", o.FailOn)
		}
	}
	if _, err := analyze.ParseSeverity(o.MinSeverity); err != nil {
		return usageError("--min-severity：%v", err)
	}
	for _, n := range o.Enable {
		if !registry().Known(n) {
			return usageError("%s", unknownIDError("--enable", n))
		}
	}
	for _, n := range o.Disable {
		if !registry().Known(n) {
			return usageError("%s", unknownIDError("--disable", n))
		}
	}
	if o.Year != 0 && (o.Year < 1949 || o.Year > 2100) {
		return usageError("--year %d 不是有效的年份（应在 1949 到 2100 之间）", o.Year)
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
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

// tokenizer returns a gse tokenizer for these texts and starts building
// its segmenter at once, in the background, so that the dictionary load
// overlaps the checks that need no tokens; the first call waits for it. The
// dictionary is filtered to the texts' distinct content, or is the full
// one when their vocabulary is too large (segment.NewSegmenterFor). A
// panic while building is raised again in every call, as a lazy build
// would have raised it in the check that asked.
func tokenizer(lex *lexicon.Lexicon, docs []*segment.Document) func(string) []segment.Token {
	var texts []string
	for _, d := range docs {
		if d != nil {
			texts = append(texts, d.Text)
		}
	}
	var (
		seg    *segment.Segmenter
		failed any
		done   = make(chan struct{})
	)
	go func() {
		defer close(done)
		defer func() { failed = recover() }()
		seg = segment.NewSegmenterFor(texts, lex.SegmentTerms())
	}()
	return func(s string) []segment.Token {
		<-done
		if failed != nil {
			panic(failed)
		}
		return seg.Tokens(s)
	}
}

// lint loads the paths and runs the checks, keeping input order.
func (app *App) lint(paths []string, o *lintOptions, base []*analyze.Check) ([]*analyze.Result, error) {
	lex, opt, err := app.setup(o, base)
	if err != nil {
		return nil, err
	}
	docs, bad := app.loadDocs(paths)
	checkable := false
	for i, d := range docs {
		if d != nil && blankDocument(d.Text) {
			bad[i] = &analyze.Result{Path: d.Path, Format: string(d.Format), Err: &emptyDocError{d.Path}}
			docs[i] = nil
		}
		checkable = checkable || docs[i] != nil
	}
	for _, c := range opt.Checks {
		if c.NeedsTokens && checkable { // placeholders alone never loads the dictionary
			opt.Tokenize = tokenizer(lex, docs)
			break
		}
	}
	// Run every severity: the header counts and --fail-on see all
	// findings; shown applies --min-severity to what is listed.
	opt.MinSeverity = analyze.Info
	// One report's checks share the cores (audit parallelises across
	// reports instead).
	opt.Workers = runtime.GOMAXPROCS(0)
	app.ran = map[string]bool{}
	for _, c := range opt.Checks {
		app.ran[c.Name] = true
	}
	results := make([]*analyze.Result, len(paths))
	for i, d := range docs {
		if d == nil {
			results[i] = bad[i]
			fmt.Fprintln(app.Err, "reportlint:", termsafe.String(bad[i].Err.Error()))
			continue
		}
		results[i] = runBounded(d, lex, opt)
		results[i].Chars = wordCount(d.Text)
		app.hideInternal(results[i])
	}
	return results, nil
}

// emptyDocError is a document with nothing to check: an input problem
// (exit 2), never a silent all-clear.
type emptyDocError struct{ Path string }

func (e *emptyDocError) Error() string {
	return e.Path + "：文档为空（只有空白、空行或注释），没有可检查的内容。请确认文件选对了、内容已保存"
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

// shown drops suppressed findings unless --show-suppressed (SARIF always
// carries them, marked as suppressions) and findings below --min-severity,
// counting those in o.hidden. Results are copied, not modified.
func (o *lintOptions) shown(results []*analyze.Result) []*analyze.Result {
	min, _ := analyze.ParseSeverity(o.MinSeverity)
	keepSuppressed := o.ShowSuppressed || o.Format == "sarif"
	out := make([]*analyze.Result, len(results))
	for i, r := range results {
		below := false
		for _, f := range r.Findings {
			below = below || f.Severity < min
		}
		if (r.Suppressed == 0 || keepSuppressed) && !below {
			out[i] = r
			continue
		}
		c := *r
		c.Findings = make([]analyze.Finding, 0, len(r.Findings))
		hidden := map[segment.Span]bool{} // suppressed blanks leave the placeholder list too
		for _, f := range r.Findings {
			switch {
			case f.Severity < min:
				if !f.Suppressed {
					o.noteHidden(&c, f.Severity)
				}
			case !f.Suppressed || keepSuppressed:
				c.Findings = append(c.Findings, f)
			case f.Check == placeholderName:
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

// noteHidden counts one unsuppressed finding of r left out by --min-severity.
func (o *lintOptions) noteHidden(r *analyze.Result, s analyze.Severity) {
	if o.hidden == nil {
		o.hidden = map[*analyze.Result]*[3]int{}
	}
	h := o.hidden[r]
	if h == nil {
		h = &[3]int{}
		o.hidden[r] = h
	}
	h[s]++
}
