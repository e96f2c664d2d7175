package cmd

import (
	"encoding/json"

	"github.com/spf13/cobra"

	builtin "github.com/reportlint/reportlint/analyze/checks"
)

func newRulesCmd(app *App) *cobra.Command {
	var format string
	c := &cobra.Command{
		Use:   "rules",
		Short: "列出全部检查和规则编号（用于 --enable、--disable、配置和忽略指令）",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			switch format {
			case "json":
				type jrule struct {
					ID  string `json:"id"`
					Doc string `json:"doc"`
				}
				type jcheck struct {
					Name     string  `json:"name"`
					Severity string  `json:"severity"`
					Doc      string  `json:"doc"`
					Rules    []jrule `json:"rules"`
				}
				out := []jcheck{}
				for _, ch := range builtin.All {
					jc := jcheck{Name: ch.Name, Severity: ch.Severity.String(), Doc: ch.Doc, Rules: []jrule{}}
					for _, r := range ch.Rules {
						jc.Rules = append(jc.Rules, jrule{r.ID, r.Doc})
					}
					out = append(out, jc)
				}
				enc := json.NewEncoder(app.Out)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", "  ")
				return enc.Encode(out)
			case "table":
				var rows [][]string
				for _, ch := range builtin.All {
					for _, r := range ch.Rules {
						rows = append(rows, []string{ch.Name, r.ID, ch.Severity.Chinese(), r.Doc})
					}
				}
				return renderTable(app.Out, app.termWidth(), []string{"检查", "规则", "检查默认级别", "说明"}, rows)
			}
			return usageError("未知的输出格式 %q（可选：table、json）", format)
		},
	}
	c.Flags().StringVarP(&format, "format", "f", "table", "输出格式：table、json")
	return c
}
