package placeholder

import "github.com/reportlint/reportlint/analyze"

// Check is the check that reports unfilled blanks.
var Check = &analyze.Check{
	Name:     "placeholder",
	Doc:      "未填写的占位符：**、＊、XX、××、○○、某某、空括号【 】或（待补充）、下划线空格、TODO/TBD/待定。按缺失内容分为数字、名称、日期三类。",
	Severity: analyze.Error,
	Rules: []*analyze.Rule{
		{ID: "placeholder.number", Title: "数字未填写", Doc: "缺失的数量（单位、量词前，或“增长”“达到”“第…位”之后）",
			Severity: analyze.Error, Group: analyze.GroupCompleteness, Source: analyze.SourcePractice,
			Good: "全年完成投资12.5亿元。", Bad: "全年完成投资**亿元。"},
		{ID: "placeholder.name", Title: "名称未填写", Doc: "被遮盖或未填写的名称（单位、人员、会议、文件标题等）",
			Severity: analyze.Error, Group: analyze.GroupCompleteness, Source: analyze.SourcePractice,
			Good: "在市委组织部的指导下开展工作。", Bad: "在××部的指导下开展工作。"},
		{ID: "placeholder.date", Title: "日期未填写", Doc: "未填写的日期（××年×月×日）",
			Severity: analyze.Error, Group: analyze.GroupCompleteness, Source: analyze.SourcePractice,
			Good: "2023年3月15日召开专题会议。", Bad: "××年×月×日召开专题会议。"},
	},
	Run: runPlaceholder,
	Collect: func(a *analyze.Analysis, res *analyze.Result) {
		res.Placeholders = a.Placeholders()
		res.Completeness = a.Completeness()
	},
}

func runPlaceholder(p *analyze.Pass) error {
	for _, ph := range p.Placeholders() {
		msg := "未填写的占位符“" + ph.Text + "”"
		switch ph.Kind {
		case analyze.KindNumber:
			msg = "数字未填写：“" + ph.Text + "”处缺少数值"
			if ph.Unit != "" {
				msg += "（单位：" + ph.Unit + "）"
			}
		case analyze.KindDate:
			msg = "日期未填写：“" + ph.Text + "”处缺少具体日期"
		case analyze.KindName:
			msg = "名称未填写：“" + ph.Text + "”处缺少单位、人员、会议或文件名称"
		}
		p.Report(analyze.Finding{Rule: ph.Kind, Span: ph.Span,
			Message: msg + "。上下文：" + ph.Excerpt, Suggestion: "填写实际内容后删除占位符"})
	}
	return nil
}
