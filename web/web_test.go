package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html"
	"html/template"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// echoReview shows the upload's size and hash, so each response can be
// matched to its request.
func echoReview(_ context.Context, name string, data []byte) (*Review, error) {
	sum := sha256.Sum256(data)
	return &Review{Name: name, Errors: 1, Warnings: 2, Infos: 3,
		Body: template.HTML(`<p class="echo">` + html.EscapeString(fmt.Sprintf("%s|%d|%s", name, len(data), hex.EncodeToString(sum[:]))) + `</p>`)}, nil
}

func echoLine(name string, data []byte) string {
	sum := sha256.Sum256(data)
	return html.EscapeString(fmt.Sprintf("%s|%d|%s", name, len(data), hex.EncodeToString(sum[:])))
}

func newServer(t *testing.T, opt Options) *httptest.Server {
	t.Helper()
	if opt.Review == nil {
		opt.Review = echoReview
	}
	if opt.Logf == nil {
		opt.Logf = t.Logf
	}
	ts := httptest.NewServer(Handler(opt))
	t.Cleanup(ts.Close)
	return ts
}

// form builds a multipart body from fields; a field named "file" is a file part.
func form(t testing.TB, fields ...string) (body []byte, contentType string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for i := 0; i+2 < len(fields); i += 3 {
		var w io.Writer
		var err error
		if fields[i] == "file" {
			w, err = mw.CreateFormFile("file", fields[i+1])
		} else {
			w, err = mw.CreateFormField(fields[i])
		}
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, fields[i+2])
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), mw.FormDataContentType()
}

func post(t testing.TB, ts *httptest.Server, path string, body []byte, ct string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, ts.URL+path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", ct)
	req.Header.Set("Origin", ts.URL)
	return do(t, req)
}

func sendFile(t testing.TB, ts *httptest.Server, name, data string) (*http.Response, string) {
	t.Helper()
	body, ct := form(t, "file", name, data)
	return post(t, ts, "/review", body, ct)
}

func do(t testing.TB, req *http.Request) (*http.Response, string) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

func get(t testing.TB, url string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	return do(t, req)
}

var (
	styleRe  = regexp.MustCompile(`(?s)<style>(.*?)</style>`)
	scriptRe = regexp.MustCompile(`(?s)<script>(.*?)</script>`)
	scriptEl = regexp.MustCompile(`(?s)<script>.*?</script>`)
)

// checkHeaders asserts the security headers and that every inline style
// and script is allowed by hash (and nothing else is).
func checkHeaders(t *testing.T, resp *http.Response, page string) {
	t.Helper()
	h := resp.Header
	csp := h.Get("Content-Security-Policy")
	if !strings.HasPrefix(csp, "default-src 'none';") || strings.Contains(csp, "unsafe") || strings.Contains(csp, "http") {
		t.Errorf("CSP = %q", csp)
	}
	for k, v := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "Cache-Control": "no-store"} {
		if h.Get(k) != v {
			t.Errorf("%s = %q, want %q", k, h.Get(k), v)
		}
	}
	n := 0
	for _, re := range []*regexp.Regexp{styleRe, scriptRe} {
		for _, m := range re.FindAllStringSubmatch(page, -1) {
			n++
			if !strings.Contains(csp, cspHash(m[1])) {
				t.Errorf("inline %.40q… not allowed by the CSP %q", m[1], csp)
			}
		}
	}
	if n == 0 {
		t.Error("no inline style or script found")
	}
	if strings.Contains(page, " style=") || regexp.MustCompile(`\son[a-z]+=`).MatchString(page) {
		t.Error("inline style attribute or event handler (blocked by the CSP)")
	}
}

