package cmd

import (
	"encoding/json"
	"strings"
	"testing"
)

const structureInput = "2022年度述职报告\n" +
	"现将一年来的情况报告如下：\n" +
	"一、加强理论学习，坚定理想信念\n" +
	"（一）集中学习。全年12次。\n" +
	"（三）个人自学。每天一小时。\n" +
	"二、聚焦主责主业，推动工作落实\n" +
	"三、严守纪律规矩，保持廉洁本色\n" +
	"严格遵守中央八项规定精神。\n" +
	"回顾一年来的工作，还存在一些问题和不足，主要是：调研不够深入。\n" +
	"2023年，我将持续改进作风。\n"

func TestStructureTree(t *testing.T) {
	app, out, errb := testApp(structureInput)
	if code := run(app, []string{"structure", "-"}); code != ExitOK {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
	got := out.String()
	for _, want := range []string{
		"    3  一、加强理论学习，坚定理想信念\n",
		"    4    （一）集中学习\n",
		"    5    （三）个人自学\n",
		"二级标题序号不连续：（一）之后是（三），缺少（二）  [structure.numbering]  建议：（二）\n",
		"    9  ［未编号·存在问题］回顾一年来的工作，还存在一些问题和不足，主要是\n",
		"   10  ［未编号·下一步打算］2023年，我将持续改进作风\n",
		"  ✓ 存在的问题和不足  第9行",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	// --fail-on warning turns the numbering gap into exit 1.
	app, _, _ = testApp(structureInput)
	if code := run(app, []string{"structure", "--fail-on", "warning", "-"}); code != ExitFindings {
		t.Errorf("--fail-on warning: exit %d, want %d", code, ExitFindings)
	}
	app, _, _ = testApp(structureInput)
	// table is accepted as another name for tree (issue 14), in any case.
	if code := run(app, []string{"structure", "--format", "TABLE", "-"}); code != ExitOK {
		t.Errorf("--format TABLE: exit %d, want %d", code, ExitOK)
	}
	app, _, _ = testApp(structureInput)
	if code := run(app, []string{"structure", "--format", "xml", "-"}); code != ExitInput {
		t.Errorf("--format xml: exit %d, want %d", code, ExitInput)
	}
}

func TestStructureJSON(t *testing.T) {
	app, out, errb := testApp(structureInput)
	if code := run(app, []string{"structure", "--format", "json", "-"}); code != ExitOK {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
	type node struct {
		Level    int    `json:"level"`
		Implicit string `json:"implicit"`
		Name     string `json:"name"`
		Marker   string `json:"marker"`
		Title    string `json:"title"`
		Line     int    `json:"line"`
		Problems []struct {
			Rule    string `json:"rule"`
			Message string `json:"message"`
		} `json:"problems"`
		Children []node `json:"children"`
	}
	var rep struct {
		Files []struct {
			Profile  string `json:"profile"`
			Year     int    `json:"year"`
			Outline  []node `json:"outline"`
			Sections []struct {
				ID     string `json:"id"`
				Status string `json:"status"`
			} `json:"sections"`
		} `json:"files"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	f := rep.Files[0]
	if f.Profile != "duty-report" || f.Year != 2022 || len(f.Outline) != 5 || len(f.Sections) != 5 {
		t.Fatalf("file = %+v", f)
	}
	first := f.Outline[0]
	if first.Marker != "一、" || len(first.Children) != 2 || first.Children[1].Marker != "（三）" ||
		len(first.Children[1].Problems) != 1 || first.Children[1].Problems[0].Rule != "structure.numbering" {
		t.Errorf("first part = %+v", first)
	}
	if p := f.Outline[3]; p.Implicit != "problems" || p.Name != "存在问题" || p.Line != 9 || p.Level != 1 {
		t.Errorf("implicit part = %+v", p)
	}
	for _, s := range f.Sections {
		if s.Status != "present" {
			t.Errorf("section %s = %s", s.ID, s.Status)
		}
	}
}
