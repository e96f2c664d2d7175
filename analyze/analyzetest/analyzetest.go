// Package analyzetest runs checks over fixture reports whose expected
// findings are written inline as HTML comments, in the manner of
// golang.org/x/tools/go/analysis/analysistest:
//
//	时刻做到自重、自市、自警、自励。<!-- want formulation.members:"自市.*自省" -->
//
// Each `name:"regexp"` claims one finding on that line whose rule id or check
// name is name and whose message matches regexp. Findings nobody claims and
// claims nothing matches both fail the test. A comment on line 1 of the form
// `<!-- options: profile=ID year=N -->` sets options. Comments are blanked
// before the text is checked, except `<!-- reportlint-… -->` suppression
// directives, which stay so fixtures can exercise them.
package analyzetest

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/reportlint/reportlint/analyze"
	builtin "github.com/reportlint/reportlint/analyze/checks"
	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

var (
	commentRx = regexp.MustCompile(`<!--(.*?)-->`)
	wantRx    = regexp.MustCompile(`([a-z][a-z0-9.-]*):"((?:[^"\\]|\\.)*)"`)
)

type expectation struct {
	line  int
	name  string
	rx    *regexp.Regexp
	raw   string
	found bool
}

// Run checks every *.md and *.txt fixture in dir with the given checks.
func Run(t *testing.T, dir string, checks ...*analyze.Check) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		ext := filepath.Ext(f)
		if ext != ".md" && ext != ".txt" {
			continue
		}
		n++
		t.Run(filepath.Base(f), func(t *testing.T) { RunFile(t, f, checks...) })
	}
	if n == 0 {
		t.Fatalf("no fixtures in %s", dir)
	}
}

// RunFile checks one fixture file.
func RunFile(t *testing.T, path string, checks ...*analyze.Check) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text, wants, opt, err := Parse(string(data))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	res, err := Check(path, text, opt, checks...)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	base := filepath.Base(path)
	var problems []string
	for _, f := range res.Findings {
		if f.Suppressed {
			continue
		}
		matched := false
		for _, w := range wants {
			if !w.found && w.line == f.Pos.Line && (w.name == f.Rule || w.name == f.Check) && w.rx.MatchString(f.Message) {
				w.found, matched = true, true
				break
			}
		}
		if !matched {
			problems = append(problems, fmt.Sprintf("%s:%d:%d: unexpected finding %s: %s [%q]", base, f.Pos.Line, f.Pos.Col, f.Rule, f.Message, f.Text))
		}
	}
	for _, w := range wants {
		if !w.found {
			problems = append(problems, fmt.Sprintf("%s:%d: no finding matched %s:%q", base, w.line, w.name, w.raw))
		}
	}
	sort.Strings(problems)
	for _, p := range problems {
		t.Error(p)
	}
}

// Parse blanks the HTML comments of a fixture (keeping offsets) and returns
// the expectations and options they carry.
func Parse(src string) (string, []*expectation, analyze.Options, error) {
	var opt analyze.Options
	var wants []*expectation
	lines := strings.Split(src, "\n")
	for i, ln := range lines {
		for _, m := range commentRx.FindAllStringSubmatch(ln, -1) {
			body := strings.TrimSpace(m[1])
			switch {
			case strings.HasPrefix(body, "want"):
				ms := wantRx.FindAllStringSubmatch(body, -1)
				if len(ms) == 0 {
					return "", nil, opt, fmt.Errorf("line %d: malformed want comment %q", i+1, body)
				}
				for _, w := range ms {
					pat, err := strconv.Unquote(`"` + w[2] + `"`)
					if err != nil {
						pat = w[2]
					}
					rx, err := regexp.Compile(pat)
					if err != nil {
						return "", nil, opt, fmt.Errorf("line %d: %v", i+1, err)
					}
					wants = append(wants, &expectation{line: i + 1, name: w[1], rx: rx, raw: pat})
				}
			case strings.HasPrefix(body, "options:"):
				for _, kv := range strings.Fields(strings.TrimPrefix(body, "options:")) {
					k, v, _ := strings.Cut(kv, "=")
					switch k {
					case "profile":
						opt.Profile = v
					case "year":
						opt.Year, _ = strconv.Atoi(v)
					default:
						return "", nil, opt, fmt.Errorf("line %d: unknown option %q", i+1, k)
					}
				}
			}
		}
		lines[i] = commentRx.ReplaceAllStringFunc(ln, func(s string) string {
			if strings.HasPrefix(strings.TrimSpace(s[4:len(s)-3]), "reportlint-") {
				return s // a suppression directive: part of the fixture
			}
			return strings.Repeat(" ", len(s))
		})
	}
	return strings.Join(lines, "\n"), wants, opt, nil
}

var (
	segMu sync.Mutex
)

// Check runs checks over text as if it were the file name, with the
// built-in lexicon and a gse tokenizer built for this text.
func Check(name, text string, opt analyze.Options, checks ...*analyze.Check) (*analyze.Result, error) {
	lex, err := lexicon.Default()
	if err != nil {
		return nil, err
	}
	doc, err := segment.LoadBytes(name, []byte(text), segment.LoadOptions{})
	if err != nil {
		return nil, err
	}
	opt.Checks = checks
	if opt.All == nil {
		opt.All = builtin.All // directives may name any built-in check
	}
	opt.Tokenize = func(s string) []segment.Token {
		segMu.Lock() // gse construction is not safe while another segmenter cuts
		defer segMu.Unlock()
		return segment.NewSegmenterFor([]string{s}, lex.SegmentTerms()).Tokens(s)
	}
	return analyze.Run(doc, lex, opt), nil
}
