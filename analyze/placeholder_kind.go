package analyze

import (
	"github.com/reportlint/reportlint/analyze/internal/scan"
	"strings"
	"unicode/utf8"
)

// measureWords follow a missing quantity. Longer entries come first where
// one is a prefix of another.
var measureWords = []string{
	"个百分点", "百分点", "个工作日", "个月", "人次", "家次", "户次", "千瓦时", "平方米", "平方公里", "公里", "千米", "公顷",
	"亿美元", "美元", "亿元", "万元", "千元", "元",
	"％", "%", "‰", "倍", "位", "个", "家", "项", "次", "期", "人", "名", "件", "篇", "条", "场", "户", "台", "套",
	"天", "周", "年", "座", "所", "批", "类", "款", "部", "册", "份", "本", "张", "辆", "架", "栋", "种", "例",
	"起", "宗", "笔", "单", "届", "轮", "站", "亩", "吨", "米", "度", "小时", "分钟", "点", "级", "GB", "TB", "PB", "MW", "kW",
}

// notMeasure are words that begin with a measure word but name something:
// **期间, **人民政府, **项目, **日报.
var notMeasure = []string{"期间", "人民", "人大", "项目", "日报", "条例", "场景", "台账", "天然", "类型", "批示", "名单", "名称",
	"部署", "部门", "部分", "种类", "本级", "本部", "单位", "站点", "座谈", "级别", "点位", "年度", "年代", "度假", "次序",
	"家庭", "家园", "篇章", "条件", "次要", "所属", "户外", "周边", "周年", "起草", "起步", "份额", "笔记", "元旦", "位置", "米粮", "吨位", "件事"}

// numberCues precede a missing quantity.
var numberCues = []string{"增长", "下降", "减少", "提高", "提升至", "提高到", "提高至", "增加", "达到", "达", "完成", "超过", "超", "突破",
	"共计", "共", "累计", "总计", "合计", "约", "近", "分别为", "比例为", "率为", "占比", "比重", "第", "排名", "排", "压缩", "增速",
	"指数", "降至", "降低", "不足", "逾", "高达", "仅", "同比", "环比"}

// durationCues make a following **年 a duration, not a date.
var durationCues = []string{"连续", "近", "满", "历时", "用了", "用", "工作", "任职", "从业", "坚持", "已有", "长达"}

// classifyBlank decides what a blank stands for from its neighbours.
func classifyBlank(s string, b blank) (kind, unit string) {
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
		if u := leadingMeasure(after); u != "" {
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
		if u := leadingMeasure(rest); u != "" {
			return KindNumber, u
		}
	}
	if prefix == "万" || prefix == "亿" || prefix == "千" {
		if u := leadingMeasure(rest); u != "" {
			return KindNumber, prefix + u
		}
		if prefix != "千" {
			return KindNumber, prefix
		}
	}
	if prefix == "" {
		if u := leadingMeasure(after); u != "" {
			if strings.HasPrefix(after, "年") {
				return KindNumber, "年"
			}
			return KindNumber, u
		}
	}
	// A cue alone (指数超**。, 增速**、) marks a number only when nothing
	// follows the blank in the clause: 提高**工作 names a field.
	if scan.HasSuffixAny(before, numberCues) && clauseEnd(after) {
		return KindNumber, siblingUnit(after)
	}
	// digits on either side: 1*5, 3**
	if r, _ := utf8.DecodeLastRuneInString(before); scan.IsASCIIDigit(r) || r == '.' {
		return KindNumber, ""
	}
	return KindName, ""
}

// leadingMeasure returns the measure word at the start of s, unless s
// continues into a noun that merely starts with one.
func leadingMeasure(s string) string {
	for _, nm := range notMeasure {
		if strings.HasPrefix(s, nm) {
			return ""
		}
	}
	for _, m := range measureWords {
		if strings.HasPrefix(s, m) {
			return m
		}
	}
	return ""
}

// siblingUnit: in "增速**、增速连续" or "增长**、**％" the unit may come after
// a list of blanks; take the unit of the next blank in the same list.
func siblingUnit(after string) string {
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
		if u := leadingMeasure(after); u != "" {
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
