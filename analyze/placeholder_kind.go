package analyze

import (
	"github.com/reportlint/reportlint/analyze/internal/scan"
	"github.com/reportlint/reportlint/lexicon"
	"strings"
	"unicode/utf8"
)

// numberCues precede a missing quantity.
var numberCues = []string{"增长", "下降", "减少", "提高", "提升至", "提高到", "提高至", "增加", "达到", "达", "完成", "超过", "超", "突破",
	"共计", "共", "累计", "总计", "合计", "约", "近", "分别为", "比例为", "率为", "占比", "比重", "第", "排名", "排", "压缩", "增速",
	"指数", "降至", "降低", "不足", "逾", "高达", "仅", "同比", "环比"}

// durationCues make a following **年 a duration, not a date.
var durationCues = []string{"连续", "近", "满", "历时", "用了", "用", "工作", "任职", "从业", "坚持", "已有", "长达"}

// classifyBlank decides what a blank stands for from its neighbours.
func (ms *measures) classifyBlank(s string, b blank) (kind, unit string) {
	after := s[b.end:]
	before := s[:b.start]
	if strings.Contains(s[b.start:b.end], "年") || strings.HasPrefix(after, "年") && !scan.HasSuffixAny(before, durationCues) {
		return KindDate, ""
	}
	if strings.HasPrefix(after, "月") && !strings.HasPrefix(after, "月份以来") || strings.HasPrefix(after, "日") && !strings.HasPrefix(after, "日报") {
		return KindDate, ""
	}
	if strings.HasPrefix(after, "号") && strings.HasSuffix(before, "月") {
		return KindDate, ""
	}
	if strings.HasSuffix(before, "第") && !strings.HasSuffix(before, "次第") {
		if u := ms.leadingMeasure(after); u != "" {
			return KindNumber, u
		}
		return KindNumber, ""
	}
	// qualifiers and multipliers between the blank and its unit: **余篇, **万个
	rest := after
	prefix := ""
	for _, q := range []string{"余", "多", "万", "亿", "千"} {
		if strings.HasPrefix(rest, q) {
			prefix, rest = q, rest[len(q):]
			break
		}
	}
	if prefix == "余" || prefix == "多" {
		if u := ms.leadingMeasure(rest); u != "" {
			return KindNumber, u
		}
	}
	if prefix == "万" || prefix == "亿" || prefix == "千" {
		if u := ms.leadingMeasure(rest); u != "" {
			return KindNumber, prefix + u
		}
		if prefix != "千" {
			return KindNumber, prefix
		}
	}
	if prefix == "" {
		if u := ms.leadingMeasure(after); u != "" {
			if strings.HasPrefix(after, "年") {
				return KindNumber, "年"
			}
			return KindNumber, u
		}
	}
	// A cue alone (指数超**。, 增速**、) marks a number only when nothing
	// follows the blank in the clause: 提高**工作 names a field.
	if scan.HasSuffixAny(before, numberCues) && clauseEnd(after) {
		return KindNumber, ms.siblingUnit(after)
	}
	// digits on either side: 1*5, 3**
	if r, _ := utf8.DecodeLastRuneInString(before); scan.IsASCIIDigit(r) || r == '.' {
		return KindNumber, ""
	}
	return KindName, ""
}

// leadingMeasure returns the measure word at the start of s, unless s
// continues into a noun that merely starts with one.
func (ms *measures) leadingMeasure(s string) string {
	for _, nm := range ms.not {
		if strings.HasPrefix(s, nm) {
			return ""
		}
	}
	for _, m := range ms.words {
		if strings.HasPrefix(s, m) {
			return m
		}
	}
	return ""
}

// siblingUnit: in "增速**、增速连续" or "增长**、**％" the unit may come after
// a list of blanks; take the unit of the next blank in the same list.
func (ms *measures) siblingUnit(after string) string {
	for strings.HasPrefix(after, "、") {
		after = after[len("、"):]
		j := 0
		for j < len(after) && after[j] == '*' {
			j++
		}
		if j == 0 {
			return ""
		}
		after = after[j:]
		if u := ms.leadingMeasure(after); u != "" {
			return u
		}
	}
	return ""
}

// clauseEnd reports whether s starts with clause punctuation or is empty.
func clauseEnd(s string) bool {
	if s == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("，。；、：！？）”", r)
}

// measures are the lexicon's measure words (list measure-words) and the
// nouns that merely start with one (list not-measure).
type measures struct{ words, not []string }

func measuresFor(lex *lexicon.Lexicon) *measures {
	if lex == nil {
		return &measures{}
	}
	return &measures{words: lex.List(lexicon.ListMeasureWords), not: lex.List(lexicon.ListNotMeasure)}
}
