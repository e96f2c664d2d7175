package cmd

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/internal/termsafe"
)

var numbersFormats = []string{"table", "json", "csv"}

func newNumbersCmd(app *App) *cobra.Command {
	o := &lintOptions{}
	c := &cobra.Command{
		Use:   "numbers FILE...",
		Short: "列出报告中的数字表述：数值、单位、限定词、所述指标和关系词，未填写的数字也列出",
		Long: "numbers 抽取报告中的每一处数字表述（含“**亿元”这类未填写的数字），列出原文、换算后的数值、规范单位、" +
			"限定词（余、近、约、以上…）、所述指标（数字前的主语）、关系词（同比增长、其中、分别、累计…）、位置和所在章节。\n" +
			"“5G”“二十大”“两个确立”“三会一课”等固定说法和标题序号不算数字表述。数字之间的矛盾由 check 的 number 检查报告。",
		Example: "  reportlint numbers 述职报告.docx\n  reportlint numbers --format csv -o 数字.csv 工作总结.txt",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if err := app.prepare(c, o, numbersFormats, args); err != nil {
				return err
			}
			results, err := app.lint(args, o, []*analyze.Check{checkNamed(numberName)})
			app.ran = nil // one check by design
			if err != nil {
				return err
			}
			switch o.Format {
			case "json":
				err = printNumbersJSON(app.Out, results)
			case "csv":
				err = printNumbersCSV(app.Out, results)
			default:
				err = app.printNumbersTable(app.Out, results)
			}
			if err != nil {
				return err
			}
			for _, r := range results {
				if r.Err != nil {
					return &exitError{code: ExitInput}
				}
			}
			return nil
		},
	}
	o.addFlags(c, numbersFormats)
	o.FailOn = "never"
	for _, name := range []string{"fail-on", "min-severity", "enable", "disable", "show-suppressed"} {
		c.Flags().MarkHidden(name)
	}
	return c
}

// claimValue writes a claim's value: 1250000000, 9～10, or 未填.
func claimValue(c *analyze.Claim) string {
	if c.Value == nil {
		return "（未填）"
	}
	s := strconv.FormatFloat(*c.Value, 'f', -1, 64)
	if c.RangeEnd != nil {
		s += "～" + strconv.FormatFloat(*c.RangeEnd, 'f', -1, 64)
	}
	return s
}

func (app *App) printNumbersTable(w io.Writer, results []*analyze.Result) error {
	width := app.termWidth()
	for i, r := range results {
		if r.Err != nil {
			continue
		}
		if i > 0 {
			fmt.Fprintln(w)
		}
		filled := 0
		for _, c := range r.Numbers {
			if !c.Unfilled {
				filled++
			}
		}
		fmt.Fprintf(w, "%s\n数字表述 %d 处，其中未填写 %d 处\n", app.paint(ansiBold, termsafe.Line(r.Path)), len(r.Numbers), len(r.Numbers)-filled)
		if len(r.Numbers) == 0 {
			continue
		}
		rows := make([][]string, 0, len(r.Numbers))
		for k := range r.Numbers {
			c := &r.Numbers[k]
			rows = append(rows, []string{fmt.Sprintf("%d:%d", c.Pos.Line, c.Pos.Col), c.Text, claimValue(c), c.Unit,
				c.Qualifier, c.Metric, c.Relation, shorten(c.Section, 16)})
		}
		if err := renderTable(w, width, []string{"位置", "原文", "数值", "单位", "限定词", "指标", "关系", "所在章节"}, rows); err != nil {
			return err
		}
	}
	return nil
}

type jsonNumbersFile struct {
	Path    string      `json:"path"`
	Error   string      `json:"error,omitempty"`
	Profile string      `json:"profile,omitempty"`
	Year    int         `json:"year"`
	Numbers []jsonClaim `json:"numbers"`
}

func printNumbersJSON(w io.Writer, results []*analyze.Result) error {
	rep := struct {
		Version int               `json:"version"`
		Files   []jsonNumbersFile `json:"files"`
	}{Version: 1, Files: []jsonNumbersFile{}}
	for _, r := range results {
		f := jsonNumbersFile{Path: r.Path, Profile: r.Profile, Year: r.Year, Numbers: []jsonClaim{}}
		if r.Err != nil {
			f.Error = r.Err.Error()
		}
		for _, c := range r.Numbers {
			f.Numbers = append(f.Numbers, jsonClaim{jsonPos{c.Pos.Line, c.Pos.Col, c.EndPos.Line, c.EndPos.Col, c.Start, c.End},
				c.Text, c.Value, c.RangeEnd, c.Unit, c.UnitText, c.Qualifier, c.Metric, c.Relation, c.Kind, c.Unfilled, c.Section})
		}
		rep.Files = append(rep.Files, f)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

var numbersCSVHeader = []string{"文件", "行", "列", "原文", "数值", "范围上限", "单位", "单位原文", "限定词", "指标", "关系", "类型", "未填写", "章节"}

// printNumbersCSV writes one row per claim as RFC 4180 CSV in UTF-8 with a
// BOM, like the check's CSV.
func printNumbersCSV(w io.Writer, results []*analyze.Result) error {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(numbersCSVHeader); err != nil {
		return err
	}
	num := func(v *float64) string {
		if v == nil {
			return ""
		}
		return strconv.FormatFloat(*v, 'f', -1, 64)
	}
	for _, r := range results {
		for k := range r.Numbers {
			c := &r.Numbers[k]
			unfilled := ""
			if c.Unfilled {
				unfilled = "是"
			}
			row := []string{csvCell(r.Path), strconv.Itoa(c.Pos.Line), strconv.Itoa(c.Pos.Col), csvCell(c.Text), num(c.Value), num(c.RangeEnd),
				csvCell(c.Unit), csvCell(c.UnitText), csvCell(c.Qualifier), csvCell(c.Metric), csvCell(c.Relation), c.Kind, unfilled, csvCell(c.Section)}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
