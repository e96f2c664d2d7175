package docxout

import (
	"github.com/reportlint/reportlint/internal/docxtest"
	"regexp"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/segment"
)

const fxNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
	`xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ` +
	`xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"`

func fxDocument(body string) string {
	return xmlHeader + `<w:document ` + fxNS + `><w:body>` + body +
		`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`
}

const fxContentTypes = xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Default Extension="png" ContentType="image/png"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`</Types>`

const fxRootRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`</Relationships>`

func fxDocRels(extra string) string {
	return xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/>` +
		extra + `</Relationships>`
}

// Chinese heading numbering: level 0 "一、", level 1 "（一）".
const fxNumbering = xmlHeader + `<w:numbering ` + fxNS + `><w:abstractNum w:abstractNumId="0">` +
	`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>` +
	`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>` +
	`</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`

func fxNumbered(ilvl int, text string) string {
	return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + string(rune('0'+ilvl)) + `"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>` + text + `</w:t></w:r></w:p>`
}

func fxP(text string) string {
	return `<w:p><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

// fxPNG is a made-up image part; it must come back byte for byte.
var fxPNG = "\x89PNG\r\n\x1a\n" + strings.Repeat("\x00\x01\x02reportlint", 40)

// fxBody exercises runs split mid-word with different rPr, a table,
// numbering, existing comments and tracked changes, tab/br/noBreakHyphen,
// hyperlink, smartTag, sdt, simple and complex fields, an image.
var fxBody = fxNumbered(0, "总体情况") +
	`<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>全面推进高</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>质量发展，</w:t></w:r>` +
	`<w:proofErr w:type="spellStart"/><w:r><w:rPr><w:color w:val="FF0000"/></w:rPr><w:t xml:space="preserve">完成投资15-20%。</w:t></w:r><w:proofErr w:type="spellEnd"/></w:p>` +
	fxNumbered(1, "主要做法") +
	`<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>已有批注</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>` +
	`<w:del w:id="7" w:author="张三"><w:r><w:delText>删去的</w:delText></w:r></w:del><w:ins w:id="8" w:author="张三"><w:r><w:t>插入的文字</w:t></w:r></w:ins>` +
	`<w:r><w:t>结尾</w:t><w:sym w:font="Wingdings" w:char="F0FC"/><w:tab/><w:t>甲</w:t><w:br/><w:t>乙</w:t><w:noBreakHyphen/><w:t>丙</w:t></w:r></w:p>` +
	`<w:p><w:hyperlink r:id="rId9"><w:r><w:t>链接文字</w:t></w:r></w:hyperlink><w:smartTag w:uri="x" w:element="y"><w:r><w:t>智能</w:t></w:r></w:smartTag>` +
	`<w:sdt><w:sdtPr><w:alias w:val="控件名"/></w:sdtPr><w:sdtContent><w:r><w:t>控件内容</w:t></w:r></w:sdtContent></w:sdt>` +
	`<w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple>` +
	`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2024年</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
	`<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:t>之后</w:t></w:r></w:p>` +
	`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>单元格一</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>单元</w:t></w:r><w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>格二</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
	`<w:p><w:r><w:drawing><wp:inline><a:graphic><a:graphicData><a:blip r:embed="rId2"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r><w:r><w:t>图后说明</w:t></w:r></w:p>` +
	`<w:p/>` + fxNumbered(0, "下一步打算") + fxP("继续努力")

const fxComments = xmlHeader + `<w:comments ` + fxNS + `><w:comment w:id="0" w:author="李四"><w:p><w:r><w:t>旧批注</w:t></w:r></w:p></w:comment>` +
	`<w:comment w:id="5" w:author="李四"><w:p><w:r><w:t>孤立批注</w:t></w:r></w:p></w:comment></w:comments>`

func fxParts(withComments bool) map[string]string {
	ct := fxContentTypes
	rels := fxDocRels("")
	parts := map[string]string{
		"_rels/.rels":           fxRootRels,
		"word/document.xml":     fxDocument(fxBody),
		"word/numbering.xml":    fxNumbering,
		"word/media/image1.png": fxPNG,
	}
	if withComments {
		ct = strings.Replace(ct, `</Types>`, `<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>`, 1)
		rels = fxDocRels(`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>`)
		parts["word/comments.xml"] = fxComments
	}
	parts["[Content_Types].xml"] = ct
	parts["word/_rels/document.xml.rels"] = rels
	return parts
}

func loadDocx(t testing.TB, data []byte) *segment.Document {
	t.Helper()
	doc, err := segment.LoadBytes("fixture.docx", data, segment.LoadOptions{})
	if err != nil {
		t.Fatalf("segment cannot read: %v", err)
	}
	return doc
}

var (
	reRangeStart = regexp.MustCompile(`<w:commentRangeStart w:id="(\d+)"/>`)
	reRangeEnd   = regexp.MustCompile(`<w:commentRangeEnd w:id="(\d+)"/>`)
)

// anchoredTexts returns, for every comment id, the text Word shows between
// its range start and end: range markers are turned into marker runs and
// the document is read back with segment.
func anchoredTexts(t testing.TB, out []byte) map[string]string {
	t.Helper()
	parts := docxtest.Unzip(t, out)
	doc := parts["word/document.xml"]
	doc = reRangeStart.ReplaceAllString(doc, "<w:r><w:t>\uE000$1\uE001</w:t></w:r>")
	doc = reRangeEnd.ReplaceAllString(doc, "<w:r><w:t>\uE002$1\uE003</w:t></w:r>")
	parts["word/document.xml"] = doc
	paras, err := segment.ReadDocx(docxtest.Zip(t, parts), segment.DocxLimits{})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, p := range paras {
		lines = append(lines, p.Text)
	}
	all := strings.Join(lines, "\n")
	marker := regexp.MustCompile("[\uE000\uE002][0-9]+[\uE001\uE003]")
	res := map[string]string{}
	for _, m := range regexp.MustCompile("\uE000([0-9]+)\uE001").FindAllStringSubmatchIndex(all, -1) {
		id := all[m[2]:m[3]]
		end := strings.Index(all, "\uE002"+id+"\uE003")
		if end < m[1] {
			t.Errorf("comment %s: range end missing or before start", id)
			continue
		}
		res[id] = marker.ReplaceAllString(all[m[1]:end], "")
	}
	return res
}
