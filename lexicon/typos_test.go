package lexicon

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBuiltinTypos(t *testing.T) {
	lex, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(lex.Typos) == 0 {
		t.Fatal("no built-in typo lists")
	}
	total := 0
	var wrongs []string
	seen := map[string]string{}
	for _, l := range lex.Typos {
		if strings.TrimSpace(l.Source) == "" {
			t.Errorf("typo list %s has no source", l.ID)
		}
		for _, e := range l.Entries {
			total++
			if prev, ok := seen[e.Wrong]; ok {
				t.Errorf("%s: %q already listed at %s", e.SourceRef, e.Wrong, prev)
			}
			seen[e.Wrong] = e.SourceRef
			wrongs = append(wrongs, e.Wrong)
			file, line := splitRef(e.SourceRef)
			data, err := dataFS.ReadFile(strings.TrimPrefix(file, "lexicon/"))
			if err != nil || line < 1 {
				t.Errorf("%q: bad SourceRef %q", e.Wrong, e.SourceRef)
				continue
			}
			if lines := strings.Split(string(data), "\n"); line > len(lines) || !strings.Contains(lines[line-1], "wrong: "+e.Wrong) {
				t.Errorf("%q: SourceRef %s points elsewhere", e.Wrong, e.SourceRef)
			}
		}
	}
	if total < 300 {
		t.Errorf("%d built-in typo entries, want at least 300", total)
	}
	// A wrong form inside another, or inside a words.yaml rule, would be
	// reported twice.
	for _, w := range lex.Words {
		wrongs = append(wrongs, w.Wrong)
	}
	for i, a := range wrongs {
		for j, b := range wrongs {
			if i != j && strings.Contains(a, b) {
				t.Errorf("wrong form %q contains %q", a, b)
			}
		}
	}
}

func TestTypoParseErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"bad kind", "typos:\n  - id: a\n    source: s\n    kind: spelling\n    entries: []\n",
			`my.yaml:4: 错别字词表 "a" 的 kind "spelling" 不合法：应为 list、redundant 或 confusable`},
		{"no correction", "typos:\n  - id: a\n    source: s\n    entries:\n      - {wrong: 部暑}\n",
			`my.yaml:5: 错别字词表 "a" 的 "部暑" 缺少 correction`},
		{"same", "typos:\n  - id: a\n    source: s\n    entries:\n      - {wrong: 部署, correction: 部署}\n",
			`my.yaml:5: 错别字词表 "a" 的 "部署"：correction 与 wrong 相同`},
		{"duplicate", "typos:\n  - id: a\n    source: s\n    entries:\n      - {wrong: 部暑, correction: 部署}\n      - {wrong: 部暑, correction: 部署}\n",
			`my.yaml:6: 错别字词表 "a" 中 "部暑" 重复（已在第 1 项）`},
		{"gap", "typos:\n  - id: a\n    source: s\n    entries:\n      - {wrong: 大约…左右, correction: 大约}\n",
			`my.yaml:5: 错别字词表 "a" 的 "大约…左右"：wrong 与 correction 必须都有或都没有“…”`},
		{"severity", "typos:\n  - id: a\n    source: s\n    severity: high\n    entries: []\n",
			`my.yaml:4: severity "high" 不合法：应为 error、warning 或 info`},
		{"missing id", "typos:\n  - source: s\n",
			`my.yaml:2: typos 条目缺少 id`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("my.yaml", []byte(tt.src))
			if err == nil || err.Error() != tt.want {
				t.Errorf("error\n got: %v\nwant: %s", err, tt.want)
			}
		})
	}
}

func TestTypoMerge(t *testing.T) {
	base, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	user := filepath.Join(dir, "user.yaml")
	src := "typos:\n" +
		"  - id: my-typos\n    source: 本单位校对记录\n    entries:\n      - {wrong: 工作部暑, correction: 工作部署}\n" +
		"  - id: typos-zhang-account\n    source: 本单位\n    entries:\n      - {wrong: 帐户, correction: 账户}\n" +
		"  - id: redundant-common\n    disabled: true\n" +
		"disable: [confusable-common]\n"
	if err := os.WriteFile(user, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	lex, err := Load(user)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]*TypoList{}
	for i := range lex.Typos {
		ids[lex.Typos[i].ID] = &lex.Typos[i]
	}
	if l := ids["my-typos"]; l == nil || l.SourceRef != user+":2" || l.Entries[0].SourceRef != user+":5" {
		t.Errorf("added list = %+v", l)
	}
	if l := ids["typos-zhang-account"]; l == nil || len(l.Entries) != 1 || l.Source != "本单位" {
		t.Errorf("overridden list = %+v", l)
	}
	if ids["redundant-common"] != nil || ids["confusable-common"] != nil {
		t.Error("disabled lists still present")
	}
	if len(lex.Typos) != len(base.Typos)+1-2 {
		t.Errorf("%d lists, want %d", len(lex.Typos), len(base.Typos)-1)
	}
	again, _ := Default()
	for _, l := range again.Typos {
		if l.ID == "typos-zhang-account" && len(l.Entries) < 2 {
			t.Error("Load modified the built-in lexicon")
		}
	}
	if _, err := Load(writeFile(t, dir, "bad.yaml", "typos:\n  - id: nope\n    disabled: true\n")); err == nil ||
		!strings.Contains(err.Error(), `要停用的错别字词表 "nope" 不存在`) {
		t.Errorf("disabling a missing list: %v", err)
	}
}

func writeFile(t *testing.T, dir, name, src string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
