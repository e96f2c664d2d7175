// Package genre wraps the genre detector (package genre at the module root):
// a 报告 that asks for approval, forms of address that do not fit the reader,
// and relative time words that lose meaning once the report is filed.
package genre

import (
	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/checks/internal/hitrep"
	"github.com/reportlint/reportlint/genre"
)

// Check reports genre slips.
var Check = &analyze.Check{
	Name: "genre",
	Doc: "文种与行文：报告中夹带请示事项（请批示、妥否），上行报告称上级为“你局”“贵局”，" +
		"政府工作报告开头称“同志们”而通篇称“各位代表”，以及存档后失去参照的相对时间词（近日、目前，每篇只提示一次）。",
	Severity:    analyze.Warning,
	NeedsTokens: true,
	NeedsRunes:  true,
	Rules: []*analyze.Rule{
		{ID: "genre.request", Title: "报告中夹带请示事项", Doc: "报告不得夹带请示事项（“请批示”“妥否”“请审批”等），需要批复的事项应另行请示",
			Severity: analyze.Warning, Group: analyze.GroupStructure, Source: analyze.SourceParty, Standard: "《党政机关公文处理工作条例》第十五条",
			Good: "特此报告。", Bad: "以上报告妥否，请批示。"},
		{ID: "genre.address", Title: "称呼与行文方向不符", Doc: "述职报告、工作总结等上行报告中称上级为“你局”“贵单位”不妥（“你”“贵”用于下行、平行文）；" +
			"政府工作报告开头称“同志们”而通篇称“各位代表”，称呼前后不一",
			Severity: analyze.Warning, Group: analyze.GroupStructure, Source: analyze.SourcePractice,
			Good: "向市财政局报告如下。", Bad: "向你局报告如下。"},
		{ID: "genre.relative-time", Title: "相对时间词失去参照", Doc: "报告存档后“近日”“目前”“日前”失去参照，可写明具体日期；每篇只提示一次，其余位置列在相关位置中",
			Severity: analyze.Info, Group: analyze.GroupUsage, Source: analyze.SourcePractice,
			Good: "截至2026年3月底，已完成80%。", Bad: "目前已完成80%。"},
	},
	Run: run,
}

func run(p *analyze.Pass) error {
	opt := genre.Options{Tokens: p.Tokens()}
	if p.Profile != nil {
		opt.Profile = p.Profile.ID
		opt.Upward = p.Profile.ID == "duty-report" || p.Profile.ID == "annual-summary"
	}
	for _, h := range genre.DetectRunes(p.Doc.Text, p.Runes, opt) {
		hitrep.Report(p, h)
	}
	return nil
}
