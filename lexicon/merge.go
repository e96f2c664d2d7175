// Combining built-in files and merging user files over the built-in lexicon.

package lexicon

import (
	"fmt"
)

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
