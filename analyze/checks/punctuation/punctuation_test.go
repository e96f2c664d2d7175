package punctuation_test

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/analyzetest"
	"github.com/reportlint/reportlint/analyze/checks/consistency"
	"github.com/reportlint/reportlint/analyze/checks/punctuation"
	"github.com/reportlint/reportlint/analyze/checks/wording"
	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

func TestPunctuationFixtures(t *testing.T) {
	analyzetest.Run(t, "testdata", punctuation.Check)
}

// TestPrecisionFixtures runs the shapes that fired falsely on real reports (issue 11).
func TestPrecisionFixtures(t *testing.T) {
	for _, f := range []string{"punctuation_unpaired.txt", "punctuation_dunhao_conj.txt", "punctuation_dunhao_quoted.txt"} {
		t.Run(f, func(t *testing.T) {
			analyzetest.RunFile(t, "../../../testdata/precision/"+f, punctuation.Check)
		})
	}
}

// FuzzTextChecks runs the punctuation, wording and consistency checks over
// arbitrary text: no check may fail, and every span must cut the text on
// rune boundaries.
func FuzzTextChecks(f *testing.F) {
	seeds := []string{
		"库、等储备，“两个确立、做到“两个维护”。", "（一）、健全制度；第一、加强学习", "2013-2015年3~5次2013——2015年",
		"会议于9:30召开,历时2小时.", "[链接](https://a.b/c?(d))`代码`", "。。。...……等", "增速**、增速连续", "分管对外科、项目科。\n组织对外处",
		"《《》", "”“", "(", "、", "-5", "截止2023", "“", "\"中\"", "a’b", "1）", "……",
		"下载\n【字号：\n加大\n】\n2026年某省政府工作报告\n——2026年1月20日在某省第十四届人民代表大会第四次会议上\n各位代表：\n",
		"推进“强校工程”、“三名”建设、“青蓝计划”，“稳就业”、“保民生”工作", "向人大报告、与工商联沟通、等不起",
		"一、2025年工作回顾\n附件：1. 清单\n2．测算表\n名词解释\n1.甲：乙。", "“双向\n对接\n服务”",
	}
	for _, s := range seeds {
		f.Add(s, false)
		f.Add(s, true)
	}
	lex, err := lexicon.Default()
	if err != nil {
		f.Fatal(err)
	}
	checks := []*analyze.Check{punctuation.Check, wording.Check, consistency.Check}
	// One segmenter for all inputs: building one per input is too slow under
	// fuzzing instrumentation, and any token stream must be handled.
	seg := segment.NewSegmenterFor(append(seeds, "全年完成重点项目储备库和应用场景库建设，研究研究工作工作的的"), nil)
	f.Fuzz(func(t *testing.T, s string, md bool) {
		if !utf8.ValidString(s) {
			s = strings.ToValidUTF8(s, "\uFFFD")
		}
		format := segment.FormatText
		if md {
			format = segment.FormatMarkdown
		}
		doc := newDocOrSkip(t, format, s)
		res := analyze.Run(doc, lex, analyze.Options{Checks: checks, Tokenize: seg.Tokens})
		for _, fd := range res.Findings {
			if strings.HasSuffix(fd.Rule, ".internal") {
				t.Fatalf("%s on %q", fd.Message, s)
			}
			sp := fd.Span
			if sp.Start < 0 || sp.End > len(s) || sp.Start > sp.End || !utf8.RuneStart(s[min(sp.Start, len(s)-1)]) ||
				(sp.End < len(s) && !utf8.RuneStart(s[sp.End])) {
				t.Fatalf("bad span %v for %s in %q", sp, fd.Rule, s)
			}
			if fd.Message == "" {
				t.Fatalf("empty message for %s in %q", fd.Rule, s)
			}
		}
	})
}

// newDocOrSkip builds a document; inputs the segment package itself cannot
// load are its fuzz target's business (FuzzNewDocument), not these checks'.
func newDocOrSkip(t *testing.T, format segment.Format, s string) (doc *segment.Document) {
	defer func() {
		if r := recover(); r != nil {
			t.Skipf("segment.NewDocument panics on %q: %v", s, r)
		}
	}()
	return segment.NewDocument("f", format, "utf-8", s, nil)
}

// BenchmarkTextChecks measures the three checks on a sample report, with
// tokens computed once outside the loop (they are shared by all checks).
func BenchmarkTextChecks(b *testing.B) {
	data, err := os.ReadFile("../../../testdata/segment/zhengfu_baogao.txt")
	if err != nil {
		b.Skip(err)
	}
	lex, err := lexicon.Default()
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	toks := segment.NewSegmenterFor([]string{text}, lex.SegmentTerms()).Tokens(text)
	for _, c := range []*analyze.Check{punctuation.Check, wording.Check, consistency.Check} {
		b.Run(c.Name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				doc := segment.NewDocument("r.txt", segment.FormatText, "utf-8", text, nil)
				analyze.Run(doc, lex, analyze.Options{Checks: []*analyze.Check{c},
					Tokenize: func(string) []segment.Token { return toks }})
			}
		})
	}
}
