package cmd_test

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/cmd"
	"github.com/reportlint/reportlint/internal/fixture"
)

// The regression corpus of real published reports lives outside the project
// (../shared/corpus/real from the repository root; REPORTLINT_CORPUS
// overrides). testdata/golden/corpus.tsv holds every finding `check` gives on
// it, each judged true, false or style by a reviewer. The test fails when a
// finding appears or disappears, so every change of behaviour on real text is
// reviewed. REPORTLINT_UPDATE_CORPUS=1 rewrites the file, keeping the
// verdicts of findings still present and marking new ones "unjudged" (which
// fails until a reviewer judges them).

const corpusGolden = "../testdata/golden/corpus.tsv"

var verdicts = map[string]bool{"true": true, "false": true, "style": true}

type corpusRow struct {
	file, rule      string
	line, col       int
	excerpt         string
	verdict, reason string
}

func (r corpusRow) key() string {
	return fmt.Sprintf("%s\t%s\t%d\t%d\t%s", r.file, r.rule, r.line, r.col, r.excerpt)
}

func corpusDir(t *testing.T) string {
	t.Helper()
	dir := fixture.RealCorpusDir(t)
	if _, err := os.Stat(filepath.Join(dir, "PROVENANCE.md")); err != nil {
		t.Skipf("%s has no PROVENANCE.md: not the corpus of real reports", dir)
	}
	return dir
}

func readCorpusGolden(t *testing.T) []corpusRow {
	t.Helper()
	data, err := os.ReadFile(corpusGolden)
	if err != nil {
		t.Fatal(err)
	}
	var rows []corpusRow
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "file\t") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 7 {
			t.Fatalf("%s:%d: %d columns, want 7", corpusGolden, n, len(f))
		}
		ln, err1 := strconv.Atoi(f[2])
		col, err2 := strconv.Atoi(f[3])
		if err1 != nil || err2 != nil {
			t.Fatalf("%s:%d: line and col must be numbers", corpusGolden, n)
		}
		rows = append(rows, corpusRow{f[0], f[1], ln, col, f[4], f[5], f[6]})
	}
	return rows
}

// corpusFindings runs check over every report of dir and returns one row per
// finding (without verdict) and the characters per file.
func corpusFindings(t *testing.T, dir string) ([]corpusRow, map[string]int) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no reports in %s", dir)
	}
	sort.Strings(files)
	var out, errb bytes.Buffer
	app := &cmd.App{In: strings.NewReader(""), Out: &out, Err: &errb, Getenv: func(string) string { return "" }}
	root := cmd.NewRootCmd(app)
	root.SetArgs(append([]string{"check", "--no-config", "--format", "json", "--fail-on", "never"}, files...))
	if err := root.Execute(); err != nil {
		t.Fatalf("check: %v (%s)", err, errb.String())
	}
	var rep struct {
		Files []struct {
			Path     string `json:"path"`
			Error    string `json:"error"`
			Chars    int    `json:"chars"`
			Findings []struct {
				Rule   string `json:"rule"`
				Line   int    `json:"line"`
				Column int    `json:"column"`
				Text   string `json:"text"`
			} `json:"findings"`
		} `json:"files"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("check JSON: %v", err)
	}
	var rows []corpusRow
	chars := map[string]int{}
	for _, f := range rep.Files {
		name := filepath.Base(f.Path)
		if f.Error != "" {
			t.Fatalf("%s: %s", name, f.Error)
		}
		chars[name] = f.Chars
		for _, g := range f.Findings {
			sum := sha256.Sum256([]byte(g.Text))
			rows = append(rows, corpusRow{file: name, rule: g.Rule, line: g.Line, col: g.Column,
				excerpt: "sha256:" + hex.EncodeToString(sum[:])[:12]})
		}
	}
	return rows, chars
}

func TestCorpusGolden(t *testing.T) {
	dir := corpusDir(t)
	got, chars := corpusFindings(t, dir)
	want := readCorpusGolden(t)
	// Findings with the same key (several report-wide findings of one rule
	// at the document start) are counted: each needs its own row, and
	// rows with one key must agree on the verdict.
	judged := map[string]corpusRow{}
	wantN := map[string]int{}
	for _, r := range want {
		if j, dup := judged[r.key()]; dup && j.verdict != r.verdict {
			t.Errorf("%s: rows %q disagree on the verdict", corpusGolden, r.key())
		}
		judged[r.key()] = r
		wantN[r.key()]++
	}
	if os.Getenv("REPORTLINT_UPDATE_CORPUS") != "" {
		writeCorpusGolden(t, got, judged)
		return
	}
	seen := map[string]int{}
	byRule := map[string]map[string]int{}
	for _, r := range got {
		k := r.key()
		seen[k]++
		j, ok := judged[k]
		if !ok || seen[k] > wantN[k] {
			t.Errorf("new finding, judge it in %s: %s", corpusGolden, k)
			continue
		}
		if !verdicts[j.verdict] || j.reason == "" {
			t.Errorf("%s: %s: verdict %q, want true, false or style with a reason", corpusGolden, k, j.verdict)
		}
		if byRule[r.rule] == nil {
			byRule[r.rule] = map[string]int{}
		}
		byRule[r.rule][j.verdict]++
	}
	for _, r := range want {
		if seen[r.key()] < wantN[r.key()] {
			t.Errorf("finding gone (was %s: %s), remove or update its row: %s", r.verdict, r.reason, r.key())
			wantN[r.key()]-- // report each missing row once
		}
	}
	total, falses := 0, 0
	for _, n := range chars {
		total += n
	}
	rules := make([]string, 0, len(byRule))
	for r := range byRule {
		rules = append(rules, r)
		falses += byRule[r]["false"]
	}
	sort.Strings(rules)
	for _, r := range rules {
		c := byRule[r]
		t.Logf("%-28s true %3d  false %3d  style %3d", r, c["true"], c["false"], c["style"])
	}
	if total > 0 {
		t.Logf("%d findings, %d false over %d characters: %.2f false per 10,000 characters",
			len(got), falses, total, float64(falses)*10000/float64(total))
	}
}

func writeCorpusGolden(t *testing.T, got []corpusRow, judged map[string]corpusRow) {
	t.Helper()
	old, err := os.ReadFile(corpusGolden)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, line := range strings.SplitAfter(string(old), "\n") {
		if strings.HasPrefix(line, "#") {
			b.WriteString(line)
		}
	}
	b.WriteString("file\trule\tline\tcol\texcerpt\tverdict\treason\n")
	for _, r := range got {
		if j, ok := judged[r.key()]; ok {
			r.verdict, r.reason = j.verdict, j.reason
		} else {
			r.verdict, r.reason = "unjudged", ""
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\n", r.key(), r.verdict, r.reason)
	}
	if err := os.WriteFile(corpusGolden, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("rewrote %s with %d findings", corpusGolden, len(got))
}
