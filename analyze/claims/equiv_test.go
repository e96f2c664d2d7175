package claims

// Fuzzers that hold the extractor's shortcuts to what they replace.

import (
	"slices"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/segment"
)

// FuzzSentences holds the extractor's byte-level sentence split to
// segment's Document.Sentences, on every paragraph and on the whole text.
func FuzzSentences(f *testing.F) {
	for _, s := range []string{"增长5％。“引文。”《书名；》下降3％！其中？", "（注：一。）末尾 \u3000", "\xe2\xe2\x80\x9c。\xef\xbc", "a。\n\u200b", "】】。「」"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc := segment.NewDocument("f.txt", segment.FormatText, "utf-8", s, nil)
		x := &extractor{doc: doc}
		spans := []segment.Span{{Start: 0, End: len(s)}}
		for _, p := range doc.Paragraphs {
			spans = append(spans, p.Span)
		}
		for _, sp := range spans {
			if got, want := x.sentences(sp), doc.Sentences(sp); !slices.Equal(got, want) {
				t.Fatalf("sentences(%q, %v) = %v, want %v", s, sp, got, want)
			}
		}
	})
}

// FuzzContainsPair holds containsPair(s, a, b) to strings.Contains(s, a+b).
func FuzzContainsPair(f *testing.F) {
	f.Add("两两个", "两", "个")
	f.Add("aab", "aa", "b")
	f.Add("三方面", "三", "方面")
	f.Fuzz(func(t *testing.T, s, a, b string) {
		if got, want := containsPair(s, a, b), strings.Contains(s, a+b); got != want {
			t.Fatalf("containsPair(%q, %q, %q) = %v, want %v", s, a, b, got, want)
		}
	})
}

// FuzzPosition holds the extractor's counted positions to
// Document.Position for offsets in increasing order with steps back.
func FuzzPosition(f *testing.F) {
	f.Add("增长5％\n下降\xe4\xb8 3个\r\n" + strings.Repeat("长", 300) + "末")
	f.Add("\x80\x80a\n\n一")
	f.Fuzz(func(t *testing.T, s string) {
		doc := segment.NewDocument("f.txt", segment.FormatText, "utf-8", s, nil)
		x := &extractor{doc: doc, posOff: -1}
		for off := 0; off <= len(s); off += 1 + off%3 {
			for _, o := range []int{off, max(off-2, 0), off} {
				if got, want := x.position(o), doc.Position(o); got != want {
					t.Fatalf("position(%d) in %q = %v, want %v", o, s, got, want)
				}
			}
		}
	})
}
