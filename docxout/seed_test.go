package docxout

import (
	"github.com/reportlint/reportlint/internal/docxtest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/segment"
)

// TestSharedSeed turns the shared seed report into a reviewed .docx with
// comments on placeholders and headings and a tracked change, and checks
// every anchor. With REPORTLINT_DOCX_OUT set to a directory it also writes
// seed-review.docx and fixture-review.docx there for a visual check.
func TestSharedSeed(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "seeds", "000_c5c5abb15a0af8f1.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("shared seed not available (%v)", err)
	}
	doc, err := segment.LoadBytes("seed.txt", data, segment.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var comments []Comment
	var edits []Edit
	// Every placeholder "**" gets a comment; the first one is also deleted.
	for off := 0; ; {
		i := strings.Index(doc.Text[off:], "**")
		if i < 0 {
			break
		}
		s := off + i
		comments = append(comments, Comment{Start: s, End: s + 2, Text: "占位符“**”未替换为实际内容（placeholder）"})
		off = s + 2
	}
	if len(comments) == 0 {
		t.Skip("seed has no placeholders")
	}
	edits = append(edits, Edit{Start: comments[0].Start, End: comments[0].End, Insert: "党组", Comment: "示例修订：替换占位符"})
	for _, h := range doc.Headings {
		if i := doc.ParagraphAt(h.Span.Start); i >= 0 && h.Level <= 2 {
			sp := doc.Paragraphs[i].Span // the heading line (h.Span is its whole section)
			comments = append(comments, Comment{Start: sp.Start, End: sp.End, Text: "标题批注示例"})
		}
	}
	out, notes, err := FromTextNotes(doc, comments, edits, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 0 {
		t.Errorf("notes: %v", notes)
	}
	back := loadDocx(t, out)
	if back.Text != ApplyText(doc.Text, edits) {
		t.Error("read back text differs from the edited seed")
	}
	if n := len(anchoredTexts(t, out)); n != len(comments)+1 {
		t.Errorf("%d anchored comments, want %d", n, len(comments)+1)
	}
	if dir := os.Getenv("REPORTLINT_DOCX_OUT"); dir != "" {
		os.WriteFile(filepath.Join(dir, "seed-review.docx"), out, 0o644)
		orig := docxtest.Zip(t, fxParts(true))
		fdoc := loadDocx(t, orig)
		s, e := at(t, fdoc.Text, "-", 0)
		fout, _, err := Review(orig, fdoc, []Comment{
			cm(t, fdoc.Text, "一、", "自动编号上的批注"),
			cm(t, fdoc.Text, "高质量", "跨 run 的批注"),
			cm(t, fdoc.Text, "单元格一\n单元", "跨单元格的批注"),
			cm(t, fdoc.Text, "链接文字", "超链接上的批注"),
		}, []Edit{{Start: s, End: e, Insert: "%～", Comment: "范围号改为“%～”"}}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, "fixture-review.docx"), fout, 0o644)
	}
}
