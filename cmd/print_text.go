package cmd

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/segment"
)

// view selects what the human-readable output shows.
type view int

const (
	viewCheck view = iota
	viewPlaceholders
)

// print writes results in the chosen format.
func (app *App) print(format string, results []*analyze.Result, v view) error {
	switch format {
	case "json":
		return printJSON(app.Out, results)
	case "sarif":
		return printSARIF(app.Out, results)
	case "csv":
		return printCSV(app.Out, results)
	case "html":
		return printHTML(app.Out, results)
	default:
		return app.printText(app.Out, results, v)
	}
}

const (
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiBold   = "\x1b[1m"
	ansiReset  = "\x1b[0m"
)

func (app *App) paint(code, s string) string {
	if !app.Color() {
		return s
	}
	return code + s + ansiReset
}

func (app *App) sevLabel(s analyze.Severity) string {
	switch s {
	case analyze.Error:
		return app.paint(ansiRed, s.Chinese())
	case analyze.Warning:
		return app.paint(ansiYellow, s.Chinese())
	}
	return app.paint(ansiCyan, s.Chinese())
}

func (app *App) printText(w io.Writer, results []*analyze.Result, v view) error {
	width := app.termWidth()
	for i, r := range results {
		if i > 0 {
			fmt.Fprintln(w)
		}
		if r.Err != nil {
			fmt.Fprintf(w, "%s  %s\n", app.paint(ansiBold, r.Path), app.paint(ansiRed, "无法读取："+strings.TrimPrefix(r.Err.Error(), r.Path+"：")))
			continue
		}
		app.printHeader(w, r)
		var err error
		switch v {
		case viewPlaceholders:
			err = app.printPlaceholders(w, width, r)
		default:
			err = app.printCheck(w, width, r)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (app *App) printHeader(w io.Writer, r *analyze.Result) {
	profile := "未识别（可用 --profile 指定）"
	if r.Profile != "" {
		profile = r.ProfileName + "（" + r.Profile + "）"
		if r.ProfileConfidence == analyze.Guess {
			profile += "［推测：" + r.ProfileReason + "，可用 --profile 指定］"
		}
	}
	year := "未识别（可用 --year 指定）"
	if r.Year > 0 {
		year = strconv.Itoa(r.Year)
	}
	e, wn, in := severityCounts(r.Findings)
	fmt.Fprintf(w, "%s\n类型：%s  年度：%s  字数：%d  错误 %d  警告 %d  提示 %d",
		app.paint(ansiBold, r.Path), profile, year, r.Chars, e, wn, in)
	if r.Suppressed > 0 {
		fmt.Fprintf(w, "  已忽略 %d", r.Suppressed)
	}
	fmt.Fprintln(w)
	if c := app.configLabel(); c != "" {
		fmt.Fprintf(w, "配置：%s\n", c)
	}
}

// configLabel names the config file that applies, "" when there is none.
func (app *App) configLabel() string {
	if app.cfg == nil {
		return ""
	}
	return app.cfg.Path
}

func kindLabel(k string) string {
	switch k {
	case analyze.KindNumber:
		return "数字"
	case analyze.KindDate:
		return "日期"
	}
	return "名称"
}

func (app *App) printPlaceholders(w io.Writer, width int, r *analyze.Result) error {
	fmt.Fprintf(w, "\n未填写的占位符：%d 处\n", len(r.Placeholders))
	if len(r.Placeholders) > 0 {
		rows := make([][]string, 0, len(r.Placeholders))
		for _, p := range r.Placeholders {
			rows = append(rows, []string{fmt.Sprintf("%d:%d", p.Pos.Line, p.Pos.Col), kindLabel(p.Kind), p.Unit, p.Excerpt, shorten(p.Section, 16)})
		}
		if err := renderTable(w, width, []string{"位置", "类型", "单位", "上下文", "所在章节"}, rows); err != nil {
			return err
		}
	}
	return app.printCompleteness(w, width, r)
}

func (app *App) printCompleteness(w io.Writer, width int, r *analyze.Result) error {
	if len(r.Completeness) == 0 {
		return nil
	}
	fmt.Fprintln(w, "\n各部分完成度：")
	var rows [][]string
	var slots, filled, phs int
	for _, c := range r.Completeness {
		pct := "—" // no numeric slots: nothing to complete
		if c.NumericSlots > 0 {
			pct = fmt.Sprintf("%.1f%%", c.Percent)
		}
		rows = append(rows, []string{shorten(c.Section, 24), strconv.Itoa(c.NumericSlots), strconv.Itoa(c.Filled),
			strconv.Itoa(c.Placeholders), pct})
		slots, filled, phs = slots+c.NumericSlots, filled+c.Filled, phs+c.Placeholders
	}
	pct := 100.0
	if slots > 0 {
		pct = float64(int(float64(filled)*1000/float64(slots)+0.5)) / 10
	}
	rows = append(rows, []string{"合计", strconv.Itoa(slots), strconv.Itoa(filled), strconv.Itoa(phs), fmt.Sprintf("%.1f%%", pct)})
	return renderTable(w, width, []string{"部分", "数字项", "已填", "占位符", "完成度"}, rows)
}

func (app *App) printCheck(w io.Writer, width int, r *analyze.Result) error {
	if len(r.Formulations)+len(r.Sections) > 0 {
		fmt.Fprintln(w, "\n必备内容：")
		var rows [][]string
		for _, s := range r.Sections {
			note := s.Heading
			if s.Message != "" {
				note = strings.TrimSpace(s.Message + " " + s.Heading)
			}
			status := statusLabel(s.Status)
			if s.Optional && s.Status == analyze.StatusMissing {
				status, note = "○ 未写", "可选部分"
			}
			rows = append(rows, []string{"章节", s.Name, status, lineLabel(s.Line), note})
		}
		for _, f := range r.Formulations {
			rows = append(rows, []string{"提法", f.Text, statusLabel(f.Status), lineLabel(f.Line), countLabel(f.Count)})
		}
		if err := renderTable(w, width, []string{"项目", "名称", "状态", "首次出现", "说明"}, rows); err != nil {
			return err
		}
	}
	if err := app.printPlaceholders(w, width, r); err != nil {
		return err
	}
	if err := app.printConsistency(w, width, r); err != nil {
		return err
	}
	// Each finding is printed once: blanks in the placeholder list,
	// contradictions in the consistency table, the rest here.
	listed := make(map[segment.Span]bool, len(r.Placeholders))
	for _, p := range r.Placeholders {
		listed[p.Span] = true
	}
	var visible []analyze.Finding
	for _, f := range r.Findings {
		if f.Group == analyze.GroupCompleteness && f.Check == placeholderName && (listed[f.Span] || f.Suppressed) {
			continue // in the placeholder list (suppressed blanks are hidden with it)
		}
		if isConsistency(f) {
			continue
		}
		visible = append(visible, f)
	}
	if len(visible) == 0 {
		fmt.Fprintln(w, "\n其他问题：无")
		return nil
	}
	fmt.Fprintf(w, "\n其他问题：%d 处\n", len(visible))
	section := "\x00"
	for _, f := range visible {
		if f.Section != section {
			section = f.Section
			name := section
			if name == "" {
				name = "（全文）"
			}
			fmt.Fprintf(w, "\n%s\n", app.paint(ansiBold, "■ "+name))
		}
		fmt.Fprintf(w, "  %d:%d  %s  %s  %s\n", f.Pos.Line, f.Pos.Col, app.sevLabel(f.Severity), f.Message, app.paint(ansiCyan, "["+f.Rule+"]"))
		if f.Suggestion != "" {
			fmt.Fprintf(w, "        建议：%s\n", f.Suggestion)
		}
		if f.Suppressed {
			fmt.Fprintf(w, "        已忽略：%s\n", f.Reason)
		}
	}
	return nil
}

func statusLabel(s string) string {
	switch s {
	case analyze.StatusPresent:
		return "✓ 有"
	case analyze.StatusMissing:
		return "✗ 缺少"
	case analyze.StatusMalformed:
		return "✗ 有误"
	case analyze.StatusOrder:
		return "△ 顺序不当"
	}
	return s
}

func lineLabel(n int) string {
	if n == 0 {
		return "—"
	}
	return "第 " + strconv.Itoa(n) + " 行"
}

func countLabel(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n) + " 次"
}

// shorten cuts s to n runes with an ellipsis.
func shorten(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n]) + "…"
}

// isConsistency selects the findings of the consistency table by group:
// numeric claims that contradict each other and names that drift.
func isConsistency(f analyze.Finding) bool {
	return !f.Suppressed && f.Group == analyze.GroupConsistency
}

func (app *App) printConsistency(w io.Writer, width int, r *analyze.Result) error {
	var rows [][]string
	for _, f := range r.Findings {
		if !isConsistency(f) {
			continue
		}
		places := fmt.Sprintf("%d:%d “%s”", f.Pos.Line, f.Pos.Col, shorten(f.Text, 20))
		for _, rel := range f.Related {
			places += fmt.Sprintf("\n%d:%d “%s”", rel.Pos.Line, rel.Pos.Col, shorten(rel.Text, 20))
		}
		rows = append(rows, []string{f.Rule, places, f.Message, f.Suggestion})
	}
	if len(rows) == 0 {
		return nil
	}
	fmt.Fprintf(w, "\n数字与名称一致性：%d 处\n", len(rows))
	return renderTable(w, width, []string{"规则", "位置与原文", "问题", "建议"}, rows)
}
