package segment

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// DocxParagraph is one paragraph of a .docx body in document order.
type DocxParagraph struct {
	Text      string   // the visible text; when Word numbers the paragraph automatically the rendered number comes first (e.g. "一、" + text)
	NumPrefix string   // the rendered automatic number ("一、", "（一）", "1.", "（1）"), "" if none; Text starts with it
	Style     string   // paragraph style id, e.g. "Heading1", "" if none
	InTable   bool     // the paragraph is inside a table cell
	Comments  []string // plain texts of Word comments (word/comments.xml) whose range starts in this paragraph
}

// DocxLimits bound the work ReadDocx does on untrusted input.
type DocxLimits struct {
	MaxUncompressed int64 // total bytes allowed to be decompressed across all parts read (zip-bomb cap); 0 means 64 MiB
}

// DefaultDocxMaxUncompressed is the decompression cap used when
// DocxLimits.MaxUncompressed is 0.
const DefaultDocxMaxUncompressed = 64 << 20

// Structural limits that keep a small, hostile file from using far more
// memory than its decompressed size. Real reports are nowhere near them.
const (
	dxMaxDepth      = 2000    // XML element nesting
	dxMaxParagraphs = 200_000 // paragraphs in document.xml
	dxMaxLvlText    = 256     // bytes of one w:lvlText kept (Word's dialog allows far less)
	dxMaxNumRunes   = 64      // runes of one rendered list number
)

// DocxError is a .docx that cannot be read. Error() is the Chinese reason,
// without the file path (the caller adds it).
type DocxError struct {
	Kind   DocxErrorKind
	Reason string
}

func (e *DocxError) Error() string { return e.Reason }

// Is makes errors.Is(err, ErrDocxBomb) and friends match on Kind.
func (e *DocxError) Is(target error) bool {
	t, ok := target.(*DocxError)
	return ok && t.Kind == e.Kind
}

// DocxErrorKind classifies a DocxError.
type DocxErrorKind int

// DocxError kinds.
const (
	DocxEncrypted  DocxErrorKind = iota + 1 // OLE container: password protected or Word 97-2003
	DocxNotZip                              // not a ZIP archive, or a damaged one
	DocxNoDocument                          // no word/document.xml
	DocxBadXML                              // word/document.xml is not well-formed
	DocxBomb                                // decompressed size over the cap
	DocxTooComplex                          // nesting or paragraph count over the structural limits
)

// Sentinels for errors.Is; the returned errors carry the full message.
var (
	ErrDocxEncrypted  = &DocxError{Kind: DocxEncrypted}
	ErrDocxNotZip     = &DocxError{Kind: DocxNotZip}
	ErrDocxNoDocument = &DocxError{Kind: DocxNoDocument}
	ErrDocxBadXML     = &DocxError{Kind: DocxBadXML}
	ErrDocxBomb       = &DocxError{Kind: DocxBomb}
	ErrDocxTooComplex = &DocxError{Kind: DocxTooComplex}
)

var (
	errDocxEncrypted = &DocxError{DocxEncrypted, "文件已加密（受密码保护），或是旧版 Word 97-2003 (.doc) 格式，无法读取；请在 Word 中取消密码或另存为 .docx"}
	errDocxNotZip    = &DocxError{DocxNotZip, "不是有效的 .docx 文件（ZIP 结构损坏）"}
	errDocxNoDoc     = &DocxError{DocxNoDocument, "不是有效的 .docx 文件（缺少 word/document.xml）"}
)

func docxBadXML(reason string) error {
	return &DocxError{DocxBadXML, "不是有效的 .docx 文件（word/document.xml 解析失败：" + reason + "）"}
}

// docxNumberBomb: rendered list numbers, counted with the decompressed
// bytes, exceed the cap (a long w:lvlText repeated over many paragraphs).
func docxNumberBomb(limit int64) error {
	mb := strconv.FormatFloat(float64(limit)/(1<<20), 'f', 2, 64)
	mb = strings.TrimSuffix(strings.TrimRight(mb, "0"), ".")
	return &DocxError{DocxBomb, "自动编号展开后的文字与解压内容合计超过 " + mb + " MB 上限，疑似恶意构造的文件"}
}

func docxBomb(limit int64) error {
	mb := strconv.FormatFloat(float64(limit)/(1<<20), 'f', 2, 64)
	mb = strings.TrimSuffix(strings.TrimRight(mb, "0"), ".")
	return &DocxError{DocxBomb, "解压后的内容超过 " + mb + " MB 上限，疑似压缩炸弹"}
}

var oleMagic = []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")

// ReadDocx extracts the body paragraphs of a .docx file. It never panics;
// every failure is a *DocxError with a Chinese reason.
func ReadDocx(data []byte, lim DocxLimits) (paras []DocxParagraph, err error) {
	defer func() {
		if r := recover(); r != nil { // last-resort guard: one bad file must not kill a batch run
			paras, err = nil, &DocxError{DocxBadXML, "不是有效的 .docx 文件（解析时发生内部错误）"}
		}
	}()
	return readDocx(data, lim)
}

