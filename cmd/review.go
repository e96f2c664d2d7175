package cmd

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/docxout"
	"github.com/reportlint/reportlint/internal/safefile"
	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

// checkCmdFormats are check's formats: the shared ones and docx (a reviewed
// copy of the one input, see review).
var checkCmdFormats = append(checkFormats[:len(checkFormats):len(checkFormats)], "docx")

// docxFlags are the options of commands that write a .docx.
type docxFlags struct {
	CommentDate bool
}

func (d *docxFlags) add(c *cobra.Command) {
	c.Flags().BoolVar(&d.CommentDate, "comment-date", false, "给批注和修订记上当前时间（默认不记，同一输入总得到相同的文件）")
}

// source is one input read for review or fixing: its bytes, the decoded
// document and its analysis.
type source struct {
	raw []byte
	doc *segment.Document
	res *analyze.Result
}

// readSource reads and checks one input ("-" is standard input). Errors
// name the file and exit with 2.
func (app *App) readSource(path string, o *lintOptions) (*source, error) {
	lex, opt, err := app.setup(o, allChecks())
	if err != nil {
		return nil, err
	}
	limit := safefile.Clamp(app.MaxSize, segment.DefaultMaxSize)
	name := path
	var raw []byte
	if path == "-" {
		name = "<stdin>"
		raw, err = safefile.ReadLimited(app.In, limit)
	} else {
		raw, err = safefile.ReadRegular(path, limit)
	}
	if err != nil {
		reason := err.Error()
		switch {
		case errors.Is(err, safefile.ErrIsDir):
			reason = "是目录，不是文件（一次只能审阅或修正一个文件）"
		case errors.Is(err, safefile.ErrTooLarge):
			reason += "（可用 --max-size 调整）"
		}
		return nil, inputError(&segment.InputError{Path: name, Reason: reason})
	}
	return app.checkSource(name, raw, lex, opt)
}

// checkSource loads and checks one input read into memory. Errors name the
// file and exit with 2.
func (app *App) checkSource(name string, raw []byte, lex *lexicon.Lexicon, opt analyze.Options) (*source, error) {
	doc, err := segment.LoadBytes(name, raw, app.loadOptions())
	if err != nil {
		var ie *segment.InputError
		if !errors.As(err, &ie) {
			err = &segment.InputError{Path: name, Reason: err.Error()}
		}
		return nil, inputError(err)
	}
	for _, c := range opt.Checks {
		if c.NeedsTokens {
			opt.Tokenize = tokenizer(lex, []*segment.Document{doc})
			break
		}
	}
	res := analyze.Run(doc, lex, opt)
	app.hideInternal(res)
	return &source{raw: raw, doc: doc, res: res}, nil
}

// needBinaryOutput refuses to write a .docx without -o, or to a terminal.
func (app *App) needBinaryOutput(what string) error {
	switch {
	case app.OutputFile == "":
		return usageError("%s是 Word 文件，请用 -o 指定输出文件，例如 -o 草稿-审阅.docx（-o - 表示写到标准输出，须重定向到文件）", what)
	case app.OutputFile == "-" && app.OutTTY:
		return usageError("标准输出是终端，不能写入 Word 文件：请用 -o 文件名，或把标准输出重定向到文件")
	}
	return nil
}

// runReview writes the reviewed copy of one input to -o and returns the
// exit status check would give.
func (app *App) runReview(o *lintOptions, d *docxFlags, args []string) error {
	if len(args) != 1 {
		return usageError("--format docx 一次只能审阅一个文件（收到 %d 个）；多个文件请逐个运行", len(args))
	}
	if err := app.needBinaryOutput("审阅稿"); err != nil {
		return err
	}
	src, err := app.readSource(args[0], o)
	if err != nil {
		return err
	}
	return app.reviewSource(src, o, d)
}

// reviewSource writes the reviewed copy of a checked input to the output
// and returns the exit status check would give.
func (app *App) reviewSource(src *source, o *lintOptions, d *docxFlags) error {
	res := o.shown([]*analyze.Result{src.res})[0]
	plan := planFixes(src.doc.Text, res.Findings, registry())
	if err := app.writeDocx(src, res, plan, d); err != nil {
		return err
	}
	return o.exitCode([]*analyze.Result{src.res})
}

