package cmd

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/internal/termsafe"
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
		return printJSONWith(app.Out, results, app.ran, app.view)
	case "sarif":
		return printSARIF(app.Out, results)
	case "csv":
		return printCSV(app.Out, results)
	case "html":
		return printHTMLWith(app.Out, results, app.ran, app.view)
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

// printOptions carries what the text printer needs beyond the results:
// set by the command before printing.
type printOptions struct {
	summary     bool                        // --summary: header, completeness, counts per rule
	minSeverity string                      // --min-severity, for the note on hidden findings
	hidden      map[*analyze.Result]*[3]int // findings below --min-severity, by severity
}

// checkTitles names the checks in Chinese, for notes on what did not run.
var checkTitles = map[string]string{
	"placeholder": "占位符", "formulation": "规范提法", "structure": "结构与序号", "number": "数字",
	"consistency": "名称一致", "punctuation": "标点", "wording": "用词", "suppression": "忽略指令",
}

func checkTitle(name string) string {
	if t, ok := checkTitles[name]; ok {
		return t + "（" + name + "）"
	}
	return name
}

// skipped lists the checks of the full set that did not run, "" when all ran
// (or when the command does not track them).
func (app *App) skipped() string {
	if app.ran == nil {
		return ""
	}
	var out []string
	for _, c := range allChecks() {
		if !app.ran[c.Name] {
			out = append(out, checkTitle(c.Name))
		}
	}
	return strings.Join(out, "、")
}

// errLabel describes an unreadable or empty file for the text outputs.
func resultErrLabel(r *analyze.Result) string {
	var empty *emptyDocError
	if errors.As(r.Err, &empty) {
		return strings.TrimPrefix(r.Err.Error(), r.Path+"：")
	}
	return "无法读取：" + strings.TrimPrefix(r.Err.Error(), r.Path+"：")
}

func (app *App) printText(w io.Writer, results []*analyze.Result, v view) error {
	width := app.termWidth()
	for i, r := range results {
		if i > 0 {
			fmt.Fprintln(w)
		}
		if r.Err != nil {
			fmt.Fprintf(w, "%s  %s\n", app.paint(ansiBold, termsafe.Line(r.Path)), app.paint(ansiRed, termsafe.Line(resultErrLabel(r))))
			continue
		}
		app.printHeader(w, r)
		var err error
		switch {
		case v == viewPlaceholders:
			err = app.printPlaceholders(w, width, r)
		case app.view.summary:
			err = app.printSummary(w, width, r)
		default:
			err = app.printCheck(w, width, r)
		}
		if err != nil {
			return err
		}
	}
	if len(results) > 1 {
		app.printTotal(w, results, v)
	}
	return nil
}

// printTotal is the line after the last of several files.
func (app *App) printTotal(w io.Writer, results []*analyze.Result, v view) {
	var e, wn, in, phs, bad, hidden int
	for _, r := range results {
		if r.Err != nil {
			bad++
			continue
		}
		a, b, c := severityCounts(r.Findings)
		e, wn, in, phs = e+a, wn+b, in+c, phs+len(r.Placeholders)
		if h := app.view.hidden[r]; h != nil {
			hidden += h[0] + h[1] + h[2]
		}
	}
	line := fmt.Sprintf("合计：%d 个文件", len(results))
	if bad > 0 {
		line += fmt.Sprintf("（其中 %d 个无法检查）", bad)
	}
	if v == viewPlaceholders {
		line += fmt.Sprintf("  未填写的占位符 %d 处", phs)
	} else {
		line += fmt.Sprintf("  错误 %d  警告 %d  提示 %d", e+countHidden(app.view.hidden, results, 2), wn+countHidden(app.view.hidden, results, 1), in+countHidden(app.view.hidden, results, 0))
		if app.ran == nil || app.ran[placeholderName] {
			line += fmt.Sprintf("  未填写的占位符 %d 处", phs)
		}
		if hidden > 0 {
			line += fmt.Sprintf("（%d 条低于 --min-severity %s，未列出）", hidden, app.view.minSeverity)
		}
	}
	fmt.Fprintf(w, "\n%s\n", app.paint(ansiBold, line))
}

func countHidden(h map[*analyze.Result]*[3]int, results []*analyze.Result, sev int) int {
	n := 0
	for _, r := range results {
		if c := h[r]; c != nil {
			n += c[sev]
		}
	}
	return n
}

