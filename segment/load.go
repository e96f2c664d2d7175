package segment

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// DefaultMaxSize is the default cap on an input file's size in bytes.
const DefaultMaxSize = 20 << 20

// LoadOptions control how input is read.
type LoadOptions struct {
	Encoding string // "auto" or one of Encodings; ignored for .docx
	MaxSize  int64  // bytes; 0 means DefaultMaxSize. Also caps .docx decompression (×4).
}

// InputError is a file that could not be read, with the reason in Chinese.
type InputError struct {
	Path   string
	Reason string
}

func (e *InputError) Error() string { return e.Path + "：" + e.Reason }

// SupportedExt lists the extensions Load reads.
var SupportedExt = []string{".txt", ".md", ".markdown", ".docx"}

// IsSupported reports whether a path has a supported extension.
func IsSupported(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	for _, e := range SupportedExt {
		if ext == e {
			return true
		}
	}
	return false
}

// LoadFile reads and decodes a file; "-" reads standard input from stdin.
// The file is only ever opened for reading.
func LoadFile(path string, stdin io.Reader, opt LoadOptions) (*Document, error) {
	max := opt.MaxSize
	if max <= 0 {
		max = DefaultMaxSize
	}
	name := path
	var r io.Reader
	if path == "-" {
		name = "<stdin>"
		r = stdin
	} else {
		fi, err := os.Stat(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil, &InputError{path, "文件不存在"}
		case errors.Is(err, fs.ErrPermission):
			return nil, &InputError{path, "没有读取权限"}
		case err != nil:
			return nil, &InputError{path, "无法读取：" + err.Error()}
		case fi.IsDir():
			return nil, &InputError{path, "是目录，不是文件（批量检查请用 reportlint audit）"}
		case fi.Size() > max:
			return nil, &InputError{path, fmt.Sprintf("文件大小 %s 超过上限 %s（可用 --max-size 调整）", human(fi.Size()), human(max))}
		}
		f, err := os.Open(path)
		if err != nil {
			if errors.Is(err, fs.ErrPermission) {
				return nil, &InputError{path, "没有读取权限"}
			}
			return nil, &InputError{path, "无法读取：" + err.Error()}
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, &InputError{name, "读取失败：" + err.Error()}
	}
	if int64(len(data)) > max {
		return nil, &InputError{name, fmt.Sprintf("输入超过大小上限 %s（可用 --max-size 调整）", human(max))}
	}
	return LoadBytes(name, data, opt)
}

// LoadBytes decodes data named name. The format comes from the extension,
// or from the content when the extension is missing or unknown.
func LoadBytes(name string, data []byte, opt LoadOptions) (doc *Document, err error) {
	defer func() {
		if r := recover(); r != nil { // a parser bug must not take down a batch
			doc, err = nil, &InputError{name, fmt.Sprintf("内部错误，无法解析此文件（请报告此问题）：%v", r)}
		}
	}()
	ext := strings.ToLower(filepath.Ext(name))
	isZip := bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06"))
	isOLE := bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"))
	switch {
	case ext == ".docx" || ((ext == "" || !IsSupported(name)) && (isZip || isOLE)):
		max := opt.MaxSize
		if max <= 0 {
			max = DefaultMaxSize
		}
		paras, err := ReadDocx(data, DocxLimits{MaxUncompressed: max * 4})
		if err != nil {
			return nil, &InputError{name, err.Error()}
		}
		lines := make([]string, len(paras))
		for i, p := range paras {
			lines[i] = p.Text
		}
		return NewDocument(name, FormatDocx, "docx", strings.Join(lines, "\n"), paras), nil
	case ext == ".doc" || ext == ".pdf" || ext == ".wps" || ext == ".odt" || ext == ".rtf":
		return nil, &InputError{name, "不支持 " + ext + " 格式；请另存为 .docx 或 .txt 后再检查"}
	}
	if isZip || isOLE {
		return nil, &InputError{name, "内容是压缩包或 Office 文件，但扩展名是 " + ext + "；请使用 .docx 扩展名"}
	}
	text, enc, err := Decode(data, opt.Encoding)
	if err != nil {
		return nil, &InputError{name, err.Error()}
	}
	format := FormatText
	if ext == ".md" || ext == ".markdown" {
		format = FormatMarkdown
	}
	return NewDocument(name, format, enc, text, nil), nil
}

func human(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
