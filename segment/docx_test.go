package segment

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
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

func TestReadDocxText(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []DocxParagraph
	}{
		{
			name: "plain paragraphs",
			body: tP("一年来，我坚持学习。") + `<w:p/>` +
				`<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>述职</w:t></w:r><w:r><w:t>报告</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:t xml:space="preserve"> 2024 </w:t></w:r></w:p>`,
			want: []DocxParagraph{dp("一年来，我坚持学习。"), dp(""), dp("述职报告 2024 ")},
		},
		{
			name: "paragraph style",
			body: tSP("Heading1", "标题") + tSP("a3", "正文"),
			want: []DocxParagraph{{Text: "标题", Style: "Heading1"}, {Text: "正文", Style: "a3"}},
		},
		{
			name: "table cells in row and cell order",
			body: tP("表前") +
				`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid>` +
				`<w:tr><w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>` + tP("甲1") + tP("甲2") + `</w:tc><w:tc>` + tP("乙") + `</w:tc></w:tr>` +
				`<w:tr><w:tc>` + tP("丙") + `</w:tc><w:tc>` +
				`<w:tbl><w:tr><w:tc>` + tP("嵌套") + `</w:tc></w:tr></w:tbl>` + tP("丁") + `</w:tc></w:tr></w:tbl>` +
				tP("表后"),
			want: []DocxParagraph{dp("表前"),
				{Text: "甲1", InTable: true}, {Text: "甲2", InTable: true}, {Text: "乙", InTable: true},
				{Text: "丙", InTable: true}, {Text: "嵌套", InTable: true}, {Text: "丁", InTable: true},
				dp("表后")},
		},
		{
			name: "tabs, breaks and hyphens",
			body: `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>` +
				`<w:r><w:t>姓名</w:t><w:tab/><w:t>张三</w:t><w:br/><w:t>职务</w:t><w:cr/><w:t>科长</w:t></w:r>` +
				`<w:r><w:t>A</w:t><w:noBreakHyphen/><w:t>B</w:t><w:softHyphen/><w:sym w:font="Wingdings" w:char="F0FC"/><w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/><w:t>C</w:t></w:r>` +
				`<w:r><w:br w:type="page"/></w:r></w:p>`,
			want: []DocxParagraph{dp("姓名\t张三 职务 科长A-B\tC ")},
		},
		{
			name: "newlines inside w:t stay on one line",
			body: `<w:p><w:r><w:t xml:space="preserve">第一行` + "\n" + `第二行&#13;第三行</w:t></w:r></w:p>`,
			want: []DocxParagraph{dp("第一行 第二行 第三行")},
		},
		{
			name: "tracked changes",
			body: `<w:p><w:r><w:t>我</w:t></w:r>` +
				`<w:del w:id="1" w:author="张三" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>曾经</w:delText></w:r></w:del>` +
				`<w:ins w:id="2" w:author="张三"><w:r><w:t>始终</w:t></w:r></w:ins>` +
				`<w:r><w:t>坚持</w:t></w:r>` +
				`<w:moveFrom w:id="3"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom>` +
				`<w:moveTo w:id="4"><w:r><w:t>学习</w:t></w:r></w:moveTo>` +
				`<w:r><w:rPr><w:rPrChange w:id="5"><w:rPr><w:b/></w:rPr></w:rPrChange></w:rPr><w:t>。</w:t></w:r></w:p>` +
				// a paragraph deleted with its mark vanishes from the final view
				`<w:p><w:pPr><w:rPr><w:del w:id="6" w:author="张三"/></w:rPr></w:pPr><w:del w:id="7"><w:r><w:delText>整段删除</w:delText></w:r></w:del></w:p>` +
				tP("下一段"),
			want: []DocxParagraph{dp("我始终坚持学习。"), dp("下一段")},
		},
		{
			name: "fields keep results, drop instructions",
			body: `<w:p><w:r><w:t>第</w:t></w:r>` +
				`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE \* MERGEFORMAT </w:instrText></w:r>` +
				`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
				`<w:r><w:t>页，</w:t></w:r>` +
				`<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple>` +
				// nested field inside an instruction: nothing of it shows
				`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>` +
				`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>X</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
				`<w:r><w:instrText> = 1 "一" "多"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>多</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
				`</w:p>` +
				// a field spanning paragraphs (TOC): the result paragraphs show
				`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>TOC \o "1-3"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>目录一</w:t></w:r></w:p>` +
				`<w:p><w:r><w:t>目录二</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
			want: []DocxParagraph{dp("第3页，9多"), dp("目录一"), dp("目录二")},
		},
		{
			name: "content controls, hyperlinks, smart tags, custom XML",
			body: `<w:sdt><w:sdtPr><w:alias w:val="标题"/><w:placeholder><w:docPart w:val="X"/></w:placeholder><w:showingPlcHdr/></w:sdtPr><w:sdtEndPr/><w:sdtContent>` + tP("控件段落") + `</w:sdtContent></w:sdt>` +
				`<w:p><w:sdt><w:sdtPr><w:text/></w:sdtPr><w:sdtContent><w:r><w:t>行内</w:t></w:r></w:sdtContent></w:sdt>` +
				`<w:hyperlink r:id="rId9"><w:r><w:t>链接</w:t></w:r></w:hyperlink>` +
				`<w:smartTag w:uri="urn:x" w:element="date"><w:r><w:t>2024年</w:t></w:r></w:smartTag>` +
				`<w:customXml w:element="x"><w:r><w:t>自定义</w:t></w:r></w:customXml>` +
				`<w:bookmarkStart w:id="0" w:name="_Toc1"/><w:r><w:t>书签</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>`,
			want: []DocxParagraph{dp("控件段落"), dp("行内链接2024年自定义书签")},
		},
		{
			name: "hidden runs and ruby",
			body: `<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>可见</w:t></w:r>` +
				`<w:r><w:ruby><w:rubyPr><w:rubyAlign w:val="center"/></w:rubyPr><w:rt><w:r><w:t>zhuàn</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>撰</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>`,
			want: []DocxParagraph{dp("可见撰")},
		},
		{
			name: "text box: one branch of mc:AlternateContent, inner paragraph first",
			body: `<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="1" name="文本框 1" descr="说明"/><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>` +
				tP("框内") + `</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
				`<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>` + tP("框内") + `</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>` +
				`<w:r><w:t>继续</w:t></w:r></w:p>`,
			want: []DocxParagraph{dp("框内"), dp("正文继续")},
		},
		{
			name: "math text",
			body: `<w:p><w:r><w:t>增长</w:t></w:r><m:oMath><m:r><m:t>x%</m:t></m:r></m:oMath></w:p>`,
			want: []DocxParagraph{dp("增长x%")},
		},
		{
			name: "no paragraphs",
			body: ``,
			want: nil,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadDocx(tDocx(t, tc.body, "", "", ""), DocxLimits{})
			if err != nil {
				t.Fatal(err)
			}
			checkParas(t, got, tc.want)
		})
	}
}

func TestReadDocxNumbering(t *testing.T) {
	gb := tNumbering(tAbstract(0, tGBLevels) + tNum(1, 0, ""))
	tests := []struct {
		name       string
		body       string
		numbering  string
		styles     string
		want       []DocxParagraph
		wantPrefix []string // when set, compare only the NumPrefix of each paragraph
	}{
		{
			name:      "GB/T levels with restarts",
			numbering: gb,
			body: tNP(1, 0, "思想") + tNP(1, 1, "学习") + tNP(1, 1, "实践") + tNP(1, 2, "细则") + tNP(1, 3, "条目") + tNP(1, 3, "条目") +
				tNP(1, 4, "圈") + tNP(1, 2, "细则") + tP("正文") + tNP(1, 0, "工作") + tNP(1, 1, "业务") + tNP(1, 2, "重新"),
			want: []DocxParagraph{dpNum("一、", "思想"), dpNum("（一）", "学习"), dpNum("（二）", "实践"), dpNum("1.", "细则"),
				dpNum("（1）", "条目"), dpNum("（2）", "条目"), dpNum("①", "圈"), dpNum("2.", "细则"), dp("正文"),
				dpNum("二、", "工作"), dpNum("（一）", "业务"), dpNum("1.", "重新")},
		},
		{
			name:       "chineseCounting past ten",
			numbering:  gb,
			body:       strings.Repeat(tNP(1, 0, "x"), 22),
			wantPrefix: []string{"一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、", "十一、", "十二、", "十三、", "十四、", "十五、", "十六、", "十七、", "十八、", "十九、", "二十、", "二十一、", "二十二、"},
		},
		{
			name: "multi-level references and w:start",
			numbering: tNumbering(tAbstract(3, tLvl(0, 3, "decimal", "第%1章", "")+tLvl(1, 1, "decimal", "%1.%2", "")+tLvl(2, 1, "lowerLetter", "%1.%2.%3)", "")) +
				tNum(7, 3, "")),
			body: tNP(7, 0, "甲") + tNP(7, 1, "乙") + tNP(7, 2, "丙") + tNP(7, 2, "丁") + tNP(7, 1, "戊") + tNP(7, 0, "己") + tNP(7, 2, "庚"),
			want: []DocxParagraph{dpNum("第3章", "甲"), dpNum("3.1", "乙"), dpNum("3.1.a)", "丙"), dpNum("3.1.b)", "丁"),
				dpNum("3.2", "戊"), dpNum("第4章", "己"), dpNum("4.1.a)", "庚")},
		},
		{
			name: "lvlRestart 0 never restarts; isLgl renders decimal",
			numbering: tNumbering(tAbstract(0, tLvl(0, 1, "upperRoman", "%1.", "")+
				tLvl(1, 1, "decimal", "%2)", `<w:lvlRestart w:val="0"/>`)+
				tLvl(2, 1, "decimal", "%1.%2.%3", `<w:isLgl/>`)) + tNum(1, 0, "")),
			body:       tNP(1, 0, "") + tNP(1, 1, "") + tNP(1, 1, "") + tNP(1, 0, "") + tNP(1, 1, "") + tNP(1, 2, ""),
			wantPrefix: []string{"I.", "1)", "2)", "II.", "3)", "2.3.1"},
		},
		{
			name: "w:start omitted counts from 0; lvlText naming a deeper level is ignored",
			numbering: tNumbering(`<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>` +
				tLvl(1, 1, "decimal", "%1.%3", "") + `</w:abstractNum>` + tNum(1, 0, "")),
			body:       tNP(1, 0, "") + tNP(1, 0, "") + tNP(1, 1, ""),
			wantPrefix: []string{"0.", "1.", ""},
		},
		{
			name: "none, bullet and empty lvlText have no prefix",
			numbering: tNumbering(tAbstract(0, tLvl(0, 1, "none", "", "")+tLvl(1, 1, "bullet", "\uf06c", "")+tLvl(2, 1, "decimal", "", "")) +
				tNum(1, 0, "")),
			body: tNP(1, 0, "甲") + tNP(1, 1, "乙") + tNP(1, 2, "丙"),
			want: []DocxParagraph{{Text: "甲", Style: "ListParagraph"}, {Text: "乙", Style: "ListParagraph"}, {Text: "丙", Style: "ListParagraph"}},
		},
		{
			name:      "startOverride restarts the shared list, which then continues",
			numbering: tNumbering(tAbstract(0, tGBLevels) + tNum(1, 0, "") + tNum(2, 0, `<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>`)),
			body:      tNP(1, 0, "") + tNP(1, 0, "") + tNP(2, 0, "") + tNP(2, 0, "") + tNP(1, 0, "") + tNP(2, 1, ""),
			// numIds 1 and 2 share abstract 0: Word counts them as one list
			wantPrefix: []string{"一、", "二、", "五、", "六、", "七、", "（一）"},
		},
		{
			name: "lvlOverride with a whole level",
			numbering: tNumbering(tAbstract(0, tGBLevels) + tNum(1, 0, "") +
				`<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>` + tLvl(0, 1, "decimal", "第%1条", "") + `</w:lvlOverride></w:num>`),
			body:       tNP(1, 0, "") + tNP(3, 0, "") + tNP(3, 0, "") + tNP(1, 0, ""),
			wantPrefix: []string{"一、", "第1条", "第2条", "三、"},
		},
		{
			name:      "numbering through paragraph styles and basedOn",
			numbering: gb,
			styles: tStyles(`<w:docDefaults><w:pPrDefault><w:pPr/></w:pPrDefault></w:docDefaults>` +
				`<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>` +
				`<w:style w:type="paragraph" w:styleId="HBase"><w:name w:val="heading base"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:pPrChange w:id="1"><w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr></w:pPrChange></w:pPr></w:style>` +
				`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="HBase"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>` +
				`<w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>` +
				`<w:style w:type="paragraph" w:styleId="Loop1"><w:basedOn w:val="Loop2"/></w:style><w:style w:type="paragraph" w:styleId="Loop2"><w:basedOn w:val="Loop1"/></w:style>`),
			body: tSP("Heading1", "总体情况") + tSP("Heading2", "学习") + tSP("a", "正文") + tP("无样式") + tSP("Loop1", "循环") +
				// direct numId 0 switches the style's numbering off
				`<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>不编号</w:t></w:r></w:p>` +
				// direct ilvl with the style's numId
				`<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr><w:r><w:t>直接层级</w:t></w:r></w:p>` +
				tSP("Heading1", "存在问题"),
			want: []DocxParagraph{
				{Text: "一、总体情况", NumPrefix: "一、", Style: "Heading1"},
				{Text: "（一）学习", NumPrefix: "（一）", Style: "Heading2"},
				{Text: "正文", Style: "a"}, dp("无样式"), {Text: "循环", Style: "Loop1"},
				{Text: "不编号", Style: "Heading1"},
				{Text: "（二）直接层级", NumPrefix: "（二）", Style: "Heading1"},
				{Text: "二、存在问题", NumPrefix: "二、", Style: "Heading1"},
			},
		},
		{
			name: "level linked to a style by w:pStyle; numStyleLink",
			numbering: tNumbering(
				tAbstract(0, tLvl(0, 1, "chineseCounting", "%1、", `<w:pStyle w:val="H1"/>`)+tLvl(1, 1, "chineseCounting", "（%2）", `<w:pStyle w:val="H2"/>`)) +
					`<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="ListStyle"/></w:abstractNum>` +
					`<w:abstractNum w:abstractNumId="2"><w:styleLink w:val="ListStyle"/>` + tLvl(0, 1, "decimal", "%1.", "") + `</w:abstractNum>` +
					tNum(1, 0, "") + tNum(2, 1, "") + tNum(3, 2, "")),
			styles: tStyles(`<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
				`<w:style w:type="paragraph" w:styleId="H2"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
				`<w:style w:type="numbering" w:styleId="ListStyle"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>`),
			body: tSP("H1", "甲") + tSP("H2", "乙") + tSP("H1", "丙") + tNP(2, 0, "丁") + tNP(3, 0, "戊"),
			want: []DocxParagraph{{Text: "一、甲", NumPrefix: "一、", Style: "H1"}, {Text: "（一）乙", NumPrefix: "（一）", Style: "H2"},
				{Text: "二、丙", NumPrefix: "二、", Style: "H1"}, dpNum("1.", "丁"), dpNum("2.", "戊")},
		},
		{
			name:      "numbering in table cells; unknown numId and level",
			numbering: gb,
			body:      `<w:tbl><w:tr><w:tc>` + tNP(1, 0, "表内") + `</w:tc></w:tr></w:tbl>` + tNP(1, 0, "表外") + tNP(99, 0, "无定义") + tNP(1, 7, "无层级"),
			want: []DocxParagraph{{Text: "一、表内", NumPrefix: "一、", Style: "ListParagraph", InTable: true}, dpNum("二、", "表外"),
				{Text: "无定义", Style: "ListParagraph"}, {Text: "无层级", Style: "ListParagraph"}},
		},
		{
			name: "custom format inside mc:AlternateContent uses the fallback",
			numbering: tNumbering(`<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>` +
				`<mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent>` +
				`<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>` + tNum(1, 0, "")),
			body:       tNP(1, 0, "") + tNP(1, 0, ""),
			wantPrefix: []string{"1.", "2."},
		},
		{
			name:       "malformed numbering.xml: text is still read",
			numbering:  tNumbering(tAbstract(0, tGBLevels) + tNum(1, 0, ""))[:200] + "<w:lvl",
			body:       tNP(1, 0, "思想") + tP("正文"),
			want:       []DocxParagraph{{Text: "思想", Style: "ListParagraph"}, dp("正文")},
			wantPrefix: nil,
		},
		{
			name:      "malformed styles.xml is ignored",
			numbering: gb,
			styles:    tStyles(`<w:style w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`) + "<<<",
			body:      tSP("Heading1", "标题") + tNP(1, 0, "直接"),
			want:      []DocxParagraph{{Text: "标题", Style: "Heading1"}, dpNum("一、", "直接")},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadDocx(tDocx(t, tc.body, tc.numbering, tc.styles, ""), DocxLimits{})
			if err != nil {
				t.Fatal(err)
			}
			if tc.wantPrefix != nil {
				var prefixes []string
				for _, p := range got {
					prefixes = append(prefixes, p.NumPrefix)
					if !strings.HasPrefix(p.Text, p.NumPrefix) {
						t.Errorf("Text %q does not start with NumPrefix %q", p.Text, p.NumPrefix)
					}
				}
				if !reflect.DeepEqual(prefixes, tc.wantPrefix) {
					t.Errorf("prefixes\n got  %q\n want %q", prefixes, tc.wantPrefix)
				}
				return
			}
			checkParas(t, got, tc.want)
		})
	}
}

func TestDxFormatNumber(t *testing.T) {
	tests := []struct {
		format string
		n      int
		want   string
	}{
		{"chineseCounting", 1, "一"}, {"chineseCounting", 10, "十"}, {"chineseCounting", 11, "十一"},
		{"chineseCounting", 19, "十九"}, {"chineseCounting", 20, "二十"}, {"chineseCounting", 21, "二十一"},
		{"chineseCounting", 99, "九十九"}, {"chineseCounting", 100, "一百"}, {"chineseCounting", 101, "一百〇一"},
		{"chineseCounting", 110, "一百一十"}, {"chineseCounting", 1010, "一千〇一十"}, {"chineseCounting", 0, "〇"},
		{"chineseCountingThousand", 11, "十一"}, {"chineseCountingThousand", 105, "一百零五"},
		{"chineseCounting", 12345, "12345"},
		{"chineseLegalSimplified", 10, "壹拾"}, {"chineseLegalSimplified", 23, "贰拾叁"},
		{"ideographTraditional", 1, "甲"}, {"ideographTraditional", 10, "癸"}, {"ideographTraditional", 11, "甲"},
		{"ideographZodiac", 12, "亥"}, {"ideographDigital", 105, "一〇五"}, {"ideographEnclosedCircle", 3, "㈢"},
		{"decimal", 7, "7"}, {"decimal", 0, "0"}, {"decimalZero", 7, "07"}, {"decimalZero", 12, "12"},
		{"decimalFullWidth", 12, "１２"}, {"decimalEnclosedCircle", 1, "①"}, {"decimalEnclosedCircle", 20, "⑳"},
		{"decimalEnclosedCircle", 21, "21"}, {"decimalEnclosedCircleChinese", 2, "②"},
		{"decimalEnclosedParen", 3, "⑶"}, {"decimalEnclosedFullstop", 4, "⒋"},
		{"upperLetter", 1, "A"}, {"upperLetter", 26, "Z"}, {"upperLetter", 27, "AA"}, {"lowerLetter", 28, "bb"},
		{"upperLetter", 1000000, "1000000"},
		{"upperRoman", 4, "IV"}, {"upperRoman", 1999, "MCMXCIX"}, {"lowerRoman", 14, "xiv"}, {"lowerRoman", 5000, "5000"},
		{"none", 3, ""}, {"bullet", 3, ""}, {"ordinal", 3, "3"}, {"somethingNew", 4, "4"},
	}
	for _, tc := range tests {
		if got := dxFormatNumber(tc.n, tc.format); got != tc.want {
			t.Errorf("dxFormatNumber(%d, %q) = %q, want %q", tc.n, tc.format, got, tc.want)
		}
	}
}

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

func TestReadDocxPackage(t *testing.T) {
	body := tP("你好")
	t.Run("main part named by _rels/.rels", func(t *testing.T) {
		data := buildDocx(t, map[string]string{
			"_rels/.rels":                   strings.Replace(tRootRels, "word/document.xml", "/word/document2.xml", 1),
			"word/document2.xml":            tDocument(tNP(1, 0, "编号")),
			"word/_rels/document2.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering1.xml"/></Relationships>`,
			"word/numbering1.xml":           tNumbering(tAbstract(0, tGBLevels) + tNum(1, 0, "")),
		})
		got, err := ReadDocx(data, DocxLimits{})
		if err != nil {
			t.Fatal(err)
		}
		checkParas(t, got, []DocxParagraph{dpNum("一、", "编号")})
	})
	t.Run("part names are case-insensitive", func(t *testing.T) {
		data := buildDocx(t, map[string]string{"Word/Document.XML": tDocument(body)})
		got, err := ReadDocx(data, DocxLimits{})
		if err != nil {
			t.Fatal(err)
		}
		checkParas(t, got, []DocxParagraph{dp("你好")})
	})
	t.Run("stored (uncompressed) entries", func(t *testing.T) {
		data := buildDocxMethod(t, map[string]string{"word/document.xml": tDocument(body)}, zip.Store)
		got, err := ReadDocx(data, DocxLimits{})
		if err != nil {
			t.Fatal(err)
		}
		checkParas(t, got, []DocxParagraph{dp("你好")})
	})
	t.Run("UTF-16 document.xml", func(t *testing.T) {
		doc := strings.Replace(tDocument(body+tP("𠀀字")), `encoding="UTF-8"`, `encoding="UTF-16"`, 1)
		u := utf16.Encode([]rune(doc))
		b := []byte{0xff, 0xfe}
		for _, c := range u {
			b = append(b, byte(c), byte(c>>8))
		}
		data := buildDocx(t, map[string]string{"word/document.xml": string(b)})
		got, err := ReadDocx(data, DocxLimits{})
		if err != nil {
			t.Fatal(err)
		}
		checkParas(t, got, []DocxParagraph{dp("你好"), dp("𠀀字")})
	})
	t.Run("UTF-8 BOM", func(t *testing.T) {
		data := buildDocx(t, map[string]string{"word/document.xml": "\ufeff" + tDocument(body)})
		got, err := ReadDocx(data, DocxLimits{})
		if err != nil {
			t.Fatal(err)
		}
		checkParas(t, got, []DocxParagraph{dp("你好")})
	})
}

