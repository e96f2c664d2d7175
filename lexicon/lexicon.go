// Lexicon errors, Default, Load and the read-only API of a loaded lexicon.

package lexicon

import (
	"embed"
	"errors"
	"fmt"
	"path"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/safefile"
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
