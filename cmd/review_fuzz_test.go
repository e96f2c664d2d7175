package cmd

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/docxtest"
	"github.com/reportlint/reportlint/segment"
)

// FuzzReviewDocx takes arbitrary bytes as a .docx through review's path
// (load → check → reviewed copy) without run's panic recovery: no panic,
// and either an input error (exit 2, nothing written) or a zip that
// segment reads back.
func FuzzReviewDocx(f *testing.F) {
	valid := reviewFixture(f)
	f.Add(valid)
	f.Add(serveDocx(f, serveFixIn...))
	// stored copies: byte mutations reach the XML
	f.Add(storedCopy(f, valid))
	f.Add(storedCopy(f, serveDocx(f, serveFixIn...)))
	f.Add(serveDocx(f))                                    // no paragraphs
	f.Add(docxtest.RawParagraphs(f, "截止<w:t>坏", "15-20%")) // malformed document.xml
	f.Add(valid[:len(valid)/2])                            // truncated
	flipped := bytes.Clone(valid)
	for i := 40; i < len(flipped); i += 97 {
		flipped[i] ^= 0x5a
	}
	f.Add(flipped)
	f.Add([]byte("PK\x03\x04garbage"))
	f.Add([]byte("PK\x05\x06" + strings.Repeat("\x00", 18)))
	f.Add([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"))
	f.Add([]byte("截止2023年底，完成投资15-20%。")) // text named .docx

	app, out, _ := testApp("") // fuzz targets run one at a time per process
	app.MaxSize = 1 << 20
	o := &lintOptions{Format: "docx", FailOn: "error", MinSeverity: "info"}
	lex, opt, err := app.setup(o, allChecks())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const name = "输入.docx"
		inputErr := func(err error) {
			var ee *exitError
			if !errors.As(err, &ee) || ee.code != ExitInput || !strings.Contains(ee.msg, name) {
				t.Fatalf("not an input error naming the file: %v", err)
			}
		}
		src, err := app.checkSource(name, data, lex, opt)
		if err != nil {
			inputErr(err)
			return
		}
		out.Reset()
		ro := *o
		if err := app.reviewSource(src, &ro, &docxFlags{}); err != nil {
			var ee *exitError
			if errors.As(err, &ee) && ee.code == ExitFindings {
				// findings left: the copy was written
			} else {
				inputErr(err)
				if out.Len() != 0 {
					t.Fatal("output written despite an input error")
				}
				return
			}
		}
		if _, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len())); err != nil {
			t.Fatalf("reviewed copy is not a zip: %v", err)
		}
		back, err := segment.LoadBytes("审阅稿.docx", out.Bytes(), segment.LoadOptions{MaxSize: 8 << 20})
		if err != nil {
			t.Fatalf("reviewed copy does not read back: %v", err)
		}
		if blankDocument(src.doc.Text) != blankDocument(back.Text) {
			t.Fatalf("text lost: %q read back as %q", src.doc.Text, back.Text)
		}
	})
}

// storedCopy rewrites a zip uncompressed with CRC-32 0, which archive/zip
// does not verify, so that a fuzzer's byte changes reach the parts' XML.
func storedCopy(t testing.TB, data []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.CreateRaw(&zip.FileHeader{Name: f.Name, Method: zip.Store, CompressedSize64: uint64(len(b)), UncompressedSize64: uint64(len(b))})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