// readDocx is ReadDocx without the recover, so that fuzzing sees panics.
func readDocx(data []byte, lim DocxLimits) ([]DocxParagraph, error) {
	if bytes.HasPrefix(data, oleMagic) {
		return nil, errDocxEncrypted
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !(errors.Is(err, zip.ErrInsecurePath) && zr != nil) {
		return nil, errDocxNotZip
	}
	limit := lim.MaxUncompressed
	if limit <= 0 {
		limit = DefaultDocxMaxUncompressed
	}
	pk := &dxPackage{files: map[string]*zip.File{}, budget: &dxBudget{remaining: limit, limit: limit}}
	for _, f := range zr.File {
		name := dxPartName(f.Name)
		if _, dup := pk.files[name]; !dup {
			pk.files[name] = f
		}
	}

	// Locate the main part: word/document.xml, else whatever _rels/.rels names.
	mainName := "word/document.xml"
	main := pk.files[mainName]
	if main == nil {
		rels, err := pk.readRels("_rels/.rels", "")
		if err != nil {
			return nil, err
		}
		for _, r := range rels {
			if strings.HasSuffix(r.typ, "/officeDocument") && pk.files[r.target] != nil {
				mainName, main = r.target, pk.files[r.target]
				break
			}
		}
	}
	if main == nil {
		return nil, errDocxNoDoc
	}

	// Auxiliary parts: by relationship, falling back to Word's usual names.
	dir := path.Dir(mainName)
	aux := map[string]string{
		"styles":    path.Join(dir, "styles.xml"),
		"numbering": path.Join(dir, "numbering.xml"),
		"comments":  path.Join(dir, "comments.xml"),
	}
	rels, err := pk.readRels(path.Join(dir, "_rels", path.Base(mainName)+".rels"), dir)
	if err != nil {
		return nil, err
	}
	for _, r := range rels {
		if i := strings.LastIndexByte(r.typ, '/'); i >= 0 {
			if _, ok := aux[r.typ[i+1:]]; ok && pk.files[r.target] != nil {
				aux[r.typ[i+1:]] = r.target
			}
		}
	}

	// Reject early on declared sizes; the readers also count real bytes.
	declared := uint64(0)
	for _, f := range []*zip.File{main, pk.files[aux["styles"]], pk.files[aux["numbering"]], pk.files[aux["comments"]]} {
		if f == nil {
			continue
		}
		declared += min(f.UncompressedSize64, 1<<62)
		if declared > uint64(pk.budget.remaining) {
			return nil, docxBomb(limit)
		}
	}

	ctx := &dxContext{budget: pk.budget}
	if err := pk.readOptional(aux["styles"], func(x *dxXML) error {
		st, err := parseDxStyles(x)
		if err == nil {
			ctx.styles = st
		}
		return err
	}); err != nil {
		return nil, err
	}
	if err := pk.readOptional(aux["numbering"], func(x *dxXML) error {
		nb, err := parseDxNumbering(x)
		if err == nil {
			ctx.numbering = nb
		}
		return err
	}); err != nil {
		return nil, err
	}
	if err := pk.readOptional(aux["comments"], func(x *dxXML) error {
		cm, err := parseDxComments(x)
		if err == nil {
			ctx.comments = cm
		}
		return err
	}); err != nil {
		return nil, err
	}
	ctx.prepare()

	var out []DocxParagraph
	err = pk.read(main, func(x *dxXML) error {
		p := newDxParser(x)
		p.emit = func(b *dxPara) error {
			if b.markDeleted && b.text.Len() == 0 {
				return nil // a deleted paragraph: gone in the final view
			}
			if len(out) >= dxMaxParagraphs {
				return &DocxError{DocxTooComplex, fmt.Sprintf("不是有效的 .docx 文件（段落数超过 %d 个上限）", dxMaxParagraphs)}
			}
			dp, err := ctx.paragraph(b)
			if err != nil {
				return err
			}
			out = append(out, dp)
			return nil
		}
		return p.run()
	})
	if err != nil {
		var de *DocxError
		if errors.As(err, &de) {
			return nil, err
		}
		return nil, docxBadXML(dxXMLReason(err))
	}
	return out, nil
}

// ---- ZIP parts and the decompression budget ----

type dxPackage struct {
	files  map[string]*zip.File // by normalised (lower-case) part name
	budget *dxBudget
}

type dxBudget struct {
	remaining, limit int64
	over             bool
}

// dxPartName normalises a ZIP entry name to a part name: OPC part names are
// case-insensitive and may be written with a leading slash.
func dxPartName(s string) string {
	s = strings.ReplaceAll(s, "\\", "/")
	return strings.ToLower(strings.TrimLeft(s, "/"))
}

// dxReader counts decompressed bytes against the shared budget and records
// the first error that came from the ZIP layer (as opposed to XML).
type dxReader struct {
	r      io.Reader
	b      *dxBudget
	zipErr error
}

var errDxOverBudget = errors.New("over budget")

func (r *dxReader) Read(p []byte) (int, error) {
	if r.b.over {
		return 0, errDxOverBudget
	}
	n, err := r.r.Read(p)
	r.b.remaining -= int64(n)
	if r.b.remaining < 0 {
		r.b.over = true
		return 0, errDxOverBudget
	}
	if err != nil && err != io.EOF && r.zipErr == nil {
		r.zipErr = err
	}
	return n, err
}

// read streams one part through fn. Budget and ZIP failures come back as
// *DocxError; whatever fn returns (XML errors) is passed through.
func (pk *dxPackage) read(f *zip.File, fn func(*dxXML) error) error {
	if f.UncompressedSize64 > uint64(pk.budget.remaining) {
		pk.budget.over = true
		return docxBomb(pk.budget.limit)
	}
	rc, err := f.Open()
	if err != nil {
		return errDocxNotZip
	}
	defer rc.Close()
	cr := &dxReader{r: io.LimitReader(rc, pk.budget.remaining+1), b: pk.budget}
	br := bufio.NewReaderSize(cr, 32<<10)
	var src io.Reader = br
	// Parts may be UTF-16 with a byte order mark; skip a UTF-8 BOM.
	if bom, _ := br.Peek(3); len(bom) >= 2 {
		switch {
		case bom[0] == 0xff && bom[1] == 0xfe:
			br.Discard(2)
			src = &dxUTF16Reader{r: br}
		case bom[0] == 0xfe && bom[1] == 0xff:
			br.Discard(2)
			src = &dxUTF16Reader{r: br, be: true}
		case len(bom) == 3 && bom[0] == 0xef && bom[1] == 0xbb && bom[2] == 0xbf:
			br.Discard(3)
		}
	}
	d := xml.NewDecoder(src)
	d.CharsetReader = dxCharsetReader
	err = fn(&dxXML{d: d})
	var de *DocxError
	switch {
	case errors.As(err, &de) && de.Kind == DocxBomb: // rendered numbers over budget
		return err
	case pk.budget.over:
		return docxBomb(pk.budget.limit)
	case cr.zipErr != nil:
		return errDocxNotZip
	}
	return err
}

// readOptional reads an auxiliary part; a missing, damaged or malformed
// part is ignored. Only the budget is fatal.
func (pk *dxPackage) readOptional(name string, fn func(*dxXML) error) error {
	f := pk.files[name]
	if f == nil {
		return nil
	}
	err := pk.read(f, fn)
	if errors.Is(err, ErrDocxBomb) {
		return err
	}
	return nil
}

type dxRel struct{ typ, target string }

// readRels reads a relationships part; targets are resolved against base
// ("" for the package root) and normalised like ZIP entry names.
func (pk *dxPackage) readRels(name, base string) ([]dxRel, error) {
	var rels []dxRel
	err := pk.readOptional(name, func(x *dxXML) error {
		for {
			tok, err := x.next()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
			se, ok := tok.(xml.StartElement)
			if !ok || se.Name.Local != "Relationship" || dxAttr(se, "TargetMode") == "External" {
				continue
			}
			t := strings.ReplaceAll(dxAttr(se, "Target"), "\\", "/")
			if !strings.HasPrefix(t, "/") {
				t = path.Join("/", base, t)
			}
			rels = append(rels, dxRel{dxAttr(se, "Type"), dxPartName(path.Clean(t))})
			if len(rels) > 10000 {
				return nil
			}
		}
	})
	return rels, err
}

const dxCharsetMsg = "不支持的字符编码 "

func dxCharsetReader(label string, in io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2", "utf8", "us-ascii", "ascii":
		return in, nil // UTF-16 input was already transcoded after its BOM
	}
	return nil, errors.New(dxCharsetMsg + label)
}