func newReviewCmd(app *App) *cobra.Command {
	o := &lintOptions{}
	d := &docxFlags{}
	c := &cobra.Command{
		Use:   "review FILE -o 审阅稿.docx",
		Short: "写出审阅稿（.docx）：每个问题是一条 Word 批注，确定的修正是修订",
		Long: "review 检查一个文件（.docx、.txt 或 .md），写出一份审阅稿：每个问题和占位符都是一条批注（作者 reportlint），" +
			"标在问题文字上，写明规则编号、说明和建议；可以确定的修正（半角标点、范围号、“、等”、登记的错误提法、全角数字、％/% 统一等）" +
			"写成修订，在 Word 中可逐条接受或拒绝。输入文件不会被改动；.txt/.md 输入写出新的 .docx。\n" +
			"与 reportlint check --format docx -o 审阅稿.docx 相同。退出码与 check 相同。",
		Example: "  reportlint review 草稿.docx -o 草稿-审阅.docx\n" +
			"  reportlint review 草稿.txt -o 草稿-审阅.docx",
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if err := app.prepare(c, o, []string{"docx"}, args); err != nil {
				return err
			}
			return app.runReview(o, d, args)
		},
	}
	o.addFlags(c, []string{"docx"})
	c.Flags().MarkHidden("format")
	d.add(c)
	return c
}

// fixFlags are fix's own options.
type fixFlags struct {
	Diff, DryRun bool
}

func newFixCmd(app *App) *cobra.Command {
	o := &lintOptions{}
	d := &docxFlags{}
	ff := &fixFlags{}
	c := &cobra.Command{
		Use:   "fix FILE -o 输出文件",
		Short: "自动修正可以确定的问题，写出修正稿（或用 --diff 显示改动）",
		Long: "fix 只修正规则声明为“可自动修正”、且建议就是原文替换的问题：中文里的半角标点、范围号、“、等”“、和”、" +
			"登记的错误提法、全角数字、％/% 统一等。两处修正重叠时都不修正（“15-20%”的范围号和百分号两处修正合并为“15%～20%”除外）。\n" +
			".txt/.md：写出修正后的文本（UTF-8）；.docx：写出副本，修正是修订（作者 reportlint），其余问题是批注。输入文件不会被改动。\n" +
			"退出码：0 修正后没有剩余问题，1 仍有达到 --fail-on 级别的问题需人工处理，2 输入或用法错误。",
		Example: "  reportlint fix 草稿.txt --dry-run\n" +
			"  reportlint fix 草稿.txt --diff\n" +
			"  reportlint fix 草稿.txt -o 草稿-修正.txt\n" +
			"  reportlint fix 草稿.docx -o 草稿-修正.docx",
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if err := app.prepare(c, o, []string{"text"}, args); err != nil {
				return err
			}
			if ff.Diff && ff.DryRun {
				return usageError("--diff 和 --dry-run 只能选一个")
			}
			return app.runFix(o, d, ff, args[0])
		},
	}
	o.addFlags(c, []string{"text"})
	c.Flags().MarkHidden("format")
	c.Flags().MarkHidden("show-suppressed")
	c.Flags().BoolVar(&ff.Diff, "diff", false, "不写文件，输出统一格式的差异（unified diff）")
	c.Flags().BoolVar(&ff.DryRun, "dry-run", false, "不写文件，列出将要修正的地方和不能自动修正的重叠")
	d.add(c)
	return c
}

