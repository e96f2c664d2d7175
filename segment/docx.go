package segment

// Reading a .docx package: limits, errors, ZIP parts and relationships.

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
