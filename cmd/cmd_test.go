package cmd

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testApp returns an App with buffers for streams and no terminal.
func testApp(stdin string) (*App, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return &App{In: strings.NewReader(stdin), Out: &out, Err: &errb, Getenv: func(string) string { return "" }}, &out, &errb
}

const example = "../testdata/reports/duty-report-2022.txt"

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	clean := filepath.Join(dir, "clean.txt")
	os.WriteFile(clean, []byte("2022年度工作总结\n全年完成投资12.5亿元。\n"), 0o644)
	cases := []struct {
		args []string
		code int
	}{
		{[]string{"placeholders", example}, ExitFindings},
		{[]string{"placeholders", "--fail-on", "never", example}, ExitOK},
		{[]string{"placeholders", "--format", "json", example}, ExitFindings},
		{[]string{"placeholders", clean}, ExitOK},
		{[]string{"placeholders", filepath.Join(dir, "missing.txt")}, ExitInput},
		{[]string{"placeholders", clean, filepath.Join(dir, "missing.txt")}, ExitInput},
		{[]string{"placeholders", "--format", "yaml", example}, ExitInput},
		{[]string{"placeholders", "--fail-on", "sometimes", example}, ExitInput},
		{[]string{"check", "--enable", "nosuchcheck", example}, ExitInput},
		{[]string{"check", "--no-such-flag", example}, ExitInput},
		{[]string{"check"}, ExitInput},
	}
	for _, c := range cases {
		app, _, errb := testApp("")
		if got := run(app, c.args); got != c.code {
			t.Errorf("%v: exit %d, want %d (stderr %q)", c.args, got, c.code, errb.String())
		}
	}
}

func TestMissingFileMessage(t *testing.T) {
	app, _, errb := testApp("")
	run(app, []string{"placeholders", "nowhere/草稿.docx"})
	if !strings.Contains(errb.String(), "nowhere/草稿.docx") || !strings.Contains(errb.String(), "文件不存在") {
		t.Errorf("stderr = %q; want the path and the reason", errb.String())
	}
}

func TestPlaceholdersJSONFromStdin(t *testing.T) {
	app, out, _ := testApp("2022年度工作总结\n一、主要成效\n全年完成投资**亿元，按照**统一部署。\n")
	if code := run(app, []string{"placeholders", "--format", "json", "-"}); code != ExitFindings {
		t.Fatalf("exit %d", code)
	}
	var rep struct {
		Version int `json:"version"`
		Files   []struct {
			Path         string            `json:"path"`
			Findings     []json.RawMessage `json:"findings"`
			Placeholders []struct {
				Line, Column, Offset int
				EndOffset            int `json:"end_offset"`
				Text, Kind, Unit     string
				Section              string
			} `json:"placeholders"`
			Numbers []json.RawMessage `json:"numbers"`
		} `json:"files"`
		Summary struct {
			Errors, Placeholders int
		} `json:"summary"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if rep.Version != 1 || len(rep.Files) != 1 || rep.Files[0].Path != "<stdin>" {
		t.Fatalf("report = %+v", rep)
	}
	ps := rep.Files[0].Placeholders
	if len(ps) != 2 || ps[0].Kind != "number" || ps[0].Unit != "亿元" || ps[1].Kind != "name" {
		t.Fatalf("placeholders = %+v", ps)
	}
	if ps[0].Line != 3 || ps[0].Column != 7 || ps[0].Section != "一、主要成效" || ps[0].EndOffset-ps[0].Offset != 2 {
		t.Errorf("position = %+v", ps[0])
	}
	if rep.Files[0].Numbers == nil || rep.Summary.Placeholders != 2 || rep.Summary.Errors != 2 {
		t.Errorf("numbers must be [], summary = %+v", rep.Summary)
	}
	if !bytes.Contains(out.Bytes(), []byte(`"numbers": []`)) && !bytes.Contains(out.Bytes(), []byte(`"numbers": [`)) {
		t.Error("numbers array missing")
	}
}

func TestNoColorOffTerminal(t *testing.T) {
	app, out, _ := testApp("")
	run(app, []string{"placeholders", example})
	if bytes.Contains(out.Bytes(), []byte("\x1b[")) {
		t.Error("colour escape codes written to a non-terminal")
	}
	app, out, _ = testApp("")
	app.OutTTY = true
	app.Getenv = func(k string) string {
		if k == "NO_COLOR" {
			return "1"
		}
		return ""
	}
	run(app, []string{"placeholders", example})
	if bytes.Contains(out.Bytes(), []byte("\x1b[")) {
		t.Error("colour escape codes written despite NO_COLOR")
	}
}

func TestInputNotModified(t *testing.T) {
	before, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(example)
	app, _, _ := testApp("")
	run(app, []string{"check", example})
	after, _ := os.ReadFile(example)
	st2, _ := os.Stat(example)
	if !bytes.Equal(before, after) || !st.ModTime().Equal(st2.ModTime()) {
		t.Error("check modified its input file")
	}
}

func TestColorOnTerminal(t *testing.T) {
	app, out, _ := testApp("")
	app.OutTTY = true
	run(app, []string{"placeholders", example})
	if !bytes.Contains(out.Bytes(), []byte("\x1b[")) {
		t.Error("no colour on a terminal")
	}
}

func TestRulesListsEveryRule(t *testing.T) {
	app, out, _ := testApp("")
	if code := run(app, []string{"rules", "--format", "json"}); code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	var checks []struct {
		Name  string
		Rules []struct{ ID string }
	}
	if err := json.Unmarshal(out.Bytes(), &checks); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, c := range checks {
		for _, r := range c.Rules {
			seen[r.ID] = true
		}
	}
	for _, id := range []string{"placeholder.number", "formulation.members", "structure.numbering", "number.conflict",
		"punctuation.dunhao-deng", "wording.repeat", "consistency.unit-name", "suppression.unused"} {
		if !seen[id] {
			t.Errorf("rules output lacks %s", id)
		}
	}
}

// The .docx example has Word list numbering (一、/（一）), one blank and
// one blank silenced by a Word comment.
func TestCheckDocx(t *testing.T) {
	app, out, _ := testApp("")
	code := run(app, []string{"check", "--show-suppressed", "--format", "json", "../testdata/reports/annual-summary-2023.docx"})
	if code != ExitFindings {
		t.Fatalf("exit %d", code)
	}
	var rep struct {
		Files []struct {
			Profile  string
			Year     int
			Findings []struct {
				Rule       string
				Line       int
				Paragraph  int
				Suppressed bool
				Reason     string `json:"suppression_reason"`
			}
			Sections []struct{ ID, Status, Heading string }
		}
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	f := rep.Files[0]
	if f.Profile != "annual-summary" || f.Year != 2023 {
		t.Errorf("profile %q year %d", f.Profile, f.Year)
	}
	if len(f.Findings) != 2 || f.Findings[0].Line != 5 || f.Findings[0].Paragraph != 5 || f.Findings[0].Suppressed ||
		!f.Findings[1].Suppressed || f.Findings[1].Reason != "批示篇数待办公室统计后填写" {
		t.Errorf("findings = %+v", f.Findings)
	}
	headings := map[string]bool{}
	for _, s := range f.Sections {
		headings[s.Heading] = s.Status == "present"
	}
	for _, h := range []string{"一、主要工作和成效", "二、存在的问题", "三、下一步工作打算"} {
		if !headings[h] {
			t.Errorf("numbered heading %q (rendered from numbering.xml) not found in sections %+v", h, f.Sections)
		}
	}
}
