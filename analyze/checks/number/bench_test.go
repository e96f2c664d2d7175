package number_test

import (
	"fmt"
	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/checks/number"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/segment"
)

// benchReport writes a report of about size bytes in the genre: numbered
// sections whose paragraphs carry figures, placeholders, ranges, Chinese
// numerals and fixed expressions.
func benchReport(size int) string {
	r := rand.New(rand.NewPCG(1, 2))
	sentences := []func() string{
		func() string {
			return fmt.Sprintf("全区规上工业增加值增长%.1f％，高于全市平均水平%.1f个百分点。", r.Float64()*12, r.Float64()*3)
		},
		func() string {
			return fmt.Sprintf("全年完成固定资产投资%.1f亿元，超年度目标%.1f亿元。", 40+r.Float64()*20, r.Float64()*5)
		},
		func() string {
			return fmt.Sprintf("全区新建5G基站%d个，累计建成%d个。", 500+r.IntN(500), 3000+r.IntN(2000))
		},
		func() string {
			return "快递业务量、业务收入分别为**亿件、**亿元，分别比上年增长**％、**％。"
		},
		func() string {
			return fmt.Sprintf("规上工业企业%d家，较上年新增%d家，其中高新技术企业%d家。", 300+r.IntN(50), 20+r.IntN(10), 100+r.IntN(50))
		},
		func() string {
			return "坚决拥护“两个确立”，落实“一岗双责”和“三会一课”制度，推动二十大部署落地。"
		},
		func() string {
			return fmt.Sprintf("在%d—%d月份，连续三年开展专项行动，出台十条措施，起草材料%d余篇。", 1+r.IntN(5), 6+r.IntN(6), 10+r.IntN(90))
		},
		func() string {
			return "全市软件业务营业额**亿元，增速**、连续**个季度领跑全省，规模排全省第**位。"
		},
		func() string {
			return fmt.Sprintf("整改完成率100％，谈心谈话%d余人次，发现问题%d项。", 50+r.IntN(100), r.IntN(30))
		},
		func() string {
			return "坚持把讲政治放在第一位，统一部署，进一步增强“四个意识”，推动两化融合和“十四五”规划落地见效。"
		},
	}
	var b strings.Builder
	b.WriteString("某区2023年工作总结\n")
	for sec := 1; b.Len() < size; sec++ {
		fmt.Fprintf(&b, "%s、第%d部分工作\n", segment.ChineseNumeral(sec%99+1), sec)
		for p := 1; p <= 8; p++ {
			fmt.Fprintf(&b, "（%s）", segment.ChineseNumeral(p))
			for k := 0; k < 6; k++ {
				b.WriteString(sentences[r.IntN(len(sentences))]())
			}
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// BenchmarkExtractClaims measures extraction throughput on a 1 MB report
// with gse tokens already cut (tokenizing is the segmenter's cost).
func BenchmarkExtractClaims(b *testing.B) {
	lex := testLexicon(b)
	text := benchReport(1 << 20)
	doc := segment.NewDocument("bench.txt", segment.FormatText, "utf-8", text, nil)
	toks := segment.NewFullSegmenter(lex.SegmentTerms()).Tokens(text)
	phs := analyze.FindPlaceholders(doc, lex)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		analyze.ExtractClaims(doc, phs, toks, lex)
	}
}

// BenchmarkNumberCheck measures extraction plus every number rule.
func BenchmarkNumberCheck(b *testing.B) {
	lex := testLexicon(b)
	text := benchReport(1 << 20)
	doc := segment.NewDocument("bench.txt", segment.FormatText, "utf-8", text, nil)
	toks := segment.NewFullSegmenter(lex.SegmentTerms()).Tokens(text)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		analyze.Run(doc, lex, analyze.Options{Checks: []*analyze.Check{number.Check}, Year: 2023, Tokenize: func(string) []segment.Token { return toks }})
	}
}