// dxUTF16Reader transcodes UTF-16 (after the BOM) to UTF-8.
type dxUTF16Reader struct {
	r   io.ByteReader
	be  bool
	buf []byte
	err error
}

func (u *dxUTF16Reader) unit() (uint16, bool) {
	a, err := u.r.ReadByte()
	if err != nil {
		u.err = err
		return 0, false
	}
	b, err := u.r.ReadByte()
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		u.err = err
		return 0, false
	}
	if u.be {
		return uint16(a)<<8 | uint16(b), true
	}
	return uint16(b)<<8 | uint16(a), true
}

func (u *dxUTF16Reader) Read(p []byte) (int, error) {
	for len(u.buf) < len(p) && u.err == nil {
		c, ok := u.unit()
		if !ok {
			break
		}
		r := rune(c)
		if utf16.IsSurrogate(r) {
			c2, ok := u.unit()
			if !ok {
				u.buf = utf8.AppendRune(u.buf, utf8.RuneError)
				break
			}
			if pair := utf16.DecodeRune(r, rune(c2)); pair != utf8.RuneError {
				r = pair
			} else { // unpaired surrogate: replace it, keep what followed
				u.buf = utf8.AppendRune(u.buf, utf8.RuneError)
				if r = rune(c2); utf16.IsSurrogate(r) {
					r = utf8.RuneError
				}
			}
		}
		u.buf = utf8.AppendRune(u.buf, r)
	}
	n := copy(p, u.buf)
	u.buf = u.buf[:copy(u.buf, u.buf[n:])]
	if n == 0 && u.err != nil {
		return 0, u.err
	}
	return n, nil
}

// dxXMLReason turns a decoder error into a short Chinese reason.
func dxXMLReason(err error) string {
	var se *xml.SyntaxError
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return "内容不完整，意外结束"
	}
	if !errors.As(err, &se) {
		msg := err.Error()
		if i := strings.Index(msg, dxCharsetMsg); i >= 0 { // from dxCharsetReader, wrapped by encoding/xml
			return msg[i:]
		}
		return strings.TrimPrefix(msg, "xml: ")
	}
	msg := se.Msg
	switch {
	case msg == "unexpected EOF":
		msg = "内容不完整，意外结束"
	case msg == "invalid UTF-8":
		msg = "含有无效的 UTF-8 字节"
	case strings.HasPrefix(msg, "illegal character"):
		msg = "含有非法字符（" + msg + "）"
	}
	if se.Line > 1 {
		msg += fmt.Sprintf("，第 %d 行", se.Line)
	}
	return msg
}

