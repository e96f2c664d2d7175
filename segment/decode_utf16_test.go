package segment

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Issue 17 item 10: UTF-16 without a BOM is detected by its NUL pattern and
// plausibility, in both byte orders, with or without ASCII.
func TestDecodeUTF16WithoutBOM(t *testing.T) {
	texts := []string{
		"一、加强理论学习\n全年完成投资12.5亿元，增长8％。\n二〇二二年",
		"坚持以人民为中心的发展思想，扎实推进各项工作。", // no ASCII: no NUL at all
		"Annual work report\nAll targets were met in 2022.\n",
		strings.Repeat("一年来，我认真履行职责，完成5G基站建设任务。\n", 200),
	}
	for _, text := range texts {
		for _, be := range []bool{false, true} {
			want := "utf-16le"
			if be {
				want = "utf-16be"
			}
			got, enc, err := Decode(utf16Bytes(text, be, false), "auto")
			if err != nil || got != text || enc != want {
				t.Errorf("%s %q: got %q (%s) %v", want, text[:min(len(text), 30)], got[:min(len(got), 30)], enc, err)
			}
		}
	}
}

// A stray NUL or control byte does not make a report binary.
func TestDecodeStrayNUL(t *testing.T) {
	body := strings.Repeat("一年来，我认真履行职责，全年完成投资12.5亿元。\n", 300) // ≈19 KB
	i := strings.Index(body, "职责")
	utf8NUL := body[:i] + "\x00" + body[i:]
	text, enc, err := Decode([]byte(utf8NUL), "auto")
	if err != nil || enc != "utf-8" || text != utf8NUL {
		t.Errorf("UTF-8 with one NUL: %s %v", enc, err)
	}
	esc := body[:i] + "\x1b[2J" + body[i:]
	if _, enc, err := Decode([]byte(esc), "auto"); err != nil || enc != "utf-8" {
		t.Errorf("UTF-8 with one ESC sequence: %s %v", enc, err)
	}
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(body)
	if err != nil {
		t.Fatal(err)
	}
	if text, enc, err := Decode([]byte(gb), "auto"); err != nil || enc != "gb18030" || text != body {
		t.Errorf("GB18030: %s %v", enc, err)
	}
	gbNUL := gb[:100] + "\x00" + gb[100:]
	if _, enc, err := Decode([]byte(gbNUL), "auto"); err != nil || enc != "gb18030" {
		t.Errorf("GB18030 with one NUL: %s %v", enc, err)
	}
	// Binary stays binary: many NULs and control bytes.
	bin := []byte(strings.Repeat("\x00\x01\x02\x03abc\xff", 100))
	if _, _, err := Decode(bin, "auto"); err == nil {
		t.Error("binary data decoded")
	}
	if _, _, err := Decode([]byte(strings.Repeat("正文\x00\x00", 50)), "auto"); err == nil {
		t.Error("NUL-heavy text decoded")
	}
}
