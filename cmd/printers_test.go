package cmd

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/segment"
)

// Golden files live in the repo's testdata/golden; UPDATE_GOLDEN=1 rewrites them.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("..", "testdata", "golden", name)
	if os.Getenv("UPDATE_GOLDEN") != "" {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with UPDATE_GOLDEN=1 to create it)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs at line %d:\n got: %q\nwant: %q\n(run with UPDATE_GOLDEN=1 to accept)", name, i+1, g, w)
			}
		}
	}
}

// sampleText is the report every printer test renders: overlapping,
// nested, zero-length and suppressed findings, and hostile markup.
const sampleText = "2023年度工作总结\n" +
	"一、主要成效\n" +
	"全年完成投资**亿元，同比增长12.5％。\n" +
	"其中，工业投资8亿元，占比达到120％。\n" +
	"<script>alert(\"x\")</script>等文字不应执行，=1+1 也不应计算。\n" +
	"\n" +
	"二、存在问题\n" +
	"调研不够深入"

// testChecks stand in for analyze.All so golden files do not change when
// checks are added.
var testChecks = []*analyze.Check{
	{Name: "placeholder", Doc: "未填写的占位符。", Severity: analyze.Error,
		Rules: []*analyze.Rule{{ID: "placeholder.number", Doc: "缺失的数量", Severity: analyze.Error, Group: analyze.GroupCompleteness, Source: analyze.SourcePractice}}},
	{Name: "number", Doc: "数字一致性：占比、合计与增长率。", Severity: analyze.Warning,
		// the rule's severity differs from the check's: SARIF must show the rule's
		Rules: []*analyze.Rule{{ID: "number.share", Doc: "占比超过 100％", Severity: analyze.Error, Group: analyze.GroupConsistency, Source: analyze.SourcePractice}}},
	{Name: "wording", Doc: "用词规范。", Severity: analyze.Info,
		Rules: []*analyze.Rule{{ID: "wording.colloquial", Doc: "口语化表达", Severity: analyze.Info, Group: analyze.GroupUsage, Source: analyze.SourcePractice}}},
	{Name: "structure", Doc: "结构与必备章节。", Severity: analyze.Warning,
		Rules: []*analyze.Rule{{ID: "structure.missing-section", Doc: "缺少必备章节", Severity: analyze.Warning, Group: analyze.GroupStructure, Source: analyze.SourcePractice}}},
	{Name: "punctuation", Doc: "标点。", Severity: analyze.Info,
		Rules: []*analyze.Rule{{ID: "punctuation.missing-end", Doc: "段末缺少句号", Severity: analyze.Info, Group: analyze.GroupUsage, Source: analyze.SourceStandard}}},
}

// spanOf finds the n-th (0-based) occurrence of s.
func spanOf(t *testing.T, text, s string, n int) segment.Span {
	t.Helper()
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(text[off:], s)
		if j < 0 {
			t.Fatalf("%q occurrence %d not in text", s, n)
		}
		if i == n {
			return segment.Span{Start: off + j, End: off + j + len(s)}
		}
		off += j + len(s)
	}
}

