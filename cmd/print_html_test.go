package cmd

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"html"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/segment"
)

func renderHTML(t *testing.T, results []*analyze.Result) string {
	t.Helper()
	var buf bytes.Buffer
	// rule descriptions from testChecks, so the golden does not follow analyze
	title := func(id string) string {
		for _, c := range testChecks {
			for _, r := range c.Rules {
				if r.ID == id {
					return r.Doc
				}
			}
		}
		return ""
	}
	if err := htmlTemplate().Execute(&buf, toHTMLPage(results, nil, title, printOptions{})); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestHTMLGolden(t *testing.T) {
	golden(t, "printers.html", []byte(renderHTML(t, sampleResults(t))))
}

var (
	reScript = regexp.MustCompile(`(?s)<script>(.*?)</script>`)
	reStyle  = regexp.MustCompile(`(?s)<style>(.*?)</style>`)
	reCSP    = regexp.MustCompile(`http-equiv="Content-Security-Policy" content="([^"]*)"`)
)

func TestHTMLSelfContainedAndSafe(t *testing.T) {
	res := sampleResults(t)
	res[0].Path = `"><img src=x onerror=alert(1)>.txt`
	page := renderHTML(t, res)
	if n := strings.Count(strings.ToLower(page), "<script"); n != 1 {
		t.Errorf("%d <script> elements, want only the page's own", n)
	}
	for _, bad := range []string{"<img", "<link", "<iframe", "http://", "@import", "url("} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	if !strings.Contains(page, "&lt;script&gt;</mark>alert(&#34;x&#34;)&lt;/script&gt;") {
		t.Error("report text with <script> not shown escaped")
	}
	if !strings.Contains(page, "&lt;b&gt;标记&lt;/b&gt;") {
		t.Error("suppression reason with markup not shown escaped")
	}
	// the CSP admits exactly the page's own style and script
	csp := reCSP.FindStringSubmatch(page)
	if csp != nil {
		csp[1] = html.UnescapeString(csp[1])
	}
	js := reScript.FindStringSubmatch(page)
	css := reStyle.FindStringSubmatch(page)
	if csp == nil || js == nil || css == nil {
		t.Fatal("missing CSP, script or style")
	}
	for _, body := range []string{js[1], css[1]} {
		sum := sha256.Sum256([]byte(body))
		if h := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; !strings.Contains(csp[1], h) {
			t.Errorf("CSP %q lacks hash %s of an inline block", csp[1], h)
		}
	}
	if !strings.Contains(csp[1], "default-src 'none'") || strings.Contains(csp[1], "unsafe-inline") {
		t.Errorf("CSP %q", csp[1])
	}
}

func TestHTMLContent(t *testing.T) {
	page := renderHTML(t, sampleResults(t))
	for _, want := range []string{
		"年度工作总结（annual-summary）", "2023",
		"下一步打算", "✗ 缺少", "两个确立", // completeness table
		"未填写的占位符：<strong>1</strong> 处", "<details class=\"phs\">", "合计", // placeholders summary
		"<h3>数字与名称一致性：1 处</h3>", `<table class="numbers">`, "占比 120％ 超过 100％", // consistency section
		`<a class="anchor" id="f1-4"></a><mark class="m w"`, // the share finding's mark
		`id="i-f1-4"`, `href="#f1-4-r1"`, // side list item with related link
		"无法读取：文件不存在", "缺失的&lt;稿&gt;.docx",
		`class="item i sup"`, "忽略原因：",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

// TestHTMLLines checks the segmentation: every line's segments rebuild the
// line exactly, overlapping findings split into runs that list all of them,
// and zero-length findings become carets.
func TestHTMLLines(t *testing.T) {
	res := sampleResults(t)[0]
	page := toHTMLPage([]*analyze.Result{res}, nil, nil, printOptions{})
	lines := page.Files[0].Lines
	src := strings.Split(sampleText, "\n")
	if len(lines) != len(src) {
		t.Fatalf("%d lines, want %d", len(lines), len(src))
	}
	for i, l := range lines {
		var b strings.Builder
		for _, s := range l.Segs {
			b.WriteString(s.Text)
		}
		if b.String() != src[i] || l.N != i+1 {
			t.Errorf("line %d rebuilt as %q, want %q", l.N, b.String(), src[i])
		}
	}
	// line 4: 其中，工业投资8亿元，占比达到120％。 — wording (info) covers 工业投资8亿元，占比,
	// share (warning) covers 占比达到120％, related span covers 8亿元.
	want := []struct{ text, class, refs string }{
		{"其中，", "", ""},
		{"工业投资", "m i", "f1-3"},
		{"8亿元", "m i r", "f1-3 f1-4"},
		{"，", "m i", "f1-3"},
		{"占比", "m w", "f1-3 f1-4"},
		{"达到120％", "m w", "f1-4"},
		{"。", "", ""},
	}
	var got []htmlSeg
	for _, s := range lines[3].Segs {
		if s.Text != "" {
			got = append(got, s)
		}
	}
	if len(got) != len(want) {
		t.Fatalf("line 4 segments %+v", got)
	}
	for i, w := range want {
		if got[i].Text != w.text || got[i].Class != w.class || got[i].Refs != w.refs {
			t.Errorf("segment %d = %q %q %q, want %q %q %q", i, got[i].Text, got[i].Class, got[i].Refs, w.text, w.class, w.refs)
		}
	}
	// the placeholder ** overlaps the related span **亿元: the error colour wins
	if s := lines[2].Segs; !hasSeg(s, "**", "m e r") || !hasSeg(s, "亿元", "rel") {
		t.Errorf("line 3 segments %+v", s)
	}
	// suppressed finding is grey; the caret at the end of the last line
	if !hasSeg(lines[4].Segs, "<script>", "m sup") {
		t.Errorf("line 5 segments %+v", lines[4].Segs)
	}
	last := lines[len(lines)-1].Segs
	if c := last[len(last)-1]; !c.Caret || c.Text != "" || c.Class != "caret i" {
		t.Errorf("last segment %+v, want an info caret", c)
	}
	// the document-level finding anchors at the very start
	if first := lines[0].Segs[0]; len(first.Anchors) == 0 || first.Anchors[0] != "f1-1" || !first.Caret {
		t.Errorf("first segment %+v", first)
	}
}

func hasSeg(segs []htmlSeg, text, class string) bool {
	for _, s := range segs {
		if s.Text == text && s.Class == class {
			return true
		}
	}
	return false
}

// FuzzHTMLLines feeds arbitrary text and spans (as a byte string of
// offsets) and checks the segments rebuild the text.
func FuzzHTMLLines(f *testing.F) {
	f.Add("一、主要成效\n全年**亿元。", []byte{0, 5, 3, 9, 9, 9, 200, 1})
	f.Add("a\n\nb", []byte{1, 3, 0, 0})
	f.Fuzz(func(t *testing.T, text string, offs []byte) {
		if !utf8.ValidString(text) {
			return
		}
		var fs []analyze.Finding
		for i := 0; i+1 < len(offs) && len(fs) < 32; i += 2 {
			s, e := int(offs[i]), int(offs[i+1])
			if s > e {
				s, e = e, s
			}
			fs = append(fs, analyze.Finding{Rule: "x.y", Severity: analyze.Severity(i % 3), Span: segment.Span{Start: s, End: e},
				Suppressed: i%4 == 0, Related: []analyze.Related{{Span: segment.Span{Start: e, End: e + 1}}}})
		}
		res := &analyze.Result{Path: "f.txt", Text: text, Findings: fs}
		page := toHTMLPage([]*analyze.Result{res}, nil, nil, printOptions{})
		var b strings.Builder
		for i, l := range page.Files[0].Lines {
			if i > 0 {
				b.WriteByte('\n')
			}
			for _, s := range l.Segs {
				b.WriteString(s.Text)
			}
		}
		if b.String() != text {
			t.Fatalf("rebuilt %q, want %q", b.String(), text)
		}
		var out bytes.Buffer
		if err := printHTML(&out, []*analyze.Result{res}); err != nil {
			t.Fatal(err)
		}
	})
}

func BenchmarkPrintHTML(b *testing.B) {
	var sb strings.Builder
	var fs []analyze.Finding
	for i := 0; i < 3000; i++ {
		off := sb.Len()
		sb.WriteString("全年完成投资**亿元，同比增长12.5％。\n")
		fs = append(fs, analyze.Finding{Rule: "placeholder.number", Severity: analyze.Error, Span: segment.Span{Start: off + 18, End: off + 20},
			Message: "数字未填写", Related: []analyze.Related{{Span: segment.Span{Start: off, End: off + 30}}}})
	}
	res := []*analyze.Result{{Path: "b.txt", Text: sb.String(), Findings: fs}}
	b.SetBytes(int64(sb.Len()))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var out bytes.Buffer
		if err := printHTML(&out, res); err != nil {
			b.Fatal(err)
		}
	}
}
