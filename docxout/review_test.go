package docxout

import (
	"encoding/xml"
	"github.com/reportlint/reportlint/internal/docxtest"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// at returns the span of the n-th (0-based) occurrence of sub in text.
func at(t testing.TB, text, sub string, n int) (int, int) {
	t.Helper()
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(text[off:], sub)
		if j < 0 {
			t.Fatalf("%q not in text", sub)
		}
		if i == n {
			return off + j, off + j + len(sub)
		}
		off += j + len(sub)
	}
}

func cm(t testing.TB, text, sub, msg string) Comment {
	s, e := at(t, text, sub, 0)
	return Comment{Start: s, End: e, Text: msg}
}

func wellFormed(t testing.TB, name, s string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", name, err)
		}
	}
}

var reTopPara = regexp.MustCompile(`(?s)<w:p>.*?</w:p>|<w:p/>|<w:p [^>]*>.*?</w:p>`)

var fixedDate = time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)

func TestReviewComments(t *testing.T) {
	orig := docxtest.Zip(t, fxParts(true))
	doc := loadDocx(t, orig)
	text := doc.Text
	if !strings.HasPrefix(text, "一、总体情况\n") || !strings.Contains(text, "（一）主要做法") {
		t.Fatalf("fixture numbering not rendered: %q", text)
	}
	comments := []Comment{
		cm(t, text, "高质量", "跨两个 run，且在词中间切开"),
		cm(t, text, "15-20%", "范围号"),
		cm(t, text, "推进高质量发展，完成", "跨三个 run"),
		cm(t, text, "一、", "只在自动编号上"),
		cm(t, text, "（一）主要", "从自动编号开始"),
		cm(t, text, "单元格一", "表格单元格"),
		cm(t, text, "格二", "单元格内跨 run"),
		cm(t, text, "单元格一\n单元", "跨单元格"),
		cm(t, text, "链接文字智能控件", "超链接、智能标记和内容控件"),
		cm(t, text, "插入的文字", "已有修订中的文字"),
		cm(t, text, "甲 乙-丙", "制表符、换行和不间断连字符"),
		cm(t, text, "2024年之后", "域结果和隐藏文字之后"),
		cm(t, text, "图后说明", "图片之后"),
		cm(t, text, "继续努力", "最后一段"),
		cm(t, text, "质量发展，完成投资15-20%。\n（一）主要做法", "跨段落"),
	}
	out, notes, err := Review(orig, doc, comments, nil, Options{Date: fixedDate})
	if err != nil {
		t.Fatal(err)
	}
	parts := docxtest.Unzip(t, out)
	for name, s := range parts {
		if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
			wellFormed(t, name, s)
		}
	}
	if back := loadDocx(t, out); back.Text != text {
		t.Fatalf("text changed:\n%q\n%q", back.Text, text)
	}
	if parts["word/media/image1.png"] != fxPNG || parts["word/numbering.xml"] != fxNumbering || parts["_rels/.rels"] != fxRootRels {
		t.Error("untouched parts changed")
	}
	if parts["word/_rels/document.xml.rels"] != fxDocRels(`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>`) {
		t.Error("relationships changed although the comments relationship existed")
	}

	anchored := anchoredTexts(t, out)
	if anchored["0"] != "已有批注" {
		t.Errorf("existing comment range lost: %q", anchored["0"])
	}
	// New ids: above the existing 0, 5 and revision ids 7, 8; in input order.
	for i, c := range comments {
		id := strconv.Itoa(9 + i)
		want := text[c.Start:c.End]
		switch c.Text {
		case "只在自动编号上":
			want = "总体情况"
		case "从自动编号开始":
			want = "主要"
		}
		got, ok := anchored[id]
		if !ok {
			t.Errorf("comment %q (id %s) has no range", c.Text, id)
			continue
		}
		if got != want {
			t.Errorf("comment %q anchored on %q, want %q", c.Text, got, want)
		}
	}
	cx := parts["word/comments.xml"]
	if !strings.HasPrefix(cx, strings.TrimSuffix(fxComments, "</w:comments>")) {
		t.Error("existing comments were not kept")
	}
	ids := regexp.MustCompile(`<w:comment w:id="(\d+)"`).FindAllStringSubmatch(cx, -1)
	seen := map[string]bool{}
	for _, m := range ids {
		if seen[m[1]] {
			t.Errorf("comment id %s used twice", m[1])
		}
		seen[m[1]] = true
	}
	if len(ids) != 2+len(comments) {
		t.Errorf("%d comments in comments.xml, want %d", len(ids), 2+len(comments))
	}
	if !strings.Contains(cx, `w:author="reportlint"`) || !strings.Contains(cx, `w:date="2026-12-07T09:00:00Z"`) {
		t.Error("author or date missing")
	}
	if strings.Count(cx, NumberingNote) != 2 {
		t.Errorf("numbering note in %d comments, want 2", strings.Count(cx, NumberingNote))
	}
	numNotes := 0
	for _, n := range notes {
		if strings.Contains(n.Message, "自动编号") {
			numNotes++
		}
	}
	if numNotes != 2 {
		t.Errorf("notes %v: want 2 about numbering", notes)
	}

	// Paragraphs without a new comment are byte-identical.
	before := reTopPara.FindAllString(fxDocument(fxBody), -1)
	after := strings.Join(reTopPara.FindAllString(parts["word/document.xml"], -1), "\x00")
	kept := 0
	for _, p := range before {
		if strings.Contains(after, p) {
			kept++
		}
	}
	// Touched: 总体情况, 全面推进, 主要做法, 已有批注, 链接, 2 cells, 图后, 继续努力.
	if want := len(before) - 9; kept != want {
		t.Errorf("%d of %d paragraphs unchanged, want %d", kept, len(before), want)
	}
	if !strings.Contains(after, "<w:p/>") {
		t.Error("empty paragraph lost")
	}
}

