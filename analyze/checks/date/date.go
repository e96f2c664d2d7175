// Package date wraps the date detector (package dates): shortened years,
// zero-padded months and days, 号 for 日, mixed numerals, dates that do not
// exist, wrong weekdays, year ranges and deadlines in the plans part that lie
// before the report's year.
package date

import (
	"strings"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/checks/internal/hitrep"
	"github.com/reportlint/reportlint/dates"
)

const (
	std9704  = "GB/T 9704—2012 第7.3.5.4条"
	std15835 = "GB/T 15835—2011"
	std15834 = "GB/T 15834—2011 第4.13.3.2条"
)

// Check reports date slips.
var Check = &analyze.Check{
	Name: "date",
	Doc: "日期写法（GB/T 15835—2011、GB/T 9704—2012）：年份简写（26年）、月日编虚位（08月01日）、用“号”代“日”、" +
		"汉字与阿拉伯数字混用（二〇二六年3月）、不存在的日期（2月30日）、星期与日期不符、年份范围的写法，" +
		"以及下一步打算中早于报告年度的完成时限（启发式）。",
	Severity: analyze.Warning,
	Rules: []*analyze.Rule{
		{ID: "date.two-digit-year", Title: "年份简写", Doc: "年份应写全称（2026年），不简写为“26年”“’26年”",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourceStandard, Standard: std9704, Fixable: true,
			Good: "2026年3月5日", Bad: "26年3月5日"},
		{ID: "date.zero-padded", Title: "月日编虚位", Doc: "月、日不编虚位：1月不写作01月，5日不写作05日",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourceStandard, Standard: std9704, Fixable: true,
			Good: "2026年8月1日", Bad: "2026年08月01日"},
		{ID: "date.hao", Title: "日期用了“号”", Doc: "公文中日期用“日”，不用口语的“号”（3月5号→3月5日）；门牌、文号中的“号”不报",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourcePractice, Fixable: true,
			Good: "3月5日召开会议", Bad: "3月5号召开会议"},
		{ID: "date.mixed", Title: "日期汉字与阿拉伯数字混用", Doc: "同一日期中的年、月、日应统一用阿拉伯数字或统一用汉字（同类别同形式）",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourceStandard, Standard: std15835, Fixable: true,
			Good: "2026年3月5日", Bad: "二〇二六年3月5日"},
		{ID: "date.invalid", Title: "日期不存在", Doc: "月份超出1—12，或日超出当月天数（2月30日、4月31日）",
			Severity: analyze.Error, Group: analyze.GroupUsage, Source: analyze.SourcePractice,
			Good: "2026年2月28日", Bad: "2026年2月30日"},
		{ID: "date.weekday", Title: "星期与日期不符", Doc: "括注的星期与公历日期不符；日期与星期哪个有误需人工核对，故不给改法",
			Severity: analyze.Error, Group: analyze.GroupUsage, Source: analyze.SourcePractice,
			Good: "2026年3月5日（星期四）", Bad: "2026年3月5日（星期三）"},
		{ID: "date.range", Title: "年份范围写法不规范", Doc: "起止年份用一字线“—”连接（2018—2020年），规划、纲要名称中的年份范围带“年”，括号用全角",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourceStandard, Standard: std15834, Fixable: true,
			Supersedes: []string{"punctuation.halfwidth", "punctuation.range"},
			Good:       "《规划（2018—2020年）》", Bad: "《规划(2018-2020)》"},
		{ID: "date.past-plan", Title: "疑似计划时限早于报告年度", Doc: "下一步打算、工作安排中的完成时限早于报告年度（已成过去），疑为年份笔误，请核实",
			Severity: analyze.Warning, Group: analyze.GroupConsistency, Source: analyze.SourcePractice, Heuristic: true,
			Good: "（2025年度报告）力争2026年底前完成。", Bad: "（2025年度报告）力争2024年底前完成。"},
	},
	NeedsRunes: true,
	Run:        run,
}

func run(p *analyze.Pass) error {
	opt := dates.Options{Year: p.Year}
	if p.Year > 0 {
		opt.InPlans = inPlans(p)
	}
	for _, h := range dates.DetectRunes(p.Runes(), opt) {
		hitrep.Report(p, h)
	}
	return nil
}

// planHeadWords mark a heading over plans (as the number check reads them).
var planHeadWords = []string{"打算", "计划", "思路", "下一步", "明年", "今后", "努力方向", "展望", "安排", "工作重点"}

// inPlans reports whether an offset stands in the outline's plans part or
// under a heading that names plans.
func inPlans(p *analyze.Pass) func(int) bool {
	nodes := p.Outline()
	memo := make([]int8, len(nodes))
	return func(off int) bool {
		n := p.NodeAt(off)
		if n < 0 {
			return false
		}
		if memo[n] == 0 {
			memo[n] = 1
			for k := n; k >= 0; k = nodes[k].Parent {
				if nodes[k].Implicit == analyze.KindPlans || nodes[k].Heading != nil && hasAny(nodes[k].Title, planHeadWords) {
					memo[n] = 2
					break
				}
			}
		}
		return memo[n] == 2
	}
}

func hasAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
