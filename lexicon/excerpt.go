package lexicon

import (
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
)

// excerptRunes bounds how much of a file an error message quotes: a
// mistyped key is recognisable, a line of an unrelated file is not echoed.
const excerptRunes = 24

// excerpt returns s shortened to excerptRunes with control and format
// characters replaced by \uXXXX, for quoting a file's text in a message.
func excerpt(s string) string {
	var b strings.Builder
	n := 0
	for i, r := range s {
		if n == excerptRunes {
			if i < len(s) {
				b.WriteString("…")
			}
			break
		}
		switch {
		case r == utf8.RuneError:
			b.WriteString(`\ufffd`)
		case unicode.IsControl(r) || unicode.In(r, unicode.Cf):
			b.WriteString(`\u`)
			const hex = "0123456789abcdef"
			for sh := 12; sh >= 0; sh -= 4 {
				b.WriteByte(hex[(r>>uint(sh))&0xf])
			}
		default:
			b.WriteRune(r)
		}
		n++
	}
	return b.String()
}

// topKeys are the top-level keys of a lexicon file, from Lexicon's tags.
func topKeys() []string {
	var out []string
	t := reflect.TypeOf(Lexicon{})
	for i := 0; i < t.NumField(); i++ {
		if tag, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); tag != "" && tag != "-" {
			out = append(out, tag)
		}
	}
	return out
}

// notLexicon reports a file that is not a lexicon at all: its top level is
// not a mapping, or none of its keys is a lexicon key. The message quotes
// nothing from the file (it may be any file, e.g. a password file).
func notLexicon(name string, body ast.Node) *Error {
	keys := topKeys()
	msg := "不是词库文件：顶层应为“键: 值”的映射，键为 " + strings.Join(keys, "、") + " 之一"
	var pairs []*ast.MappingValueNode
	switch m := unwrap(body).(type) {
	case *ast.MappingNode:
		pairs = m.Values
	case *ast.MappingValueNode:
		pairs = []*ast.MappingValueNode{m}
	default:
		return &Error{File: name, Msg: msg}
	}
	for _, p := range pairs {
		if looksLikeKey(p.Key.String()) {
			return nil // a lexicon, perhaps with a mistyped key: decoding names it
		}
	}
	return &Error{File: name, Msg: msg}
}

// yamlMessages translates go-yaml's common syntax messages; the rest get a
// generic Chinese lead and keep the parser's words (they quote no content).
var yamlMessages = []struct{ prefix, zh string }{
	{"sequence end token ']' not found", "缺少列表结尾的 ]"},
	{"could not find flow mapping end token '}'", "缺少映射结尾的 }"},
	{"could not find '[' character corresponding to ']'", "多余的 ]"},
	{"could not find '{' character corresponding to '}'", "多余的 }"},
	{"mapping value is not allowed in this context", "此处不能有“键: 值”（检查缩进和冒号）"},
	{"value is not allowed in this context", "此处不能有值（检查缩进）"},
	{"unexpected key name", "键名的位置不对（检查缩进）"},
	{"unexpected map key", "映射的键位置不对（检查缩进）"},
	{"found an invalid key for this map", "映射中的键无效"},
	{"expected map key-value delimiter ':'", "缺少键后的冒号 :"},
	{"could not find value for mapping key", "键后缺少值"},
	{"could not find end character of double-quoted text", "双引号字符串没有结束的 \""},
	{"could not find end character of single-quoted text", "单引号字符串没有结束的 '"},
	{"found character that cannot start any token", "含有不能开始 YAML 记号的字符（如制表符缩进）"},
	{"found invalid token", "含有无效的记号"},
	{"tab character cannot use as a map key directly", "不能用制表符缩进（请用空格）"},
	{"could not find anchor value", "找不到锚点（&）的值"},
	{"undefined anchor", "引用了未定义的锚点（*）"},
	{"unexpected end content", "内容意外结束"},
	{"non-map value is specified", "此处应为映射（键: 值）"},
	{"sequence entries are not allowed after anchor on the same line", "锚点同一行不能接列表项"},
}

func yamlMessageChinese(msg string) string {
	for _, m := range yamlMessages {
		if strings.HasPrefix(msg, m.prefix) {
			return m.zh
		}
	}
	if strings.ContainsFunc(msg, func(r rune) bool { return r > unicode.MaxASCII }) {
		return "无法解析"
	}
	return "无法解析（" + excerpt(msg) + "）"
}

// looksLikeKey reports whether k could be a mistyped lexicon key: a short
// ASCII identifier.
func looksLikeKey(k string) bool {
	if k == "" || len(k) > 32 {
		return false
	}
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}
