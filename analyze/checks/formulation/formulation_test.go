package formulation_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/analyzetest"
	"github.com/reportlint/reportlint/analyze/checks/formulation"
	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

func TestFormulationFixtures(t *testing.T) {
	analyzetest.Run(t, "testdata", formulation.Check)
}

func runFormulation(t testing.TB, lex *lexicon.Lexicon, text string, opt analyze.Options) *analyze.Result {
	t.Helper()
	doc, err := segment.LoadBytes("t.txt", []byte(text), segment.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	opt.Checks = []*analyze.Check{formulation.Check}
	return analyze.Run(doc, lex, opt)
}

// testLexicon is a small lexicon with one profile, independent of the
// built-in data.
func testLexicon(t *testing.T) *lexicon.Lexicon {
	t.Helper()
	lex, err := lexicon.Parse("t.yaml", []byte(`
formulations:
  - id: four-consciousness
    text: 四个意识
    members: [政治意识, 大局意识, 核心意识, 看齐意识]
    ordered: true
    since: 2016-01
  - id: two-establishments
    text: 两个确立
    since: 2021-11
  - id: four-selfs
    text: 四自
    members: [自重, 自省, 自警, 自励]
    ordered: true
    since: 2012-11
  - id: undated
    text: 不定期提法
  - id: people-centered
    text: 以人民为中心
    since: 2016-07
    wrong:
      - text: 以人民为核心
        correction: 以人民为中心
profiles:
  - id: p
    name: 测试报告
    title_words: [测试报告]
    formulations: [four-consciousness, two-establishments, four-selfs, people-centered, undated]
  - id: government-work
    name: 政府工作报告
    title_words: [政府工作报告]
    formulations: [two-establishments, undated]
`))
	if err != nil {
		t.Fatal(err)
	}
	return lex
}

func TestFormulationTable(t *testing.T) {
	lex := testLexicon(t)
	text := "2022年度测试报告\n" +
		"增强政治意识、大局意识、核心意识、看齐意识。\n" + // members count as present
		"深刻领悟“两个确立”。“两个确立”是……\n" +
		"坚持以人民为核心。\n"
	res := runFormulation(t, lex, text, analyze.Options{})
	if res.Profile != "p" || res.Year != 2022 {
		t.Fatalf("profile %q year %d", res.Profile, res.Year)
	}
	want := map[string]analyze.FormulationStatus{
		"four-consciousness": {Status: analyze.StatusPresent, Line: 2, Count: 1},
		"two-establishments": {Status: analyze.StatusPresent, Line: 3, Count: 2},
		"four-selfs":         {Status: analyze.StatusMissing, Count: 0},
		"people-centered":    {Status: analyze.StatusMalformed, Count: 0},
	}
	if len(res.Formulations) != len(want) {
		t.Fatalf("table %+v", res.Formulations)
	}
	for _, row := range res.Formulations {
		w := want[row.ID]
		if row.Status != w.Status || row.Line != w.Line || row.Count != w.Count {
			t.Errorf("%s: got %+v, want %+v", row.ID, row, w)
		}
	}
	var missing []string
	for _, f := range res.Findings {
		if f.Rule == "formulation.missing" {
			missing = append(missing, f.Message)
			if f.Pos.Line != 1 || f.Severity != analyze.Info {
				t.Errorf("missing finding at %v severity %v", f.Pos, f.Severity)
			}
		}
	}
	if len(missing) != 1 || !strings.Contains(missing[0], "“四自”") || !strings.Contains(missing[0], "自重、自省、自警、自励") {
		t.Errorf("missing findings %q", missing)
	}
}

func TestFormulationMissingGatedByYear(t *testing.T) {
	lex := testLexicon(t)
	body := "测试报告\n增强政治意识、大局意识、核心意识、看齐意识，做到自重、自省、自警、自励，坚持以人民为中心。\n"
	for _, tt := range []struct {
		year int
		want int // missing findings: two-establishments (2021-11) only once a whole covered year follows it; undated never
	}{{2020, 0}, {2021, 0}, {2022, 1}, {2024, 1}, {0, 0}} {
		res := runFormulation(t, lex, body, analyze.Options{Year: tt.year})
		n := 0
		for _, f := range res.Findings {
			if f.Rule == "formulation.missing" {
				n++
				if !strings.Contains(f.Message, "两个确立") {
					t.Errorf("year %d: %s", tt.year, f.Message)
				}
			}
		}
		if n != tt.want {
			t.Errorf("year %d: %d missing findings, want %d", tt.year, n, tt.want)
		}
	}
}

// A 政府工作报告 delivered in January 2022 covers 2021: a formulation of
// November 2021 is not required of it; one delivered in 2023 covers 2022.
func TestFormulationMissingGovernmentPeriod(t *testing.T) {
	lex := testLexicon(t)
	for _, tt := range []struct {
		year, want int
	}{{2022, 0}, {2023, 1}} {
		res := runFormulation(t, lex, "政府工作报告\n过去一年，经济运行稳中向好。\n", analyze.Options{Year: tt.year})
		n := 0
		for _, f := range res.Findings {
			if f.Rule == "formulation.missing" {
				n++
				if !strings.Contains(f.Message, "两个确立") {
					t.Errorf("year %d: %s", tt.year, f.Message)
				}
			}
		}
		if n != tt.want {
			t.Errorf("year %d: %d missing findings, want %d", tt.year, n, tt.want)
		}
	}
}

func TestFormulationNoProfileNoTable(t *testing.T) {
	lex := testLexicon(t)
	res := runFormulation(t, lex, "情况汇报\n坚持以人民为中心。\n", analyze.Options{Year: 2022})
	if res.Profile != "" || res.Formulations != nil || len(res.Findings) != 0 {
		t.Errorf("profile %q table %v findings %v", res.Profile, res.Formulations, res.Findings)
	}
}

func TestFormulationUnknownYearIsSilentOnDates(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "情况汇报\n学习党的二十届三中全会精神，发展全过程民主，深刻领悟“两个确立”。\n" +
		"协调推进全面建成小康社会、全面深化改革、全面依法治国、全面从严治党。\n"
	res := runFormulation(t, lex, text, analyze.Options{})
	if res.Year != 0 || len(res.Findings) != 0 {
		t.Errorf("year %d findings %+v", res.Year, res.Findings)
	}
	res = runFormulation(t, lex, text, analyze.Options{Year: 2023})
	rules := map[string]int{}
	for _, f := range res.Findings {
		rules[f.Rule]++
	}
	if rules["formulation.anachronism"] != 1 || rules["formulation.outdated"] != 2 {
		t.Errorf("2023: %v", rules)
	}
}

// A user lexicon's member list is checked like a built-in one.
func TestFormulationUserLexicon(t *testing.T) {
	lex, err := lexicon.Load(filepath.Join("..", "..", "..", "testdata", "lexicon", "user.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	res := runFormulation(t, lex, "情况汇报\n做到第一时间、第一现埸、第一责任。\n", analyze.Options{Year: 2023})
	if len(res.Findings) != 1 || res.Findings[0].Message != "“第一现埸”应为“第一现场”（“三个第一”：第一时间、第一现场、第一责任）" ||
		res.Findings[0].Severity != analyze.Warning || res.Findings[0].Suggestion != "第一现场" {
		t.Errorf("findings %+v", res.Findings)
	}
	// the built-in lexicon does not know it
	def, _ := lexicon.Default()
	if res := runFormulation(t, def, "情况汇报\n做到第一时间、第一现埸、第一责任。\n", analyze.Options{}); len(res.Findings) != 0 {
		t.Errorf("built-in: %+v", res.Findings)
	}
}

func TestDetectYear(t *testing.T) {
	lex := testLexicon(t)
	for _, tt := range []struct {
		text string
		year int
		from string
	}{
		{"2022年度测试报告\n正文。\n", 2022, "title"},
		{"二〇二三年度测试报告\n正文。\n", 2023, "title"},
		{"二○二一年测试报告\n正文。\n", 2021, "title"},
		{"２０２４年度测试报告\n正文。\n", 2024, "title"},
		{"2021—2023年度测试报告\n正文。\n", 2023, "title"},
		{"测试报告\n2020年，我主要负责办公室工作。\n", 2020, "content"},
		{"测试报告\n自2019年3月任现职以来，特别是2022年，我主要负责办公室工作。\n", 2022, "content"},
		{"测试报告\n本人主要负责办公室工作。\n", 0, ""},
	} {
		res := runFormulation(t, lex, tt.text, analyze.Options{})
		if res.Year != tt.year || res.YearFrom != tt.from {
			t.Errorf("%q: year %d from %q, want %d from %q", tt.text, res.Year, res.YearFrom, tt.year, tt.from)
		}
	}
}

// FuzzFormulation runs the check over arbitrary text: no panic, and every
// finding's span lies on rune boundaries inside the text.
func FuzzFormulation(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*"))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(string(data))
		}
	}
	f.Add("自重、、自市，、自警和自励")
	f.Add("、和、及以及与")
	lex, err := lexicon.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		doc, err := segment.LoadBytes("f.txt", []byte(text), segment.LoadOptions{})
		if err != nil {
			return
		}
		for _, year := range []int{0, 2020, 2022} {
			res := analyze.Run(doc, lex, analyze.Options{Checks: []*analyze.Check{formulation.Check}, Year: year, Profile: "duty-report"})
			for _, fd := range res.Findings {
				if strings.HasSuffix(fd.Rule, ".internal") {
					t.Fatalf("internal error: %s", fd.Message)
				}
				sp, n := fd.Span, len(doc.Text)
				if sp.Start < 0 || sp.End > n || sp.Start > sp.End ||
					sp.Start < n && !utf8.RuneStart(doc.Text[sp.Start]) || sp.End < n && !utf8.RuneStart(doc.Text[sp.End]) {
					t.Fatalf("bad span %v in %q", sp, doc.Text)
				}
			}
		}
	})
}

