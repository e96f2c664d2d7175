package usage

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFind(t *testing.T) {
	cases := []struct{ in, rule, text, sugg string }{
		{"我们的目标--建设一流城市。", "usage.dash", "--", "——"},
		{"两个关键词－－“创新”和“协调”。", "usage.dash", "－－", "——"},
		{"政府工作报告\n—2026年1月25日在市第十六届人民代表大会第四次会议上", "usage.dash", "—", "——"},
		{"会见诺尔曼•白求恩的后人。", "usage.interpunct", "•", "·"},
		{"纪念“一二・九”运动。", "usage.interpunct", "・", "·"},
		{"深圳-汕尾段高速公路建成。", "usage.place-range", "-", "—"},
		{"和平路-解放路段改造完成。", "usage.place-range", "-", "—"},
		{"加强学习； ；提高能力。", "usage.repeated-spaced", "； ；", "；"},
		{"加强学习，　，提高能力。", "usage.repeated-spaced", "，　，", "，"},
		{"男女比例为3:2。", "usage.ratio", "3:2", "3∶2"},
		{"按1：1配套资金。", "usage.ratio", "1：1", "1∶1"},
		{"三次产业结构比调整为4.3：39.2:56.5。", "usage.ratio", "4.3：39.2:56.5", "4.3∶39.2∶56.5"},
		{"城乡居民收入比从2.50:1缩小。", "usage.ratio", "2.50:1", "2.50∶1"},
		{"完成投资１２３亿元。", "usage.fullwidth-digit", "１２３", "123"},
		{"增长率约为.5个百分点。", "usage.leading-zero", ".5", "0.5"},
	}
	for _, c := range cases {
		got := Detect(c.in)
		if len(got) != 1 {
			t.Errorf("%q: got %+v, want one %s", c.in, got, c.rule)
			continue
		}
		h := got[0]
		if h.Rule != c.rule || c.in[h.Span.Start:h.Span.End] != c.text || h.Suggestion != c.sugg || !h.Certain || h.Message == "" {
			t.Errorf("%q: got %s %q sugg %q certain %v", c.in, h.Rule, c.in[h.Span.Start:h.Span.End], h.Suggestion, h.Certain)
		}
	}
	// unsure ones carry no suggestion and say 疑似
	if got := Detect("三次产业比重由0.1:68.2:31.7优化至0.1:63.9:36。"); len(got) != 2 || got[1].Suggestion != "0.1∶63.9∶36" {
		t.Errorf("second ratio of a pair: got %+v", got)
	}
	if got := Detect("加强学习， 。提高能力。"); len(got) != 1 || got[0].Suggestion != "" {
		t.Errorf("two different marks: want one hit without suggestion, got %+v", got)
	}
	for _, s := range []string{"阿卜杜拉．阿齐兹来访。"} {
		got := Detect(s)
		if len(got) != 1 || got[0].Certain || got[0].Suggestion != "" {
			t.Errorf("%q: want one unsure hit without suggestion, got %+v", s, got)
		}
	}
}

func TestSilent(t *testing.T) {
	silent := []string{
		"我们的目标——建设一流城市。",
		"北京—上海高速铁路、2013—2015年、古猿—猿人—古人。",
		"秦岭-淮河以北、吐鲁番-哈密盆地。",
		"电话010-88842603，会议于9:30开始，以3:2战胜对手，比分2:1。",
		"比例调整会议于9:30召开，时间12:00:00。",
		"5G基站、X光机、二十大、两个确立、二〇二二年、和平路5号。",
		"见https://www.gov.cn/a.5/b.html和report.v2.5.docx，版本号v1.5。",
		"Version .5 is out in the U.S.",
		"一．加强学习",
		"不得使用“男女比例为3:2”的写法。",
		"— 1 —",
		"<!-- 注释 -->",
		"---",
		"完成１２３亿元，增长5%。",
		"第1-3季度，国办发〔2024〕5号。",
		"任务已完成.5月份启动。",
		"| 项目 | 比例 |\n|---|---|",
	}
	for _, s := range silent {
		if got := Detect(s); len(got) > 0 {
			t.Errorf("%q: want silence, got %+v", s, got)
		}
	}
}

func FuzzDetect(f *testing.F) {
	for _, s := range []string{"甲地-乙地段", "比例为3:2", "．５", "，　，", "—2026年在会议上", "诺尔曼•白求恩", "\xff--\xfe", ".5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, h := range Detect(s) {
			sp := h.Span
			if sp.Start < 0 || sp.End > len(s) || sp.Start >= sp.End {
				t.Fatalf("span %v out of range in %q", sp, s)
			}
			if !utf8.RuneStart(s[sp.Start]) || sp.End < len(s) && !utf8.RuneStart(s[sp.End]) {
				t.Fatalf("span %v not on a rune boundary in %q", sp, s)
			}
			if h.Suggestion != "" && !h.Certain {
				t.Fatalf("suggestion on an unsure hit: %+v", h)
			}
			if !h.Certain && !strings.Contains(h.Message, "疑似") {
				t.Fatalf("unsure hit without 疑似: %+v", h)
			}
		}
	})
}
