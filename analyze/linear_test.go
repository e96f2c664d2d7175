package analyze_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/checks"
	"github.com/reportlint/reportlint/internal/docxtest"
	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

// Long-line shapes from issue 17: each is one paragraph (or one line per
// directive) of unit repeated to about n bytes after a title line.
var linearShapes = []struct{ name, file, unit string }{
	{"stars", "a.txt", "完成**个，"},
	{"paren", "a.txt", "（…）"},
	{"open-paren", "a.txt", "（未闭合"},
	{"space-paren", "a.txt", "（" + strings.Repeat(" ", 30)},
	{"emphasis", "a.md", "**强调**"},
	{"star", "a.md", "*强调"},
	{"underscore", "a.md", "__a"},
	{"bold-open", "a.md", "**a"},
	{"directives", "a.txt", "<!-- reportlint-disable-line placeholder: 待统计 -->完成**个。\n"},
	{"regions", "a.txt", "<!-- reportlint-disable placeholder.number: 待统计 -->\n完成**个。\n<!-- reportlint-enable placeholder.number -->\n"},
	{"file-wide", "a.txt", "<!-- reportlint-disable-file placeholder: 待统计 -->完成**个。\n"},
}

func shapeText(unit string, n int) string {
	return "2023年度工作总结\n" + strings.Repeat(unit, max(1, n/len(unit))) + "\n"
}

// growth returns the work at size n and 8n, failing when 8× the input
// takes more than 16× the work (a quadratic scan takes about 64×).
func growth(t *testing.T, name string, n int, measure func(size int) int) {
	t.Helper()
	w1, w8 := measure(n), measure(8*n)
	t.Logf("%-12s 1×=%d 8×=%d ratio %.1f", name, w1, w8, float64(w8)/float64(max(w1, 1)))
	if w1 <= 0 {
		t.Fatalf("%s: no work measured at 1×", name)
	}
	if w8 > 16*w1 {
		t.Errorf("%s: work grows from %d to %d (%.1f×) for 8× the input: not linear", name, w1, w8, float64(w8)/float64(w1))
	}
}

func TestPlaceholderScansLinear(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, sh := range linearShapes {
		growth(t, sh.name, 8<<10, func(size int) int {
			doc, err := segment.LoadBytes(sh.file, []byte(shapeText(sh.unit, size)), segment.LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			return analyze.CountWork(func() { analyze.FindPlaceholders(doc, lex) })
		})
	}
}

func TestSuppressLinear(t *testing.T) {
	for _, sh := range linearShapes {
		if !strings.Contains(sh.unit, "reportlint-") {
			continue
		}
		growth(t, sh.name, 8<<10, func(size int) int {
			var res *analyze.Result
			w := analyze.CountWork(func() { res = runText(t, sh.file, shapeText(sh.unit, size), analyze.Options{}) })
			// every finding is suppressed and no directive is reported unused
			for _, f := range res.Findings {
				if !f.Suppressed {
					t.Fatalf("%s: unexpected finding at %d:%d %s %s", sh.name, f.Pos.Line, f.Pos.Col, f.Rule, f.Message)
				}
			}
			if res.Suppressed == 0 {
				t.Fatalf("%s: nothing suppressed", sh.name)
			}
			return w
		})
	}
}

// TestCheckPipelineLinear runs load, tokens and every check on one long
// paragraph (.txt, .md and a .docx holding it) at 1× and 8×, comparing the
// scans' work and the bytes and objects allocated.
func TestCheckPipelineLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("long inputs: skipped with -short")
	}
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	type cost struct{ work, bytes, objects int }
	run := func(name string, data []byte) cost {
		seg := segment.NewSegmenterFor([]string{string(data)}, lex.SegmentTerms())
		opt := analyze.Options{Checks: checks.All, All: checks.All, Tokenize: seg.Tokens}
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		var res *analyze.Result
		w := analyze.CountWork(func() {
			doc, err := segment.LoadBytes(name, data, segment.LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			res = analyze.Run(doc, lex, opt)
		})
		runtime.ReadMemStats(&after)
		if res.Chars < len(data)/4 {
			t.Fatalf("%s: only %d characters read from %d bytes", name, res.Chars, len(data))
		}
		return cost{w, int(after.TotalAlloc - before.TotalAlloc), int(after.Mallocs - before.Mallocs)}
	}
	shapes := map[string]bool{"stars": true, "paren": true, "open-paren": true, "emphasis": true, "underscore": true, "directives": true, "regions": true}
	for _, sh := range linearShapes {
		if !shapes[sh.name] {
			continue
		}
		inputs := map[string]func(size int) []byte{sh.file: func(size int) []byte { return []byte(shapeText(sh.unit, size)) }}
		if sh.name == "stars" {
			inputs["a.docx"] = func(size int) []byte { return oneParagraphDocx(t, shapeText(sh.unit, size)) }
		}
		for file, data := range inputs {
			var c1, c8 cost
			for _, m := range []int{1, 8} {
				c := run(file, data(m*16<<10))
				if m == 1 {
					c1 = c
				} else {
					c8 = c
				}
			}
			for _, q := range []struct {
				what   string
				v1, v8 int
			}{{"work", c1.work, c8.work}, {"bytes", c1.bytes, c8.bytes}, {"objects", c1.objects, c8.objects}} {
				name := fmt.Sprintf("%s %s %s", sh.name, file, q.what)
				growth(t, name, 1, func(size int) int { return map[int]int{1: q.v1, 8: q.v8}[size] })
			}
		}
	}
}

// oneParagraphDocx is a minimal .docx with one paragraph per line of text.
func oneParagraphDocx(t *testing.T, text string) []byte {
	return docxtest.Paragraphs(t, strings.Split(strings.TrimSuffix(text, "\n"), "\n")...)
}
