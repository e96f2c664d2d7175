package scan

import (
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/segment"
)

// citeAfter follow a wording that is named rather than used:
// “一带一路”战略的提法, “台湾政府”等说法.
var citeAfter = []string{"的提法", "的说法", "的表述", "的称谓", "的称呼", "的写法", "等提法", "等说法", "等表述", "这一提法", "这种提法",
	"这一说法", "这种说法", "一词", "字样"}

// citeBefore precede a wording that is named rather than used: 不得使用
// “台湾政府”, 不再称…
var citeBefore = []string{"不得使用", "不再使用", "不使用", "不要使用", "不宜使用", "不能使用", "避免使用", "禁止使用", "禁用", "不用",
	"不得称", "不再称", "不称", "不提", "改称", "不再提"}

// CitedAsWrong reports whether the wording at sp is quoted as a wording
// (不得使用“台湾政府”的提法, “一带一路”战略的提法) rather than used.
func CitedAsWrong(text string, sp segment.Span) bool {
	if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
		return false
	}
	after := text[sp.End:]
	for _, q := range []string{"”", "’", "\"", "」"} {
		if strings.HasPrefix(after, q) {
			after = after[len(q):]
			break
		}
	}
	if HasPrefixAny(after, citeAfter) {
		return true
	}
	// the clause before, at most 12 runes
	i := sp.Start
	for k := 0; k < 12 && i > 0; k++ {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if strings.ContainsRune("。！？；，,;\n", r) {
			break
		}
		i -= n
	}
	before := strings.TrimRight(text[i:sp.Start], "“‘\"「")
	return HasSuffixAny(before, citeBefore)
}
