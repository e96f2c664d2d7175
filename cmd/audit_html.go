package cmd

import (
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/reportlint/reportlint/internal/lazy"
)

// HTML: one self-contained page, no script (the filters are radio buttons
// and CSS); the style is allowed by hash. Each file is a collapsible
// section.
const auditCSS = `body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:2em auto;max-width:1200px;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:1em 0;width:100%}th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#f3f3f3}td.n{text-align:right}tr.total td{font-weight:bold;background:#fafafa}.bad{color:#b00}
.error{color:#b00}.warning{color:#a60}.info{color:#06c}.note{background:#fff4e5;border:1px solid #f0c36d;padding:.5em 1em}
details.file{border:1px solid #ddd;margin:.4em 0;padding:.3em .8em}details.file summary{cursor:pointer;font-weight:bold}
.filters{margin:1em 0}.filters input{position:absolute;opacity:0}.filters label{border:1px solid #aaa;border-radius:1em;padding:.2em .8em;margin-right:.4em;cursor:pointer;display:inline-block}
#flt-all:checked~.filters label[for=flt-all],#flt-err:checked~.filters label[for=flt-err],#flt-warn:checked~.filters label[for=flt-warn],#flt-fail:checked~.filters label[for=flt-fail],#flt-copy:checked~.filters label[for=flt-copy],#flt-num:checked~.filters label[for=flt-num]{background:#333;color:#fff}
#flt-err:checked~.files details:not(.err),#flt-warn:checked~.files details:not(.warn),#flt-fail:checked~.files details:not(.fail),#flt-copy:checked~.files details:not(.copy),#flt-num:checked~.files details:not(.num){display:none}
input.flt{position:absolute;opacity:0}
ol.findings li{margin:.4em 0}.rule{color:#777;font-size:.85em}.sugg{color:#375}.excerpt{color:#444}`

// auditCSP and auditHTMLTemplate are built on first use: only audit -f html needs them.
var auditCSP = lazy.Value(func() string {
	return "default-src 'none'; style-src " + cspHash(auditCSS) + "; img-src 'none'; base-uri 'none'; form-action 'none'"
})

