package cmd

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/crossref"
	"github.com/reportlint/reportlint/internal/safefile"
	"github.com/reportlint/reportlint/internal/strblock"
	"github.com/reportlint/reportlint/segment"
	"github.com/reportlint/reportlint/similar"
)

// The merge stage: records (one per file, from this process or from
// `audit --emit jsonl` lines) in, one auditReport out. A one-process audit
// hands its records over as Go values (take), keeping exactly what reading
// their lines back would keep (audit_merge_test.go), so both print the same
// bytes.

// maxRecordLine bounds one line of --merge input (a 20 MB report's
// signature is a few MB).
const maxRecordLine = 256 << 20

type mergeEntry struct {
	file   *auditFile
	print  *similar.Print
	claims []crossref.Claim
}

// auditMerger collects records; memory holds the summaries, fingerprints
// and claims, never texts.
type auditMerger struct {
	ix      *similar.Index // for PrintFrom and Compare
	keep    bool           // keep findings (json, html)
	copies  bool
	entries []mergeEntry
	seen    map[string]bool
	dups    []string
	mu      sync.Mutex // take
}

func newMerger(ix *similar.Index, keep, copies bool) *auditMerger {
	return &auditMerger{ix: ix, keep: keep, copies: copies, seen: map[string]bool{}}
}

