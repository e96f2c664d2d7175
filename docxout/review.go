package docxout

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/segment"
)

// Review returns a copy of the .docx package orig in which every comment is
// a Word comment anchored on its text and every edit a tracked change.
// doc must be what segment read from orig (same Text). Parts other than
// word/document.xml, word/comments.xml, the document's relationships and
// [Content_Types].xml are copied byte for byte (still compressed); the
// latter three only gain what comments need. Anything not placed exactly
// is reported as a Note; nothing is dropped: an edit that cannot be a
// tracked change becomes a comment, a comment that cannot be anchored on
// its text goes on its paragraph.
func Review(orig []byte, doc *segment.Document, comments []Comment, edits []Edit, opt Options) (out []byte, notes []Note, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, notes, err = nil, nil, fmt.Errorf("生成审阅稿时发生内部错误（请报告此问题）：%v", r)
		}
	}()
	return review(orig, doc, comments, edits, opt)
}

type line struct {
	start, end int // byte range in doc.Text, without "\n"
	plen       int // rendered Word number length (bytes), part of the text but of no run
	p          *wPara
	ok         bool // run-level mapping verified against segment's text
}

type event struct {
	off, rank, seq int
	edit           int // 1-based ordinal of the edit an edit event belongs to
	kind           int // evStart, evEnd, evIns
	id             int
	ins, rPr       string
}

const (
	evStart = iota
	evEnd
	evIns
)

// Ranks order events at one offset: plain comment ends, then the events
// of each edit in edit order (comment start, insertion, comment end), then
// plain comment starts. Grouping by edit keeps touching edits apart: the
// earlier edit's insertion and comment end come before the next edit's
// comment start, so each comment covers only its own change.
const (
	rankEnd = iota
	rankEditStart
	rankIns
	rankEditEnd
	rankStart
)

type runPlan struct {
	events []event
	dels   [][2]int
}

type paraPlan struct{ start, end []event }

type reviewer struct {
	text      string
	lines     []line
	opt       Options
	nextID    int
	seq       int
	notes     []Note
	runs      map[*wRun]*runPlan
	runOrder  []*wRun
	paras     map[*wPara]*paraPlan
	paraOrder []*wPara
	edits     int             // edits planned so far (event.edit)
	comments  strings.Builder // new comment elements for comments.xml
	cprefix   string          // prefix to use in comments.xml
	applied   []Edit
}