var auditHTMLTemplate = lazy.Value(func() *template.Template {
	return template.Must(template.New("audit").Funcs(template.FuncMap{"inc": func(i int) int { return i + 1 }}).Parse(`<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{.CSP}}">
<title>reportlint 批量检查结果（{{.T.Files}} 个文件）</title><style>{{.CSS}}</style></head><body>
<h1>批量检查结果</h1>
<p>共 {{.T.Files}} 个文件{{if .T.Failed}}，<span class="bad">{{.T.Failed}} 个无法检查</span>{{end}}；错误 {{.T.Errors}}，警告 {{.T.Warnings}}，提示 {{.T.Infos}}{{if .T.Suppressed}}，已忽略 {{.T.Suppressed}}{{end}}。</p>
{{if .Changed}}<div class="note"><p>{{.ChangedSummary}}</p><ul>{{range .Changed}}<li>{{.Path}}：{{.Changed}}</li>{{end}}</ul></div>{{end}}
<table><thead><tr>{{range .Header}}<th>{{.}}</th>{{end}}</tr></thead><tbody>
{{range .Files}}<tr>{{if .Err}}<td><a href="#{{.ID}}">{{.Path}}</a></td><td colspan="8" class="bad">{{.Err}}</td>{{else}}<td><a href="#{{.ID}}">{{.Path}}</a></td><td>{{.Profile}}</td><td>{{.Year}}</td><td class="n">{{.Placeholders}}</td><td class="n">{{.Missing}}</td><td class="n">{{.Structure}}</td><td class="n">{{.Consistency}}</td><td class="n">{{.Errors}}</td><td class="n">{{.Warnings}}</td>{{end}}</tr>
{{end}}<tr class="total"><td>合计（{{.T.Files}} 个文件）</td><td></td><td></td><td class="n">{{.T.Placeholders}}</td><td class="n">{{.T.Missing}}</td><td class="n">{{.T.Structure}}</td><td class="n">{{.T.Consistency}}</td><td class="n">{{.T.Errors}}</td><td class="n">{{.T.Warnings}}</td></tr>
</tbody></table>
{{if .Copies}}<h2>疑似相互抄袭的报告组</h2>
{{if .Rings}}{{range $k, $r := .Rings}}<h3>第 {{inc $k}} 组</h3><p>{{$r.Title}}</p><ul>{{range $r.Members}}<li><a href="#{{.ID}}">{{.Path}}</a></li>{{end}}</ul>
{{if $r.Shared}}<p>共同段落：</p><ul>{{range $r.Shared}}<li>{{.}}</li>{{end}}</ul>{{end}}
{{end}}{{else}}<p>未发现。</p>{{end}}
<h2>报告之间的重复段落（组外）</h2>
{{if .Pairs}}<p>{{len .Pairs}} 对报告有相同或近似相同的段落（疑似抄袭）。</p>
<table><thead><tr>{{range .CopyHeader}}<th>{{.}}</th>{{end}}</tr></thead><tbody>
{{range .Pairs}}{{$p := .}}{{range $i, $s := .Passages}}<tr>{{if eq $i 0}}<td rowspan="{{len $p.Passages}}">{{$p.A}}</td><td rowspan="{{len $p.Passages}}">{{$p.B}}</td><td rowspan="{{len $p.Passages}}" class="n">{{$p.ShareA}}</td><td rowspan="{{len $p.Passages}}" class="n">{{$p.ShareB}}</td>{{end}}<td>{{$s.LinesA}}</td><td>{{$s.LinesB}}</td><td class="n">{{$s.Chars}}</td><td>{{$s.Similarity}}</td><td class="excerpt">{{$s.Excerpt}}</td></tr>
{{end}}{{end}}</tbody></table>
{{else}}<p>未发现（固定表述和多份互不相关报告共有的模板文字不计）。</p>{{end}}
{{if .Template}}<details><summary>按模板文字处理、不计为抄袭的段落（{{len .Template}} 段）</summary>
<table><thead><tr>{{range .TemplateHeader}}<th>{{.}}</th>{{end}}</tr></thead><tbody>
{{range .Template}}<tr>{{range .}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody></table></details>{{end}}{{end}}
<h2>报告之间的数字不一致</h2>
{{if .Conflicts}}<p>{{.ConflictCount}} 项（疑似，请核实）。只比较指标、范围、单位和年度都相同的数字。</p>
<table><thead><tr>{{range .ConflictHeader}}<th>{{.}}</th>{{end}}</tr></thead><tbody>
{{range .Conflicts}}<tr>{{range .}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody></table>
{{else}}<p>未发现（只比较指标、范围、单位和年度都相同的数字）。</p>{{end}}
<h2>各文件的问题</h2>
<input type="radio" name="flt" id="flt-all" class="flt" checked><input type="radio" name="flt" id="flt-err" class="flt"><input type="radio" name="flt" id="flt-warn" class="flt"><input type="radio" name="flt" id="flt-fail" class="flt"><input type="radio" name="flt" id="flt-copy" class="flt"><input type="radio" name="flt" id="flt-num" class="flt">
<div class="filters">筛选：<label for="flt-all">全部</label><label for="flt-err">有错误</label><label for="flt-warn">有警告</label><label for="flt-fail">无法检查</label><label for="flt-copy">涉及抄袭</label><label for="flt-num">数字不一致</label></div>
<div class="files">
{{range .Files}}<details class="file{{.Classes}}" id="{{.ID}}"><summary>{{.Path}}{{if .Err}}　<span class="bad">无法检查</span>{{else}}　错误 {{.Errors}}　警告 {{.Warnings}}　提示 {{.Infos}}{{end}}</summary>
{{if .Err}}<p class="bad">{{.Err}}</p>{{else}}<p>类型：{{.Profile}}　年度：{{.Year}}　字数：{{.Chars}}</p>
{{if .Changed}}<p class="note">{{.Changed}}</p>{{end}}
{{if .MissingList}}<p>缺少必备项：{{.MissingList}}</p>{{end}}
{{if .Items}}<ol class="findings">{{range .Items}}<li><span class="{{.Sev}}">{{.SevLabel}}</span> {{.Pos}} {{.Message}} <span class="rule">[{{.Rule}}]</span>{{if .Suggestion}}<br><span class="sugg">建议：{{.Suggestion}}</span>{{end}}</li>
{{end}}</ol>{{else}}<p>没有发现问题。</p>{{end}}{{end}}</details>
{{end}}</div></body></html>
`))
})

