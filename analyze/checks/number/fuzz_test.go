package number_test

import (
	"encoding/json"
	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/checks/number"
	"github.com/reportlint/reportlint/lexicon"
	"math"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/reportlint/reportlint/segment"
)

var (
	fuzzSegOnce sync.Once
	fuzzSeg     *segment.Segmenter
)

// FuzzExtractClaims feeds arbitrary text to the extractor and the number
// check: no panic, and every claim is a well-formed slice of the text.
func FuzzExtractClaims(f *testing.F) {
	for _, s := range []string{
		"全市收入12.5亿元，同比增长100％，新建3.45万个基站，起草材料10余个。",
		"9—10月份，连续三年，二〇二二年，一百二十人，百分之十二，三四个月，十余万元。",
		"增长10%～20%，15～30%，9～16亿元，3亿4千万元，近200余人，不到30个左右，第3名。",
		"软件营业额**亿元，增速**、连续**个季度，排名第**位，其中**家，*项获国家级奖励10亿元。",
		"客运量、货运量分别为**万人次、**万吨，分别比上年增长**％、**％。",
		"今年（2021年）以来，2022年是关键之年，我将始终坚持。",
		"１２３万人次，1,234.5万元，010-88842603，2022-10-16，9:30，PM2.5，5G，G20。",
		"一、总体\n（一）做法\n1.学习\n《关于十条措施》“两个确立”",
		// issue 17 item 6: 38 × 亿 made +Inf and sank the JSON output
		"完成九千九百九十九万" + strings.Repeat("亿", 38) + "元。",
		"完成9999万" + strings.Repeat("亿", 38) + "元，增长1" + strings.Repeat("0", 400) + "％。",
	} {
		f.Add(s)
	}
	lex := testLexicon(f)
	f.Fuzz(func(t *testing.T, text string) {
		fuzzSegOnce.Do(func() {
			fuzzSeg = segment.NewSegmenterFor([]string{"全市收入增长亿元万个基站企业"}, lex.SegmentTerms())
		})
		doc := segment.NewDocument("f.txt", segment.FormatText, "utf-8", text, nil)
		toks := fuzzSeg.Tokens(doc.Text)
		valid := utf8.ValidString(doc.Text) // decoded documents are; raw bytes need not be
		for _, tk := range [][]segment.Token{toks, nil} {
			cs := analyze.ExtractClaims(doc, analyze.FindPlaceholders(doc, lex), tk, lex)
			prevEnd := 0
			for _, c := range cs {
				if c.Start < prevEnd || c.Start >= c.Span.End || c.Span.End > len(doc.Text) {
					t.Fatalf("bad span %v after %d in %q", c.Span, prevEnd, doc.Text)
				}
				prevEnd = c.Span.End
				if valid && (!utf8.RuneStart(doc.Text[c.Start]) || c.Span.End < len(doc.Text) && !utf8.RuneStart(doc.Text[c.Span.End])) {
					t.Fatalf("span %v splits a rune in %q", c.Span, doc.Text)
				}
				if c.Text != doc.Slice(c.Span) || c.Pos != doc.Position(c.Start) || c.EndPos != doc.Position(c.Span.End) {
					t.Fatalf("claim %q does not match its span %v", c.Text, c.Span)
				}
				if c.Unfilled != (c.Value == nil) || c.Value != nil && (math.IsNaN(*c.Value) || math.IsInf(*c.Value, 0)) {
					t.Fatalf("claim %q: unfilled %v value %v", c.Text, c.Unfilled, c.Value)
				}
				if c.RangeEnd != nil && (c.Value == nil || math.IsNaN(*c.RangeEnd) || math.IsInf(*c.RangeEnd, 0)) {
					t.Fatalf("claim %q: range end %v", c.Text, *c.RangeEnd)
				}
				if c.MetricSpan.Len() > 0 && doc.Slice(c.MetricSpan) != c.Metric {
					t.Fatalf("claim %q: metric %q, span gives %q", c.Text, c.Metric, doc.Slice(c.MetricSpan))
				}
				if strings.ContainsAny(c.Metric, "\n") {
					t.Fatalf("claim %q: metric %q crosses a line", c.Text, c.Metric)
				}
			}
		}
		res := analyze.Run(doc, lex, analyze.Options{Checks: []*analyze.Check{number.Check}, Tokenize: fuzzSeg.Tokens})
		for _, fd := range res.Findings {
			if strings.HasSuffix(fd.Rule, ".internal") {
				t.Fatalf("%s on %q", fd.Message, doc.Text)
			}
			if fd.Span.Start < 0 || fd.Span.End > len(doc.Text) || fd.Span.Start > fd.Span.End {
				t.Fatalf("finding %s span %v out of text", fd.Rule, fd.Span)
			}
		}
	})
}

// TestHugeNumberStaysFinite is issue 17 item 6: a number of 38 × 亿 was
// +Inf and made the JSON output fail for every file.
func TestHugeNumberStaysFinite(t *testing.T) {
	text := "2022年工作总结\n完成九千九百九十九万" + strings.Repeat("亿", 38) + "元。全年完成投资12亿元。\n"
	doc := segment.NewDocument("f.txt", segment.FormatText, "utf-8", text, nil)
	res := analyze.Run(doc, testLexicon(t), analyze.Options{Checks: []*analyze.Check{number.Check}})
	found := false
	for _, c := range res.Numbers {
		if c.Value != nil && (math.IsInf(*c.Value, 0) || math.IsNaN(*c.Value)) {
			t.Fatalf("claim %q has value %v", c.Text, *c.Value)
		}
		found = found || c.Value != nil && *c.Value == 12e8
	}
	if !found {
		t.Errorf("the ordinary claim 12亿元 was lost: %+v", res.Numbers)
	}
	if _, err := json.Marshal(res); err != nil {
		t.Fatal(err)
	}
}

func testLexicon(t testing.TB) *lexicon.Lexicon {
	t.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	return lex
}
