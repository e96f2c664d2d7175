package docxout

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// The walker maps word/document.xml the way segment's reader does: the same
// elements are skipped, the same text is written for t, tab, br, cr,
// noBreakHyphen, and paragraphs come out in the same order (a text-box
// paragraph before the paragraph that anchors it). It also records raw byte
// ranges so that runs can be split and markers inserted by splicing.

// wKid is one direct child of a run.
type wKid struct {
	start, end int    // raw byte range
	local      string // local name
	text       string // text it contributes
	off        int    // text offset in the run
}

// wRun is one w:r whose text belongs to a paragraph.
type wRun struct {
	start, end int    // raw byte range of the whole run
	startTag   string // raw start tag (not self-closing when the run has text)
	name       string // raw element name, e.g. "w:r"
	prefix     string // namespace prefix, e.g. "w"
	rPr        string // raw w:rPr, "" if none
	kids       []wKid
	para       *wPara
	textStart  int // offset of the run's text in the paragraph
	text       strings.Builder
	complex    bool // cannot be split: nested runs or paragraphs, odd text children
	inField    bool // inside a field result (fldSimple or complex field)
}

func (r *wRun) n() int { return r.text.Len() }

// wPara is one w:p of the body in segment order.
type wPara struct {
	start, end   int // raw range of the whole paragraph
	contentStart int // after the start tag, or after w:pPr when it comes first
	closeStart   int // start of the end tag
	selfClosing  bool
	startTag     string
	name, prefix string
	text         strings.Builder
	runs         []*wRun // runs with text, in order
	bad          bool    // text written outside a run: no run-level mapping
	markDeleted  bool
	sawContent   bool
}

type wFrame struct {
	name  xml.Name
	start int
	run   *wRun  // for w:r frames
	para  *wPara // for w:p frames
	kidOf *wRun  // frame is a direct child of this run
	kidAt int    // run text length when the kid started
}

type walker struct {
	data     []byte
	stack    []wFrame
	skipTo   int // while >= 0, frames deeper than this are being skipped
	paras    []*wPara
	runs     []*wRun // open runs (hidden flag kept alongside)
	hidden   []bool
	fields   []bool
	inInstr  int
	fldSimpl int
	altDone  []bool
	out      []*wPara
	maxID    int
}

var errWalk = errors.New("document.xml structure")

// walkDocument maps document.xml (UTF-8) into paragraphs in segment order.
// It also returns the largest numeric w:id seen.
func walkDocument(data []byte) ([]*wPara, int, error) {
	base := 0
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		base = 3
	}
	if bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff")) {
		return nil, 0, errors.New("UTF-16")
	}
	w := &walker{data: data, skipTo: -1, maxID: -1}
	d := xml.NewDecoder(bytes.NewReader(data[base:]))
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "utf-8", "utf8", "us-ascii", "ascii":
			return in, nil
		}
		return nil, errors.New("charset " + label)
	}
	for {
		off0 := base + int(d.InputOffset())
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, 0, err
		}
		off1 := base + int(d.InputOffset())
		switch t := tok.(type) {
		case xml.StartElement:
			if len(w.stack) >= 2000 {
				return nil, 0, errWalk
			}
			for _, a := range t.Attr {
				if a.Name.Local == "id" {
					if n, ok := atoiSmall(a.Value); ok && n > w.maxID {
						w.maxID = n
					}
				}
			}
			fr := wFrame{name: t.Name, start: off0}
			if n := len(w.stack); n > 0 && w.stack[n-1].run != nil {
				fr.kidOf = w.stack[n-1].run
				fr.kidAt = fr.kidOf.n()
			}
			w.stack = append(w.stack, fr)
			if w.skipTo < 0 {
				w.start(t, off0, off1)
			}
		case xml.EndElement:
			n := len(w.stack)
			if n == 0 || w.stack[n-1].name != t.Name {
				return nil, 0, errWalk
			}
			fr := w.stack[n-1]
			w.stack = w.stack[:n-1]
			if w.skipTo >= 0 && len(w.stack) <= w.skipTo {
				w.skipTo = -1
			}
			if fr.kidOf != nil {
				r := fr.kidOf
				k := wKid{start: fr.start, end: off1, local: fr.name.Local, off: fr.kidAt}
				k.text = r.text.String()[fr.kidAt:]
				if k.local == "rPr" {
					r.rPr = string(w.data[fr.start:off1])
				} else {
					r.kids = append(r.kids, k)
				}
			}
			if w.skipTo < 0 {
				w.end(fr, off0, off1)
			}
		case xml.CharData:
			if w.skipTo < 0 && len(w.stack) > 0 && w.stack[len(w.stack)-1].name.Local == "t" {
				w.write(string(t))
			}
		}
	}
	if len(w.stack) > 0 {
		return nil, 0, errWalk
	}
	return w.out, w.maxID, nil
}

