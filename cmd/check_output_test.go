package cmd

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// completenessText has filled numbers, number blanks, name blanks, a part
// with only name blanks and a suppressed number blank.
const completenessText = "2022年度工作总结\n" +
	"一、主要成效\n" +
	"全年完成投资12.5亿元，新建项目**个，同比增长**％。牵头编制《××市规划》。\n" +
	"二、存在问题\n" +
	"由XX同志负责，某某单位配合。\n" +
	"三、下一步打算\n" +
	"计划完成投资15亿元，新增就业3000人。\n" +
	"<!-- reportlint-disable-next-line placeholder: 数据待统计局发布 -->\n" +
	"预计税收**亿元。\n"

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func checkJSON(t *testing.T, args ...string) jsonReport {
	t.Helper()
	app, out, errb := testApp("")
	run(app, append([]string{"check", "--format", "json"}, args...))
	var rep jsonReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("json: %v\n%s\nstderr %s", err, out.String(), errb.String())
	}
	return rep
}

func TestCompletenessColumnsAddUp(t *testing.T) {
	p := writeTemp(t, "c.txt", completenessText)
	rep := checkJSON(t, p)
	rows := rep.Files[0].Completeness
	if len(rows) != 4 {
		t.Fatalf("rows = %+v, want 3 parts and a total", rows)
	}
	type want struct {
		section                       string
		slots, filled, unfilled, name int
		complete                      bool
	}
	wants := []want{
		{"一、主要成效", 3, 1, 2, 1, false},
		{"二、存在问题", 0, 0, 0, 2, false}, // only names: never complete
		{"三、下一步打算", 2, 2, 0, 0, true}, // the suppressed blank is not counted
		{"合计", 5, 3, 2, 3, false},
	}
	for i, w := range wants {
		r := rows[i]
		if r.Section != w.section || r.NumberSlots != w.slots || r.Filled != w.filled || r.UnfilledNumbers != w.unfilled ||
			r.UnfilledNames != w.name || r.Complete != w.complete {
			t.Errorf("row %d = %+v, want %+v", i, r, w)
		}
		if r.NumberSlots != r.Filled+r.UnfilledNumbers || r.Placeholders != r.UnfilledNumbers+r.UnfilledNames {
			t.Errorf("row %d does not add up: %+v", i, r)
		}
		if r.Percent == nil || (*r.Percent >= 100) != r.Complete {
			t.Errorf("row %d: percent %v with complete=%v", i, r.Percent, r.Complete)
		}
	}
	if p := *rows[1].Percent; p != 0 {
		t.Errorf("names-only part: %v%%, want 0", p)
	}
	if p := *rows[0].Percent; p != 25 { // 1 filled of 3 number slots + 1 name blank
		t.Errorf("first part: %v%%, want 25", p)
	}

	// the terminal shows the same numbers
	app, out, _ := testApp("")
	run(app, []string{"check", p})
	for _, s := range []string{"│ 数字项 │ 已填 │ 未填 │ 名称/日期空位 │ 完成度 │", "│ 二、存在问题   │ 0      │ 0    │ 0    │ 2             │ 0.0%   │",
		"│ 三、下一步打算 │ 2      │ 2    │ 0    │ 0             │ 100.0% │", "│ 合计           │ 5      │ 3    │ 2    │ 3             │ 37.5%  │"} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("terminal lacks %q:\n%s", s, out.String())
		}
	}
	// and the page
	app, out, _ = testApp("")
	run(app, []string{"check", "-f", "html", p})
	if !strings.Contains(out.String(), `<tr class="open"><td>二、存在问题</td><td class="n">0</td><td class="n">0</td><td class="n">0</td><td class="n">2</td><td><meter min="0" max="1" low="0.6" high="0.999" optimum="1" value="0"></meter> 0.0%</td></tr>`) {
		t.Errorf("page lacks the names-only row as open at 0%%")
	}
}

