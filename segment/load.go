package segment

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/reportlint/reportlint/internal/safefile"
)

// DefaultMaxSize is the default cap on an input file's size in bytes.
const DefaultMaxSize = 20 << 20

// LoadOptions control how input is read.
type LoadOptions struct {
	Encoding string // "auto" or one of Encodings; ignored for .docx
	MaxSize  int64  // bytes; 0 means DefaultMaxSize; clamped to safefile.MaxLimit. Also caps .docx decompression (×4).
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

// ValidateLimit checks a size limit given by the user (--max-size):
// positive and at most safefile.MaxLimit (1 TB), so limit arithmetic cannot
// overflow. LoadFile also clamps silently.
func ValidateLimit(n int64) error {
	if n <= 0 || n > safefile.MaxLimit {
		return fmt.Errorf("大小上限 %d 字节无效：应在 1 字节到 %s 之间", n, human(safefile.MaxLimit))
	}
	return nil
}

// ReadRegular reads a regular file (symlinks followed) of at most limit
// bytes; FIFOs, devices and directories are refused before reading. The
// error's text is a Chinese reason without the path; see package safefile.
func ReadRegular(path string, limit int64) ([]byte, error) {
	return safefile.ReadRegular(path, limit)
}

// maxSize is opt.MaxSize clamped to a safe range.
func (opt LoadOptions) maxSize() int64 { return safefile.Clamp(opt.MaxSize, DefaultMaxSize) }

// LoadFile reads and decodes a file; "-" reads standard input from stdin.
// The file is only ever opened for reading, and only if it is a regular file.
func LoadFile(path string, stdin io.Reader, opt LoadOptions) (*Document, error) {
	max := opt.maxSize()
	var (
		data []byte
		err  error
	)
	name := path
	if path == "-" {
		name = "<stdin>"
		data, err = safefile.ReadLimited(stdin, max)
	} else {
		data, err = safefile.ReadRegular(path, max)
	}
	if err != nil {
		reason := err.Error()
		switch {
		case errors.Is(err, safefile.ErrIsDir):
			reason = "是目录，不是文件（批量检查请用 reportlint audit）"
		case errors.Is(err, safefile.ErrTooLarge):
			reason += "（可用 --max-size 调整）"
		}
		return nil, &InputError{name, reason}
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
		paras, err := ReadDocx(data, DocxLimits{MaxUncompressed: safefile.MulClamp(opt.maxSize(), 4)})
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

func human(n int64) string { return safefile.HumanSize(n) }
