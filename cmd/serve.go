package cmd

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"net"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
	"github.com/reportlint/reportlint/web"
)

// DefaultServePort is reportlint serve's default port.
const DefaultServePort = 8723

func newServeCmd(app *App) *cobra.Command {
	o := &lintOptions{}
	var port int
	var addr string
	c := &cobra.Command{
		Use:   "serve",
		Short: "在本机启动审阅页面：把 .docx 或 .txt 拖进浏览器即可检查（只对本机开放）",
		Long: "reportlint serve 在 127.0.0.1 上启动一个网页，供不用命令行的审阅人使用：在浏览器中打开显示的地址，\n" +
			"把 .docx、.txt 或 .md 文件拖进页面，即可看到与 --format html 相同的审阅结果。\n" +
			"文件只在内存中处理，不写入磁盘；页面不加载任何外部资源；同一网络中的其他电脑无法访问。按 Ctrl+C 停止。",
		Example: "  reportlint serve\n  reportlint serve --port 9000 --max-size 40000000",
		Args:    cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			host, err := serveHost(addr)
			if err != nil {
				return err
			}
			if port < 0 || port > 65535 {
				return usageError("--port %d 不是有效的端口（1–65535，0 表示任选一个空闲端口）", port)
			}
			if err := app.prepare(c, o, []string{"html"}, nil); err != nil {
				return err
			}
			sp, err := app.newServePage(o)
			if err != nil {
				return err
			}
			ln, err := net.Listen("tcp", net.JoinHostPort(host, strconv.Itoa(port)))
			if err != nil {
				return inputError(fmt.Errorf("无法在 %s 端口 %d 上启动：%v（端口可能已被占用，可用 --port 换一个）", host, port, err))
			}
			h := web.Handler(web.Options{Review: sp.review, ReviewDocx: sp.reviewDocx, MaxUploadBytes: app.maxSize(), Version: toolVersion(),
				FragmentCSS: htmlCSS, FragmentJS: htmlJS})
			srv := web.NewServer(ln.Addr().String(), h)
			_, p, _ := net.SplitHostPort(ln.Addr().String())
			url := "http://" + net.JoinHostPort(host, p) + "/"
			if host == "127.0.0.1" {
				url = "http://127.0.0.1:" + p + "/"
			}
			fmt.Fprintf(app.Out, "reportlint 审阅页面已启动：%s\n请在浏览器中打开此地址。文件只在本机内存中处理，不保存。按 Ctrl+C 停止。\n", url)

			ctx, stop := signal.NotifyContext(c.Context(), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			errc := make(chan error, 1)
			go func() { errc <- srv.Serve(ln) }()
			select {
			case err := <-errc:
				return inputError(fmt.Errorf("审阅页面意外停止：%v", err))
			case <-ctx.Done():
			}
			sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			srv.Shutdown(sctx)
			fmt.Fprintln(app.Out, "审阅页面已停止。")
			return nil
		},
	}
	f := c.Flags()
	f.IntVar(&port, "port", DefaultServePort, "端口（0 表示任选一个空闲端口）")
	f.StringVar(&addr, "addr", "127.0.0.1", "监听地址：只能是 127.0.0.1 或 [::1]（本机）")
	o.addFlags(c, []string{"html"})
	for _, n := range []string{"format", "fail-on"} {
		f.MarkHidden(n)
	}
	return c
}

// serveHost accepts only loopback addresses.
func serveHost(addr string) (string, error) {
	switch strings.TrimSuffix(strings.TrimPrefix(addr, "["), "]") {
	case "127.0.0.1":
		return "127.0.0.1", nil
	case "::1":
		return "::1", nil
	}
	return "", usageError("--addr %q 不允许：reportlint serve 只在本机提供页面，不对网络开放，--addr 只能是 127.0.0.1 或 [::1]", addr)
}

func (app *App) maxSize() int64 {
	if app.MaxSize <= 0 {
		return segment.DefaultMaxSize
	}
	return app.MaxSize
}

// servePage checks uploads for the page and builds their reviewed copies:
// the load limits and checks of check and review, set up once and shared
// by concurrent requests. Large inputs share one full dictionary (≈200 MB)
// instead of loading one per request; small ones get their fast filtered
// dictionary.
type servePage struct {
	app      *App
	o        *lintOptions
	lex      *lexicon.Lexicon
	opt      analyze.Options
	ran      map[string]bool
	fullOnce sync.Once
	full     *segment.Segmenter
}

func (app *App) newServePage(o *lintOptions) (*servePage, error) {
	lex, opt, err := app.setup(o, allChecks())
	if err != nil {
		return nil, err
	}
	opt.MinSeverity = analyze.Info // as check: counts see all, shown filters
	sp := &servePage{app: app, o: o, lex: lex, opt: opt, ran: map[string]bool{}}
	for _, c := range opt.Checks {
		sp.ran[c.Name] = true
	}
	return sp, nil
}

