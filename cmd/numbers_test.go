package cmd

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

const numbersInput = "2022年度工作总结\n一、主要成效\n全市营业收入12.5亿元，同比增长**％，新建基站3.45万个，起草材料10余个。\n" +
	"深入学习贯彻党的二十大精神，推动5G发展。\n"

func TestNumbersTable(t *testing.T) {
	app, out, errb := testApp(numbersInput)
	if code := run(app, []string{"numbers", "-"}); code != ExitOK {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
	s := out.String()
	for _, want := range []string{"数字表述 5 处，其中未填写 1 处", "12.5亿元", "1250000000", "（未填）", "34500", "全市营业收入", "同比增长", "一、主要成效"} {
		if !strings.Contains(s, want) {
			t.Errorf("table lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "二十") || strings.Contains(s, "5G") {
		t.Errorf("fixed expressions listed as numbers:\n%s", s)
	}
}

func TestNumbersJSON(t *testing.T) {
	app, out, _ := testApp(numbersInput)
	if code := run(app, []string{"numbers", "--format", "json", "-"}); code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	var rep struct {
		Version int
		Files   []struct {
			Path    string
			Year    int
			Numbers []struct {
				Text      string   `json:"text"`
				Value     *float64 `json:"value"`
				Unit      string   `json:"unit"`
				UnitText  string   `json:"unit_text"`
				Qualifier string   `json:"qualifier"`
				Metric    string   `json:"metric"`
				Kind      string   `json:"kind"`
				Unfilled  bool     `json:"unfilled"`
				Line      int      `json:"line"`
				Column    int      `json:"column"`
				Offset    int      `json:"offset"`
				EndOffset int      `json:"end_offset"`
				Section   string   `json:"section"`
			} `json:"numbers"`
		}
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Version != 1 || len(rep.Files) != 1 || rep.Files[0].Year != 2022 || len(rep.Files[0].Numbers) != 5 {
		t.Fatalf("report %+v", rep)
	}
	n := rep.Files[0].Numbers
	if c := n[1]; c.Text != "12.5亿元" || c.Value == nil || *c.Value != 1250000000 || c.Unit != "元" || c.UnitText != "亿元" ||
		c.Metric != "全市营业收入" || c.Line != 3 || c.Column != 7 || c.Section != "一、主要成效" || numbersInput[c.Offset:c.EndOffset] != c.Text {
		t.Errorf("claim %+v", c)
	}
	if c := n[2]; c.Text != "**％" || c.Value != nil || !c.Unfilled || c.Unit != "％" {
		t.Errorf("unfilled claim %+v", c)
	}
	if c := n[4]; c.Text != "10余个" || *c.Value != 10 || c.Qualifier != "余" || c.Kind != "count" {
		t.Errorf("claim %+v", c)
	}
}

func TestNumbersCSV(t *testing.T) {
	app, out, _ := testApp(numbersInput)
	if code := run(app, []string{"numbers", "-f", "csv", "-"}); code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	s := out.String()
	if !strings.HasPrefix(s, utf8BOM) {
		t.Fatal("no BOM")
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(s, utf8BOM))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 6 || rows[0][3] != "原文" || rows[3][3] != "**％" || rows[3][12] != "是" || rows[4][4] != "34500" {
		t.Errorf("rows %q", rows)
	}
}

func TestNumbersErrors(t *testing.T) {
	for _, args := range [][]string{
		{"numbers", "--format", "sarif", "-"},
		{"numbers", "--year", "12", "-"},
		{"numbers", "nowhere/草稿.txt"},
		{"numbers"},
	} {
		app, _, _ := testApp(numbersInput)
		if code := run(app, args); code != ExitInput {
			t.Errorf("%v: exit %d, want %d", args, code, ExitInput)
		}
	}
}
