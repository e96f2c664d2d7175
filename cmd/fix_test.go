package cmd

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/docxout"
	"github.com/reportlint/reportlint/segment"
)

const fixReport = "testdata/fix/report.txt"

func TestReplacementOf(t *testing.T) {
	cases := []struct {
		text, sugg, want string
		ok               bool
	}{
		{",", "，", "，", true},
		{"１２", "改为“12”", "12", true},
		{"、", "删去顿号", "", true},
		{"，", "删去顿号", "", false}, // the span is not a 顿号
		{"、等", "等", "等", true},
		{"严于修身", "严以修身", "严以修身", true},
		{"一带一路战略", "“一带一路”倡议", "", false},          // adds quotes: not a plain replacement
		{"“一带一路”战略", "“一带一路”倡议", "“一带一路”倡议", true}, // same quotes as the span
		{"标题", "如需体现，使用规范表述“两个确立”", "", false},
		{"约12%以上", "删去“约”或“以上”之一", "", false},
		{"x", "", "", false},
		{"a", "补上配对的后引号“”，或删去多余的“", "", false},
	}
	for _, c := range cases {
		got, ok := replacementOf(analyze.Finding{Text: c.text, Suggestion: c.sugg})
		if got != c.want || ok != c.ok {
			t.Errorf("replacementOf(%q, %q) = %q, %v; want %q, %v", c.text, c.sugg, got, ok, c.want, c.ok)
		}
	}
}

func finding(text, rule, sub, sugg string) analyze.Finding {
	i := strings.Index(text, sub)
	if i < 0 {
		panic(sub)
	}
	return analyze.Finding{Rule: rule, Span: segment.Span{Start: i, End: i + len(sub)}, Text: sub, Suggestion: sugg, Message: "说明"}
}

func TestFixOfNeedsFixableRule(t *testing.T) {
	text := "计划完成3年，实际完成5年。"
	f := finding(text, "number.conflict", "5年", "改为“3年”")
	if _, ok := fixOf(f, registry()); ok {
		t.Error("number.conflict is not fixable, but fixOf gave a fix")
	}
	f.Rule = "number.width"
	if e, ok := fixOf(f, registry()); !ok || e.Insert != "3年" {
		t.Errorf("number.width: fixOf = %+v, %v", e, ok)
	}
	// number.style is a suggestion, never a fix
	g := finding(text, "number.style", "5年", "改为“5”")
	if _, ok := fixOf(g, registry()); ok {
		t.Error("number.style gave a fix")
	}
}

// “15-20%” once drew 15～20 from punctuation.range and 15%-20% from
// number.style: two fixes that fought. number.range-unit now gives the one
// right fix and supersedes punctuation.range, so check shows one finding
// and fix applies it.
func TestRangeUnitOneFix(t *testing.T) {
	p := writeTemp(t, "r.txt", "2023年度工作总结\n全年增长15-20%，投资9-16亿元，工期3-5个月。\n")
	var rules []string
	for _, f := range checkFindingsJSON(t, p) {
		if strings.HasPrefix(f.Rule, "number.") || strings.HasPrefix(f.Rule, "punctuation.") {
			rules = append(rules, f.Rule+" "+f.Text+" "+f.Suggestion)
		}
	}
	want := []string{"number.range-unit 15-20% 改为“15%～20%”", "number.range-unit 9-16亿元 改为“9亿～16亿元”", "punctuation.range 3-5 3～5"}
	if strings.Join(rules, "|") != strings.Join(want, "|") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(rules, "\n"), strings.Join(want, "\n"))
	}
	app, out, errb := testApp("")
	if code := run(app, []string{"fix", "--diff", p}); code == ExitInput {
		t.Fatalf("fix: %s", errb)
	}
	if !strings.Contains(out.String(), "+全年增长15%～20%，投资9亿～16亿元，工期3～5个月。") {
		t.Errorf("diff:\n%s", out)
	}
}

func mustFix(t *testing.T, f analyze.Finding) docxout.Edit {
	t.Helper()
	e, ok := fixOf(f, registry())
	if !ok {
		t.Fatalf("no fix for %+v", f)
	}
	return e
}

