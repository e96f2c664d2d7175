package cmd

import (
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
	"github.com/reportlint/reportlint/crossref"
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

	Emit        string        // "jsonl": write one record per file instead of the report
	Merge       bool          // the arguments are --emit outputs
	JSONL       string        // progress lines to this file ("-": standard error)
	FileTimeout time.Duration // per-file watchdog; 0 disables
	MaxChars    int           // per-file text budget in characters; 0 disables

	RingOverlap      float64 // see similar.Options
	MinUnrelated     int
	MaxTemplateShare float64
	PostingCap       int
}

// Defaults of the per-file budgets.
const (
	defaultFileTimeout = 60 * time.Second
	defaultMaxChars    = 5_000_000
)

// similarOptions are the copy detector's options; lex gives the stock
// phrases (nil in a merge, where only the thresholds matter).
func (o *auditOptions) similarOptions(lex *lexicon.Lexicon) similar.Options {
	opt := similar.Options{RingOverlap: o.RingOverlap / 100, MinUnrelated: o.MinUnrelated,
		MaxTemplateShare: o.MaxTemplateShare / 100, PostingCap: o.PostingCap}
	if lex != nil {
		opt.Boilerplate = append(similar.PhrasesFrom(lex), similar.StockPhrases...)
	}
	return opt
}

