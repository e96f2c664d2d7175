package cmd

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// suppressedDraft has one blank suppressed by a directive and one not.
const suppressedDraft = "2023年度工作总结\n" +
	"一、主要成效\n" +
	"<!-- reportlint-disable-next-line placeholder.number: 投资数据待统计部门发布 -->\n" +
	"全年完成投资**亿元。\n" +
	"新增企业**家。\n"

func TestCheckFormatsEndToEnd(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "稿.txt")
	writeFile(t, file, suppressedDraft)
	missing := filepath.Join(dir, "无.txt")

	// SARIF: the suppressed finding is present with its justification; the unreadable file is a notification
	out, _, code := cliRun(t, dir, "check", "--no-config", "--enable", "placeholder,suppression", "--format", "sarif", file, missing)
	if code != ExitInput {
		t.Errorf("sarif with a missing file: exit %d, want 2", code)
	}
	var log sarifLog
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	var sup, plain int
	for _, r := range log.Runs[0].Results {
		if len(r.Suppressions) == 1 && r.Suppressions[0].Justification == "投资数据待统计部门发布" {
			sup++
		} else if r.RuleID == "placeholder.number" {
			plain++
		}
	}
	if sup != 1 || plain != 1 || len(log.Runs[0].Invocations[0].ToolExecutionNotifications) != 1 {
		t.Errorf("sarif: %d suppressed, %d plain, notifications %+v", sup, plain, log.Runs[0].Invocations[0].ToolExecutionNotifications)
	}

	// JSON and CSV hide suppressed findings unless --show-suppressed
	for _, show := range []bool{false, true} {
		args := []string{"check", "--no-config", "--format", "json", "--enable", "placeholder,suppression", file}
		if show {
			args = append(args, "--show-suppressed")
		}
		out, _, code = cliRun(t, dir, args...)
		rules, _, _ := jsonFindings(t, out)
		if code != ExitFindings || count(rules, "placeholder.number:error:suppressed") != b2i(show) || count(rules, "placeholder.number:error") != 1+b2i(show) {
			t.Errorf("json show=%v: exit %d rules %v", show, code, rules)
		}
		args[3] = "csv"
		out, _, _ = cliRun(t, dir, args...)
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, utf8BOM))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 2+b2i(show) {
			t.Errorf("csv show=%v: %d rows %q", show, len(rows), rows)
		}
	}

	// text: hidden, counted in the header; shown with its reason on request
	out, _, _ = cliRun(t, dir, "check", "--no-config", "--enable", "placeholder,suppression", file)
	if !strings.Contains(out, "已忽略 1") || strings.Contains(out, "投资数据待统计部门发布") {
		t.Errorf("text output:\n%s", out)
	}

	// HTML: one page, exit code as for every format
	out, _, code = cliRun(t, dir, "check", "--no-config", "--enable", "placeholder,suppression", "--format", "html", file)
	if code != ExitFindings || !strings.HasPrefix(out, "<!DOCTYPE html>") || !strings.Contains(out, "稿.txt") {
		t.Errorf("html: exit %d, %d bytes", code, len(out))
	}
	if _, errs, code := cliRun(t, dir, "check", "--no-config", "--enable", "placeholder,suppression", "--format", "xml", file); code != ExitInput || !strings.Contains(errs, "sarif") {
		t.Errorf("unknown format: exit %d %q", code, errs)
	}
}

// A directive with no reason suppresses nothing and is itself reported.
func TestDirectiveWithoutReasonEndToEnd(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.txt")
	writeFile(t, file, strings.Replace(suppressedDraft, ": 投资数据待统计部门发布", "", 1))
	out, _, _ := cliRun(t, dir, "check", "--no-config", "--enable", "placeholder,suppression", "--format", "json", file)
	rules, _, _ := jsonFindings(t, out)
	if count(rules, "placeholder.number:error") != 2 || count(rules, "suppression.no-reason:warning") != 1 {
		t.Errorf("rules %v", rules)
	}
	// without the suppression check the meta finding goes, the blanks stay
	out, _, _ = cliRun(t, dir, "check", "--no-config", "--enable", "placeholder", "--format", "json", file)
	if rules, _, _ = jsonFindings(t, out); count(rules, "suppression.") != 0 || count(rules, "placeholder.number") != 2 {
		t.Errorf("--disable suppression: rules %v", rules)
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// The printers are pure: the same results give the same bytes.
func TestPrintersDeterministic(t *testing.T) {
	for name, p := range map[string]func(*bytes.Buffer) error{
		"sarif": func(b *bytes.Buffer) error { return printSARIF(b, sampleResults(t)) },
		"csv":   func(b *bytes.Buffer) error { return printCSV(b, sampleResults(t)) },
		"html":  func(b *bytes.Buffer) error { return printHTML(b, sampleResults(t)) },
	} {
		var a, b bytes.Buffer
		if err := p(&a); err != nil {
			t.Fatal(err)
		}
		if err := p(&b); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s output differs between runs", name)
		}
	}
}
