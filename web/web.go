// Package web serves reportlint's local review page (reportlint serve): a
// person drops a .docx or .txt on a page on 127.0.0.1 and sees the review.
//
// Uploads are read into a bounded in-memory buffer and never written to
// disk; every response carries a strict Content-Security-Policy (inline
// style and script allowed only by hash, nothing external) and is not cached.
package web

import (
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"log"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/reportlint/reportlint/internal/lazy"
)

// Review is what the review page shows for one file.
type Review struct {
	Name string        // file name as uploaded
	Body template.HTML // rendered findings, trusted HTML from the caller (no <style>/<script>)
	// Counts of unsuppressed findings by severity.
	Errors, Warnings, Infos int
	// Err is the Chinese reason the file could not be checked (Body is then
	// ignored), e.g. "不是有效的 .docx 文件".
	Err string
}

// Options configure Handler.
type Options struct {
	// Review checks one uploaded file. Required. It runs on the request's
	// goroutine; several may run at once (up to MaxConcurrent).
	Review func(ctx context.Context, name string, data []byte) (*Review, error)
	// ReviewDocx returns the reviewed copy of an upload Review accepted (a
	// .docx with comments and tracked changes; text becomes a new .docx)
	// and its download name. Optional: without it the page has no download
	// button.
	ReviewDocx func(ctx context.Context, name string, data []byte) ([]byte, string, error)

	MaxUploadBytes int64         // per file; 0 means 20 MiB
	MaxConcurrent  int           // reviews at once; 0 means 4; more get 503
	Timeout        time.Duration // context deadline given to Review; 0 means 2 minutes
	Version        string        // shown in the page title

	// FragmentCSS and FragmentJS are the static style and script that
	// Review's Body needs. They are inlined and allowed by hash, computed
	// once here, so the policy never depends on request data.
	FragmentCSS, FragmentJS string

	// Logf receives one line per internal error (never document content).
	// nil uses the log package.
	Logf func(format string, args ...any)
}

// DefaultMaxUpload is the upload limit when Options.MaxUploadBytes is 0.
const DefaultMaxUpload = 20 << 20

//go:embed assets/page.html.tmpl
var pageTemplateText string

//go:embed assets/page.css
var pageCSS string

//go:embed assets/page.js
var pageJS string

// pageTemplate is parsed on first use, not at start: only serve needs it.
var pageTemplate = lazy.Value(func() *template.Template {
	return template.Must(template.New("page").Parse(pageTemplateText))
})

func cspHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// server is the configured handler.
type server struct {
	opt  Options
	sem  chan struct{}
	csp  string
	mux  *http.ServeMux
	logf func(string, ...any)
}

// Handler returns the page's handler: GET /, POST /review, POST /download.
// It answers only requests whose Host is 127.0.0.1, localhost or [::1] with
// the port the connection arrived on (against DNS rebinding), and only
// same-origin form posts.
func Handler(opt Options) http.Handler {
	if opt.Review == nil {
		panic("web.Handler: Options.Review is nil")
	}
	if opt.MaxUploadBytes <= 0 {
		opt.MaxUploadBytes = DefaultMaxUpload
	}
	if opt.MaxConcurrent <= 0 {
		opt.MaxConcurrent = 4
	}
	if opt.Timeout <= 0 {
		opt.Timeout = 2 * time.Minute
	}
	s := &server{opt: opt, sem: make(chan struct{}, opt.MaxConcurrent), logf: opt.Logf}
	if s.logf == nil {
		s.logf = log.Printf
	}
	styles := cspHash(pageCSS)
	if opt.FragmentCSS != "" {
		styles += " " + cspHash(opt.FragmentCSS)
	}
	scripts := cspHash(pageJS)
	if opt.FragmentJS != "" {
		scripts += " " + cspHash(opt.FragmentJS)
	}
	s.csp = "default-src 'none'; style-src " + styles + "; script-src " + scripts +
		"; img-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
	s.mux = http.NewServeMux()
	s.mux.HandleFunc("/", s.start)
	s.mux.HandleFunc("/review", s.review)
	s.mux.HandleFunc("/download", s.download)
	return s
}

