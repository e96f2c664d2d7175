package cmd

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cliRun runs the CLI in dir and returns stdout, stderr and the exit code.
func cliRun(t *testing.T, dir string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	app := &App{In: strings.NewReader(""), Out: &out, Err: &errb, Getenv: func(string) string { return "" }, Dir: dir}
	code := run(app, args)
	return out.String(), errb.String(), code
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// draftText has two unfilled numbers (placeholder.number, errors) and one
// unfilled name.
const draftText = "2023年度工作总结\n" +
	"一、主要成效\n" +
	"全年完成投资**亿元。\n" +
	"由**牵头推进，新增企业**家。\n"

// jsonFindings decodes the JSON output into rule ids per file.
func jsonFindings(t *testing.T, out string) (rules []string, profile string, year int) {
	t.Helper()
	var rep struct {
		Files []struct {
			Profile  string `json:"profile"`
			Year     int    `json:"year"`
			Findings []struct {
				Rule       string `json:"rule"`
				Severity   string `json:"severity"`
				Suppressed bool   `json:"suppressed"`
			} `json:"findings"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, f := range rep.Files[0].Findings {
		r := f.Rule + ":" + f.Severity
		if f.Suppressed {
			r += ":suppressed"
		}
		rules = append(rules, r)
	}
	return rules, rep.Files[0].Profile, rep.Files[0].Year
}

func count(list []string, prefix string) int {
	n := 0
	for _, s := range list {
		if strings.HasPrefix(s, prefix) {
			n++
		}
	}
	return n
}

func TestConfigDiscoveryAndOverride(t *testing.T) {
	root := t.TempDir()
	sub := filepath.Join(root, "稿件", "2023")
	writeFile(t, filepath.Join(sub, "draft.txt"), draftText)
	writeFile(t, filepath.Join(root, ConfigName), "# 单位统一配置\nfail_on: never\nyear: 2021\nprofile: duty-report\n")

	// found in a parent folder: fail_on never → exit 0 despite errors
	out, errs, code := cliRun(t, sub, "check", "--format", "json", filepath.Join(sub, "draft.txt"))
	if code != ExitOK {
		t.Fatalf("exit %d, want 0 from config fail_on: never\n%s", code, errs)
	}
	rules, profile, year := jsonFindings(t, out)
	if profile != "duty-report" || year != 2021 || count(rules, "placeholder.number:error") != 2 {
		t.Errorf("profile %q year %d rules %v", profile, year, rules)
	}
	// flags override config values
	out, _, code = cliRun(t, sub, "check", "--format", "json", "--fail-on", "error", "--year", "2023", filepath.Join(sub, "draft.txt"))
	if _, _, y := jsonFindings(t, out); code != ExitFindings || y != 2023 {
		t.Errorf("with flags: exit %d year %d, want 1 and 2023", code, y)
	}
	// --no-config ignores it
	if _, _, code = cliRun(t, sub, "check", "--format", "json", "--no-config", filepath.Join(sub, "draft.txt")); code != ExitFindings {
		t.Errorf("--no-config: exit %d, want 1", code)
	}
	// --config names another file (relative to the working folder)
	writeFile(t, filepath.Join(sub, "strict.yaml"), "fail_on: error\n")
	if _, _, code = cliRun(t, sub, "check", "--config", "strict.yaml", filepath.Join(sub, "draft.txt")); code != ExitFindings {
		t.Errorf("--config strict.yaml: exit %d, want 1", code)
	}
	if _, errs, code = cliRun(t, sub, "check", "--config", "missing.yaml", filepath.Join(sub, "draft.txt")); code != ExitInput || !strings.Contains(errs, "missing.yaml: 配置文件不存在") {
		t.Errorf("--config missing.yaml: exit %d, stderr %q", code, errs)
	}
}

func TestConfigSeverityEnableDisable(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "draft.txt"), draftText)
	cfg := filepath.Join(dir, ConfigName)

	// severity override + min_severity: the two number blanks drop to info and are filtered
	writeFile(t, cfg, "enable: [placeholder, suppression]\nseverity:\n  placeholder.number: info\n  placeholder: warning\nmin_severity: warning\n")
	out, errs, code := cliRun(t, dir, "check", "--format", "json", filepath.Join(dir, "draft.txt"))
	rules, _, _ := jsonFindings(t, out)
	if code != ExitOK || count(rules, "placeholder.number") != 0 || count(rules, "placeholder.name:warning") != 1 {
		t.Errorf("severity: exit %d rules %v %s", code, rules, errs)
	}
	// --min-severity on the command line beats min_severity
	out, _, _ = cliRun(t, dir, "check", "--format", "json", "--min-severity", "info", filepath.Join(dir, "draft.txt"))
	if rules, _, _ = jsonFindings(t, out); count(rules, "placeholder.number:info") != 2 {
		t.Errorf("--min-severity info: rules %v", rules)
	}

	// disable in config; --enable on the command line wins for that check
	writeFile(t, cfg, "enable: [placeholder, suppression]\ndisable: [placeholder]\n")
	out, _, code = cliRun(t, dir, "check", "--format", "json", filepath.Join(dir, "draft.txt"))
	if rules, _, _ = jsonFindings(t, out); count(rules, "placeholder.") != 0 || code != ExitOK {
		t.Errorf("disable: exit %d rules %v", code, rules)
	}
	out, _, code = cliRun(t, dir, "check", "--format", "json", "--enable", "placeholder", filepath.Join(dir, "draft.txt"))
	if rules, _, _ = jsonFindings(t, out); count(rules, "placeholder.") != 3 || code != ExitFindings {
		t.Errorf("--enable over config disable: exit %d rules %v", code, rules)
	}
}

func TestConfigErrors(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"fail_on: never\nfailon: error\n", ".reportlint.yaml:2: 未知的配置项 \"failon\""},
		{"year: 二〇二三\n", ".reportlint.yaml:1: 值 \"二〇二三\" 的类型不对：应为整数"},
		{"year: 1900\n", ".reportlint.yaml:1: year 1900 不是有效的年份"},
		{"enable:\n  - placeholder\n  - placehodler\n", ".reportlint.yaml:3: enable：未知的检查或规则 \"placehodler\"，是否指：placeholder"},
		{"severity:\n  placeholder.number: error\n  placeholder.nmber: info\n", ".reportlint.yaml:3: severity：未知的检查或规则 \"placeholder.nmber\""},
		{"severity:\n  placeholder: fatal\n", ".reportlint.yaml:2: severity.placeholder：未知的级别 \"fatal\""},
		{"fail_on: sometimes\n", ".reportlint.yaml:1: fail_on："},
		{"min_severity: never\n", ".reportlint.yaml:1: min_severity："},
		{"ignore:\n  - '[草稿'\n", ".reportlint.yaml:2: ignore：模式 \"[草稿\" 写法有误"},
		{"- a\n- b\n", ".reportlint.yaml:1: 配置文件应为“键: 值”的映射"},
		{"profile: duty-report\n---\nyear: 2023\n", ".reportlint.yaml:2: 配置文件只能有一个 YAML 文档"},
		{"enable: placeholder\n", ".reportlint.yaml:1: 结构不对：应为列表，实为字符串"},
		{"profile: [a\n", ".reportlint.yaml:1: YAML 语法错误"},
		{"profile: weekly-report\n", ".reportlint.yaml:1: 未知的报告类型 \"weekly-report\""},
	} {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, "draft.txt"), draftText)
		writeFile(t, filepath.Join(dir, ConfigName), tc.yaml)
		_, errs, code := cliRun(t, dir, "check", filepath.Join(dir, "draft.txt"))
		if code != ExitInput || !strings.Contains(errs, tc.want) {
			t.Errorf("config %q: exit %d stderr %q, want 2 and %q", tc.yaml, code, errs, tc.want)
		}
	}
}

func TestConfigEmptyAndComments(t *testing.T) {
	for _, y := range []string{"", "# 只有注释\n", "---\n", "profile:\n"} {
		if _, err := parseConfig("c.yaml", []byte(y)); err != nil {
			t.Errorf("%q: %v", y, err)
		}
	}
}

func TestConfigLexiconsRelative(t *testing.T) {
	root := t.TempDir()
	sub := filepath.Join(root, "sub")
	writeFile(t, filepath.Join(sub, "draft.txt"), draftText)
	writeFile(t, filepath.Join(root, ConfigName), "lexicons: [词库/本单位.yaml]\n")
	// a lexicon with an error proves the file was found relative to the config, not the working folder
	writeFile(t, filepath.Join(root, "词库", "本单位.yaml"), "no_such_key: 1\n")
	_, errs, code := cliRun(t, sub, "check", filepath.Join(sub, "draft.txt"))
	if code != ExitInput || !strings.Contains(errs, "本单位.yaml") {
		t.Errorf("exit %d stderr %q, want the lexicon's error", code, errs)
	}
	writeFile(t, filepath.Join(root, "词库", "本单位.yaml"), "terms: []\n")
	if _, errs, code = cliRun(t, sub, "check", "--fail-on", "never", filepath.Join(sub, "draft.txt")); code != ExitOK {
		t.Errorf("valid lexicon: exit %d stderr %q", code, errs)
	}
}

func TestConfigIgnored(t *testing.T) {
	cfg := &Config{Dir: "/srv/稿件", Ignore: []string{"*.bak", "草稿*", "归档/**/旧稿*.docx", "/模板", "临时/"}}
	for p, want := range map[string]bool{
		"/srv/稿件/a.txt":               false,
		"/srv/稿件/a.txt.bak":           true,
		"/srv/稿件/一科/草稿-李.docx":        true,
		"/srv/稿件/草稿箱/报告.docx":         true, // a matching folder ignores what is inside
		"/srv/稿件/归档/旧稿1.docx":         true, // ** matches zero folders
		"/srv/稿件/归档/2019/12/旧稿2.docx": true,
		"/srv/稿件/归档/2019/新稿.docx":     false,
		"/srv/稿件/模板/述职.docx":          true,
		"/srv/稿件/一科/模板/述职.docx":       false, // anchored at the config folder
		"/srv/稿件/临时/x.txt":            true,
		"/srv/稿件/临时工作总结.txt":          false,
		"/srv/其他/归档/旧稿1.docx":         false, // outside the config folder: only name patterns
		"/srv/其他/a.bak":               true,
	} {
		if got := cfg.Ignored(p); got != want {
			t.Errorf("Ignored(%q) = %v, want %v", p, got, want)
		}
	}
	if (*Config)(nil).Ignored("/x") {
		t.Error("nil config ignores")
	}
}

func FuzzParseConfig(f *testing.F) {
	f.Add([]byte("profile: duty-report\nyear: 2023\nseverity:\n  placeholder: warning\nignore: ['*.bak']\n"))
	f.Add([]byte("enable: [placeholder]\ndisable:\n  - suppression\n"))
	f.Add([]byte("severity: {a: b}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := parseConfig("c.yaml", data)
		if err == nil && cfg == nil {
			t.Fatal("nil config without error")
		}
		if err != nil && !strings.HasPrefix(err.Error(), "c.yaml") {
			t.Fatalf("error %q does not name the file", err)
		}
	})
}

func TestConfigTaggedNodeNoPanic(t *testing.T) {
	if _, err := parseConfig(".reportlint.yaml", []byte("enable: !!map {}\n")); err == nil || !strings.Contains(err.Error(), ".reportlint.yaml") {
		t.Errorf("parseConfig = %v, want an error naming the file", err)
	}
}
