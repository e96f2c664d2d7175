package cmd

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/olekukonko/tablewriter/pkg/twwidth"

	"github.com/reportlint/reportlint/internal/corpus"
)

// ringCorpus writes unrelated generated reports plus n light edits of one
// of them (copies), and returns the folder and the copies' names.
func ringCorpus(t *testing.T, unrelated, n int) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	reps := corpus.Generate(corpus.Options{N: unrelated + 1, Seed: 31, CopyRate: -1})
	for _, r := range reps[1:] {
		auditWrite(t, filepath.Join(dir, r.Name), r.Text)
	}
	var names []string
	src := reps[0].Text
	for k := 0; k < n; k++ {
		// a light edit: a different first line and one word changed
		text := strings.Replace(src, "\n", fmt.Sprintf("（第%d稿）\n", k+1), 1)
		text = strings.Replace(text, "。", "，并取得成效。", k%3+1)
		name := fmt.Sprintf("copy%02d.txt", k)
		auditWrite(t, filepath.Join(dir, name), text)
		names = append(names, name)
	}
	return dir, names
}

// Copies of one report are one ring, whatever their number; the
// unrelated reports are not in it.
func TestAuditRings(t *testing.T) {
	for _, n := range []int{2, 5, 10, 30} {
		dir, names := ringCorpus(t, 8, n)
		rep, _, _ := auditJSONOut(t, dir)
		var found []string
		for _, r := range rep.Rings {
			if len(r.Members) == n {
				found = nil
				for _, m := range r.Members {
					found = append(found, filepath.Base(m))
				}
			}
		}
		sort.Strings(found)
		if strings.Join(found, ",") != strings.Join(names, ",") {
			t.Errorf("%d copies: rings %+v, want one ring of %v", n, rep.Rings, names)
		}
		if len(rep.Rings) > 0 && !strings.HasPrefix(rep.Rings[0].Message, "这 ") {
			t.Errorf("ring message %q", rep.Rings[0].Message)
		}
		app, out, _ := testApp("")
		run(app, []string{"audit", dir})
		if !strings.Contains(out.String(), "疑似相互抄袭的报告组：1 组") || !strings.Contains(out.String(), "份报告彼此有") {
			t.Errorf("%d copies: table lacks the ring:\n%s", n, out)
		}
	}
}

const standardOpening = "根据市委统一部署和年度考核工作要求，现将本人一年来履行岗位职责、完成重点任务、加强自身建设以及落实党风廉政建设责任制的情况报告如下，请予审议。\n"

// A standard opening paragraph shared by unrelated reports is template:
// listed with its reason, never a copy.
func TestAuditTemplateNotCopy(t *testing.T) {
	dir := t.TempDir()
	for _, r := range corpus.Generate(corpus.Options{N: 12, Seed: 77, CopyRate: -1}) {
		text := strings.Replace(r.Text, "\n", "\n"+standardOpening, 1)
		auditWrite(t, filepath.Join(dir, r.Name), text)
	}
	rep, _, _ := auditJSONOut(t, dir)
	if len(rep.Copies) > 0 || len(rep.Rings) > 0 {
		t.Errorf("a shared opening reported as copying: %+v %+v", rep.Copies, rep.Rings)
	}
	ok := false
	for _, tp := range rep.Template {
		ok = ok || strings.Contains(standardOpening, strings.TrimSuffix(strings.TrimPrefix(tp.Excerpt, "…"), "…")) && tp.Why != ""
	}
	if !ok {
		t.Errorf("the opening is not listed as template: %+v", rep.Template)
	}
}