// NewServer wraps h in an http.Server with timeouts suited to a local page.
func NewServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       5 * time.Minute, // a large upload on a slow machine
		WriteTimeout:      10 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", s.csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	h.Set("Cache-Control", "no-store")
	if !localHost(r) {
		s.plain(w, http.StatusForbidden, fmt.Sprintf("请求的主机名 %q 不是本机地址。reportlint serve 只接受 127.0.0.1、localhost 或 [::1] 加本服务端口的访问，请直接在地址栏输入启动时显示的地址。", r.Host))
		return
	}
	if r.Method == http.MethodPost && !sameOrigin(r) {
		s.plain(w, http.StatusForbidden, "拒绝来自其他网页的提交（来源 "+r.Header.Get("Origin")+"）。请在 reportlint 本机页面上选择文件。")
		return
	}
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.logf("reportlint serve: 内部错误（%s %s）：%v", r.Method, r.URL.Path, v)
			s.page(w, http.StatusInternalServerError, &pageData{Title: "内部错误", Heading: "内部错误",
				Message: "检查时发生内部错误，未能完成。文件没有被保存。请把出错的情况报告给 reportlint 的维护者，或换用命令行 reportlint check 检查。"})
		}
	}()
	s.mux.ServeHTTP(w, r)
}

// localHost reports whether the Host header names this machine on the port
// the request arrived on.
func localHost(r *http.Request) bool {
	host, port, err := net.SplitHostPort(r.Host)
	if err != nil {
		host, port = strings.TrimSuffix(strings.TrimPrefix(r.Host, "["), "]"), "80"
	}
	switch strings.ToLower(host) {
	case "127.0.0.1", "localhost", "::1":
	default:
		return false
	}
	la, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr)
	if !ok {
		return false
	}
	_, lport, err := net.SplitHostPort(la.String())
	return err == nil && lport == port
}

// sameOrigin rejects cross-site form posts (a web page posting to the
// local port). Browsers send Origin with every POST; other clients may omit it.
func sameOrigin(r *http.Request) bool {
	if o := r.Header.Get("Origin"); o != "" {
		return o == "http://"+r.Host
	}
	if sf := r.Header.Get("Sec-Fetch-Site"); sf != "" {
		return sf == "same-origin" || sf == "none"
	}
	return true
}

// pageData fills page.html.tmpl.
type pageData struct {
	Title   string
	Start   bool
	Heading string
	Message string // a Chinese error shown in a box
	Name    string
	Body    template.HTML
	// Download: the original bytes in base64 for the stateless download form.
	Download bool
	Data     string

	CSS, FragmentCSS template.CSS
	JS, FragmentJS   template.JS
	Max              int64
	MaxLabel         string
}

func (s *server) page(w http.ResponseWriter, status int, d *pageData) {
	d.CSS, d.JS = template.CSS(pageCSS), template.JS(pageJS)
	if d.Body != "" {
		d.FragmentCSS, d.FragmentJS = template.CSS(s.opt.FragmentCSS), template.JS(s.opt.FragmentJS)
	}
	d.Max, d.MaxLabel = s.opt.MaxUploadBytes, human(s.opt.MaxUploadBytes)
	if s.opt.Version != "" {
		d.Title += " · reportlint " + s.opt.Version
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	if err := pageTemplate().Execute(w, d); err != nil {
		s.logf("reportlint serve: 页面输出失败：%v", err)
	}
}

func (s *server) plain(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(status)
	fmt.Fprintln(w, msg)
}

func (s *server) start(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/" {
		s.page(w, http.StatusNotFound, &pageData{Title: "找不到页面", Heading: "找不到页面",
			Message: "没有 " + r.URL.Path + " 这个页面。请回到首页选择要检查的文件。"})
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		s.notAllowed(w, "GET")
		return
	}
	s.page(w, http.StatusOK, &pageData{Title: "reportlint 本机审阅", Start: true})
}

