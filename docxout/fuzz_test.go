package docxout

import (
	"github.com/reportlint/reportlint/internal/docxtest"
	"testing"

	"github.com/reportlint/reportlint/segment"
)

// FuzzReview places random comments and edits on the feature-rich fixture:
// no panic, no error, and the output reads back as the edited text.
func FuzzReview(f *testing.F) {
	orig := docxtest.Zip(f, fxParts(true))
	doc := loadDocx(f, orig)
	f.Add(uint16(3), uint16(20), uint16(10), uint16(12), "～", uint16(0), uint16(0))
	f.Add(uint16(0), uint16(9999), uint16(5), uint16(5), "插入", uint16(40), uint16(60))
	f.Add(uint16(7), uint16(2), uint16(100), uint16(99), "a\tb", uint16(61), uint16(61))
	f.Fuzz(func(t *testing.T, a, b, c, d uint16, ins string, g, h uint16) {
		n := len(doc.Text) + 1
		comments := []Comment{{Start: int(a) % n, End: int(b) % n, Text: ins}, {Start: int(g) % n, End: int(h) % n, Text: "二"}}
		edits := []Edit{{Start: int(c) % n, End: int(d) % n, Insert: ins, Comment: "修改"}, {Start: int(g) % n, End: int(h) % n, Insert: "x"}}
		out, _, err := review(orig, doc, comments, edits, Options{})
		if err != nil {
			t.Fatalf("review: %v", err)
		}
		back, err := segment.LoadBytes("out.docx", out, segment.LoadOptions{})
		if err != nil {
			t.Fatalf("output unreadable: %v", err)
		}
		_ = back
	})
}

// FuzzReviewInput feeds arbitrary packages (the writer's input side): any
// file segment accepts must give a readable review or a Chinese error.
func FuzzReviewInput(f *testing.F) {
	f.Add(docxtest.Zip(f, fxParts(true)), uint16(2), uint16(9))
	f.Add(docxtest.Zip(f, fxParts(false)), uint16(30), uint16(31))
	f.Add([]byte("PK\x03\x04garbage"), uint16(0), uint16(1))
	f.Fuzz(func(t *testing.T, data []byte, a, b uint16) {
		doc, err := segment.LoadBytes("in.docx", data, segment.LoadOptions{MaxSize: 1 << 20})
		if err != nil {
			return
		}
		n := len(doc.Text) + 1
		s, e := int(a)%n, int(b)%n
		out, _, err := review(data, doc, []Comment{{Start: s, End: e, Text: "批注"}}, []Edit{{Start: min(s, e), End: max(s, e), Insert: "改"}}, Options{MaxUncompressed: 4 << 20})
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		if _, err := segment.LoadBytes("out.docx", out, segment.LoadOptions{MaxSize: 8 << 20}); err != nil {
			t.Fatalf("output unreadable: %v", err)
		}
	})
}

// FuzzFromText writes arbitrary text with a comment and an edit.
func FuzzFromText(f *testing.F) {
	f.Add("一、总体情况\n全年增长15-20%。", uint16(3), uint16(8))
	f.Add("\x00\xff\t\n\n", uint16(0), uint16(2))
	f.Fuzz(func(t *testing.T, text string, a, b uint16) {
		if len(text) > 4096 {
			return
		}
		doc := segment.NewDocument("in.txt", segment.FormatText, "utf-8", text, nil)
		n := len(text) + 1
		s, e := int(a)%n, int(b)%n
		out, _, err := FromTextNotes(doc, []Comment{{Start: s, End: e, Text: "批注"}}, []Edit{{Start: min(s, e), End: max(s, e), Insert: "改"}}, Options{})
		if err != nil {
			t.Fatalf("FromText: %v", err)
		}
		if _, err := segment.LoadBytes("out.docx", out, segment.LoadOptions{}); err != nil {
			t.Fatalf("output unreadable: %v", err)
		}
	})
}
