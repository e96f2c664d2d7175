package cmd

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/reportlint/reportlint/crossref"
	"github.com/reportlint/reportlint/internal/termsafe"
	"github.com/reportlint/reportlint/similar"
)

// Audit output: one row per file, worst first, then the totals, then the
// copying rings, the pairs outside rings, the text treated as template, and
// the figures that disagree across reports. Every format carries the same
// data.

var auditHeader = []string{"文件", "类型", "年度", "占位符", "缺少必备项", "结构问题", "一致性问题", "错误", "警告"}

var copyHeader = []string{"报告甲", "报告乙", "甲中占比", "乙中占比", "甲行号", "乙行号", "字数", "相同程度", "摘录"}

var conflictHeader = []string{"指标", "范围", "年度", "文件", "位置", "数字", "原文"}

var templateHeader = []string{"不计为抄袭的原因", "示例文件", "行号", "字数", "摘录"}

func (app *App) printAudit(o *auditOptions, rep *auditReport) error {
	switch o.Format {
	case "json":
		return printAuditJSON(app.Out, rep)
	case "csv":
		return printAuditCSV(app.Out, rep)
	case "html":
		return printAuditHTML(app.Out, rep)
	}
	return app.printAuditTable(rep)
}

func profileLabel(f *auditFile) string {
	if f.ProfileName != "" {
		return f.ProfileName
	}
	return "未识别"
}

func yearLabel(y int) string {
	if y == 0 {
		return "—"
	}
	return strconv.Itoa(y)
}

// errLabel is the reason a file has no results.
func errLabel(f *auditFile) string {
	reason := strings.TrimPrefix(f.Err.Error(), f.Path+"：")
	if f.OverLimit || strings.HasPrefix(reason, "内部错误") {
		return reason
	}
	return "无法读取：" + reason
}

// auditTotals sums the counts of the readable files.
type auditTotals struct {
	Files, Failed                                                   int
	Placeholders, Missing, Structure, Consistency, Errors, Warnings int
	Infos, Suppressed                                               int
}

func (r *auditReport) totals() auditTotals {
	var t auditTotals
	for _, f := range r.Files {
		t.Files++
		if f.Err != nil {
			t.Failed++
			continue
		}
		t.Placeholders += f.Placeholders
		t.Missing += len(f.Missing)
		t.Structure += f.Structure
		t.Consistency += f.Consistency
		t.Errors += f.Errors
		t.Warnings += f.Warnings
		t.Infos += f.Infos
		t.Suppressed += f.Suppressed
	}
	return t
}

func (f *auditFile) row() []string {
	if f.Err != nil {
		return []string{f.Path, errLabel(f), "—", "—", "—", "—", "—", "—", "—"}
	}
	return []string{f.Path, profileLabel(f), yearLabel(f.Year), strconv.Itoa(f.Placeholders), strconv.Itoa(len(f.Missing)),
		strconv.Itoa(f.Structure), strconv.Itoa(f.Consistency), strconv.Itoa(f.Errors), strconv.Itoa(f.Warnings)}
}

// similarityLabel says how alike a passage's two sides are.
func similarityLabel(p similar.Passage) string {
	switch {
	case p.Identical:
		return "完全相同"
	case p.Similarity >= 1:
		return "文字相同（标点或空格不同）"
	}
	return fmt.Sprintf("近似（%.1f%%）", p.Similarity*100)
}

func linesLabel(l [2]int) string {
	if l[0] == l[1] {
		return strconv.Itoa(l[0])
	}
	return strconv.Itoa(l[0]) + "–" + strconv.Itoa(l[1])
}

func pctLabel(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) + "%" }

// valueLabel is a figure as the report wrote it: 约2.1万元.
func valueLabel(c crossref.Claim) string {
	return c.Qualifier + strconv.FormatFloat(c.Value, 'f', -1, 64) + c.Unit
}

