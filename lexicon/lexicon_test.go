package lexicon

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// sharedFormulationIDs are the ids every engineer relies on (common brief).
var sharedFormulationIDs = []string{
	"two-establishments", "two-safeguards", "four-consciousness", "four-confidences",
	"four-comprehensives", "five-in-one", "new-development-philosophy", "three-meetings-one-lesson",
	"eight-point-rules", "four-winds", "one-post-two-duties", "three-important-one-large",
	"two-overall-situations", "country-greatest", "democratic-centralism", "two-studies-one-action",
	"three-stricts-three-earnests", "four-selfs", "whole-process-democracy", "chinese-modernization",
	"political-three-abilities", "first-agenda", "xi-thought", "people-centered", "belt-and-road",
}

func TestDefault(t *testing.T) {
	lex, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Default()
	if lex != again {
		t.Error("Default returned a different value on the second call")
	}
	for _, id := range sharedFormulationIDs {
		if lex.Formulation(id) == nil {
			t.Errorf("built-in formulation %q missing", id)
		}
	}
	four := lex.Formulation("four-selfs")
	if four == nil || !slices.Equal(four.Members, []string{"自重", "自省", "自警", "自励"}) || !four.Ordered {
		t.Errorf("four-selfs = %+v", four)
	}
	fc := lex.Formulation("four-comprehensives")
	if fc == nil || fc.Members[0] != "全面建设社会主义现代化国家" || len(fc.Changed) == 0 ||
		fc.Changed[0].Old != "全面建成小康社会" || fc.Changed[0].Date != "2020-10" {
		t.Errorf("four-comprehensives = %+v", fc)
	}
	events := map[string]string{}
	for _, e := range lex.Events {
		for _, n := range e.Names {
			events[n] = e.Date
		}
	}
	for name, date := range map[string]string{"十九大": "2017-10", "十九届五中全会": "2020-10", "十九届六中全会": "2021-11",
		"党的二十大": "2022-10", "党的第二十次全国代表大会": "2022-10", "二十届三中全会": "2024-07", "二十届四中全会": "2025-10",
		"“十五五”规划建议": "2025-10"} {
		if events[name] != date {
			t.Errorf("event %s: date %q, want %q", name, events[name], date)
		}
	}
}