// BenchmarkFormulation measures the check over the fixtures repeated to a
// report-sized text (the matcher is built once per lexicon).
func BenchmarkFormulation(b *testing.B) {
	lex, err := lexicon.Default()
	if err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "*"))
	var sb strings.Builder
	for sb.Len() < 40000 {
		for _, name := range files {
			data, _ := os.ReadFile(name)
			sb.Write(data)
		}
	}
	text, _, _, err := analyzetest.Parse(sb.String())
	if err != nil {
		b.Fatal(err)
	}
	doc, err := segment.LoadBytes("b.txt", []byte(text), segment.LoadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	opt := analyze.Options{Checks: []*analyze.Check{formulation.Check}, Year: 2022, Profile: "duty-report"}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		analyze.Run(doc, lex, opt)
	}
}

// TestPrecisionFixtures runs the shared precision fixtures (issue 11): dated
// requirements, dated wrong forms and forward-looking events stay silent.
func TestPrecisionFixtures(t *testing.T) {
	for _, f := range []string{"formulation_dates.txt", "formulation_upcoming.txt", "formulation_anachronism.md"} {
		t.Run(f, func(t *testing.T) {
			analyzetest.RunFile(t, filepath.Join("..", "..", "..", "testdata", "precision", f), formulation.Check)
		})
	}
}
