package cmd

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/lexicon"
)

var lexDir = filepath.Join("..", "testdata", "lexicon")

func TestLexiconList(t *testing.T) {
	app, out, errb := testApp("")
	if code := run(app, []string{"lexicon", "list", "--kind", "formulations,events"}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb)
	}
	s := out.String()
	for _, want := range []string{"four-selfs", "四自", "two-establishments", "2021-11", "cpc-20th-congress", "党的二十大"} {
		if !strings.Contains(s, want) {
			t.Errorf("list lacks %q", want)
		}
	}
	if strings.Contains(s, "dongshu-xisuan") {
		t.Error("--kind did not filter out terms")
	}
}

func TestLexiconListJSONWithUserLexicon(t *testing.T) {
	app, out, errb := testApp("")
	args := []string{"--lexicon", filepath.Join(lexDir, "user.yaml"), "lexicon", "list", "--format", "json", "--kind", "formulations"}
	if code := run(app, args); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb)
	}
	var rep struct {
		Entries []lexEntry `json:"entries"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	byID := map[string]lexEntry{}
	for _, e := range rep.Entries {
		byID[e.ID] = e
	}
	if e, ok := byID["three-firsts"]; !ok || e.Severity != "warning" || !strings.HasSuffix(e.Source, "user.yaml:5") {
		t.Errorf("three-firsts = %+v", e)
	}
	if _, ok := byID["first-agenda"]; ok {
		t.Error("disabled entry listed")
	}
}

func TestLexiconShow(t *testing.T) {
	app, out, errb := testApp("")
	if code := run(app, []string{"lexicon", "show", "four-selfs"}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb)
	}
	s := out.String()
	if !strings.HasPrefix(s, "# formulations，来源：lexicon/data/formulations.yaml:") {
		t.Errorf("show header: %q", s)
	}
	// the YAML shown is a valid lexicon entry
	lex, err := lexicon.Parse("shown.yaml", []byte("formulations:\n  - "+strings.ReplaceAll(strings.SplitN(s, "\n", 2)[1], "\n", "\n    ")))
	if err != nil {
		t.Fatalf("shown YAML does not parse: %v\n%s", err, s)
	}
	if f := lex.Formulation("four-selfs"); f == nil || strings.Join(f.Members, "、") != "自重、自省、自警、自励" {
		t.Errorf("round trip: %+v", f)
	}
	// by text
	app, out, _ = testApp("")
	if code := run(app, []string{"lexicon", "show", "四个意识"}); code != ExitOK || !strings.Contains(out.String(), "id: four-consciousness") {
		t.Errorf("show by text: %d %q", code, out)
	}
	// unknown
	app, _, errb = testApp("")
	if code := run(app, []string{"lexicon", "show", "four-self"}); code != ExitInput || !strings.Contains(errb.String(), "four-selfs") {
		t.Errorf("show unknown: %d %q", code, errb)
	}
}

func TestLexiconValidate(t *testing.T) {
	app, out, errb := testApp("")
	if code := run(app, []string{"lexicon", "validate", filepath.Join(lexDir, "user.yaml")}); code != ExitOK || !strings.Contains(out.String(), "词库有效") {
		t.Errorf("valid file: exit %d %q %q", code, out, errb)
	}
	app, out, errb = testApp("")
	typo := filepath.Join(lexDir, "typo.yaml")
	ref := filepath.Join(lexDir, "bad_ref.yaml")
	if code := run(app, []string{"lexicon", "validate", typo, ref}); code != ExitInput {
		t.Errorf("invalid files: exit %d", code)
	}
	want := typo + ":4: 未知字段 \"memebers\"\n" + ref + ":7: 文种 \"office-summary\" 引用的提法 \"four-consiousness\" 不存在\n"
	if errb.String() != want || out.Len() != 0 {
		t.Errorf("stderr\n got: %q\nwant: %q", errb, want)
	}
}

func TestLexiconFlagErrorExits2(t *testing.T) {
	app, _, errb := testApp("")
	if code := run(app, []string{"--lexicon", filepath.Join(lexDir, "typo.yaml"), "check", example}); code != ExitInput ||
		!strings.Contains(errb.String(), "typo.yaml:4: 未知字段") {
		t.Errorf("exit %d, stderr %q", code, errb)
	}
}
