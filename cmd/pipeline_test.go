package cmd

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// pipelineReport's title says 2023 and 工作总结; the config says 2019 and
// duty-report, so each command shows whether it honoured the config.
const pipelineReport = "2023年度工作总结\n" +
	"一、主要成效\n" +
	"全年完成投资**亿元，集装箱吞吐量120万标准箱。\n" +
	"由**牵头推进智慧河长制平台建设，整改完毕率达到95%。\n" +
	"三、下一步打算\n" +
	"继续推进。\n"

const pipelineLexicon = "terms:\n  - {id: my-term, text: 智慧河长制平台}\n" +
	"units:\n  - {id: my-unit, text: 标准箱, base: 标准箱, factor: 1, kind: count}\n" +
	"words:\n  - {id: my-word, wrong: 整改完毕率, correction: 整改完成率, severity: error}\n"

const pipelineConfig = "year: 2019\nprofile: duty-report\nlexicons: [本单位词库.yaml]\n" +
	"disable: [placeholder.name, structure.numbering]\nfail_on: never\n"

// TestEveryCommandHonoursConfig runs every command that reads reports
// against one .reportlint.yaml, from another working folder: the config is
// found from the input's folder, and year, profile, lexicons and disable
// take effect wherever the command shows them (issue 10).
func TestEveryCommandHonoursConfig(t *testing.T) {
	proj := t.TempDir()
	elsewhere := t.TempDir()
	report := filepath.Join(proj, "稿件", "总结.txt")
	writeFile(t, report, pipelineReport)
	writeFile(t, filepath.Join(proj, "本单位词库.yaml"), pipelineLexicon)
	writeFile(t, filepath.Join(proj, ConfigName), pipelineConfig)

	type file struct {
		Profile  string
		Year     int
		Findings []struct{ Rule, Message string }
		Problems []struct{ Rule string }
		Numbers  []struct{ Text, Unit string }
		Tokens   []struct{ Text string }
		Outline  []struct {
			Problems []struct{ Rule string }
		}
	}
	decode := func(t *testing.T, out string) file {
		t.Helper()
		var rep struct{ Files []file }
		if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Files) != 1 {
			t.Fatalf("bad JSON (%v):\n%s", err, out)
		}
		return rep.Files[0]
	}
	rules := func(f file) string {
		var ids []string
		for _, x := range f.Findings {
			ids = append(ids, x.Rule)
		}
		for _, x := range f.Problems {
			ids = append(ids, x.Rule)
		}
		for _, n := range f.Outline {
			for _, x := range n.Problems {
				ids = append(ids, x.Rule)
			}
		}
		return strings.Join(ids, " ")
	}
	yearAndProfile := func(t *testing.T, f file) {
		if f.Year != 2019 || f.Profile != "duty-report" {
			t.Errorf("year %d profile %q, want 2019 and duty-report from the config", f.Year, f.Profile)
		}
	}
	cases := []struct {
		cmd  string
		want func(t *testing.T, f file)
	}{
		{"check", func(t *testing.T, f file) {
			yearAndProfile(t, f)
			r := rules(f)
			if !strings.Contains(r, "wording.misused") {
				t.Errorf("the config lexicon's word is not found: %s", r)
			}
			if strings.Contains(r, "placeholder.name") || strings.Contains(r, "structure.numbering") {
				t.Errorf("disabled rules reported: %s", r)
			}
			if !strings.Contains(r, "placeholder.number") {
				t.Errorf("disabling placeholder.name turned off the whole check: %s", r)
			}
		}},
		{"placeholders", func(t *testing.T, f file) {
			yearAndProfile(t, f)
			if r := rules(f); strings.Contains(r, "placeholder.name") || !strings.Contains(r, "placeholder.number") {
				t.Errorf("rules %s", r)
			}
		}},
		{"numbers", func(t *testing.T, f file) {
			yearAndProfile(t, f)
			unit := false
			for _, n := range f.Numbers {
				unit = unit || n.Unit == "标准箱"
			}
			if !unit {
				t.Errorf("the config lexicon's unit 标准箱 is not used: %+v", f.Numbers)
			}
		}},
		{"structure", func(t *testing.T, f file) {
			yearAndProfile(t, f)
			if r := rules(f); strings.Contains(r, "structure.numbering") {
				t.Errorf("disabled structure.numbering reported: %s", r)
			}
		}},
		{"segment", func(t *testing.T, f file) {
			whole := false
			for _, tok := range f.Tokens {
				whole = whole || tok.Text == "智慧河长制平台"
			}
			if !whole {
				t.Errorf("the config lexicon's term is not kept whole")
			}
		}},
		{"audit", func(t *testing.T, f file) {
			yearAndProfile(t, f)
			r := rules(f)
			if !strings.Contains(r, "wording.misused") || strings.Contains(r, "placeholder.name") || strings.Contains(r, "structure.numbering") {
				t.Errorf("rules %s", r)
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.cmd, func(t *testing.T) {
			out, errs, code := cliRun(t, elsewhere, c.cmd, "--format", "json", report)
			if code == ExitInput {
				t.Fatalf("exit 2: %s", errs)
			}
			c.want(t, decode(t, out))
		})
	}

	// Naming the config's lexicon again with --lexicon is harmless.
	for _, cmd := range []string{"check", "segment", "numbers"} {
		if _, errs, code := cliRun(t, elsewhere, cmd, "--lexicon", filepath.Join(proj, "本单位词库.yaml"), report); code == ExitInput {
			t.Errorf("%s with the config's lexicon again: exit 2: %s", cmd, errs)
		}
	}
	// Every command loads the config's lexicons: a broken one fails each.
	bad := t.TempDir()
	writeFile(t, filepath.Join(bad, ConfigName), "lexicons: [坏词库.yaml]\n")
	writeFile(t, filepath.Join(bad, "坏词库.yaml"), "terms:\n  - id: x\n    txet: y\n")
	writeFile(t, filepath.Join(bad, "a.txt"), pipelineReport)
	for _, cmd := range []string{"check", "placeholders", "numbers", "structure", "segment", "audit"} {
		if _, errs, code := cliRun(t, elsewhere, cmd, filepath.Join(bad, "a.txt")); code != ExitInput || !strings.Contains(errs, "坏词库.yaml:3") {
			t.Errorf("%s: exit %d stderr %q, want the config lexicon's error", cmd, code, errs)
		}
	}
}