// docxWithTable builds a .docx whose table cells hold ** blanks.
func docxWithTable(t *testing.T) []byte {
	t.Helper()
	p := func(s string) string { return `<w:p><w:r><w:t xml:space="preserve">` + s + `</w:t></w:r></w:p>` }
	cell := func(s string) string { return `<w:tc>` + p(s) + `</w:tc>` }
	body := p("2023年度工作总结") + p("一、主要指标") + p("各项指标完成情况见下表。") +
		`<w:tbl><w:tr>` + cell("指标") + cell("完成值") + `</w:tr><w:tr>` + cell("固定资产投资（亿元）") + cell("**") + `</w:tr><w:tr>` +
		cell("新增就业（人）") + cell("**") + `</w:tr></w:tbl>` + p("二、下一步打算") + p("计划完成投资15亿元。")
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range []struct{ name, data string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"word/document.xml", doc},
	} {
		w, err := zw.Create(f.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(f.data))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestCompletenessWordTable(t *testing.T) {
	p := filepath.Join(t.TempDir(), "表格.docx")
	if err := os.WriteFile(p, docxWithTable(t), 0o644); err != nil {
		t.Fatal(err)
	}
	rep := checkJSON(t, p)
	f := rep.Files[0]
	if f.Error != "" {
		t.Fatalf("error: %s", f.Error)
	}
	if len(f.Placeholders) != 2 {
		t.Fatalf("placeholders = %+v, want the two table cells", f.Placeholders)
	}
	for _, r := range f.Completeness {
		if r.Section == "一、主要指标" || r.Section == "合计" {
			if r.Complete || r.Placeholders != 2 || (r.Percent != nil && *r.Percent >= 100) {
				t.Errorf("%s: %+v; the ** cells must keep it incomplete", r.Section, r)
			}
		}
	}
}

func TestEmptyDocument(t *testing.T) {
	for _, content := range []string{"", "  \n\n\t\n", "\u3000\r\n", "<!-- reportlint-disable placeholder: 模板 -->\n"} {
		p := writeTemp(t, "空.txt", content)
		app, out, errb := testApp("")
		code := run(app, []string{"check", "--fail-on", "never", p})
		if code != ExitInput {
			t.Errorf("%q: exit %d, want %d", content, code, ExitInput)
		}
		if !strings.Contains(out.String(), "文档为空") || !strings.Contains(errb.String(), p+"：文档为空") {
			t.Errorf("%q: stdout %q stderr %q; want 文档为空 naming the file", content, out.String(), errb.String())
		}
		if strings.Contains(out.String(), "0 处") {
			t.Errorf("%q: an all-clear for an empty file: %q", content, out.String())
		}
	}
}

func TestDisabledPlaceholderSaysNotChecked(t *testing.T) {
	app, out, _ := testApp("")
	run(app, []string{"check", "--disable", "placeholder", example})
	s := out.String()
	if strings.Contains(s, "未填写的占位符：0 处") || !strings.Contains(s, "未填写的占位符：未检查") || !strings.Contains(s, "未检查：占位符（placeholder）") {
		t.Errorf("output:\n%s", s)
	}
	app, out, _ = testApp("")
	run(app, []string{"check", "-f", "html", "--disable", "placeholder", example})
	if !strings.Contains(out.String(), "未填写的占位符：未检查") {
		t.Errorf("html does not say the placeholders were not checked")
	}
}

func TestMinSeverityKeepsCountsAndExit(t *testing.T) {
	// the example has warnings besides errors
	app, out, _ := testApp("")
	all := run(app, []string{"check", "--fail-on", "warning", example})
	full := out.String()
	app, out, _ = testApp("")
	code := run(app, []string{"check", "--min-severity", "error", "--fail-on", "warning", example})
	if code != all || code != ExitFindings {
		t.Errorf("exit %d with the filter, %d without; want %d for both", code, all, ExitFindings)
	}
	head := func(s string) string { return strings.SplitN(s, "\n", 3)[1] }
	if head(out.String()) != head(full) {
		t.Errorf("header changed by the filter:\n%s\n%s", head(out.String()), head(full))
	}
	if !strings.Contains(out.String(), "未列出：警告 2（低于 --min-severity error") {
		t.Errorf("no note of hidden findings:\n%s", out.String())
	}
	if strings.Contains(out.String(), "  警告  ") {
		t.Errorf("a warning is listed despite --min-severity error")
	}
}

func TestTotalLine(t *testing.T) {
	p := writeTemp(t, "c.txt", completenessText)
	app, out, _ := testApp("")
	run(app, []string{"check", example, p})
	lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "合计：2 个文件  错误 ") || !strings.Contains(last, "未填写的占位符 ") {
		t.Errorf("last line %q, want the total", last)
	}
	app, out, _ = testApp("")
	run(app, []string{"check", example})
	if strings.Contains(out.String(), "合计：") {
		t.Errorf("a total line for one file")
	}
}

func TestSummary(t *testing.T) {
	app, out, _ := testApp("")
	code := run(app, []string{"check", "--summary", example})
	s := out.String()
	for _, want := range []string{"字数：", "未填写的占位符：16 处", "各部分完成度", "各规则问题数", "formulation.wrong-form"} {
		if !strings.Contains(s, want) {
			t.Errorf("summary lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "其他问题") || strings.Contains(s, "上下文") {
		t.Errorf("summary lists details:\n%s", s)
	}
	if code != ExitFindings {
		t.Errorf("exit %d", code)
	}
	app, _, errb := testApp("")
	if code := run(app, []string{"check", "--summary", "-f", "json", example}); code != ExitInput || !strings.Contains(errb.String(), "--summary") {
		t.Errorf("--summary with json: exit %d, stderr %q", code, errb.String())
	}
}

func TestMinSeverityJSONAndHTML(t *testing.T) {
	all := checkJSON(t, example).Files[0].Counts
	rep := checkJSON(t, "--min-severity", "error", "--disable", "wording", example)
	c := rep.Files[0].Counts
	if c.Warnings != all.Warnings || c.Warnings == 0 || c.BelowMinSeverity != c.Warnings+c.Infos {
		t.Errorf("counts %+v with the filter, %+v without", c, all)
	}
	for _, f := range rep.Files[0].Findings {
		if f.Severity != "error" {
			t.Errorf("listed below --min-severity: %+v", f)
		}
	}
	if len(rep.NotChecked) != 1 || rep.NotChecked[0] != "wording" {
		t.Errorf("not_checked = %q, want [wording]", rep.NotChecked)
	}
	if full := checkJSON(t, example); len(full.NotChecked) != 0 {
		t.Errorf("not_checked = %q with every check on", full.NotChecked)
	}
	app, out, _ := testApp("")
	run(app, []string{"check", "-f", "html", "--min-severity", "error", example})
	page := out.String()
	for _, want := range []string{"<title>duty-report-2022.txt — reportlint 审阅报告</title>", "条低于 --min-severity error，未列出",
		`data-check="完整性"`, `<details class="phs">`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(page, `data-check="placeholder"`) {
		t.Errorf("filters use check ids")
	}
}
