package cmd

import (
	"bytes"
	"github.com/reportlint/reportlint/internal/docxtest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/docxout"
	"github.com/reportlint/reportlint/segment"
)

// A small .docx builder for these tests (docxout's helpers are internal).

const tW = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

const tHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

func tP(runs ...string) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	for i, r := range runs {
		rpr := ""
		if i%2 == 1 {
			rpr = `<w:rPr><w:i/></w:rPr>` // neighbouring runs differ: never merged
		}
		b.WriteString(`<w:r>` + rpr + `<w:t xml:space="preserve">` + r + `</w:t></w:r>`)
	}
	b.WriteString("</w:p>")
	return b.String()
}

func tNumbered(text string) string {
	return `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

// reviewFixture is a report with findings in runs split mid-word, in a
// table cell and in a heading numbered by Word, and an existing comment.
func reviewFixture(t testing.TB) []byte {
	body := tP("2023年度工作总结") +
		tNumbered("主要工作,再接再励") +
		tP("截", "止2023年底，完成投资15-2", "0%，新建基站３", "２个，增长6.5%。") +
		`<w:tbl><w:tr><w:tc>` + tP("固定资产投资增长8.2％") + `</w:tc><w:tc>` + tP("坚持严于", "修身、严以用权，不得使用“以人民", "为核心”的提法") + `</w:tc></w:tr></w:tbl>` +
		`<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>已有批注的文字</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>` +
		tP("全年完成投资**亿元，组织开展调研、座谈、等活动。") +
		tNumbered("纠正“以人民为核心”的说法") + tNumbered("下一步打算") + tP("继续推进1-3季度重点任务。")
	return docxtest.Zip(t, map[string]string{
		"[Content_Types].xml": tHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
			`<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>`,
		"_rels/.rels": tHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/_rels/document.xml.rels": tHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>` +
			`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>`,
		"word/numbering.xml": tHeader + `<w:numbering ` + tW + `><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>` +
			`<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
		"word/comments.xml": tHeader + `<w:comments ` + tW + `><w:comment w:id="0" w:author="李四"><w:p><w:r><w:t>旧批注</w:t></w:r></w:p></w:comment></w:comments>`,
		"word/document.xml": tHeader + `<w:document ` + tW + `><w:body>` + body + `<w:sectPr/></w:body></w:document>`,
	})
}

var (
	reCStart   = regexp.MustCompile(`<w:commentRangeStart w:id="(\d+)"/>`)
	reCEnd     = regexp.MustCompile(`<w:commentRangeEnd w:id="(\d+)"/>`)
	reComment  = regexp.MustCompile(`(?s)<w:comment w:id="(\d+)"[^>]*>(.*?)</w:comment>`)
	reCPara    = regexp.MustCompile(`(?s)<w:p>.*?</w:p>`)
	reTagStrip = regexp.MustCompile(`<[^>]+>`)
)

// anchors returns, by comment id, the comment's text and the text Word
// shows between its range start and end (read back with segment, so
// deleted text is skipped and inserted text counts).
func anchors(t *testing.T, out []byte) (texts, anchored map[string]string) {
	t.Helper()
	parts := docxtest.Unzip(t, out)
	texts = map[string]string{}
	for _, m := range reComment.FindAllStringSubmatch(parts["word/comments.xml"], -1) {
		var ps []string
		for _, p := range reCPara.FindAllString(m[2], -1) {
			ps = append(ps, reTagStrip.ReplaceAllString(p, ""))
		}
		texts[m[1]] = unescapeXML(strings.Join(ps, "\n"))
	}
	doc := parts["word/document.xml"]
	doc = reCStart.ReplaceAllString(doc, "<w:r><w:t>\uE000$1\uE001</w:t></w:r>")
	doc = reCEnd.ReplaceAllString(doc, "<w:r><w:t>\uE002$1\uE003</w:t></w:r>")
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
	anchored = map[string]string{}
	for _, m := range regexp.MustCompile("\uE000([0-9]+)\uE001").FindAllStringSubmatchIndex(all, -1) {
		id := all[m[2]:m[3]]
		end := strings.Index(all, "\uE002"+id+"\uE003")
		if end < m[1] {
			t.Errorf("comment %s: range end missing or before start", id)
			continue
		}
		anchored[id] = marker.ReplaceAllString(all[m[1]:end], "")
	}
	return texts, anchored
}

func unescapeXML(s string) string {
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'", "&amp;", "&").Replace(s)
}

// verifyReview checks that every finding of src is a comment anchored on
// exactly its text, or, when fixed, the comment of its tracked change
// anchored on the replacement.
func verifyReview(t *testing.T, out []byte, src *source) {
	t.Helper()
	texts, anchored := anchors(t, out)
	plan := planFixes(src.doc.Text, src.res.Findings, registry())
	nFixed, nLeft := 0, 0
	for i, f := range src.res.Findings {
		if f.Suppressed || f.Text == "" {
			continue
		}
		head := "【规则 " + f.Rule + "】" + strings.TrimSpace(f.Message)
		want := f.Text
		if k, ok := plan.FixedBy[i]; ok {
			want = plan.Edits[k].Insert
			nFixed++
		} else {
			nLeft++
		}
		found := false
		for id, txt := range texts {
			if !strings.Contains(txt, head) {
				continue
			}
			if strings.Contains(txt, docxout.NumberingNote) || anchored[id] == want {
				found = true
				break
			}
			t.Logf("comment %s %q anchored on %q", id, txt, anchored[id])
		}
		if !found {
			t.Errorf("finding %s on %q (want anchor %q): no comment anchored on it", f.Rule, f.Text, want)
		}
	}
	if nFixed < 3 || nLeft < 3 {
		t.Fatalf("only %d fixed and %d other findings checked", nFixed, nLeft)
	}
}

func writeTempBytes(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReviewDocxAnchors(t *testing.T) {
	orig := reviewFixture(t)
	in := writeTempBytes(t, "草稿.docx", orig)
	out := filepath.Join(filepath.Dir(in), "草稿-审阅.docx")
	app, _, errb := testApp("")
	if code := run(app, []string{"check", "--format", "docx", "-o", out, in}); code != ExitFindings {
		t.Fatalf("exit %d; stderr %s", code, errb)
	}
	if now, _ := os.ReadFile(in); !bytes.Equal(now, orig) {
		t.Fatal("the input was written")
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	app2, _, _ := testApp("")
	src, err := app2.readSource(in, &lintOptions{MinSeverity: "info", FailOn: "error"})
	if err != nil {
		t.Fatal(err)
	}
	verifyReview(t, data, src)
	texts, anchored := anchors(t, data)
	if texts["0"] != "旧批注" || anchored["0"] != "已有批注的文字" {
		t.Errorf("existing comment lost: %q on %q", texts["0"], anchored["0"])
	}
	parts := docxtest.Unzip(t, data)
	if !strings.Contains(parts["word/document.xml"], `w:author="reportlint"`) || !strings.Contains(parts["word/document.xml"], "<w:del ") {
		t.Error("no tracked change by reportlint")
	}
	if strings.Contains(parts["word/comments.xml"], "w:date") {
		t.Error("a date was written without --comment-date")
	}
	// the same input gives the same bytes; the review command is the same
	out2 := filepath.Join(filepath.Dir(in), "again.docx")
	app3, _, _ := testApp("")
	run(app3, []string{"review", in, "-o", out2})
	if again, _ := os.ReadFile(out2); !bytes.Equal(again, data) {
		t.Error("review and check --format docx differ, or output not reproducible")
	}
	app4, _, _ := testApp("")
	run(app4, []string{"review", "--comment-date", in, "-o", out2})
	if dated, _ := os.ReadFile(out2); !strings.Contains(docxtest.Unzip(t, dated)["word/comments.xml"], "w:date=") {
		t.Error("--comment-date wrote no date")
	}
}

func TestReviewTextInput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "审阅稿.docx")
	app, _, errb := testApp("")
	if code := run(app, []string{"review", fixReport, "-o", out}); code != ExitFindings {
		t.Fatalf("exit %d; stderr %s", code, errb)
	}
	data, _ := os.ReadFile(out)
	app2, _, _ := testApp("")
	src, err := app2.readSource(fixReport, &lintOptions{MinSeverity: "info", FailOn: "error"})
	if err != nil {
		t.Fatal(err)
	}
	verifyReview(t, data, src)
	doc, err := segment.LoadBytes("x.docx", data, segment.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	plan := planFixes(src.doc.Text, src.res.Findings, registry())
	if want := docxout.ApplyText(src.doc.Text, plan.Edits); doc.Text != want {
		t.Errorf("review copy read back (changes accepted):\n%s\nwant\n%s", doc.Text, want)
	}
}

func TestReviewPlaceholderComment(t *testing.T) {
	in := writeTempBytes(t, "p.txt", []byte("2023年度工作总结\n全年完成投资**亿元。\n"))
	out := filepath.Join(filepath.Dir(in), "p.docx")
	app, _, _ := testApp("")
	run(app, []string{"review", in, "-o", out})
	data, _ := os.ReadFile(out)
	texts, anchored := anchors(t, data)
	ok := false
	for id, txt := range texts {
		if strings.HasPrefix(txt, "【规则 placeholder.number】") && strings.Contains(txt, "建议：") && anchored[id] == "**" {
			ok = true
		}
	}
	if !ok {
		t.Errorf("no placeholder comment on “**”: %q %q", texts, anchored)
	}
}

func TestFixDocxEqualsApplyText(t *testing.T) {
	orig := reviewFixture(t)
	in := writeTempBytes(t, "草稿.docx", orig)
	out := filepath.Join(filepath.Dir(in), "修正稿.docx")
	app, _, errb := testApp("")
	if code := run(app, []string{"fix", in, "-o", out}); code == ExitInput {
		t.Fatalf("exit 2: %s", errb)
	}
	data, _ := os.ReadFile(out)
	got, err := segment.LoadBytes("out.docx", data, segment.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	app2, _, _ := testApp("")
	src, _ := app2.readSource(in, &lintOptions{MinSeverity: "info", FailOn: "error"})
	plan := planFixes(src.doc.Text, src.res.Findings, registry())
	want := docxout.ApplyText(src.doc.Text, plan.Edits)
	if len(plan.Edits) < 5 || want == src.doc.Text {
		t.Fatalf("fixture gives only %d edits", len(plan.Edits))
	}
	if got.Text != want {
		t.Errorf("fixed .docx reads\n%s\nwant\n%s", got.Text, want)
	}
	for _, s := range []string{"15%～20%", "基站32个", "截至2023年底", "严以修身", "座谈等活动", "再接再厉"} {
		if !strings.Contains(got.Text, s) {
			t.Errorf("fixed .docx lacks %q", s)
		}
	}
	// checking the fixed copy (changes read as accepted) finds none of the fixed findings
	after := checkFindingsJSON(t, out)
	for i, k := range plan.FixedBy {
		f := src.res.Findings[i]
		for _, g := range after {
			if g.Rule == f.Rule && (g.Text == f.Text || g.Text == plan.Edits[k].Insert) {
				t.Errorf("after fixing, check still reports %s on %q", g.Rule, g.Text)
			}
		}
	}
}

func TestReviewGuards(t *testing.T) {
	orig := reviewFixture(t)
	in := writeTempBytes(t, "草稿.docx", orig)
	dir := filepath.Dir(in)
	bad := filepath.Join(dir, "坏文件.docx")
	os.WriteFile(bad, []byte("这不是 Word 文件"), 0o644)
	noDoc := filepath.Join(dir, "空包.docx")
	os.WriteFile(noDoc, docxtest.Zip(t, map[string]string{"a.txt": "x"}), 0o644)
	cases := []struct {
		args []string
		tty  bool
		want string // in stderr
	}{
		{[]string{"check", "--format", "docx", in}, false, "-o"},
		{[]string{"check", "--format", "docx", "-o", in, in}, false, "拒绝覆盖"},
		{[]string{"review", in, "-o", in}, false, "拒绝覆盖"},
		{[]string{"fix", in, "-o", in}, false, "拒绝覆盖"},
		{[]string{"review", in, "-o", "-"}, true, "终端"},
		{[]string{"check", "--format", "docx", "-o", filepath.Join(dir, "x.docx"), in, in}, false, "一个文件"},
		{[]string{"review", bad, "-o", filepath.Join(dir, "x.docx")}, false, bad},
		{[]string{"review", noDoc, "-o", filepath.Join(dir, "x.docx")}, false, noDoc},
		{[]string{"fix", bad, "-o", filepath.Join(dir, "x.docx")}, false, bad},
		{[]string{"fix", in, "-o", filepath.Join(dir, "x.txt")}, false, ".docx"},
	}
	for _, c := range cases {
		app, _, errb := testApp("")
		app.OutTTY = c.tty
		if code := run(app, c.args); code != ExitInput || !strings.Contains(errb.String(), c.want) || !hasHan(errb.String()) {
			t.Errorf("%v: exit %d, stderr %q; want 2 naming %q", c.args, code, errb, c.want)
		}
	}
	if now, _ := os.ReadFile(in); !bytes.Equal(now, orig) {
		t.Fatal("the input was written")
	}
	if _, err := os.Stat(filepath.Join(dir, "x.docx")); err == nil {
		t.Error("an output was written for bad input")
	}
	// -o - writes the .docx to standard output when it is not a terminal
	app, out, _ := testApp("")
	if code := run(app, []string{"review", in, "-o", "-"}); code != ExitFindings || !bytes.HasPrefix(out.Bytes(), []byte("PK")) {
		t.Errorf("-o -: exit %d, %d bytes", code, out.Len())
	}
	if _, err := os.Stat("-"); err == nil {
		t.Error("-o - created a file named -")
	}
}
