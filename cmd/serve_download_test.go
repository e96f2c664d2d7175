package cmd

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/segment"
	"github.com/reportlint/reportlint/web"
)

var reHidden = regexp.MustCompile(`<input type="hidden" name="(\w+)" value="([^"]*)">`)

// serveDownload uploads name, then posts the page's download form as the
// browser would; it returns the response and its body.
func serveDownload(t *testing.T, ts *httptest.Server, name string, data []byte) (*http.Response, []byte) {
	t.Helper()
	code, page := serveUpload(t, ts, name, data)
	if code != 200 {
		t.Fatalf("%s: review status %d", name, code)
	}
	fields := map[string]string{}
	for _, m := range reHidden.FindAllStringSubmatch(page, -1) {
		fields[m[1]] = html.UnescapeString(m[2])
	}
	if fields["name"] != name || fields["data"] == "" {
		t.Fatalf("%s: no download form (fields %v)", name, fields)
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("name", fields["name"])
	mw.WriteField("data", fields["data"])
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/download", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, out
}

// checkReviewed asserts out is a .docx whose text reads back as want and
// that carries reportlint's comments.
func checkReviewed(t *testing.T, out []byte, want string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatalf("download is not a zip: %v", err)
	}
	var comments string
	for _, f := range zr.File {
		if f.Name == "word/comments.xml" {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(rc)
			rc.Close()
			comments = string(b)
		}
	}
	if !strings.Contains(comments, `w:author="reportlint"`) || !strings.Contains(comments, "【规则 ") {
		t.Errorf("no reportlint comments in the download")
	}
	doc, err := segment.LoadBytes("审阅稿.docx", out, segment.LoadOptions{})
	if err != nil {
		t.Fatalf("download does not read back: %v", err)
	}
	if doc.Text != want {
		t.Errorf("download reads back\n%q\nwant\n%q", doc.Text, want)
	}
}

// The lines of a report and the same lines with the certain fixes applied.
var (
	serveFixIn   = []string{"2023年度工作总结", "一、主要工作", "截止2023年底，完成投资15-20%，新建基站３２个。", "全年完成投资**亿元，组织开展调研、座谈、等活动。"}
	serveFixWant = []string{"2023年度工作总结", "一、主要工作", "截至2023年底，完成投资15%～20%，新建基站32个。", "全年完成投资**亿元，组织开展调研、座谈等活动。"}
)

func TestServeDownloadDocx(t *testing.T) {
	ts := serveTest(t, 0)
	resp, out := serveDownload(t, ts, "年度总结.docx", serveDocx(t, serveFixIn...))
	if resp.StatusCode != 200 {
		t.Fatalf("download status %d: %s", resp.StatusCode, out)
	}
	if cd, want := resp.Header.Get("Content-Disposition"), web.ContentDisposition("年度总结-审阅.docx"); cd != want ||
		!strings.Contains(cd, "filename*=UTF-8''%E5%B9%B4%E5%BA%A6%E6%80%BB%E7%BB%93-%E5%AE%A1%E9%98%85.docx") {
		t.Errorf("Content-Disposition %q", cd)
	}
	if !strings.Contains(resp.Header.Get("Content-Type"), "wordprocessingml") {
		t.Errorf("Content-Type %q", resp.Header.Get("Content-Type"))
	}
	checkReviewed(t, out, strings.Join(serveFixWant, "\n"))
}

func TestServeDownloadText(t *testing.T) {
	ts := serveTest(t, 0)
	for _, name := range []string{"述职报告.txt", "述职报告.md"} {
		resp, out := serveDownload(t, ts, name, []byte(strings.Join(serveFixIn, "\n")+"\n"))
		if resp.StatusCode != 200 {
			t.Fatalf("%s: download status %d: %s", name, resp.StatusCode, out)
		}
		if cd := resp.Header.Get("Content-Disposition"); cd != web.ContentDisposition("述职报告-审阅.docx") {
			t.Errorf("%s: Content-Disposition %q", name, cd)
		}
		checkReviewed(t, out, strings.Join(serveFixWant, "\n")+"\n")
	}
}

// TestServeDownloadBad: a download whose bytes do not load answers the
// Chinese input error, as the review page does.
func TestServeDownloadBad(t *testing.T) {
	ts := serveTest(t, 0)
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("name", "坏文件.docx")
	mw.WriteField("data", "UEsDBCBub3QgYSB6aXA=") // "PK\x03\x04 not a zip"
	mw.Close()
	resp, err := http.Post(ts.URL+"/download", mw.FormDataContentType(), &buf)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	page, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 422 || !strings.Contains(string(page), "无法为文件“坏文件.docx”生成审阅后的副本：不是有效的 .docx 文件") {
		t.Errorf("status %d:\n%s", resp.StatusCode, page)
	}
}

// TestServeDownloadConcurrent builds reviewed copies at once in parallel
// subtests (go test -race): each download holds its own text only.
func TestServeDownloadConcurrent(t *testing.T) {
	const n = 4
	ts := serveTest(t, n)
	for i := range n {
		name := fmt.Sprintf("报告%d.txt", i)
		if i%2 == 0 {
			name = fmt.Sprintf("报告%d.docx", i)
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			marker := fmt.Sprintf("第%d号标记", i)
			in := append(append([]string{}, serveFixIn...), marker)
			data := []byte(strings.Join(in, "\n"))
			if strings.HasSuffix(name, ".docx") {
				data = serveDocx(t, in...)
			}
			resp, out := serveDownload(t, ts, name, data)
			if resp.StatusCode != 200 {
				t.Fatalf("status %d", resp.StatusCode)
			}
			checkReviewed(t, out, strings.Join(append(append([]string{}, serveFixWant...), marker), "\n"))
		})
	}
}

func TestReviewedName(t *testing.T) {
	for in, want := range map[string]string{
		"年度总结.docx": "年度总结-审阅.docx", "述职报告.txt": "述职报告-审阅.docx", "a.b.md": "a.b-审阅.docx",
		"无扩展名": "无扩展名-审阅.docx", ".docx": ".docx-审阅.docx", "": "审阅稿.docx",
	} {
		if got := reviewedName(in); got != want {
			t.Errorf("reviewedName(%q) = %q, want %q", in, got, want)
		}
	}
}