// printHeader prints the file's facts and its counts. The counts are of
// every unsuppressed finding, those below --min-severity included (they
// decide the exit code), with a note of how many are not listed.
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
	var hidden [3]int
	if h := app.view.hidden[r]; h != nil {
		hidden = *h
	}
	e, wn, in = e+hidden[2], wn+hidden[1], in+hidden[0]
	facts := fmt.Sprintf("类型：%s  年度：%s  字数：%d", termsafe.Line(profile), year, r.Chars)
	counts := fmt.Sprintf("错误 %d  警告 %d  提示 %d", e, wn, in)
	if r.Suppressed > 0 {
		counts += fmt.Sprintf("  已忽略 %d", r.Suppressed)
	}
	sep := "  "
	if width := app.termWidth(); width > 0 && lineWidth(facts+sep+counts) >= width {
		sep, counts = "\n", "问题："+counts // two lines rather than a wrap inside the counts
	}
	fmt.Fprintf(w, "%s\n%s%s%s\n", app.paint(ansiBold, termsafe.Line(r.Path)), facts, sep, counts)
	if n := hidden[0] + hidden[1] + hidden[2]; n > 0 {
		var parts []string
		for s, label := range []string{"提示", "警告", "错误"} {
			if hidden[s] > 0 {
				parts = append(parts, fmt.Sprintf("%s %d", label, hidden[s]))
			}
		}
		fmt.Fprintf(w, "未列出：%s（低于 --min-severity %s；退出码仍按 --fail-on 计算）\n", strings.Join(parts, "、"), app.view.minSeverity)
	}
	if s := app.skipped(); s != "" {
		fmt.Fprintf(w, "未检查：%s（已用 --enable/--disable 或配置关闭）\n", s)
	}
	if c := app.configLabel(); c != "" {
		fmt.Fprintf(w, "配置：%s\n", termsafe.Line(c))
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
	if app.ran != nil && !app.ran[placeholderName] {
		fmt.Fprintln(w, "\n未填写的占位符：未检查（占位符检查已关闭）")
		return nil
	}
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
	parts := completenessOf(r)
	if len(parts) == 0 {
		return nil
	}
	fmt.Fprintln(w, "\n各部分完成度（数字项 = 已填 + 未填；名称、日期空位另列；有任何空位即未完成）：")
	rows := make([][]string, 0, len(parts))
	for _, c := range parts {
		rows = append(rows, []string{shorten(c.Section, 24), strconv.Itoa(c.NumberSlots), strconv.Itoa(c.Filled),
			strconv.Itoa(c.UnfilledNumbers), strconv.Itoa(c.UnfilledNames), c.percentLabel()})
	}
	return renderTable(w, width, []string{"部分", "数字项", "已填", "未填", "名称/日期空位", "完成度"}, rows)
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
			fmt.Fprintf(w, "\n%s\n", app.paint(ansiBold, "■ "+termsafe.Line(name)))
		}
		pos := fmt.Sprintf("  %d:%d  ", f.Pos.Line, f.Pos.Col)
		app.printWrapped(w, width, pos, app.sevLabel(f.Severity)+"  ", f.Severity.Chinese()+"  ",
			termsafe.Line(f.Message)+"  ["+f.Rule+"]", "["+f.Rule+"]", app.paint(ansiCyan, "["+f.Rule+"]"))
		if f.Suggestion != "" {
			app.printWrapped(w, width, "        ", "", "", "建议："+termsafe.Line(f.Suggestion), "", "")
		}
		if f.Suppressed {
			app.printWrapped(w, width, "        ", "", "", "已忽略："+termsafe.Line(f.Reason), "", "")
		}
	}
	return nil
}

// printWrapped prints prefix, a label (painted as given, plain for
// measuring) and text wrapped at legal points to the terminal width, with
// continuation lines indented by 8. tail, when it ends the text, is
// replaced by paintedTail (an id is never split, so it stays on one line).
func (app *App) printWrapped(w io.Writer, width int, prefix, label, plainLabel, text, tail, paintedTail string) {
	const indent = "        "
	first := lineWidth(prefix + plainLabel)
	lines := []string{text}
	if width > 0 {
		lines = wrapLines(text, max(width-1-first, 10), max(width-1-len(indent), 10))
	}
	for i, l := range lines {
		if tail != "" && i == len(lines)-1 && strings.HasSuffix(l, tail) {
			l = strings.TrimSuffix(l, tail) + paintedTail
		}
		if i == 0 {
			fmt.Fprintf(w, "%s%s%s\n", prefix, label, l)
		} else {
			fmt.Fprintf(w, "%s%s\n", indent, l)
		}
	}
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

// printSummary is --summary: after the header, the blanks and the
// completeness table, then one row per rule with its count.
func (app *App) printSummary(w io.Writer, width int, r *analyze.Result) error {
	if app.ran != nil && !app.ran[placeholderName] {
		fmt.Fprintln(w, "\n未填写的占位符：未检查（占位符检查已关闭）")
	} else {
		fmt.Fprintf(w, "\n未填写的占位符：%d 处\n", len(r.Placeholders))
		if err := app.printCompleteness(w, width, r); err != nil {
			return err
		}
	}
	type count struct {
		rule string
		sev  analyze.Severity
		n    int
	}
	idx := map[string]int{}
	var counts []count
	for _, f := range r.Findings {
		if f.Suppressed {
			continue
		}
		key := f.Rule + "\x00" + f.Severity.String()
		i, ok := idx[key]
		if !ok {
			i = len(counts)
			idx[key] = i
			counts = append(counts, count{rule: f.Rule, sev: f.Severity})
		}
		counts[i].n++
	}
	if len(counts) == 0 {
		fmt.Fprintln(w, "\n问题：无")
		return nil
	}
	sort.SliceStable(counts, func(i, j int) bool {
		if counts[i].sev != counts[j].sev {
			return counts[i].sev > counts[j].sev
		}
		if counts[i].n != counts[j].n {
			return counts[i].n > counts[j].n
		}
		return counts[i].rule < counts[j].rule
	})
	fmt.Fprintln(w, "\n各规则问题数（去掉 --summary 可看每一处）：")
	rows := make([][]string, 0, len(counts))
	for _, c := range counts {
		rows = append(rows, []string{c.rule, shorten(ruleTitle(c.rule), 30), c.sev.Chinese(), strconv.Itoa(c.n)})
	}
	return renderTable(w, width, []string{"规则", "说明", "级别", "数量"}, rows)
}

// ruleTitle is a rule's Chinese title, or its description when it has no
// title of its own (as reportlint rules shows it); "" for unknown ids.
func ruleTitle(id string) string {
	r := registry().Rule(id)
	if r == nil {
		return ""
	}
	if r.Title == "" || r.Title == r.ID {
		return r.Doc
	}
	return r.Title
}