func (app *App) runFix(o *lintOptions, d *docxFlags, ff *fixFlags, path string) error {
	isDocxOut := strings.HasSuffix(strings.ToLower(app.OutputFile), ".docx")
	if !ff.Diff && !ff.DryRun && app.OutputFile == "" {
		return usageError("请用 -o 指定修正稿的文件名（不会改动输入文件），或用 --diff / --dry-run 只查看改动")
	}
	src, err := app.readSource(path, o)
	if err != nil {
		return err
	}
	if ext := strings.ToLower(filepath.Ext(app.OutputFile)); src.doc.Format == segment.FormatDocx && !ff.Diff && !ff.DryRun &&
		(ext == ".txt" || ext == ".md" || ext == ".markdown") {
		return usageError("%s 是 Word 文件，修正稿也是 Word 文件（修正为修订）：请用 .docx 作 -o 的扩展名，而不是 %s", src.doc.Path, app.OutputFile)
	}
	o.ShowSuppressed = false
	res := o.shown([]*analyze.Result{src.res})[0]
	plan := planFixes(src.doc.Text, res.Findings, registry())
	fixedText := docxout.ApplyText(src.doc.Text, plan.Edits)
	switch {
	case ff.DryRun:
		app.printFixList(src, res, plan)
	case ff.Diff:
		name := src.doc.Path
		if _, err := fmt.Fprint(app.Out, docxout.UnifiedDiff(name, src.doc.Text, fixedText)); err != nil {
			return err
		}
	case src.doc.Format == segment.FormatDocx || isDocxOut:
		if err := app.needBinaryOutput("修正稿"); err != nil {
			return err
		}
		if err := app.writeDocx(src, res, plan, d); err != nil {
			return err
		}
	default:
		if _, err := app.Out.Write(textBytes(src, fixedText)); err != nil {
			return err
		}
		if enc := src.doc.Encoding; enc != "utf-8" && enc != "utf-8-bom" {
			fmt.Fprintf(app.Err, "reportlint：提示：%s 的编码是 %s，修正稿按 UTF-8 写出\n", src.doc.Path, enc)
		}
	}
	app.fixSummary(src, res, plan, ff)
	return fixExit(o, res, plan)
}

// textBytes is the fixed text as written: UTF-8, with the input's BOM and
// CRLF line ends kept.
func textBytes(src *source, text string) []byte {
	if strings.Contains(string(src.raw[:min(len(src.raw), 1<<16)]), "\r\n") && src.doc.Encoding != "utf-16le" && src.doc.Encoding != "utf-16be" {
		text = strings.ReplaceAll(text, "\n", "\r\n")
	}
	if src.doc.Encoding == "utf-8-bom" {
		text = "\uFEFF" + text
	}
	return []byte(text)
}

// fixExit is 1 when findings at or above --fail-on remain unfixed.
func fixExit(o *lintOptions, res *analyze.Result, plan *fixPlan) error {
	if o.FailOn == "never" {
		return nil
	}
	th, _ := analyze.ParseSeverity(o.FailOn)
	for i, f := range res.Findings {
		if !f.Suppressed && !plan.fixed(i) && f.Severity >= th {
			return &exitError{code: ExitFindings}
		}
	}
	return nil
}

// printFixList lists what fix would change and what it leaves.
func (app *App) printFixList(src *source, res *analyze.Result, plan *fixPlan) {
	w := app.Out
	doc := src.doc
	for _, e := range plan.Edits {
		var rules []string
		for i, k := range plan.FixedBy {
			if plan.Edits[k] == e {
				rules = append(rules, res.Findings[i].Rule)
			}
		}
		fmt.Fprintf(w, "%s:%d: 修正 “%s” → “%s”（%s）\n", doc.Path, doc.Position(e.Start).Line,
			doc.Text[e.Start:e.End], e.Insert, strings.Join(sortedUniq(rules), "、"))
	}
	for i, f := range res.Findings {
		if why, ok := plan.Conflict[i]; ok {
			fmt.Fprintf(w, "%s:%d: 未修正 “%s”（%s）：%s\n", doc.Path, f.Pos.Line, f.Text, f.Rule, why)
		}
	}
}

// fixSummary tells on stderr what was fixed and what is left.
func (app *App) fixSummary(src *source, res *analyze.Result, plan *fixPlan, ff *fixFlags) {
	left := 0
	for i, f := range res.Findings {
		if !f.Suppressed && !plan.fixed(i) {
			left++
		}
	}
	verb := "已修正"
	if ff.Diff || ff.DryRun {
		verb = "可自动修正"
	}
	fmt.Fprintf(app.Err, "reportlint：%s：%s %d 处（%d 个问题），因修改重叠未修正 %d 个，其余 %d 个问题需人工处理（reportlint check 查看）\n",
		src.doc.Path, verb, len(plan.Edits), len(plan.FixedBy), len(plan.Conflict), left)
}

func sortedUniq(ss []string) []string {
	m := map[string]bool{}
	for _, s := range ss {
		m[s] = true
	}
	return sortedKeys(m)
}
