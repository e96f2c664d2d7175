package docxout

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/reportlint/reportlint/segment"
)

// zpkg is the input package: entries in order and the parts Review rewrites.
type zpkg struct {
	zr        *zip.Reader
	files     map[string]*zip.File // by lower-case part name, first entry wins
	remaining int64                // decompression budget
	limit     int64
}

func partName(s string) string {
	s = strings.ReplaceAll(s, "\\", "/")
	return strings.ToLower(strings.TrimLeft(s, "/"))
}

func openPackage(data []byte, limit int64) (*zpkg, error) {
	if limit <= 0 {
		limit = segment.DefaultDocxMaxUncompressed
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !(errors.Is(err, zip.ErrInsecurePath) && zr != nil) {
		return nil, errors.New("不是有效的 .docx 文件（ZIP 结构损坏）")
	}
	pk := &zpkg{zr: zr, files: map[string]*zip.File{}, remaining: limit, limit: limit}
	for _, f := range zr.File {
		if n := partName(f.Name); pk.files[n] == nil {
			pk.files[n] = f
		}
	}
	return pk, nil
}

// read decompresses one part within the budget; nil, nil when absent.
func (pk *zpkg) read(name string) ([]byte, error) {
	f := pk.files[name]
	if f == nil {
		return nil, nil
	}
	if f.UncompressedSize64 > uint64(pk.remaining) {
		return nil, pk.bomb()
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("无法解压 %s：%v", f.Name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, pk.remaining+1))
	if err != nil {
		return nil, fmt.Errorf("无法解压 %s：%v", f.Name, err)
	}
	pk.remaining -= int64(len(b))
	if pk.remaining < 0 {
		return nil, pk.bomb()
	}
	return b, nil
}

func (pk *zpkg) bomb() error {
	return fmt.Errorf("解压后的内容超过 %d MB 上限，疑似压缩炸弹", pk.limit>>20)
}

type rel struct{ id, typ, target string }

// rels parses a relationships part; targets resolved against base.
func parseRels(data []byte, base string) []rel {
	var out []rel
	d := xml.NewDecoder(bytes.NewReader(data))
	for len(out) < 10000 {
		tok, err := d.RawToken()
		if err != nil {
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "Relationship" || attr(se, "TargetMode") == "External" {
			continue
		}
		t := strings.ReplaceAll(attr(se, "Target"), "\\", "/")
		if !strings.HasPrefix(t, "/") {
			t = path.Join("/", base, t)
		}
		out = append(out, rel{attr(se, "Id"), attr(se, "Type"), partName(path.Clean(t))})
	}
	return out
}

// rootEnd finds the root element of an XML part: its raw name, the offset
// where its end tag starts (or its self-closing start tag, with self=true)
// and the start tag's range.
type rootInfo struct {
	name           string
	prefix         string
	tagStart       int
	tagEnd         int
	closeStart     int
	self           bool
	ids            []int // numeric w:id of direct children named "comment"
	commentsPrefix string
}

func scanRoot(data []byte) (rootInfo, error) {
	var ri rootInfo
	base := 0
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		base = 3
	}
	d := xml.NewDecoder(bytes.NewReader(data[base:]))
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) { return in, nil }
	depth := 0
	for {
		off0 := base + int(d.InputOffset())
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return ri, err
		}
		off1 := base + int(d.InputOffset())
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				ri.name, ri.prefix, ri.tagStart, ri.tagEnd = rawName(t.Name), t.Name.Space, off0, off1
				ri.self = bytes.HasSuffix(data[off0:off1], []byte("/>"))
			} else if depth == 1 && t.Name.Local == "comment" {
				if n, ok := atoiSmall(attr(t, "id")); ok {
					ri.ids = append(ri.ids, n)
				}
			}
			depth++
		case xml.EndElement:
			depth--
			if depth == 0 {
				ri.closeStart = off0
				if ri.self {
					ri.closeStart = ri.tagStart
				}
				return ri, nil
			}
		}
	}
	return ri, errors.New("没有根元素")
}

// appendToRoot inserts inner at the end of the root element's content.
func appendToRoot(data []byte, ri rootInfo, inner string) []byte {
	var b bytes.Buffer
	if ri.self {
		tag := string(data[ri.tagStart:ri.tagEnd])
		tag = strings.TrimSuffix(strings.TrimSuffix(tag, "/>"), " ") + ">"
		b.Write(data[:ri.tagStart])
		b.WriteString(tag)
		b.WriteString(inner)
		b.WriteString("</" + ri.name + ">")
		b.Write(data[ri.tagEnd:])
		return b.Bytes()
	}
	b.Write(data[:ri.closeStart])
	b.WriteString(inner)
	b.Write(data[ri.closeStart:])
	return b.Bytes()
}

func pfx(prefix string) string {
	if prefix == "" {
		return ""
	}
	return prefix + ":"
}

// writeZip copies every entry unchanged (raw, still compressed) except the
// replaced ones, then appends the added parts.
func writeZip(pk *zpkg, replaced map[string][]byte, added []namedPart) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	done := map[string]bool{}
	for _, f := range pk.zr.File {
		n := partName(f.Name)
		if data, ok := replaced[n]; ok && !done[n] && pk.files[n] == f {
			done[n] = true
			w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
			if err != nil {
				return nil, err
			}
			if _, err := w.Write(data); err != nil {
				return nil, err
			}
			continue
		}
		if err := zw.Copy(f); err != nil {
			return nil, err
		}
	}
	for _, p := range added {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(p.data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

type namedPart struct {
	name string
	data []byte
}
