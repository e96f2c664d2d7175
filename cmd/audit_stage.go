package cmd

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/segment"
)

// The per-file stage of audit: one input in, one record out, under the
// per-file budgets; and the writers of its lines (--emit, --jsonl).

// loadedInput is one input read, with its state before reading.
type loadedInput struct {
	i      int
	d      *segment.Document
	err    error
	before os.FileInfo // nil for standard input or when stat failed
}

// loadStat reads one input, noting its size and time first so that a
// change during the audit shows.
func (app *App) loadStat(in auditInput) loadedInput {
	var l loadedInput
	if in.path != "-" && in.err == nil {
		if fi, err := os.Stat(in.path); err == nil && fi.Mode().IsRegular() {
			l.before = fi
		}
	}
	l.d, l.err = app.loadInput(in)
	return l
}

// changedNote says how the file changed since before, or "".
func changedNote(path string, before os.FileInfo) string {
	if before == nil {
		return ""
	}
	fi, err := os.Stat(path)
	switch {
	case err != nil:
		return "检查期间文件被删除或移走；结果按读取时的内容，报告之间的比对不完整"
	case fi.Size() != before.Size() || !fi.ModTime().Equal(before.ModTime()):
		return "检查期间文件被修改；结果按读取时的内容，报告之间的比对不完整，请在文件不再变动时重新运行"
	}
	return ""
}

// auditTestHook, when set by a test, runs at the start of each file's
// stage (to stall it or change the file). Atomic: a stage stalled past
// --file-timeout outlives its audit and reads it while a test resets it.
var auditTestHook atomic.Pointer[func(path string)]

// record is the per-file stage: a pure function of the file and the
// configuration, under the per-file time and size budgets.
func (st *auditStage) record(in auditInput, l loadedInput) *auditRecord {
	if l.err != nil {
		rec := &auditRecord{Kind: auditRecordKind, Version: auditRecordVersion, Path: in.path}
		rec.Error = strings.TrimPrefix(l.err.Error(), in.path+"：")
		return rec
	}
	rec := st.guarded(l.d)
	rec.Changed = changedNote(in.path, l.before)
	return rec
}

func overLimit(path, reason string) *auditRecord {
	return &auditRecord{Kind: auditRecordKind, Version: auditRecordVersion, Path: path, OverLimit: true,
		Error: "超出处理限制：" + reason}
}

// guarded runs the stage for one document under the watchdog: a file that
// takes longer than --file-timeout gets its row (超出处理限制) and the batch
// goes on. Go cannot stop the goroutine; it finishes in the background and
// its result is dropped.
func (st *auditStage) guarded(d *segment.Document) *auditRecord {
	if n := utf8.RuneCountInString(d.Text); st.o.MaxChars > 0 && n > st.o.MaxChars {
		return overLimit(d.Path, fmt.Sprintf("正文 %d 字，超过每个文件 %d 字的上限（可用 --max-chars 调整）", n, st.o.MaxChars))
	}
	if st.o.FileTimeout <= 0 {
		return st.safe(d)
	}
	ctx, cancel := context.WithTimeout(context.Background(), st.o.FileTimeout)
	defer cancel()
	done := make(chan *auditRecord, 1)
	go func() { done <- st.safe(d) }()
	select {
	case rec := <-done:
		return rec
	case <-ctx.Done():
		return overLimit(d.Path, fmt.Sprintf("检查超过 %s 仍未完成，已跳过（可用 --file-timeout 调整）", durationLabel(st.o.FileTimeout)))
	}
}

func durationLabel(d time.Duration) string {
	if d%time.Second == 0 {
		return fmt.Sprintf("%d 秒", int(d/time.Second))
	}
	return fmt.Sprintf("%.1f 秒", d.Seconds())
}

// safe is one document's stage with a panic turned into that file's row,
// so one file never takes down the batch and no panic text reaches the
// user (the stack goes to stderr with --debug).
func (st *auditStage) safe(d *segment.Document) (rec *auditRecord) {
	if hook := auditTestHook.Load(); hook != nil {
		(*hook)(d.Path)
	}
	defer func() {
		if r := recover(); r != nil {
			if st.app.Debug {
				fmt.Fprintf(st.app.Err, "reportlint: %s: %v\n%s", d.Path, r, debug.Stack())
			}
			rec = &auditRecord{Kind: auditRecordKind, Version: auditRecordVersion, Path: d.Path,
				Error: "内部错误，未能检查此文件（请报告给维护者；加 --debug 可显示详情）"}
		}
	}()
	return st.analyse(d)
}

