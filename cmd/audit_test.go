package cmd

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/corpus"
)

func auditWrite(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// auditJSONOut runs audit with --format json and decodes the output.
func auditJSONOut(t *testing.T, args ...string) (auditJSON, int, string) {
	t.Helper()
	app, out, errb := testApp("")
	code := run(app, append([]string{"audit", "--format", "json"}, args...))
	var rep auditJSON
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("audit %v: %v\nstdout %s\nstderr %s", args, err, out, errb)
	}
	return rep, code, errb.String()
}

func paths(rep auditJSON) []string {
	var out []string
	for _, f := range rep.Files {
		out = append(out, filepath.Base(f.Path))
	}
	return out
}

const reportWithBlanks = "2024年度市审计局副局长述职报告\n\n一、主要工作\n全年完成审计项目**个，查出问题金额**万元，按照**统一部署推进整改。\n特此报告。\n"

const cleanReport = "2024年度工作总结\n\n一、主要工作\n全年完成审计项目12个。\n"

// The walk: supported files in the folder; subfolders only with -r; hidden
// folders and files, Office lock files and other extensions never.
func TestAuditCollectsFiles(t *testing.T) {
	dir := t.TempDir()
	auditWrite(t, filepath.Join(dir, "b.md"), cleanReport)
	auditWrite(t, filepath.Join(dir, "a.txt"), reportWithBlanks)
	auditWrite(t, filepath.Join(dir, "sub", "c.txt"), cleanReport)
	auditWrite(t, filepath.Join(dir, ".git", "d.txt"), cleanReport)
	auditWrite(t, filepath.Join(dir, "sub", ".e.txt"), cleanReport)
	auditWrite(t, filepath.Join(dir, "~$a.docx"), "lock")
	auditWrite(t, filepath.Join(dir, "notes.pdf"), "%PDF")

	rep, code, stderr := auditJSONOut(t, dir)
	if got := strings.Join(paths(rep), ","); got != "a.txt,b.md" {
		t.Errorf("files %s, want a.txt,b.md", got)
	}
	if code != ExitFindings {
		t.Errorf("exit %d, want 1 (a.txt has unfilled blanks)", code)
	}
	if !strings.Contains(stderr, "跳过了 1 个子目录") {
		t.Errorf("stderr %q: want a note about the skipped subfolder", stderr)
	}
	rep, _, stderr = auditJSONOut(t, "-r", dir)
	if got := strings.Join(paths(rep), ","); got != "a.txt,b.md,c.txt" {
		t.Errorf("recursive: files %s, want a.txt,b.md,c.txt", got)
	}
	if strings.Contains(stderr, "跳过") {
		t.Errorf("recursive: stderr %q", stderr)
	}
	// A file named directly is taken whatever its name; duplicates once.
	rep, _, _ = auditJSONOut(t, filepath.Join(dir, "sub", ".e.txt"), dir, filepath.Join(dir, "a.txt"))
	got := paths(rep)
	sort.Strings(got)
	if strings.Join(got, ",") != ".e.txt,a.txt,b.md" {
		t.Errorf("explicit files: %v, want .e.txt,a.txt,b.md", got)
	}
}

func TestAuditNoFiles(t *testing.T) {
	app, _, errb := testApp("")
	if code := run(app, []string{"audit", t.TempDir()}); code != ExitInput {
		t.Errorf("empty folder: exit %d, want 2", code)
	}
	if !strings.Contains(errb.String(), "没有找到可检查的文件") {
		t.Errorf("stderr %q", errb)
	}
	app, _, _ = testApp("")
	if code := run(app, []string{"audit", "--jobs", "-2", t.TempDir()}); code != ExitInput {
		t.Errorf("--jobs -2: exit %d, want 2", code)
	}
}

// An unreadable file is a row with its reason; the others are still checked
// and the exit code is 2.
func TestAuditUnreadable(t *testing.T) {
	dir := t.TempDir()
	auditWrite(t, filepath.Join(dir, "a.txt"), cleanReport)
	auditWrite(t, filepath.Join(dir, "broken.docx"), "not a zip at all")
	auditWrite(t, filepath.Join(dir, "z.txt"), reportWithBlanks)
	rep, code, _ := auditJSONOut(t, dir, filepath.Join(dir, "missing.txt"))
	if code != ExitInput {
		t.Errorf("exit %d, want 2", code)
	}
	if rep.Summary.Files != 4 || rep.Summary.FailedFiles != 2 {
		t.Errorf("summary %+v, want 4 files, 2 failed", rep.Summary)
	}
	// unreadable first, then worst first
	want := []string{"broken.docx", "missing.txt", "z.txt", "a.txt"}
	if got := paths(rep); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("order %v, want %v", got, want)
	}
	if rep.Files[1].Error != "文件不存在" || rep.Files[0].Error == "" {
		t.Errorf("errors %q %q", rep.Files[0].Error, rep.Files[1].Error)
	}
	if rep.Files[2].Counts.Placeholders != 3 || rep.Files[2].Counts.Errors < 3 {
		t.Errorf("z.txt counts %+v: want 3 placeholders, at least 3 errors", rep.Files[2].Counts)
	}

	app, out, _ := testApp("")
	if code := run(app, []string{"audit", "--fail-on", "never", dir}); code != ExitInput {
		t.Errorf("table: exit %d, want 2", code)
	}
	if !strings.Contains(out.String(), "broken.docx") || !strings.Contains(out.String(), "无法读取") || !strings.Contains(out.String(), "1 个无法检查") {
		t.Errorf("table does not show the unreadable file:\n%s", out)
	}
}

