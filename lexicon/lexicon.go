package lexicon

import (
	"embed"
	"errors"
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"

	"github.com/reportlint/reportlint/internal/safefile"
	"github.com/reportlint/reportlint/internal/termsafe"
)

//go:embed data/*.yaml
var dataFS embed.FS

// Error is one problem in a lexicon file, printed as 文件:行: 说明.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Errors lists every problem found in one load, one per line.
type Errors []*Error

func (es Errors) Error() string {
	s := make([]string, len(es))
	for i, e := range es {
		s[i] = e.Error()
	}
	return strings.Join(s, "\n")
}

func (es Errors) err() error {
	if len(es) == 0 {
		return nil
	}
	// Files in the order they were reported, lines ascending within each.
	rank := map[string]int{}
	for _, e := range es {
		if _, ok := rank[e.File]; !ok {
			rank[e.File] = len(rank)
		}
	}
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].File != es[j].File {
			return rank[es[i].File] < rank[es[j].File]
		}
		return es[i].Line < es[j].Line
	})
	return es
}

var (
	defaultOnce sync.Once
	defaultLex  *Lexicon
	defaultErr  error
)

// Default returns the built-in lexicon. It is parsed once and shared: callers
// must not modify it.
func Default() (*Lexicon, error) {
	defaultOnce.Do(func() { defaultLex, defaultErr = loadDefault() })
	return defaultLex, defaultErr
}

// loadDefault returns the generated snapshot of the built-in lexicon when it
// matches the embedded YAML and the current types, else parses the YAML.
// Parsing costs several milliseconds; the snapshot costs a hash.
func loadDefault() (*Lexicon, error) {
	if builtinSnapshot != nil {
		if h, err := builtinHash(); err == nil && h == builtinSnapshotHash {
			return builtinSnapshot, nil
		}
	}
	return loadBuiltin()
}

func loadBuiltin() (*Lexicon, error) {
	names, err := dataFS.ReadDir("data")
	if err != nil {
		return nil, err
	}
	var errs Errors
	var files []*Lexicon
	for _, de := range names {
		if de.IsDir() || path.Ext(de.Name()) != ".yaml" {
			continue
		}
		name := "data/" + de.Name()
		data, err := dataFS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		l, err := parse("lexicon/"+name, data)
		if err != nil {
			errs = appendErr(errs, err)
			continue
		}
		files = append(files, l)
	}
	if len(errs) > 0 {
		return nil, errs.err()
	}
	lex := combine(files, &errs)
	for _, f := range files {
		for i, id := range f.Disable {
			errs = append(errs, refErr(f.disableRefs[i], fmt.Sprintf("内置词库不能使用 disable（%q）", id)))
		}
	}
	checkRefs(lex, &errs)
	if err := errs.err(); err != nil {
		return nil, err
	}
	return lex, nil
}

// Load returns the built-in lexicon merged with the user files in order: an
// entry with a new id is added, one with a built-in id replaces it, one with
// disabled: true (or an id in a top-level disable list) removes it.
func Load(userFiles ...string) (*Lexicon, error) {
	base, err := Default()
	if err != nil {
		return nil, err
	}
	if len(userFiles) == 0 {
		return base, nil
	}
	var errs Errors
	lex := base.clone()
	known := map[string]bool{} // every formulation id defined anywhere
	for i := range base.Formulations {
		known[base.Formulations[i].ID] = true
	}
	for _, name := range userFiles {
		data, err := safefile.ReadRegular(name, MaxYAMLSize)
		if err != nil {
			errs = append(errs, &Error{File: name, Msg: "无法读取词库文件：" + err.Error()})
			continue
		}
		over, err := Parse(name, data)
		if err != nil {
			errs = appendErr(errs, err)
			continue
		}
		for i := range over.Formulations {
			known[over.Formulations[i].ID] = true
		}
		lex = merge(lex, over, &errs)
	}
	dropDisabledRefs(lex, known)
	checkRefs(lex, &errs)
	if err := errs.err(); err != nil {
		return nil, err
	}
	return lex, nil
}

// dropDisabledRefs removes from profiles the formulations a user file
// disabled: disabling a formulation also stops requiring it.
func dropDisabledRefs(l *Lexicon, known map[string]bool) {
	have := make(map[string]bool, len(l.Formulations))
	for i := range l.Formulations {
		have[l.Formulations[i].ID] = true
	}
	for i := range l.Profiles {
		p := &l.Profiles[i]
		var ids, refs []string
		changed := false
		for j, id := range p.Formulations {
			if !have[id] && known[id] {
				changed = true
				continue
			}
			ids = append(ids, id)
			if j < len(p.refs) {
				refs = append(refs, p.refs[j])
			}
		}
		if changed {
			p.Formulations, p.refs = ids, refs
		}
	}
}

