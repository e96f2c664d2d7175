package cmd

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/segment"
)

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, syscall.ENOSPC }

// Issue 17 item 8: every command and format reports a failed write and exits 2.
func TestFailedWriteExits2(t *testing.T) {
	cases := [][]string{{"rules"}, {"rules", "-f", "json"}, {"rules", "placeholder.number"}, {"lexicon", "list"}, {"config"}}
	for _, f := range checkFormats {
		cases = append(cases, []string{"check", "--fail-on", "never", "-f", f, example})
	}
	for _, f := range numbersFormats {
		cases = append(cases, []string{"numbers", "-f", f, example})
	}
	for _, f := range []string{"tree", "json"} {
		cases = append(cases, []string{"structure", "--fail-on", "never", "-f", f, example})
	}
	for _, f := range []string{"table", "json"} {
		cases = append(cases, []string{"segment", "-f", f, example})
	}
	for _, f := range auditFormats {
		cases = append(cases, []string{"audit", "--fail-on", "never", "-f", f, example})
	}
	for _, args := range cases {
		var errb bytes.Buffer
		app := &App{In: strings.NewReader(""), Out: failWriter{}, Err: &errb, Getenv: func(string) string { return "" }, NoConfig: true}
		if code := run(app, args); code != ExitInput || !strings.Contains(errb.String(), "写入输出失败：磁盘空间不足") {
			t.Errorf("%v: exit %d stderr %q, want 2 and 写入输出失败", args, code, errb.String())
		}
	}
}

// Issue 17 item 13: a panic's text never reaches the user without --debug.
func TestPanicIsAnInternalError(t *testing.T) {
	for _, debug := range []bool{false, true} {
		var out, errb bytes.Buffer
		app := &App{In: strings.NewReader(""), Out: &out, Err: &errb, NoConfig: true,
			Getenv: func(string) string { panic("boom: secret detail") }}
		args := []string{"audit", example}
		if debug {
			args = append([]string{"--debug"}, args...)
		}
		code := run(app, args)
		got := errb.String()
		if code != ExitInput || !strings.Contains(got, "内部错误") || !strings.Contains(got, "报告给维护者") {
			t.Errorf("debug=%v: exit %d stderr %q", debug, code, got)
		}
		if strings.Contains(got, "boom") != debug || strings.Contains(got, "goroutine") != debug {
			t.Errorf("debug=%v: panic text or stack shown=%v: %q", debug, !debug, got)
		}
	}
}

// Issue 14 and 17 item 7: sizes take units; overflow, zero and junk are refused in Chinese.
func TestMaxSize(t *testing.T) {
	for in, want := range map[string]int64{"40MB": 40 << 20, "20MiB": 20 << 20, "500KB": 500 << 10, "1024": 1024, "1.5mb": 3 << 19, "2 GB": -1} {
		n, err := parseSize(in)
		if want < 0 {
			if err == nil {
				t.Errorf("%s: accepted %d", in, n)
			}
			continue
		}
		if err != nil || n != want {
			t.Errorf("%s: %d %v, want %d", in, n, err, want)
		}
	}
	for _, bad := range []string{"9223372036854775807", "-1", "0", "abc", "1e400", "NaN", "Inf", "0x10", ""} {
		app, _, errb := testApp("")
		if code := run(app, []string{"check", "--max-size", bad, example}); code != ExitInput || !hasHan(errb.String()) ||
			!strings.Contains(errb.String(), "--max-size") {
			t.Errorf("--max-size %q: exit %d %q", bad, code, errb.String())
		}
	}
	// a small limit is enforced
	app, _, errb := testApp("")
	if code := run(app, []string{"check", "--no-config", "--max-size", "1KB", example}); code != ExitInput || !strings.Contains(errb.String(), "1.0 KB") {
		t.Errorf("--max-size 1KB: exit %d %q", code, errb.String())
	}
}

