package cmd

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/spf13/cobra"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/reportlint/reportlint/analyze"
	builtin "github.com/reportlint/reportlint/analyze/checks"
	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
	"github.com/reportlint/reportlint/similar"
)

var auditFormats = []string{"table", "json", "csv", "html"}

// loadAhead bounds the documents read but not yet checked.
const loadAhead = 128

// auditMemoryLimit is the soft memory limit audit runs under. The live heap
// is ~170–210 MB (dictionary, copy index, summaries): at 340 MiB the GC ran
// ~24 cycles over 1,000 reports (~0.7 CPU-s), at 360 MiB ~21 (~0.5 CPU-s)
// with a peak RSS of ~360 MB, under the 400 MB budget.
const auditMemoryLimit = 360 << 20

type auditOptions struct {
	lintOptions
	Recursive   bool
	Jobs        int
	NoCopies    bool
	SegmentOnly bool // hidden: load and segment only, to compare throughput with gse
}

func newAuditCmd(app *App) *cobra.Command {
	o := &auditOptions{}
	c := &cobra.Command{
		Use:   "audit DIR...",
		Short: "批量检查一个或多个目录中的报告（.txt、.md、.docx），并查找报告之间的重复段落",
		Long: "audit 检查目录中的每份报告（也可直接给出文件），按问题多少排序列出，并比对报告之间相同或近似相同的段落（疑似抄袭）。\n" +
			"多数报告共有的套话、固定提法和标题不算重复。无法读取的文件单独列出，其余文件照常检查（此时退出码为 2）。",
		Example: "  reportlint audit 述职报告/\n" +
			"  reportlint audit -r --format html 各科室/ > 审查.html\n" +
			"  reportlint audit --format csv 2024年度/ > 汇总.csv",
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if err := app.prepare(c, &o.lintOptions, auditFormats); err != nil {
				return err
			}
			if o.Jobs < 0 {
				return usageError("--jobs %d 无效：应为正整数", o.Jobs)
			}
			if o.Jobs == 0 {
				o.Jobs = runtime.GOMAXPROCS(0)
			}
			return app.audit(args, o)
		},
	}
	o.addFlags(c, auditFormats)
	f := c.Flags()
	f.BoolVarP(&o.Recursive, "recursive", "r", false, "也检查子目录（跳过隐藏目录）")
	f.IntVarP(&o.Jobs, "jobs", "j", 0, "并行检查的文件数（默认为 CPU 核数）")
	f.BoolVar(&o.NoCopies, "no-copies", false, "不比对报告之间的重复段落")
	f.BoolVar(&o.SegmentOnly, "segment-only", false, "只读取并分词（测量分词速度用）")
	f.MarkHidden("segment-only")
	return c
}

// auditInput is one file to check.
type auditInput struct {
	path string
	size int64
	err  error // the path could not be listed
}

// collectInputs expands the arguments into files, sorted by path, without
// duplicates. Directories give their .txt, .md and .docx files (recursively
// with -r), skipping hidden entries, Office lock files (~$…) and paths the
// config ignores; files named directly are always taken.
func (app *App) collectInputs(args []string, recursive bool) ([]auditInput, int) {
	seen := map[string]bool{}
	var out []auditInput
	skippedDirs := 0
	add := func(in auditInput) {
		key := filepath.Clean(in.path)
		if !seen[key] {
			seen[key] = true
			out = append(out, in)
		}
	}
	for _, arg := range args {
		if arg == "-" {
			add(auditInput{path: arg})
			continue
		}
		fi, err := os.Stat(arg)
		if err != nil || !fi.IsDir() {
			var size int64
			if fi != nil {
				size = fi.Size()
			}
			add(auditInput{path: arg, size: size}) // LoadFile reports a missing file
			continue
		}
		err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				add(auditInput{path: p, err: err})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if d.IsDir() {
				if p == arg {
					return nil
				}
				if strings.HasPrefix(name, ".") || !recursive || app.ignored(p) {
					if !recursive && !strings.HasPrefix(name, ".") {
						skippedDirs++
					}
					return fs.SkipDir
				}
				return nil
			}
			if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") || !segment.IsSupported(name) || app.ignored(p) {
				return nil
			}
			in := auditInput{path: p}
			if info, err := d.Info(); err == nil {
				if !info.Mode().IsRegular() && info.Mode()&fs.ModeSymlink == 0 {
					return nil
				}
				in.size = info.Size()
			}
			add(in)
			return nil
		})
		if err != nil {
			add(auditInput{path: arg, err: err})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out, skippedDirs
}