func TestAuditExitCodes(t *testing.T) {
	dir := t.TempDir()
	auditWrite(t, filepath.Join(dir, "a.txt"), cleanReport)
	auditWrite(t, filepath.Join(dir, "b.txt"), reportWithBlanks)
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"audit", dir}, ExitFindings},
		{[]string{"audit", "--fail-on", "never", dir}, ExitOK},
		{[]string{"audit", "--format", "csv", dir}, ExitFindings},
		{[]string{"audit", filepath.Join(dir, "a.txt"), "--enable", "placeholder"}, ExitOK},
		{[]string{"audit", "--format", "sarif", dir}, ExitInput},
	} {
		app, _, errb := testApp("")
		if got := run(app, c.args); got != c.code {
			t.Errorf("%v: exit %d, want %d (%s)", c.args, got, c.code, errb)
		}
	}
}

// audit's per-file counts agree with check's findings on the same file.
func TestAuditCountsMatchCheck(t *testing.T) {
	dir := t.TempDir()
	reps := corpus.Generate(corpus.Options{N: 4, Seed: 3, CopyRate: -1})
	for _, r := range reps {
		auditWrite(t, filepath.Join(dir, r.Name), r.Text)
	}
	rep, _, _ := auditJSONOut(t, dir)
	for _, f := range rep.Files {
		app, out, _ := testApp("")
		run(app, []string{"check", "--format", "json", f.Path})
		var chk struct {
			Files []struct {
				Findings []struct {
					Rule, Severity string
				} `json:"findings"`
				Placeholders []json.RawMessage         `json:"placeholders"`
				Formulations []struct{ Status string } `json:"formulations"`
				Sections     []struct{ Status string } `json:"sections"`
			} `json:"files"`
		}
		if err := json.Unmarshal(out.Bytes(), &chk); err != nil || len(chk.Files) != 1 {
			t.Fatalf("check %s: %v", f.Path, err)
		}
		c := chk.Files[0]
		var want auditJSONCounts
		want.Placeholders = len(c.Placeholders)
		for _, s := range append(c.Formulations, c.Sections...) {
			if s.Status == "missing" {
				want.Missing++
			}
		}
		for _, x := range c.Findings {
			switch x.Severity {
			case "error":
				want.Errors++
			case "warning":
				want.Warnings++
			default:
				want.Infos++
			}
			switch {
			case x.Rule == "structure.section-missing":
			case strings.HasPrefix(x.Rule, "structure."):
				want.Structure++
			case strings.HasPrefix(x.Rule, "number."), strings.HasPrefix(x.Rule, "consistency."):
				want.Consistency++
			}
		}
		if f.Counts != want {
			t.Errorf("%s: audit counts %+v, check gives %+v", f.Path, f.Counts, want)
		}
		if len(f.Findings) != len(c.Findings) {
			t.Errorf("%s: %d findings in audit JSON, %d in check", f.Path, len(f.Findings), len(c.Findings))
		}
		if want.Errors+want.Warnings == 0 {
			t.Errorf("%s: generated report without findings; the test checks nothing", f.Path)
		}
	}
}

