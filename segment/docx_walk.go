package segment

// The WordprocessingML walk that collects paragraphs from document.xml and comments.xml.

import (
	"encoding/xml"
	"io"
	"strings"
)

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