func TestOverlappingFixesApplyNone(t *testing.T) {
	text := "坚持严于修身严于用权。"
	a := finding(text, "formulation.wrong-form", "严于修身", "严以修身")
	b := finding(text, "wording.misused", "修身严于", "修身严以")
	c := finding(text, "punctuation.halfwidth", "。", "。") // no change: no fix
	plan := planFixes(text, []analyze.Finding{a, b, c}, registry())
	if len(plan.Edits) != 0 || len(plan.Conflict) != 2 {
		t.Fatalf("plan = %+v; want no edit and two conflicts", plan)
	}
	if !strings.Contains(plan.Conflict[0], "wording.misused") || !strings.Contains(plan.Conflict[1], "formulation.wrong-form") {
		t.Errorf("conflict reasons do not name the other rule: %v", plan.Conflict)
	}
	// identical fixes from two rules merge into one
	d := finding(text, "wording.misused", "严于修身", "严以修身")
	plan = planFixes(text, []analyze.Finding{a, d}, registry())
	if len(plan.Edits) != 1 || len(plan.FixedBy) != 2 {
		t.Errorf("identical fixes: %+v", plan)
	}
}

func TestQuotedFormIsNotFixed(t *testing.T) {
	text := "不得使用“以人民为核心”的提法。"
	f := finding(text, "formulation.wrong-form", "以人民为核心", "以人民为中心")
	if plan := planFixes(text, []analyze.Finding{f}, registry()); len(plan.Edits) != 0 {
		t.Errorf("a quoted form was fixed: %+v", plan.Edits)
	}
}

// checkJSON runs check --format json on path and returns its findings.
func checkFindingsJSON(t *testing.T, path string) []analyze.Finding {
	t.Helper()
	app, out, errb := testApp("")
	if code := run(app, []string{"check", "--format", "json", path}); code == ExitInput {
		t.Fatalf("check %s: exit 2: %s", path, errb)
	}
	var doc struct {
		Files []struct {
			Findings []struct {
				Rule, Text, Suggestion string
			}
		}
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatalf("check json: %v", err)
	}
	var fs []analyze.Finding
	for _, f := range doc.Files {
		for _, x := range f.Findings {
			fs = append(fs, analyze.Finding{Rule: x.Rule, Text: x.Text, Suggestion: x.Suggestion})
		}
	}
	return fs
}

func TestFixTextEndToEnd(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "修正稿.txt")
	orig, _ := os.ReadFile(fixReport)
	app, _, errb := testApp("")
	// The quoted wrong form (不得使用“以人民为核心”的提法) is not a finding, and
	// what is left for people is below --fail-on error: exit 0.
	if code := run(app, []string{"fix", fixReport, "-o", out}); code != ExitOK {
		t.Fatalf("fix: exit %d, want 0; stderr %s", code, errb)
	}
	if now, _ := os.ReadFile(fixReport); !bytes.Equal(now, orig) {
		t.Fatal("fix wrote its input")
	}
	fixed, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	got := string(fixed)
	for _, want := range []string{"今年以来，我局", "15%～20%", "基站32个", "3～5公里", "座谈等活动", "增长8.2%，",
		"严以修身", "再接再厉", "截至2023年底", "1—3季度",
		// look-alikes stay as written
		"5G", "和平路", "二〇二三年", "X光", "二十大", "“两个确立”", "不得使用“以人民为核心”的提法", "Annual Report, 2023 (draft)."} {
		if !strings.Contains(got, want) {
			t.Errorf("fixed text lacks %q:\n%s", want, got)
		}
	}
	if !strings.Contains(errb.String(), "已修正") {
		t.Errorf("no summary on stderr: %q", errb)
	}
	// every finding fix applied is gone when the fixed copy is checked
	app2, _, _ := testApp("")
	src, err := app2.readSource(fixReport, &lintOptions{MinSeverity: "info", FailOn: "error"})
	if err != nil {
		t.Fatal(err)
	}
	plan := planFixes(src.doc.Text, src.res.Findings, registry())
	if len(plan.FixedBy) < 10 {
		t.Fatalf("only %d findings fixed", len(plan.FixedBy))
	}
	after := checkFindingsJSON(t, out)
	for i := range plan.FixedBy {
		f := src.res.Findings[i]
		for _, g := range after {
			if g.Rule == f.Rule && (g.Text == f.Text || g.Text == plan.Edits[plan.FixedBy[i]].Insert) {
				t.Errorf("after fixing, check still reports %s on %q", g.Rule, g.Text)
			}
		}
	}
	// and the fixed copy has nothing left to fix
	app3, out3, _ := testApp("")
	run(app3, []string{"fix", "--dry-run", out})
	if strings.Contains(out3.String(), "修正 “") {
		t.Errorf("a second fix still changes something:\n%s", out3)
	}
}