// ---- XML helpers ----

// dxXML reads raw tokens (no namespace translation: elements are matched by
// local name whatever their prefix) and does the checks that Decoder.Token
// would: end tags match start tags, nothing is left open at EOF. It also
// bounds the nesting depth.
type dxXML struct {
	d    *xml.Decoder
	open []xml.Name // raw names of the open elements
}

func (x *dxXML) syntaxError(msg string) error {
	line, _ := x.d.InputPos()
	return &xml.SyntaxError{Msg: msg, Line: line}
}

func (x *dxXML) next() (xml.Token, error) {
	tok, err := x.d.RawToken()
	if err == io.EOF && len(x.open) > 0 {
		return nil, x.syntaxError("unexpected EOF")
	}
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case xml.StartElement:
		if len(x.open) >= dxMaxDepth {
			return nil, &DocxError{DocxTooComplex, fmt.Sprintf("不是有效的 .docx 文件（XML 嵌套超过 %d 层）", dxMaxDepth)}
		}
		x.open = append(x.open, t.Name)
	case xml.EndElement:
		n := len(x.open)
		if n == 0 {
			return nil, x.syntaxError("多余的结束标签 </" + dxRawName(t.Name) + ">")
		}
		if x.open[n-1] != t.Name {
			return nil, x.syntaxError("标签不匹配：<" + dxRawName(x.open[n-1]) + "> 被 </" + dxRawName(t.Name) + "> 结束")
		}
		x.open = x.open[:n-1]
	}
	return tok, nil
}

// skip consumes the rest of the element whose start tag was just read.
func (x *dxXML) skip() error {
	for target := len(x.open) - 1; len(x.open) > target; {
		if _, err := x.next(); err != nil {
			if err == io.EOF {
				return x.syntaxError("unexpected EOF")
			}
			return err
		}
	}
	return nil
}

// parent returns the local name of the open element n levels up (0 is the
// innermost), or "".
func (x *dxXML) parent(n int) string {
	if i := len(x.open) - 1 - n; i >= 0 {
		return x.open[i].Local
	}
	return ""
}

func dxRawName(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}

const (
	dxNSW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	dxNSWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
)

// dxAttr returns the attribute with the given local name, preferring the
// WordprocessingML namespace (r:id and w:id share the local name "id").
func dxAttr(se xml.StartElement, local string) string {
	val, found := "", false
	for _, a := range se.Attr {
		if a.Name.Local != local {
			continue
		}
		if a.Name.Space == "w" || a.Name.Space == dxNSW || a.Name.Space == dxNSWStrict {
			return a.Value
		}
		if !found || a.Name.Space == "" {
			val, found = a.Value, true
		}
	}
	return val
}

// dxOn reads an on/off property such as <w:vanish/> or <w:vanish w:val="0"/>.
func dxOn(se xml.StartElement) bool {
	switch dxAttr(se, "val") {
	case "0", "false", "off", "none":
		return false
	}
	return true
}

func dxInt(s string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	return n, err == nil
}

// dxSkipped lists elements whose content never shows as body text:
// tracked-change history (*Change), deleted runs, field codes, content
// control properties, ruby annotation text and the like.
func dxSkipped(local string) bool {
	switch local {
	case "del", "moveFrom", "delText", "delInstrText", "instrText",
		"sdtPr", "sdtEndPr", "rt", "fldData":
		return true
	}
	return strings.HasSuffix(local, "Change")
}

// ---- document.xml / comments.xml paragraphs ----

// dxPara collects one paragraph while it is being parsed.
type dxPara struct {
	text        strings.Builder
	style       string
	numID       string
	hasNumID    bool
	ilvl        int
	hasIlvl     bool
	inTable     bool
	markDeleted bool
	commentIDs  []string
	comment     string // comments.xml: the id of the enclosing w:comment
}

// dxParser walks a WordprocessingML part and calls emit for every
// paragraph when it ends (a text-box paragraph before its anchor paragraph).
type dxParser struct {
	x       *dxXML
	paras   []*dxPara // open paragraphs (text boxes nest them)
	hidden  []bool    // open runs: hidden with w:vanish
	fields  []bool    // open complex fields: true once past "separate"
	inInstr int       // open fields still in their instruction part
	tables  int
	altDone []bool // open mc:AlternateContent: a branch was taken
	comment string

	pendingComments []string        // comment ranges opened between paragraphs
	rangeStarted    map[string]bool // comment ids already anchored
	emit            func(*dxPara) error
}

func newDxParser(x *dxXML) *dxParser {
	return &dxParser{x: x, rangeStarted: map[string]bool{}}
}

func (p *dxParser) para() *dxPara {
	if len(p.paras) == 0 {
		return nil
	}
	return p.paras[len(p.paras)-1]
}

func (p *dxParser) write(s string) {
	if b := p.para(); b != nil && p.inInstr == 0 && !(len(p.hidden) > 0 && p.hidden[len(p.hidden)-1]) {
		b.text.WriteString(s)
	}
}

func (p *dxParser) run() error {
	for {
		tok, err := p.x.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := p.start(t); err != nil {
				return err
			}
		case xml.EndElement:
			if err := p.end(t.Name.Local); err != nil {
				return err
			}
		case xml.CharData:
			if p.x.parent(0) == "t" {
				p.write(string(t))
			}
		}
	}
}

