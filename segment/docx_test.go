package segment

// Tests of .docx text extraction, package reading, errors and limits.

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

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