func TestReadDocxErrors(t *testing.T) {
	valid := tDocx(t, tP("正文"), "", "", "")
	bigEntry := func(name string, n int, extra map[string]string) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create(name)
		w.Write([]byte(`<w:document ` + tNS + `><w:body><w:p><w:r><w:t>`))
		zeros := make([]byte, 64<<10)
		for i := 0; i < n; i += len(zeros) {
			w.Write(zeros[:min(len(zeros), n-i)])
		}
		for k, v := range extra {
			w, _ := zw.Create(k)
			io.WriteString(w, v)
		}
		zw.Close()
		return buf.Bytes()
	}
	// lying: the central directory claims a tiny size for a 5 MB entry.
	lying := func() []byte {
		var raw bytes.Buffer
		fw, _ := flate.NewWriter(&raw, flate.BestSpeed)
		fw.Write(make([]byte, 5<<20))
		fw.Close()
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate, CompressedSize64: uint64(raw.Len()), UncompressedSize64: 1000})
		w.Write(raw.Bytes())
		zw.Close()
		return buf.Bytes()
	}()
	// declared: claims 100 MB, over the default 64 MiB cap, without data to back it.
	declared := func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Store, CompressedSize64: 5, UncompressedSize64: 100 << 20})
		w.Write([]byte("<a/>x"))
		zw.Close()
		return buf.Bytes()
	}()
	// overclaimed: each part claims 600 KB but holds a few bytes, so only the
	// declared sum (not decompression) can reject it.
	overclaimed := func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, name := range []string{"word/numbering.xml", "word/document.xml"} {
			w, _ := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Store, CompressedSize64: 4, UncompressedSize64: 600 << 10})
			w.Write([]byte("<a/>"))
		}
		zw.Close()
		return buf.Bytes()
	}()
	const bomb1MB = "解压后的内容超过 1 MB 上限，疑似压缩炸弹"
	tests := []struct {
		name string
		data []byte
		lim  DocxLimits
		want string
		is   error
	}{
		{"OLE (encrypted or .doc)", append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 600)...), DocxLimits{},
			"文件已加密（受密码保护），或是旧版 Word 97-2003 (.doc) 格式，无法读取；请在 Word 中取消密码或另存为 .docx", ErrDocxEncrypted},
		{"empty input", nil, DocxLimits{}, "不是有效的 .docx 文件（ZIP 结构损坏）", ErrDocxNotZip},
		{"plain text", []byte("一年来，我认真履行职责。"), DocxLimits{}, "不是有效的 .docx 文件（ZIP 结构损坏）", ErrDocxNotZip},
		{"truncated zip", valid[:len(valid)/2], DocxLimits{}, "不是有效的 .docx 文件（ZIP 结构损坏）", ErrDocxNotZip},
		{"corrupted deflate data", corruptEntry(t, valid), DocxLimits{}, "不是有效的 .docx 文件（ZIP 结构损坏）", ErrDocxNotZip},
		{"missing document.xml", buildDocx(t, map[string]string{"[Content_Types].xml": tContentTypes, "word/styles.xml": tStyles("")}), DocxLimits{},
			"不是有效的 .docx 文件（缺少 word/document.xml）", ErrDocxNoDocument},
		{"rels pointing nowhere", buildDocx(t, map[string]string{"_rels/.rels": tRootRels}), DocxLimits{},
			"不是有效的 .docx 文件（缺少 word/document.xml）", ErrDocxNoDocument},
		{"unclosed element", buildDocx(t, map[string]string{"word/document.xml": `<w:document ` + tNS + `><w:body><w:p><w:r><w:t>半截`}), DocxLimits{},
			"不是有效的 .docx 文件（word/document.xml 解析失败：内容不完整，意外结束）", ErrDocxBadXML},
		{"mismatched tags", buildDocx(t, map[string]string{"word/document.xml": "<w:document " + tNS + ">\n<w:body>\n<w:p></w:r></w:body></w:document>"}), DocxLimits{},
			"不是有效的 .docx 文件（word/document.xml 解析失败：标签不匹配：<w:p> 被 </w:r> 结束，第 3 行）", ErrDocxBadXML},
		{"invalid UTF-8", buildDocx(t, map[string]string{"word/document.xml": "<w:document " + tNS + "><w:t>\xff\xfe</w:t></w:document>"}), DocxLimits{},
			"不是有效的 .docx 文件（word/document.xml 解析失败：含有无效的 UTF-8 字节）", ErrDocxBadXML},
		{"unsupported encoding", buildDocx(t, map[string]string{"word/document.xml": `<?xml version="1.0" encoding="GBK"?><w:document ` + tNS + `/>`}), DocxLimits{},
			"不是有效的 .docx 文件（word/document.xml 解析失败：不支持的字符编码 GBK）", ErrDocxBadXML},
		{"too deeply nested", buildDocx(t, map[string]string{"word/document.xml": strings.Repeat("<a>", 5000) + strings.Repeat("</a>", 5000)}), DocxLimits{},
			"不是有效的 .docx 文件（XML 嵌套超过 2000 层）", ErrDocxTooComplex},
		{"zip bomb: 5 MB entry, 1 MB cap", bigEntry("word/document.xml", 5<<20, nil), DocxLimits{MaxUncompressed: 1 << 20}, bomb1MB, ErrDocxBomb},
		{"zip bomb: lying header", lying, DocxLimits{MaxUncompressed: 1 << 20}, "不是有效的 .docx 文件（ZIP 结构损坏）", ErrDocxNotZip},
		{"zip bomb: declared 100 MB, default cap", declared, DocxLimits{}, "解压后的内容超过 64 MB 上限，疑似压缩炸弹", ErrDocxBomb},
		{"zip bomb: parts add up", bigEntry("word/document.xml", 600<<10, map[string]string{"word/numbering.xml": strings.Repeat(" ", 600<<10)}),
			DocxLimits{MaxUncompressed: 1 << 20}, bomb1MB, ErrDocxBomb},
		{"zip bomb: declared sizes add up", overclaimed, DocxLimits{MaxUncompressed: 1 << 20}, bomb1MB, ErrDocxBomb},
		{"zip bomb: odd cap", bigEntry("word/document.xml", 5<<20, nil), DocxLimits{MaxUncompressed: 1536 << 10},
			"解压后的内容超过 1.5 MB 上限，疑似压缩炸弹", ErrDocxBomb},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			got, err := ReadDocx(tc.data, tc.lim)
			elapsed := time.Since(start)
			runtime.ReadMemStats(&after)
			if err == nil {
				t.Fatalf("no error; got %d paragraphs", len(got))
			}
			if err.Error() != tc.want {
				t.Errorf("error\n got  %s\n want %s", err, tc.want)
			}
			if !errors.Is(err, tc.is) {
				t.Errorf("errors.Is(%v, %v) = false", err, tc.is)
			}
			if got != nil {
				t.Errorf("paragraphs returned with an error: %v", got)
			}
			if strings.HasPrefix(tc.name, "zip bomb") {
				if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4<<20 {
					t.Errorf("allocated %d bytes rejecting a bomb", alloc)
				}
				if elapsed > time.Second {
					t.Errorf("took %v rejecting a bomb", elapsed)
				}
			}
		})
	}
}