func scopeLabel(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// ringTitle is a ring's heading: 这 N 份报告彼此有 X% 以上相同……
func ringTitle(r similar.Ring) string {
	return fmt.Sprintf("这 %d 份报告彼此有 %.1f%% 以上相同（两两全文重合的中位数 %.1f%%），疑似相互抄袭或套用同一底稿，请核实。",
		len(r.Members), r.MinOverlap, r.MedianOverlap)
}

// changedSummary is the sentence that says the comparison is incomplete.
func changedSummary(n int) string {
	return fmt.Sprintf("注意：%d 个文件在检查期间被修改或删除，报告之间的比对不完整（结果按读取时的内容）：", n)
}

const noCopiesFound = "报告之间的重复段落：未发现（固定表述和多份互不相关报告共有的模板文字不计）。"

func (app *App) printAuditTable(rep *auditReport) error {
	w := app.Out
	width := app.auditWidth()
	narrow := width > 0 && width < 100
	t := rep.totals()
	short := shortPaths(rep.Files, width > 0) // relative paths on a terminal
	if narrow {
		app.printAuditNarrow(w, width, rep, short)
	} else {
		rows := [][]string{}
		for _, f := range rep.sortedFiles() {
			r := f.row()
			r[0] = termsafe.Line(short[f.Path])
			for i := 1; i < len(r); i++ {
				r[i] = termsafe.Line(r[i])
			}
			rows = append(rows, r)
		}
		rows = append(rows, []string{fmt.Sprintf("合计（%d 个文件）", t.Files), "", "", strconv.Itoa(t.Placeholders), strconv.Itoa(t.Missing),
			strconv.Itoa(t.Structure), strconv.Itoa(t.Consistency), strconv.Itoa(t.Errors), strconv.Itoa(t.Warnings)})
		if err := renderTable(w, width, auditHeader, rows); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "共 %d 个文件", t.Files)
	if t.Failed > 0 {
		fmt.Fprintf(w, "，%s", app.paint(ansiRed, fmt.Sprintf("%d 个无法检查", t.Failed)))
	}
	fmt.Fprintf(w, "；错误 %d，警告 %d，提示 %d", t.Errors, t.Warnings, t.Infos)
	if t.Suppressed > 0 {
		fmt.Fprintf(w, "，已忽略 %d", t.Suppressed)
	}
	fmt.Fprintln(w, "。逐条问题请用 reportlint check 文件名 查看，或用 --format html 输出。")
	if dir := short[""]; dir != "" {
		fmt.Fprintf(w, "文件路径相对于 %s\n", termsafe.Line(dir))
	}
	if c := app.configLabel(); c != "" {
		fmt.Fprintf(w, "配置：%s\n", termsafe.Line(c))
	}
	if ch := rep.changed(); len(ch) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, app.paint(ansiRed, changedSummary(len(ch))))
		for _, f := range ch {
			fmt.Fprintf(w, "  %s：%s\n", termsafe.Line(short[f.Path]), f.Changed)
		}
	}
	if rep.Copies {
		if err := app.printCopiesTable(w, width, narrow, rep, short); err != nil {
			return err
		}
	}
	return app.printConflictsTable(w, width, narrow, rep, short)
}

func (app *App) printCopiesTable(w io.Writer, width int, narrow bool, rep *auditReport, short map[string]string) error {
	c := rep.Comparison
	name := func(id int) string { return termsafe.Line(short[rep.Files[id].Path]) }
	fmt.Fprintln(w)
	if len(c.Rings) == 0 && len(c.Pairs) == 0 {
		fmt.Fprintln(w, noCopiesFound)
	}
	if len(c.Rings) > 0 {
		fmt.Fprintf(w, "疑似相互抄袭的报告组：%d 组\n", len(c.Rings))
		for k, r := range c.Rings {
			fmt.Fprintf(w, "\n第 %d 组：%s\n", k+1, ringTitle(r))
			for _, m := range r.Members {
				fmt.Fprintf(w, "  %s\n", name(m))
			}
			for _, s := range r.Shared {
				fmt.Fprintf(w, "  共同段落（%s 第 %s 行，%d 字）：%s\n", name(s.Doc), linesLabel(s.Lines), s.Chars, termsafe.Line(s.Excerpt))
			}
		}
	}
	if len(c.Pairs) > 0 {
		fmt.Fprintf(w, "\n报告之间的重复段落（疑似抄袭，组外）：%d 对报告\n", len(c.Pairs))
		if narrow {
			for _, p := range c.Pairs {
				fmt.Fprintf(w, "\n%s\n↔ %s\n  分别占两份报告的 %s、%s\n", name(p.A), name(p.B), pctLabel(p.ShareA), pctLabel(p.ShareB))
				for _, ps := range p.Passages {
					fmt.Fprintf(w, "  第 %s 行 ↔ 第 %s 行，%d 字，%s：%s\n", linesLabel(ps.LinesA), linesLabel(ps.LinesB), ps.CharsA,
						similarityLabel(ps), termsafe.Line(ps.Excerpt))
				}
			}
		} else {
			rows := [][]string{}
			for _, p := range c.Pairs {
				for k, ps := range p.Passages {
					row := []string{name(p.A), name(p.B), pctLabel(p.ShareA), pctLabel(p.ShareB)}
					if k > 0 {
						row = []string{"", "", "", ""}
					}
					rows = append(rows, append(row, linesLabel(ps.LinesA), linesLabel(ps.LinesB), strconv.Itoa(ps.CharsA),
						similarityLabel(ps), termsafe.Line(ps.Excerpt)))
				}
			}
			if err := renderTable(w, width, copyHeader, rows); err != nil {
				return err
			}
		}
	}
	if len(c.Template) > 0 {
		fmt.Fprintf(w, "\n按模板文字处理、不计为抄袭的段落：%d 段\n", len(c.Template))
		for _, t := range c.Template {
			where := name(t.Example)
			if t.Lines[0] > 0 {
				where += " 第 " + linesLabel(t.Lines) + " 行"
			}
			fmt.Fprintf(w, "  %s（%s，%d 字）：%s\n", t.Why(), where, t.Chars, termsafe.Line(t.Excerpt))
		}
	}
	return nil
}

