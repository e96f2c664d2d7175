package lexicon

import (
	"fmt"
	"sort"
)

// extendLists applies a file's lists: a known id gains the file's words
// (the built-in list is extended, not replaced), disabled removes it.
func extendLists(base, over []WordList, errs *Errors) []WordList {
	for _, o := range over {
		j := -1
		for i := range base {
			if base[i].ID == o.ID {
				j = i
			}
		}
		switch {
		case j < 0 && o.Disabled:
			*errs = append(*errs, refErr(o.SourceRef, fmt.Sprintf("要停用的词表 %q 不存在", o.ID)))
		case j < 0:
			base = append(base, o)
		case o.Disabled:
			base = append(base[:j:j], base[j+1:]...)
		default:
			w := base[j]
			w.Words = append(append([]string(nil), w.Words...), o.Words...)
			base[j] = w
		}
	}
	return base
}

// sortLists orders each list's words longest first (stable, so equal
// lengths keep file order) and drops repeats, for prefix scans.
func sortLists(ls []WordList) []WordList {
	for i := range ls {
		seen := map[string]bool{}
		words := make([]string, 0, len(ls[i].Words))
		for _, w := range ls[i].Words {
			if !seen[w] {
				seen[w] = true
				words = append(words, w)
			}
		}
		sort.SliceStable(words, func(a, b int) bool { return len([]rune(words[a])) > len([]rune(words[b])) })
		ls[i].Words = words
	}
	return ls
}

// validateLists checks the lists of one file.
func validateLists(p *positions, l *Lexicon, errs *Errors) {
	seen := idSeen{}
	for i := range l.Lists {
		w := &l.Lists[i]
		at := []any{"lists", i}
		w.SourceRef = p.ref(at...)
		seen.check(p, errs, "lists ", w.ID, at)
		if w.Disabled {
			continue
		}
		if len(w.Words) == 0 {
			p.errorf(errs, at, "词表 %q 缺少 words", w.ID)
		}
		for j, word := range w.Words {
			if !nonEmpty(word) {
				p.errorf(errs, append(at, "words", j), "词表 %q 含空词", w.ID)
			}
		}
	}
}
