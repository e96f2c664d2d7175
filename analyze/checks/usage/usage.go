// Package usage wraps the usage detector (package usage at the module root):
// small slips in dashes, interpuncts, place ranges, doubled marks, ratios,
// full-width digits and decimals.
package usage

import (
	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/checks/internal/hitrep"
	"github.com/reportlint/reportlint/usage"
)

const (
	std15834 = "GB/T 15834—2011"
	std15835 = "GB/T 15835—2011"
)

// Check reports small usage slips.
var Check = &analyze.Check{
	Name: "usage",
	Doc: "标点与数字的小用法：破折号写成“--”或单个短横、间隔号写成“•”、地名起止用连接号“-”、" +
		"标点重复且中间夹空格、比例用冒号、全文只用全角数字、小数缺少整数位的“0”。" +
		"已由 punctuation、number 检查覆盖的（2013-2015年、，，、全半角数字混用）不重复报告。",
	Severity: analyze.Warning,
	Rules: []*analyze.Rule{
		{ID: "usage.dash", Title: "破折号写法不规范", Doc: "破折号应为两个“—”占两个字的位置（——），不用“--”或单个短横",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourceStandard, Standard: std15834, Fixable: true,
			Good: "主要任务——稳增长。", Bad: "主要任务--稳增长。"},
		{ID: "usage.interpunct", Title: "间隔号写法不规范", Doc: "分隔外国人名各部分、书名与篇名用间隔号“·”，不用“•”；用“．”分隔的只提示核实",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourceStandard, Standard: std15834, Fixable: true,
			Good: "卡尔·马克思", Bad: "卡尔•马克思"},
		{ID: "usage.place-range", Title: "地名起止用了短横", Doc: "表示地点的起止用一字线“—”（北京—上海），不用短横“-”",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourceStandard, Standard: std15834 + " 第4.13.3.2条", Fixable: true,
			Good: "京沪高铁北京—天津段", Bad: "京沪高铁北京-天津段"},
		{ID: "usage.repeated-spaced", Title: "标点重复（中间有空格）", Doc: "同一标点中间隔着空格重复出现（“； ；”），应只保留一个",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourceStandard, Standard: std15834, Fixable: true,
			Good: "稳增长；促改革。", Bad: "稳增长； ；促改革。"},
		{ID: "usage.ratio", Title: "比例用了冒号", Doc: "表示比例用比号“∶”，不用冒号“:”或“：”",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourceStandard, Standard: std15835, Fixable: true,
			Good: "男女比例为1∶1.2。", Bad: "男女比例为1:1.2。"},
		{ID: "usage.fullwidth-digit", Title: "使用了全角数字", Doc: "阿拉伯数字应使用半角形式（GB/T 15835—2011），即使全文没有半角数字",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourceStandard, Standard: std15835, Fixable: true,
			Good: "完成投资12亿元。", Bad: "完成投资１２亿元。"},
		{ID: "usage.leading-zero", Title: "小数缺少整数位", Doc: "小于1的小数应写出整数位的“0”（0.5），不写“.5”",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourceStandard, Standard: std15835, Fixable: true,
			Good: "增长0.5个百分点。", Bad: "增长.5个百分点。"},
	},
	NeedsRunes: true,
	Run: func(p *analyze.Pass) error {
		for _, h := range usage.DetectRunes(p.Runes()) {
			hitrep.Report(p, h)
		}
		return nil
	},
}