// TestSourceRefs checks that every entry's file:line points at its id.
func TestSourceRefs(t *testing.T) {
	lex, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	check := func(kind, id, ref string) {
		t.Helper()
		file, line := splitRef(ref)
		data, err := dataFS.ReadFile(strings.TrimPrefix(file, "lexicon/"))
		if err != nil || line < 1 {
			t.Errorf("%s %s: bad SourceRef %q", kind, id, ref)
			return
		}
		lines := strings.Split(string(data), "\n")
		if line > len(lines) || !strings.Contains(lines[line-1], "id: "+id) {
			t.Errorf("%s %s: SourceRef %s points at %q", kind, id, ref, lines[min(line, len(lines))-1])
		}
	}
	for _, f := range lex.Formulations {
		check("formulation", f.ID, f.SourceRef)
	}
	for _, e := range lex.Events {
		check("event", e.ID, e.SourceRef)
	}
	for _, e := range lex.Terms {
		check("term", e.ID, e.SourceRef)
	}
	for _, e := range lex.Profiles {
		check("profile", e.ID, e.SourceRef)
	}
	for _, e := range lex.Units {
		check("unit", e.ID, e.SourceRef)
	}
	for _, e := range lex.Words {
		check("word", e.ID, e.SourceRef)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unknown field", "formulations:\n  - id: a\n    text: x\n\n    memebers: [b]\n",
			`my.yaml:5: 未知字段 "memebers"`},
		{"unknown top-level key", "formulation:\n  - id: a\n",
			`my.yaml:1: 未知字段 "formulation"`},
		{"duplicate id", "formulations:\n  - id: a\n    text: x\n  - id: a\n    text: y\n",
			`my.yaml:4: 重复的 id "a"（已在 my.yaml:2 定义）`},
		{"duplicate key", "formulations:\n  - id: a\n    text: x\n    text: y\n",
			`my.yaml:4: 重复的键 "text"（已在第 3 行）`},
		{"bad id", "events:\n  - id: Er-Shi-Da\n    names: [二十大]\n    date: 2022-10\n",
			`my.yaml:2: id "Er-Shi-Da" 不合法：只能用小写字母、数字和连字符，且以字母或数字开头`},
		{"missing id", "terms:\n  - text: 东数西算\n",
			`my.yaml:2: terms 条目缺少 id`},
		{"bad severity", "formulations:\n  - id: a\n    text: x\n    severity: fatal\n",
			`my.yaml:4: severity "fatal" 不合法：应为 error、warning 或 info`},
		{"bad wrong severity", "formulations:\n  - id: a\n    text: x\n    wrong:\n      - text: y\n        correction: x\n        severity: high\n",
			`my.yaml:7: severity "high" 不合法：应为 error、warning 或 info`},
		{"bad month", "formulations:\n  - id: a\n    text: x\n    since: 2016-13\n",
			`my.yaml:4: since "2016-13" 不是合法日期：应为 YYYY-MM 或 YYYY-MM-DD`},
		{"bad day", "events:\n  - id: e\n    names: [x]\n    date: 2023-02-29\n",
			`my.yaml:4: date "2023-02-29" 不是合法日期：应为 YYYY-MM 或 YYYY-MM-DD`},
		{"year only", "events:\n  - id: e\n    names: [x]\n    date: 2022\n",
			`my.yaml:4: date "2022" 不是合法日期：应为 YYYY-MM 或 YYYY-MM-DD`},
		{"bad change date", "formulations:\n  - id: a\n    text: x\n    changed:\n      - date: 2020/10\n        old: y\n        new: x\n",
			`my.yaml:5: date "2020/10" 不是合法日期：应为 YYYY-MM 或 YYYY-MM-DD`},
		{"change without old", "formulations:\n  - id: a\n    text: x\n    changed:\n      - date: 2020-10\n        new: x\n",
			`my.yaml:5: 提法 "a" 的 changed 需要 old 和 new`},
		{"empty member", "formulations:\n  - id: a\n    text: x\n    members:\n      - 自重\n      - \"\"\n",
			`my.yaml:6: 提法 "a" 的第 2 个成员为空`},
		{"wrong without correction", "formulations:\n  - id: a\n    text: x\n    wrong:\n      - text: y\n",
			`my.yaml:5: 提法 "a" 的错误写法 "y" 缺少 correction`},
		{"missing text", "formulations:\n  - id: a\n    since: 2020-01\n",
			`my.yaml:2: 提法 "a" 缺少 text`},
		{"event without names", "events:\n  - id: e\n    date: 2020-01\n",
			`my.yaml:2: 事件 "e" 缺少 names`},
		{"word without correction", "words:\n  - id: w\n    wrong: 截止目前\n",
			`my.yaml:2: 用词规则 "w" 需要 wrong 和 correction`},
		{"wrong type", "formulations:\n  - id: a\n    text: x\n    ordered: maybe\n",
			`my.yaml:4: 值 "maybe" 的类型不对：应为布尔值（true/false）`},
		{"list for string", "formulations:\n  - id: a\n    text: [x]\n",
			`my.yaml:3: 值的类型不对：应为字符串`},
		{"mapping for list", "formulations:\n  id: a\n",
			`my.yaml:2: 结构不对：应为列表，实为映射（键: 值）`},
		{"bad disable id", "disable: [ok-id, Bad]\n",
			`my.yaml:1: disable 中的 id "Bad" 不合法`},
		{"two documents", "terms: []\n---\nterms: []\n",
			`my.yaml:2: 一个词库文件只能有一个 YAML 文档`},
		{"section without keywords", "profiles:\n  - id: p\n    name: 述职\n    sections:\n      - id: s\n        name: 问题\n",
			`my.yaml:5: 章节 "s" 缺少 keywords`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lex, err := Parse("my.yaml", []byte(tt.src))
			if err == nil {
				t.Fatalf("no error; got %+v", lex)
			}
			if err.Error() != tt.want {
				t.Errorf("error\n got: %s\nwant: %s", err, tt.want)
			}
		})
	}
}

func TestParseSyntaxError(t *testing.T) {
	_, err := Parse("my.yaml", []byte("formulations:\n  - id: a\n  text: x\n"))
	var e *Error
	if !errors.As(err, &e) || e.File != "my.yaml" || e.Line != 3 || !strings.Contains(e.Msg, "YAML 语法错误") {
		t.Errorf("got %v", err)
	}
}

func TestParseCollectsAllErrors(t *testing.T) {
	src := "formulations:\n  - id: a\n    text: x\n    severity: fatal\n  - id: b\n    text: y\n    since: 2020-00\n"
	_, err := Parse("my.yaml", []byte(src))
	var es Errors
	if !errors.As(err, &es) || len(es) != 2 || es[0].Line != 4 || es[1].Line != 7 {
		t.Fatalf("got %v", err)
	}
}

func TestParseEmpty(t *testing.T) {
	for _, src := range []string{"", "# only a comment\n", "---\n"} {
		lex, err := Parse("e.yaml", []byte(src))
		if err != nil || lex == nil || len(lex.Formulations) != 0 {
			t.Errorf("%q: %v %v", src, lex, err)
		}
	}
}