// checkNoExternal asserts the page references nothing outside itself.
func checkNoExternal(t *testing.T, page string) {
	t.Helper()
	for _, s := range []string{"http://", "https://", "url(", "@import", "<img", "<iframe", "<link", " src="} {
		if strings.Contains(page, s) {
			t.Errorf("page contains %q", s)
		}
	}
	// "//" may appear only inside script (JavaScript comments).
	if i := strings.Index(scriptEl.ReplaceAllString(page, ""), "//"); i >= 0 {
		t.Errorf("page contains // outside scripts: %q", page[max(0, i-40):i+2])
	}
}

func TestStartPage(t *testing.T) {
	ts := newServer(t, Options{MaxUploadBytes: 5 << 20})
	resp, page := get(t, ts.URL+"/")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	checkHeaders(t, resp, page)
	checkNoExternal(t, page)
	for _, want := range []string{`lang="zh-CN"`, "把文件拖到这里", `type="file"`, `accept=".docx,.txt,.md,.markdown"`,
		`action="/review"`, `enctype="multipart/form-data"`, `data-max="5242880"`, "5.0 MB", "不保存到磁盘"} {
		if !strings.Contains(page, want) {
			t.Errorf("start page lacks %q", want)
		}
	}
	resp, page = get(t, ts.URL+"/nothing")
	if resp.StatusCode != 404 || !strings.Contains(page, "没有 /nothing 这个页面") {
		t.Errorf("404: %d %q", resp.StatusCode, page)
	}
	resp, _ = get(t, ts.URL+"/review")
	if resp.StatusCode != 405 || resp.Header.Get("Allow") != "POST" {
		t.Errorf("GET /review: %d allow %q", resp.StatusCode, resp.Header.Get("Allow"))
	}
}

func TestReviewPage(t *testing.T) {
	ts := newServer(t, Options{
		FragmentCSS: ".echo{color:red}", FragmentJS: "var fragment=1;",
		ReviewDocx: func(context.Context, string, []byte) ([]byte, string, error) { return nil, "", nil },
	})
	data := "一、工作总结\n今年完成**项任务。<script>alert(1)</script>\n"
	resp, page := sendFile(t, ts, "述职报告.txt", data)
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, page)
	}
	checkHeaders(t, resp, page)
	checkNoExternal(t, page)
	for _, want := range []string{echoLine("述职报告.txt", []byte(data)), "<title>述职报告.txt：错误 1，警告 2，提示 3</title>",
		"<style>.echo{color:red}</style>", "<script>var fragment=1;</script>", "检查另一个文件"} {
		if !strings.Contains(page, want) {
			t.Errorf("review page lacks %q", want)
		}
	}
	// text input gets a new reviewed .docx too
	if !strings.Contains(page, `action="/download"`) {
		t.Error("no download offered for a .txt")
	}
	if resp, page := sendFile(t, newServer(t, Options{}), "述职报告.docx", "PK"); resp.StatusCode != 200 || strings.Contains(page, `action="/download"`) {
		t.Errorf("without ReviewDocx: status %d, download offered %v", resp.StatusCode, strings.Contains(page, `action="/download"`))
	}
}

func TestReviewError(t *testing.T) {
	ts := newServer(t, Options{Review: func(_ context.Context, name string, _ []byte) (*Review, error) {
		return &Review{Name: name, Err: "不是有效的 .docx 文件（ZIP 结构损坏）"}, nil
	}})
	resp, page := sendFile(t, ts, "坏文件.docx", "PK\x03\x04garbage")
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("status %d", resp.StatusCode)
	}
	if !strings.Contains(page, "无法检查文件“坏文件.docx”：不是有效的 .docx 文件（ZIP 结构损坏）") {
		t.Errorf("page lacks the file and reason:\n%s", page)
	}
	checkHeaders(t, resp, page)

	// An error from Review itself.
	ts = newServer(t, Options{Review: func(context.Context, string, []byte) (*Review, error) {
		return nil, fmt.Errorf("词库未加载")
	}})
	resp, page = sendFile(t, ts, "a.txt", "x")
	if resp.StatusCode != 500 || !strings.Contains(page, "检查文件“a.txt”时出错：词库未加载") {
		t.Errorf("%d %s", resp.StatusCode, page)
	}
}