// Issue 14: cobra's English texts and errors are translated.
func TestChineseMessages(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"check"}, "缺少要检查的文件"},
		{[]string{"check", "--year", "abc", example}, "--year 的值 \"abc\" 无效：应为整数"},
		{[]string{"check", "--bogus", example}, "未知的选项 --bogus"},
		{[]string{"check", "--year"}, "选项 --year 需要一个值"},
		{[]string{"chekc"}, "未知的命令 \"chekc\"，是否指：check"},
		{[]string{"rules", "a", "b"}, "参数太多"},
		{[]string{"check", "--fail-on", "bad", example}, "never"},
		{[]string{"check", "-f", "xml", example}, "未知的输出格式"},
	}
	for _, c := range cases {
		app, _, errb := testApp("")
		if code := run(app, c.args); code != ExitInput || !strings.Contains(errb.String(), c.want) {
			t.Errorf("%v: exit %d %q, want %q", c.args, code, errb.String(), c.want)
		}
	}
	for _, args := range [][]string{{"--help"}, {"check", "--help"}, {"audit", "--help"}, {"completion", "--help"}, {"help", "rules"}} {
		app, out, _ := testApp("")
		run(app, args)
		for _, english := range []string{"Usage:", "Flags:", "help for", "(default", "[flags]", "Available Commands"} {
			if strings.Contains(out.String(), english) {
				t.Errorf("%v: help contains %q:\n%s", args, english, out)
			}
		}
	}
	app, out, _ := testApp("")
	run(app, []string{"audit", "--help"})
	if strings.Contains(strings.ToLower(out.String()), "sarif") {
		t.Errorf("audit --help mentions sarif:\n%s", out)
	}
	app, out, _ = testApp("")
	if code := run(app, []string{"--version"}); code != ExitOK || !strings.HasPrefix(out.String(), "reportlint ") {
		t.Errorf("--version: exit %d %q", code, out)
	}
	// format names are case-insensitive
	app, _, _ = testApp("")
	if code := run(app, []string{"check", "--no-config", "-f", "JSON", "--fail-on", "NEVER", example}); code != ExitOK {
		t.Errorf("-f JSON: exit %d", code)
	}
}

// Issue 17 item 12: a file that is not a lexicon is not quoted.
func TestLexiconErrorQuotesNothingOfForeignFiles(t *testing.T) {
	dir := t.TempDir()
	shadow := filepath.Join(dir, "shadow")
	writeFile(t, shadow, "root:$6$secrethash0123456789abcdefghij:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n")
	app, _, errb := testApp("")
	if code := run(app, []string{"check", "--lexicon", shadow, example}); code != ExitInput ||
		strings.Contains(errb.String(), "secret") || !strings.Contains(errb.String(), "不是词库文件") {
		t.Errorf("exit %d %q", code, errb.String())
	}
	long := filepath.Join(dir, "long.yaml")
	writeFile(t, long, "terms:\n  - id: a\n    "+strings.Repeat("x", 200)+"\x1b]52: 1\n")
	app, _, errb = testApp("")
	run(app, []string{"check", "--lexicon", long, example})
	if msg := errb.String(); strings.Contains(msg, strings.Repeat("x", 30)) || strings.ContainsRune(msg, 0x1b) {
		t.Errorf("excerpt not shortened or escaped: %q", msg)
	}
}