// start handles a start tag; the element is already open, so x.parent(1)
// is its parent.
func (p *dxParser) start(se xml.StartElement) error {
	x := p.x
	local := se.Name.Local
	if dxSkipped(local) {
		if local == "del" || local == "moveFrom" {
			// <w:pPr><w:rPr><w:del/></w:rPr></w:pPr>: the paragraph mark is deleted.
			if x.parent(1) == "rPr" && x.parent(2) == "pPr" {
				if b := p.para(); b != nil {
					b.markDeleted = true
				}
			}
		}
		return x.skip()
	}
	parent := x.parent(1)
	switch local {
	case "Choice", "Fallback":
		if n := len(p.altDone); n > 0 && parent == "AlternateContent" {
			if p.altDone[n-1] {
				return x.skip()
			}
			p.altDone[n-1] = true
		}
	case "p":
		b := &dxPara{inTable: p.tables > 0, comment: p.comment}
		b.commentIDs, p.pendingComments = p.pendingComments, nil
		p.paras = append(p.paras, b)
	case "tbl":
		p.tables++
	case "r":
		p.hidden = append(p.hidden, false)
	case "AlternateContent":
		p.altDone = append(p.altDone, false)
	case "comment":
		p.comment = dxAttr(se, "id")
	case "tab", "ptab":
		if parent == "r" {
			p.write("\t")
		}
	case "br", "cr":
		if parent == "r" {
			p.write(" ")
		}
	case "noBreakHyphen":
		if parent == "r" {
			p.write("-")
		}
	case "vanish":
		if parent == "rPr" && x.parent(2) == "r" && len(p.hidden) > 0 {
			p.hidden[len(p.hidden)-1] = dxOn(se)
		}
	case "fldChar":
		switch dxAttr(se, "fldCharType") {
		case "begin":
			if len(p.fields) < dxMaxDepth {
				p.fields = append(p.fields, false)
				p.inInstr++
			}
		case "separate":
			if n := len(p.fields); n > 0 && !p.fields[n-1] {
				p.fields[n-1] = true
				p.inInstr--
			}
		case "end":
			if n := len(p.fields); n > 0 {
				if !p.fields[n-1] {
					p.inInstr--
				}
				p.fields = p.fields[:n-1]
			}
		}
	case "pStyle":
		if b := p.para(); b != nil && parent == "pPr" && x.parent(2) == "p" {
			b.style = dxAttr(se, "val")
		}
	case "numId", "ilvl":
		if b := p.para(); b != nil && parent == "numPr" && x.parent(2) == "pPr" && x.parent(3) == "p" {
			if local == "numId" {
				b.numID, b.hasNumID = strings.TrimSpace(dxAttr(se, "val")), true
			} else if n, ok := dxInt(dxAttr(se, "val")); ok {
				b.ilvl, b.hasIlvl = n, true
			}
		}
	case "commentRangeStart", "commentReference":
		// A comment belongs where its range starts; a bare reference
		// anchors it only when no range start came first.
		if id := dxAttr(se, "id"); !p.rangeStarted[id] && len(p.rangeStarted) < dxMaxParagraphs {
			p.rangeStarted[id] = true
			if b := p.para(); b != nil {
				b.commentIDs = append(b.commentIDs, id)
			} else {
				p.pendingComments = append(p.pendingComments, id)
			}
		}
	}
	return nil
}

func (p *dxParser) end(local string) error {
	switch local {
	case "p":
		if n := len(p.paras); n > 0 {
			b := p.paras[n-1]
			p.paras = p.paras[:n-1]
			if p.emit != nil {
				return p.emit(b)
			}
		}
	case "tbl":
		if p.tables > 0 {
			p.tables--
		}
	case "r":
		if n := len(p.hidden); n > 0 {
			p.hidden = p.hidden[:n-1]
		}
	case "AlternateContent":
		if n := len(p.altDone); n > 0 {
			p.altDone = p.altDone[:n-1]
		}
	case "comment":
		p.comment = ""
	}
	return nil
}

// dxLine makes paragraph text a single line.
func dxLine(s string) string {
	if strings.ContainsAny(s, "\r\n") {
		s = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ").Replace(s)
	}
	return s
}

func parseDxComments(x *dxXML) (map[string]string, error) {
	texts := map[string][]string{}
	p := newDxParser(x)
	p.emit = func(b *dxPara) error {
		if b.comment != "" && len(texts) <= dxMaxParagraphs {
			texts[b.comment] = append(texts[b.comment], dxLine(b.text.String()))
		}
		return nil
	}
	if err := p.run(); err != nil {
		return nil, err
	}
	out := make(map[string]string, len(texts))
	for id, ps := range texts {
		out[id] = strings.TrimSpace(strings.Join(ps, "\n"))
	}
	return out, nil
}

// ---- styles.xml ----

type dxStyle struct {
	id, typ   string
	basedOn   string
	numID     string
	hasNumID  bool
	ilvl      int
	hasIlvl   bool
	isDefault bool
}

type dxStyles struct {
	byID         map[string]*dxStyle
	defaultPara  string
	defaultFound bool
}