func TestReviewAddsCommentsPart(t *testing.T) {
	orig := docxtest.Zip(t, fxParts(false))
	doc := loadDocx(t, orig)
	out, _, err := Review(orig, doc, []Comment{cm(t, doc.Text, "继续", "新批注")}, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	parts := docxtest.Unzip(t, out)
	if !strings.Contains(parts["word/_rels/document.xml.rels"], `relationships/comments" Target="comments.xml"`) {
		t.Error("comments relationship not added")
	}
	if !strings.Contains(parts["[Content_Types].xml"], `PartName="/word/comments.xml"`) {
		t.Error("content type override not added")
	}
	if strings.Contains(parts["word/comments.xml"], "w:date") {
		t.Error("zero Options.Date must omit w:date")
	}
	wellFormed(t, "comments.xml", parts["word/comments.xml"])
	back := loadDocx(t, out)
	found := false
	for _, p := range back.Paragraphs {
		for _, c := range p.Comments {
			found = found || c == "新批注"
		}
	}
	if !found {
		t.Error("segment does not see the new comment")
	}
	if got := anchoredTexts(t, out)["9"]; got != "继续" {
		t.Errorf("anchored %q", got)
	}
	// No comments, no edits: package unchanged apart from re-zipping.
	out2, _, err := Review(orig, doc, nil, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	p1, p2 := docxtest.Unzip(t, orig), docxtest.Unzip(t, out2)
	for k, v := range p1 {
		if p2[k] != v {
			t.Errorf("%s changed with nothing to add", k)
		}
	}
}

func TestReviewEdits(t *testing.T) {
	orig := docxtest.Zip(t, fxParts(true))
	doc := loadDocx(t, orig)
	text := doc.Text
	s, e := at(t, text, "-", 0)
	hs, he := at(t, text, "高质", 0)
	cs, ce := at(t, text, "单元格二", 0)
	fs, fe := at(t, text, "2024", 0)
	ns, ne := at(t, text, "一、", 0)
	edits := []Edit{
		{Start: s, End: e, Insert: "～", Comment: "范围号用“～”"},
		{Start: hs, End: he, Insert: "高水平"},      // across runs, mid-word
		{Start: cs + 6, End: ce, Insert: "格（二）"}, // across runs in a table cell
		{Start: ce, End: ce, Insert: "。"},        // pure insertion at a paragraph end
		{Start: fs, End: fe, Insert: "2025"},     // in a field result: refused
		{Start: ns, End: ne, Insert: "1."},       // in Word numbering: refused
		{Start: s, End: e + 1, Insert: "x"},      // overlaps the first: refused
	}
	out, notes, err := Review(orig, doc, nil, edits, Options{Date: fixedDate})
	if err != nil {
		t.Fatal(err)
	}
	parts := docxtest.Unzip(t, out)
	dx := parts["word/document.xml"]
	wellFormed(t, "document.xml", dx)
	applied := []Edit{edits[0], edits[1], edits[2], edits[3]}
	back := loadDocx(t, out)
	if want := ApplyText(text, applied); back.Text != want {
		t.Fatalf("read back %q\nwant %q", back.Text, want)
	}
	for _, want := range []string{
		`<w:del w:id="`, `<w:delText xml:space="preserve">-</w:delText>`,
		`<w:t xml:space="preserve">～</w:t></w:r></w:ins>`,
		// the split pieces keep their own run properties
		`<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">全面推进</w:t></w:r>`,
		`<w:r><w:rPr><w:b/></w:rPr><w:delText xml:space="preserve">高</w:delText></w:r>`,
		`<w:r><w:rPr><w:i/></w:rPr><w:delText xml:space="preserve">质</w:delText></w:r>`,
		`<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">量发展，</w:t></w:r>`,
		`<w:ins w:id="`,
	} {
		if !strings.Contains(dx, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if n := strings.Count(dx, `w:author="reportlint" w:date="2026-12-07T09:00:00Z"`); n < 7 {
		t.Errorf("%d revisions by reportlint, want ≥ 7", n)
	}
	refused := 0
	for _, n := range notes {
		if strings.Contains(n.Message, "改为批注") {
			refused++
		}
	}
	if refused != 3 {
		t.Errorf("notes %v: want 3 refused edits", notes)
	}
	cx := parts["word/comments.xml"]
	if !strings.Contains(cx, "范围号用“～”") || strings.Count(cx, "未写成修订") != 3 {
		t.Errorf("comments.xml: %s", cx)
	}
	// The comment on the tracked change covers the deleted and inserted text.
	if !regexp.MustCompile(`<w:commentRangeStart w:id="\d+"/><w:del [^>]*><w:r><w:rPr><w:color w:val="FF0000"/></w:rPr><w:delText xml:space="preserve">-</w:delText></w:r></w:del><w:ins [^>]*><w:r><w:rPr><w:color w:val="FF0000"/></w:rPr><w:t xml:space="preserve">～</w:t></w:r></w:ins><w:commentRangeEnd`).MatchString(dx) {
		t.Error("edit comment does not wrap the tracked change")
	}
	// ids unique across comments and revisions (existing 0, 5, 7, 8 included).
	seen := map[string]int{}
	for _, m := range regexp.MustCompile(`<w:(?:ins|del|comment) w:id="(\d+)"`).FindAllStringSubmatch(dx+cx, -1) {
		seen[m[1]]++
	}
	for id, n := range seen {
		if n > 1 {
			t.Errorf("id %s used %d times", id, n)
		}
	}
}

func TestReviewRejectsForeignDocument(t *testing.T) {
	orig := docxtest.Zip(t, fxParts(true))
	doc := loadDocx(t, orig)
	doc.Text += "多出来的"
	if _, _, err := Review(orig, doc, nil, nil, Options{}); err == nil || !strings.Contains(err.Error(), "不一致") {
		t.Errorf("err = %v", err)
	}
	if _, _, err := Review([]byte("not a zip"), doc, nil, nil, Options{}); err == nil {
		t.Error("garbage accepted")
	}
}

func TestReviewStrictNamespace(t *testing.T) {
	parts := fxParts(false)
	parts["word/document.xml"] = xmlHeader + `<w:document xmlns:w="` + nsWStrict + `"><w:body>` + fxP("严格格式文档") + `</w:body></w:document>`
	orig := docxtest.Zip(t, parts)
	doc := loadDocx(t, orig)
	out, _, err := Review(orig, doc, []Comment{cm(t, doc.Text, "格式", "批注")}, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := docxtest.Unzip(t, out)
	if !strings.Contains(got["word/comments.xml"], nsWStrict) || !strings.Contains(got["word/_rels/document.xml.rels"], "purl.oclc.org/ooxml/officeDocument/relationships/comments") {
		t.Error("strict document got transitional comments part")
	}
	if a := anchoredTexts(t, out); a["0"] != "格式" {
		t.Errorf("anchored %v", a)
	}
}

func TestReviewSplitRunKeepsIDsUnique(t *testing.T) {
	parts := fxParts(false)
	parts["word/document.xml"] = fxDocument(`<w:p><w:r><w:rPr><w:b/><w:rPrChange w:id="3" w:author="王五"><w:rPr/></w:rPrChange></w:rPr><w:t>格式修订过的文字</w:t></w:r></w:p>`)
	orig := docxtest.Zip(t, parts)
	doc := loadDocx(t, orig)
	s, e := at(t, doc.Text, "修订", 0)
	out, _, err := Review(orig, doc, []Comment{cm(t, doc.Text, "过的", "批注")}, []Edit{{Start: s, End: e, Insert: "修改"}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	dx := docxtest.Unzip(t, out)["word/document.xml"]
	seen := map[string]bool{}
	for _, m := range regexp.MustCompile(`<w:(?:rPrChange|ins|del) w:id="(\d+)"`).FindAllStringSubmatch(dx, -1) {
		if seen[m[1]] {
			t.Errorf("id %s repeated in %s", m[1], dx)
		}
		seen[m[1]] = true
	}
	if strings.Count(dx, "<w:rPrChange") < 4 || strings.Count(dx, `w:id="3"`) != 1 {
		t.Errorf("split pieces lost their rPr or the original id: %s", dx)
	}
}

// TestReviewTouchingEdits: edits that touch (one ends where the next starts,
// or an insertion at either end) each get a comment anchored on exactly
// their own replacement, in one run and across runs.
func TestReviewTouchingEdits(t *testing.T) {
	for _, tc := range []struct {
		name, body string
	}{
		{"one run", fxP("完成投资15-20%左右。")},
		{"across runs", `<w:p><w:r><w:t>完成投资15</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>-20%左右。</w:t></w:r></w:p>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			parts := fxParts(false)
			parts["word/document.xml"] = fxDocument(tc.body)
			orig := docxtest.Zip(t, parts)
			doc := loadDocx(t, orig)
			text := doc.Text
			ds, de := at(t, text, "-", 0)
			ps, pe := at(t, text, "%", 0)
			_, le := at(t, text, "左右", 0)
			edits := []Edit{
				{Start: ds - 2, End: ds, Insert: "十五", Comment: "甲"}, // ends where the next starts
				{Start: ds, End: de, Insert: "～", Comment: "乙"},
				{Start: de, End: de, Insert: "二", Comment: "丙"}, // insertion touching both
				{Start: de, End: ps, Insert: "十", Comment: "丁"},
				{Start: ps, End: pe, Insert: "％", Comment: "戊"},
				{Start: pe, End: le, Insert: "", Comment: "己"}, // deletion touching the previous
			}
			out, notes, err := Review(orig, doc, nil, edits, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(notes) != 0 {
				t.Fatalf("notes: %v", notes)
			}
			if back := loadDocx(t, out); back.Text != "完成投资十五～二十％。" {
				t.Fatalf("read back %q", back.Text)
			}
			cx := docxtest.Unzip(t, out)["word/comments.xml"]
			want := map[string]string{"甲": "十五", "乙": "～", "丙": "二", "丁": "十", "戊": "％", "己": ""}
			got := map[string]string{}
			for id, anchored := range anchoredTexts(t, out) {
				m := regexp.MustCompile(`<w:comment w:id="` + id + `"[^>]*>.*?<w:t xml:space="preserve">([^<]*)</w:t>`).FindStringSubmatch(cx)
				if m == nil {
					t.Fatalf("comment %s not in comments.xml", id)
				}
				got[m[1]] = anchored
			}
			for c, w := range want {
				if a, ok := got[c]; !ok || a != w {
					t.Errorf("comment %s anchored on %q (present %v), want %q", c, a, ok, w)
				}
			}
		})
	}
}
