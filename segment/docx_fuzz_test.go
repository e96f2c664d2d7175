package segment

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"
)

// fuzzSeedParts are small but feature-complete parts: numbering at four
// levels, styles with basedOn, comments, tables, fields, tracked changes,
// a text box.
var fuzzSeedParts = struct{ body, numbering, styles, comments string }{
	body: tSP("Heading1", "总体情况") + tNP(1, 1, "学习") + tNP(1, 2, "细则") + tNP(1, 3, "条目") + tNP(2, 0, "重启") +
		`<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>增长</w:t><w:tab/><w:br/></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del>` +
		`<w:ins><w:r><w:t>增</w:t></w:r></w:ins><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:commentRangeEnd w:id="0"/>` +
		`<w:r><w:commentReference w:id="0"/></w:r></w:p>` +
		`<w:tbl><w:tr><w:tc>` + tP("甲") + `</w:tc><w:tc>` + tNP(1, 0, "乙") + `</w:tc></w:tr></w:tbl>` +
		`<w:sdt><w:sdtPr/><w:sdtContent>` + tP("控件") + `</w:sdtContent></w:sdt>` +
		`<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>` + tP("框") + `</w:txbxContent></w:drawing></mc:Choice><mc:Fallback>` + tP("框") + `</mc:Fallback></mc:AlternateContent></w:r></w:p>`,
	numbering: tNumbering(tAbstract(0, tGBLevels) + tNum(1, 0, "") + tNum(2, 0, `<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride>`) +
		`<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="L"/></w:abstractNum>` + tNum(3, 1, "")),
	styles: tStyles(`<w:style w:type="paragraph" w:default="1" w:styleId="a"/>` +
		`<w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
		`<w:style w:type="numbering" w:styleId="L"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>`),
	comments: tComments(`<w:comment w:id="0"><w:p><w:r><w:t>核实</w:t></w:r></w:p></w:comment>`),
}

func fuzzSeedDocx(tb testing.TB, method uint16) []byte {
	s := fuzzSeedParts
	return buildDocxMethod(tb, map[string]string{
		"[Content_Types].xml": tContentTypes,
		"_rels/.rels":         tRootRels,
		"word/document.xml":   tDocument(s.body),
		"word/numbering.xml":  s.numbering,
		"word/styles.xml":     s.styles,
		"word/comments.xml":   s.comments,
	}, method)
}

// checkDocxResult holds for every input: either a Chinese DocxError and no
// paragraphs, or paragraphs that are single lines starting with their prefix.
func checkDocxResult(t *testing.T, paras []DocxParagraph, err error) {
	t.Helper()
	if err != nil {
		var de *DocxError
		if !errors.As(err, &de) || de.Reason == "" {
			t.Fatalf("error is not a *DocxError with a reason: %#v", err)
		}
		if paras != nil {
			t.Fatalf("paragraphs returned with error %v", err)
		}
		return
	}
	if len(paras) > dxMaxParagraphs {
		t.Fatalf("%d paragraphs", len(paras))
	}
	for i, p := range paras {
		if strings.ContainsAny(p.Text, "\r\n") {
			t.Fatalf("paragraph %d spans lines: %q", i, p.Text)
		}
		if !strings.HasPrefix(p.Text, p.NumPrefix) {
			t.Fatalf("paragraph %d: Text %q lacks NumPrefix %q", i, p.Text, p.NumPrefix)
		}
	}
}

func FuzzReadDocx(f *testing.F) {
	f.Add(fuzzSeedDocx(f, zip.Store)) // stored, so mutations reach the XML
	f.Add(fuzzSeedDocx(f, zip.Deflate))
	f.Add(tDocx(f, tP("一年来")+tNP(1, 0, "思想"), tNumbering(tAbstract(0, tGBLevels)+tNum(1, 0, "")), "", ""))
	f.Add(buildDocxMethod(f, map[string]string{"word/document.xml": `<w:document ` + tNS + `><w:body><w:p><w:r><w:t>半截`}, zip.Store))
	f.Add([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00"))
	f.Add([]byte("PK\x03\x04garbage"))
	f.Add([]byte("PK\x05\x06\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"))
	f.Add([]byte("一年来，我认真履行职责。"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		paras, err := readDocx(data, DocxLimits{MaxUncompressed: 4 << 20}) // readDocx: no recover, so panics surface
		checkDocxResult(t, paras, err)
	})
}

// FuzzReadDocxParts fuzzes the XML parts directly, packed into a valid ZIP,
// which reaches the parsers far more often than mutating ZIP bytes does.
func FuzzReadDocxParts(f *testing.F) {
	s := fuzzSeedParts
	f.Add(tDocument(s.body), s.numbering, s.styles, s.comments)
	f.Add(tDocument(tNP(1, 0, "甲")+tNP(1, 8, "乙")+tNP(1, 0, "丙")), tNumbering(tAbstract(0, tLvl(8, 32767, "upperLetter", "%9%1%%0", ""))+tNum(1, 0, "")), "", "")
	f.Add(tDocument(tSP("X", "甲")), "", tStyles(`<w:style w:styleId="X"><w:basedOn w:val="X"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`), "")
	f.Add(strings.Repeat("<w:p>", 100), "<", "<", "<")
	f.Fuzz(func(t *testing.T, doc, numbering, styles, comments string) {
		parts := map[string]string{"word/document.xml": doc}
		for name, s := range map[string]string{"word/numbering.xml": numbering, "word/styles.xml": styles, "word/comments.xml": comments} {
			if s != "" {
				parts[name] = s
			}
		}
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for name, s := range parts {
			w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
			if err != nil {
				t.Fatal(err)
			}
			w.Write([]byte(s))
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		paras, err := readDocx(buf.Bytes(), DocxLimits{MaxUncompressed: 4 << 20})
		checkDocxResult(t, paras, err)
	})
}