func parseDxStyles(x *dxXML) (*dxStyles, error) {
	st := &dxStyles{byID: map[string]*dxStyle{}}
	var cur *dxStyle
	for {
		tok, err := x.next()
		if err == io.EOF {
			return st, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			local := t.Name.Local
			if strings.HasSuffix(local, "Change") || local == "rPr" || local == "tblPr" || local == "tcPr" || local == "trPr" || local == "tblStylePr" {
				if err := x.skip(); err != nil {
					return nil, err
				}
				continue
			}
			switch local {
			case "style":
				def := dxAttr(t, "default")
				cur = &dxStyle{id: dxAttr(t, "styleId"), typ: dxAttr(t, "type"), isDefault: def == "1" || def == "true" || def == "on"}
			case "basedOn":
				if cur != nil && x.parent(1) == "style" {
					cur.basedOn = dxAttr(t, "val")
				}
			case "numId", "ilvl":
				if cur != nil && x.parent(1) == "numPr" && x.parent(2) == "pPr" && x.parent(3) == "style" {
					if local == "numId" {
						cur.numID, cur.hasNumID = strings.TrimSpace(dxAttr(t, "val")), true
					} else if n, ok := dxInt(dxAttr(t, "val")); ok {
						cur.ilvl, cur.hasIlvl = n, true
					}
				}
			}
		case xml.EndElement:
			if t.Name.Local == "style" && cur != nil {
				if _, dup := st.byID[cur.id]; !dup && cur.id != "" {
					st.byID[cur.id] = cur
				}
				if cur.isDefault && cur.typ == "paragraph" && !st.defaultFound {
					st.defaultPara, st.defaultFound = cur.id, true
				}
				cur = nil
			}
		}
	}
}

// ---- numbering.xml ----

type dxLevel struct {
	start   int
	format  string // w:numFmt; "" means decimal
	text    string // w:lvlText
	hasText bool
	restart int // w:lvlRestart; -1 when absent
	pStyle  string
	isLgl   bool
}

type dxAbstract struct {
	levels       [9]*dxLevel
	numStyleLink string
}

type dxNum struct {
	abstractID    string
	levels        [9]*dxLevel // w:lvlOverride/w:lvl
	startOverride [9]int
	hasOverride   [9]bool
}

type dxNumbering struct {
	abstracts map[string]*dxAbstract
	nums      map[string]*dxNum
}

const dxMaxStart = 32767 // Word's own ceiling for a start value

