package cmd

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/analyze"
)

// Issue 10: single rules can be switched on and off on the command line
// and in the config, and re-levelled in the config.
func TestRuleLevelControl(t *testing.T) {
	dir := t.TempDir()
	draft := filepath.Join(dir, "draft.txt")
	writeFile(t, draft, draftText) // two placeholder.number, one placeholder.name
	cfg := filepath.Join(dir, ConfigName)
	check := func(name string, args ...string) (string, []string) {
		t.Helper()
		out, errs, code := cliRun(t, dir, append(append([]string{"check", "--format", "json", "--fail-on", "never"}, args...), draft)...)
		if code != ExitOK {
			t.Fatalf("%s: exit %d: %s", name, code, errs)
		}
		rules, _, _ := jsonFindings(t, out)
		return errs, rules
	}
	if _, r := check("--disable placeholder.name", "--disable", "placeholder.name"); count(r, "placeholder.name") != 0 || count(r, "placeholder.number") != 2 {
		t.Errorf("--disable placeholder.name: %v", r)
	}
	if _, r := check("--enable placeholder.number", "--enable", "placeholder.number"); count(r, "placeholder.name") != 0 || count(r, "placeholder.number") != 2 || len(r) != 2 {
		t.Errorf("--enable placeholder.number: %v", r)
	}
	writeFile(t, cfg, "disable: [placeholder.name]\n")
	if _, r := check("config disable"); count(r, "placeholder.name") != 0 || count(r, "placeholder.number") != 2 {
		t.Errorf("config disable: [placeholder.name]: %v", r)
	}
	// --enable on the command line wins over the config's disable of that rule
	if _, r := check("--enable over config", "--enable", "placeholder.name"); count(r, "placeholder.name") != 1 || count(r, "placeholder.number") != 0 {
		t.Errorf("--enable placeholder.name over config: %v", r)
	}
	writeFile(t, cfg, "rules:\n  placeholder.name: off\n  placeholder.number: info\n")
	if _, r := check("config rules"); count(r, "placeholder.name") != 0 || count(r, "placeholder.number:info") != 2 {
		t.Errorf("config rules: %v", r)
	}
	writeFile(t, cfg, "rules:\n  placeholder.nmae: off\n")
	_, errs, code := cliRun(t, dir, "check", draft)
	if code != ExitInput || !strings.Contains(errs, ".reportlint.yaml:2: rules：未知的检查或规则 \"placeholder.nmae\"，是否指：placeholder.name") {
		t.Errorf("unknown id in rules: exit %d %q", code, errs)
	}
	writeFile(t, cfg, "rules:\n  placeholder.name: loud\n")
	if _, errs, code = cliRun(t, dir, "check", draft); code != ExitInput || !strings.Contains(errs, "或 off 关闭") {
		t.Errorf("bad value in rules: exit %d %q", code, errs)
	}
	if _, errs, code = cliRun(t, dir, "check", "--no-config", "--disable", "punctuaton", draft); code != ExitInput ||
		!strings.Contains(errs, "--disable：未知的检查或规则 \"punctuaton\"，是否指：punctuation") {
		t.Errorf("unknown --disable: exit %d %q", code, errs)
	}
}

// Issue 10: rules and SARIF show each rule's own default severity.
func TestRulesShowRuleSeverity(t *testing.T) {
	app, out, _ := testApp("")
	if code := run(app, []string{"rules", "--format", "json"}); code != ExitOK {
		t.Fatal("exit", code)
	}
	var checks []struct {
		Name  string
		Rules []jsonRule
	}
	if err := json.Unmarshal(out.Bytes(), &checks); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range checks {
		for _, r := range c.Rules {
			n++
			want := registry().Rule(r.ID)
			if want == nil || r.Severity != want.Severity.String() || r.Group != string(want.Group) || r.Source != string(want.Source) {
				t.Errorf("%s: listed %+v", r.ID, r)
			}
		}
	}
	if n != len(registry().Rules()) {
		t.Errorf("%d rules listed, %d declared", n, len(registry().Rules()))
	}
	// SARIF: a rule whose severity differs from its check's shows its own
	checksWithDiff := []*analyze.Check{{Name: "formulation", Doc: "提法", Severity: analyze.Error,
		Rules: []*analyze.Rule{{ID: "formulation.missing", Doc: "缺少", Severity: analyze.Info}}}}
	log := toSARIF(nil, checksWithDiff)
	if got := log.Runs[0].Tool.Driver.Rules[0].DefaultConfiguration.Level; got != "note" {
		t.Errorf("SARIF level %q, want note (the rule's info, not the check's error)", got)
	}
	// rules ID explains one rule; an unknown id suggests close ones
	app, out, _ = testApp("")
	if code := run(app, []string{"rules", "placeholder.number"}); code != ExitOK ||
		!strings.Contains(out.String(), "默认级别：") || !strings.Contains(out.String(), "--disable placeholder.number") {
		t.Errorf("rules placeholder.number: exit %d\n%s", code, out)
	}
	app, _, errb := testApp("")
	if code := run(app, []string{"rules", "placeholder.numbr"}); code != ExitInput || !strings.Contains(errb.String(), "是否指：placeholder.number") {
		t.Errorf("rules placeholder.numbr: exit %d %q", code, errb)
	}
}