func (app *App) printConflictsTable(w io.Writer, width int, narrow bool, rep *auditReport, short map[string]string) error {
	fmt.Fprintln(w)
	if len(rep.Conflicts) == 0 {
		fmt.Fprintln(w, "报告之间的数字不一致：未发现（只比较指标、范围、单位和年度都相同的数字）。")
		return nil
	}
	fmt.Fprintf(w, "报告之间的数字不一致（疑似，请核实）：%d 项\n", len(rep.Conflicts))
	if narrow {
		for _, c := range rep.Conflicts {
			fmt.Fprintf(w, "\n%s（范围 %s，%s）\n", termsafe.Line(c.Metric), termsafe.Line(scopeLabel(c.Scope)), termsafe.Line(c.Period))
			for _, p := range c.Places {
				fmt.Fprintf(w, "  %s 第 %d 行：%s　%s\n", termsafe.Line(short[p.File]), p.Line, termsafe.Line(valueLabel(p)), termsafe.Line(p.Excerpt))
			}
		}
		return nil
	}
	rows := [][]string{}
	for _, c := range rep.Conflicts {
		for k, p := range c.Places {
			row := []string{termsafe.Line(c.Metric), termsafe.Line(scopeLabel(c.Scope)), termsafe.Line(c.Period)}
			if k > 0 {
				row = []string{"", "", ""}
			}
			rows = append(rows, append(row, termsafe.Line(short[p.File]), posLabel(p.Line, p.Col), termsafe.Line(valueLabel(p)), termsafe.Line(p.Excerpt)))
		}
	}
	return renderTable(w, width, conflictHeader, rows)
}

// JSON output of audit, version 1 (fields added: rings, template,
// conflicts, changed, incomplete).
type auditJSON struct {
	Version   int                 `json:"version"`
	Files     []auditJSONFile     `json:"files"`
	Rings     []auditJSONRing     `json:"rings"`
	Copies    []auditJSONPair     `json:"copies"`
	Template  []auditJSONTemplate `json:"template"`
	Conflicts []auditJSONConflict `json:"conflicts"`
	Summary   auditJSONSummary    `json:"summary"`
}

type auditJSONFile struct {
	Path        string          `json:"path"`
	Error       string          `json:"error,omitempty"`
	OverLimit   bool            `json:"over_limit,omitempty"`
	Changed     string          `json:"changed,omitempty"`
	Format      string          `json:"format,omitempty"`
	Profile     string          `json:"profile"`
	ProfileName string          `json:"profile_name"`
	Year        int             `json:"year"`
	Chars       int             `json:"chars"`
	Counts      auditJSONCounts `json:"counts"`
	Missing     []string        `json:"missing"`
	Findings    []jsonFinding   `json:"findings"`
}

type auditJSONCounts struct {
	Errors       int `json:"errors"`
	Warnings     int `json:"warnings"`
	Infos        int `json:"infos"`
	Suppressed   int `json:"suppressed"`
	Placeholders int `json:"placeholders"`
	Missing      int `json:"missing"`
	Structure    int `json:"structure"`
	Consistency  int `json:"consistency"`
}

type auditJSONRing struct {
	Members       []string            `json:"members"`
	MinOverlap    float64             `json:"min_overlap"` // percent
	MedianOverlap float64             `json:"median_overlap"`
	Message       string              `json:"message"`
	Shared        []auditJSONRingPart `json:"shared"`
}

type auditJSONRingPart struct {
	File    string `json:"file"`
	Lines   [2]int `json:"lines"`
	Chars   int    `json:"chars"`
	Excerpt string `json:"excerpt"`
}

