// Package docxtest builds and opens .docx packages in tests.
package docxtest

import (
	"archive/zip"
	"bytes"
	"html"
	"io"
	"sort"
	"strings"
	"testing"
)

// Zip builds a .docx from parts in a fixed order ([Content_Types].xml
// first); images are stored, everything else deflated.
func Zip(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		if (names[i] == "[Content_Types].xml") != (names[j] == "[Content_Types].xml") {
			return names[i] == "[Content_Types].xml"
		}
		return names[i] < names[j]
	})
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		method := zip.Deflate
		if strings.HasSuffix(n, ".png") {
			method = zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, parts[n])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Paragraphs builds a minimal .docx with one plain paragraph per line
// (text escaped).
func Paragraphs(t testing.TB, lines ...string) []byte {
	t.Helper()
	esc := make([]string, len(lines))
	for i, l := range lines {
		esc[i] = html.EscapeString(l)
	}
	return RawParagraphs(t, esc...)
}

// RawParagraphs is Paragraphs with each line's XML taken as it is, so a
// test can build a malformed document.xml.
func RawParagraphs(t testing.TB, xml ...string) []byte {
	t.Helper()
	var body strings.Builder
	for _, l := range xml {
		body.WriteString(`<w:p><w:r><w:t xml:space="preserve">` + l + `</w:t></w:r></w:p>`)
	}
	return Zip(t, map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
			body.String() + `</w:body></w:document>`,
	})
}

// Unzip returns every entry's content by name.
func Unzip(t testing.TB, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("output is not a zip: %v", err)
	}
	out := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		out[f.Name] = string(b)
	}
	return out
}
