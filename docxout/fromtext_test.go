package docxout

import (
	"github.com/reportlint/reportlint/internal/docxtest"
	"regexp"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/segment"
)

func TestFromText(t *testing.T) {
	src := "关于2024年工作的报告\n\n一、总体情况\n\t全年完成投资15-20%，同比增长。\n控制字符\x01在此\n最后一行"
	doc := segment.NewDocument("报告.txt", segment.FormatText, "utf-8", src, nil)
	s, e := at(t, doc.Text, "-", 0)
	comments := []Comment{
		cm(t, doc.Text, "2024年", "年份"),
		cm(t, doc.Text, "总体情况\n\t全年", "跨行"),
		cm(t, doc.Text, "最后一行", "结尾 & <尖括号>"),
		{Start: 3, End: 3, Text: "零长度，落在一个字上"},
	}
	out, notes, err := FromTextNotes(doc, comments, []Edit{{Start: s, End: e, Insert: "～", Comment: "范围号"}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 1 || !strings.Contains(notes[0].Message, "范围为空") || notes[0].Start != 3 {
		t.Errorf("notes %v: want one about the empty span", notes)
	}
	back := loadDocx(t, out)
	want := strings.Replace(strings.Replace(doc.Text, "\x01", " ", 1), "15-20", "15～20", 1)
	if back.Text != want {
		t.Fatalf("read back %q, want %q", back.Text, want)
	}
	anchored := anchoredTexts(t, out)
	parts := docxtest.Unzip(t, out)
	ids := commentIDs(parts["word/comments.xml"])
	wants := map[string]string{"年份": "2024年", "跨行": "总体情况\n\t全年", "结尾 &amp; &lt;尖括号&gt;": "最后一行", "零长度，落在一个字上": doc.Text[3:6]}
	for c, w := range wants {
		if anchored[ids[c]] != w {
			t.Errorf("comment %s anchored on %q, want %q", c, anchored[ids[c]], w)
		}
	}
	for name, s := range parts {
		wellFormed(t, name, s)
	}
	if !strings.Contains(parts["word/comments.xml"], "结尾 &amp; &lt;尖括号&gt;") {
		t.Error("comment text not escaped")
	}
	// Default options, no comments: still a valid document.
	out, err = FromText(doc, nil, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if back := loadDocx(t, out); back.Text != strings.Replace(doc.Text, "\x01", " ", 1) {
		t.Errorf("plain copy text %q", back.Text)
	}
}

func TestReviewTextBoxAndRuby(t *testing.T) {
	body := `<w:p><w:r><w:t>框前</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>` +
		`<w:p><w:r><w:t>框内</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>文字</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>` +
		`<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>框内文字</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>` +
		`<w:r><w:t>框后</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>前</w:t></w:r><w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>zhu yin</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>注音</w:t></w:r></w:rubyBase></w:ruby></w:r><w:r><w:t>后文</w:t></w:r></w:p>` +
		`<w:p><w:t>裸文字</w:t><w:r><w:t>在后</w:t></w:r></w:p>`
	parts := fxParts(false)
	parts["word/document.xml"] = fxDocument(body)
	orig := docxtest.Zip(t, parts)
	doc := loadDocx(t, orig)
	if doc.Text != "框内文字\n框前框后\n前注音后文\n裸文字在后" {
		t.Fatalf("fixture text %q", doc.Text)
	}
	s, e := at(t, doc.Text, "内文", 0)
	out, notes, err := Review(orig, doc, []Comment{
		cm(t, doc.Text, "内文", "文本框内跨 run"),
		cm(t, doc.Text, "前框", "跨过文本框锚点"),
		cm(t, doc.Text, "音后", "注音文字块内"),
		cm(t, doc.Text, "字在", "文字不在 run 中：整段"),
	}, []Edit{{Start: s, End: e, Insert: "部文"}, {Start: e, End: e + 3, Insert: "案"}, {Start: len(doc.Text) - 3, End: len(doc.Text), Insert: "前"}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if back := loadDocx(t, out); back.Text != "框部文案\n框前框后\n前注音后文\n裸文字在后" {
		t.Errorf("read back %q", back.Text)
	}
	a := anchoredTexts(t, out)
	ids := commentIDs(docxtest.Unzip(t, out)["word/comments.xml"])
	// The range covers the original (now deleted) 内文, not the insertion
	// after it: read back, nothing visible is left between its markers.
	if got, ok := a[ids["文本框内跨 run"]]; !ok || got != "" {
		t.Errorf("text box comment anchored on %q", got)
	}
	if got := a[ids["跨过文本框锚点"]]; got != "前框" {
		t.Errorf("comment across the anchor: %q", got)
	}
	if got := a[ids["注音文字块内"]]; got != "注音后" {
		t.Errorf("ruby comment: %q", got)
	}
	if got := a[ids["文字不在 run 中：整段"]]; got != "裸文字在后" {
		t.Errorf("paragraph-level comment: %q", got)
	}
	refused := ""
	for text, id := range ids {
		if strings.HasPrefix(text, "（未写成修订：本段文字无法精确定位。建议把“后”改为“前”）") {
			refused = id
		}
	}
	if got, ok := a[refused]; !ok || got != "裸文字在后" {
		t.Errorf("refused edit comment (id %q): %q", refused, got)
	}
	var msgs []string
	for _, n := range notes {
		msgs = append(msgs, n.Message)
	}
	all := strings.Join(msgs, "|")
	for _, want := range []string{"无法拆分", "已标注在整段", "本段文字无法精确定位"} {
		if !strings.Contains(all, want) {
			t.Errorf("notes %v: want one with %s", msgs, want)
		}
	}
	wellFormed(t, "document.xml", docxtest.Unzip(t, out)["word/document.xml"])
}

// commentIDs maps the first line of each comment to its id.
func commentIDs(cx string) map[string]string {
	out := map[string]string{}
	re := regexp.MustCompile(`<w:comment w:id="(\d+)"[^>]*><w:p><w:r><w:annotationRef/></w:r><w:r><w:t xml:space="preserve">([^<]*)</w:t>`)
	for _, m := range re.FindAllStringSubmatch(cx, -1) {
		out[m[2]] = m[1]
	}
	return out
}