// Figures that disagree across reports: same metric, scope and year only.
func TestAuditConflicts(t *testing.T) {
	dir := t.TempDir()
	auditWrite(t, filepath.Join(dir, "a.txt"), "临江市2024年工作总结\n\n一、主要工作\n全年新建5G基站1200个，全市招商引资到位资金35.6亿元。\n")
	auditWrite(t, filepath.Join(dir, "b.txt"), "临江市2024年工作总结\n\n一、主要工作\n全年新建5G基站1500个，全市招商引资到位资金356000万元。\n")
	// look-alikes: another city, a plan, another year, a growth
	auditWrite(t, filepath.Join(dir, "c.txt"), "江北市2024年工作总结\n\n一、主要工作\n全年新建5G基站900个。\n")
	auditWrite(t, filepath.Join(dir, "d.txt"), "临江市2024年工作总结\n\n一、主要工作\n计划全年新建5G基站2000个。2023年全年新建5G基站800个。全市招商引资到位资金同比增长12亿元。\n")
	rep, _, _ := auditJSONOut(t, dir)
	if len(rep.Conflicts) != 1 {
		t.Fatalf("conflicts %+v, want one (5G基站 in a.txt and b.txt)", rep.Conflicts)
	}
	c := rep.Conflicts[0]
	if c.Metric != "全年新建5G基站" || c.Scope != "临江市" || c.Period != "2024年" || len(c.Places) != 2 ||
		filepath.Base(c.Places[0].File) != "a.txt" || filepath.Base(c.Places[1].File) != "b.txt" || c.Places[0].Line != 4 {
		t.Errorf("conflict %+v", c)
	}
	if !strings.Contains(c.Message, "疑似不一致") {
		t.Errorf("message %q", c.Message)
	}
	app, out, _ := testApp("")
	run(app, []string{"audit", "--format", "csv", dir})
	if !strings.Contains(out.String(), "全年新建5G基站,临江市,2024年") {
		t.Errorf("csv lacks the conflict:\n%s", out)
	}
}

// emitLines runs audit --emit jsonl on each file alone, as GNU parallel
// does, and returns the lines in a scrambled order.
func emitLines(t *testing.T, files []string, extra ...string) []byte {
	t.Helper()
	var all [][]byte
	for _, f := range files {
		app, out, errb := testApp("")
		if code := run(app, append(append([]string{"audit", "--emit", "jsonl"}, extra...), f)); code != 0 && code != ExitFindings && code != ExitInput {
			t.Fatalf("emit %s: exit %d %s", f, code, errb)
		}
		if bytes.Count(out.Bytes(), []byte("\n")) != 1 {
			t.Fatalf("emit %s: want one line, got %q", f, out)
		}
		all = append(all, out.Bytes())
	}
	for i, j := 0, len(all)-1; i < j; i, j = i+1, j-1 {
		all[i], all[j] = all[j], all[i]
	}
	return bytes.Join(all, nil)
}

// The merge of per-file lines prints exactly what one process prints, in
// every format, with the same exit code.
func TestAuditMergeEqualsOneProcess(t *testing.T) {
	dir, _ := ringCorpus(t, 6, 3)
	for _, r := range corpus.Generate(corpus.Options{N: 6, Seed: 5, CopyRate: 0.8})[1:] {
		auditWrite(t, filepath.Join(dir, "x"+r.Name), r.Text)
	}
	auditWrite(t, filepath.Join(dir, "a.txt"), "临江市2024年工作总结\n\n一、主要工作\n全年新建5G基站1200个。\n")
	auditWrite(t, filepath.Join(dir, "b.txt"), "临江市2024年工作总结\n\n一、主要工作\n全年新建5G基站1500个。\n")
	auditWrite(t, filepath.Join(dir, "broken.docx"), "PK\x03\x04 truncated")
	entries, _ := os.ReadDir(dir)
	var files []string
	for _, e := range entries {
		files = append(files, filepath.Join(dir, e.Name()))
	}
	lines := emitLines(t, files)
	linesFile := filepath.Join(t.TempDir(), "lines.jsonl")
	if err := os.WriteFile(linesFile, lines, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"table", "json", "csv", "html"} {
		app, want, _ := testApp("")
		wantCode := run(app, []string{"audit", "--format", format, dir})
		app, got, errb := testApp("")
		gotCode := run(app, []string{"audit", "--merge", "--format", format, linesFile})
		if got.String() != want.String() || gotCode != wantCode {
			t.Errorf("%s: merge differs from one process (exit %d vs %d) %s\n--- one process\n%s\n--- merge\n%s", format, gotCode, wantCode, errb, want, got)
		}
		if format == "json" && (!strings.Contains(want.String(), `"rings": [`+"\n") || !strings.Contains(want.String(), "全年新建5G基站")) {
			t.Errorf("test corpus lacks a ring or a conflict:\n%s", want)
		}
	}
	// one emit run over the folder gives the same lines, in path order
	app, out, _ := testApp("")
	run(app, []string{"audit", "--emit", "jsonl", dir})
	a := strings.Split(strings.TrimSpace(out.String()), "\n")
	b := strings.Split(strings.TrimSpace(string(lines)), "\n")
	sort.Strings(a)
	sort.Strings(b)
	if strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Errorf("emit over the folder differs from emit per file")
	}
	// the merge reads standard input too
	app, got, _ := testApp(string(lines))
	run(app, []string{"audit", "--merge", "-"})
	app, want, _ := testApp("")
	run(app, []string{"audit", dir})
	if got.String() != want.String() {
		t.Errorf("merge from standard input differs")
	}
}