// auditFile is the compact summary one file is reduced to; the Document is
// dropped once it is made.
type auditFile struct {
	Path        string
	Err         error
	Format      string
	Profile     string
	ProfileName string
	Year        int
	Chars       int

	Placeholders int
	Missing      []string // required sections and formulations not found
	Structure    int      // structure.* findings (section-missing excepted: it is in Missing)
	Consistency  int      // number.* and consistency.* findings
	Errors       int
	Warnings     int
	Infos        int
	Suppressed   int

	Findings []analyze.Finding // kept for json and html; otherwise the worst only
	worst    *analyze.Finding
}

// summarize reduces a result. Strings are cloned so that nothing keeps the
// document's text alive.
func summarize(r *analyze.Result, keepFindings, showSuppressed bool) *auditFile {
	f := &auditFile{Path: r.Path, Format: r.Format, Profile: r.Profile, ProfileName: r.ProfileName, Year: r.Year, Chars: r.Chars,
		Placeholders: len(r.Placeholders), Suppressed: r.Suppressed}
	for _, s := range r.Sections {
		if s.Status == analyze.StatusMissing {
			f.Missing = append(f.Missing, strings.Clone(s.Name))
		}
	}
	for _, fs := range r.Formulations {
		if fs.Status == analyze.StatusMissing {
			f.Missing = append(f.Missing, strings.Clone(fs.Text))
		}
	}
	f.Errors, f.Warnings, f.Infos = severityCounts(r.Findings)
	for i := range r.Findings {
		x := &r.Findings[i]
		if x.Suppressed {
			if keepFindings && showSuppressed {
				f.Findings = append(f.Findings, cloneFinding(*x))
			}
			continue
		}
		switch {
		case x.Rule == "structure.section-missing":
		case strings.HasPrefix(x.Rule, "structure."):
			f.Structure++
		case strings.HasPrefix(x.Rule, "number."), strings.HasPrefix(x.Rule, "consistency."):
			f.Consistency++
		}
		if keepFindings {
			f.Findings = append(f.Findings, cloneFinding(*x))
		} else if f.worst == nil || x.Severity > f.worst.Severity {
			w := analyze.Finding{Check: x.Check, Rule: x.Rule, Severity: x.Severity}
			f.worst = &w
		}
	}
	return f
}

func cloneFinding(x analyze.Finding) analyze.Finding {
	x.Check, x.Rule, x.Text = strings.Clone(x.Check), strings.Clone(x.Rule), strings.Clone(x.Text)
	x.Message, x.Suggestion, x.Section = strings.Clone(x.Message), strings.Clone(x.Suggestion), strings.Clone(x.Section)
	x.Reason = strings.Clone(x.Reason)
	if x.Related != nil {
		rel := make([]analyze.Related, len(x.Related))
		for i, r := range x.Related {
			r.Text, r.Message = strings.Clone(r.Text), strings.Clone(r.Message)
			rel[i] = r
		}
		x.Related = rel
	}
	return x
}

// result returns a Result carrying what exitCode and the JSON finding
// converter read.
func (f *auditFile) result() *analyze.Result {
	r := &analyze.Result{Path: f.Path, Err: f.Err, Findings: f.Findings}
	if f.worst != nil {
		r.Findings = []analyze.Finding{*f.worst}
	}
	return r
}

// auditReport is everything audit prints.
type auditReport struct {
	Files   []*auditFile // in input (path) order
	Pairs   []similar.Pair
	Copies  bool // copy detection ran
	Elapsed time.Duration
	Bytes   int64
}

// sortedFiles returns the files worst first: unreadable ones, then by
// errors, warnings (both descending) and path.
func (r *auditReport) sortedFiles() []*auditFile {
	out := append([]*auditFile(nil), r.Files...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if (a.Err != nil) != (b.Err != nil) {
			return a.Err != nil
		}
		if a.Errors != b.Errors {
			return a.Errors > b.Errors
		}
		if a.Warnings != b.Warnings {
			return a.Warnings > b.Warnings
		}
		return a.Path < b.Path
	})
	return out
}