func review(orig []byte, doc *segment.Document, comments []Comment, edits []Edit, opt Options) ([]byte, []Note, error) {
	if doc == nil {
		return nil, nil, errors.New("没有文档内容")
	}
	pk, err := openPackage(orig, opt.MaxUncompressed)
	if err != nil {
		return nil, nil, err
	}
	paras, err := segment.ReadDocx(orig, segment.DocxLimits{MaxUncompressed: pk.limit})
	if err != nil {
		return nil, nil, err
	}
	texts := make([]string, len(paras))
	for i, p := range paras {
		texts[i] = p.Text
	}
	if strings.Join(texts, "\n") != doc.Text {
		return nil, nil, errors.New("文档文字与该 .docx 文件不一致：请用同一文件重新读取后再生成审阅稿")
	}
	mainName := "word/document.xml"
	if pk.files[mainName] == nil {
		rootRels, err := pk.read("_rels/.rels")
		if err != nil {
			return nil, nil, err
		}
		for _, r := range parseRels(rootRels, "") {
			if strings.HasSuffix(r.typ, "/officeDocument") && pk.files[r.target] != nil {
				mainName = r.target
				break
			}
		}
	}
	docXML, err := pk.read(mainName)
	if err != nil {
		return nil, nil, err
	}
	if docXML == nil {
		return nil, nil, errors.New("不是有效的 .docx 文件（缺少 word/document.xml）")
	}
	mine, maxID, err := walkDocument(docXML)
	if err != nil || len(mine) != len(paras) {
		return nil, nil, errors.New("无法定位 word/document.xml 中的段落（格式不受支持），未生成审阅稿")
	}

	// Strict OOXML (ISO 29500 strict) names its namespaces differently.
	strict := false
	if ri, err := scanRoot(docXML); err == nil {
		strict = bytes.Contains(docXML[ri.tagStart:ri.tagEnd], []byte(nsWStrict))
	}
	rv := &reviewer{text: doc.Text, opt: opt, runs: map[*wRun]*runPlan{}, paras: map[*wPara]*paraPlan{}}
	off := 0
	for i, p := range paras {
		ln := line{start: off, end: off + len(p.Text), plen: len(p.NumPrefix), p: mine[i]}
		mt := mine[i].text.String()
		ln.ok = !mine[i].bad && p.Text == p.NumPrefix+oneLine(mt)
		if ln.ok {
			sum := 0
			for _, r := range mine[i].runs {
				if r.textStart != sum {
					ln.ok = false
				}
				sum += r.n()
			}
			ln.ok = ln.ok && sum == len(mt)
		}
		rv.lines = append(rv.lines, ln)
		off = ln.end + 1
	}

	// Comments part, relationships, content types.
	dir := path.Dir(mainName)
	relsName := path.Join(dir, "_rels", path.Base(mainName)+".rels")
	relsXML, err := pk.read(relsName)
	if err != nil {
		return nil, nil, err
	}
	commentsName, hasRel := path.Join(dir, "comments.xml"), false
	for _, r := range parseRels(relsXML, dir) {
		if strings.HasSuffix(r.typ, "/comments") {
			commentsName, hasRel = r.target, true
			break
		}
	}
	commentsXML, err := pk.read(commentsName)
	if err != nil {
		return nil, nil, err
	}
	var croot rootInfo
	if commentsXML != nil {
		if croot, err = scanRoot(commentsXML); err != nil {
			return nil, nil, errors.New("word/comments.xml 无法解析，未生成审阅稿")
		}
		for _, id := range croot.ids {
			maxID = max(maxID, id)
		}
		rv.cprefix = croot.prefix
	} else {
		rv.cprefix = "w"
	}
	rv.nextID = maxID + 1

	// Edits first (refused ones become comments), then comments.
	valid := validEdits(doc.Text, edits)
	if len(valid) < len(edits) {
		for _, e := range edits {
			if !validSpan(doc.Text, e.Start, e.End) {
				rv.refuse(e, "位置无效")
			}
		}
	}
	kept, nerr := Normalize(valid)
	var oe *OverlapError
	if errors.As(nerr, &oe) {
		for i, e := range oe.Rejected {
			rv.refuse(e, oe.Reasons[i])
		}
	}
	for _, e := range kept {
		if reason := rv.addEdit(e); reason != "" {
			rv.refuse(e, reason)
		}
	}
	for _, c := range comments {
		rv.addComment(c.Start, c.End, c.Text, false)
	}

	newDoc, err := rv.render(docXML)
	if err != nil {
		return nil, nil, err
	}
	replaced := map[string][]byte{partName(mainName): newDoc}
	var added []namedPart
	if rv.comments.Len() > 0 {
		if commentsXML != nil {
			replaced[commentsName] = appendToRoot(commentsXML, croot, rv.comments.String())
		} else {
			ns := nsW
			if strict {
				ns = nsWStrict
			}
			added = append(added, namedPart{commentsName, []byte(xmlHeader + `<w:comments xmlns:w="` + ns + `">` + rv.comments.String() + `</w:comments>`)})
		}
		if !hasRel {
			rel := relForComments(relsXML, dir, commentsName, strict)
			if relsXML == nil {
				added = append(added, namedPart{relsName, rel})
			} else {
				replaced[relsName] = rel
			}
		}
		ct, err := pk.read("[content_types].xml")
		if err != nil {
			return nil, nil, err
		}
		if ct != nil {
			if nct := contentTypeForComments(ct, commentsName); nct != nil {
				replaced["[content_types].xml"] = nct
			}
		}
	}
	out, err := writeZip(pk, replaced, added)
	if err != nil {
		return nil, nil, fmt.Errorf("无法写出审阅稿：%v", err)
	}
	// Self-check: the copy must read back as the edited text.
	back, err := segment.ReadDocx(out, segment.DocxLimits{MaxUncompressed: pk.limit * 2})
	if err != nil {
		return nil, nil, fmt.Errorf("生成的审阅稿无法读回（内部错误，请报告此问题）：%v", err)
	}
	texts = texts[:0]
	for _, p := range back {
		texts = append(texts, p.Text)
	}
	if strings.Join(texts, "\n") != ApplyText(doc.Text, rv.applied) {
		return nil, nil, errors.New("生成的审阅稿读回的文字与预期不一致（内部错误，请报告此问题），未生成审阅稿")
	}
	return out, rv.notes, nil
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

func oneLine(s string) string {
	if strings.ContainsAny(s, "\r\n") {
		s = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ").Replace(s)
	}
	return s
}

func (rv *reviewer) note(start, end int, msg string) {
	rv.notes = append(rv.notes, Note{Start: start, End: end, Message: msg})
}

// lineOf returns the index of the line containing byte offset off.
func (rv *reviewer) lineOf(off int) int {
	i := sort.Search(len(rv.lines), func(i int) bool { return rv.lines[i].start > off }) - 1
	return max(i, 0)
}

// refuse writes an edit that cannot be a tracked change as a comment.
func (rv *reviewer) refuse(e Edit, reason string) {
	old := ""
	if validSpan(rv.text, e.Start, e.End) {
		old = rv.text[e.Start:e.End]
	}
	msg := e.Comment
	if msg != "" {
		msg += "\n"
	}
	msg += fmt.Sprintf("（未写成修订：%s。建议把“%s”改为“%s”）", reason, old, e.Insert)
	rv.note(e.Start, e.End, "修改未写成修订，改为批注："+reason)
	rv.addComment(e.Start, e.End, msg, false)
}

// anchor is where a comment boundary or insertion goes.
type anchor struct {
	para      *wPara
	run       *wRun
	off       int
	paraLevel bool
	moved     bool // moved out of an unsplittable run to its boundary
}

// locate maps a text offset m (in the paragraph's run text, number
// excluded) of line li to a run and offset: offset 0 goes to the first
// run, any other to the run holding the character before it.
func (rv *reviewer) locate(li, m int, isStart bool) anchor {
	ln := rv.lines[li]
	a := anchor{para: ln.p}
	if !ln.ok || len(ln.p.runs) == 0 {
		a.paraLevel = true
		return a
	}
	runs := ln.p.runs
	if m <= 0 {
		a.run = runs[0]
		return a
	}
	i := sort.Search(len(runs), func(i int) bool { return runs[i].textStart+runs[i].n() >= m })
	if i == len(runs) {
		i = len(runs) - 1
	}
	a.run = runs[i]
	a.off = min(max(m-a.run.textStart, 0), a.run.n())
	if a.run.complex && a.off > 0 && a.off < a.run.n() {
		a.moved = true
		if isStart {
			a.off = 0
		} else {
			a.off = a.run.n()
		}
	}
	return a
}

func (rv *reviewer) place(a anchor, ev event, isStart bool) {
	rv.seq++
	ev.seq = rv.seq
	if a.paraLevel {
		pp := rv.paras[a.para]
		if pp == nil {
			pp = &paraPlan{}
			rv.paras[a.para] = pp
			rv.paraOrder = append(rv.paraOrder, a.para)
		}
		if isStart {
			pp.start = append(pp.start, ev)
		} else {
			pp.end = append(pp.end, ev)
		}
		return
	}
	ev.off = a.off
	rv.runPlan(a.run).events = append(rv.runPlan(a.run).events, ev)
}

func (rv *reviewer) runPlan(r *wRun) *runPlan {
	p := rv.runs[r]
	if p == nil {
		p = &runPlan{}
		rv.runs[r] = p
		rv.runOrder = append(rv.runOrder, r)
	}
	return p
}

// addComment anchors a comment on rv.text[start:end] as closely as it can.
func (rv *reviewer) addComment(start, end int, text string, edit bool) {
	s0, e0 := start, end
	if len(rv.lines) == 0 {
		rv.note(s0, e0, "文档没有段落，批注无法放置")
		return
	}
	t := rv.text
	if start > end {
		start, end = end, start
	}
	start, end = min(max(start, 0), len(t)), min(max(end, 0), len(t))
	for start > 0 && start < len(t) && !utf8.RuneStart(t[start]) {
		start--
	}
	for end < len(t) && !utf8.RuneStart(t[end]) {
		end++
	}
	for start < end && t[start] == '\n' {
		start++
	}
	for end > start && t[end-1] == '\n' {
		end--
	}
	var sa, ea anchor
	numbered := false
	if start == end {
		li := rv.lineOf(start)
		ln := rv.lines[li]
		if ln.end > ln.start {
			rv.note(s0, e0, "批注范围为空，已扩展到相邻的一个字")
		}
		switch {
		case start < ln.end:
			_, n := utf8.DecodeRuneInString(t[start:])
			end = start + n
		case start > ln.start:
			_, n := utf8.DecodeLastRuneInString(t[:start])
			start -= n
		}
	}
	if start == end {
		li := rv.lineOf(start)
		sa = anchor{para: rv.lines[li].p, paraLevel: true}
		ea = sa
	} else {
		li, lj := rv.lineOf(start), rv.lineOf(end-1)
		ls, le := rv.lines[li], rv.lines[lj]
		ms, me := start-ls.start-ls.plen, end-le.start-le.plen
		if ms < 0 {
			numbered = true
			ms = 0
			if li == lj && me <= 0 {
				me = 0
				if ls.ok && len(ls.p.runs) > 0 {
					me = ls.p.runs[0].n()
				}
			}
		}
		me = max(me, 0)
		sa, ea = rv.locate(li, ms, true), rv.locate(lj, me, false)
		if li == lj && !sa.paraLevel && !ea.paraLevel && sa.run == ea.run && sa.off >= ea.off {
			sa = anchor{para: ls.p, paraLevel: true}
			ea = sa
		}
	}
	if numbered {
		text += NumberingNote
		rv.note(s0, e0, "批注涉及 Word 自动编号（编号没有对应的文字），已标注在本段正文")
	}
	if sa.paraLevel || ea.paraLevel {
		rv.note(s0, e0, "无法精确定位批注文字，已标注在整段")
	}
	if sa.moved || ea.moved {
		rv.note(s0, e0, "批注文字位于无法拆分的文字块（域、文本框或注音）中，已扩展到整个文字块")
	}
	id := rv.nextID
	rv.nextID++
	rs, re := rankStart, rankEnd
	if edit {
		rs, re = rankEditStart, rankEditEnd
	}
	rv.place(sa, event{kind: evStart, rank: rs, id: id}, true)
	rv.place(ea, event{kind: evEnd, rank: re, id: id}, false)
	rv.writeComment(id, text)
}

// addEdit plans a tracked change; it returns why it cannot, or "".
func (rv *reviewer) addEdit(e Edit) string {
	t := rv.text
	switch {
	case !validSpan(t, e.Start, e.End):
		return "位置无效"
	case e.Start == e.End && e.Insert == "":
		return "空修改"
	case !validXMLString(e.Insert) || strings.ContainsAny(e.Insert, "\r\n"):
		return "替换文字含有换行或无效字符"
	case len(rv.lines) == 0:
		return "文档没有段落"
	}
	li := rv.lineOf(e.Start)
	ln := rv.lines[li]
	if e.End > ln.end {
		return "修改跨越段落"
	}
	if !ln.ok || len(ln.p.runs) == 0 {
		return "本段文字无法精确定位"
	}
	ms, me := e.Start-ln.start-ln.plen, e.End-ln.start-ln.plen
	if ms < 0 {
		return "修改涉及 Word 自动编号"
	}
	var rPr string
	first := true
	for _, r := range ln.p.runs {
		ts, te := r.textStart, r.textStart+r.n()
		if ts >= me || te <= ms {
			continue
		}
		if r.complex || r.inField {
			return "修改位于域、文本框或无法拆分的文字块中"
		}
		ls, le := max(ms, ts)-ts, min(me, te)-ts
		for _, k := range r.kids {
			if k.text == "" && k.off >= ls && k.off < le && k.local != "t" && k.local != "lastRenderedPageBreak" && k.local != "proofErr" {
				return "修改范围内含有域、图片或其他对象"
			}
		}
		if first {
			rPr, first = r.rPr, false
		}
	}
	ins := rv.locate(li, me, false)
	if ins.paraLevel || ins.run.inField || ins.moved {
		return "修改位于域、文本框或无法拆分的文字块中"
	}
	if first {
		rPr = ins.run.rPr
	}
	for _, r := range ln.p.runs {
		ts, te := r.textStart, r.textStart+r.n()
		if ts < me && te > ms {
			p := rv.runPlan(r)
			p.dels = append(p.dels, [2]int{max(ms, ts) - ts, min(me, te) - ts})
		}
	}
	rv.edits++
	if e.Comment != "" {
		id := rv.nextID
		rv.nextID++
		rv.place(rv.locate(li, ms, true), event{kind: evStart, rank: rankEditStart, id: id, edit: rv.edits}, true)
		rv.place(ins, event{kind: evEnd, rank: rankEditEnd, id: id, edit: rv.edits}, false)
		rv.writeComment(id, e.Comment)
	}
	if e.Insert != "" {
		rv.place(ins, event{kind: evIns, rank: rankIns, ins: e.Insert, rPr: rPr, edit: rv.edits}, false)
	}
	rv.applied = append(rv.applied, e)
	return ""
}

// writeComment appends a w:comment element to the comments part.
func (rv *reviewer) writeComment(id int, text string) {
	p, decl := wtag(rv.cprefix)
	b := &rv.comments
	fmt.Fprintf(b, `<%scomment%s %sid="%d" %sauthor="%s" %sinitials="%s"%s>`, p, decl, p, id, p, xmlText(rv.opt.author()), p, xmlText(rv.opt.initials()), rv.dateAttr(p))
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	for i, ln := range strings.Split(text, "\n") {
		fmt.Fprintf(b, `<%sp>`, p)
		if i == 0 {
			fmt.Fprintf(b, `<%sr><%sannotationRef/></%sr>`, p, p, p)
		}
		fmt.Fprintf(b, `<%sr><%st xml:space="preserve">%s</%st></%sr></%sp>`, p, p, xmlText(ln), p, p, p)
	}
	fmt.Fprintf(b, `</%scomment>`, p)
}

func (rv *reviewer) dateAttr(p string) string {
	if rv.opt.Date.IsZero() {
		return ""
	}
	return fmt.Sprintf(` %sdate="%s"`, p, rv.opt.Date.UTC().Format("2006-01-02T15:04:05Z"))
}

// wtag returns the prefix (with colon) for generated WordprocessingML
// elements and, when the part uses a default namespace, a declaration.
func wtag(prefix string) (string, string) {
	if prefix == "" {
		return "w:", ` xmlns:w="` + nsW + `"`
	}
	return prefix + ":", ""
}

func relForComments(relsXML []byte, dir, commentsName string, strict bool) []byte {
	target := strings.TrimPrefix(commentsName, strings.ToLower(dir)+"/")
	if dir == "." || dir == "" {
		target = commentsName
	}
	if strings.Contains(target, "/") || target != path.Base(commentsName) {
		target = "/" + commentsName
	}
	ids := map[string]bool{}
	for _, r := range parseRelIDs(relsXML) {
		ids[r] = true
	}
	id := "rIdReportlint"
	for n := 1; ids[id]; n++ {
		id = "rIdReportlint" + strconv.Itoa(n)
	}
	typ := "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
	if strict {
		typ = "http://purl.oclc.org/ooxml/officeDocument/relationships/comments"
	}
	rel := `<Relationship Id="` + id + `" Type="` + typ + `" Target="` + xmlText(target) + `"/>`
	if relsXML == nil {
		return []byte(xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rel + `</Relationships>`)
	}
	ri, err := scanRoot(relsXML)
	if err != nil {
		return relsXML
	}
	if ri.prefix != "" {
		rel = strings.Replace(rel, "<Relationship ", "<"+ri.prefix+":Relationship ", 1)
	}
	return appendToRoot(relsXML, ri, rel)
}

func contentTypeForComments(ct []byte, commentsName string) []byte {
	if strings.Contains(strings.ToLower(string(ct)), `partname="/`+strings.ToLower(commentsName)+`"`) {
		return nil
	}
	ri, err := scanRoot(ct)
	if err != nil {
		return nil
	}
	o := `<Override PartName="/` + xmlText(commentsName) + `" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>`
	if ri.prefix != "" {
		o = "<" + ri.prefix + ":" + o[1:]
	}
	return appendToRoot(ct, ri, o)
}
