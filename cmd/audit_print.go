package cmd

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/similar"
)

// Audit output: one row per file, worst first, then the totals, then the
// passages shared between reports. Every format carries the same data.

var auditHeader = []string{"文件", "类型", "年度", "占位符", "缺少必备项", "结构问题", "一致性问题", "错误", "警告"}

var copyHeader = []string{"报告甲", "报告乙", "甲中占比", "乙中占比", "甲行号", "乙行号", "字数", "相同程度", "摘录"}

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

func errLabel(f *auditFile) string {
	return "无法读取：" + strings.TrimPrefix(f.Err.Error(), f.Path+"：")
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

func (app *App) printAuditTable(rep *auditReport) error {
	w := app.Out
	width := app.termWidth()
	t := rep.totals()
	rows := [][]string{}
	for _, f := range rep.sortedFiles() {
		rows = append(rows, f.row())
	}
	rows = append(rows, []string{fmt.Sprintf("合计（%d 个文件）", t.Files), "", "", strconv.Itoa(t.Placeholders), strconv.Itoa(t.Missing),
		strconv.Itoa(t.Structure), strconv.Itoa(t.Consistency), strconv.Itoa(t.Errors), strconv.Itoa(t.Warnings)})
	if err := renderTable(w, width, auditHeader, rows); err != nil {
		return err
	}
	fmt.Fprintf(w, "共 %d 个文件", t.Files)
	if t.Failed > 0 {
		fmt.Fprintf(w, "，%s", app.paint(ansiRed, fmt.Sprintf("%d 个无法读取", t.Failed)))
	}
	fmt.Fprintf(w, "；错误 %d，警告 %d，提示 %d", t.Errors, t.Warnings, t.Infos)
	if t.Suppressed > 0 {
		fmt.Fprintf(w, "，已忽略 %d", t.Suppressed)
	}
	fmt.Fprintln(w, "。逐条问题请用 reportlint check 文件名 查看，或用 --format html 输出。")
	if c := app.configLabel(); c != "" {
		fmt.Fprintf(w, "配置：%s\n", c)
	}
	if !rep.Copies {
		return nil
	}
	fmt.Fprintln(w)
	if len(rep.Pairs) == 0 {
		fmt.Fprintln(w, "报告之间的重复段落：未发现（多数报告共有的套话、固定提法和标题不计）。")
		return nil
	}
	fmt.Fprintf(w, "报告之间的重复段落（疑似抄袭）：%d 对报告\n", len(rep.Pairs))
	rows = rows[:0]
	for _, p := range rep.Pairs {
		a, b := rep.Files[p.A].Path, rep.Files[p.B].Path
		for k, ps := range p.Passages {
			row := []string{a, b, pctLabel(p.ShareA), pctLabel(p.ShareB)}
			if k > 0 {
				row = []string{"", "", "", ""}
			}
			rows = append(rows, append(row, linesLabel(ps.LinesA), linesLabel(ps.LinesB), strconv.Itoa(ps.CharsA),
				similarityLabel(ps), ps.Excerpt))
		}
	}
	return renderTable(w, width, copyHeader, rows)
}

// JSON output of audit, version 1.
type auditJSON struct {
	Version int              `json:"version"`
	Files   []auditJSONFile  `json:"files"`
	Copies  []auditJSONPair  `json:"copies"`
	Summary auditJSONSummary `json:"summary"`
}

type auditJSONFile struct {
	Path        string          `json:"path"`
	Error       string          `json:"error,omitempty"`
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

// auditJSONSummary is check's summary plus the audit's own totals.
type auditJSONSummary struct {
	jsonSummary
	Missing     int `json:"missing"`
	Structure   int `json:"structure"`
	Consistency int `json:"consistency"`
	CopiedPairs int `json:"copied_pairs"`
}

func toAuditJSON(rep *auditReport) auditJSON {
	out := auditJSON{Version: 1, Files: []auditJSONFile{}, Copies: []auditJSONPair{}}
	for _, f := range rep.sortedFiles() {
		jf := auditJSONFile{Path: f.Path, Missing: nonNil(f.Missing), Findings: []jsonFinding{}}
		if f.Err != nil {
			jf.Error = strings.TrimPrefix(f.Err.Error(), f.Path+"：")
			out.Files = append(out.Files, jf)
			continue
		}
		jf.Format, jf.Profile, jf.ProfileName, jf.Year, jf.Chars = f.Format, f.Profile, f.ProfileName, f.Year, f.Chars
		jf.Counts = auditJSONCounts{f.Errors, f.Warnings, f.Infos, f.Suppressed, f.Placeholders, len(f.Missing), f.Structure, f.Consistency}
		if len(f.Findings) > 0 {
			// the check command's finding format, reused as is
			jf.Findings = toJSONReport([]*analyze.Result{{Path: f.Path, Findings: f.Findings}}).Files[0].Findings
		}
		out.Files = append(out.Files, jf)
	}
	for _, p := range rep.Pairs {
		jp := auditJSONPair{A: rep.Files[p.A].Path, B: rep.Files[p.B].Path, ShareA: p.ShareA, ShareB: p.ShareB}
		for _, ps := range p.Passages {
			jp.Passages = append(jp.Passages, auditJSONPassage{ps.LinesA, ps.LinesB, ps.A.Start, ps.A.End, ps.B.Start, ps.B.End,
				ps.CharsA, ps.Similarity, ps.Identical, ps.Excerpt, ps.ExcerptB})
		}
		out.Copies = append(out.Copies, jp)
	}
	t := rep.totals()
	out.Summary = auditJSONSummary{jsonSummary{t.Files, t.Failed, t.Errors, t.Warnings, t.Infos, t.Suppressed, t.Placeholders},
		t.Missing, t.Structure, t.Consistency, len(rep.Pairs)}
	return out
}

func printAuditJSON(w io.Writer, rep *auditReport) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(toAuditJSON(rep))
}

// printAuditCSV writes two tables separated by an empty line: the files
// (with a totals row), then the shared passages. UTF-8 with a BOM, CRLF.
func printAuditCSV(w io.Writer, rep *auditReport) error {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	header := append(append([]string{}, auditHeader...), "提示", "说明")
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, f := range rep.sortedFiles() {
		row := f.row()
		note := ""
		if f.Err != nil {
			row[1], note = "", errLabel(f)
		} else if len(f.Missing) > 0 {
			note = "缺少：" + strings.Join(f.Missing, "、")
		}
		infos := strconv.Itoa(f.Infos)
		if f.Err != nil {
			infos = "—"
		}
		for i := range row {
			row[i] = csvCell(row[i])
		}
		if err := cw.Write(append(row, infos, csvCell(note))); err != nil {
			return err
		}
	}
	t := rep.totals()
	if err := cw.Write([]string{fmt.Sprintf("合计（%d 个文件）", t.Files), "", "", strconv.Itoa(t.Placeholders), strconv.Itoa(t.Missing),
		strconv.Itoa(t.Structure), strconv.Itoa(t.Consistency), strconv.Itoa(t.Errors), strconv.Itoa(t.Warnings), strconv.Itoa(t.Infos),
		fmt.Sprintf("%d 个无法读取", t.Failed)}); err != nil {
		return err
	}
	if rep.Copies {
		cw.Flush()
		if _, err := io.WriteString(w, "\r\n"); err != nil {
			return err
		}
		if err := cw.Write(copyHeader); err != nil {
			return err
		}
		for _, p := range rep.Pairs {
			for _, ps := range p.Passages {
				if err := cw.Write([]string{csvCell(rep.Files[p.A].Path), csvCell(rep.Files[p.B].Path), pctLabel(p.ShareA), pctLabel(p.ShareB),
					linesLabel(ps.LinesA), linesLabel(ps.LinesB), strconv.Itoa(ps.CharsA), similarityLabel(ps), csvCell(ps.Excerpt)}); err != nil {
					return err
				}
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// HTML: one self-contained page, no script; the style is allowed by hash.
const auditCSS = `body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:2em auto;max-width:1200px;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:1em 0;width:100%}th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#f3f3f3}td.n{text-align:right}tr.total td{font-weight:bold;background:#fafafa}.bad{color:#b00}
.error{color:#b00}.warning{color:#a60}.info{color:#06c}section{border-top:2px solid #ddd;margin-top:2em}
ol.findings li{margin:.4em 0}.rule{color:#777;font-size:.85em}.sugg{color:#375}.excerpt{color:#444}`

var auditCSP = "default-src 'none'; style-src " + cspHash(auditCSS) + "; img-src 'none'; base-uri 'none'; form-action 'none'"

var auditHTMLTemplate = template.Must(template.New("audit").Parse(`<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{.CSP}}">
<title>reportlint 批量检查结果</title><style>{{.CSS}}</style></head><body>
<h1>批量检查结果</h1>
<p>共 {{.T.Files}} 个文件{{if .T.Failed}}，<span class="bad">{{.T.Failed}} 个无法读取</span>{{end}}；错误 {{.T.Errors}}，警告 {{.T.Warnings}}，提示 {{.T.Infos}}{{if .T.Suppressed}}，已忽略 {{.T.Suppressed}}{{end}}。</p>
<table><thead><tr>{{range .Header}}<th>{{.}}</th>{{end}}</tr></thead><tbody>
{{range .Files}}<tr>{{if .Err}}<td><a href="#{{.ID}}">{{.Path}}</a></td><td colspan="8" class="bad">{{.Err}}</td>{{else}}<td><a href="#{{.ID}}">{{.Path}}</a></td><td>{{.Profile}}</td><td>{{.Year}}</td><td class="n">{{.Placeholders}}</td><td class="n">{{.Missing}}</td><td class="n">{{.Structure}}</td><td class="n">{{.Consistency}}</td><td class="n">{{.Errors}}</td><td class="n">{{.Warnings}}</td>{{end}}</tr>
{{end}}<tr class="total"><td>合计（{{.T.Files}} 个文件）</td><td></td><td></td><td class="n">{{.T.Placeholders}}</td><td class="n">{{.T.Missing}}</td><td class="n">{{.T.Structure}}</td><td class="n">{{.T.Consistency}}</td><td class="n">{{.T.Errors}}</td><td class="n">{{.T.Warnings}}</td></tr>
</tbody></table>
{{if .Copies}}<h2>报告之间的重复段落</h2>
{{if .Pairs}}<p>{{len .Pairs}} 对报告有相同或近似相同的段落（疑似抄袭）。多数报告共有的套话、固定提法和标题不计。</p>
<table><thead><tr>{{range .CopyHeader}}<th>{{.}}</th>{{end}}</tr></thead><tbody>
{{range .Pairs}}{{$p := .}}{{range $i, $s := .Passages}}<tr>{{if eq $i 0}}<td rowspan="{{len $p.Passages}}">{{$p.A}}</td><td rowspan="{{len $p.Passages}}">{{$p.B}}</td><td rowspan="{{len $p.Passages}}" class="n">{{$p.ShareA}}</td><td rowspan="{{len $p.Passages}}" class="n">{{$p.ShareB}}</td>{{end}}<td>{{$s.LinesA}}</td><td>{{$s.LinesB}}</td><td class="n">{{$s.Chars}}</td><td>{{$s.Similarity}}</td><td class="excerpt">{{$s.Excerpt}}</td></tr>
{{end}}{{end}}</tbody></table>
{{else}}<p>未发现（多数报告共有的套话、固定提法和标题不计）。</p>{{end}}{{end}}
{{range .Files}}<section id="{{.ID}}"><h2>{{.Path}}</h2>
{{if .Err}}<p class="bad">{{.Err}}</p>{{else}}<p>类型：{{.Profile}}　年度：{{.Year}}　字数：{{.Chars}}　错误 {{.Errors}}　警告 {{.Warnings}}　提示 {{.Infos}}</p>
{{if .MissingList}}<p>缺少必备项：{{.MissingList}}</p>{{end}}
{{if .Items}}<ol class="findings">{{range .Items}}<li><span class="{{.Sev}}">{{.SevLabel}}</span> {{.Pos}} {{.Message}} <span class="rule">[{{.Rule}}]</span>{{if .Suggestion}}<br><span class="sugg">建议：{{.Suggestion}}</span>{{end}}</li>
{{end}}</ol>{{else}}<p>没有发现问题。</p>{{end}}{{end}}</section>
{{end}}</body></html>
`))

type auditHTMLFile struct {
	ID, Path, Err, Profile, Year, MissingList                                     string
	Chars, Placeholders, Missing, Structure, Consistency, Errors, Warnings, Infos int
	Items                                                                         []auditHTMLItem
}

type auditHTMLItem struct{ Sev, SevLabel, Pos, Message, Rule, Suggestion string }

type auditHTMLPair struct {
	A, B, ShareA, ShareB string
	Passages             []auditHTMLPassage
}

type auditHTMLPassage struct {
	LinesA, LinesB, Similarity, Excerpt string
	Chars                               int
}

func printAuditHTML(w io.Writer, rep *auditReport) error {
	page := struct {
		CSP                string
		CSS                template.CSS
		Header, CopyHeader []string
		T                  auditTotals
		Files              []auditHTMLFile
		Copies             bool
		Pairs              []auditHTMLPair
	}{CSP: auditCSP, CSS: template.CSS(auditCSS), Header: auditHeader, CopyHeader: copyHeader, T: rep.totals(), Copies: rep.Copies}
	for n, f := range rep.sortedFiles() {
		hf := auditHTMLFile{ID: "f" + strconv.Itoa(n+1), Path: f.Path}
		if f.Err != nil {
			hf.Err = errLabel(f)
			page.Files = append(page.Files, hf)
			continue
		}
		hf.Profile, hf.Year, hf.MissingList = profileLabel(f), yearLabel(f.Year), strings.Join(f.Missing, "、")
		hf.Chars, hf.Placeholders, hf.Missing, hf.Structure, hf.Consistency = f.Chars, f.Placeholders, len(f.Missing), f.Structure, f.Consistency
		hf.Errors, hf.Warnings, hf.Infos = f.Errors, f.Warnings, f.Infos
		for _, x := range f.Findings {
			msg := x.Message
			if x.Suppressed {
				msg += "（已忽略：" + x.Reason + "）"
			}
			hf.Items = append(hf.Items, auditHTMLItem{sevClass(x.Severity), x.Severity.Chinese(), posLabel(x.Pos.Line, x.Pos.Col), msg, x.Rule, x.Suggestion})
		}
		page.Files = append(page.Files, hf)
	}
	for _, p := range rep.Pairs {
		hp := auditHTMLPair{A: rep.Files[p.A].Path, B: rep.Files[p.B].Path, ShareA: pctLabel(p.ShareA), ShareB: pctLabel(p.ShareB)}
		for _, ps := range p.Passages {
			hp.Passages = append(hp.Passages, auditHTMLPassage{linesLabel(ps.LinesA), linesLabel(ps.LinesB), similarityLabel(ps), ps.Excerpt, ps.CharsA})
		}
		page.Pairs = append(page.Pairs, hp)
	}
	return auditHTMLTemplate.Execute(w, page)
}