type auditJSONPair struct {
	A        string             `json:"a"`
	B        string             `json:"b"`
	ShareA   float64            `json:"share_a"` // percent of A's characters
	ShareB   float64            `json:"share_b"`
	Passages []auditJSONPassage `json:"passages"`
}

type auditJSONPassage struct {
	LinesA     [2]int  `json:"lines_a"`
	LinesB     [2]int  `json:"lines_b"`
	OffsetA    int     `json:"offset_a"`
	EndOffsetA int     `json:"end_offset_a"`
	OffsetB    int     `json:"offset_b"`
	EndOffsetB int     `json:"end_offset_b"`
	Chars      int     `json:"chars"`
	Similarity float64 `json:"similarity"`
	Identical  bool    `json:"identical"`
	Excerpt    string  `json:"excerpt"`
	ExcerptB   string  `json:"excerpt_b,omitempty"`
}

type auditJSONTemplate struct {
	Reason    string `json:"reason"` // stock or common
	Why       string `json:"why"`
	Reports   int    `json:"reports"`
	Unrelated int    `json:"unrelated,omitempty"`
	Example   string `json:"example"`
	Lines     [2]int `json:"lines"`
	Chars     int    `json:"chars"`
	Excerpt   string `json:"excerpt"`
}

type auditJSONConflict struct {
	Metric  string           `json:"metric"`
	Scope   string           `json:"scope"`
	Unit    string           `json:"unit"`
	Period  string           `json:"period"`
	Message string           `json:"message"`
	Places  []crossref.Claim `json:"places"`
}

// auditJSONSummary is check's summary plus the audit's own totals.
type auditJSONSummary struct {
	jsonSummary
	Missing     int `json:"missing"`
	Structure   int `json:"structure"`
	Consistency int `json:"consistency"`
	CopiedPairs int `json:"copied_pairs"`
	Rings       int `json:"rings"`
	Conflicts   int `json:"conflicts"`
	// Incomplete: files changed during the audit (see files[].changed).
	Incomplete bool   `json:"incomplete"`
	Note       string `json:"note,omitempty"` // says so, in Chinese
}

func toAuditJSON(rep *auditReport) auditJSON {
	out := auditJSON{Version: 1, Files: []auditJSONFile{}, Rings: []auditJSONRing{}, Copies: []auditJSONPair{},
		Template: []auditJSONTemplate{}, Conflicts: []auditJSONConflict{}}
	for _, f := range rep.sortedFiles() {
		jf := auditJSONFile{Path: f.Path, Changed: f.Changed, OverLimit: f.OverLimit, Missing: nonNil(f.Missing), Findings: nonNil(f.Findings)}
		if f.Err != nil {
			jf.Error = strings.TrimPrefix(f.Err.Error(), f.Path+"：")
			out.Files = append(out.Files, jf)
			continue
		}
		jf.Format, jf.Profile, jf.ProfileName, jf.Year, jf.Chars = f.Format, f.Profile, f.ProfileName, f.Year, f.Chars
		jf.Counts = auditJSONCounts{f.Errors, f.Warnings, f.Infos, f.Suppressed, f.Placeholders, len(f.Missing), f.Structure, f.Consistency}
		out.Files = append(out.Files, jf)
	}
	path := func(id int) string { return rep.Files[id].Path }
	if c := rep.Comparison; c != nil {
		for _, r := range c.Rings {
			jr := auditJSONRing{MinOverlap: r.MinOverlap, MedianOverlap: r.MedianOverlap, Message: ringTitle(r), Shared: []auditJSONRingPart{}}
			for _, m := range r.Members {
				jr.Members = append(jr.Members, path(m))
			}
			for _, s := range r.Shared {
				jr.Shared = append(jr.Shared, auditJSONRingPart{path(s.Doc), s.Lines, s.Chars, s.Excerpt})
			}
			out.Rings = append(out.Rings, jr)
		}
		for _, t := range c.Template {
			out.Template = append(out.Template, auditJSONTemplate{t.Reason, t.Why(), t.Reports, t.Unrelated, path(t.Example), t.Lines, t.Chars, t.Excerpt})
		}
	}
	for _, p := range rep.Pairs {
		jp := auditJSONPair{A: path(p.A), B: path(p.B), ShareA: p.ShareA, ShareB: p.ShareB}
		for _, ps := range p.Passages {
			jp.Passages = append(jp.Passages, auditJSONPassage{ps.LinesA, ps.LinesB, ps.A.Start, ps.A.End, ps.B.Start, ps.B.End,
				ps.CharsA, ps.Similarity, ps.Identical, ps.Excerpt, ps.ExcerptB})
		}
		out.Copies = append(out.Copies, jp)
	}
	for _, c := range rep.Conflicts {
		out.Conflicts = append(out.Conflicts, auditJSONConflict{c.Metric, c.Scope, c.Unit, c.Period, c.Message(), c.Places})
	}
	t := rep.totals()
	out.Summary = auditJSONSummary{jsonSummary{t.Files, t.Failed, t.Errors, t.Warnings, t.Infos, t.Suppressed, t.Placeholders},
		t.Missing, t.Structure, t.Consistency, len(rep.Pairs), len(out.Rings), len(rep.Conflicts), false, ""}
	if ch := rep.changed(); len(ch) > 0 {
		out.Summary.Incomplete = true
		out.Summary.Note = strings.TrimSuffix(changedSummary(len(ch)), "：") + "，见各文件的 changed 字段。"
	}
	return out
}