type auditHTMLFile struct {
	ID, Path, Err, Profile, Year, MissingList, Changed, Classes                   string
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

type auditHTMLRing struct {
	Title   string
	Members []*auditHTMLFile
	Shared  []string
}

var sevLabels = map[string]string{"error": "错误", "warning": "警告", "info": "提示"}

func printAuditHTML(w io.Writer, rep *auditReport) error {
	page := struct {
		CSP                                string
		CSS                                template.CSS
		Header, CopyHeader, TemplateHeader []string
		ConflictHeader                     []string
		T                                  auditTotals
		Files                              []*auditHTMLFile
		Changed                            []*auditHTMLFile
		ChangedSummary                     string
		Copies                             bool
		Rings                              []auditHTMLRing
		Pairs                              []auditHTMLPair
		Template, Conflicts                [][]string
		ConflictCount                      int
	}{ConflictCount: len(rep.Conflicts), CSP: auditCSP(), CSS: template.CSS(auditCSS), Header: auditHeader, CopyHeader: copyHeader, TemplateHeader: templateHeader,
		ConflictHeader: conflictHeader, T: rep.totals(), Copies: rep.Copies}
	byPath := map[string]*auditHTMLFile{}
	for n, f := range rep.sortedFiles() {
		hf := &auditHTMLFile{ID: "f" + strconv.Itoa(n+1), Path: f.Path, Changed: f.Changed}
		byPath[f.Path] = hf
		page.Files = append(page.Files, hf)
		if f.Changed != "" {
			page.Changed = append(page.Changed, hf)
		}
		if f.Err != nil {
			hf.Err, hf.Classes = errLabel(f), " fail"
			continue
		}
		hf.Profile, hf.Year, hf.MissingList = profileLabel(f), yearLabel(f.Year), strings.Join(f.Missing, "、")
		hf.Chars, hf.Placeholders, hf.Missing, hf.Structure, hf.Consistency = f.Chars, f.Placeholders, len(f.Missing), f.Structure, f.Consistency
		hf.Errors, hf.Warnings, hf.Infos = f.Errors, f.Warnings, f.Infos
		if f.Errors > 0 {
			hf.Classes += " err"
		}
		if f.Warnings > 0 {
			hf.Classes += " warn"
		}
		for _, x := range f.Findings {
			msg := x.Message
			if x.Suppressed {
				msg += "（已忽略：" + x.Reason + "）"
			}
			hf.Items = append(hf.Items, auditHTMLItem{x.Severity, sevLabels[x.Severity], posLabel(x.Line, x.Column), msg, x.Rule, x.Suggestion})
		}
	}
	if len(page.Changed) > 0 {
		page.ChangedSummary = changedSummary(len(page.Changed))
	}
	mark := func(path, class string) {
		if hf := byPath[path]; hf != nil && !strings.Contains(hf.Classes, class) {
			hf.Classes += class
		}
	}
	path := func(id int) string { return rep.Files[id].Path }
	if c := rep.Comparison; c != nil {
		for _, r := range c.Rings {
			hr := auditHTMLRing{Title: ringTitle(r)}
			for _, m := range r.Members {
				hr.Members = append(hr.Members, byPath[path(m)])
				mark(path(m), " copy")
			}
			for _, s := range r.Shared {
				hr.Shared = append(hr.Shared, path(s.Doc)+" 第 "+linesLabel(s.Lines)+" 行（"+strconv.Itoa(s.Chars)+" 字）："+s.Excerpt)
			}
			page.Rings = append(page.Rings, hr)
		}
		for _, t := range c.Template {
			page.Template = append(page.Template, []string{t.Why(), path(t.Example), linesLabel(t.Lines), strconv.Itoa(t.Chars), t.Excerpt})
		}
	}
	for _, p := range rep.Pairs {
		mark(path(p.A), " copy")
		mark(path(p.B), " copy")
		hp := auditHTMLPair{A: path(p.A), B: path(p.B), ShareA: pctLabel(p.ShareA), ShareB: pctLabel(p.ShareB)}
		for _, ps := range p.Passages {
			hp.Passages = append(hp.Passages, auditHTMLPassage{linesLabel(ps.LinesA), linesLabel(ps.LinesB), similarityLabel(ps), ps.Excerpt, ps.CharsA})
		}
		page.Pairs = append(page.Pairs, hp)
	}
	for _, c := range rep.Conflicts {
		for _, p := range c.Places {
			mark(p.File, " num")
			page.Conflicts = append(page.Conflicts, []string{c.Metric, scopeLabel(c.Scope), c.Period, p.File, posLabel(p.Line, p.Col), valueLabel(p), p.Excerpt})
		}
	}
	return auditHTMLTemplate().Execute(w, page)
}
