package cmd

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/spf13/cobra"

	"github.com/reportlint/reportlint/internal/termsafe"
	"github.com/reportlint/reportlint/lexicon"
)

// lexEntry is one lexicon entry of any kind, for listing and showing.
type lexEntry struct {
	Kind     string `json:"kind"`
	ID       string `json:"id"`
	Text     string `json:"text"`
	Since    string `json:"since,omitempty"`
	Severity string `json:"severity,omitempty"`
	Source   string `json:"source"` // file:line
	value    any    // the entry itself, for show
}

// Entry kinds as the lexicon files name them.
var lexKinds = []string{"formulations", "profiles", "events", "terms", "units", "words"}

func lexEntries(l *lexicon.Lexicon) []lexEntry {
	var out []lexEntry
	for i := range l.Formulations {
		e := &l.Formulations[i]
		out = append(out, lexEntry{"formulations", e.ID, e.Text, e.Since, e.Severity, e.SourceRef, e})
	}
	for i := range l.Profiles {
		e := &l.Profiles[i]
		out = append(out, lexEntry{"profiles", e.ID, e.Name, "", "", e.SourceRef, e})
	}
	for i := range l.Events {
		e := &l.Events[i]
		out = append(out, lexEntry{"events", e.ID, strings.Join(e.Names, "、"), e.Date, "", e.SourceRef, e})
	}
	for i := range l.Terms {
		e := &l.Terms[i]
		out = append(out, lexEntry{"terms", e.ID, e.Text, "", "", e.SourceRef, e})
	}
	for i := range l.Units {
		e := &l.Units[i]
		out = append(out, lexEntry{"units", e.ID, e.Text, "", "", e.SourceRef, e})
	}
	for i := range l.Words {
		e := &l.Words[i]
		out = append(out, lexEntry{"words", e.ID, e.Wrong + " → " + e.Correction, "", e.Severity, e.SourceRef, e})
	}
	return out
}

func newLexiconCmd(app *App) *cobra.Command {
	c := &cobra.Command{
		Use:   "lexicon",
		Short: "查看和校验词库（提法、文种、事件、术语、单位、用词）",
		Long: "lexicon 列出、显示内置词库与 --lexicon 用户词库合并后的条目，或校验用户词库文件。\n" +
			"用户词库可新增条目、用相同 id 覆盖内置条目，或用 disabled: true / 顶层 disable: [id…] 停用条目。",
	}
	c.AddCommand(newLexiconListCmd(app), newLexiconShowCmd(app), newLexiconValidateCmd(app))
	return c
}

// mergedLexicon is the lexicon with the config file's lexicons added.
func (app *App) mergedLexicon() (*lexicon.Lexicon, error) { return app.lexicon() }

func newLexiconListCmd(app *App) *cobra.Command {
	var kinds []string
	var format string
	c := &cobra.Command{
		Use:   "list",
		Short: "列出词库条目（id、类别、文字、起始日期、级别）",
		Example: "  reportlint lexicon list --kind formulations\n" +
			"  reportlint lexicon list --lexicon 本单位词库.yaml --format json",
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			for _, k := range kinds {
				if !contains(lexKinds, k) {
					return usageError("未知的类别 %q（可选：%s）", k, strings.Join(lexKinds, "、"))
				}
			}
			format = strings.ToLower(strings.TrimSpace(format))
			if format != "table" && format != "json" {
				return usageError("未知的输出格式 %q（可选：table、json）", format)
			}
			lex, err := app.mergedLexicon()
			if err != nil {
				return err
			}
			var rows []lexEntry
			for _, e := range lexEntries(lex) {
				if len(kinds) == 0 || contains(kinds, e.Kind) {
					rows = append(rows, e)
				}
			}
			if format == "json" {
				if rows == nil {
					rows = []lexEntry{}
				}
				enc := json.NewEncoder(app.Out)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(struct {
					Version int        `json:"version"`
					Entries []lexEntry `json:"entries"`
				}{1, rows})
			}
			table := make([][]string, len(rows))
			for i, e := range rows {
				table[i] = []string{e.ID, e.Kind, e.Text, e.Since, e.Severity}
			}
			if err := renderTable(app.Out, app.termWidth(), []string{"id", "类别", "文字", "起始", "级别"}, table); err != nil {
				return err
			}
			fmt.Fprintf(app.Out, "共 %d 条\n", len(rows))
			return nil
		},
	}
	c.Flags().StringSliceVar(&kinds, "kind", nil, "只列出这些类别（逗号分隔）："+strings.Join(lexKinds, "、"))
	c.Flags().StringVarP(&format, "format", "f", "table", "输出格式：table、json")
	return c
}

func newLexiconShowCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:     "show ID...",
		Short:   "以 YAML 显示词库条目及其来源（文件:行）",
		Example: "  reportlint lexicon show four-selfs\n  reportlint lexicon show 四个意识",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			lex, err := app.mergedLexicon()
			if err != nil {
				return err
			}
			entries := lexEntries(lex)
			for n, arg := range args {
				found := findEntries(entries, arg)
				if len(found) == 0 {
					return usageError("词库中没有 id 或文字为 %q 的条目%s", arg, similarIDs(entries, arg))
				}
				for i, e := range found {
					if n+i > 0 {
						fmt.Fprintln(app.Out, "---")
					}
					data, err := yaml.MarshalWithOptions(e.value, yaml.UseLiteralStyleIfMultiline(true))
					if err != nil {
						return err
					}
					fmt.Fprintf(app.Out, "# %s，来源：%s\n%s", e.Kind, termsafe.Line(e.Source), termsafe.String(string(data)))
				}
			}
			return nil
		},
	}
}

// findEntries matches an id exactly, or failing that an entry's text.
func findEntries(entries []lexEntry, arg string) []lexEntry {
	var out []lexEntry
	for _, e := range entries {
		if e.ID == arg {
			out = append(out, e)
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, e := range entries {
		if e.Text == arg || (e.Kind == "events" && contains(strings.Split(e.Text, "、"), arg)) {
			out = append(out, e)
		}
	}
	return out
}

// similarIDs suggests ids that contain the argument or that it contains.
func similarIDs(entries []lexEntry, arg string) string {
	var ids []string
	for _, e := range entries {
		if arg != "" && (strings.Contains(e.ID, arg) || strings.Contains(e.Text, arg)) && !contains(ids, e.ID) {
			ids = append(ids, e.ID)
		}
	}
	if len(ids) == 0 {
		return "（用 reportlint lexicon list 查看全部）"
	}
	sort.Strings(ids)
	if len(ids) > 8 {
		ids = append(ids[:8], "…")
	}
	return "（相近的：" + strings.Join(ids, "、") + "）"
}

func newLexiconValidateCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:   "validate FILE...",
		Short: "校验用户词库文件（与内置词库合并后检查），有错时按 文件:行 列出",
		Long: "validate 严格解析每个词库文件：未知字段、类型错误、非法日期或级别、重复 id、\n" +
			"文种引用不存在的提法等都会报告为“文件:行: 说明”，退出码 2；全部有效时退出码 0。",
		Example: "  reportlint lexicon validate 本单位词库.yaml",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			lex, err := lexicon.Load(args...)
			if err != nil {
				var es lexicon.Errors
				if errors.As(err, &es) {
					for _, e := range es {
						fmt.Fprintln(app.Err, termsafe.String(e.Error()))
					}
				} else {
					fmt.Fprintln(app.Err, termsafe.String(err.Error()))
				}
				return &exitError{ExitInput, ""}
			}
			base, err := lexicon.Default()
			if err != nil {
				return inputError(err)
			}
			fmt.Fprintf(app.Out, "词库有效：%s（合并后：提法 %d 条（内置 %d）、文种 %d、事件 %d、术语 %d、单位 %d、用词 %d）\n",
				strings.Join(args, "、"), len(lex.Formulations), len(base.Formulations), len(lex.Profiles), len(lex.Events),
				len(lex.Terms), len(lex.Units), len(lex.Words))
			return nil
		},
	}
}