func appendErr(errs Errors, err error) Errors {
	var es Errors
	if errors.As(err, &es) {
		return append(errs, es...)
	}
	var e *Error
	if errors.As(err, &e) {
		return append(errs, e)
	}
	return append(errs, &Error{Msg: err.Error()})
}

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

var (
	reUnknownField = lazyRegexp(`unknown field "(.*)"`)
	reDupKey       = lazyRegexp(`duplicate key "(.*)"`)
	reDupMapKey    = lazyRegexp(`mapping key "(.*)" already defined at \[(\d+):\d+\]`)
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

var reID = lazyRegexp(`^[a-z0-9][a-z0-9-]*$`)

// DateKey turns YYYY-MM or YYYY-MM-DD into year*100+month; 0 if invalid.
func DateKey(s string) int {
	y, m, ok := parseDate(s)
	if !ok {
		return 0
	}
	return y*100 + m
}

var daysIn = [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func parseDate(s string) (y, m int, ok bool) {
	if len(s) != 7 && len(s) != 10 {
		return 0, 0, false
	}
	num := func(t string) (int, bool) {
		n := 0
		for _, c := range []byte(t) {
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	if s[4] != '-' {
		return 0, 0, false
	}
	y, ok1 := num(s[:4])
	m, ok2 := num(s[5:7])
	if !ok1 || !ok2 || y < 1900 || m < 1 || m > 12 {
		return 0, 0, false
	}
	if len(s) == 10 {
		if s[7] != '-' {
			return 0, 0, false
		}
		d, ok := num(s[8:])
		if !ok || d < 1 || d > daysIn[m] || (m == 2 && d == 29 && !(y%4 == 0 && (y%100 != 0 || y%400 == 0))) {
			return 0, 0, false
		}
	}
	return y, m, true
}

func validSeverity(s string) bool {
	return s == "" || s == "error" || s == "warning" || s == "info"
}

// idSeen records ids of one kind within one file or the built-in set.
type idSeen map[string]string

func (s idSeen) check(p *positions, errs *Errors, kind, id string, path []any) {
	if id == "" {
		p.errorf(errs, path, "%s条目缺少 id", kind)
		return
	}
	if !reID().MatchString(id) {
		p.errorf(errs, append(path, "id"), "id %q 不合法：只能用小写字母、数字和连字符，且以字母或数字开头", id)
		return
	}
	if prev, ok := s[id]; ok {
		p.errorf(errs, append(path, "id"), "重复的 id %q（已在 %s 定义）", id, prev)
		return
	}
	s[id] = p.ref(path...)
}

func checkDate(p *positions, errs *Errors, field, s string, path []any) {
	if _, _, ok := parseDate(s); !ok {
		p.errorf(errs, path, "%s %q 不是合法日期：应为 YYYY-MM 或 YYYY-MM-DD", field, s)
	}
}

func checkSeverity(p *positions, errs *Errors, s string, path []any) {
	if !validSeverity(s) {
		p.errorf(errs, path, "severity %q 不合法：应为 error、warning 或 info", s)
	}
}

func nonEmpty(s string) bool { return strings.TrimSpace(s) != "" }

// validate checks one parsed file and fills SourceRefs.
func validate(l *Lexicon, p *positions, errs *Errors) {
	seen := idSeen{}
	for i := range l.Formulations {
		f := &l.Formulations[i]
		at := []any{"formulations", i}
		f.SourceRef = p.ref(at...)
		seen.check(p, errs, "formulations ", f.ID, at)
		if f.Disabled {
			continue
		}
		if !nonEmpty(f.Text) {
			p.errorf(errs, at, "提法 %q 缺少 text", f.ID)
		}
		for j, m := range f.Members {
			if !nonEmpty(m) {
				p.errorf(errs, []any{"formulations", i, "members", j}, "提法 %q 的第 %d 个成员为空", f.ID, j+1)
			}
		}
		for j, a := range f.Aliases {
			if !nonEmpty(a) {
				p.errorf(errs, []any{"formulations", i, "aliases", j}, "提法 %q 的第 %d 个别名为空", f.ID, j+1)
			}
		}
		for j, w := range f.Wrong {
			wp := []any{"formulations", i, "wrong", j}
			if !nonEmpty(w.Text) {
				p.errorf(errs, wp, "提法 %q 的错误写法缺少 text", f.ID)
			}
			if !nonEmpty(w.Correction) {
				p.errorf(errs, wp, "提法 %q 的错误写法 %q 缺少 correction", f.ID, w.Text)
			}
			checkSeverity(p, errs, w.Severity, append(wp, "severity"))
			if w.Since != "" {
				checkDate(p, errs, "since", w.Since, append(wp, "since"))
			}
		}
		if f.Since != "" {
			checkDate(p, errs, "since", f.Since, append(at, "since"))
		}
		for j, c := range f.Changed {
			cp := []any{"formulations", i, "changed", j}
			checkDate(p, errs, "date", c.Date, append(cp, "date"))
			if !nonEmpty(c.Old) || !nonEmpty(c.New) {
				p.errorf(errs, cp, "提法 %q 的 changed 需要 old 和 new", f.ID)
			}
		}
		checkSeverity(p, errs, f.Severity, append(at, "severity"))
	}
	seen = idSeen{}
	for i := range l.Profiles {
		pr := &l.Profiles[i]
		at := []any{"profiles", i}
		pr.SourceRef = p.ref(at...)
		seen.check(p, errs, "profiles ", pr.ID, at)
		pr.refs = make([]string, len(pr.Formulations))
		for j := range pr.Formulations {
			pr.refs[j] = p.ref("profiles", i, "formulations", j)
		}
		if pr.Disabled {
			continue
		}
		if !nonEmpty(pr.Name) {
			p.errorf(errs, at, "文种 %q 缺少 name", pr.ID)
		}
		for j, w := range pr.TitleWords {
			if !nonEmpty(w) {
				p.errorf(errs, []any{"profiles", i, "title_words", j}, "文种 %q 的 title_words 第 %d 项为空", pr.ID, j+1)
			}
		}
		sec := idSeen{}
		for j, s := range pr.Sections {
			sp := []any{"profiles", i, "sections", j}
			sec.check(p, errs, "sections ", s.ID, sp)
			if len(s.Keywords) == 0 {
				p.errorf(errs, sp, "章节 %q 缺少 keywords", s.ID)
			}
			for k, kw := range s.Keywords {
				if !nonEmpty(kw) {
					p.errorf(errs, append(sp, "keywords", k), "章节 %q 的 keywords 第 %d 项为空", s.ID, k+1)
				}
			}
		}
	}
	seen = idSeen{}
	for i := range l.Events {
		e := &l.Events[i]
		at := []any{"events", i}
		e.SourceRef = p.ref(at...)
		seen.check(p, errs, "events ", e.ID, at)
		if e.Disabled {
			continue
		}
		if len(e.Names) == 0 {
			p.errorf(errs, at, "事件 %q 缺少 names", e.ID)
		}
		for j, n := range e.Names {
			if !nonEmpty(n) {
				p.errorf(errs, []any{"events", i, "names", j}, "事件 %q 的第 %d 个名称为空", e.ID, j+1)
			}
		}
		checkDate(p, errs, "date", e.Date, append(at, "date"))
	}
	seen = idSeen{}
	for i := range l.Terms {
		t := &l.Terms[i]
		at := []any{"terms", i}
		t.SourceRef = p.ref(at...)
		seen.check(p, errs, "terms ", t.ID, at)
		if !t.Disabled && !nonEmpty(t.Text) {
			p.errorf(errs, at, "词条 %q 缺少 text", t.ID)
		}
	}
	seen = idSeen{}
	for i := range l.Units {
		u := &l.Units[i]
		at := []any{"units", i}
		u.SourceRef = p.ref(at...)
		seen.check(p, errs, "units ", u.ID, at)
		if !u.Disabled && !nonEmpty(u.Text) {
			p.errorf(errs, at, "单位 %q 缺少 text", u.ID)
		}
	}
	seen = idSeen{}
	for i := range l.Words {
		w := &l.Words[i]
		at := []any{"words", i}
		w.SourceRef = p.ref(at...)
		seen.check(p, errs, "words ", w.ID, at)
		if w.Disabled {
			continue
		}
		if !nonEmpty(w.Wrong) || !nonEmpty(w.Correction) {
			p.errorf(errs, at, "用词规则 %q 需要 wrong 和 correction", w.ID)
		}
		checkSeverity(p, errs, w.Severity, append(at, "severity"))
	}
	validateTypos(l, p, errs)
	validateLists(p, l, errs)
	l.disableRefs = make([]string, len(l.Disable))
	for i, id := range l.Disable {
		l.disableRefs[i] = p.ref("disable", i)
		if !reID().MatchString(id) {
			p.errorf(errs, []any{"disable", i}, "disable 中的 id %q 不合法", id)
		}
	}
}

// combine concatenates the built-in files; an id defined twice is an error.
func combine(files []*Lexicon, errs *Errors) *Lexicon {
	out := &Lexicon{}
	for _, f := range files {
		out.Formulations = append(out.Formulations, f.Formulations...)
		out.Profiles = append(out.Profiles, f.Profiles...)
		out.Events = append(out.Events, f.Events...)
		out.Terms = append(out.Terms, f.Terms...)
		out.Units = append(out.Units, f.Units...)
		out.Words = append(out.Words, f.Words...)
		out.Lists = append(out.Lists, f.Lists...)
	}
	out.Formulations = dropDisabled(out.Formulations, dupCheck(out.Formulations, keyFormulation, errs))
	out.Profiles = dropDisabled(out.Profiles, dupCheck(out.Profiles, keyProfile, errs))
	out.Events = dropDisabled(out.Events, dupCheck(out.Events, keyEvent, errs))
	out.Terms = dropDisabled(out.Terms, dupCheck(out.Terms, keyTerm, errs))
	out.Units = dropDisabled(out.Units, dupCheck(out.Units, keyUnit, errs))
	out.Words = dropDisabled(out.Words, dupCheck(out.Words, keyWord, errs))
	combineTypos(out, files, errs)
	out.Lists = sortLists(dropDisabled(out.Lists, dupCheck(out.Lists, keyList, errs)))
	return out
}

// dupCheck reports ids defined twice across files and returns which entries
// to drop (the disabled ones).
func dupCheck[T any](es []T, key entryKey[T], errs *Errors) []bool {
	seen := make(map[string]string, len(es))
	drop := make([]bool, len(es))
	for i := range es {
		id, ref, disabled := key(&es[i])
		if prev, ok := seen[id]; ok {
			*errs = append(*errs, refErr(ref, fmt.Sprintf("重复的 id %q（已在 %s 定义）", id, prev)))
		}
		seen[id] = ref
		drop[i] = disabled
	}
	return drop
}

func dropDisabled[T any](es []T, drop []bool) []T {
	out := es[:0]
	for i := range es {
		if !drop[i] {
			out = append(out, es[i])
		}
	}
	return out
}

// clone copies the entry slices so a merge never writes into a shared value.
func (l *Lexicon) clone() *Lexicon {
	return &Lexicon{
		Formulations: append([]Formulation(nil), l.Formulations...),
		Profiles:     append([]Profile(nil), l.Profiles...),
		Events:       append([]Event(nil), l.Events...),
		Terms:        append([]Term(nil), l.Terms...),
		Units:        append([]Unit(nil), l.Units...),
		Words:        append([]WordRule(nil), l.Words...),
		Typos:        append([]TypoList(nil), l.Typos...),
		Lists:        append([]WordList(nil), l.Lists...),
	}
}

type entryKey[T any] func(*T) (id, ref string, disabled bool)

// mergeKind applies one file's entries of one kind over base.
func mergeKind[T any](base, over []T, key entryKey[T], kind string, errs *Errors) []T {
	index := make(map[string]int, len(base))
	for i := range base {
		id, _, _ := key(&base[i])
		index[id] = i
	}
	removed := make(map[int]bool)
	for i := range over {
		id, ref, disabled := key(&over[i])
		j, ok := index[id]
		switch {
		case disabled && !ok:
			*errs = append(*errs, refErr(ref, fmt.Sprintf("要停用的%s %q 不存在", kind, id)))
		case disabled:
			removed[j] = true
		case ok:
			base[j] = over[i]
			delete(removed, j)
		default:
			index[id] = len(base)
			base = append(base, over[i])
		}
	}
	if len(removed) == 0 {
		return base
	}
	out := base[:0]
	for i := range base {
		if !removed[i] {
			out = append(out, base[i])
		}
	}
	return out
}

func removeIDs[T any](es []T, key entryKey[T], ids map[string]bool, hit map[string]bool) []T {
	out := es[:0]
	for i := range es {
		id, _, _ := key(&es[i])
		if ids[id] {
			hit[id] = true
			continue
		}
		out = append(out, es[i])
	}
	return out
}

var (
	keyFormulation = func(e *Formulation) (string, string, bool) { return e.ID, e.SourceRef, e.Disabled }
	keyProfile     = func(e *Profile) (string, string, bool) { return e.ID, e.SourceRef, e.Disabled }
	keyEvent       = func(e *Event) (string, string, bool) { return e.ID, e.SourceRef, e.Disabled }
	keyTerm        = func(e *Term) (string, string, bool) { return e.ID, e.SourceRef, e.Disabled }
	keyUnit        = func(e *Unit) (string, string, bool) { return e.ID, e.SourceRef, e.Disabled }
	keyWord        = func(e *WordRule) (string, string, bool) { return e.ID, e.SourceRef, e.Disabled }
	keyList        = func(e *WordList) (string, string, bool) { return e.ID, e.SourceRef, e.Disabled }
)

// merge applies one user file over lex (which it owns and may modify).
func merge(lex, over *Lexicon, errs *Errors) *Lexicon {
	lex.Formulations = mergeKind(lex.Formulations, over.Formulations, keyFormulation, "提法", errs)
	lex.Profiles = mergeKind(lex.Profiles, over.Profiles, keyProfile, "文种", errs)
	lex.Events = mergeKind(lex.Events, over.Events, keyEvent, "事件", errs)
	lex.Terms = mergeKind(lex.Terms, over.Terms, keyTerm, "词条", errs)
	lex.Units = mergeKind(lex.Units, over.Units, keyUnit, "单位", errs)
	lex.Words = mergeKind(lex.Words, over.Words, keyWord, "用词规则", errs)
	lex.Typos = mergeKind(lex.Typos, over.Typos, keyTypoList, "错别字词表", errs)
	lex.Lists = sortLists(extendLists(lex.Lists, over.Lists, errs))
	if len(over.Disable) == 0 {
		return lex
	}
	ids := make(map[string]bool, len(over.Disable))
	for _, id := range over.Disable {
		ids[id] = true
	}
	hit := map[string]bool{}
	lex.Formulations = removeIDs(lex.Formulations, keyFormulation, ids, hit)
	lex.Profiles = removeIDs(lex.Profiles, keyProfile, ids, hit)
	lex.Events = removeIDs(lex.Events, keyEvent, ids, hit)
	lex.Terms = removeIDs(lex.Terms, keyTerm, ids, hit)
	lex.Units = removeIDs(lex.Units, keyUnit, ids, hit)
	lex.Words = removeIDs(lex.Words, keyWord, ids, hit)
	lex.Typos = removeIDs(lex.Typos, keyTypoList, ids, hit)
	lex.Lists = removeIDs(lex.Lists, keyList, ids, hit)
	for i, id := range over.Disable {
		if !hit[id] && reID().MatchString(id) {
			*errs = append(*errs, refErr(over.disableRefs[i], fmt.Sprintf("disable 中的 id %q 不存在", id)))
		}
	}
	return lex
}

// checkRefs verifies that profiles name existing formulations.
func checkRefs(l *Lexicon, errs *Errors) {
	ids := make(map[string]bool, len(l.Formulations))
	for i := range l.Formulations {
		ids[l.Formulations[i].ID] = true
	}
	for i := range l.Profiles {
		p := &l.Profiles[i]
		for j, id := range p.Formulations {
			if ids[id] {
				continue
			}
			ref := p.SourceRef
			if j < len(p.refs) {
				ref = p.refs[j]
			}
			*errs = append(*errs, refErr(ref, fmt.Sprintf("文种 %q 引用的提法 %q 不存在", p.ID, id)))
		}
	}
}

// Formulation returns the formulation with the id, or nil.
func (l *Lexicon) Formulation(id string) *Formulation {
	for i := range l.Formulations {
		if l.Formulations[i].ID == id {
			return &l.Formulations[i]
		}
	}
	return nil
}

// maxSegmentTerm bounds the texts offered to the segmenter as whole words:
// long clauses (两个确立's members) are matched by checks, not kept whole.
const maxSegmentTerm = 12

// SegmentTerms returns every text the segmenter must keep whole: formulation
// texts, aliases, members, wrong forms and corrections, term texts and event
// names. Texts with
// punctuation or longer than maxSegmentTerm characters are left out.
func (l *Lexicon) SegmentTerms() []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		s = strings.TrimSpace(s)
		if s == "" || seen[s] || utf8.RuneCountInString(s) > maxSegmentTerm || strings.ContainsAny(s, "、，,；;：:。“”\"（）() 《》") {
			return
		}
		seen[s] = true
		out = append(out, s)
	}
	for i := range l.Formulations {
		f := &l.Formulations[i]
		add(f.Text)
		for _, a := range f.Aliases {
			add(a)
		}
		for _, m := range f.Members {
			add(m)
		}
		for _, w := range f.Wrong {
			add(w.Text)
			add(w.Correction)
		}
	}
	for i := range l.Terms {
		add(l.Terms[i].Text)
	}
	for i := range l.Events {
		for _, n := range l.Events[i].Names {
			add(n)
		}
	}
	return out
}

// lazyRegexp compiles expr on first use, not at start.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