// take adds a record this process made; safe for concurrent use. It keeps
// exactly what addJSON(encodeRecord(rec)) keeps, without the JSON round
// trip: strings are made valid UTF-8 as encoding/json writes them and
// copied out of the text (one block per record), and the stage's print is
// the one PrintFrom would rebuild from the signature (Print.Compact). The
// record's strings are changed in place.
func (m *auditMerger) take(rec *auditRecord) error {
	if !encodable(rec) {
		rec = unencodable(rec)
	}
	var pool stringPool
	path := rec.Path
	rec.Path = jsonString(rec.Path)
	if rec.Path == "" {
		return fmt.Errorf("%s：记录缺少 path 字段", path)
	}
	e := mergeEntry{file: rec.file(m.keep)}
	f := e.file
	for _, s := range []*string{&f.Path, &f.Changed, &f.Format, &f.Profile, &f.ProfileName} {
		pool.add(s)
	}
	if ie, ok := f.Err.(*segment.InputError); ok {
		pool.add(&ie.Path)
		pool.add(&ie.Reason)
	}
	if len(f.Missing) == 0 {
		f.Missing = nil
	}
	for i := range f.Missing {
		pool.add(&f.Missing[i])
	}
	if len(f.Findings) == 0 {
		f.Findings = nil
	}
	for i := range f.Findings {
		x := &f.Findings[i]
		for _, s := range []*string{&x.Check, &x.Rule, &x.Severity, &x.Text, &x.Message, &x.Suggestion, &x.Section, &x.Reason} {
			pool.add(s)
		}
		for j := range x.Related {
			pool.add(&x.Related[j].Text)
			pool.add(&x.Related[j].Message)
		}
	}
	if rec.Error == "" && m.copies {
		// the stage made the print itself (a record with only a Signature
		// comes from --emit lines, through addJSON)
		if rec.print == nil {
			return fmt.Errorf("%s：内部错误：记录缺少指纹（请报告给维护者）", path)
		}
		e.print = rec.print
	}
	if len(rec.Claims) > 0 {
		e.claims = make([]crossref.Claim, len(rec.Claims))
		for i, c := range rec.Claims {
			e.claims[i] = c
			x := &e.claims[i]
			for _, s := range []*string{&x.Metric, &x.Scope, &x.Unit, &x.Period, &x.Qualifier, &x.Excerpt} {
				pool.add(s)
			}
		}
	}
	pool.Copy()
	for i := range e.claims {
		e.claims[i].File = f.Path
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.addEntry(e)
	return nil
}

// addEntry keeps e unless its path was seen; callers serialise.
func (m *auditMerger) addEntry(e mergeEntry) {
	if m.seen[e.file.Path] {
		m.dups = append(m.dups, e.file.Path)
		return
	}
	m.seen[e.file.Path] = true
	m.entries = append(m.entries, e)
}

// encodable reports whether encodeRecord writes rec itself: only a
// non-finite float fails, and claims hold the only floats.
func encodable(rec *auditRecord) bool {
	for _, c := range rec.Claims {
		if math.IsInf(c.Value, 0) || math.IsNaN(c.Value) {
			return false
		}
	}
	return true
}

// unencodable is the record encodeRecord writes in place of rec.
func unencodable(rec *auditRecord) *auditRecord {
	return &auditRecord{Kind: auditRecordKind, Version: auditRecordVersion, Path: rec.Path,
		Error: "内部错误：结果无法写出（请报告给维护者）"}
}

// stringPool copies a record's strings into one block (strblock), made
// valid UTF-8 as encoding/json writes them.
type stringPool struct{ strblock.Pool }

func (p *stringPool) add(s *string) {
	*s = jsonString(*s)
	p.Add(s)
}

// jsonString is s as encoding/json writes it and reads it back: each byte
// that is not part of valid UTF-8 becomes U+FFFD.
func jsonString(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteString("\uFFFD")
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// addJSON adds one record given as JSON; where names the line for errors.
func (m *auditMerger) addJSON(line []byte, where string) error {
	var rec auditRecord
	dec := json.NewDecoder(bytes.NewReader(line))
	if err := dec.Decode(&rec); err != nil {
		return fmt.Errorf("%s：不是有效的 JSON 记录（%s）", where, jsonReason(err))
	}
	if rec.Kind != auditRecordKind || rec.Version != auditRecordVersion {
		return fmt.Errorf("%s：不是 reportlint audit --emit jsonl 的输出（kind 应为 %q，version 应为 %d）", where, auditRecordKind, auditRecordVersion)
	}
	if rec.Path == "" {
		return fmt.Errorf("%s：记录缺少 path 字段", where)
	}
	if m.seen[rec.Path] {
		m.dups = append(m.dups, rec.Path)
		return nil
	}
	e := mergeEntry{file: rec.file(m.keep)}
	if rec.Error == "" && m.copies {
		if rec.Signature == nil {
			return fmt.Errorf("%s（%s）：缺少指纹（生成时用了 --no-copies？合并时也加 --no-copies）", where, rec.Path)
		}
		p, err := m.ix.PrintFrom(rec.Signature)
		if err != nil {
			return fmt.Errorf("%s（%s）：%v", where, rec.Path, err)
		}
		e.print = p
	}
	for _, c := range rec.Claims {
		c.File = rec.Path
		e.claims = append(e.claims, c)
	}
	m.addEntry(e)
	return nil
}

func jsonReason(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("第 %d 字节处语法错误", se.Offset)
	case errors.As(err, &te):
		return fmt.Sprintf("字段 %s 的类型不对", te.Field)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "记录不完整"
	}
	return "无法解析"
}

// file turns a record into a row.
func (rec *auditRecord) file(keep bool) *auditFile {
	f := &auditFile{Path: rec.Path, Changed: rec.Changed, OverLimit: rec.OverLimit}
	if rec.Error != "" {
		f.Err = &segment.InputError{Path: rec.Path, Reason: rec.Error}
		return f
	}
	f.Format, f.Profile, f.ProfileName, f.Year, f.Chars, f.Bytes = rec.Format, rec.Profile, rec.ProfileName, rec.Year, rec.Chars, rec.Bytes
	c := rec.Counts
	f.Placeholders, f.Missing, f.Structure, f.Consistency = c.Placeholders, rec.Missing, c.Structure, c.Consistency
	f.Errors, f.Warnings, f.Infos, f.Suppressed = c.Errors, c.Warnings, c.Infos, c.Suppressed
	if keep {
		f.Findings = rec.Findings
	}
	return f
}

// readLines adds every record of r (JSON lines; empty lines skipped).
func (m *auditMerger) readLines(r io.Reader, name string) error {
	br := bufio.NewReaderSize(r, 1<<20)
	var buf []byte
	for n := 1; ; n++ {
		buf = buf[:0]
		var err error
		for {
			var chunk []byte
			chunk, err = br.ReadSlice('\n')
			if len(buf)+len(chunk) > maxRecordLine {
				return fmt.Errorf("%s:%d：记录超过 %d MB，不像 audit --emit jsonl 的输出", name, n, maxRecordLine>>20)
			}
			buf = append(buf, chunk...)
			if err != bufio.ErrBufferFull {
				break
			}
		}
		if len(bytes.TrimSpace(buf)) > 0 {
			if e := m.addJSON(buf, fmt.Sprintf("%s:%d", name, n)); e != nil {
				return e
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s：读取失败（%v）", name, err)
		}
	}
}

// report compares the batch and returns what audit prints. Files are in
// path order, which fixes the copy detector's document ids.
func (m *auditMerger) report() *auditReport {
	sort.SliceStable(m.entries, func(i, j int) bool { return m.entries[i].file.Path < m.entries[j].file.Path })
	rep := &auditReport{Copies: m.copies && len(m.entries) > 1}
	var claims []crossref.Claim
	for i, e := range m.entries {
		rep.Files = append(rep.Files, e.file)
		rep.Bytes += e.file.Bytes
		if e.print != nil {
			m.ix.Add(i, e.print)
		}
		claims = append(claims, e.claims...)
		m.entries[i].print, m.entries[i].claims = nil, nil
	}
	if rep.Copies {
		rep.Comparison = m.ix.Compare()
		rep.Pairs = rep.Comparison.Pairs
	}
	rep.Conflicts = crossref.Find(claims, crossref.Options{})
	return rep
}

// mergeFiles is `audit --merge`: read the lines of every file ("-" is
// standard input), then print as audit does.
func (app *App) mergeFiles(files []string, o *auditOptions) error {
	ix := similar.NewIndex(o.similarOptions(nil))
	m := newMerger(ix, o.Format == "json" || o.Format == "html", !o.NoCopies)
	for _, name := range files {
		var err error
		if name == "-" {
			err = m.readLines(app.In, "<标准输入>")
		} else {
			err = app.mergeFile(m, name)
		}
		if err != nil {
			return &exitError{ExitInput, err.Error()}
		}
	}
	if len(m.entries) == 0 {
		return &exitError{ExitInput, "--merge 的输入中没有记录（应为 reportlint audit --emit jsonl 的输出）"}
	}
	for _, d := range m.dups {
		fmt.Fprintf(app.Err, "reportlint: %s 的记录出现多次，只用第一条\n", d)
	}
	rep := m.report()
	if err := app.printAudit(o, rep); err != nil {
		return err
	}
	return o.auditExit(rep)
}

func (app *App) mergeFile(m *auditMerger, name string) error {
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("%s：无法打开（%s）", name, openReason(err))
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() && fi.Mode()&os.ModeNamedPipe == 0 {
		return fmt.Errorf("%s：不是普通文件或管道", name)
	}
	return m.readLines(f, name)
}

func openReason(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "文件不存在"
	case errors.Is(err, os.ErrPermission):
		return "没有读取权限"
	}
	var se *safefile.Error
	if errors.As(err, &se) {
		return se.Reason
	}
	return "读取错误"
}

// auditExit is the exit code from the counts: 2 when a file could not be
// checked, 1 when a finding reaches --fail-on.
func (o *auditOptions) auditExit(rep *auditReport) error {
	for _, f := range rep.Files {
		if f.Err != nil {
			return &exitError{code: ExitInput}
		}
	}
	if o.FailOn == "never" {
		return nil
	}
	th, _ := analyze.ParseSeverity(o.FailOn)
	for _, f := range rep.Files {
		if f.Errors > 0 && th <= analyze.Error || f.Warnings > 0 && th <= analyze.Warning || f.Infos > 0 && th <= analyze.Info {
			return &exitError{code: ExitFindings}
		}
	}
	return nil
}