// Damaged or foreign lines give a Chinese error naming the file and line.
func TestAuditMergeBadInput(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"garbage.jsonl": "not json\n",
		"foreign.jsonl": `{"kind":"other","version":1,"path":"a.txt"}` + "\n",
		"badsig.jsonl":  `{"kind":"reportlint-audit-file","version":1,"path":"a.txt","counts":{},"signature":{"v":1,"k":8,"w":6,"chars":5,"len":3,"hash":"0","fps":"!!"}}` + "\n",
		"empty.jsonl":   "\n",
	} {
		p := filepath.Join(dir, name)
		auditWrite(t, p, text)
		app, _, errb := testApp("")
		if code := run(app, []string{"audit", "--merge", p}); code != ExitInput {
			t.Errorf("%s: exit %d, want 2", name, code)
		}
		if name != "empty.jsonl" && !strings.Contains(errb.String(), name) || strings.Contains(errb.String(), "invalid") || !strings.Contains(errb.String(), "--") && name == "empty.jsonl" {
			t.Errorf("%s: message %q", name, errb)
		}
	}
	app, _, errb := testApp("")
	if code := run(app, []string{"audit", "--merge", "--emit", "jsonl", "x"}); code != ExitInput {
		t.Errorf("--merge with --emit: exit %d %s", code, errb)
	}
}

// Special files are rows with their reason; the batch never hangs.
func TestAuditSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	auditWrite(t, filepath.Join(dir, "a.txt"), cleanReport)
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.txt"), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	if err := os.Symlink(filepath.Join(dir, "fifo.txt"), filepath.Join(dir, "link.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.txt")); err != nil {
		t.Fatal(err)
	}
	rep, code, _ := auditJSONOut(t, dir)
	if code != ExitInput {
		t.Errorf("exit %d, want 2", code)
	}
	errs := map[string]string{}
	for _, f := range rep.Files {
		errs[filepath.Base(f.Path)] = f.Error
	}
	for _, name := range []string{"fifo.txt", "link.md", "zero.txt"} {
		if errs[name] == "" {
			t.Errorf("%s: no row with a reason (%v)", name, errs)
		}
	}
	if errs["a.txt"] != "" {
		t.Errorf("a.txt: %q", errs["a.txt"])
	}
}

// A file over the per-file budgets gets its row (超出处理限制); the others
// are reported and the batch finishes.
func TestAuditBudgets(t *testing.T) {
	dir := t.TempDir()
	auditWrite(t, filepath.Join(dir, "a.txt"), cleanReport)
	auditWrite(t, filepath.Join(dir, "slow.txt"), reportWithBlanks)
	release := make(chan struct{})
	hook := func(path string) {
		if filepath.Base(path) == "slow.txt" {
			<-release
		}
	}
	auditTestHook.Store(&hook)
	defer func() { close(release); auditTestHook.Store(nil) }()
	rep, code, _ := auditJSONOut(t, "--file-timeout", "200ms", dir)
	if code != ExitInput || len(rep.Files) != 2 {
		t.Fatalf("exit %d files %+v", code, rep.Files)
	}
	if f := rep.Files[0]; filepath.Base(f.Path) != "slow.txt" || !f.OverLimit || !strings.HasPrefix(f.Error, "超出处理限制") {
		t.Errorf("slow file row %+v", f)
	}
	if f := rep.Files[1]; f.Error != "" || f.Chars == 0 {
		t.Errorf("good file row %+v", f)
	}
	auditTestHook.Store(nil)
	rep, _, _ = auditJSONOut(t, "--max-chars", "40", dir)
	for _, f := range rep.Files {
		if over := strings.HasPrefix(f.Error, "超出处理限制"); over != (filepath.Base(f.Path) == "slow.txt") {
			t.Errorf("--max-chars 40: %s %q", f.Path, f.Error)
		}
	}
}

