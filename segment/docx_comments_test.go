package segment

// Tests of Word comments in .docx files.

import "testing"

func TestReadDocxComments(t *testing.T) {
	comments := tComments(
		`<w:comment w:id="0" w:author="李四" w:date="2024-01-02T00:00:00Z" w:initials="LS"><w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr><w:r><w:annotationRef/></w:r><w:r><w:t>数据需核实</w:t></w:r></w:p></w:comment>` +
			`<w:comment w:id="1" w:author="王五"><w:p><w:r><w:t>第一行</w:t></w:r></w:p><w:p><w:r><w:t>第二行</w:t></w:r></w:p></w:comment>` +
			`<w:comment w:id="2"><w:p><w:r><w:t>只有引用</w:t></w:r></w:p></w:comment>` +
			`<w:comment w:id="3"><w:p><w:r><w:t>段间开始</w:t></w:r></w:p></w:comment>` +
			`<w:comment w:id="4"><w:p><w:r><w:t>跨段</w:t></w:r></w:p></w:comment>`)
	body := `<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>增长</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>` +
		`<w:r><w:t>百分之十</w:t></w:r><w:commentRangeStart w:id="1"/><w:r><w:t>。</w:t></w:r><w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r></w:p>` +
		`<w:p><w:r><w:t>引用</w:t></w:r><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="2"/></w:r></w:p>` +
		`<w:commentRangeStart w:id="3"/>` + tP("段间") + `<w:commentRangeEnd w:id="3"/>` +
		`<w:p><w:commentRangeStart w:id="4"/><w:r><w:t>开始</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>结束</w:t></w:r><w:commentRangeEnd w:id="4"/><w:r><w:commentReference w:id="4"/></w:r><w:commentRangeStart w:id="77"/></w:p>`
	want := []DocxParagraph{
		{Text: "增长百分之十。", Comments: []string{"数据需核实", "第一行\n第二行"}},
		{Text: "引用", Comments: []string{"只有引用"}},
		{Text: "段间", Comments: []string{"段间开始"}},
		{Text: "开始", Comments: []string{"跨段"}},
		dp("结束"),
	}
	t.Run("anchored", func(t *testing.T) {
		got, err := ReadDocx(tDocx(t, body, "", "", comments), DocxLimits{})
		if err != nil {
			t.Fatal(err)
		}
		checkParas(t, got, want)
	})
	noComments := []DocxParagraph{dp("增长百分之十。"), dp("引用"), dp("段间"), dp("开始"), dp("结束")}
	t.Run("missing comments.xml", func(t *testing.T) {
		got, err := ReadDocx(tDocx(t, body, "", "", ""), DocxLimits{})
		if err != nil {
			t.Fatal(err)
		}
		checkParas(t, got, noComments)
	})
	t.Run("malformed comments.xml", func(t *testing.T) {
		got, err := ReadDocx(tDocx(t, body, "", "", comments[:len(comments)-20]), DocxLimits{})
		if err != nil {
			t.Fatal(err)
		}
		checkParas(t, got, noComments)
	})
}
