package cmd

import (
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
)

// genText is n characters of report-like text drawn by r: mostly Han,
// some full-width punctuation, digits, ids and the odd ASCII word.
func genText(r *rand.Rand, n int) string {
	const han = "坚持深研细读重学习结合实际守遵循不折扣抓落实政务保障服务机关运行聚焦主责主业认真推进高质量发展统揽抢抓文件政策机遇"
	hanRunes := []rune(han)
	pieces := []string{"，", "。", "、", "【**】", "“", "”", "（", "）", "2022年", "15.6%", "5G", "number.missing-unit", " ", "**", "％", "……"}
	var b strings.Builder
	for w := 0; w < n; {
		if r.IntN(5) == 0 {
			p := pieces[r.IntN(len(pieces))]
			b.WriteString(p)
			w += len([]rune(p))
			continue
		}
		b.WriteRune(hanRunes[r.IntN(len(hanRunes))])
		w++
	}
	return b.String()
}

// placeholderRows imitates `placeholders`: a position, a kind, a unit, a
// 26-character excerpt and a section title shortened to 16.
func placeholderRows(seed uint64, n int) [][]string {
	r := rand.New(rand.NewPCG(seed, 1))
	kinds := []string{"名称", "数字", "日期"}
	units := []string{"", "", "期", "万元", "%", "个"}
	rows := make([][]string, n)
	for i := range rows {
		section := ""
		if r.IntN(4) > 0 {
			section = genText(r, 4+r.IntN(12))
			if r.IntN(3) == 0 {
				section += "…"
			}
		}
		rows[i] = []string{fmt.Sprintf("%d:%d", 3+i/4, 1+r.IntN(300)), kinds[r.IntN(3)], units[r.IntN(len(units))], genText(r, 26), section}
	}
	return rows
}

var placeholderHeader = []string{"位置", "类型", "单位", "上下文", "所在章节"}

// findingRows imitates check's findings table: a rule id, positions with
// quoted text on several lines, a long message and a suggestion.
func findingRows(seed uint64, n int) [][]string {
	r := rand.New(rand.NewPCG(seed, 2))
	ids := []string{"number.missing-unit", "consistency.unit-name", "punctuation.dunhao-quoted", "formulation.outdated", "date.weekday"}
	rows := make([][]string, n)
	for i := range rows {
		pos := fmt.Sprintf("%d:%d “%s”", 1+i, 1+r.IntN(200), genText(r, 2+r.IntN(8)))
		if r.IntN(3) == 0 {
			pos += fmt.Sprintf("\n%d:%d “%s”", 1+r.IntN(100), 1+r.IntN(200), genText(r, 2+r.IntN(8)))
		}
		rows[i] = []string{ids[r.IntN(len(ids))], pos, genText(r, 20+r.IntN(60)), genText(r, r.IntN(12))}
	}
	return rows
}

var findingHeader = []string{"规则", "位置与原文", "问题", "建议"}

func benchRender(b *testing.B, width int, header []string, rows [][]string) {
	b.ReportAllocs()
	for b.Loop() {
		if err := renderTable(io.Discard, width, header, rows); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderTable covers the tables `placeholders` and `check` print:
// the seed's 123 placeholders, the 2 MB report's ≈12,300, and a findings
// table with multi-line cells, off a terminal and wrapped at 80 and 200.
func BenchmarkRenderTable(b *testing.B) {
	ph123, ph12k := placeholderRows(1, 123), placeholderRows(2, 12300)
	fd := findingRows(3, 200)
	b.Run("placeholders123", func(b *testing.B) { benchRender(b, 0, placeholderHeader, ph123) })
	b.Run("placeholders123/w80", func(b *testing.B) { benchRender(b, 80, placeholderHeader, ph123) })
	b.Run("placeholders12300", func(b *testing.B) { benchRender(b, 0, placeholderHeader, ph12k) })
	b.Run("findings200", func(b *testing.B) { benchRender(b, 0, findingHeader, fd) })
	b.Run("findings200/w80", func(b *testing.B) { benchRender(b, 80, findingHeader, fd) })
	b.Run("findings200/w200", func(b *testing.B) { benchRender(b, 200, findingHeader, fd) })
}