// A file changed during the audit: the output says the comparison is
// incomplete and which file, in Chinese, in every format.
func TestAuditFileChanged(t *testing.T) {
	dir, _ := writeCorpus(t, 4, 3)
	entries, _ := os.ReadDir(dir)
	victim := filepath.Join(dir, entries[1].Name())
	var once sync.Once
	hook := func(path string) {
		if path == victim {
			once.Do(func() {
				later := time.Now().Add(time.Hour)
				os.WriteFile(victim, []byte("改过了。\n"), 0o644)
				os.Chtimes(victim, later, later)
			})
		}
	}
	auditTestHook.Store(&hook)
	defer auditTestHook.Store(nil)
	for _, format := range []string{"table", "json", "csv", "html"} {
		app, out, _ := testApp("")
		once = sync.Once{}
		auditWrite(t, victim, cleanReport)
		run(app, []string{"audit", "--format", format, dir})
		s := out.String()
		if !strings.Contains(s, "在检查期间被修改或删除，报告之间的比对不完整") || !strings.Contains(s, "检查期间文件被修改") ||
			!strings.Contains(s, entries[1].Name()) {
			t.Errorf("%s: no note of the changed file:\n%s", format, s)
		}
	}
}

// --jsonl writes one JSON line per finished file.
func TestAuditJSONLProgress(t *testing.T) {
	dir, _ := writeCorpus(t, 5, 1)
	p := filepath.Join(t.TempDir(), "progress.jsonl")
	app, _, _ := testApp("")
	run(app, []string{"audit", "--jsonl", p, dir})
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	seen := map[string]bool{}
	for i, l := range lines {
		var x jsonlLine
		if err := json.Unmarshal([]byte(l), &x); err != nil || x.Total != 5 || x.Done != i+1 {
			t.Errorf("line %d %q: %v", i+1, l, err)
		}
		seen[x.Path] = true
	}
	if len(lines) != 5 || len(seen) != 5 {
		t.Errorf("want 5 lines for 5 files, got %d", len(lines))
	}
}

// Under 100 columns: short relative paths, no line wider than the
// terminal in the file list, details below each file.
func TestAuditNarrowLayout(t *testing.T) {
	dir, _ := writeCorpus(t, 4, 6)
	deep := filepath.Join(dir, "某某市审计局", "二〇二四年度", "各科室述职报告汇总")
	auditWrite(t, filepath.Join(deep, "办公室主任述职报告（修改稿）.txt"), reportWithBlanks)
	app, out, _ := testApp("")
	app.OutTTY = true // termWidth is 80 for a terminal of unknown size
	run(app, []string{"audit", "-r", "--no-color", dir})
	s := out.String()
	if strings.Contains(s, "┌") && strings.Index(s, "┌") < strings.Index(s, "共 ") {
		t.Errorf("the file list is a wide table at 80 columns:\n%s", s)
	}
	head := s[:strings.Index(s, "共 ")]
	for _, l := range strings.Split(head, "\n") {
		if twwidth.Width(l) > 80 {
			t.Errorf("line wider than 80 columns: %q", l)
		}
	}
	if strings.Contains(head, dir) || !strings.Contains(s, "文件路径相对于 "+dir) || !strings.Contains(head, "  错误 ") {
		t.Errorf("paths not relative or details missing:\n%s", s)
	}
}

func TestTitleScope(t *testing.T) {
	for text, want := range map[string]string{
		"临江市财政局2024年工作总结\n\n正文":                      "临江市|财政局",
		"2024年度安平市教育体育局镇长个人述职报告\n":                   "安平市|教育体育局",
		"政府工作报告\n——2025年1月10日在安阳区第十七届人民代表大会第四次会议上\n": "安阳区|",
		"临江市2024年政府工作报告\n":                           "临江市|",
		"政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n":   "|",
		"2024年度市审计局副局长述职报告\n":                        "|",
		"2024年度社区工作总结\n":                             "|",
		"2024年度工作总结\n\n一、主要工作\n":                     "|",
		"":                     "|",
		"Annual report 2024\n": "|",
	} {
		area, org := titleScope(text)
		if got := area + "|" + org; got != want {
			t.Errorf("titleScope(%q) = %q, want %q", text, got, want)
		}
	}
}

// The HTML page counts conflicts, not places, and marks the files for the
// 数字不一致 filter.
func TestAuditHTMLConflicts(t *testing.T) {
	dir := t.TempDir()
	auditWrite(t, filepath.Join(dir, "a.txt"), "临江市2024年工作总结\n\n一、主要工作\n全年新建5G基站1200个。\n")
	auditWrite(t, filepath.Join(dir, "b.txt"), "临江市2024年工作总结\n\n一、主要工作\n全年新建5G基站1500个。\n")
	app, out, _ := testApp("")
	run(app, []string{"audit", "--format", "html", dir})
	s := out.String()
	if !strings.Contains(s, "<p>1 项（疑似，请核实）") || strings.Count(s, " num\" id=") != 2 {
		t.Errorf("conflicts in html:\n%s", s)
	}
}