// corruptEntry flips bytes in the middle of the first entry's compressed data.
func corruptEntry(t *testing.T, data []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var f *zip.File
	for _, e := range zr.File {
		if e.Name == "word/document.xml" {
			f = e
		}
	}
	off, err := f.DataOffset()
	if err != nil {
		t.Fatal(err)
	}
	out := bytes.Clone(data)
	for i := off + 5; i < off+int64(f.CompressedSize64)-2; i++ {
		out[i] ^= 0x5a
	}
	return out
}

func TestDxReaderCountsRealBytes(t *testing.T) {
	// The budget must hold even when headers lie and the ZIP layer does not notice.
	b := &dxBudget{remaining: 1 << 20, limit: 1 << 20}
	r := &dxReader{r: io.LimitReader(bytes.NewReader(make([]byte, 5<<20)), b.remaining+1), b: b}
	n, err := io.Copy(io.Discard, r)
	if err != errDxOverBudget || !b.over {
		t.Fatalf("err = %v, over = %v after %d bytes", err, b.over, n)
	}
	if n > 1<<20 {
		t.Errorf("passed %d bytes through a 1 MiB budget", n)
	}
}

func TestReadDocxParagraphLimit(t *testing.T) {
	data := tDocx(t, strings.Repeat("<w:p/>", dxMaxParagraphs+1), "", "", "")
	_, err := ReadDocx(data, DocxLimits{})
	if want := fmt.Sprintf("不是有效的 .docx 文件（段落数超过 %d 个上限）", dxMaxParagraphs); err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %s", err, want)
	}
}

