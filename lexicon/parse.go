// Parse of one lexicon file and source positions in its YAML AST.

package lexicon

import (
	"fmt"
	"strings"

	"github.com/goccy/go-yaml/ast"
)

// Parse decodes and validates one lexicon file. Entries keep their Disabled
// flags and the file's disable list; references to formulations defined in
// other files are checked by Load.
func Parse(name string, data []byte) (*Lexicon, error) {
	return parse(name, data)
}

func parse(name string, data []byte) (lex *Lexicon, err error) {
	defer func() {
		// goccy/go-yaml can panic on odd tagged nodes (terms: !!map {}).
		if r := recover(); r != nil {
			lex, err = nil, &Error{File: name, Line: 1, Msg: "值的类型与 YAML 标记（如 !!map）不符，无法解析"}
		}
	}()
	f, err := ParseYAML(data)
	if err != nil {
		return nil, YAMLError(name, err)
	}
	lex = &Lexicon{}
	if len(f.Docs) > 1 {
		return nil, &Error{File: name, Line: docLine(f.Docs[1]), Msg: "一个词库文件只能有一个 YAML 文档"}
	}
	if len(f.Docs) == 0 || f.Docs[0].Body == nil {
		return lex, nil
	}
	body := f.Docs[0].Body
	if _, ok := body.(*ast.NullNode); ok {
		return lex, nil
	}
	if _, ok := unwrap(body).(*ast.CommentNode); ok {
		return lex, nil
	}
	if e := notLexicon(name, body); e != nil {
		return nil, e
	}
	if err := DecodeStrict(body, lex); err != nil {
		return nil, decodeErrors(name, body, YAMLError(name, err)).err()
	}
	p := &positions{file: name, root: body}
	var errs Errors
	validate(lex, p, &errs)
	if err := errs.err(); err != nil {
		return nil, err
	}
	return lex, nil
}

func docLine(d *ast.DocumentNode) int {
	if d == nil {
		return 0
	}
	if d.Start != nil && d.Start.Position != nil {
		return d.Start.Position.Line
	}
	if d.Body != nil {
		return nodeLine(d.Body)
	}
	return 0
}

// positions finds source lines in one file's AST, by path of map keys and
// list indexes. It is consulted for SourceRefs and error messages only.
type positions struct {
	file string
	root ast.Node
}

func unwrap(n ast.Node) ast.Node {
	for {
		switch v := n.(type) {
		case *ast.TagNode:
			n = v.Value
		case *ast.AnchorNode:
			n = v.Value
		case *ast.DocumentNode:
			n = v.Body
		default:
			return n
		}
	}
}

func pairs(n ast.Node) []*ast.MappingValueNode {
	switch v := unwrap(n).(type) {
	case *ast.MappingNode:
		return v.Values
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{v}
	}
	return nil
}

func nodeLine(n ast.Node) int {
	if n == nil {
		return 0
	}
	if mv := pairs(n); len(mv) > 0 {
		n = mv[0].Key
	}
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		return tk.Position.Line
	}
	return 0
}

// line returns the line of the node at path (strings are map keys, ints
// list indexes); when the path ends early it returns the deepest line found.
func (p *positions) line(path ...any) int {
	if p == nil {
		return 0
	}
	n := p.root
	best := nodeLine(n)
	for _, step := range path {
		var next ast.Node
		switch s := step.(type) {
		case string:
			for _, mv := range pairs(n) {
				if k, ok := unwrap(mv.Key).(*ast.StringNode); ok && k.Value == s {
					if l := nodeLine(mv.Key); l > 0 {
						best = l
					}
					next = mv.Value
					break
				}
			}
		case int:
			if seq, ok := unwrap(n).(*ast.SequenceNode); ok && s < len(seq.Values) {
				next = seq.Values[s]
			}
		}
		if next == nil {
			return best
		}
		n = next
		if _, isSeq := step.(string); !isSeq || !isScalar(n) {
			if l := nodeLine(n); l > 0 {
				best = l
			}
		}
	}
	return best
}

func isScalar(n ast.Node) bool {
	switch unwrap(n).(type) {
	case *ast.MappingNode, *ast.MappingValueNode, *ast.SequenceNode:
		return false
	}
	return true
}

func (p *positions) ref(path ...any) string {
	return fmt.Sprintf("%s:%d", p.file, p.line(path...))
}

func (p *positions) errorf(errs *Errors, path []any, format string, args ...any) {
	*errs = append(*errs, &Error{File: p.file, Line: p.line(path...), Msg: fmt.Sprintf(format, args...)})
}

func refErr(ref, msg string) *Error {
	file, line := splitRef(ref)
	return &Error{File: file, Line: line, Msg: msg}
}

func splitRef(ref string) (string, int) {
	i := strings.LastIndexByte(ref, ':')
	if i < 0 {
		return ref, 0
	}
	n := 0
	for _, c := range ref[i+1:] {
		if c < '0' || c > '9' {
			return ref, 0
		}
		n = n*10 + int(c-'0')
	}
	return ref[:i], n
}
