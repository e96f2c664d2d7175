// Translation of go-yaml decode errors into Chinese 文件:行: 说明 messages.

package lexicon

import (
	"errors"
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"

	"github.com/reportlint/reportlint/internal/lazy"
	"github.com/reportlint/reportlint/internal/termsafe"
)

var (
	reUnknownField = lazy.Regexp(`unknown field "(.*)"`)
	reDupKey       = lazy.Regexp(`duplicate key "(.*)"`)
	reDupMapKey    = lazy.Regexp(`mapping key "(.*)" already defined at \[(\d+):\d+\]`)
)

// DecodeStrict decodes a YAML node into v, rejecting unknown fields. go-yaml
// panics on some tag/type mismatches (terms: !!map {}); that becomes an error.
func DecodeStrict(body ast.Node, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New("值的类型与 YAML 标记（如 !!map）不符，无法解析")
		}
	}()
	return yaml.NodeToValue(body, v, yaml.Strict())
}

// YAMLError turns a go-yaml error into 文件:行: 说明 (the config file's
// errors use it too).
func YAMLError(name string, err error) *Error {
	var le *LimitError
	if errors.As(err, &le) {
		return &Error{File: name, Line: le.Line, Msg: le.Msg}
	}
	var ye yaml.Error
	if !errors.As(err, &ye) {
		return &Error{File: name, Msg: "YAML 错误：" + err.Error()}
	}
	line := 0
	if tk := ye.GetToken(); tk != nil && tk.Position != nil {
		line = tk.Position.Line
	}
	var (
		uf *yaml.UnknownFieldError
		dk *yaml.DuplicateKeyError
		te *yaml.TypeError
		oe *yaml.OverflowError
		ne *yaml.UnexpectedNodeTypeError
	)
	var msg string
	switch {
	case errors.As(err, &uf):
		msg = "未知字段"
		if m := reUnknownField().FindStringSubmatch(uf.Message); m != nil {
			msg += fmt.Sprintf(" %q", excerpt(m[1]))
		}
	case errors.As(err, &dk):
		msg = "重复的键"
		if m := reDupKey().FindStringSubmatch(dk.Message); m != nil {
			msg += fmt.Sprintf(" %q", excerpt(m[1]))
		}
	case errors.As(err, &te):
		msg = "值的类型不对"
		if tk := te.Token; tk != nil && tk.Value != "" && !strings.Contains("[{-", tk.Value) {
			msg = fmt.Sprintf("值 %q 的类型不对", excerpt(tk.Value))
		}
		if te.DstType != nil {
			msg += "：应为" + kindName(te.DstType.Kind().String())
		}
	case errors.As(err, &oe):
		msg = fmt.Sprintf("数值 %s 超出范围", oe.SrcNum)
	case errors.As(err, &ne):
		msg = fmt.Sprintf("结构不对：应为%s，实为%s", nodeTypeName(ne.Expected), nodeTypeName(ne.Actual))
	default:
		if m := reDupMapKey().FindStringSubmatch(ye.GetMessage()); m != nil {
			msg = fmt.Sprintf("重复的键 %q（已在第 %s 行）", excerpt(m[1]), m[2])
			break
		}
		msg = "YAML 语法错误：" + termsafe.Excerpt(yamlMessageChinese(ye.GetMessage()), 120)
	}
	return &Error{File: name, Line: line, Msg: msg}
}

func kindName(k string) string {
	switch k {
	case "string":
		return "字符串"
	case "bool":
		return "布尔值（true/false）"
	case "slice":
		return "列表"
	case "struct", "map":
		return "映射（键: 值）"
	case "float64", "float32":
		return "数值"
	case "int", "int64":
		return "整数"
	}
	return k
}

func nodeTypeName(t ast.NodeType) string {
	switch t {
	case ast.MappingType, ast.MappingValueType:
		return "映射（键: 值）"
	case ast.SequenceType:
		return "列表"
	case ast.StringType:
		return "字符串"
	}
	return t.String()
}