func (s *server) notAllowed(w http.ResponseWriter, allow string) {
	w.Header().Set("Allow", allow)
	s.plain(w, http.StatusMethodNotAllowed, "此地址只接受 "+allow+" 请求；请从 reportlint 首页上传文件。")
}

// acquire takes a review slot or answers 503.
func (s *server) acquire(w http.ResponseWriter) bool {
	select {
	case s.sem <- struct{}{}:
		return true
	default:
		w.Header().Set("Retry-After", "5")
		s.page(w, http.StatusServiceUnavailable, &pageData{Title: "正在忙", Heading: "正在忙",
			Message: fmt.Sprintf("同时在检查的文件已达上限（%d 个），本次上传没有处理。请稍等几秒后重新上传。", s.opt.MaxConcurrent)})
		return false
	}
}

func (s *server) release() { <-s.sem }

func (s *server) review(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		s.notAllowed(w, "POST")
		return
	}
	if !s.acquire(w) {
		return
	}
	defer s.release()
	up, ok := s.readUpload(w, r, false)
	if !ok {
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opt.Timeout)
	defer cancel()
	rev, err := s.opt.Review(ctx, up.name, up.data)
	if err != nil {
		s.page(w, http.StatusInternalServerError, &pageData{Title: "检查失败", Heading: "检查失败", Name: up.name,
			Message: fmt.Sprintf("检查文件“%s”时出错：%v", up.name, err)})
		return
	}
	if rev == nil {
		panic("web: Review returned nil without an error")
	}
	name := up.name
	if rev.Name != "" {
		name = rev.Name
	}
	if rev.Err != "" {
		s.page(w, http.StatusUnprocessableEntity, &pageData{Title: "无法检查 " + name, Heading: "无法检查此文件", Name: name,
			Message: fmt.Sprintf("无法检查文件“%s”：%s", name, rev.Err)})
		return
	}
	d := &pageData{Title: fmt.Sprintf("%s：错误 %d，警告 %d，提示 %d", name, rev.Errors, rev.Warnings, rev.Infos),
		Name: name, Body: rev.Body}
	if s.opt.ReviewDocx != nil { // a .docx gets its reviewed copy, text a new .docx
		d.Download, d.Data = true, base64.StdEncoding.EncodeToString(up.data)
	}
	s.page(w, http.StatusOK, d)
}

func (s *server) download(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		s.notAllowed(w, "POST")
		return
	}
	if s.opt.ReviewDocx == nil {
		s.page(w, http.StatusNotFound, &pageData{Title: "不能下载", Heading: "不能下载",
			Message: "这个版本的 reportlint 还不能生成审阅后的 Word 副本。"})
		return
	}
	if !s.acquire(w) {
		return
	}
	defer s.release()
	up, ok := s.readUpload(w, r, true)
	if !ok {
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opt.Timeout)
	defer cancel()
	out, outName, err := s.opt.ReviewDocx(ctx, up.name, up.data)
	if err != nil {
		s.page(w, http.StatusUnprocessableEntity, &pageData{Title: "无法生成副本", Heading: "无法生成审阅后的副本", Name: up.name,
			Message: fmt.Sprintf("无法为文件“%s”生成审阅后的副本：%v", up.name, err)})
		return
	}
	if outName == "" {
		outName = up.name
	}
	h := w.Header()
	h.Set("Content-Type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
	h.Set("Content-Disposition", ContentDisposition(outName))
	h.Set("Content-Length", strconv.Itoa(len(out)))
	w.WriteHeader(http.StatusOK)
	w.Write(out)
}

func extOf(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[i:]
	}
	return ""
}

func human(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