// Issue 14: -o writes atomically and refuses to overwrite an input.
func TestOutputFile(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.txt")
	writeFile(t, in, draftText)
	out := filepath.Join(dir, "结果.json")
	_, errs, code := cliRun(t, dir, "check", "--no-config", "-f", "json", "-o", out, in)
	data, err := os.ReadFile(out)
	if code != ExitFindings || err != nil || !bytes.HasPrefix(data, []byte("{")) {
		t.Fatalf("exit %d %s %v %q", code, errs, err, data)
	}
	for _, args := range [][]string{{"check", "-o", in, in}, {"audit", "-o", in, dir}} {
		_, errs, code = cliRun(t, dir, append([]string{"--no-config"}, args...)...)
		if code != ExitInput || !strings.Contains(errs, "拒绝覆盖") {
			t.Errorf("%v: exit %d %q", args, code, errs)
		}
	}
	if data, _ := os.ReadFile(in); string(data) != draftText {
		t.Error("the input was overwritten")
	}
	// a device is written directly, never replaced by a regular file
	if _, errs, code = cliRun(t, dir, "check", "--no-config", "-o", os.DevNull, in); code != ExitFindings {
		t.Errorf("-o %s: exit %d %s", os.DevNull, code, errs)
	}
	if fi, err := os.Stat(os.DevNull); err != nil || fi.Mode().IsRegular() {
		t.Fatalf("%s replaced: %v", os.DevNull, err)
	}
	// a usage error leaves no file and no temporary file
	bad := filepath.Join(dir, "bad.json")
	cliRun(t, dir, "check", "--no-config", "-f", "xml", "-o", bad, in)
	if _, err := os.Stat(bad); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("output written on a usage error")
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".reportlint-*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// Issue 14: audit without a path checks "."; audit -r dir/ uses dir's config
// and the config command says which file applies.
func TestAuditDefaultsAndConfigPerInput(t *testing.T) {
	work := t.TempDir()
	proj := filepath.Join(work, "各科室")
	writeFile(t, filepath.Join(proj, "办公室", "a.txt"), draftText)
	writeFile(t, filepath.Join(proj, ConfigName), "fail_on: never\ndisable: [placeholder]\n")
	// from the parent folder: dir/.reportlint.yaml applies
	out, errs, code := cliRun(t, work, "audit", "-r", "-f", "json", proj)
	if code != ExitOK || strings.Contains(out, "placeholder.") {
		t.Errorf("audit -r dir/: exit %d %s\n%s", code, errs, out)
	}
	out, _, _ = cliRun(t, work, "audit", "-r", proj)
	if !strings.Contains(out, "配置："+filepath.Join("各科室", ConfigName)) {
		t.Errorf("audit table does not say which config applies:\n%s", out)
	}
	out, _, _ = cliRun(t, work, "check", filepath.Join(proj, "办公室", "a.txt"))
	if !strings.Contains(out, "配置："+filepath.Join("各科室", ConfigName)) {
		t.Errorf("check table does not say which config applies:\n%s", out)
	}
	out, _, _ = cliRun(t, work, "config", proj)
	if !strings.Contains(out, filepath.Join("各科室", ConfigName)) || !strings.Contains(out, "placeholder") {
		t.Errorf("config: %s", out)
	}
	// inputs under different configs are refused with a Chinese message
	other := filepath.Join(work, "other.txt")
	writeFile(t, other, draftText)
	if _, errs, code = cliRun(t, work, "check", filepath.Join(proj, "办公室", "a.txt"), other); code != ExitInput || !strings.Contains(errs, "分属不同的配置文件") {
		t.Errorf("mixed configs: exit %d %q", code, errs)
	}
	// audit with no path checks the working folder: cliRun's Dir is only
	// for config lookup, so change directory for this case
	wd, _ := os.Getwd()
	if err := os.Chdir(filepath.Join(proj, "办公室")); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	out, errs, code = cliRun(t, filepath.Join(proj, "办公室"), "audit", "-f", "json")
	if code != ExitOK || !strings.Contains(out, "a.txt") {
		t.Errorf("audit without a path: exit %d %s\n%s", code, errs, out)
	}
}

// FuzzParseSize: any input gives an error or a size in (0, maxSizeLimit].
func FuzzParseSize(f *testing.F) {
	for _, s := range []string{"40MB", "20MiB", "500KB", "9223372036854775807", "-1", "1e400", "NaN", "0x1p10", " 3 k "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := parseSize(s)
		if err == nil && (n <= 0 || n > maxSizeLimit) {
			t.Fatalf("%q → %d", s, n)
		}
		if err != nil && !hasHan(err.Error()) {
			t.Fatalf("%q: English error %v", s, err)
		}
	})
}

// Issue 17 item 13: a check's recovered panic is reported without its text.
func TestCheckPanicTextHidden(t *testing.T) {
	boom := &analyze.Check{Name: "boom", Doc: "测试", Rules: []*analyze.Rule{},
		Run: func(*analyze.Pass) error { panic("runtime error: secret detail") }}
	for _, debug := range []bool{false, true} {
		app, _, _ := testApp("2023年度工作总结\n正文。\n")
		app.Debug = debug
		o := &lintOptions{MinSeverity: "info"}
		res, err := app.lint([]string{"-"}, o, []*analyze.Check{boom})
		if err != nil {
			t.Fatal(err)
		}
		if len(res[0].Findings) != 1 {
			t.Fatalf("findings %+v", res[0].Findings)
		}
		msg := res[0].Findings[0].Message
		if strings.Contains(msg, "secret") != debug || !strings.Contains(msg, "内部错误") {
			t.Errorf("debug=%v: %q", debug, msg)
		}
	}
}

// A panic while auditing one file becomes that file's row; the others are
// still reported.
func TestAuditPanicIsOneRow(t *testing.T) {
	app, _, errb := testApp("")
	d := segment.NewDocument("坏.txt", segment.FormatText, "utf-8", "正文。\n", nil)
	st := &auditStage{app: app, opt: analyze.Options{Checks: []*analyze.Check{}}, o: &auditOptions{SegmentOnly: true},
		segmenter: func() *segment.Segmenter { panic("boom secret") }}
	f := st.safe(d).file(false)
	if f == nil || f.Err == nil || !strings.Contains(f.Err.Error(), "内部错误") || strings.Contains(f.Err.Error(), "secret") || errb.Len() > 0 {
		t.Errorf("row %+v stderr %q", f, errb.String())
	}
}
