package analyze

import (
	"testing"

	"github.com/reportlint/reportlint/segment"
)

func TestDetectProfileYear(t *testing.T) {
	lex := testLexicon(t)
	furniture := "下载\n打印\n【字号：\n加大\n减小\n】\n"
	for _, tt := range []struct {
		name, text      string
		profile         string
		conf            Confidence
		year, delivered int
		period          [2]int
		from            string
		yearConf        Confidence
	}{
		{"title after furniture, meeting line", furniture + "2026年某省政府工作报告\n——2026年1月20日在某省第十四届人民代表大会第四次会议上\n各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。\n一、2025年工作回顾\n过去一年，经济增长5%。\n二、2026年重点工作\n今年要稳增长。\n",
			"government-work", Certain, 2026, 2026, [2]int{2025, 2025}, "meeting", Certain},
		{"meeting line without dash, Chinese date", "二〇二六年一月二十七日在某省第十四届人民代表大会第四次会议上\n各位代表：\n我代表省人民政府，向大会报告工作。\n“十四五”时期工作回顾\n过去五年，经济总量翻番。\n",
			"government-work", Certain, 2026, 2026, [2]int{2021, 2025}, "meeting", Certain},
		{"no title: opening formulas, year from headings", "各位代表：\n现在，我代表区人民政府向大会作工作报告，请予审议。\n一、2019年工作回顾\n一年来，我们狠抓落实。\n二、2020年主要工作\n今年要稳增长。\n",
			"government-work", Likely, 2020, 2020, [2]int{2019, 2019}, "heading", Likely},
		{"no title, five years, no year", "各位代表：\n现在，我代表区人民政府向大会作工作报告，请予审议。\n一、过去五年工作回顾\n过去五年，我们狠抓落实。\n二、未来五年奋斗目标\n坚持稳中求进。\n",
			"government-work", Likely, 0, 0, [2]int{}, "", ""},
		{"管委会 report: a guess", "某开发区管委会工作报告\n一、主要工作\n全年引进项目12个。\n二、存在问题\n招商引资后劲不足。\n",
			"annual-summary", Guess, 0, 0, [2]int{}, "", ""},
		{"a 述职 title is certain", "2023年度个人述职报告\n一、主要工作\n全年完成任务。\n",
			"duty-report", Certain, 2023, 0, [2]int{2023, 2023}, "title", Certain},
		{"nothing to go on", "加强学习。\n全年完成任务。\n", "", "", 0, 0, [2]int{}, "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc := segment.NewDocument("t.txt", segment.FormatText, "utf-8", tt.text, nil)
			res := Run(doc, lex, Options{})
			if res.Profile != tt.profile || res.ProfileConfidence != tt.conf {
				t.Errorf("profile %q (%s, %s), want %q (%s)", res.Profile, res.ProfileConfidence, res.ProfileReason, tt.profile, tt.conf)
			}
			if tt.profile != "" && res.ProfileReason == "" {
				t.Errorf("no reason for profile %q", res.Profile)
			}
			if res.Year != tt.year || res.Delivered != tt.delivered || res.Period != tt.period || res.YearFrom != tt.from || res.YearConfidence != tt.yearConf {
				t.Errorf("year %d delivered %d period %v from %q (%s), want %d %d %v %q (%s)", res.Year, res.Delivered, res.Period,
					res.YearFrom, res.YearConfidence, tt.year, tt.delivered, tt.period, tt.from, tt.yearConf)
			}
		})
	}
}

func TestSectionFindingsSilentOnGuess(t *testing.T) {
	lex := testLexicon(t)
	text := "某开发区管委会工作报告\n一、经济发展稳中有进\n全年引进项目12个。\n二、社会事业全面进步\n新增学位800个。\n"
	doc := segment.NewDocument("t.txt", segment.FormatText, "utf-8", text, nil)
	a := NewAnalysis(doc, lex, nil)
	a.detect(Options{}, &Result{})
	if a.ProfileConfidence != Guess {
		t.Fatalf("confidence %q, want guess", a.ProfileConfidence)
	}
	if fs := SectionFindings(a); len(fs) != 0 {
		t.Errorf("section findings on a guessed profile: %+v", fs)
	}
	a = NewAnalysis(doc, lex, nil)
	a.detect(Options{Profile: "annual-summary"}, &Result{})
	if fs := SectionFindings(a); len(fs) == 0 {
		t.Errorf("no section-missing with the profile given by flag")
	}
}

func TestBackMatter(t *testing.T) {
	lex := testLexicon(t)
	text := "一、主要工作\n全年完成任务。\n二、存在问题\n后劲不足。\n三、下一步打算\n继续努力。\n附件：1. 项目清单\n2．资金测算表\n"
	doc := segment.NewDocument("t.txt", segment.FormatText, "utf-8", text, nil)
	a := NewAnalysis(doc, lex, nil)
	for _, n := range a.Outline() {
		if n.Level > 1 {
			t.Errorf("attachment item in the outline: %+v", n)
		}
	}
	for _, s := range []string{"附件：", "附件1", "附件 2", "名词解释", "注释：", "有关名词解释"} {
		if !backMatterLine(s) {
			t.Errorf("%q not back matter", s)
		}
	}
	for _, s := range []string{"附件材料已报送", "附件1是2023年度清单，请各单位按时报送并做好相关工作安排和落实工作", "注释工作"} {
		if backMatterLine(s) {
			t.Errorf("%q taken as back matter", s)
		}
	}
}