func TestParseKeepsDatesAsText(t *testing.T) {
	lex, err := Parse("d.yaml", []byte("events:\n  - id: e\n    names: [x]\n    date: 2022-10-16\n"))
	if err != nil {
		t.Fatal(err)
	}
	if lex.Events[0].Date != "2022-10-16" || DateKey(lex.Events[0].Date) != 202210 {
		t.Errorf("date = %q", lex.Events[0].Date)
	}
}

func TestDuplicateAcrossBuiltinFiles(t *testing.T) {
	a, err := parse("lexicon/data/a.yaml", []byte("terms:\n  - id: t\n    text: 一\n"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := parse("lexicon/data/b.yaml", []byte("# b\nterms:\n  - id: u\n    text: 二\n  - id: t\n    text: 三\n"))
	if err != nil {
		t.Fatal(err)
	}
	var errs Errors
	combine([]*Lexicon{a, b}, &errs)
	if len(errs) != 1 || errs[0].Error() != `lexicon/data/b.yaml:5: 重复的 id "t"（已在 lexicon/data/a.yaml:2 定义）` {
		t.Errorf("got %v", errs)
	}
}

func TestLoadMerge(t *testing.T) {
	base, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	nBase := len(base.Formulations)
	lex, err := Load(filepath.Join("..", "testdata", "lexicon", "user.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	// added
	tf := lex.Formulation("three-firsts")
	user := filepath.Join("..", "testdata", "lexicon", "user.yaml")
	if tf == nil || tf.Severity != "warning" || tf.SourceRef != user+":5" {
		t.Errorf("three-firsts = %+v", tf)
	}
	// overridden: the whole entry is replaced, in place
	tm := lex.Formulation("three-meetings-one-lesson")
	if tm == nil || tm.Severity != "info" || tm.SourceRef != user+":12" || tm.Source != "" {
		t.Errorf("three-meetings-one-lesson = %+v", tm)
	}
	// disabled by entry and by the top-level list
	if lex.Formulation("first-agenda") != nil || lex.Formulation("belt-and-road") != nil {
		t.Error("disabled formulations still present")
	}
	for _, term := range lex.Terms {
		if term.ID == "dongshu-xisuan" {
			t.Error("disabled term still present")
		}
	}
	if got, want := len(lex.Formulations), nBase+1-2; got != want {
		t.Errorf("%d formulations, want %d", got, want)
	}
	found := false
	for _, e := range lex.Events {
		found = found || e.ID == "office-congress-2023"
	}
	if !found {
		t.Error("added event missing")
	}
	// the shared built-in value is untouched
	again, _ := Default()
	if again.Formulation("first-agenda") == nil || again.Formulation("three-firsts") != nil ||
		again.Formulation("three-meetings-one-lesson").Severity != "error" {
		t.Error("Load modified the built-in lexicon")
	}
	if lex2, _ := Load(); lex2 != again {
		t.Error("Load() without files should return the built-in lexicon")
	}
}

func TestLoadErrors(t *testing.T) {
	dir := filepath.Join("..", "testdata", "lexicon")
	tests := []struct {
		file string
		want string
	}{
		{"bad_ref.yaml", `bad_ref.yaml:7: 文种 "office-summary" 引用的提法 "four-consiousness" 不存在`},
		{"bad_disable.yaml", "bad_disable.yaml:2: 要停用的提法 \"no-such-formulation\" 不存在\n" +
			`bad_disable.yaml:6: disable 中的 id "no-such-id" 不存在`},
		{"typo.yaml", `typo.yaml:4: 未知字段 "memebers"`},
		{"no-such-file.yaml", `no-such-file.yaml: 无法读取词库文件：文件不存在`},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			name := filepath.Join(dir, tt.file)
			_, err := Load(name)
			if err == nil {
				t.Fatal("no error")
			}
			want := strings.ReplaceAll(tt.want, tt.file, name)
			if err.Error() != want {
				t.Errorf("error\n got: %s\nwant: %s", err, want)
			}
		})
	}
}

func TestDisableDropsProfileRefs(t *testing.T) {
	dir := t.TempDir()
	one := filepath.Join(dir, "one.yaml")
	two := filepath.Join(dir, "two.yaml")
	os.WriteFile(one, []byte("formulations:\n  - id: x-one\n    text: 甲\n"+
		"profiles:\n  - id: p-one\n    name: 测试\n    formulations: [x-one, four-selfs]\n"), 0o644)
	os.WriteFile(two, []byte("disable: [x-one]\n"), 0o644)
	lex, err := Load(one, two)
	if err != nil {
		t.Fatal(err)
	}
	var p *Profile
	for i := range lex.Profiles {
		if lex.Profiles[i].ID == "p-one" {
			p = &lex.Profiles[i]
		}
	}
	if p == nil || !slices.Equal(p.Formulations, []string{"four-selfs"}) || p.refs[0] != one+":7" {
		t.Errorf("profile = %+v", p)
	}
	// an id never defined is still an error
	os.WriteFile(two, []byte("disable: [x-two]\n"), 0o644)
	if _, err := Load(one, two); err == nil || err.Error() != two+`:1: disable 中的 id "x-two" 不存在` {
		t.Errorf("got %v", err)
	}
}

func TestLoadLaterFileWins(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.yaml")
	b := filepath.Join(dir, "b.yaml")
	os.WriteFile(a, []byte("formulations:\n  - id: x-one\n    text: 甲\n"), 0o644)
	os.WriteFile(b, []byte("formulations:\n  - id: x-one\n    text: 乙\n"), 0o644)
	lex, err := Load(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if f := lex.Formulation("x-one"); f == nil || f.Text != "乙" || f.SourceRef != b+":2" {
		t.Errorf("x-one = %+v", f)
	}
}

func TestSegmentTerms(t *testing.T) {
	lex, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	terms := lex.SegmentTerms()
	for _, want := range []string{"四个意识", "自省", "看齐意识", "以人民为核心", "五位一体战略布局", "东数西算", "专精特新",
		"二十大", "十九届六中全会", "政治判断力", "三会一课", "一岗双责", "国之大者"} {
		if !slices.Contains(terms, want) {
			t.Errorf("SegmentTerms lacks %q", want)
		}
	}
	seen := map[string]bool{}
	for _, s := range terms {
		if seen[s] {
			t.Errorf("duplicate term %q", s)
		}
		seen[s] = true
		if strings.ContainsAny(s, "、，") {
			t.Errorf("term with punctuation %q", s)
		}
	}
}

func TestDateKey(t *testing.T) {
	for s, want := range map[string]int{"2020-10": 202010, "2024-07-15": 202407, "2024-02-29": 202402,
		"2023-02-29": 0, "2020-1": 0, "2020": 0, "20-10-01": 0, "2020-00": 0, "abcd-ef": 0, "": 0, "2021-11-31": 0} {
		if got := DateKey(s); got != want {
			t.Errorf("DateKey(%q) = %d, want %d", s, got, want)
		}
	}
}

// BenchmarkLoadBuiltin measures parsing every embedded file (what Default
// costs once per process).
func BenchmarkLoadBuiltin(b *testing.B) {
	for b.Loop() {
		if _, err := loadBuiltin(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadWithUserFile measures start-up with one user lexicon: the
// built-in lexicon (snapshot, after its hash check) plus the user file,
// parsed and merged.
func BenchmarkLoadWithUserFile(b *testing.B) {
	if _, err := Default(); err != nil {
		b.Fatal(err)
	}
	name := filepath.Join("..", "testdata", "lexicon", "user.yaml")
	data, err := os.ReadFile(name)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		base, err := loadDefault()
		if err != nil {
			b.Fatal(err)
		}
		over, err := Parse(name, data)
		if err != nil {
			b.Fatal(err)
		}
		var errs Errors
		lex := merge(base.clone(), over, &errs)
		checkRefs(lex, &errs)
		if len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}

var update = flag.Bool("update", false, "regenerate builtin_gen.go from data/*.yaml")

// TestBuiltinSnapshot checks that builtin_gen.go is the parse of the current
// data/*.yaml. After editing a data file run: go generate ./lexicon
func TestBuiltinSnapshot(t *testing.T) {
	parsed, err := loadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	hash, err := builtinHash()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		src, err := generateSnapshot(parsed, hash)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("builtin_gen.go", src, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if hash != builtinSnapshotHash || !reflect.DeepEqual(parsed, builtinSnapshot) {
		t.Fatal("builtin_gen.go is stale (data/*.yaml or types changed): run `go generate ./lexicon`")
	}
	lex, err := loadDefault()
	if err != nil || lex != builtinSnapshot {
		t.Error("loadDefault does not use the fresh snapshot")
	}
}

func TestTypeSignatureSeesFields(t *testing.T) {
	type a struct {
		X string `yaml:"x"`
	}
	type b struct {
		X string `yaml:"y"`
	}
	if typeSignature(reflect.TypeOf(a{})) == typeSignature(reflect.TypeOf(b{})) {
		t.Error("tag change not reflected")
	}
}

// goccy/go-yaml panics on some tagged nodes; Parse turns that into an error.
func TestParseTaggedNodeNoPanic(t *testing.T) {
	for _, src := range []string{"terms: !!map {}\n", "formulations: !!map {}\n", "words: !!str x\n"} {
		_, err := Parse("bad.yaml", []byte(src))
		if err == nil || !strings.HasPrefix(err.Error(), "bad.yaml:") {
			t.Errorf("Parse(%q) = %v, want a bad.yaml:line error", src, err)
		}
	}
}