func newAuditCmd(app *App) *cobra.Command {
	o := &auditOptions{}
	c := &cobra.Command{
		Use:   "audit [目录或文件...]",
		Short: "批量检查一个或多个目录中的报告（.txt、.md、.docx），并查找报告之间的重复段落",
		Long: "audit 检查目录中的每份报告（也可直接给出文件），按问题多少排序列出；再比对报告之间的内容：\n" +
			"全文大部分相同的报告分成组（疑似相互抄袭），组外两份报告之间相同的段落逐对列出，按模板处理的文字及原因单独列出；\n" +
			"同一指标、同一范围和年度在不同报告中数字不同的，列为“报告之间的数字不一致”。\n" +
			"无法检查的文件（不存在、不是普通文件、超出处理限制）单独成行，其余文件照常检查（此时退出码为 2）。\n" +
			"不给目录时检查当前目录。配置文件从所给目录向上查找（audit -r 目录/ 使用 目录/.reportlint.yaml）。\n" +
			"大批量可分两步：--emit jsonl 逐个文件生成记录（可在多台机器上并行），--merge 合并，输出与一次检查相同。",
		Example: "  reportlint audit 述职报告/\n" +
			"  reportlint audit -r --format html -o 审查.html 各科室/\n" +
			"  reportlint audit --format csv -o 汇总.csv 2024年度/\n" +
			"  reportlint audit            # 检查当前目录\n" +
			"  parallel -j2 -n 100 reportlint audit --emit jsonl ::: 全省/*/*.txt > 记录.jsonl\n" +
			"  reportlint audit --merge --format html -o 全省.html 记录.jsonl",
		Args: cobra.ArbitraryArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if o.Merge && len(args) == 0 {
				return usageError("--merge 需要至少一个由 audit --emit jsonl 生成的文件（- 表示标准输入）")
			}
			if len(args) == 0 {
				args = []string{"."}
			}
			if err := o.validate(); err != nil {
				return err
			}
			if err := app.prepare(c, &o.lintOptions, auditFormats, args); err != nil {
				return err
			}
			if cfg, _ := app.config(); cfg != nil {
				o.applyAuditConfig(c, cfg)
			}
			if err := o.validate(); err != nil {
				return err
			}
			if o.Jobs < 0 {
				return usageError("--jobs %d 无效：应为正整数", o.Jobs)
			}
			if o.Jobs == 0 {
				o.Jobs = runtime.GOMAXPROCS(0)
			}
			if o.Merge {
				return app.mergeFiles(args, o)
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
	f.StringVar(&o.Emit, "emit", "", "不输出汇总，改为每个文件输出一行 JSON 记录（jsonl），供 --merge 合并；可在多台机器上分别运行")
	f.BoolVar(&o.Merge, "merge", false, "合并 --emit jsonl 的输出（参数为这些文件，- 表示标准输入），输出与一次检查全部文件相同")
	f.StringVar(&o.JSONL, "jsonl", "", "每检查完一个文件，向此文件写一行 JSON 进度（- 表示标准错误）")
	f.DurationVar(&o.FileTimeout, "file-timeout", defaultFileTimeout, "每个文件的检查时限，超过则记为“超出处理限制”并继续（0 表示不限）")
	f.IntVar(&o.MaxChars, "max-chars", defaultMaxChars, "每个文件正文字数上限，超过则记为“超出处理限制”（0 表示不限）")
	f.Float64Var(&o.RingOverlap, "ring-overlap", 60, "两份报告全文重合达到此百分比即视为相互抄袭，并据此分组")
	f.IntVar(&o.MinUnrelated, "min-unrelated", 5, "出现在至少这么多份互不相关报告中的短段落按通用模板处理，不计为抄袭")
	f.Float64Var(&o.MaxTemplateShare, "max-template-share", 25, "模板文字最多占一份报告的百分比；超过的共同内容不按模板处理")
	f.IntVar(&o.PostingCap, "posting-cap", 100, "一个指纹出现在多于这么多份报告中时只与相邻报告配对（限制工作量）")
	return c
}

func (o *auditOptions) validate() error {
	switch {
	case o.Emit != "" && o.Emit != "jsonl":
		return usageError("--emit %q 无效：目前只支持 jsonl", o.Emit)
	case o.Emit != "" && o.Merge:
		return usageError("--emit 与 --merge 不能同时使用：先用 --emit 逐个生成，再用 --merge 合并")
	case o.RingOverlap <= 0 || o.RingOverlap > 100:
		return usageError("--ring-overlap（或配置 audit.ring_overlap）%g 无效：应为 0 到 100 之间的百分比", o.RingOverlap)
	case o.MaxTemplateShare <= 0 || o.MaxTemplateShare > 100:
		return usageError("--max-template-share（或配置 audit.max_template_share）%g 无效：应为 0 到 100 之间的百分比", o.MaxTemplateShare)
	case o.MinUnrelated < 2:
		return usageError("--min-unrelated（或配置 audit.min_unrelated）%d 无效：应至少为 2", o.MinUnrelated)
	case o.PostingCap < 2:
		return usageError("--posting-cap（或配置 audit.posting_cap）%d 无效：应至少为 2", o.PostingCap)
	case o.FileTimeout < 0:
		return usageError("--file-timeout 无效：不能为负")
	case o.MaxChars < 0:
		return usageError("--max-chars %d 无效：不能为负", o.MaxChars)
	}
	return nil
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
			// Special files (FIFO, device, socket, a symlink to one) are
			// taken too: loading refuses them without opening, and the row
			// says why.
			in := auditInput{path: p}
			if info, err := d.Info(); err == nil && info.Mode().IsRegular() {
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

// auditFile is one row of the audit: the summary a record carries.
type auditFile struct {
	Path        string
	Err         error
	OverLimit   bool   // Err is a processing limit (超出处理限制)
	Changed     string // the file changed during the audit (Chinese note)
	Format      string
	Profile     string
	ProfileName string
	Year        int
	Chars       int
	Bytes       int64

	Placeholders int
	Missing      []string // required sections and formulations not found
	Structure    int      // structure.* findings (section-missing excepted: it is in Missing)
	Consistency  int      // number.* and consistency.* findings
	Errors       int
	Warnings     int
	Infos        int
	Suppressed   int

	Findings []jsonFinding // kept for json and html
}

// auditReport is everything audit prints.
type auditReport struct {
	Files      []*auditFile // in path order (the copy detector's ids)
	Comparison *similar.Comparison
	Pairs      []similar.Pair // Comparison.Pairs
	Conflicts  []crossref.Conflict
	Copies     bool // copy detection ran
	Elapsed    time.Duration
	Bytes      int64
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

// changed lists the files that changed or disappeared during the audit.
func (r *auditReport) changed() []*auditFile {
	var out []*auditFile
	for _, f := range r.Files {
		if f.Changed != "" {
			out = append(out, f)
		}
	}
	return out
}

// auditStage is the per-file stage's configuration: everything a record
// depends on besides the file.
type auditStage struct {
	app       *App
	lex       *lexicon.Lexicon
	opt       analyze.Options
	segmenter func() *segment.Segmenter
	ix        *similar.Index // fingerprints; nil without copy detection
	o         *auditOptions
}

// audit checks every input with a pool of workers. Memory stays bounded:
// a worker loads one document, turns it into a record (summary,
// fingerprints, claims) and drops the text. With --emit the records are
// written out; otherwise they are merged as --merge does.
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
	if app.output != nil {
		var paths []string
		for _, in := range inputs {
			paths = append(paths, in.path)
		}
		if err := app.refuseInput(app.output.target, paths); err != nil {
			return err
		}
	}
	lex, opt, err := app.setup(&o.lintOptions, allChecks())
	if err != nil {
		return err
	}
	progress, err := app.openJSONLProgress(o.JSONL)
	if err != nil {
		return err
	}
	defer progress.close()

	var total int64
	for _, in := range inputs {
		total += in.size
	}
	emit := o.Emit != ""
	// An emitted record carries its fingerprints whatever the batch: the
	// merge may join it with others.
	copies := !o.NoCopies && !o.SegmentOnly && (len(inputs) > 1 || emit)
	needTokens := copies || o.SegmentOnly
	for _, c := range opt.Checks {
		needTokens = needTokens || c.NeedsTokens
	}
	// Small batches: read everything now and build the dictionary filtered
	// to these texts (same tokens as the full one). Large ones: a pre-pass
	// over the texts read (readBatch) builds a dictionary filtered to the
	// batch when its vocabulary is small enough; otherwise the full one is
	// loaded once, in the background while the workers go on reading; they
	// wait for it at the first check that needs tokens.
	var preloaded []loadedInput
	var loadFull func() // nil: not a large batch
	segReady := make(chan *segment.Segmenter, 1)
	switch {
	case !needTokens:
		segReady <- nil // no dictionary at all
	case total <= auditFilterLimit:
		preloaded = make([]loadedInput, len(inputs))
		var texts []string
		for i, in := range inputs {
			preloaded[i] = app.loadStat(in)
			if preloaded[i].d != nil {
				texts = append(texts, preloaded[i].d.Text)
			}
		}
		segReady <- segment.NewSegmenterFor(texts, lex.SegmentTerms())
	default:
		// While the full dictionary loads the heap only grows (it stays
		// live to the end), so the GC is off until then and the soft limit
		// alone bounds the heap. paused is cleared (before GOGC is
		// restored) when audit returns first, e.g. when every input failed
		// to load.
		var gcLoad struct {
			sync.Mutex
			paused bool
		}
		defer func() { gcLoad.Lock(); gcLoad.paused = false; gcLoad.Unlock() }()
		if tuneGC {
			// The pre-pass and a filtered dictionary keep the live heap
			// near 100 MB: the default GOGC holds the peak there (on 1,000
			// generated reports 242 MB against 378 MB at 200, same CPU).
			debug.SetGCPercent(100)
		}
		loadFull = func() {
			freeForLoad()
			if tuneGC {
				gcLoad.Lock()
				debug.SetGCPercent(-1)
				gcLoad.paused = true
				gcLoad.Unlock()
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
	}
	var seg *segment.Segmenter
	var segOnce sync.Once
	st := &auditStage{app: app, lex: lex, opt: opt, o: o, segmenter: func() *segment.Segmenter {
		segOnce.Do(func() { seg = <-segReady })
		return seg
	}}
	if copies {
		st.ix = similar.NewIndex(o.similarOptions(lex))
	}
	merger := newMerger(similar.NewIndex(o.similarOptions(lex)), o.Format == "json" || o.Format == "html", copies)
	var out *emitWriter
	if emit {
		out = newEmitWriter(app.Out, len(inputs))
	}

	bar := app.progress(len(inputs))
	var mu sync.Mutex // firstErr, progress
	var firstErr error
	var bytesRead atomic.Int64
	// One reader feeds the workers through a bounded queue: while the
	// dictionary loads, it reads ahead (at most loadAhead documents are
	// held), then it keeps pace with the checks at a fraction of their cost.
	queue := make(chan loadedInput, loadAhead)
	go func() {
		if loadFull != nil {
			app.readBatch(inputs, lex.SegmentTerms(), queue, segReady, loadFull)
			return
		}
		defer close(queue)
		for i := range inputs {
			var l loadedInput
			if preloaded != nil {
				l, preloaded[i] = preloaded[i], loadedInput{}
			} else {
				l = app.loadStat(inputs[i])
			}
			l.i = i
			queue <- l
		}
	}()
	var wg sync.WaitGroup
	for w := 0; w < min(o.Jobs, len(inputs)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for l := range queue {
				if l.d != nil {
					bytesRead.Add(int64(len(l.d.Text)))
				}
				rec := st.record(inputs[l.i], l)
				var err error
				if emit {
					out.put(l.i, encodeRecord(rec))
				} else {
					err = merger.take(rec)
				}
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = err
				}
				progress.file(rec, len(inputs))
				mu.Unlock()
				bar.add()
			}
		}()
	}
	wg.Wait()
	bar.finish()
	if emit {
		return out.err
	}
	if firstErr != nil {
		return firstErr // a record this process made cannot be read back: a bug
	}
	if o.SegmentOnly {
		elapsed := time.Since(start)
		fmt.Fprintf(app.Err, "reportlint: 分词 %d 个文件，%.1f MB，用时 %.2f 秒（%.1f MB/s）\n", len(inputs),
			float64(bytesRead.Load())/1e6, elapsed.Seconds(), float64(bytesRead.Load())/1e6/elapsed.Seconds())
		return nil
	}
	rep := merger.report()
	rep.Elapsed = time.Since(start)
	if err := app.printAudit(o, rep); err != nil {
		return err
	}
	return o.auditExit(rep)
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

// applyAuditConfig takes the config's audit thresholds where no flag was given.
func (o *auditOptions) applyAuditConfig(c *cobra.Command, cfg *Config) {
	fl := c.Flags()
	unset := func(name string) bool { return fl.Lookup(name) != nil && !fl.Changed(name) }
	a := cfg.Audit
	if a.RingOverlap != nil && unset("ring-overlap") {
		o.RingOverlap = *a.RingOverlap
	}
	if a.MinUnrelated != nil && unset("min-unrelated") {
		o.MinUnrelated = *a.MinUnrelated
	}
	if a.MaxTemplateShare != nil && unset("max-template-share") {
		o.MaxTemplateShare = *a.MaxTemplateShare
	}
	if a.PostingCap != nil && unset("posting-cap") {
		o.PostingCap = *a.PostingCap
	}
}
