package cmd

import (
	"github.com/spf13/cobra"

	"github.com/reportlint/reportlint/analyze"
	builtin "github.com/reportlint/reportlint/analyze/checks"
	"github.com/reportlint/reportlint/analyze/checks/placeholder"
)

var checkFormats = []string{"table", "json", "sarif", "csv", "html"}

func newCheckCmd(app *App) *cobra.Command {
	o := &lintOptions{}
	c := &cobra.Command{
		Use:   "check FILE...",
		Short: "运行全部检查（- 表示标准输入）",
		Example: "  reportlint check 草稿.docx\n" +
			"  reportlint check --format json testdata/reports/述职报告示例.txt\n" +
			"  reportlint check --format html 草稿.docx > 审阅.html\n" +
			"  cat 草稿.txt | reportlint check -",
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if err := app.prepare(c, o, checkFormats); err != nil {
				return err
			}
			results, err := app.lint(args, o, builtin.All)
			if err != nil {
				return err
			}
			if err := app.print(o.Format, o.shown(results), viewCheck); err != nil {
				return err
			}
			return o.exitCode(results)
		},
	}
	o.addFlags(c, checkFormats)
	return c
}

func newPlaceholdersCmd(app *App) *cobra.Command {
	o := &lintOptions{}
	c := &cobra.Command{
		Use:   "placeholders FILE...",
		Short: "列出未填写的占位符（**、XX、××、某某、【 】…），不加载分词词典",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if err := app.prepare(c, o, checkFormats); err != nil {
				return err
			}
			results, err := app.lint(args, o, []*analyze.Check{placeholder.Check})
			if err != nil {
				return err
			}
			if err := app.print(o.Format, o.shown(results), viewPlaceholders); err != nil {
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