func TestUploadTooLarge(t *testing.T) {
	var calls atomic.Int32
	ts := newServer(t, Options{MaxUploadBytes: 1000, Review: func(ctx context.Context, n string, d []byte) (*Review, error) {
		calls.Add(1)
		return echoReview(ctx, n, d)
	}})
	resp, page := sendFile(t, ts, "大文件.txt", strings.Repeat("字", 334)) // 1002 bytes
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("status %d", resp.StatusCode)
	}
	if !strings.Contains(page, "文件“大文件.txt”超过大小上限 1000 B") || !strings.Contains(page, "--max-size") {
		t.Errorf("page lacks the file and limit:\n%s", page)
	}
	// Exactly at the limit passes.
	resp, _ = sendFile(t, ts, "刚好.txt", strings.Repeat("a", 1000))
	if resp.StatusCode != 200 {
		t.Errorf("1000 bytes: status %d", resp.StatusCode)
	}
	// A body far over the limit (MaxBytesReader) is refused too.
	body, ct := form(t, "other", "", strings.Repeat("x", 200<<10), "file", "b.txt", "x")
	resp, page = post(t, ts, "/review", body, ct)
	if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(page, "超过大小上限") {
		t.Errorf("large body: %d", resp.StatusCode)
	}
	if calls.Load() != 1 {
		t.Errorf("Review called %d times, want 1", calls.Load())
	}
}

func TestBadRequests(t *testing.T) {
	ts := newServer(t, Options{})
	body, ct := form(t, "other", "", "x")
	resp, page := post(t, ts, "/review", body, ct)
	if resp.StatusCode != 400 || !strings.Contains(page, "没有收到文件") {
		t.Errorf("no file: %d", resp.StatusCode)
	}
	resp, page = post(t, ts, "/review", []byte("a=b"), "application/x-www-form-urlencoded")
	if resp.StatusCode != 400 || !strings.Contains(page, "不是文件上传表单") {
		t.Errorf("urlencoded: %d", resp.StatusCode)
	}
	body, ct = form(t, "file", "a.txt", "x")
	resp, page = post(t, ts, "/review", body[:len(body)-10], ct)
	if resp.StatusCode != 400 || !strings.Contains(page, "上传没有完成") {
		t.Errorf("truncated: %d %s", resp.StatusCode, page)
	}
	resp, page = post(t, ts, "/download", body, ct)
	if resp.StatusCode != 404 || !strings.Contains(page, "还不能生成审阅后的 Word 副本") {
		t.Errorf("download without ReviewDocx: %d", resp.StatusCode)
	}
}

func TestReviewPanic(t *testing.T) {
	var logged strings.Builder
	var mu sync.Mutex
	ts := newServer(t, Options{
		Review: func(context.Context, string, []byte) (*Review, error) { panic("secret-internal-state") },
		Logf: func(f string, a ...any) {
			mu.Lock()
			fmt.Fprintf(&logged, f, a...)
			mu.Unlock()
		},
	})
	resp, page := sendFile(t, ts, "a.txt", "x")
	if resp.StatusCode != 500 || !strings.Contains(page, "内部错误") {
		t.Errorf("status %d: %s", resp.StatusCode, page)
	}
	if strings.Contains(page, "secret") || strings.Contains(page, "goroutine") {
		t.Error("panic value or stack leaked into the page")
	}
	checkHeaders(t, resp, page)
	mu.Lock()
	defer mu.Unlock()
	if !strings.Contains(logged.String(), "secret-internal-state") {
		t.Errorf("panic not logged: %q", logged.String())
	}
}

