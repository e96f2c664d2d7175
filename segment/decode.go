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
			return "", "", forcedEncodingError(data, "utf-8")
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
		if enc != "" && enc != "auto" {
			return "", "", forcedEncodingError(data, used)
		}
		return "", "", err
	}
	return normalizeNewlines(raw), used, nil
}

// forcedEncodingError explains a failed --encoding: what the bytes look
// like instead, and what to pass.
func forcedEncodingError(data []byte, used string) error {
	msg := "按 --encoding " + used + " 无法解码"
	if _, got, err := detect(data); err == nil {
		return errors.New(msg + "；文件看起来是 " + got + " 编码：去掉 --encoding（自动识别）或改为 --encoding " + strings.TrimSuffix(got, "-bom"))
	}
	return errors.New(msg + "；文件也不是 UTF-8、UTF-16 或 GB18030，可能不是文本文件")
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
	valid := utf8.Valid(data)
	hasNUL := bytes.IndexByte(data, 0) >= 0
	if valid && !hasNUL {
		if looksBinary(string(data)) {
			return "", "", errBinary
		}
		return string(data), "utf-8", nil
	}
	// UTF-16 without a BOM, before any binary test: ASCII in UTF-16 is
	// valid UTF-8 full of NULs, and Chinese in UTF-16 may have no NUL at all.
	if s, name, ok := detectUTF16(data, valid); ok {
		return s, name, nil
	}
	if valid {
		// UTF-8 with a stray NUL or control byte: binary only above a ratio.
		if looksBinary(string(data)) {
			return "", "", errBinary
		}
		return string(data), "utf-8", nil
	}
	s, err := decodeWith(simplifiedchinese.GB18030, data)
	if err != nil || looksBinary(s) {
		if hasNUL {
			return "", "", errBinary
		}
		return "", "", errUndecodable
	}
	return s, "gb18030", nil
}

// detectUTF16 decodes BOM-less UTF-16 when the bytes read as plausible text
// in one byte order. Valid UTF-8 qualifies only with UTF-16's NUL pattern
// (a NUL in every other byte for a quarter of the units or more).
func detectUTF16(data []byte, validUTF8 bool) (string, string, bool) {
	if len(data) < 4 || len(data)%2 != 0 {
		return "", "", false
	}
	le, be := nulParity(data)
	units := len(data) / 2
	if validUTF8 && (max(le, be)*4 < units || min(le, be)*8 > max(le, be)) {
		return "", "", false
	}
	orders := []unicode.Endianness{unicode.LittleEndian, unicode.BigEndian}
	if be > le {
		orders[0], orders[1] = orders[1], orders[0]
	}
	best, bestName, bestScore := "", "", 0.0
	for _, order := range orders {
		s, err := decodeWith(unicode.UTF16(order, unicode.IgnoreBOM), data)
		if err != nil || looksBinary(s) {
			continue
		}
		if sc := textScore(s); sc > bestScore {
			best, bestScore, bestName = s, sc, "utf-16le"
			if order == unicode.BigEndian {
				bestName = "utf-16be"
			}
		}
	}
	if bestScore < 0.9 {
		return "", "", false
	}
	if !validUTF8 { // GB18030 reads almost anything: prefer it when it reads better
		if g, err := decodeWith(simplifiedchinese.GB18030, data); err == nil && textScore(g) >= bestScore {
			return "", "", false
		}
	}
	return best, bestName, true
}

// textScore is the share of code points usual in a Chinese report: ASCII
// text, CJK ideographs and punctuation, full-width forms, common symbols.
// U+xx00 counts as unusual: it is ASCII read in the wrong byte order.
func textScore(s string) float64 {
	good, n := 0, 0
	for _, r := range s {
		n++
		if commonRune(r) {
			good++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(good) / float64(n)
}

func commonRune(r rune) bool {
	switch {
	case r == '\n' || r == '\t' || r == '\r' || (r >= 0x20 && r < 0x7f) || (r >= 0xa0 && r <= 0xff):
		return true
	case r&0xff == 0:
		return false
	}
	for _, rg := range commonRanges {
		if r >= rg[0] && r <= rg[1] {
			return true
		}
	}
	return false
}

var commonRanges = [][2]rune{
	{0x4e00, 0x9fff}, // CJK unified ideographs
	{0x3400, 0x4dbf}, // extension A
	{0x3000, 0x303f}, // CJK punctuation
	{0xff00, 0xffef}, // full-width forms
	{0x2010, 0x205f}, // general punctuation: — “ ” …
	{0x2100, 0x218f}, // letterlike symbols and Roman numerals: ℃ № Ⅱ
	{0x2460, 0x24ff}, // enclosed numbers: ① ⑴
	{0x25a0, 0x25ff}, // shapes: □ ■ ○
	{0x0370, 0x03ff}, // Greek
	{0xfe30, 0xfe4f}, // CJK compatibility forms
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
