package cmd

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/spf13/cobra"

	"github.com/reportlint/reportlint/internal/termsafe"
)

// effectiveConfig is what `reportlint config` prints.
type effectiveConfig struct {
	File        string            `yaml:"file" json:"file"` // "" when none
	Profile     string            `yaml:"profile" json:"profile"`
	Year        int               `yaml:"year" json:"year"`
	Lexicons    []string          `yaml:"lexicons" json:"lexicons"`
	Enable      []string          `yaml:"enable" json:"enable"`
	Disable     []string          `yaml:"disable" json:"disable"`
	Rules       map[string]string `yaml:"rules" json:"rules"`
	Ignore      []string          `yaml:"ignore" json:"ignore"`
	FailOn      string            `yaml:"fail_on" json:"fail_on"`
	MinSeverity string            `yaml:"min_severity" json:"min_severity"`
}

func newConfigCmd(app *App) *cobra.Command {
	o := &lintOptions{}
	c := &cobra.Command{
		Use:   "config [目录或文件]",
		Short: "显示生效的配置（合并配置文件与命令行选项后）及其来源文件",
		Long: "config 显示检查某个文件或目录时生效的配置：使用哪个 " + ConfigName + "（从该目录向上查找），" +
			"以及合并命令行选项后的报告类型、年度、词库、启用/停用的检查和规则、级别设置。不给参数时以当前目录为准。",
		Example: "  reportlint config\n  reportlint config 各科室/\n  reportlint config --disable punctuation 草稿.docx",
		Args:    cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			inputs := args
			if len(inputs) == 0 {
				inputs = []string{"."}
			}
			if err := app.prepare(c, o, []string{"yaml", "json"}, inputs); err != nil {
				return err
			}
			cfg, _ := app.config()
			lexFiles, err := app.lexiconFiles()
			if err != nil {
				return err
			}
			if _, err := app.lexicon(); err != nil {
				return err
			}
			_, settings := o.selected(allChecks())
			e := effectiveConfig{Profile: o.Profile, Year: o.Year, Lexicons: lexFiles, Enable: o.Enable, Disable: o.Disable,
				Rules: map[string]string{}, FailOn: o.FailOn, MinSeverity: o.MinSeverity}
			for k, s := range settings {
				switch {
				case s.Off:
					e.Rules[k] = "off"
				case s.Severity != nil:
					e.Rules[k] = s.Severity.String()
				}
			}
			if cfg != nil {
				e.File = cfg.File
				e.Ignore = cfg.Ignore
			}
			for _, l := range []*[]string{&e.Lexicons, &e.Enable, &e.Disable, &e.Ignore} {
				if *l == nil {
					*l = []string{}
				}
			}
			if e.Profile == "" {
				e.Profile = "auto"
			}
			if o.Format == "json" {
				return writeJSON(app.Out, e)
			}
			if e.File == "" {
				fmt.Fprintln(app.Out, "# 未找到配置文件（"+ConfigName+"），使用默认设置和命令行选项")
			} else {
				rel := e.File
				if wd, err := os.Getwd(); err == nil {
					if r, err := filepath.Rel(wd, e.File); err == nil && !strings.HasPrefix(r, "..") {
						rel = r
					}
				}
				fmt.Fprintf(app.Out, "# 配置文件：%s\n", termsafe.Line(rel))
			}
			fmt.Fprintln(app.Out, "# 年度 0 表示从标题识别，报告类型 auto 表示自动识别")
			data, err := yaml.MarshalWithOptions(e, yaml.IndentSequence(true))
			if err != nil {
				return err
			}
			if len(data) > 0 && data[len(data)-1] != '\n' {
				data = append(data, '\n')
			}
			_, err = io.WriteString(app.Out, termsafe.String(string(data)))
			return err
		},
	}
	o.addFlags(c, []string{"yaml", "json"})
	c.Flags().MarkHidden("show-suppressed")
	return c
}

// writeJSON writes v as indented JSON without HTML escaping.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