func TestConcurrentUploads(t *testing.T) {
	const n = 8
	ts := newServer(t, Options{MaxConcurrent: n})
	var wg sync.WaitGroup
	errs := make(chan string, n)
	for i := range n {
		wg.Go(func() {
			name := fmt.Sprintf("报告%d.txt", i)
			data := strings.Repeat(fmt.Sprintf("第%d份报告。\n", i), 1000+i)
			resp, page := sendFile(t, ts, name, data)
			if resp.StatusCode != 200 || !strings.Contains(page, echoLine(name, []byte(data))) {
				errs <- fmt.Sprintf("%s: status %d, own content missing", name, resp.StatusCode)
			}
			for j := range n {
				if j != i && strings.Contains(page, fmt.Sprintf("报告%d.txt|", j)) {
					errs <- fmt.Sprintf("%s shows 报告%d.txt", name, j)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestBusy(t *testing.T) {
	entered, release := make(chan struct{}), make(chan struct{})
	ts := newServer(t, Options{MaxConcurrent: 1, Review: func(ctx context.Context, n string, d []byte) (*Review, error) {
		entered <- struct{}{}
		<-release
		return echoReview(ctx, n, d)
	}})
	done := make(chan int)
	go func() {
		resp, _ := sendFile(t, ts, "first.txt", "x")
		done <- resp.StatusCode
	}()
	<-entered
	resp, page := sendFile(t, ts, "second.txt", "y")
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" ||
		!strings.Contains(page, "同时在检查的文件已达上限（1 个）") {
		t.Errorf("busy: %d %q", resp.StatusCode, page)
	}
	close(release)
	if code := <-done; code != 200 {
		t.Errorf("first: %d", code)
	}
}

func TestHostCheck(t *testing.T) {
	ts := newServer(t, Options{})
	port := ts.URL[strings.LastIndex(ts.URL, ":")+1:]
	for host, ok := range map[string]bool{
		"127.0.0.1:" + port:        true,
		"localhost:" + port:        true,
		"LOCALHOST:" + port:        true,
		"[::1]:" + port:            true,
		"127.0.0.1:1":              false,
		"localhost":                false, // port 80
		"evil.example:" + port:     false,
		"127.0.0.1.nip.io:" + port: false,
	} {
		req, _ := http.NewRequest(http.MethodGet, ts.URL+"/", nil)
		req.Host = host
		resp, page := do(t, req)
		if got := resp.StatusCode == 200; got != ok {
			t.Errorf("Host %q: status %d", host, resp.StatusCode)
		}
		if !ok && !strings.Contains(page, "不是本机地址") {
			t.Errorf("Host %q: %q", host, page)
		}
	}
}

func TestCrossOriginPost(t *testing.T) {
	ts := newServer(t, Options{})
	body, ct := form(t, "file", "a.txt", "x")
	for origin, want := range map[string]int{ts.URL: 200, "http://evil.example": 403, "null": 403} {
		req, _ := http.NewRequest(http.MethodPost, ts.URL+"/review", bytes.NewReader(body))
		req.Header.Set("Content-Type", ct)
		req.Header.Set("Origin", origin)
		if resp, _ := do(t, req); resp.StatusCode != want {
			t.Errorf("Origin %q: %d, want %d", origin, resp.StatusCode, want)
		}
	}
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/review", bytes.NewReader(body))
	req.Header.Set("Content-Type", ct)
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	if resp, _ := do(t, req); resp.StatusCode != 403 {
		t.Errorf("Sec-Fetch-Site cross-site: %d", resp.StatusCode)
	}
}

var hiddenRe = regexp.MustCompile(`<input type="hidden" name="(\w+)" value="([^"]*)">`)

func TestDownload(t *testing.T) {
	var got atomic.Value
	ts := newServer(t, Options{ReviewDocx: func(_ context.Context, name string, data []byte) ([]byte, string, error) {
		got.Store(name)
		if string(data) == "bad" {
			return nil, "", fmt.Errorf("文档中没有正文")
		}
		return append([]byte("reviewed:"), data...), "述职报告（审阅）.docx", nil
	}})
	data := "PK\x03\x04 any bytes \x00\xff+/= 述职"
	resp, page := sendFile(t, ts, "述职报告.docx", data)
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	fields := map[string]string{}
	for _, m := range hiddenRe.FindAllStringSubmatch(page, -1) {
		fields[m[1]] = html.UnescapeString(m[2])
	}
	if fields["name"] != "述职报告.docx" || fields["data"] == "" {
		t.Fatalf("download form fields %v", fields)
	}
	body, ct := form(t, "name", "", fields["name"], "data", "", fields["data"])
	resp, out := post(t, ts, "/download", body, ct)
	if resp.StatusCode != 200 || out != "reviewed:"+data {
		t.Fatalf("download: %d %q", resp.StatusCode, out)
	}
	if cd := resp.Header.Get("Content-Disposition"); cd != ContentDisposition("述职报告（审阅）.docx") {
		t.Errorf("Content-Disposition %q", cd)
	}
	if resp.Header.Get("Cache-Control") != "no-store" || !strings.Contains(resp.Header.Get("Content-Type"), "wordprocessingml") {
		t.Errorf("headers %v", resp.Header)
	}
	if got.Load() != "述职报告.docx" {
		t.Errorf("ReviewDocx got name %v", got.Load())
	}

	body, ct = form(t, "name", "", "x.docx", "data", "", "YmFk") // "bad"
	resp, out = post(t, ts, "/download", body, ct)
	if resp.StatusCode != 422 || !strings.Contains(out, "无法为文件“x.docx”生成审阅后的副本：文档中没有正文") {
		t.Errorf("failing ReviewDocx: %d %s", resp.StatusCode, out)
	}
	body, ct = form(t, "name", "", "x.docx", "data", "", "!!!")
	if resp, out = post(t, ts, "/download", body, ct); resp.StatusCode != 400 || !strings.Contains(out, "已损坏") {
		t.Errorf("bad base64: %d", resp.StatusCode)
	}
}

func TestContentDisposition(t *testing.T) {
	for name, want := range map[string]string{
		"述职报告（审阅）.docx":  `attachment; filename="reviewed.docx"; filename*=UTF-8''%E8%BF%B0%E8%81%8C%E6%8A%A5%E5%91%8A%EF%BC%88%E5%AE%A1%E9%98%85%EF%BC%89.docx`,
		"report.docx":    `attachment; filename="report.docx"; filename*=UTF-8''report.docx`,
		"述职报告-审阅.docx":   `attachment; filename="reviewed.docx"; filename*=UTF-8''%E8%BF%B0%E8%81%8C%E6%8A%A5%E5%91%8A-%E5%AE%A1%E9%98%85.docx`,
		"report-审阅.docx": `attachment; filename="report-__.docx"; filename*=UTF-8''report-%E5%AE%A1%E9%98%85.docx`,
		`a "b"%.docx`:    `attachment; filename="a _b__.docx"; filename*=UTF-8''a%20%22b%22%25.docx`,
		`C:\fake\x.docx`: `attachment; filename="x.docx"; filename*=UTF-8''x.docx`,
		"2024年 总结.docx":  `attachment; filename="2024_ __.docx"; filename*=UTF-8''2024%E5%B9%B4%20%E6%80%BB%E7%BB%93.docx`,
	} {
		if got := ContentDisposition(name); got != want {
			t.Errorf("ContentDisposition(%q)\n got %s\nwant %s", name, got, want)
		}
	}
}

// FuzzContentDisposition: the header always parses back to the cleaned name.
func FuzzContentDisposition(f *testing.F) {
	for _, s := range []string{"述职报告.docx", `a"b.docx`, "C:\\x\\y.docx", "\x00\xff", "%", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		cd := ContentDisposition(name)
		if strings.ContainsAny(cd, "\r\n") {
			t.Fatalf("header with a newline: %q", cd)
		}
		want := cleanName(name)
		if want == "" {
			return
		}
		_, params, err := mime.ParseMediaType(cd)
		if err != nil {
			t.Fatalf("%q: %v", cd, err)
		}
		if params["filename"] != want {
			t.Fatalf("%q parses to %q, want %q", cd, params["filename"], want)
		}
	})
}
