package cmd

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"golang.org/x/term"

	"github.com/reportlint/reportlint/internal/termsafe"
)

// The narrow layout (terminals under 100 columns): short relative paths,
// the counts that matter on the file's line, the details below it.

// auditWidth is the terminal's width for the audit table, or 0 off a
// terminal. app.Out is wrapped by run, so termWidth cannot see the
// terminal behind it; standard output is asked directly.
func (app *App) auditWidth() int {
	if !app.OutTTY {
		return 0
	}
	if app.OutputFile == "" && term.IsTerminal(int(os.Stdout.Fd())) {
		if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil && w > 20 {
			return w
		}
	}
	return app.termWidth()
}

// shortPaths maps each file's path to what the table shows. On a terminal
// the folder all files share is cut (key "" holds it, to be named once);
// otherwise paths are shown whole.
func shortPaths(files []*auditFile, relative bool) map[string]string {
	out := map[string]string{}
	if !relative {
		for _, f := range files {
			out[f.Path] = f.Path
		}
		return out
	}
	common := ""
	for i, f := range files {
		dir := filepath.Dir(f.Path)
		if i == 0 {
			common = dir
			continue
		}
		for common != "." && common != "/" && dir != common && !strings.HasPrefix(dir, common+string(filepath.Separator)) {
			common = filepath.Dir(common)
		}
	}
	if len(files) == 1 || common == "." || common == "/" {
		common = ""
	}
	if common != "" {
		out[""] = common
	}
	for _, f := range files {
		p := f.Path
		if common != "" {
			if rel, err := filepath.Rel(common, p); err == nil && !strings.HasPrefix(rel, "..") {
				p = rel
			}
		}
		out[f.Path] = p
	}
	return out
}

// fitEnd keeps the end of s within width columns: …/科室/报告.txt
func fitEnd(s string, width int) string {
	if width < 8 || twwidth.Width(s) <= width {
		return s
	}
	r := []rune(s)
	for i := range r {
		if t := "…" + string(r[i:]); twwidth.Width(t) <= width {
			return t
		}
	}
	return s
}

func (app *App) printAuditNarrow(w io.Writer, width int, rep *auditReport, short map[string]string) {
	rule := strings.Repeat("─", min(width-1, 60))
	fmt.Fprintln(w, "文件（问题最多的在前）")
	fmt.Fprintln(w, rule)
	for _, f := range rep.sortedFiles() {
		name := fitEnd(termsafe.Line(short[f.Path]), width-2)
		if f.Err != nil {
			fmt.Fprintln(w, app.paint(ansiRed, name))
			fmt.Fprintf(w, "  %s\n", termsafe.Line(errLabel(f)))
			continue
		}
		fmt.Fprintln(w, name)
		fmt.Fprintf(w, "  错误 %d　警告 %d　占位符 %d　缺少必备项 %d\n", f.Errors, f.Warnings, f.Placeholders, len(f.Missing))
		fmt.Fprintf(w, "  %s · %s年度 · 结构问题 %d · 一致性问题 %d\n", termsafe.Line(profileLabel(f)), yearLabel(f.Year), f.Structure, f.Consistency)
		if len(f.Missing) > 0 {
			fmt.Fprintf(w, "  缺少：%s\n", termsafe.Excerpt(strings.Join(f.Missing, "、"), max(10, (width-10)/2)))
		}
	}
	fmt.Fprintln(w, rule)
	t := rep.totals()
	fmt.Fprintf(w, "合计：占位符 %d　缺少必备项 %d　结构问题 %d　一致性问题 %d\n", t.Placeholders, t.Missing, t.Structure, t.Consistency)
}
