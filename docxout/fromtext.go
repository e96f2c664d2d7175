package docxout

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/segment"
)

// FromText writes a new minimal .docx for a text or Markdown document:
// one paragraph per line of doc.Text, with the comments and tracked
// changes placed as Review places them.
func FromText(doc *segment.Document, comments []Comment, edits []Edit, opt Options) ([]byte, error) {
	out, _, err := FromTextNotes(doc, comments, edits, opt)
	return out, err
}

// FromTextNotes is FromText that also returns the placement notes.
func FromTextNotes(doc *segment.Document, comments []Comment, edits []Edit, opt Options) ([]byte, []Note, error) {
	if doc == nil {
		return nil, nil, errors.New("没有文档内容")
	}
	text := sanitizeSameLength(doc.Text)
	base, err := minimalDocx(text)
	if err != nil {
		return nil, nil, err
	}
	d2, err := segment.LoadBytes("审阅稿.docx", base, segment.LoadOptions{MaxSize: int64(len(base)) + 1<<20})
	if err != nil {
		return nil, nil, err
	}
	if d2.Text != text {
		return nil, nil, errors.New("生成的 .docx 读回的文字与原文不一致（内部错误，请报告此问题）")
	}
	return Review(base, d2, comments, edits, opt)
}

// sanitizeSameLength replaces bytes that cannot appear in XML with spaces,
// keeping every byte offset.
func sanitizeSameLength(s string) string {
	if validXMLString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || !xmlChar(r) {
			b.WriteString(strings.Repeat(" ", n))
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func minimalDocx(text string) ([]byte, error) {
	var body strings.Builder
	for _, ln := range strings.Split(text, "\n") {
		ln = strings.TrimSuffix(ln, "\r")
		if ln == "" {
			body.WriteString("<w:p/>")
			continue
		}
		body.WriteString("<w:p><w:r>")
		for i, part := range strings.Split(ln, "\t") {
			if i > 0 {
				body.WriteString("<w:tab/>")
			}
			if part != "" {
				body.WriteString(`<w:t xml:space="preserve">` + xmlText(part) + `</w:t>`)
			}
		}
		body.WriteString("</w:r></w:p>")
	}
	parts := []namedPart{
		{"[Content_Types].xml", []byte(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
			`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
			`</Types>`)},
		{"_rels/.rels", []byte(xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
			`</Relationships>`)},
		{"word/_rels/document.xml.rels", []byte(xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
			`</Relationships>`)},
		{"word/styles.xml", []byte(xmlHeader + `<w:styles xmlns:w="` + nsW + `"><w:docDefaults><w:rPrDefault><w:rPr>` +
			`<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="SimSun"/><w:sz w:val="24"/><w:lang w:eastAsia="zh-CN"/>` +
			`</w:rPr></w:rPrDefault></w:docDefaults>` +
			`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`)},
		{"word/document.xml", []byte(xmlHeader + `<w:document xmlns:w="` + nsW + `"><w:body>` + body.String() +
			`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`)},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(p.data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