func parseDxNumbering(x *dxXML) (*dxNumbering, error) {
	nb := &dxNumbering{abstracts: map[string]*dxAbstract{}, nums: map[string]*dxNum{}}
	var (
		abs      *dxAbstract
		num      *dxNum
		ovLevel  = -1
		lvl      *dxLevel
		lvlIndex int
	)
	for {
		tok, err := x.next()
		if err == io.EOF {
			return nb, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			local := t.Name.Local
			if strings.HasSuffix(local, "Change") || (lvl != nil && (local == "pPr" || local == "rPr")) {
				if err := x.skip(); err != nil {
					return nil, err
				}
				continue
			}
			val := dxAttr(t, "val")
			switch local {
			case "abstractNum":
				abs = &dxAbstract{}
				if id := dxAttr(t, "abstractNumId"); nb.abstracts[id] == nil {
					nb.abstracts[id] = abs
				}
			case "num":
				num = &dxNum{}
				if id := strings.TrimSpace(dxAttr(t, "numId")); nb.nums[id] == nil {
					nb.nums[id] = num
				}
			case "abstractNumId":
				if num != nil {
					num.abstractID = val
				}
			case "numStyleLink":
				if abs != nil {
					abs.numStyleLink = val
				}
			case "lvlOverride":
				ovLevel = -1
				if n, ok := dxInt(dxAttr(t, "ilvl")); ok && n >= 0 && n < 9 {
					ovLevel = n
				}
			case "startOverride":
				if n, ok := dxInt(val); ok && num != nil && ovLevel >= 0 {
					num.startOverride[ovLevel] = min(max(n, 0), dxMaxStart)
					num.hasOverride[ovLevel] = true
				}
			case "lvl":
				lvl, lvlIndex = &dxLevel{restart: -1}, -1
				if n, ok := dxInt(dxAttr(t, "ilvl")); ok && n >= 0 && n < 9 {
					lvlIndex = n
				}
			case "start":
				if n, ok := dxInt(val); ok && lvl != nil {
					lvl.start = min(max(n, 0), dxMaxStart)
				}
			case "numFmt":
				// mc:AlternateContent may offer "custom" and a fallback; keep a
				// format we can render over "custom".
				if lvl != nil && (val != "custom" || lvl.format == "") {
					lvl.format = val
				}
			case "lvlText":
				if lvl != nil {
					lvl.text, lvl.hasText = dxTruncate(val, dxMaxLvlText), true
					if dxAttr(t, "null") == "1" || dxAttr(t, "null") == "true" {
						lvl.text = ""
					}
				}
			case "lvlRestart":
				if n, ok := dxInt(val); ok && lvl != nil {
					lvl.restart = max(n, 0)
				}
			case "pStyle":
				if lvl != nil {
					lvl.pStyle = val
				}
			case "isLgl":
				if lvl != nil {
					lvl.isLgl = dxOn(t)
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "lvl":
				switch {
				case lvl == nil:
				case num != nil && ovLevel >= 0:
					num.levels[ovLevel] = lvl
				case abs != nil && num == nil && lvlIndex >= 0:
					if abs.levels[lvlIndex] == nil {
						abs.levels[lvlIndex] = lvl
					}
				}
				lvl = nil
			case "lvlOverride":
				ovLevel = -1
			case "abstractNum":
				abs = nil
			case "num":
				num = nil
			}
		}
	}
}

// ---- numbering state and rendering ----

type dxCounters struct {
	val [9]int
	set [9]bool
}

type dxContext struct {
	styles    *dxStyles
	numbering *dxNumbering
	comments  map[string]string
	budget    *dxBudget // rendered numbers count against the decompression cap

	counters map[*dxAbstract]*dxCounters // Word shares counters per abstract definition
	seen     map[string]*[9]bool         // numId × level already used (for startOverride)
}

func (c *dxContext) prepare() {
	if c.styles == nil {
		c.styles = &dxStyles{byID: map[string]*dxStyle{}}
	}
	if c.numbering == nil {
		c.numbering = &dxNumbering{abstracts: map[string]*dxAbstract{}, nums: map[string]*dxNum{}}
	}
	c.counters = map[*dxAbstract]*dxCounters{}
	c.seen = map[string]*[9]bool{}
}

func (c *dxContext) paragraph(b *dxPara) (DocxParagraph, error) {
	text := dxLine(b.text.String())
	out := DocxParagraph{Style: b.style, InTable: b.inTable}
	if prefix := c.number(b); prefix != "" {
		if c.budget != nil {
			c.budget.remaining -= int64(len(prefix))
			if c.budget.remaining < 0 {
				return DocxParagraph{}, docxNumberBomb(c.budget.limit)
			}
		}
		out.NumPrefix = prefix
		text = prefix + text
	}
	out.Text = text
	for _, id := range b.commentIDs {
		if s, ok := c.comments[id]; ok {
			out.Comments = append(out.Comments, s)
		}
	}
	return out, nil
}

// styleChain returns the paragraph style and its basedOn ancestors.
func (c *dxContext) styleChain(id string) []*dxStyle {
	if id == "" {
		id = c.styles.defaultPara
	}
	var chain []*dxStyle
	for i := 0; i < 32 && id != ""; i++ {
		s := c.styles.byID[id]
		if s == nil {
			break
		}
		chain = append(chain, s)
		id = s.basedOn
	}
	return chain
}

// number advances the list counters for a numbered paragraph and returns
// its rendered number, or "" when it has none.
func (c *dxContext) number(b *dxPara) string {
	numID, hasNum := b.numID, b.hasNumID
	ilvl, hasIlvl := b.ilvl, b.hasIlvl
	chain := c.styleChain(b.style)
	for _, s := range chain {
		if !hasNum && s.hasNumID {
			numID, hasNum = s.numID, true
		}
		if !hasIlvl && s.hasIlvl {
			ilvl, hasIlvl = s.ilvl, true
		}
	}
	if !hasNum || numID == "" || numID == "0" {
		return ""
	}
	num := c.numbering.nums[numID]
	if num == nil {
		return ""
	}
	abs := c.abstract(num)
	if abs == nil {
		return ""
	}
	if !hasIlvl {
		// A level linked to the paragraph's style (w:lvl/w:pStyle).
		ilvl = 0
	find:
		for _, s := range chain {
			for l := range 9 {
				if lv := c.level(num, abs, l); lv != nil && lv.pStyle != "" && lv.pStyle == s.id {
					ilvl = l
					break find
				}
			}
		}
	}
	if ilvl < 0 || ilvl > 8 {
		return ""
	}
	lv := c.level(num, abs, ilvl)
	if lv == nil {
		return ""
	}

	ct := c.counters[abs]
	if ct == nil {
		ct = &dxCounters{}
		c.counters[abs] = ct
	}
	seen := c.seen[numID]
	if seen == nil {
		seen = new([9]bool)
		c.seen[numID] = seen
	}
	switch {
	case num.hasOverride[ilvl] && !seen[ilvl]:
		ct.val[ilvl] = num.startOverride[ilvl]
	case !ct.set[ilvl]:
		ct.val[ilvl] = c.start(num, abs, ilvl)
	case ct.val[ilvl] < 1e9:
		ct.val[ilvl]++
	}
	ct.set[ilvl], seen[ilvl] = true, true
	for m := ilvl + 1; m < 9; m++ {
		r := m // default: restart after any higher level
		if lm := c.level(num, abs, m); lm != nil && lm.restart >= 0 && lm.restart < m {
			r = lm.restart
		}
		if ilvl < r {
			ct.set[m] = false
		}
	}

	if lv.format == "none" || lv.format == "bullet" || lv.text == "" {
		return ""
	}
	var sb strings.Builder
	s := lv.text
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+1 < len(s) && s[i+1] >= '1' && s[i+1] <= '9' {
			k := int(s[i+1] - '1')
			if k > ilvl {
				return "" // Word ignores a lvlText that refers to a deeper level
			}
			i++
			v := ct.val[k]
			if !ct.set[k] {
				v = c.start(num, abs, k)
			}
			format := "decimal"
			if lk := c.level(num, abs, k); lk != nil && lk.format != "" {
				format = lk.format
			}
			if lv.isLgl && format != "none" {
				format = "decimal"
			}
			sb.WriteString(dxFormatNumber(v, format))
			continue
		}
		sb.WriteByte(s[i])
	}
	return dxTruncateRunes(dxLine(sb.String()), dxMaxNumRunes)
}

