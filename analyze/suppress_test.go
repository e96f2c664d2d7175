package analyze_test

import (
	"strings"
	"testing"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/analyzetest"
	"github.com/reportlint/reportlint/analyze/checks"
	"github.com/reportlint/reportlint/analyze/checks/placeholder"
	"github.com/reportlint/reportlint/analyze/checks/suppression"
	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

func TestSuppressionFixtures(t *testing.T) {
	analyzetest.Run(t, "testdata/suppress", placeholder.Check, suppression.Check)
}

func runText(t testing.TB, name, text string, opt analyze.Options) *analyze.Result {
	t.Helper()
	doc, err := segment.LoadBytes(name, []byte(text), segment.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return runDoc(t, doc, opt)
}

func runDoc(t testing.TB, doc *segment.Document, opt analyze.Options) *analyze.Result {
	t.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	if opt.Checks == nil {
		opt.Checks = []*analyze.Check{placeholder.Check, suppression.Check}
	}
	opt.All = checks.All
	return analyze.Run(doc, lex, opt)
}

// summary lists findings as "line rule" (+" S:reason" when suppressed).
func summary(res *analyze.Result) []string {
	var out []string
	for _, f := range res.Findings {
		s := strings.Join([]string{itoa(f.Pos.Line), f.Rule}, " ")
		if f.Suppressed {
			s += " S:" + f.Reason
		}
		out = append(out, s)
	}
	return out
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func TestSuppressedFindingsKeptAndCounted(t *testing.T) {
	text := "2023年度工作总结\n" +
		"<!-- reportlint-disable-next-line placeholder.number: 数据待统计部门发布 -->\n" +
		"全年完成投资**亿元，新增企业**家。\n" +
		"全年新增就业**人。\n"
	res := runText(t, "a.txt", text, analyze.Options{})
	got := strings.Join(summary(res), "|")
	want := "3 placeholder.number S:数据待统计部门发布|3 placeholder.number S:数据待统计部门发布|4 placeholder.number"
	if got != want {
		t.Errorf("findings\n got %s\nwant %s", got, want)
	}
	if res.Suppressed != 2 {
		t.Errorf("res.Suppressed = %d, want 2", res.Suppressed)
	}
}

// A directive whose findings exist but fall below --min-severity is not unused.
func TestSuppressionAndMinSeverity(t *testing.T) {
	text := "2023年度工作总结\n" +
		"<!-- reportlint-disable-next-line placeholder: 数据待核 -->\n" +
		"全年完成投资**亿元。\n"
	opt := analyze.Options{MinSeverity: analyze.Warning, Settings: map[string]analyze.Setting{"placeholder": {Severity: sevPtr(analyze.Info)}}}
	res := runText(t, "a.txt", text, opt)
	if len(res.Findings) != 0 || res.Suppressed != 0 {
		t.Errorf("findings %v suppressed %d, want none", summary(res), res.Suppressed)
	}
	// severity overrides reach the suppression check's own findings
	text = "2023年度工作总结\n<!-- reportlint-disable-next-line placeholder: 数据待核 -->\n没有空白。\n"
	res = runText(t, "a.txt", text, analyze.Options{Settings: map[string]analyze.Setting{"suppression.unused": {Severity: sevPtr(analyze.Error)}}})
	if len(res.Findings) != 1 || res.Findings[0].Rule != "suppression.unused" || res.Findings[0].Severity != analyze.Error {
		t.Errorf("findings %+v, want one suppression.unused at error", res.Findings)
	}
	res = runText(t, "a.txt", text, analyze.Options{MinSeverity: analyze.Error})
	if len(res.Findings) != 0 {
		t.Errorf("min-severity error kept %v", summary(res))
	}
}

// A directive for a check that did not run is not reported unused; with the
// suppression check disabled directives still apply but are not reported.
func TestSuppressionCheckSelection(t *testing.T) {
	text := "2023年度工作总结\n" +
		"<!-- reportlint-disable-next-line wording, placeholder: 引用原文 -->\n" +
		"全年完成投资**亿元。\n" +
		"<!-- reportlint-disable-next-line placeholder -->\n" +
		"全年新增就业**人。\n"
	res := runText(t, "a.txt", text, analyze.Options{})
	if got := strings.Join(summary(res), "|"); got != "3 placeholder.number S:引用原文|4 suppression.no-reason|5 placeholder.number" {
		t.Errorf("placeholder+suppression: %s", got)
	}
	res = runText(t, "a.txt", text, analyze.Options{Checks: []*analyze.Check{placeholder.Check}})
	if got := strings.Join(summary(res), "|"); got != "3 placeholder.number S:引用原文|5 placeholder.number" {
		t.Errorf("suppression disabled: %s", got)
	}
	res = runText(t, "a.txt", text, analyze.Options{Checks: []*analyze.Check{suppression.Check}})
	if got := strings.Join(summary(res), "|"); got != "4 suppression.no-reason" {
		t.Errorf("placeholder disabled: %s", got)
	}
}

func TestSuppressionDocx(t *testing.T) {
	paras := []segment.DocxParagraph{
		{Text: "2023年度工作总结"},
		{Text: "全年完成投资**亿元。", Comments: []string{"reportlint-disable placeholder.number：统计数据12月底发布"}},
		{Text: "全年新增就业**人。", Comments: []string{"请核实", "reportlint-disable-next-line placeholder: 名单待定"}},
		{Text: "由**牵头推进。"},
		{Text: "新增企业**家。", Comments: []string{"reportlint-disable placeholder"}},
		{Text: "新增项目**个。", Comments: []string{"reportlint-enable placeholder"}},
		{Text: "没有空白。", Comments: []string{"reportlint-disable-line placeholder.date: 日期待定"}},
	}
	var lines []string
	for _, p := range paras {
		lines = append(lines, p.Text)
	}
	doc := segment.NewDocument("a.docx", segment.FormatDocx, "utf-8", strings.Join(lines, "\n"), paras)
	res := runDoc(t, doc, analyze.Options{})
	want := []string{
		"2 placeholder.number S:统计数据12月底发布",
		"3 placeholder.number",
		"4 placeholder.name S:名单待定",
		"5 suppression.no-reason", // anchored on the paragraph, which starts before the blank
		"5 placeholder.number",
		"6 suppression.malformed",
		"6 placeholder.number",
		"7 suppression.unused",
	}
	if got := summary(res); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("docx findings\n got %v\nwant %v", got, want)
	}
	for _, f := range res.Findings {
		if f.Check == "suppression" && (!strings.HasPrefix(f.Text, "批注：reportlint-") || f.Paragraph == 0) {
			t.Errorf("meta finding text %q paragraph %d", f.Text, f.Paragraph)
		}
	}
	// disable-file anywhere covers the whole document
	paras[6].Comments = []string{"reportlint-disable-file placeholder: 模板稿"}
	doc = segment.NewDocument("a.docx", segment.FormatDocx, "utf-8", strings.Join(lines, "\n"), paras)
	res = runDoc(t, doc, analyze.Options{})
	for _, f := range res.Findings {
		if f.Check == "placeholder" && !f.Suppressed {
			t.Errorf("not suppressed by disable-file: %d %s", f.Pos.Line, f.Rule)
		}
	}
}

// Known accepts checks and their documented rule ids only.
func TestKnown(t *testing.T) {
	for name, want := range map[string]bool{
		"placeholder": true, "placeholder.number": true, "placeholder.internal": true,
		"placeholder.numbr": false, "placehold": false, "": false, "suppression.unused": true, ".": false,
	} {
		if got := checks.Known(name); got != want {
			t.Errorf("Known(%q) = %v, want %v", name, got, want)
		}
	}
}

func FuzzSuppress(f *testing.F) {
	f.Add("<!-- reportlint-disable placeholder: x -->\n**亿元\n<!-- reportlint-enable -->")
	f.Add("<!-- reportlint-disable-next-line placeholder.number：原因 -->\n\n<!-- c -->\n投资**亿元。")
	f.Add("<!-- reportlint-disable-line -->**<!-- reportlint-enable placeholder")
	f.Fuzz(func(t *testing.T, text string) {
		doc, err := segment.LoadBytes("f.md", []byte(text), segment.LoadOptions{})
		if err != nil {
			return
		}
		res := runDoc(t, doc, analyze.Options{})
		n := 0
		for _, f := range res.Findings {
			if f.Span.Start < 0 || f.Span.End > len(doc.Text) || f.Span.Start > f.Span.End {
				t.Fatalf("span %v outside text of %d bytes", f.Span, len(doc.Text))
			}
			if f.Suppressed {
				n++
				if f.Reason == "" || f.Check == "suppression" {
					t.Fatalf("suppressed %s without reason %q", f.Rule, f.Reason)
				}
			}
		}
		if n != res.Suppressed {
			t.Fatalf("Suppressed = %d, counted %d", res.Suppressed, n)
		}
	})
}

// BenchmarkSuppressManyDirectives runs a draft where every blank has its own
// next-line directive, with comment-only lines in between.
func BenchmarkSuppressManyDirectives(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("2023年度工作总结\n一、主要成效\n")
	for i := 0; i < 2000; i++ {
		sb.WriteString("<!-- reportlint-disable-next-line placeholder.number: 数据待统计 -->\n<!-- 备注 -->\n全年完成投资**亿元。\n")
	}
	text := sb.String()
	doc, err := segment.LoadBytes("b.txt", []byte(text), segment.LoadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res := runDoc(b, doc, analyze.Options{})
		if res.Suppressed != 2000 {
			b.Fatalf("suppressed %d", res.Suppressed)
		}
	}
}

func sevPtr(s analyze.Severity) *analyze.Severity { return &s }
