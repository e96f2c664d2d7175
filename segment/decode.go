package segment

import (
	"bytes"
	"errors"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Encoding names accepted by --encoding.
var Encodings = []string{"auto", "utf-8", "utf-16le", "utf-16be", "gb18030", "gbk"}

var (
	errBinary      = errors.New("看起来是二进制文件，不是文本或 .docx 报告")
	errUndecodable = errors.New("无法识别文本编码（不是有效的 UTF-8、UTF-16 或 GB18030）；可用 --encoding 指定")
)

// Decode converts raw bytes to normalised UTF-8 text ("\n" line ends, BOM
// removed). enc is "auto" (or "") to detect, or one of Encodings.
func Decode(data []byte, enc string) (text, used string, err error) {
	enc = strings.ToLower(strings.TrimSpace(enc))
	var raw string
	switch enc {
	case "", "auto":
		raw, used, err = detect(data)
	case "utf-8", "utf8":
		b := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
		if !utf8.Valid(b) {
			return "", "", errors.New("不是有效的 UTF-8 文本")
		}
		raw, used = string(b), "utf-8"
	case "utf-16le", "utf-16be":
		e := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
		if enc == "utf-16be" {
			e = unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
		}
		raw, err = decodeWith(e, data)
		used = enc
	case "gb18030", "gbk", "gb2312":
		raw, err = decodeWith(simplifiedchinese.GB18030, data)
		used = "gb18030"
	default:
		return "", "", errors.New("不支持的编码 " + enc + "（可选：" + strings.Join(Encodings, "、") + "）")
	}
	if err != nil {
		return "", "", err
	}
	return normalizeNewlines(raw), used, nil
}

func detect(data []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		b := data[3:]
		if !utf8.Valid(b) {
			return "", "", errUndecodable
		}
		return string(b), "utf-8-bom", nil
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		s, err := decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), data)
		return s, "utf-16le", err
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		s, err := decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), data)
		return s, "utf-16be", err
	}
	if utf8.Valid(data) {
		if bytes.IndexByte(data, 0) >= 0 || looksBinary(string(data)) {
			return "", "", errBinary
		}
		return string(data), "utf-8", nil
	}
	if bytes.IndexByte(data, 0) >= 0 {
		// UTF-16 without BOM: NULs in the high bytes of ASCII.
		if le, be := nulParity(data); le > len(data)/8 || be > len(data)/8 {
			order := unicode.LittleEndian
			name := "utf-16le"
			if be > le {
				order, name = unicode.BigEndian, "utf-16be"
			}
			if s, err := decodeWith(unicode.UTF16(order, unicode.IgnoreBOM), data); err == nil && !looksBinary(s) {
				return s, name, nil
			}
		}
		return "", "", errBinary
	}
	s, err := decodeWith(simplifiedchinese.GB18030, data)
	if err != nil || looksBinary(s) {
		return "", "", errUndecodable
	}
	return s, "gb18030", nil
}

// nulParity counts NUL bytes at odd (LE) and even (BE) positions.
func nulParity(b []byte) (le, be int) {
	for i, c := range b {
		if c == 0 {
			if i%2 == 1 {
				le++
			} else {
				be++
			}
		}
	}
	return
}

func decodeWith(e encoding.Encoding, data []byte) (string, error) {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", errUndecodable
	}
	if !utf8.Valid(out) || bytes.ContainsRune(out, utf8.RuneError) {
		return "", errUndecodable
	}
	return string(out), nil
}

// looksBinary reports control characters other than tab and line ends, or
// replacement characters, in more than a trace of the text.
func looksBinary(s string) bool {
	bad, n := 0, 0
	for _, r := range s {
		n++
		if r == utf8.RuneError || r == 0 || (r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f') {
			bad++
		}
	}
	return bad > 0 && bad*100 > n // >1% control characters
}

func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
