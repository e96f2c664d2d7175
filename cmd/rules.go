package cmd

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/reportlint/reportlint/analyze"
)

type jsonRule struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Doc       string `json:"doc"`
	Severity  string `json:"severity"` // the rule's own default
	Group     string `json:"group"`
	Source    string `json:"source"`
	Standard  string `json:"standard,omitempty"`
	Fixable   bool   `json:"fixable"`
	Heuristic bool   `json:"heuristic"`
	Good      string `json:"good,omitempty"`
	Bad       string `json:"bad,omitempty"`
}

func toJSONRule(r *analyze.Rule) jsonRule {
	return jsonRule{r.ID, r.Title, r.Doc, r.Severity.String(), string(r.Group), string(r.Source), r.Standard,
		ruleFixable(nil, r.ID) || r.Fixable, r.Heuristic, r.Good, r.Bad}
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

func newRulesCmd(app *App) *cobra.Command {
	var format string
	c := &cobra.Command{
		Use:   "rules [规则编号]",
		Short: "列出全部规则（默认级别、类别、依据、能否自动修正），或说明一条规则及其正误示例",
		Long: "rules 列出每条规则的编号、默认级别、所属类别、依据层级（国家标准、党内法规/中央文件、实务惯例）和能否自动修正。\n" +
			"规则编号和检查名可用于 --enable、--disable、配置文件的 enable、disable、rules，以及忽略指令。\n" +
			"给出一个规则编号（或检查名）时，详细说明它并给出正确和错误的示例。",
		Example: "  reportlint rules\n  reportlint rules number.conflict\n  reportlint rules --format json",
		Args:    cobra.MaximumNArgs(1),
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			return ruleIDs(), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			format = strings.ToLower(strings.TrimSpace(format))
			if format != "table" && format != "json" {
				return usageError("未知的输出格式 %q（可选：table、json）", format)
			}
			if len(args) == 1 {
				return app.explainRule(args[0], format)
			}
			if format == "json" {
				type jcheck struct {
					Name  string     `json:"name"`
					Doc   string     `json:"doc"`
					Rules []jsonRule `json:"rules"`
				}
				out := []jcheck{}
				for _, ch := range allChecks() {
					jc := jcheck{Name: ch.Name, Doc: ch.Doc, Rules: []jsonRule{}}
					for _, r := range ch.Rules {
						jc.Rules = append(jc.Rules, toJSONRule(r))
					}
					out = append(out, jc)
				}
				return writeJSON(app.Out, out)
			}
			var rows [][]string
			for _, ch := range allChecks() {
				for _, r := range ch.Rules {
					title := r.Title
					if title == r.ID || title == "" {
						title = r.Doc
					}
					rows = append(rows, []string{r.ID, r.Severity.Chinese(), r.Group.Chinese(), r.Source.Chinese(), yesNo(r.Fixable || ruleFixable(nil, r.ID)), title})
				}
			}
			if err := renderTable(app.Out, app.termWidth(), []string{"规则", "默认级别", "类别", "依据", "可自动修正", "说明"}, rows); err != nil {
				return err
			}
			fmt.Fprintln(app.Out, "\n运行 reportlint rules 规则编号 查看一条规则的说明和正误示例。")
			return nil
		},
	}
	c.Flags().StringVarP(&format, "format", "f", "table", "输出格式：table、json")
	return c
}

// explainRule prints one rule, or every rule of a check.
func (app *App) explainRule(id, format string) error {
	reg := registry()
	var rules []*analyze.Rule
	if r := reg.Rule(id); r != nil {
		rules = []*analyze.Rule{r}
	} else if ch := reg.Check(id); ch != nil {
		rules = ch.Rules
	} else {
		return usageError("%s", unknownIDError("rules", id))
	}
	if format == "json" {
		out := []jsonRule{}
		for _, r := range rules {
			out = append(out, toJSONRule(r))
		}
		return writeJSON(app.Out, out)
	}
	w := app.Out
	for i, r := range rules {
		if i > 0 {
			fmt.Fprintln(w)
		}
		title := r.Title
		if title == r.ID {
			title = ""
		}
		fmt.Fprintf(w, "%s  %s\n", app.paint(ansiBold, r.ID), title)
		fmt.Fprintf(w, "  默认级别：%s\n  类别：%s\n  依据：%s", r.Severity.Chinese(), r.Group.Chinese(), r.Source.Chinese())
		if r.Standard != "" {
			fmt.Fprintf(w, "（%s）", r.Standard)
		}
		fmt.Fprintf(w, "\n  可自动修正：%s\n", yesNo(r.Fixable || ruleFixable(nil, r.ID)))
		if r.Heuristic {
			fmt.Fprintln(w, "  性质：推断性规则（判断含义，只提示“疑似”，请人工核实）")
		}
		fmt.Fprintf(w, "  说明：%s\n", r.Doc)
		if r.Good != "" {
			fmt.Fprintf(w, "  正确：%s\n", r.Good)
		}
		if r.Bad != "" {
			fmt.Fprintf(w, "  错误：%s\n", r.Bad)
		}
		if r.Good == "" && r.Bad == "" {
			fmt.Fprintln(w, "  （此规则尚无示例）")
		}
		fmt.Fprintf(w, "  关闭：--disable %s，或在 %s 中写 rules: {%s: off}\n", r.ID, ConfigName, r.ID)
	}
	return nil
}
