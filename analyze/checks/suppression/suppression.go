// Package suppression declares the rules about reportlint directives. The
// suppression engine itself is part of the driver (package analyze).
package suppression

import "github.com/reportlint/reportlint/analyze"

// Check owns the findings about the directives themselves. Its
// Run does nothing: they are produced by the driver's suppression step,
// which needs every other check's findings to tell a used directive from an
// unused one. The check exists so its rules are documented and can be
// disabled, re-levelled and filtered like any other.
var Check = &analyze.Check{
	Name: "suppression",
	Doc: "忽略指令（<!-- reportlint-disable 检查: 原因 -->，或 Word 批注“reportlint-disable 检查: 原因”）本身的问题：" +
		"缺少原因、检查名未知、写法有误、没有忽略任何问题。",
	Severity: analyze.Warning,
	Rules: []*analyze.Rule{
		{ID: "suppression.no-reason", Title: "忽略指令没有写原因", Doc: "忽略指令没有写原因，因而不生效",
			Severity: analyze.Warning, Group: analyze.GroupMeta, Source: analyze.SourcePractice,
			Good: "<!-- reportlint-disable-next-line placeholder -- 模板示例 -->", Bad: "<!-- reportlint-disable-next-line placeholder -->"},
		{ID: "suppression.unknown-check", Title: "忽略指令中的名称不存在", Doc: "忽略指令中的检查名或规则名不存在",
			Severity: analyze.Warning, Group: analyze.GroupMeta, Source: analyze.SourcePractice,
			Good: "<!-- reportlint-disable-next-line placeholder -- 模板示例 -->", Bad: "<!-- reportlint-disable-next-line placehold -- 模板示例 -->"},
		{ID: "suppression.malformed", Title: "无法识别的忽略指令", Doc: "无法识别的 reportlint- 指令，或没有写要忽略的检查",
			Severity: analyze.Warning, Group: analyze.GroupMeta, Source: analyze.SourcePractice,
			Good: "<!-- reportlint-disable-next-line placeholder -- 模板示例 -->", Bad: "<!-- reportlint-ignore placeholder -->"},
		{ID: "suppression.unused", Title: "忽略指令未生效", Doc: "忽略指令没有忽略任何问题（可删除），或 reportlint-enable 前没有对应的 reportlint-disable",
			Severity: analyze.Warning, Group: analyze.GroupMeta, Source: analyze.SourcePractice,
			Good: "指令下一行确有被忽略的问题。", Bad: "指令下一行没有任何问题。"},
	},
	Run: func(*analyze.Pass) error { return nil },
}