// audit checks every input with a pool of workers. Memory stays bounded:
// a worker loads one document, analyses it, fingerprints it for copy
// detection and keeps only its summary.
func (app *App) audit(args []string, o *auditOptions) error {
	start := time.Now()
	// The full dictionary holds ~140 MB of live heap. The GC runs less
	// often than by default (it marks the whole dictionary each time) but
	// under a soft limit that keeps the peak near auditMemoryLimit. GOGC and
	// GOMEMLIMIT in the environment take precedence.
	tuneGC := app.Getenv("GOMEMLIMIT") == "" && app.Getenv("GOGC") == ""
	if app.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(auditMemoryLimit))
	}
	if app.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(200))
	}
	inputs, skippedDirs := app.collectInputs(args, o.Recursive)
	if skippedDirs > 0 {
		fmt.Fprintf(app.Err, "reportlint: 跳过了 %d 个子目录（加 --recursive 一并检查）\n", skippedDirs)
	}
	if len(inputs) == 0 {
		return &exitError{ExitInput, "没有找到可检查的文件（.txt、.md、.docx）"}
	}
	lex, err := app.lexicon()
	if err != nil {
		return err
	}
	checks := o.checks(builtin.All)
	opt, err := o.analyzeOptions(lex, checks)
	if err != nil {
		return err
	}

	var total int64
	for _, in := range inputs {
		total += in.size
	}
	// Small batches: read everything now and build the dictionary filtered
	// to these texts. Large ones: load the full dictionary once, in the
	// background while the workers start reading; they wait for it at the
	// first check that needs tokens.
	copies := !o.NoCopies && !o.SegmentOnly && len(inputs) > 1
	needTokens := copies || o.SegmentOnly
	for _, c := range checks {
		needTokens = needTokens || c.NeedsTokens
	}
	var preloaded []*segment.Document
	var preErr []error
	segReady := make(chan *segment.Segmenter, 1)
	switch {
	case !needTokens:
		segReady <- nil // no dictionary at all
	case total <= segment.FilterLimit:
		preloaded = make([]*segment.Document, len(inputs))
		preErr = make([]error, len(inputs))
		var texts []string
		for i, in := range inputs {
			preloaded[i], preErr[i] = app.loadInput(in)
			if preloaded[i] != nil {
				texts = append(texts, preloaded[i].Text)
			}
		}
		segReady <- segment.NewSegmenterFor(texts, lex.SegmentTerms())
	default:
		// While the dictionary loads the heap only grows (it stays live to
		// the end), so the GC is off until then and the soft limit alone
		// bounds the heap: ~0.1 s less on 1,000 reports, the workers wait
		// for the dictionary. paused is cleared (before GOGC is restored)
		// when audit returns first, e.g. when every input failed to load.
		var gcLoad struct {
			sync.Mutex
			paused bool
		}
		if tuneGC {
			debug.SetGCPercent(-1)
			gcLoad.paused = true
			defer func() { gcLoad.Lock(); gcLoad.paused = false; gcLoad.Unlock() }()
		}
		go func() {
			s := segment.NewFullSegmenter(lex.SegmentTerms())
			gcLoad.Lock()
			if gcLoad.paused {
				debug.SetGCPercent(200)
				gcLoad.paused = false
			}
			gcLoad.Unlock()
			segReady <- s
		}()
	}
	var seg *segment.Segmenter
	var segOnce sync.Once
	segmenter := func() *segment.Segmenter {
		segOnce.Do(func() { seg = <-segReady })
		return seg
	}

	var ix *similar.Index
	if copies {
		ix = similar.NewIndex(similar.Options{Boilerplate: append(similar.PhrasesFrom(lex), similar.StockPhrases...)})
	}
	keep := o.Format == "json" || o.Format == "html"

	bar := app.progress(len(inputs))
	files := make([]*auditFile, len(inputs))
	var stdinText string // "-" cannot be read twice
	var bytesRead atomic.Int64
	// One reader feeds the workers through a bounded queue: while the
	// dictionary loads, it reads ahead (at most loadAhead documents are
	// held), then it keeps pace with the checks at a fraction of their cost.
	type loaded struct {
		i   int
		d   *segment.Document
		err error
	}
	queue := make(chan loaded, loadAhead)
	go func() {
		defer close(queue)
		for i := range inputs {
			var l loaded
			l.i = i
			if preloaded != nil {
				l.d, l.err = preloaded[i], preErr[i]
				preloaded[i] = nil
			} else {
				l.d, l.err = app.loadInput(inputs[i])
			}
			queue <- l
		}
	}()
	var wg sync.WaitGroup
	for w := 0; w < min(o.Jobs, len(inputs)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for l := range queue {
				i, d := l.i, l.d
				if l.err != nil {
					files[i] = &auditFile{Path: inputs[i].path, Err: l.err}
					bar.add()
					continue
				}
				bytesRead.Add(int64(len(d.Text)))
				if inputs[i].path == "-" {
					stdinText = d.Text
				}
				files[i] = app.auditDoc(d, lex, opt, checks, segmenter, ix, i, keep, o)
				bar.add()
			}
		}()
	}
	wg.Wait()
	bar.finish()

	rep := &auditReport{Files: files, Copies: copies, Bytes: bytesRead.Load()}
	if copies {
		pairs, err := ix.Pairs(func(id int) (string, error) {
			if inputs[id].path == "-" {
				return stdinText, nil
			}
			return app.loadText(inputs[id])
		})
		var de *similar.DocError
		for _, e := range unjoin(err) {
			if errors.As(e, &de) {
				fmt.Fprintf(app.Err, "reportlint: %s：%v\n", inputs[de.ID].path, de.Err)
			}
		}
		rep.Pairs = pairs
	}
	rep.Elapsed = time.Since(start)
	if o.SegmentOnly {
		fmt.Fprintf(app.Err, "reportlint: 分词 %d 个文件，%.1f MB，用时 %.2f 秒（%.1f MB/s）\n", len(inputs),
			float64(rep.Bytes)/1e6, rep.Elapsed.Seconds(), float64(rep.Bytes)/1e6/rep.Elapsed.Seconds())
		return nil
	}
	if err := app.printAudit(o, rep); err != nil {
		return err
	}
	results := make([]*analyze.Result, len(files))
	for i, f := range files {
		results[i] = f.result()
	}
	return o.exitCode(results)
}

