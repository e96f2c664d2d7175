package lexicon

import (
	"bytes"
	"fmt"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// Limits on YAML read from lexicon and config files. go-yaml's memory grows
// quadratically with nesting (40,000 "[" took 2.5 GB), so both are checked
// by a cheap scan before parsing. Real files are far below them.
const (
	MaxYAMLSize  = 4 << 20 // bytes
	MaxYAMLDepth = 64      // nested collections, block and flow
)

// LimitError is YAML refused before parsing. YAMLError turns it into a
// file:line error.
type LimitError struct {
	Line int // 0 for the size limit
	Msg  string
}

func (e *LimitError) Error() string { return e.Msg }

// ParseYAML checks the size and nesting limits, then parses. Every caller
// that parses YAML from a user's file (lexicons, the config file) should use
// it instead of parser.ParseBytes.
func ParseYAML(data []byte) (*ast.File, error) {
	if err := CheckYAMLLimits(data); err != nil {
		return nil, err
	}
	return parser.ParseBytes(data, 0)
}

// CheckYAMLLimits reports YAML over MaxYAMLSize bytes or nested deeper than
// MaxYAMLDepth. The depth is an estimate that never undercounts plain
// nesting: indentation levels plus "- " markers plus open [ and { (outside
// quotes, comments and block scalars).
func CheckYAMLLimits(data []byte) error {
	if len(data) > MaxYAMLSize {
		return &LimitError{Msg: fmt.Sprintf("YAML 文件大小 %.1f MB 超过 %d MB 上限；词库或配置文件不应这么大，请检查是否选错了文件", float64(len(data))/(1<<20), MaxYAMLSize>>20)}
	}
	var (
		indents      []int // open block levels, strictly increasing
		flow         int   // open [ and {
		quote        byte  // open quoted scalar spanning lines
		scalar       = -1  // indent of the line that opened a block scalar
		lineNo       int
		prevNonSpace byte
	)
	for len(data) > 0 {
		lineNo++
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		line = bytes.TrimSuffix(line, []byte("\r"))
		indent := 0
		for indent < len(line) && line[indent] == ' ' {
			indent++
		}
		content := line[indent:]
		if scalar >= 0 {
			if len(bytes.TrimSpace(content)) == 0 || indent > scalar {
				continue
			}
			scalar = -1
		}
		if quote == 0 && flow == 0 {
			if len(content) == 0 || content[0] == '#' {
				continue
			}
			for len(indents) > 0 && indents[len(indents)-1] >= indent {
				indents = indents[:len(indents)-1]
			}
			indents = append(indents, indent)
		}
		depth := len(indents)
		valueStart := flow == 0 && quote == 0
		prevNonSpace = 0
		if flow > 0 {
			prevNonSpace = ','
		}
	scan:
		for i := 0; i < len(content); i++ {
			c := content[i]
			if quote != 0 {
				switch {
				case quote == '"' && c == '\\':
					i++
				case c == quote && quote == '\'' && i+1 < len(content) && content[i+1] == '\'':
					i++
				case c == quote:
					quote = 0
					prevNonSpace = c
				}
				continue
			}
			switch {
			case c == ' ' || c == '\t':
				continue
			case c == '#' && (i == 0 || content[i-1] == ' ' || content[i-1] == '\t'):
				break scan
			case (c == '"' || c == '\'') && (valueStart || (flow > 0 && bytes.IndexByte([]byte("[{,:"), prevNonSpace) >= 0)):
				quote, valueStart = c, false
				continue
			}
			switch {
			case flow > 0:
				switch c {
				case '[', '{':
					flow++
				case ']', '}':
					flow--
				}
			case valueStart && (c == '-' || c == '?') && (i+1 == len(content) || content[i+1] == ' '):
				depth++ // "- - x": each marker nests
			case valueStart && (c == '[' || c == '{'):
				flow = 1
			case valueStart && (c == '!' || c == '&'): // tag or anchor before a value
				for i+1 < len(content) && content[i+1] != ' ' {
					i++
				}
			case valueStart && c == '-' && bytes.HasPrefix(content[i:], []byte("---")):
				i += 2
			case c == ':' && (i+1 == len(content) || content[i+1] == ' '):
				valueStart = true
			default:
				valueStart = false
			}
			if flow < 0 {
				flow = 0
			}
			if depth+flow > MaxYAMLDepth {
				return &LimitError{Line: lineNo, Msg: fmt.Sprintf("YAML 嵌套超过 %d 层上限；请检查方括号、花括号是否成对，缩进是否正确", MaxYAMLDepth)}
			}
			prevNonSpace = c
		}
		if depth+flow > MaxYAMLDepth {
			return &LimitError{Line: lineNo, Msg: fmt.Sprintf("YAML 嵌套超过 %d 层上限；请检查缩进是否正确", MaxYAMLDepth)}
		}
		if flow == 0 && quote == 0 && isBlockIndicator(content) {
			scalar = indent
		}
	}
	return nil
}

// isBlockIndicator reports a line whose value is a block scalar header with
// chomping or indentation indicators: "key: |-", "- >2", "key: |+ # note".
func isBlockIndicator(content []byte) bool {
	if i := bytes.Index(content, []byte(" #")); i >= 0 {
		content = content[:i]
	}
	content = bytes.TrimRight(content, " \t")
	j := len(content)
	for j > 0 && len(content)-j < 2 && (content[j-1] == '-' || content[j-1] == '+' || (content[j-1] >= '1' && content[j-1] <= '9')) {
		j--
	}
	return j > 0 && (content[j-1] == '|' || content[j-1] == '>') && (j == 1 || content[j-2] == ' ')
}
