package segment

import (
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"
)

const sampleCN = "一、加强理论学习\r\n全年完成投资12.5亿元，增长8％。\r二〇二二年"

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	var out []byte
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestDecodeDetects(t *testing.T) {
	want := "一、加强理论学习\n全年完成投资12.5亿元，增长8％。\n二〇二二年"
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(sampleCN)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, enc string
		data      []byte
	}{
		{"utf-8", "utf-8", []byte(sampleCN)},
		{"utf-8 bom", "utf-8-bom", append([]byte("\xef\xbb\xbf"), sampleCN...)},
		{"utf-16le bom", "utf-16le", utf16Bytes(sampleCN, false, true)},
		{"utf-16be bom", "utf-16be", utf16Bytes(sampleCN, true, true)},
		{"gb18030", "gb18030", []byte(gb)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text, enc, err := Decode(c.data, "auto")
			if err != nil {
				t.Fatal(err)
			}
			if text != want || enc != c.enc {
				t.Errorf("got %q (%s), want %q (%s)", text, enc, want, c.enc)
			}
		})
	}
}

func TestDecodeOverride(t *testing.T) {
	gb, _ := simplifiedchinese.GB18030.NewEncoder().String("述职报告")
	if text, _, err := Decode([]byte(gb), "gbk"); err != nil || text != "述职报告" {
		t.Errorf("gbk override: %q %v", text, err)
	}
	if _, _, err := Decode([]byte(gb), "utf-8"); err == nil {
		t.Error("utf-8 override on GB18030 bytes should fail")
	}
	if _, _, err := Decode([]byte("x"), "latin9"); err == nil || !strings.Contains(err.Error(), "不支持的编码") {
		t.Errorf("unknown encoding: %v", err)
	}
}

func TestDecodeRejectsBinary(t *testing.T) {
	for _, data := range [][]byte{
		{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0},
		append([]byte("正文"), 0, 0, 0, 1, 2, 3),
		{0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'},
	} {
		if _, _, err := Decode(data, ""); err == nil {
			t.Errorf("Decode(%q) succeeded, want an error", data)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(sampleCN))
	f.Add(utf16Bytes(sampleCN, false, true))
	f.Add([]byte{0xff, 0xfe, 0x00})
	f.Add([]byte{0x81, 0x30, 0x81})
	f.Add(utf16Bytes(sampleCN, false, false))
	f.Add(utf16Bytes("Annual report\n", true, false))
	f.Add([]byte("一年来，我认真\x00履行职责。"))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, _, err := Decode(data, "auto")
		if err != nil {
			return
		}
		if strings.Contains(text, "\r") {
			t.Errorf("CR left in decoded text")
		}
		doc := NewDocument("fuzz.txt", FormatText, "utf-8", text, nil)
		for _, p := range doc.Paragraphs {
			if p.Span.Start < 0 || p.Span.End > len(text) || p.Span.Start > p.Span.End {
				t.Fatalf("bad paragraph span %v", p.Span)
			}
			doc.Position(p.Span.End)
			doc.Sentences(p.Span)
		}
	})
}

// Issue 14: a wrong --encoding names what the file looks like and the fix,
// instead of telling the user to use --encoding.
func TestForcedEncodingSaysWhatItIs(t *testing.T) {
	utf8Text := []byte("2023年工作总结\n全年完成项目12个。\n")
	if _, _, err := Decode(utf8Text, "gb18030"); err == nil || !strings.Contains(err.Error(), "--encoding utf-8") {
		t.Errorf("gb18030 on UTF-8: %v", err)
	}
	u16 := []byte{0xff, 0xfe}
	for _, r := range "2023年工作总结" {
		u16 = append(u16, byte(r), byte(r>>8))
	}
	if _, _, err := Decode(u16, "utf-8"); err == nil || !strings.Contains(err.Error(), "utf-16") {
		t.Errorf("utf-8 on UTF-16: %v", err)
	}
	if _, _, err := Decode([]byte{0x00, 0xff, 0xfe, 0x81}, "utf-8"); err == nil || strings.Contains(err.Error(), "看起来是") {
		t.Errorf("garbage: %v", err)
	}
}
