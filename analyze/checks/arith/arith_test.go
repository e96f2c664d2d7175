package arith_test

import (
	"testing"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/analyzetest"
	"github.com/reportlint/reportlint/analyze/checks/arith"
)

func TestArithFixtures(t *testing.T) {
	analyzetest.Run(t, "testdata", arith.Check)
}

// FuzzArith checks that the arithmetic rules never panic and keep their
// spans inside the text.
func FuzzArith(f *testing.F) {
	for _, s := range []string{"资金10万元、20万元，合计70万元。", "共有企业200家，其中A50家，占30%。",
		"收入由100亿元增长到120亿元，增长25%。", "下降了3倍", "合计", "由0元增长到0元，增长0%。", "共0家，其中0家，占0%。"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		res, err := analyzetest.Check("fuzz.txt", s, analyze.Options{}, arith.Check)
		if err != nil {
			return
		}
		for _, fd := range res.Findings {
			if fd.Span.Start < 0 || fd.Span.End > len(s) || fd.Span.Start > fd.Span.End {
				t.Fatalf("span %v outside %q", fd.Span, s)
			}
		}
	})
}
