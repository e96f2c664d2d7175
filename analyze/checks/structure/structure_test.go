package structure_test

import (
	"strings"
	"testing"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/analyzetest"
	"github.com/reportlint/reportlint/analyze/checks/placeholder"
	"github.com/reportlint/reportlint/analyze/checks/structure"
	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

func TestStructureFixtures(t *testing.T) {
	analyzetest.Run(t, "testdata", structure.Check)
}

// dutyReport is a duty report whose 存在问题 and 下一步打算 parts carry no
// heading numbers, the way many are written.
var dutyReport = strings.Join([]string{
	"2022年度某局副局长述德述职述廉报告", // 1
	"", // 2
	"按照分工，我主要负责办公室和项目建设等工作。现将一年来的思想、工作和廉洁自律情况报告如下：", // 3
	"一、坚持政治引领，筑牢思想根基",         // 4
	"（一）坚持理论学习。全年参加中心组学习12次。", // 5
	"（二）坚持讲政治。始终同党中央保持高度一致。",  // 6
	"二、聚焦主责主业，推动工作落实",         // 7
	"（一）抓项目建设。全年新开工项目**个。",    // 8
	"三、严守纪律规矩，做到廉洁自律",         // 9
	"严格遵守中央八项规定精神。",           // 10
	"回顾一年来的工作，虽然取得一定成绩，但也存在一些不足，主要是：学习不够系统，调研不够深入。", // 11
	"2023年是全面贯彻党的二十大精神的开局之年，我将以更加饱满的热情做好各项工作。",      // 12
	"一是持续加强理论学习。",            // 13
	"二是持续推动工作落实，力争完成投资**亿元。", // 14
	"（一）重点项目。",               // 15
	"（二）民生实事。",               // 16
	"特此报告。",                  // 17
}, "\n")

func newAnalysis(t testing.TB, text, profile string, year int) *analyze.Analysis {
	t.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := segment.LoadBytes("r.txt", []byte(text), segment.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	a := analyze.NewAnalysis(doc, lex, nil)
	a.Year = year
	for i := range lex.Profiles {
		if lex.Profiles[i].ID == profile {
			a.Profile = &lex.Profiles[i]
		}
	}
	return a
}

func TestOutlineImplicitSections(t *testing.T) {
	a := newAnalysis(t, dutyReport, "duty-report", 2022)
	type row struct {
		line     int
		level    int
		implicit string
		label    string
		parent   int // line of the parent, 0 at top
	}
	want := []row{
		{4, 1, "", "一、坚持政治引领，筑牢思想根基", 0},
		{5, 2, "", "（一）坚持理论学习", 4},
		{6, 2, "", "（二）坚持讲政治", 4},
		{7, 1, "", "二、聚焦主责主业，推动工作落实", 0},
		{8, 2, "", "（一）抓项目建设", 7},
		{9, 1, "", "三、严守纪律规矩，做到廉洁自律", 0},
		{11, 1, analyze.KindProblems, "（存在问题）回顾一年来的工作，虽然取得一…", 0},
		{12, 1, analyze.KindPlans, "（下一步打算）2023年是全面贯彻党的二十…", 0},
		{15, 2, "", "（一）重点项目", 12},
		{16, 2, "", "（二）民生实事", 12},
		{17, 1, analyze.KindClosing, "（结束语）特此报告", 0},
	}
	nodes := a.Outline()
	if len(nodes) != len(want) {
		for _, n := range nodes {
			t.Logf("%d %s", n.Line, n.Label())
		}
		t.Fatalf("got %d outline nodes, want %d", len(nodes), len(want))
	}
	for i, n := range nodes {
		w := want[i]
		parent := 0
		if n.Parent >= 0 {
			parent = nodes[n.Parent].Line
		}
		if n.Line != w.line || n.Level != w.level || n.Implicit != w.implicit || n.Label() != w.label || parent != w.parent {
			t.Errorf("node %d = line %d level %d %q %q parent %d; want %+v", i, n.Line, n.Level, n.Implicit, n.Label(), parent, w)
		}
		if i > 0 && n.Span.Start < nodes[i-1].Span.Start {
			t.Errorf("node %d starts before node %d", i, i-1)
		}
		if n.Parent >= 0 {
			if p := nodes[n.Parent].Span; n.Span.Start < p.Start || n.Span.End > p.End {
				t.Errorf("node %d span %v outside its parent's %v", i, n.Span, p)
			}
		}
	}
	// Text in the unnumbered 存在问题 paragraph belongs to it, not to 三、.
	off := strings.Index(dutyReport, "调研不够深入")
	if got := a.SectionName(off); got != "（存在问题）回顾一年来的工作，虽然取得一…" {
		t.Errorf("SectionName(调研不够深入) = %q", got)
	}
	if got := a.SectionName(strings.Index(dutyReport, "严格遵守中央八项规定")); got != "三、严守纪律规矩，做到廉洁自律" {
		t.Errorf("SectionName(八项规定) = %q", got)
	}
	if got := a.SectionName(strings.Index(dutyReport, "按照分工")); got != "" {
		t.Errorf("SectionName(intro) = %q; want empty", got)
	}
	// 三、's extent stops where 存在问题 starts.
	if got := a.Doc.Slice(nodes[5].Span); !strings.HasSuffix(strings.TrimSpace(got), "严格遵守中央八项规定精神。") {
		t.Errorf("三、 span = %q", got)
	}
}

func TestOutlineYearOpener(t *testing.T) {
	// “2023年是……我将……” opens the plans only in a report on 2022.
	for _, tt := range []struct {
		year int
		want bool
	}{{2022, true}, {2023, false}, {0, false}} {
		a := newAnalysis(t, dutyReport, "duty-report", tt.year)
		got := false
		for _, n := range a.Outline() {
			got = got || n.Line == 12 && n.Implicit == analyze.KindPlans
		}
		if got != tt.want {
			t.Errorf("year %d: plans opener recognised = %v; want %v", tt.year, got, tt.want)
		}
	}
}

func TestOutlineNoFalseImplicit(t *testing.T) {
	// “存在的问题” and “下一步” inside numbered parts are not parts of their own.
	text := strings.Join([]string{
		"2023年度工作汇报",
		"现将一年来的工作和存在的问题汇报如下：",
		"一、主要工作",
		"（一）项目建设。全年新开工项目9个。",
		"针对存在的问题，我们及时召开专题会议研究解决。",
		"（二）招商引资。引进项目5个。",
		"下一步，我们将继续加大招商力度。",
		"二、存在的问题",
		"一是发展后劲不足。",
		"存在的问题还有治理水平不高。",
		"三、下一步打算",
		"今后，我们将着力抓好以下工作。",
		"针对存在的问题，逐项整改。",
	}, "\n")
	a := newAnalysis(t, text, "annual-summary", 2023)
	for _, n := range a.Outline() {
		if n.Implicit != "" {
			t.Errorf("unexpected implicit section at line %d: %s", n.Line, n.Label())
		}
	}
}

func TestSectionsTable(t *testing.T) {
	a := newAnalysis(t, dutyReport, "duty-report", 2022)
	got := map[string]analyze.SectionStatus{}
	for _, s := range a.Sections() {
		got[s.ID] = s
	}
	for id, line := range map[string]int{"morality": 4, "duty": 7, "integrity": 9, "problems": 11, "plans": 12} {
		if s := got[id]; s.Status != analyze.StatusPresent || s.Line != line {
			t.Errorf("section %s = %+v; want present at line %d", id, s, line)
		}
	}

	// Missing, optional and out-of-order rows.
	text := strings.Join([]string{
		"2023年度述职报告",
		"一、严守纪律规矩，保持廉洁本色",
		"二、加强理论学习，坚定理想信念",
		"三、聚焦主责主业，推动工作落实",
	}, "\n")
	a = newAnalysis(t, text, "duty-report", 2023)
	got = map[string]analyze.SectionStatus{}
	for _, s := range a.Sections() {
		got[s.ID] = s
	}
	if s := got["integrity"]; s.Status != analyze.StatusOrder || s.Line != 2 || !strings.Contains(s.Message, "通常应在“履职尽责（能、勤、绩）”部分之后") {
		t.Errorf("integrity = %+v; want out of order at line 2", s)
	}
	if s := got["problems"]; s.Status != analyze.StatusMissing || s.Message != "未找到" {
		t.Errorf("problems = %+v; want missing", s)
	}
	if s := got["plans"]; s.Status != analyze.StatusMissing || !strings.Contains(s.Message, "可选") {
		t.Errorf("plans = %+v; want optional missing", s)
	}

	// A report without two numbered top-level headings is not judged.
	a = newAnalysis(t, "2023年度述职报告\n一年来，我认真履行职责。\n存在的不足是学习不够。", "duty-report", 2023)
	if s := a.Sections(); s != nil {
		t.Errorf("Sections() of an unnumbered report = %+v; want nil", s)
	}
	// No profile, no table.
	if s := newAnalysis(t, dutyReport, "", 2022).Sections(); s != nil {
		t.Errorf("Sections() without profile = %+v; want nil", s)
	}
}

func TestStructureRunAttribution(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := segment.LoadBytes("r.txt", []byte(dutyReport), segment.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	res := analyze.Run(doc, lex, analyze.Options{Checks: []*analyze.Check{structure.Check, placeholder.Check}})
	if res.Profile != "duty-report" || res.Year != 2022 {
		t.Fatalf("detected %q %d", res.Profile, res.Year)
	}
	if len(res.Sections) != 5 {
		t.Fatalf("Sections = %+v", res.Sections)
	}
	sections := map[int]string{}
	for _, f := range res.Findings {
		if f.Check == structure.Check.Name {
			t.Errorf("unexpected structure finding %d: %s", f.Pos.Line, f.Message)
		}
		sections[f.Pos.Line] = f.Section
	}
	if sections[8] != "（一）抓项目建设" || sections[14] != "（下一步打算）2023年是全面贯彻党的二十…" {
		t.Errorf("placeholder sections = %v", sections)
	}
	var rows []string
	for _, c := range res.Completeness {
		rows = append(rows, c.Section)
	}
	// The blank in the unnumbered plans part is counted there, not under 三、.
	if joined := strings.Join(rows, "|"); !strings.HasSuffix(joined, "|（下一步打算）2023年是全面贯彻党的二十…") || strings.Contains(joined, "三、") {
		t.Errorf("completeness rows = %q", rows)
	}
	if nodes := analyze.OutlineFor(doc, lex, res); len(nodes) != 11 {
		t.Errorf("OutlineFor gave %d nodes, want 11", len(nodes))
	}
}

// FuzzStructure runs the outline and the structure check on arbitrary text:
// no panic, nested extents, findings inside the text.
func FuzzStructure(f *testing.F) {
	f.Add(dutyReport)
	f.Add("工作汇报\n一、甲\n（二）乙。一是丙，三是丁。\n（1）戊\n1、己\n存在的问题\n（一）庚")
	f.Add("一.\n(一)、\n1)\n①、\n第一，第三，\n2023年，我将")
	f.Add("# 报告\n**一、甲**\n## （二）乙\n**\n### 存在的问题\n（一）丙")
	lex, err := lexicon.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, name := range []string{"f.txt", "f.md"} {
			fuzzStructureOnce(t, lex, name, text)
		}
	})
}

func fuzzStructureOnce(t *testing.T, lex *lexicon.Lexicon, name, text string) {
	doc, err := segment.LoadBytes(name, []byte(text), segment.LoadOptions{})
	if err != nil {
		return
	}
	res := analyze.Run(doc, lex, analyze.Options{Checks: []*analyze.Check{structure.Check}, Profile: "duty-report", Year: 2022})
	for _, fd := range res.Findings {
		if strings.HasSuffix(fd.Rule, ".internal") {
			t.Fatalf("internal error: %s", fd.Message)
		}
		if fd.Span.Start < 0 || fd.Span.End > len(doc.Text) || fd.Span.Start > fd.Span.End {
			t.Fatalf("finding span %v outside text of %d bytes", fd.Span, len(doc.Text))
		}
	}
	nodes := analyze.OutlineFor(doc, lex, res)
	for i, n := range nodes {
		if n.Span.Start > n.Span.End || n.Span.End > len(doc.Text) || !n.Span.Contains(n.Open.Start) && n.Open.Len() > 0 {
			t.Fatalf("node %d: span %v open %v", i, n.Span, n.Open)
		}
		if n.Parent >= i {
			t.Fatalf("node %d: parent %d after it", i, n.Parent)
		}
		if n.Parent >= 0 {
			if p := nodes[n.Parent]; n.Span.Start < p.Span.Start || n.Span.End > p.Span.End || p.Level >= n.Level {
				t.Fatalf("node %d %v not inside parent %v", i, n.Span, p.Span)
			}
		}
	}
}

func BenchmarkStructure(b *testing.B) {
	text := strings.Repeat(dutyReport+"\n", 40)
	lex, err := lexicon.Default()
	if err != nil {
		b.Fatal(err)
	}
	doc, err := segment.LoadBytes("r.txt", []byte(text), segment.LoadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	opt := analyze.Options{Checks: []*analyze.Check{structure.Check}}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		analyze.Run(doc, lex, opt)
	}
}

// TestPrecisionSections runs the government-report shapes that gave false
// structure findings on real reports (issue 11): title after page furniture,
// parts named by year, attachment and glossary lists.
func TestPrecisionSections(t *testing.T) {
	analyzetest.RunFile(t, "../../../testdata/precision/structure_sections.txt", structure.Check)
}
