package analyze_test

import (
	"strings"
	"testing"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

// The bounded scans must keep the limits they replace: bracket content of
// at most 20 runes (any length when only space), emphasis of at most 80.
func TestBoundedScansKeepLimits(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		file, text string
		want       []string // blanks as written
	}{
		{"a.txt", "请在【请填写" + strings.Repeat("单", 17) + "】处签字。", []string{"【请填写" + strings.Repeat("单", 17) + "】"}},
		{"a.txt", "请在【请填写" + strings.Repeat("单", 18) + "】处签字。", nil},
		{"a.txt", "负责人（" + strings.Repeat(" ", 40) + "）签字。", []string{"（" + strings.Repeat(" ", 40) + "）"}},
		{"a.txt", "负责人（" + strings.Repeat("\u3000", 25) + "）签字。", []string{"（" + strings.Repeat("\u3000", 25) + "）"}},
		{"a.txt", "负责人（" + strings.Repeat(" ", 25) + "请填写）签字。", nil},
		{"a.txt", "负责人【请填写姓名签字。", nil},
		{"a.txt", "（说明）【待定】（" + strings.Repeat("未闭合", 30), []string{"【待定】"}},
		{"a.md", "我们**" + strings.Repeat("强", 80) + "**。", nil},
		{"a.md", "我们**" + strings.Repeat("强", 81) + "**。", []string{"**", "**"}},
		{"a.md", "我们*" + strings.Repeat("强", 80) + "*。", nil},
		{"a.md", "**重点**完成**个，" + strings.Repeat("甲", 200) + "**强调**", []string{"**"}},
	}
	for _, c := range cases {
		doc, err := segment.LoadBytes(c.file, []byte(c.text+"\n"), segment.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range analyze.FindPlaceholders(doc, lex) {
			got = append(got, p.Text)
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s %.40q…: blanks %q, want %q", c.file, c.text, got, c.want)
		}
	}
}

// Overlapping regions: the first directive's reason wins, an enable closes
// regions by rule id or by check, a bare enable with nothing open is unused.
func TestSuppressOverlapping(t *testing.T) {
	text := "2023年度工作总结\n" +
		"<!-- reportlint-disable placeholder: 原因甲 -->\n" +
		"<!-- reportlint-disable placeholder.number: 原因乙 -->\n" +
		"全年完成投资**亿元。\n" +
		"<!-- reportlint-enable placeholder.number -->\n" +
		"新增企业**家，负责人为某某。\n" +
		"<!-- reportlint-disable-next-line placeholder.name: 原因丙 -->\n" +
		"负责人为某某。<!-- reportlint-disable-line placeholder: 原因丁 -->\n" +
		"<!-- reportlint-enable placeholder -->\n" +
		"新增就业**人。\n" +
		"<!-- reportlint-enable -->\n" +
		"<!-- reportlint-disable-file placeholder.number: 原因戊 -->\n"
	res := runText(t, "a.txt", text, analyze.Options{})
	got := strings.Join(summary(res), "|")
	want := "4 placeholder.number S:原因甲|6 placeholder.number S:原因甲|6 placeholder.name S:原因甲|8 placeholder.name S:原因甲|" +
		"10 placeholder.number S:原因戊|11 suppression.unused"
	if got != want {
		t.Errorf("findings\n got %s\nwant %s", got, want)
	}
}
