package typo

import (
	"strings"
	"sync"
	"testing"

	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

var (
	fuzzOnce sync.Once
	fuzzDet  *Detector
	fuzzLex  *lexicon.Lexicon
)

// FuzzFind checks that Find never panics and returns ordered, disjoint hits
// that cover what they say, with real tokens and arbitrary protect spans.
func FuzzFind(f *testing.F) {
	for _, s := range []string{"会议对全年工作部暑作了安排。", "参会人数大约300人左右。", "稳步推近各项改革。",
		"不得使用“部暑”的写法。", "大约…左右", "超过5以上", "“", "《幅射", "\xff\xfe部", "过渡假期"} {
		f.Add(s, 0, 3)
	}
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		fuzzOnce.Do(func() {
			fuzzLex, _ = lexicon.Default()
			fuzzDet = New(fuzzLex)
		})
		if len(text) > 4096 {
			return
		}
		seg := segment.NewSegmenterFor([]string{text}, nil)
		protect := []segment.Span{{Start: a, End: b}, {Start: b, End: a}}
		for _, toks := range [][]segment.Token{seg.Tokens(text), nil} {
			hits := fuzzDet.Find(text, toks, protect)
			prev := 0
			for _, h := range hits {
				s := h.Span
				if s.Start < prev || s.End <= s.Start || s.End > len(text) {
					t.Fatalf("bad span %+v (prev end %d) in %q", s, prev, text)
				}
				if text[s.Start:s.End] != h.Wrong || h.Right == "" || h.Right == h.Wrong {
					t.Fatalf("bad hit %+v in %q", h, text)
				}
				if a < b && s.Start < b && a < s.End {
					t.Fatalf("hit %+v in protected [%d,%d) of %q", h, a, b, text)
				}
				if !strings.Contains(h.Message(), h.Wrong) {
					t.Fatalf("message %q lacks %q", h.Message(), h.Wrong)
				}
				prev = s.End
			}
		}
	})
}