func TestFixDiffDryRunAndGuards(t *testing.T) {
	dir := t.TempDir()
	app, out, _ := testApp("")
	if code := run(app, []string{"fix", "--diff", fixReport}); code != ExitOK {
		t.Errorf("--diff exit %d", code)
	}
	if d := out.String(); !strings.Contains(d, "-全年完成投资15-20%") || !strings.Contains(d, "+全年完成投资15%～20%") || !strings.HasPrefix(d, "--- a/") {
		t.Errorf("--diff output:\n%s", d)
	}
	app, out, _ = testApp("")
	run(app, []string{"fix", "--dry-run", fixReport})
	if d := out.String(); !strings.Contains(d, "修正 “15-20%” → “15%～20%”（number.range-unit）") {
		t.Errorf("--dry-run output:\n%s", d)
	}
	for _, args := range [][]string{
		{"fix", fixReport},                                // no -o
		{"fix", fixReport, "-o", fixReport},               // the input itself
		{"fix", "--diff", "--dry-run", fixReport},         // two modes
		{"fix", filepath.Join(dir, "无此文件.txt"), "--diff"}, // missing input
	} {
		app, _, errb := testApp("")
		if code := run(app, args); code != ExitInput || !hasHan(errb.String()) {
			t.Errorf("%v: exit %d, stderr %q; want 2 with a Chinese message", args, code, errb)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files left behind: %v", entries)
	}
}

func TestFixKeepsLineEndsAndReportsEncoding(t *testing.T) {
	dir := t.TempDir()
	text := "2023年度工作总结\r\n全年完成投资15-20%，新建基站３２个,效果明显。\r\n"
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "gb.txt")
	os.WriteFile(in, []byte(gb), 0o644)
	out := filepath.Join(dir, "out.txt")
	app, _, errb := testApp("")
	run(app, []string{"fix", in, "-o", out})
	b, _ := os.ReadFile(out)
	if !utf8.Valid(b) || !strings.Contains(string(b), "15%～20%，新建基站32个，效果明显。\r\n") {
		t.Errorf("output %q", b)
	}
	if !strings.Contains(errb.String(), "gb18030") || !strings.Contains(errb.String(), "UTF-8") {
		t.Errorf("no encoding note: %q", errb)
	}
}

// FuzzPlanFixes: any two fixes over any text give sorted, disjoint edits
// inside the text, and applying them keeps valid UTF-8 valid.
func FuzzPlanFixes(f *testing.F) {
	f.Add("完成投资15-20%，增长", 12, 17, "15～20", 12, 18, "改为“15%-20%”")
	f.Add("3~5年", 0, 3, "3～5", 0, 4, "改为“3%～5”")
	f.Add("、、", 0, 3, "删去顿号", 3, 6, "删去“、”")
	f.Fuzz(func(t *testing.T, text string, s1, e1 int, g1 string, s2, e2 int, g2 string) {
		var fs []analyze.Finding
		for _, x := range []struct {
			s, e int
			g    string
			rule string
		}{{s1, e1, g1, "punctuation.range"}, {s2, e2, g2, "number.style"}} {
			if x.s < 0 || x.e < x.s || x.e > len(text) {
				continue
			}
			fs = append(fs, analyze.Finding{Rule: x.rule, Span: segment.Span{Start: x.s, End: x.e}, Text: text[x.s:x.e], Suggestion: x.g})
		}
		plan := planFixes(text, fs, registry())
		prev := 0
		for _, e := range plan.Edits {
			if e.Start < prev || e.End < e.Start || e.End > len(text) {
				t.Fatalf("bad edits %+v over %q", plan.Edits, text)
			}
			prev = e.End
		}
		if utf8.ValidString(text) && utf8.ValidString(g1) && utf8.ValidString(g2) && !utf8.ValidString(docxout.ApplyText(text, plan.Edits)) {
			t.Fatalf("fixing made invalid UTF-8")
		}
	})
}