// sampleResults builds, by hand, what the driver would return for
// sampleText (positioned with the real Document), plus an unreadable file.
func sampleResults(t *testing.T) []*analyze.Result {
	t.Helper()
	doc := segment.NewDocument("报告/2023年度 总结.txt", segment.FormatText, "utf-8", sampleText, nil)
	at := func(f analyze.Finding) analyze.Finding {
		for _, c := range testChecks { // the group, as Pass.Report fills it
			for _, r := range c.Rules {
				if r.ID == f.Rule {
					f.Group = r.Group
				}
			}
		}
		f.Pos, f.End = doc.Position(f.Span.Start), doc.Position(f.Span.End)
		if f.Text == "" {
			f.Text = doc.Slice(f.Span)
		}
		if h := doc.HeadingAt(f.Span.Start); h != nil {
			f.Section = h.Text(doc)
		}
		for i := range f.Related {
			f.Related[i].Pos = doc.Position(f.Related[i].Start)
			f.Related[i].EndPos = doc.Position(f.Related[i].End)
			f.Related[i].Text = doc.Slice(f.Related[i].Span)
		}
		return f
	}
	end := len(sampleText)
	fs := []analyze.Finding{
		at(analyze.Finding{Check: "structure", Rule: "structure.missing-section", Severity: analyze.Warning,
			Span: segment.Span{}, Message: "缺少“下一步打算”部分", Suggestion: "补写“下一步工作打算”"}),
		at(analyze.Finding{Check: "placeholder", Rule: "placeholder.number", Severity: analyze.Error,
			Span: spanOf(t, sampleText, "**", 0), Message: "数字未填写：“**”处缺少数值（单位：亿元）", Suggestion: "填写实际内容后删除占位符"}),
		at(analyze.Finding{Check: "wording", Rule: "wording.colloquial", Severity: analyze.Info,
			Span: spanOf(t, sampleText, "工业投资8亿元，占比", 0), Message: "表述可更精炼"}),
		at(analyze.Finding{Check: "number", Rule: "number.share", Severity: analyze.Warning,
			Span: spanOf(t, sampleText, "占比达到120％", 0), Message: "占比 120％ 超过 100％",
			Suggestion: "核对分子分母",
			Related: []analyze.Related{{Span: spanOf(t, sampleText, "8亿元", 0), Message: "工业投资"},
				{Span: spanOf(t, sampleText, "**亿元", 0), Message: "全年投资（未填写）"}}}),
		at(analyze.Finding{Check: "wording", Rule: "wording.colloquial", Severity: analyze.Info,
			Span: spanOf(t, sampleText, "<script>", 0), Message: "正文中有标记 <script>（应删除）",
			Suppressed: true, Reason: "示例中的 <b>标记</b> 为演示"}),
		at(analyze.Finding{Check: "wording", Rule: "wording.colloquial", Severity: analyze.Warning,
			Span: spanOf(t, sampleText, "=1+1", 0), Message: "公式样文字", Text: "=1+1"}),
		at(analyze.Finding{Check: "punctuation", Rule: "punctuation.missing-end", Severity: analyze.Info,
			Span: segment.Span{Start: end, End: end}, Message: "段末缺少句号", Suggestion: "在“深入”后加“。”"}),
	}
	ok := &analyze.Result{Path: doc.Path, Format: "txt", Encoding: "utf-8", Profile: "annual-summary", ProfileName: "年度工作总结",
		Year: 2023, Chars: len([]rune(sampleText)), Paragraphs: len(doc.Paragraphs), Text: sampleText, Findings: fs, Suppressed: 1,
		Sections: []analyze.SectionStatus{
			{ID: "achievements", Name: "主要成效", Status: analyze.StatusPresent, Line: 2, Heading: "一、主要成效"},
			{ID: "next-steps", Name: "下一步打算", Status: analyze.StatusMissing, Message: "缺少“下一步打算”部分"},
		},
		Formulations: []analyze.FormulationStatus{{ID: "two-establishments", Text: "两个确立", Status: analyze.StatusMissing}},
		Completeness: []analyze.SectionCompleteness{
			{Section: "一、主要成效", Line: 2, NumericSlots: 4, Filled: 3, Placeholders: 1, Percent: 75},
			{Section: "二、存在问题", Line: 7, NumericSlots: 0, Filled: 0, Placeholders: 0, Percent: 100},
		},
	}
	ok.Placeholders = []analyze.Placeholder{{Span: spanOf(t, sampleText, "**", 0), Text: "**", Kind: analyze.KindNumber, Unit: "亿元"}}
	bad := &analyze.Result{Path: "缺失的<稿>.docx", Err: &segment.InputError{Path: "缺失的<稿>.docx", Reason: "文件不存在"}}
	return []*analyze.Result{ok, bad}
}

// Issue 10: a number finding is printed in the consistency table only, not
// again under 其他问题; the table is chosen by group, not by rule id.
func TestTextPrintsEachFindingOnce(t *testing.T) {
	app, out, _ := testApp("")
	if err := app.printText(out, sampleResults(t)[:1], viewCheck); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	if n := strings.Count(got, "占比 120％ 超过 100％"); n != 1 {
		t.Errorf("number.share printed %d times, want 1:\n%s", n, got)
	}
	if !strings.Contains(got, "数字与名称一致性：1 处") {
		t.Errorf("no consistency table:\n%s", got)
	}
	if n := strings.Count(got, "数字未填写"); n != 0 {
		t.Errorf("placeholder finding repeated under 其他问题:\n%s", got)
	}
	// a consistency-group rule whose id has another prefix goes to the table
	r := *sampleResults(t)[0]
	r.Findings = append([]analyze.Finding(nil), r.Findings...)
	for i := range r.Findings {
		if r.Findings[i].Rule == "number.share" {
			r.Findings[i].Rule = "other.share"
		}
	}
	out.Reset()
	if err := app.printText(out, []*analyze.Result{&r}, viewCheck); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "数字与名称一致性：1 处") || strings.Count(out.String(), "占比 120％") != 1 {
		t.Errorf("group, not prefix, must choose the table:\n%s", out.String())
	}
}