func atoiSmall(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

func (w *walker) parent(n int) string {
	if i := len(w.stack) - 1 - n; i >= 0 {
		return w.stack[i].name.Local
	}
	return ""
}

func (w *walker) para() *wPara {
	if len(w.paras) == 0 {
		return nil
	}
	return w.paras[len(w.paras)-1]
}

func (w *walker) skip() { w.skipTo = len(w.stack) - 1 }

// write mirrors segment's dxParser.write and attributes the text to the
// outermost open run of the current paragraph.
func (w *walker) write(s string) {
	b := w.para()
	if b == nil || w.inInstr != 0 || (len(w.hidden) > 0 && w.hidden[len(w.hidden)-1]) {
		return
	}
	b.text.WriteString(s)
	var owner *wRun
	for i, r := range w.runs {
		if r.para == b {
			owner = r
			if i != len(w.runs)-1 {
				r.complex = true
			}
			break
		}
	}
	if owner == nil {
		b.bad = true
		return
	}
	owner.text.WriteString(s)
}

func rawName(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}

func (w *walker) start(se xml.StartElement, off0, off1 int) {
	local := se.Name.Local
	if skippedElement(local) {
		if (local == "del" || local == "moveFrom") && w.parent(1) == "rPr" && w.parent(2) == "pPr" {
			if b := w.para(); b != nil {
				b.markDeleted = true
			}
		}
		w.skip()
		return
	}
	parent := w.parent(1)
	top := &w.stack[len(w.stack)-1]
	selfClosing := bytes.HasSuffix(w.data[off0:off1], []byte("/>"))
	switch local {
	case "Choice", "Fallback":
		if n := len(w.altDone); n > 0 && parent == "AlternateContent" {
			if w.altDone[n-1] {
				w.skip()
				return
			}
			w.altDone[n-1] = true
		}
	case "p":
		for _, r := range w.runs {
			r.complex = true // a text box inside a run
		}
		b := &wPara{start: off0, contentStart: off1, selfClosing: selfClosing,
			startTag: string(w.data[off0:off1]), name: rawName(se.Name), prefix: se.Name.Space}
		w.paras = append(w.paras, b)
		top.para = b
	case "r":
		b := w.para()
		for _, r := range w.runs {
			if r.para == b {
				r.complex = true
			}
		}
		r := &wRun{start: off0, startTag: string(w.data[off0:off1]), name: rawName(se.Name), prefix: se.Name.Space,
			para: b, inField: w.fldSimpl > 0 || len(w.fields) > 0}
		if b != nil {
			r.textStart = b.text.Len()
		}
		w.runs = append(w.runs, r)
		w.hidden = append(w.hidden, false)
		top.run = r
	case "fldSimple":
		w.fldSimpl++
	case "AlternateContent":
		w.altDone = append(w.altDone, false)
	case "tab", "ptab":
		if parent == "r" {
			w.write("\t")
		}
	case "br", "cr":
		if parent == "r" {
			w.write(" ")
		}
	case "noBreakHyphen":
		if parent == "r" {
			w.write("-")
		}
	case "vanish":
		if parent == "rPr" && w.parent(2) == "r" && len(w.hidden) > 0 {
			w.hidden[len(w.hidden)-1] = onOff(se)
		}
	case "fldChar":
		switch attr(se, "fldCharType") {
		case "begin":
			if len(w.fields) < 2000 {
				w.fields = append(w.fields, false)
				w.inInstr++
			}
		case "separate":
			if n := len(w.fields); n > 0 && !w.fields[n-1] {
				w.fields[n-1] = true
				w.inInstr--
			}
		case "end":
			if n := len(w.fields); n > 0 {
				if !w.fields[n-1] {
					w.inInstr--
				}
				w.fields = w.fields[:n-1]
			}
		}
	}
}

func (w *walker) end(fr wFrame, off0, off1 int) {
	switch fr.name.Local {
	case "p":
		if n := len(w.paras); n > 0 && fr.para != nil {
			b := w.paras[n-1]
			w.paras = w.paras[:n-1]
			b.end, b.closeStart = off1, off0
			if b.markDeleted && b.text.Len() == 0 {
				return
			}
			w.out = append(w.out, b)
		}
	case "pPr":
		if b := w.para(); b != nil && len(w.stack) > 0 && w.stack[len(w.stack)-1].para == b && !b.sawContent {
			b.contentStart = off1
		}
	case "r":
		if n := len(w.runs); n > 0 && fr.run != nil {
			r := w.runs[n-1]
			w.runs = w.runs[:n-1]
			w.hidden = w.hidden[:len(w.hidden)-1]
			r.end = off1
			if r.para != nil && r.n() > 0 {
				r.para.runs = append(r.para.runs, r)
				r.complex = r.complex || !simpleRun(r)
			}
		}
	case "fldSimple":
		if w.fldSimpl > 0 {
			w.fldSimpl--
		}
	case "AlternateContent":
		if n := len(w.altDone); n > 0 {
			w.altDone = w.altDone[:n-1]
		}
	}
	if b := w.para(); b != nil && len(w.stack) > 0 && w.stack[len(w.stack)-1].para == b {
		b.sawContent = true
	}
}

// simpleRun reports whether every text of the run comes from a child that
// the splitter knows how to cut or keep whole.
func simpleRun(r *wRun) bool {
	for _, k := range r.kids {
		if k.text == "" {
			continue
		}
		switch k.local {
		case "t":
		case "tab", "ptab", "br", "cr", "noBreakHyphen":
			if len(k.text) != 1 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// skippedElement mirrors segment's dxSkipped.
func skippedElement(local string) bool {
	switch local {
	case "del", "moveFrom", "delText", "delInstrText", "instrText",
		"sdtPr", "sdtEndPr", "rt", "fldData":
		return true
	}
	return strings.HasSuffix(local, "Change")
}

const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
)

// attr mirrors segment's dxAttr.
func attr(se xml.StartElement, local string) string {
	val, found := "", false
	for _, a := range se.Attr {
		if a.Name.Local != local {
			continue
		}
		if a.Name.Space == "w" || a.Name.Space == nsW || a.Name.Space == nsWStrict {
			return a.Value
		}
		if !found || a.Name.Space == "" {
			val, found = a.Value, true
		}
	}
	return val
}

func onOff(se xml.StartElement) bool {
	switch attr(se, "val") {
	case "0", "false", "off", "none":
		return false
	}
	return true
}
