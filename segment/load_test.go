package segment

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadFileErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := write("big.txt", []byte(strings.Repeat("述职", 600)))
	cases := []struct {
		path, reason string
		opt          LoadOptions
	}{
		{filepath.Join(dir, "missing.txt"), "文件不存在", LoadOptions{}},
		{dir, "是目录", LoadOptions{}},
		{write("a.pdf", []byte("%PDF-1.7")), "不支持 .pdf", LoadOptions{}},
		{write("bin.txt", []byte{0, 1, 2, 3, 0, 0, 0xff}), "二进制", LoadOptions{}},
		{write("bad.docx", []byte("PK\x03\x04garbage")), ".docx", LoadOptions{}},
		{write("enc.docx", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest")), "加密", LoadOptions{}},
		{big, "超过大小上限", LoadOptions{MaxSize: 1000}},
		{write("zip.txt", []byte("PK\x03\x04xxxx")), "压缩包", LoadOptions{}},
	}
	for _, c := range cases {
		_, err := LoadFile(c.path, nil, c.opt)
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Errorf("%s: got %v, want InputError", c.path, err)
			continue
		}
		if ie.Path != c.path || !strings.Contains(ie.Reason, c.reason) {
			t.Errorf("%s: got %q, want reason containing %q", c.path, err, c.reason)
		}
	}
}

func TestLoadStdinAndFormats(t *testing.T) {
	doc, err := LoadFile("-", strings.NewReader("2022年度工作总结\n一、主要成效\n"), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Path != "<stdin>" || doc.Format != FormatText || len(doc.Paragraphs) != 2 {
		t.Errorf("stdin doc = %+v", doc)
	}
	if doc.Slice(doc.Title) != "2022年度工作总结" {
		t.Errorf("title = %q", doc.Slice(doc.Title))
	}
	md, err := LoadBytes("a.md", []byte("## 一、主要成效\n"), LoadOptions{})
	if err != nil || md.Format != FormatMarkdown || len(md.Headings) != 1 || md.Headings[0].Level != 1 {
		t.Fatalf("markdown heading: %+v %v", md, err)
	}
	if got := md.Slice(md.Headings[0].Marker); got != "一、" {
		t.Errorf("marker = %q", got)
	}
}

func TestPositions(t *testing.T) {
	doc := NewDocument("p.txt", FormatText, "utf-8", "标题\n\n第一段：５Ｇ和5G。\n第二行", nil)
	off := strings.Index(doc.Text, "5G")
	if p := doc.Position(off); p != (Pos{3, 8}) {
		t.Errorf("Position(5G) = %+v, want 3:8", p)
	}
	if p := doc.Position(len(doc.Text)); p != (Pos{4, 4}) {
		t.Errorf("Position(end) = %+v, want 4:4", p)
	}
	if len(doc.Paragraphs) != 3 || doc.Paragraphs[1].Number != 3 {
		t.Errorf("paragraphs = %+v", doc.Paragraphs)
	}
}

func TestSentences(t *testing.T) {
	doc := NewDocument("s.txt", FormatText, "utf-8", "他说：“做到了。真的！”然后离开。第二句？尾巴", nil)
	var got []string
	for _, sp := range doc.Sentences(doc.Paragraphs[0].Span) {
		got = append(got, doc.Slice(sp))
	}
	want := []string{"他说：“做到了。真的！”然后离开。", "第二句？", "尾巴"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences = %q, want %q", got, want)
	}
}
