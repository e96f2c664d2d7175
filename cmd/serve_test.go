package cmd

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/reportlint/reportlint/internal/docxtest"
	"github.com/reportlint/reportlint/web"
)

// serveDocx builds a minimal .docx with one paragraph per line.
func serveDocx(t testing.TB, lines ...string) []byte { return docxtest.Paragraphs(t, lines...) }

// serveTest starts the page with the real review glue.
func serveTest(t testing.TB, maxConcurrent int) *httptest.Server {
	t.Helper()
	app, _, _ := testApp("")
	sp, err := app.newServePage(&lintOptions{Format: "html", FailOn: "error", MinSeverity: "info"})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(web.Handler(web.Options{Review: sp.review, ReviewDocx: sp.reviewDocx, MaxUploadBytes: app.maxSize(),
		MaxConcurrent: maxConcurrent, FragmentCSS: htmlCSS, FragmentJS: htmlJS, Logf: t.Logf}))
	t.Cleanup(ts.Close)
	return ts
}

func serveUpload(t testing.TB, ts *httptest.Server, name string, data []byte) (int, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	w, _ := mw.CreateFormFile("file", name)
	w.Write(data)
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/review", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, cspHash(htmlCSS)) || !strings.Contains(csp, cspHash(htmlJS)) {
		t.Errorf("CSP %q lacks the report's style or script", csp)
	}
	return resp.StatusCode, string(b)
}

const serveReport = "2023年度个人述职报告\n一、主要工作\n全年完成项目**个，资金XX万元。\n二、存在问题\n学习不够深入。\n"

func TestServeReviewText(t *testing.T) {
	ts := serveTest(t, 0)
	code, page := serveUpload(t, ts, "述职报告.txt", []byte(serveReport))
	if code != 200 {
		t.Fatalf("status %d:\n%s", code, page)
	}
	// The same review as check --format html: its body, without its head and script.
	var html bytes.Buffer
	app, _, _ := testApp("")
	app.Dir = t.TempDir()
	p := writeTemp(t, "述职报告.txt", serveReport)
	if code := run(&App{In: app.In, Out: &html, Err: io.Discard, Getenv: app.Getenv, NoConfig: true}, []string{"check", "-f", "html", p}); code != ExitFindings {
		t.Fatalf("check exit %d", code)
	}
	want, err := htmlBody(strings.ReplaceAll(html.String(), p, "述职报告.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page, want) {
		t.Error("review page does not embed the HTML report's body")
	}
	if n := strings.Count(page, "<script>"); n != 2 {
		t.Errorf("%d scripts, want the page's and the report's", n)
	}
	if strings.Contains(page, "http-equiv") {
		t.Error("the report's own CSP meta was embedded")
	}
	if !regexp.MustCompile(`<title>述职报告.txt：错误 [1-9]\d*，`).MatchString(page) {
		t.Errorf("title without counts: %.300s", page[strings.Index(page, "<title>"):])
	}
	for _, s := range []string{"http://", "https://", "url(", "<link", " src="} {
		if strings.Contains(page, s) {
			t.Errorf("page contains %q", s)
		}
	}
}

func TestServeReviewDocx(t *testing.T) {
	ts := serveTest(t, 0)
	code, page := serveUpload(t, ts, "年度总结.docx", serveDocx(t, "2023年度工作总结", "一、主要工作", "完成投资**亿元。"))
	if code != 200 {
		t.Fatalf("status %d:\n%s", code, page)
	}
	for _, want := range []string{"年度总结.docx", "完成投资", "未填写的占位符"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	code, page = serveUpload(t, ts, "坏文件.docx", []byte("PK\x03\x04 not a zip"))
	if code != 422 || !strings.Contains(page, "无法检查文件“坏文件.docx”：不是有效的 .docx 文件") {
		t.Errorf("bad docx: %d\n%s", code, page)
	}
	code, page = serveUpload(t, ts, "旧格式.doc", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"))
	if code != 422 || !strings.Contains(page, "无法检查文件“旧格式.doc”：文件已加密（受密码保护），或是旧版 Word 97-2003 (.doc) 格式") {
		t.Errorf(".doc: %d\n%s", code, page)
	}
}

// TestServeConcurrent runs real reviews at once (go test -race).
func TestServeConcurrent(t *testing.T) {
	const n = 4
	ts := serveTest(t, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			name := fmt.Sprintf("报告%d.txt", i)
			marker := fmt.Sprintf("第%d号标记", i)
			code, page := serveUpload(t, ts, name, []byte(serveReport+marker+"\n"))
			if code != 200 || !strings.Contains(page, marker) {
				t.Errorf("%s: status %d or own text missing", name, code)
			}
			for j := range n {
				if j != i && strings.Contains(page, fmt.Sprintf("第%d号标记", j)) {
					t.Errorf("%s shows the text of 报告%d.txt", name, j)
				}
			}
		})
	}
	wg.Wait()
}

func TestServeAddr(t *testing.T) {
	for addr, want := range map[string]string{"127.0.0.1": "127.0.0.1", "::1": "::1", "[::1]": "::1"} {
		if got, err := serveHost(addr); err != nil || got != want {
			t.Errorf("serveHost(%q) = %q, %v", addr, got, err)
		}
	}
	for _, addr := range []string{"0.0.0.0", "::", "192.168.1.10", "localhost", "", "127.0.0.2"} {
		app, _, errb := testApp("")
		if code := run(app, []string{"serve", "--addr", addr}); code != ExitInput {
			t.Errorf("--addr %q: exit %d", addr, code)
		}
		if !strings.Contains(errb.String(), "只能是 127.0.0.1 或 [::1]") {
			t.Errorf("--addr %q: %q", addr, errb.String())
		}
	}
	app, _, errb := testApp("")
	if code := run(app, []string{"serve", "--port", "70000"}); code != ExitInput || !strings.Contains(errb.String(), "不是有效的端口") {
		t.Errorf("--port 70000: %d %q", code, errb.String())
	}
}

// TestServeDemo serves the page for screenshots when REPORTLINT_SERVE_DEMO
// is host:port, with GET /demo answering the review of the file named by
// REPORTLINT_SERVE_DEMO_FILE (a test-only route). It stops after two minutes.
func TestServeDemo(t *testing.T) {
	addr := os.Getenv("REPORTLINT_SERVE_DEMO")
	if addr == "" {
		t.Skip("set REPORTLINT_SERVE_DEMO=127.0.0.1:PORT to serve the page for screenshots")
	}
	app, _, _ := testApp("")
	sp, err := app.newServePage(&lintOptions{Format: "html", FailOn: "error", MinSeverity: "info"})
	if err != nil {
		t.Fatal(err)
	}
	h := web.Handler(web.Options{Review: sp.review, ReviewDocx: sp.reviewDocx, FragmentCSS: htmlCSS, FragmentJS: htmlJS, Version: "demo"})
	mux := http.NewServeMux()
	mux.Handle("/", h)
	mux.HandleFunc("/demo", func(w http.ResponseWriter, r *http.Request) {
		file := os.Getenv("REPORTLINT_SERVE_DEMO_FILE")
		data, err := os.ReadFile(file)
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		fw, _ := mw.CreateFormFile("file", file[strings.LastIndex(file, "/")+1:])
		fw.Write(data)
		mw.Close()
		req := r.Clone(r.Context())
		req.Method, req.URL.Path, req.Body = http.MethodPost, "/review", io.NopCloser(&buf)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		h.ServeHTTP(w, req)
	})
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	srv := web.NewServer(addr, mux)
	go srv.Serve(ln)
	time.Sleep(2 * time.Minute)
	srv.Close()
}