// analyse checks one document and fingerprints it, sharing one token list
// between the checks and copy detection.
func (st *auditStage) analyse(d *segment.Document) *auditRecord {
	var toks []segment.Token
	tokensDone := false
	opt := st.opt
	opt.Tokenize = func(s string) []segment.Token {
		if s == d.Text && tokensDone {
			return toks
		}
		t := st.segmenter().Tokens(s)
		if s == d.Text {
			toks, tokensDone = t, true
		}
		return t
	}
	if st.o.SegmentOnly {
		opt.Tokenize(d.Text)
		return &auditRecord{Kind: auditRecordKind, Version: auditRecordVersion, Path: d.Path, Format: string(d.Format)}
	}
	r := analyze.Run(d, st.lex, opt)
	st.app.hideInternal(r)
	rec := newRecord(r, st.o.ShowSuppressed)
	rec.Bytes = int64(len(d.Text))
	if st.ix != nil {
		p := st.ix.Fingerprint(d.Text, opt.Tokenize(d.Text))
		if st.o.Emit != "" {
			rec.Signature = st.ix.Signature(p)
		} else {
			rec.print = p.Compact() // what the merger rebuilds from a signature
		}
	}
	return rec
}

// encodeRecord is a record's JSON line (with its newline).
func encodeRecord(rec *auditRecord) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(rec); err != nil {
		// only a non-finite float could fail; crossClaims drops those
		b.Reset()
		enc.Encode(&auditRecord{Kind: auditRecordKind, Version: auditRecordVersion, Path: rec.Path,
			Error: "内部错误：结果无法写出（请报告给维护者）"})
	}
	return b.Bytes()
}

// emitWriter writes records in input order as they finish.
type emitWriter struct {
	mu      sync.Mutex
	w       io.Writer
	next    int
	pending map[int][]byte
	err     error
}

func newEmitWriter(w io.Writer, n int) *emitWriter {
	return &emitWriter{w: w, pending: map[int][]byte{}}
}

func (e *emitWriter) put(i int, line []byte) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.pending[i] = line
	for {
		l, ok := e.pending[e.next]
		if !ok {
			return
		}
		delete(e.pending, e.next)
		e.next++
		if e.err == nil {
			_, e.err = e.w.Write(l)
		}
	}
}

// jsonlProgress writes one JSON line per finished file (--jsonl), for
// machines, alongside the terminal bar.
type jsonlProgress struct {
	w     io.Writer
	f     *os.File // to close; nil for standard error
	done  int
	start time.Time
}

type jsonlLine struct {
	Done      int    `json:"done"`
	Total     int    `json:"total"`
	Path      string `json:"path"`
	Error     string `json:"error,omitempty"`
	OverLimit bool   `json:"over_limit,omitempty"`
	Changed   string `json:"changed,omitempty"`
	Errors    int    `json:"errors"`
	Warnings  int    `json:"warnings"`
	Infos     int    `json:"infos"`
	ElapsedMS int64  `json:"elapsed_ms"`
}

func (app *App) openJSONLProgress(path string) (*jsonlProgress, error) {
	p := &jsonlProgress{start: time.Now()}
	switch path {
	case "":
		return p, nil
	case "-":
		p.w = app.Err
		return p, nil
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, &exitError{ExitInput, fmt.Sprintf("--jsonl %s：无法写入（%s）", path, openReason(err))}
	}
	p.w, p.f = f, f
	return p, nil
}

// file notes a finished file; callers serialise.
func (p *jsonlProgress) file(rec *auditRecord, total int) {
	p.done++
	if p.w == nil {
		return
	}
	b, _ := json.Marshal(jsonlLine{p.done, total, rec.Path, rec.Error, rec.OverLimit, rec.Changed,
		rec.Counts.Errors, rec.Counts.Warnings, rec.Counts.Infos, time.Since(p.start).Milliseconds()})
	p.w.Write(append(b, '\n'))
}

func (p *jsonlProgress) close() {
	if p.f != nil {
		p.f.Close()
	}
}