// serveReview returns the page's review function (see servePage.review).
func (app *App) serveReview(o *lintOptions) (func(context.Context, string, []byte) (*web.Review, error), error) {
	sp, err := app.newServePage(o)
	if err != nil {
		return nil, err
	}
	return sp.review, nil
}

// load reads and checks one upload; reason is the Chinese input error.
func (sp *servePage) load(name string, data []byte) (src *source, reason string) {
	doc, err := segment.LoadBytes(name, data, sp.app.loadOptions())
	if err != nil {
		var ie *segment.InputError
		if errors.As(err, &ie) {
			return nil, ie.Reason
		}
		return nil, err.Error()
	}
	if blankDocument(doc.Text) {
		return nil, "文档为空（只有空白、空行或注释），没有可检查的内容。请确认文件选对了、内容已保存"
	}
	ropt := sp.opt
	for _, c := range ropt.Checks {
		if !c.NeedsTokens {
			continue
		}
		// tokenizer starts its build at once: only when a check needs
		// tokens, and not for a large input, which shares the full
		// dictionary.
		if len(doc.Text) > segment.FilterLimit {
			ropt.Tokenize = func(s string) []segment.Token {
				sp.fullOnce.Do(func() { sp.full = segment.NewFullSegmenter(sp.lex.SegmentTerms()) })
				return sp.full.Tokens(s)
			}
		} else {
			ropt.Tokenize = tokenizer(sp.lex, []*segment.Document{doc})
		}
		break
	}
	res := analyze.Run(doc, sp.lex, ropt)
	res.Chars = wordCount(doc.Text)
	sp.app.hideInternal(res)
	return &source{raw: data, doc: doc, res: res}, ""
}

// review is the page's review: the same HTML as `check --format html`. The
// HTML printer's page is cut to its body (the part between <body> and the
// printer's <script>); its style and script are inlined once by the page
// and allowed by hash.
func (sp *servePage) review(ctx context.Context, name string, data []byte) (*web.Review, error) {
	src, reason := sp.load(name, data)
	if reason != "" {
		return &web.Review{Name: name, Err: reason}, nil
	}
	ro := *sp.o // per request: shown records what it hides
	ro.hidden = nil
	shown := ro.shown([]*analyze.Result{src.res})
	var buf bytes.Buffer
	if err := printHTMLWith(&buf, shown, sp.ran, printOptions{minSeverity: ro.MinSeverity, hidden: ro.hidden}); err != nil {
		return nil, err
	}
	body, err := htmlBody(buf.String())
	if err != nil {
		return nil, err
	}
	rv := &web.Review{Name: name, Body: template.HTML(body)}
	rv.Errors, rv.Warnings, rv.Infos = severityCounts(src.res.Findings)
	return rv, nil
}

// reviewDocx is the page's download: the reviewed copy `reportlint review`
// writes (comments, certain fixes as tracked changes), built in memory. A
// .docx gives its reviewed copy, text a new .docx; the name is 原名-审阅.docx.
func (sp *servePage) reviewDocx(ctx context.Context, name string, data []byte) ([]byte, string, error) {
	src, reason := sp.load(name, data)
	if reason != "" {
		return nil, "", errors.New(reason)
	}
	if err := ctx.Err(); err != nil {
		return nil, "", errors.New("处理超时或已取消，请重新下载")
	}
	ro := *sp.o
	ro.hidden = nil
	res := ro.shown([]*analyze.Result{src.res})[0]
	plan := planFixes(src.doc.Text, res.Findings, registry())
	out, _, err := reviewedDocx(src, res, plan, &docxFlags{}, sp.app.MaxSize)
	if err != nil {
		return nil, "", errors.New("无法生成 Word 文件：" + err.Error())
	}
	return out, reviewedName(name), nil
}

// reviewedName is the download name of name's reviewed copy: 原名-审阅.docx.
func reviewedName(name string) string {
	base := strings.TrimSuffix(name, filepath.Ext(name))
	if base == "" {
		base = name
	}
	if base == "" {
		return "审阅稿.docx"
	}
	return base + "-审阅.docx"
}

// htmlBody cuts printHTML's page to the markup between <body> and its final
// <script>. Document text is escaped, so neither tag can come from it.
func htmlBody(page string) (string, error) {
	i := strings.Index(page, "<body>")
	j := strings.LastIndex(page, "<script>")
	if i < 0 || j < i {
		return "", errors.New("HTML 报告的结构与预期不符（请报告此问题）")
	}
	return page[i+len("<body>") : j], nil
}
