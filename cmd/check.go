package cmd

import (
	"github.com/spf13/cobra"

	"github.com/reportlint/reportlint/analyze"
)

var checkFormats = []string{"table", "json", "sarif", "csv", "html"}

func newCheckCmd(app *App) *cobra.Command {
	o := &lintOptions{}
	d := &docxFlags{}
	summary := false
	c := &cobra.Command{
		Use:   "check FILE...",
		Short: "运行全部检查（- 表示标准输入）",
		Example: "  reportlint check 草稿.docx\n" +
			"  reportlint check --format json testdata/reports/duty-report-2022.txt\n" +
			"  reportlint check --format html -o 审阅.html 草稿.docx\n" +
			"  reportlint check --format docx -o 草稿-审阅.docx 草稿.docx\n" +
			"  reportlint check --summary 草稿.docx\n" +
			"  reportlint check --disable punctuation.dunhao-quoted 草稿.docx\n" +
			"  cat 草稿.txt | reportlint check -",
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if err := app.prepare(c, o, checkCmdFormats, args); err != nil {
				return err
			}
			if o.Format == "docx" {
				return app.runReview(o, d, args)
			}
			if summary && o.Format != "table" {
				return usageError("--summary 只用于表格输出（-f table），%s 格式总是包含全部内容", o.Format)
			}
			results, err := app.lint(args, o, allChecks())
			if err != nil {
				return err
			}
			shown := o.shown(results)
			app.view = printOptions{summary: summary, minSeverity: o.MinSeverity, hidden: o.hidden}
			if err := app.print(o.Format, shown, viewCheck); err != nil {
				return err
			}
			return o.exitCode(results)
		},
	}
	o.addFlags(c, checkCmdFormats)
	d.add(c)
	c.Flags().BoolVar(&summary, "summary", false, "只输出概要：文件信息、占位符数与各部分完成度、各规则问题数")
	return c
}

func newPlaceholdersCmd(app *App) *cobra.Command {
	o := &lintOptions{}
	c := &cobra.Command{
		Use:   "placeholders FILE...",
		Short: "列出未填写的占位符（**、XX、××、某某、【 】…），不加载分词词典",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if err := app.prepare(c, o, checkFormats, args); err != nil {
				return err
			}
			results, err := app.lint(args, o, []*analyze.Check{checkNamed(placeholderName)})
			if err != nil {
				return err
			}
			app.ran = nil // only one check by design: nothing to call skipped
			shown := o.shown(results)
			app.view = printOptions{minSeverity: o.MinSeverity, hidden: o.hidden}
			if err := app.print(o.Format, shown, viewPlaceholders); err != nil {
				return err
			}
			return o.exitCode(results)
		},
	}
	o.addFlags(c, checkFormats)
	c.Flags().MarkHidden("enable")
	c.Flags().MarkHidden("disable")
	return c
}
