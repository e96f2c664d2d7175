package segment

// XML decoding for .docx parts: charsets, token limits and attribute helpers.

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

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