// writeCorpus writes n generated reports with copies and returns the dir.
func writeCorpus(t testing.TB, n int, seed uint64) (string, []corpus.Report) {
	dir := t.TempDir()
	reps := corpus.Generate(corpus.Options{N: n, Seed: seed, CopyRate: 0.5})
	for _, r := range reps {
		if err := os.WriteFile(filepath.Join(dir, r.Name), []byte(r.Text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, reps
}

// Copies between generated reports are reported with their files and lines.
func TestAuditCopies(t *testing.T) {
	dir, reps := writeCorpus(t, 12, 5)
	rep, _, _ := auditJSONOut(t, dir)
	found := map[[2]string]auditJSONPair{}
	for _, p := range rep.Copies {
		found[[2]string{filepath.Base(p.A), filepath.Base(p.B)}] = p
	}
	n := 0
	for _, r := range reps {
		for _, c := range r.Copies {
			n++
			key := [2]string{reps[c.From].Name, r.Name}
			p, ok := found[key]
			if !ok {
				t.Errorf("copy %s → %s not reported", key[0], key[1])
				continue
			}
			line := strings.Count(reps[c.From].Text[:strings.Index(reps[c.From].Text, c.Source)], "\n") + 1
			lineB := strings.Count(r.Text[:strings.Index(r.Text, c.Text)], "\n") + 1
			ok = false
			for _, ps := range p.Passages {
				ok = ok || ps.LinesA[0] <= line && line <= ps.LinesA[1] && ps.LinesB[0] <= lineB && lineB <= ps.LinesB[1]
			}
			if !ok {
				t.Errorf("copy %s:%d → %s:%d: passages %+v", key[0], line, key[1], lineB, p.Passages)
			}
			if p.ShareA <= 0 || p.ShareB <= 0 {
				t.Errorf("copy %v: shares %v %v", key, p.ShareA, p.ShareB)
			}
		}
	}
	if n == 0 {
		t.Fatal("corpus without copies")
	}
	if rep.Summary.CopiedPairs != len(rep.Copies) {
		t.Errorf("summary copied_pairs %d, %d pairs", rep.Summary.CopiedPairs, len(rep.Copies))
	}
	rep, _, _ = auditJSONOut(t, "--no-copies", dir)
	if len(rep.Copies) > 0 || len(rep.Rings) > 0 || len(rep.Template) > 0 {
		t.Errorf("--no-copies still compares reports")
	}
}

// Output does not depend on how many workers run or how they are scheduled.
func TestAuditDeterministic(t *testing.T) {
	dir, _ := writeCorpus(t, 16, 9)
	auditWrite(t, filepath.Join(dir, "broken.docx"), "PK\x03\x04 truncated")
	for _, format := range []string{"table", "json", "csv", "html"} {
		var first string
		for _, jobs := range []string{"1", "4", "3"} {
			app, out, _ := testApp("")
			run(app, []string{"audit", "--format", format, "--jobs", jobs, dir})
			if first == "" {
				first = out.String()
				if len(first) < 100 {
					t.Fatalf("%s: output too short: %q", format, first)
				}
			} else if out.String() != first {
				t.Errorf("%s: --jobs %s output differs from --jobs 1", format, jobs)
			}
		}
	}
}

func TestAuditTableAndProgress(t *testing.T) {
	dir, _ := writeCorpus(t, 6, 2)
	app, out, errb := testApp("")
	run(app, []string{"audit", dir})
	s := out.String()
	for _, want := range []string{"文件", "类型", "年度", "占位符", "缺少必备项", "结构问题", "一致性问题", "错误", "警告", "合计（6 个文件）", "报告之间的重复段落"} {
		if !strings.Contains(s, want) {
			t.Errorf("table lacks %q:\n%s", want, s)
		}
	}
	if errb.Len() != 0 {
		t.Errorf("stderr off a terminal must stay silent, got %q", errb)
	}
	// rows sorted worst first: error counts never increase down the table
	var rep auditJSON
	app, out, _ = testApp("")
	run(app, []string{"audit", "--format", "json", dir})
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(rep.Files); i++ {
		a, b := rep.Files[i-1].Counts, rep.Files[i].Counts
		if a.Errors < b.Errors || a.Errors == b.Errors && a.Warnings < b.Warnings {
			t.Errorf("row %d (%v) before row %d (%v)", i-1, a, i, b)
		}
	}
}

func TestAuditCSV(t *testing.T) {
	dir, _ := writeCorpus(t, 8, 4)
	app, out, _ := testApp("")
	run(app, []string{"audit", "--format", "csv", dir})
	if !bytes.HasPrefix(out.Bytes(), []byte(utf8BOM)) {
		t.Error("no BOM")
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(out.String(), utf8BOM)))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) < 10 || recs[0][0] != "文件" || recs[0][4] != "缺少必备项" {
		t.Fatalf("header %v", recs[0])
	}
	if !strings.HasPrefix(recs[9][0], "合计（8 个文件）") {
		t.Errorf("row 9 %v, want the totals", recs[9])
	}
	var tables []string
	for _, r := range recs[10:] {
		if r[0] == "报告组" || r[0] == "报告甲" || r[0] == "不计为抄袭的原因" || r[0] == "指标" {
			tables = append(tables, r[0])
		}
	}
	if strings.Join(tables, ",") != "报告组,报告甲,不计为抄袭的原因,指标" {
		t.Errorf("tables after the files: %v", tables)
	}
}

func TestAuditHTML(t *testing.T) {
	dir, _ := writeCorpus(t, 5, 8)
	auditWrite(t, filepath.Join(dir, "<b>x.txt"), reportWithBlanks)
	app, out, _ := testApp("")
	run(app, []string{"audit", "--format", "html", dir})
	s := out.String()
	if !strings.Contains(s, "Content-Security-Policy") || !strings.Contains(s, `id="f6"><summary>`) || !strings.Contains(s, `<label for="flt-err">有错误</label>`) {
		t.Errorf("page lacks the CSP or a section per file")
	}
	if strings.Contains(s, "<b>x.txt") || !strings.Contains(s, "&lt;b&gt;x.txt") {
		t.Errorf("file name not escaped")
	}
	if !strings.Contains(s, "数字未填写") {
		t.Errorf("findings of <b>x.txt not listed")
	}
}

func TestAuditSegmentOnly(t *testing.T) {
	dir, _ := writeCorpus(t, 3, 1)
	app, out, errb := testApp("")
	if code := run(app, []string{"audit", "--segment-only", dir}); code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	if out.Len() != 0 || !strings.Contains(errb.String(), "MB/s") {
		t.Errorf("stdout %q stderr %q", out, errb)
	}
}
