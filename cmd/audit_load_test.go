package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The batch pre-pass (filtered dictionary), its fallbacks (too many
// substrings, too much text held) and the small-batch path print the same
// bytes as the full dictionary, whatever the number of workers.
func TestAuditBatchPrepassEqualsFull(t *testing.T) {
	dir, _ := writeCorpus(t, 24, 11)
	for _, name := range []string{"duty-report-2022.txt", "annual-summary-2023.docx"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "reports", name))
		if err != nil {
			t.Fatal(err)
		}
		auditWrite(t, filepath.Join(dir, name), string(b))
	}
	auditWrite(t, filepath.Join(dir, "broken.docx"), "PK\x03\x04 truncated")
	auditWrite(t, filepath.Join(dir, "empty.txt"), "")

	defer func(f, p int64, b int) { auditFilterLimit, auditPreloadLimit, auditBatchLimit = f, p, b }(
		auditFilterLimit, auditPreloadLimit, auditBatchLimit)
	cases := []struct {
		name            string
		filter, preload int64
		batch           int
		want            string // in the --debug line; "" for the small-batch path
	}{
		{"full", 0, 0, 0, "改用完整词典"},
		{"prepass", 0, 32 << 20, 0, "按本批文字筛选词典"},
		{"prepass-over-cap", 0, 32 << 20, 2000, "词汇过多，改用完整词典"},
		{"prepass-over-text", 0, 20_000, 0, "预读文字超过"},
		{"small", 1 << 30, 32 << 20, 0, ""},
	}
	var first string
	for _, c := range cases {
		auditFilterLimit, auditPreloadLimit, auditBatchLimit = c.filter, c.preload, c.batch
		for _, jobs := range []string{"1", "3"} {
			app, out, errb := testApp("")
			run(app, []string{"audit", "--debug", "--format", "json", "--jobs", jobs, dir})
			if c.want != "" && !strings.Contains(errb.String(), c.want) {
				t.Errorf("%s: the pre-pass did not say %q: %s", c.name, c.want, errb)
			}
			if c.want == "" && strings.Contains(errb.String(), "预读") {
				t.Errorf("%s: a small batch went through the pre-pass: %s", c.name, errb)
			}
			if first == "" {
				first = out.String()
				if !strings.Contains(first, "duty-report-2022.txt") || !strings.Contains(first, "copies") {
					t.Fatalf("%s: unexpected output: %.300s", c.name, first)
				}
			} else if out.String() != first {
				t.Errorf("%s --jobs %s: output differs from the full dictionary with --jobs 1", c.name, jobs)
			}
		}
	}
}
