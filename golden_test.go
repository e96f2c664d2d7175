package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/cmd"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/check/*.json")

// goldenInputs lists the reports whose `check --format json` output is kept
// in testdata/golden/check, keyed by a name independent of where the
// fixture lives (so moving fixtures keeps their goldens).
func goldenInputs(t *testing.T) map[string]string {
	t.Helper()
	globs := []string{
		"testdata/*/*",
		"analyze/testdata/*/*",
		"analyze/*/testdata/*",
		"analyze/checks/*/testdata/*",
	}
	in := map[string]string{}
	for _, g := range globs {
		files, err := filepath.Glob(g)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			switch filepath.Ext(f) {
			case ".txt", ".md", ".docx":
			default:
				continue
			}
			if filepath.Base(f) == "README.md" {
				continue // a folder's description, not a report
			}
			dir := filepath.Base(filepath.Dir(f))
			if dir == "testdata" {
				dir = filepath.Base(filepath.Dir(filepath.Dir(f)))
			}
			key := dir + "-" + strings.TrimSuffix(filepath.Base(f), filepath.Ext(f)) + filepath.Ext(f) + ".json"
			if old, dup := in[key]; dup {
				t.Fatalf("golden key %s for both %s and %s", key, old, f)
			}
			in[key] = f
		}
	}
	return in
}

// TestCheckJSONGolden compares `check --format json` for every report and
// check fixture with its golden file; run with -update to rewrite them.
func TestCheckJSONGolden(t *testing.T) {
	in := goldenInputs(t)
	if len(in) < 40 {
		t.Fatalf("only %d golden inputs found", len(in))
	}
	dir := filepath.Join("testdata", "golden", "check")
	if *update {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for key, path := range in {
		var out, errb bytes.Buffer
		app := &cmd.App{In: strings.NewReader(""), Out: &out, Err: &errb,
			Getenv: func(string) string { return "" }, NoConfig: true}
		root := cmd.NewRootCmd(app)
		root.SetArgs([]string{"check", "--format", "json", "--fail-on", "never", path})
		if err := root.Execute(); err != nil {
			t.Errorf("%s: %v (stderr %q)", path, err, errb.String())
			continue
		}
		// The path depends on where the fixture lives; the key does not.
		got := bytes.ReplaceAll(out.Bytes(), []byte(`"path": "`+filepath.ToSlash(path)+`"`), []byte(`"path": "`+key+`"`))
		gf := filepath.Join(dir, key)
		if *update {
			if err := os.WriteFile(gf, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(gf)
		if err != nil {
			t.Errorf("%s: %v (run go test -run TestCheckJSONGolden -update)", path, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: check --format json differs from %s (run with -update and review the diff)", path, gf)
		}
	}
	if !*update {
		files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
		for _, f := range files {
			if _, ok := in[filepath.Base(f)]; !ok {
				t.Errorf("stale golden %s: no input", f)
			}
		}
	}
}
