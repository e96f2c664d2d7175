package segment

// Paragraph styles from word/styles.xml.

import (
	"encoding/xml"
	"io"
	"strings"
)

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