// dxTruncate cuts s to at most n bytes at a rune boundary.
func dxTruncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// dxTruncateRunes cuts s to at most n runes.
func dxTruncateRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// abstract resolves a num to its abstract definition, following
// w:numStyleLink through a numbering style.
func (c *dxContext) abstract(num *dxNum) *dxAbstract {
	abs := c.numbering.abstracts[num.abstractID]
	for i := 0; i < 4 && abs != nil && abs.numStyleLink != ""; i++ {
		st := c.styles.byID[abs.numStyleLink]
		if st == nil || !st.hasNumID {
			break
		}
		n2 := c.numbering.nums[st.numID]
		if n2 == nil {
			break
		}
		a2 := c.numbering.abstracts[n2.abstractID]
		if a2 == nil || a2 == abs {
			break
		}
		abs = a2
	}
	return abs
}

func (c *dxContext) level(num *dxNum, abs *dxAbstract, l int) *dxLevel {
	if num.levels[l] != nil {
		return num.levels[l]
	}
	return abs.levels[l]
}

func (c *dxContext) start(num *dxNum, abs *dxAbstract, l int) int {
	if num.hasOverride[l] {
		return num.startOverride[l]
	}
	if lv := c.level(num, abs, l); lv != nil {
		return lv.start
	}
	return 0
}

var (
	dxCNDigits      = []string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	dxCNUnits       = []string{"", "十", "百", "千"}
	dxLegalDigits   = []string{"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"}
	dxLegalUnits    = []string{"", "拾", "佰", "仟"}
	dxTradDigits    = []string{"零", "壹", "貳", "參", "肆", "伍", "陸", "柒", "捌", "玖"}
	dxStems         = []string{"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"}
	dxBranches      = []string{"子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"}
	dxRomanValues   = []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	dxRomanSymbols  = []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	dxEnclosedStart = map[string]rune{
		"decimalEnclosedCircle":        '①',
		"decimalEnclosedCircleChinese": '①',
		"decimalEnclosedFullstop":      '⒈',
		"decimalEnclosedParen":         '⑴',
	}
)

// dxFormatNumber renders n in a w:numFmt format the way Word does; formats
// it does not know fall back to decimal.
func dxFormatNumber(n int, format string) string {
	switch format {
	case "none", "bullet":
		return ""
	case "chineseCounting", "japaneseCounting", "taiwaneseCounting":
		return dxChinese(n, dxCNDigits, dxCNUnits, "〇", true)
	case "chineseCountingThousand", "taiwaneseCountingThousand", "japaneseCountingThousand":
		return dxChinese(n, dxCNDigits, dxCNUnits, "零", true)
	case "chineseLegalSimplified":
		return dxChinese(n, dxLegalDigits, dxLegalUnits, "零", false)
	case "ideographLegalTraditional", "japaneseLegal":
		return dxChinese(n, dxTradDigits, dxLegalUnits, "零", false)
	case "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand":
		if n >= 0 {
			var sb strings.Builder
			for _, ch := range strconv.Itoa(n) {
				sb.WriteString(dxCNDigits[ch-'0'])
			}
			return sb.String()
		}
	case "ideographTraditional":
		if n >= 1 {
			return dxStems[(n-1)%len(dxStems)]
		}
	case "ideographZodiac":
		if n >= 1 {
			return dxBranches[(n-1)%len(dxBranches)]
		}
	case "ideographEnclosedCircle":
		if n >= 1 && n <= 10 {
			return string(rune('㈠' + n - 1))
		}
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese", "decimalEnclosedFullstop", "decimalEnclosedParen":
		if n >= 1 && n <= 20 {
			return string(dxEnclosedStart[format] + rune(n-1))
		}
	case "decimalFullWidth", "decimalFullWidth2":
		if n >= 0 {
			var sb strings.Builder
			for _, ch := range strconv.Itoa(n) {
				sb.WriteRune('０' + ch - '0')
			}
			return sb.String()
		}
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "upperLetter", "lowerLetter":
		if n >= 1 && n <= 26*20 {
			ch := string(rune('A' + (n-1)%26))
			if format == "lowerLetter" {
				ch = strings.ToLower(ch)
			}
			return strings.Repeat(ch, (n-1)/26+1)
		}
	case "upperRoman", "lowerRoman":
		if n >= 1 && n < 4000 {
			var sb strings.Builder
			for i, v := range dxRomanValues {
				for ; n >= v; n -= v {
					sb.WriteString(dxRomanSymbols[i])
				}
			}
			if format == "lowerRoman" {
				return strings.ToLower(sb.String())
			}
			return sb.String()
		}
	}
	return strconv.Itoa(n)
}

// dxChinese writes 0 ≤ n < 10000 in Chinese numerals. tenAlone writes 10–19
// as 十, 十一 (not 一十一), as Word's chineseCounting does.
func dxChinese(n int, digits, units []string, zero string, tenAlone bool) string {
	if n < 0 || n >= 10000 {
		return strconv.Itoa(n)
	}
	if n == 0 {
		return zero
	}
	var sb strings.Builder
	needZero := false
	for place, div := 3, 1000; place >= 1; place, div = place-1, div/10 {
		d := n / div % 10
		if d == 0 {
			if sb.Len() > 0 {
				needZero = true
			}
			continue
		}
		if needZero {
			sb.WriteString(zero)
			needZero = false
		}
		if place == 1 && d == 1 && sb.Len() == 0 && tenAlone {
			sb.WriteString(units[1])
		} else {
			sb.WriteString(digits[d] + units[place])
		}
	}
	if u := n % 10; u > 0 {
		if needZero {
			sb.WriteString(zero)
		}
		sb.WriteString(digits[u])
	}
	return sb.String()
}
