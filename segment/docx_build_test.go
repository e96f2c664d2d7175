package segment

// Builders and helpers for in-memory .docx test files.

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"reflect"
	"testing"
)

// buildDocx zips parts (name → content) into an in-memory .docx.
func buildDocx(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	return buildDocxMethod(t, parts, zip.Deflate)
}

func buildDocxMethod(t testing.TB, parts map[string]string, method uint16) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	// Deterministic order, [Content_Types].xml first as Word writes it.
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	sortStrings(names)
	for _, n := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, parts[n]); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && (s[j] == "[Content_Types].xml" || (s[j-1] != "[Content_Types].xml" && s[j] < s[j-1])); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

const tNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
	`xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ` +
	`xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
	`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ` +
	`xmlns:v="urn:schemas-microsoft-com:vml" ` +
	`xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"`

const tContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
	`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`</Types>`

const tRootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
	`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`</Relationships>`

func tDocument(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<w:document ` + tNS + `><w:body>` + body + `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`
}

func tNumbering(inner string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<w:numbering ` + tNS + `>` + inner + `</w:numbering>`
}

func tStyles(inner string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<w:styles ` + tNS + `>` + inner + `</w:styles>`
}

func tComments(inner string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<w:comments ` + tNS + `>` + inner + `</w:comments>`
}

// tDocx assembles a minimal package; empty strings leave a part out.
func tDocx(t testing.TB, body, numbering, styles, comments string) []byte {
	t.Helper()
	parts := map[string]string{
		"[Content_Types].xml": tContentTypes,
		"_rels/.rels":         tRootRels,
		"word/document.xml":   tDocument(body),
	}
	if numbering != "" {
		parts["word/numbering.xml"] = numbering
	}
	if styles != "" {
		parts["word/styles.xml"] = styles
	}
	if comments != "" {
		parts["word/comments.xml"] = comments
	}
	return buildDocx(t, parts)
}

// tP is a plain paragraph with one run.
func tP(text string) string {
	return `<w:p><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

// tNP is a paragraph numbered directly with numId and ilvl.
func tNP(numID, ilvl int, text string) string {
	return fmt.Sprintf(`<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr><w:ind w:firstLine="640"/></w:pPr><w:r><w:t>%s</w:t></w:r></w:p>`, ilvl, numID, text)
}

// tSP is a paragraph with a style and no direct numbering.
func tSP(style, text string) string {
	return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

// tLvl is one w:lvl; extra goes inside it.
func tLvl(ilvl, start int, format, text, extra string) string {
	return fmt.Sprintf(`<w:lvl w:ilvl="%d" w:tplc="04090019"><w:start w:val="%d"/><w:numFmt w:val="%s"/>%s<w:lvlText w:val="%s"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="840" w:hanging="420"/></w:pPr><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr></w:lvl>`, ilvl, start, format, extra, text)
}

// tGBLevels are the GB/T 9704 heading levels 一、 （一） 1. （1） ①.
var tGBLevels = tLvl(0, 1, "chineseCounting", "%1、", `<w:suff w:val="nothing"/>`) +
	tLvl(1, 1, "chineseCounting", "（%2）", `<w:suff w:val="tab"/>`) +
	tLvl(2, 1, "decimal", "%3.", `<w:suff w:val="space"/>`) +
	tLvl(3, 1, "decimal", "（%4）", "") +
	tLvl(4, 1, "decimalEnclosedCircle", "%5", "")

func tAbstract(id int, levels string) string {
	return fmt.Sprintf(`<w:abstractNum w:abstractNumId="%d"><w:nsid w:val="1A2B3C4D"/><w:multiLevelType w:val="multilevel"/>%s</w:abstractNum>`, id, levels)
}

func tNum(numID, abstractID int, extra string) string {
	return fmt.Sprintf(`<w:num w:numId="%d"><w:abstractNumId w:val="%d"/>%s</w:num>`, numID, abstractID, extra)
}

// dp is shorthand for an expected paragraph.
func dp(text string) DocxParagraph { return DocxParagraph{Text: text} }

func dpNum(prefix, text string) DocxParagraph {
	return DocxParagraph{Text: prefix + text, NumPrefix: prefix, Style: "ListParagraph"}
}

func checkParas(t *testing.T, got, want []DocxParagraph) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	t.Errorf("got %d paragraphs, want %d", len(got), len(want))
	for i := 0; i < max(len(got), len(want)); i++ {
		var g, w DocxParagraph
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if !reflect.DeepEqual(g, w) {
			t.Errorf("paragraph %d:\n got  %s\n want %s", i, fmtPara(g), fmtPara(w))
		}
	}
}