// unjoin splits an errors.Join error.
func unjoin(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// loadText reads an input's text again, for copy detection. Plain text is
// only decoded: building the Document's paragraphs and headings would cost
// three times as much.
func (app *App) loadText(in auditInput) (string, error) {
	switch strings.ToLower(filepath.Ext(in.path)) {
	case ".txt", ".md", ".markdown":
		data, err := os.ReadFile(in.path)
		if err != nil {
			return "", err
		}
		if !bytes.HasPrefix(data, []byte("PK")) && !bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0")) {
			text, _, err := segment.Decode(data, app.Encoding)
			return text, err
		}
	}
	d, err := app.loadInput(in)
	if err != nil {
		return "", err
	}
	return d.Text, nil
}

// loadInput reads one input; errors are InputErrors with the path.
func (app *App) loadInput(in auditInput) (*segment.Document, error) {
	if in.err != nil {
		reason := in.err.Error()
		var pe *fs.PathError
		if errors.As(in.err, &pe) {
			reason = pe.Err.Error()
			if errors.Is(in.err, fs.ErrPermission) {
				reason = "没有读取权限"
			}
		}
		return nil, &segment.InputError{Path: in.path, Reason: "无法读取：" + reason}
	}
	d, err := segment.LoadFile(in.path, app.In, app.loadOptions())
	if err != nil {
		var ie *segment.InputError
		if !errors.As(err, &ie) {
			err = &segment.InputError{Path: in.path, Reason: err.Error()}
		}
		return nil, err
	}
	return d, nil
}

// auditDoc analyses one document and fingerprints it, sharing one token
// list between the checks and copy detection.
func (app *App) auditDoc(d *segment.Document, lex *lexicon.Lexicon, opt analyze.Options, checks []*analyze.Check,
	segmenter func() *segment.Segmenter, ix *similar.Index, id int, keep bool, o *auditOptions) *auditFile {
	var toks []segment.Token
	tokensDone := false
	opt.Checks = checks
	opt.Tokenize = func(s string) []segment.Token {
		if s == d.Text && tokensDone {
			return toks
		}
		t := segmenter().Tokens(s)
		if s == d.Text {
			toks, tokensDone = t, true
		}
		return t
	}
	if o.SegmentOnly {
		opt.Tokenize(d.Text)
		return &auditFile{Path: d.Path, Format: string(d.Format)}
	}
	r := analyze.Run(d, lex, opt)
	if ix != nil {
		ix.Add(id, ix.Fingerprint(d.Text, opt.Tokenize(d.Text)))
	}
	return summarize(r, keep, o.ShowSuppressed)
}

// auditProgress is a progress bar on a terminal's stderr, or nothing.
// auditProgress is a progress bar on stderr: files done, rate, time left.
// It draws nothing when stderr is not a terminal.
type auditProgress struct {
	p   *mpb.Progress
	bar *mpb.Bar
}

func (app *App) progress(n int) *auditProgress {
	if !app.ErrTTY {
		return &auditProgress{}
	}
	p := mpb.New(mpb.WithOutput(app.Err), mpb.WithWidth(30), mpb.WithRefreshRate(100*time.Millisecond))
	bar := p.AddBar(int64(n),
		mpb.PrependDecorators(decor.Name("检查中 "), decor.CountersNoUnit("%d/%d 个文件")),
		mpb.AppendDecorators(decor.AverageSpeed(0, " %.1f 个/秒"), decor.Name("  剩余 "), decor.AverageETA(decor.ET_STYLE_GO)),
		mpb.BarRemoveOnComplete(),
	)
	return &auditProgress{p: p, bar: bar}
}

func (p *auditProgress) add() {
	if p.bar != nil {
		p.bar.Increment()
	}
}

func (p *auditProgress) finish() {
	if p.bar != nil {
		p.bar.SetTotal(-1, true) // complete even if some files were skipped
		p.p.Wait()
	}
}