// bigDocx is a ~1 MB document.xml of numbered and plain paragraphs, tables and fields.
func bigDocx(tb testing.TB) ([]byte, int) {
	var sb strings.Builder
	n := 0
	for sb.Len() < 1<<20 {
		sb.WriteString(tNP(1, n%3, "坚持以习近平新时代中国特色社会主义思想为指导"))
		sb.WriteString(`<w:p><w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/></w:rPr></w:pPr>` +
			`<w:r><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr><w:t>一年来，我认真学习贯彻党的二十大精神，</w:t></w:r>` +
			`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
			`<w:r><w:rPr><w:sz w:val="32"/></w:rPr><w:t>全面完成各项工作任务。</w:t></w:r></w:p>`)
		sb.WriteString(`<w:tbl><w:tr><w:tc>` + tP("单元格") + `</w:tc><w:tc>` + tP("数据") + `</w:tc></w:tr></w:tbl>`)
		n += 4
	}
	return tDocx(tb, sb.String(), tNumbering(tAbstract(0, tGBLevels)+tNum(1, 0, "")), "", ""), n
}

func TestReadDocxSpeed(t *testing.T) {
	data, n := bigDocx(t)
	start := time.Now()
	got, err := ReadDocx(data, DocxLimits{})
	elapsed := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != n {
		t.Fatalf("got %d paragraphs, want %d", len(got), n)
	}
	t.Logf("1 MB document.xml, %d paragraphs: %v", n, elapsed)
	// The target is well under 50 ms; the bound here only catches
	// pathological slowdowns without flaking on slow or -race runs.
	if elapsed > 2*time.Second {
		t.Errorf("took %v", elapsed)
	}
}

func BenchmarkReadDocx(b *testing.B) {
	data, _ := bigDocx(b)
	b.SetBytes(1 << 20)
	for b.Loop() {
		if _, err := ReadDocx(data, DocxLimits{}); err != nil {
			b.Fatal(err)
		}
	}
}

func fmtPara(p DocxParagraph) string {
	return fmt.Sprintf("{Text:%q NumPrefix:%q Style:%q InTable:%v Comments:%q}", p.Text, p.NumPrefix, p.Style, p.InTable, p.Comments)
}

// The fuzz seed must itself parse as intended, or the fuzzer starts from noise.
func TestFuzzSeedParses(t *testing.T) {
	for _, method := range []uint16{zip.Store, zip.Deflate} {
		got, err := ReadDocx(fuzzSeedDocx(t, method), DocxLimits{})
		if err != nil {
			t.Fatal(err)
		}
		checkParas(t, got, []DocxParagraph{
			{Text: "一、总体情况", NumPrefix: "一、", Style: "Heading1"},
			dpNum("（一）", "学习"), dpNum("1.", "细则"), dpNum("（1）", "条目"), dpNum("三、", "重启"),
			{Text: "增长\t 增1", Comments: []string{"核实"}},
			{Text: "甲", InTable: true}, {Text: "四、乙", NumPrefix: "四、", Style: "ListParagraph", InTable: true},
			dp("控件"), dp("框"), dp(""),
		})
	}
}
