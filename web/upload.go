package web

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"unicode"
	"unicode/utf8"
)

// formOverhead is what a multipart body may hold beyond the file itself:
// boundaries, part headers, the file name.
const formOverhead = 64 << 10

// maxParts bounds the parts read from one form.
const maxParts = 8

type upload struct {
	name string
	data []byte
}

// readUpload streams the multipart body into memory, never into a
// temporary file (as r.ParseMultipartForm would for large parts). The review
// form carries "file"; the download form carries "name" and base64 "data".
// On failure it has answered and returns false.
func (s *server) readUpload(w http.ResponseWriter, r *http.Request, download bool) (*upload, bool) {
	max := s.opt.MaxUploadBytes
	dataMax := max
	if download {
		dataMax = int64(base64.StdEncoding.EncodedLen(int(min(max, 1<<40))))
	}
	r.Body = http.MaxBytesReader(w, r.Body, dataMax+formOverhead)
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "multipart/form-data" {
		s.badRequest(w, "", "请求不是文件上传表单（multipart/form-data）。请在 reportlint 首页选择文件上传。")
		return nil, false
	}
	mr, err := r.MultipartReader()
	if err != nil {
		s.badRequest(w, "", "无法读取上传的表单："+err.Error())
		return nil, false
	}
	up := &upload{}
	var fileSeen, dataSeen bool
	var encoded []byte
	for i := 0; ; i++ {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			s.readFailed(w, up.name, err)
			return nil, false
		}
		if i >= maxParts {
			s.badRequest(w, up.name, "上传的表单字段过多。请在 reportlint 首页选择文件上传。")
			return nil, false
		}
		switch field := p.FormName(); {
		case !download && field == "file":
			up.name = cleanName(p.FileName())
			buf, err := readBounded(p, max, r.ContentLength)
			if err != nil {
				s.readFailed(w, up.name, err)
				return nil, false
			}
			up.data, fileSeen = buf, true
		case download && field == "name":
			buf, err := readBounded(p, 1024, -1)
			if err != nil {
				s.readFailed(w, "", err)
				return nil, false
			}
			up.name = cleanName(string(buf))
		case download && field == "data":
			buf, err := readBounded(p, dataMax, r.ContentLength)
			if err != nil {
				s.readFailed(w, up.name, err)
				return nil, false
			}
			encoded, dataSeen = buf, true
		default:
			if _, err := io.Copy(io.Discard, p); err != nil {
				s.readFailed(w, up.name, err)
				return nil, false
			}
		}
	}
	if download {
		if !dataSeen || up.name == "" {
			s.badRequest(w, up.name, "下载请求缺少文件内容。请回到首页重新上传文件，再点击下载。")
			return nil, false
		}
		data, err := base64.StdEncoding.DecodeString(string(encoded))
		if err != nil {
			s.badRequest(w, up.name, "下载请求中的文件内容已损坏。请回到首页重新上传文件，再点击下载。")
			return nil, false
		}
		up.data = data
		return up, true
	}
	if !fileSeen || up.name == "" {
		s.badRequest(w, "", "没有收到文件。请选择一个 .docx、.txt 或 .md 文件后再点击“开始检查”。")
		return nil, false
	}
	return up, true
}

// errTooLarge marks a part longer than its limit.
var errTooLarge = errors.New("too large")

// readBounded reads r into memory, failing with errTooLarge past max bytes.
// hint (the request's Content-Length, or -1) pre-sizes the buffer.
func readBounded(r io.Reader, max, hint int64) ([]byte, error) {
	var buf bytes.Buffer
	if hint > 0 {
		buf.Grow(int(min(hint, max+1)))
	}
	n, err := buf.ReadFrom(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if n > max {
		return nil, errTooLarge
	}
	return buf.Bytes(), nil
}

// readFailed answers a body that could not be read: 413 for one over the
// limit, 400 otherwise.
func (s *server) readFailed(w http.ResponseWriter, name string, err error) {
	var mbe *http.MaxBytesError
	if errors.Is(err, errTooLarge) || errors.As(err, &mbe) {
		what := "上传的文件"
		if name != "" {
			what = "文件“" + name + "”"
		}
		s.page(w, http.StatusRequestEntityTooLarge, &pageData{Title: "文件过大", Heading: "文件过大", Name: name,
			Message: fmt.Sprintf("%s超过大小上限 %s，没有处理。请缩小文件（例如删去图片），或用 reportlint serve --max-size 提高上限后重新启动。", what, human(s.opt.MaxUploadBytes))})
		return
	}
	s.badRequest(w, name, "上传没有完成（"+err.Error()+"）。请重新上传。")
}

func (s *server) badRequest(w http.ResponseWriter, name, msg string) {
	if name != "" {
		msg = "文件“" + name + "”：" + msg
	}
	s.page(w, http.StatusBadRequest, &pageData{Title: "上传失败", Heading: "上传失败", Name: name, Message: msg})
}

// cleanName keeps the base name of an uploaded file (some browsers send a
// Windows path), without control characters, at most 200 runes.
func cleanName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.ToValidUTF8(name, "�")
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, name)
	name = strings.TrimSpace(name)
	if utf8.RuneCountInString(name) > 200 {
		name = string([]rune(name)[:200])
	}
	return name
}

// ContentDisposition returns an attachment header for name: an ASCII
// fallback filename and the UTF-8 name as RFC 5987 filename*.
func ContentDisposition(name string) string {
	name = cleanName(name)
	var fb strings.Builder
	for _, r := range name {
		if r < 0x20 || r >= 0x7f || r == '"' || r == '\\' || r == '%' {
			r = '_'
		}
		fb.WriteRune(r)
	}
	fallback := fb.String()
	if strings.Trim(strings.TrimSuffix(fallback, extOf(fallback)), "_ -") == "" {
		fallback = "reviewed" + extOf(fallback)
	}
	var enc strings.Builder
	for _, b := range []byte(name) {
		if isAttrChar(b) {
			enc.WriteByte(b)
		} else {
			fmt.Fprintf(&enc, "%%%02X", b)
		}
	}
	return `attachment; filename="` + fallback + `"; filename*=UTF-8''` + enc.String()
}

// isAttrChar is RFC 5987's attr-char.
func isAttrChar(b byte) bool {
	switch {
	case 'a' <= b && b <= 'z', 'A' <= b && b <= 'Z', '0' <= b && b <= '9':
		return true
	}
	return strings.IndexByte("!#$&+-.^_`|~", b) >= 0
}
