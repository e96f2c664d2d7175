package number

import (
	"fmt"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

// longSentence writes one sentence with n figures of every shape the
// number rules look back over: a total with 其中 parts, 新建 and 累计, 超…目标,
// 由A提高到B, growth rates and one metric stated n times.
func longSentence(n int) string {
	var b strings.Builder
	b.WriteString("某区2023年工作总结\n全区新建项目900个，其中")
	for i := 0; i < n; i++ {
		switch i % 5 {
		case 0:
			fmt.Fprintf(&b, "产业项目%d个、", 10+i%7)
		case 1:
			fmt.Fprintf(&b, "新建5G基站%d个、累计建成5G基站%d个、", 100+i%9, 3000+i)
		case 2:
			fmt.Fprintf(&b, "完成投资%d亿元、超年度目标%d亿元、", 50+i%11, 1+i%3)
		case 3:
			fmt.Fprintf(&b, "覆盖率由%d％提高到%d％、", 80+i%5, 85+i%7)
		default:
			fmt.Fprintf(&b, "全区规上工业增加值%d亿元、同比增长%d％、", 300+i%13, 5+i%4)
		}
	}
	b.WriteString("民生项目12个。\n")
	return b.String()
}

// TestNumberWorkLinear checks that the rules' inner loops are bounded per
// claim: doubling the figures of one sentence at most about doubles the
// work (a quadratic scan would quadruple it).
func TestNumberWorkLinear(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	seg := segment.NewFullSegmenter(lex.SegmentTerms())
	countWork = true
	defer func() { countWork = false }()
	measure := func(n int) int {
		text := longSentence(n)
		doc := segment.NewDocument("w.txt", segment.FormatText, "utf-8", text, nil)
		toks := seg.Tokens(text)
		work = 0
		analyze.Run(doc, lex, analyze.Options{Checks: []*analyze.Check{Check}, Year: 2023,
			Tokenize: func(string) []segment.Token { return toks }})
		return work
	}
	w1, w2 := measure(150), measure(300)
	if w1 == 0 {
		t.Fatal("work counter not advanced: the loops are not measured")
	}
	if float64(w2) > 2.4*float64(w1) {
		t.Errorf("work grows faster than linearly: %d figures → %d steps, %d figures → %d steps", 150, w1, 300, w2)
	}
}