func printAuditJSON(w io.Writer, rep *auditReport) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(toAuditJSON(rep))
}

// printAuditCSV writes tables separated by an empty line: the files (with
// a totals row), the copying rings, the shared passages, the template
// text and the figures that disagree. UTF-8 with a BOM, CRLF.
func printAuditCSV(w io.Writer, rep *auditReport) error {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	section := func(header []string) {
		cw.Flush()
		io.WriteString(w, "\r\n")
		cw.Write(header)
	}
	cw.Write(append(append([]string{}, auditHeader...), "提示", "说明"))
	for _, f := range rep.sortedFiles() {
		row := f.row()
		var notes []string
		if f.Err != nil {
			row[1] = ""
			notes = append(notes, errLabel(f))
		} else if len(f.Missing) > 0 {
			notes = append(notes, "缺少："+strings.Join(f.Missing, "、"))
		}
		if f.Changed != "" {
			notes = append(notes, f.Changed)
		}
		infos := strconv.Itoa(f.Infos)
		if f.Err != nil {
			infos = "—"
		}
		for i := range row {
			row[i] = csvCell(row[i])
		}
		cw.Write(append(row, infos, csvCell(strings.Join(notes, "；"))))
	}
	t := rep.totals()
	note := fmt.Sprintf("%d 个无法检查", t.Failed)
	if ch := rep.changed(); len(ch) > 0 {
		note += "；" + strings.TrimSuffix(changedSummary(len(ch)), "：")
	}
	cw.Write([]string{fmt.Sprintf("合计（%d 个文件）", t.Files), "", "", strconv.Itoa(t.Placeholders), strconv.Itoa(t.Missing),
		strconv.Itoa(t.Structure), strconv.Itoa(t.Consistency), strconv.Itoa(t.Errors), strconv.Itoa(t.Warnings), strconv.Itoa(t.Infos), note})
	path := func(id int) string { return csvCell(rep.Files[id].Path) }
	if c := rep.Comparison; rep.Copies && c != nil {
		section([]string{"报告组", "文件", "两两重合至少", "重合中位数", "说明"})
		for k, r := range c.Rings {
			for i, m := range r.Members {
				msg := ""
				if i == 0 {
					msg = ringTitle(r)
				}
				cw.Write([]string{strconv.Itoa(k + 1), path(m), pctLabel(r.MinOverlap), pctLabel(r.MedianOverlap), msg})
			}
		}
		section(copyHeader)
		for _, p := range c.Pairs {
			for _, ps := range p.Passages {
				cw.Write([]string{path(p.A), path(p.B), pctLabel(p.ShareA), pctLabel(p.ShareB),
					linesLabel(ps.LinesA), linesLabel(ps.LinesB), strconv.Itoa(ps.CharsA), similarityLabel(ps), csvCell(ps.Excerpt)})
			}
		}
		section(templateHeader)
		for _, t := range c.Template {
			cw.Write([]string{t.Why(), path(t.Example), linesLabel(t.Lines), strconv.Itoa(t.Chars), csvCell(t.Excerpt)})
		}
	}
	section(conflictHeader)
	for _, c := range rep.Conflicts {
		for _, p := range c.Places {
			cw.Write([]string{csvCell(c.Metric), csvCell(scopeLabel(c.Scope)), csvCell(c.Period), csvCell(p.File), posLabel(p.Line, p.Col),
				csvCell(valueLabel(p)), csvCell(p.Excerpt)})
		}
	}
	cw.Flush()
	return cw.Error()
}
