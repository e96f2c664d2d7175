package lexicon

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/goccy/go-yaml/ast"
)

// decodeErrors re-decodes a file whose strict decoding failed entry by
// entry, so that every bad key and entry is reported, not only the first.
// It returns first when it finds nothing more precise.
func decodeErrors(name string, body ast.Node, first *Error) Errors {
	var pairs []*ast.MappingValueNode
	switch m := unwrap(body).(type) {
	case *ast.MappingNode:
		pairs = m.Values
	case *ast.MappingValueNode:
		pairs = []*ast.MappingValueNode{m}
	default:
		return Errors{first}
	}
	fields := map[string]reflect.Type{}
	t := reflect.TypeOf(Lexicon{})
	for i := 0; i < t.NumField(); i++ {
		if tag, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); tag != "" && tag != "-" {
			fields[tag] = t.Field(i).Type
		}
	}
	var errs Errors
	for _, p := range pairs {
		key := p.Key.String()
		ft, ok := fields[key]
		if !ok {
			errs = append(errs, &Error{File: name, Line: nodeLine(p.Key), Msg: fmt.Sprintf("未知字段 %q", excerpt(key))})
			continue
		}
		seq, ok := unwrap(p.Value).(*ast.SequenceNode)
		if !ok || ft.Kind() != reflect.Slice {
			v := reflect.New(ft)
			if err := DecodeStrict(p.Value, v.Interface()); err != nil {
				errs = append(errs, YAMLError(name, err))
			}
			continue
		}
		for _, item := range seq.Values {
			v := reflect.New(ft.Elem())
			if err := DecodeStrict(item, v.Interface()); err != nil {
				errs = append(errs, YAMLError(name, err))
			}
		}
	}
	if len(errs) == 0 {
		return Errors{first}
	}
	return errs
}
