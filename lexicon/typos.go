package lexicon

import (
	"strings"
	"unicode/utf8"
)

// Typo kinds (TypoList.Kind).
const (
	TypoKindList       = "list"       // 形近、音近别字
	TypoKindRedundant  = "redundant"  // 语义重复
	TypoKindConfusable = "confusable" // 易混用词
)

// TypoGap marks a gap in a wrong form (大约…左右): up to a few characters
// holding a number. A correction keeps the gap's text where its own TypoGap is.
const TypoGap = "…"

// TypoList is one list of miswritten words taken from one source
// (data/typos.yaml). Lists merge by id like every other entry. Across lists,
// in order (built-in first, then user files), a later entry for the same
// wrong form replaces an earlier one, and an entry with Disabled set removes
// it.
type TypoList struct {
	ID        string      `yaml:"id"`
	Source    string      `yaml:"source"`             // the published reference the list is drawn from
	Kind      string      `yaml:"kind,omitempty"`     // TypoKindList (default), TypoKindRedundant, TypoKindConfusable
	Severity  string      `yaml:"severity,omitempty"` // default for the entries: error = wrong in every context
	Note      string      `yaml:"note,omitempty"`     // default note for the entries
	Entries   []TypoEntry `yaml:"entries"`
	Disabled  bool        `yaml:"disabled,omitempty"`
	SourceRef string      `yaml:"-"`
}

// TypoEntry is one wrong form with its only correction.
type TypoEntry struct {
	Wrong      string `yaml:"wrong"`
	Correction string `yaml:"correction,omitempty"`
	Note       string `yaml:"note,omitempty"`
	Severity   string `yaml:"severity,omitempty"` // overrides the list's
	Disabled   bool   `yaml:"disabled,omitempty"`
	SourceRef  string `yaml:"-"`
}

var keyTypoList = func(e *TypoList) (string, string, bool) { return e.ID, e.SourceRef, e.Disabled }

// maxTypoRunes bounds a wrong form's length (the detector's window).
const maxTypoRunes = 16

// validateTypos checks the typos lists of one file and fills SourceRefs.
func validateTypos(l *Lexicon, p *positions, errs *Errors) {
	seen := idSeen{}
	for i := range l.Typos {
		t := &l.Typos[i]
		at := []any{"typos", i}
		t.SourceRef = p.ref(at...)
		seen.check(p, errs, "typos ", t.ID, at)
		if t.Disabled {
			continue
		}
		switch t.Kind {
		case "", TypoKindList, TypoKindRedundant, TypoKindConfusable:
		default:
			p.errorf(errs, append(at, "kind"), "错别字词表 %q 的 kind %q 不合法：应为 list、redundant 或 confusable", t.ID, t.Kind)
		}
		checkSeverity(p, errs, t.Severity, append(at, "severity"))
		wrongs := map[string]int{}
		for j := range t.Entries {
			e := &t.Entries[j]
			ep := []any{"typos", i, "entries", j}
			e.SourceRef = p.ref(ep...)
			w := strings.TrimSpace(e.Wrong)
			switch {
			case w == "":
				p.errorf(errs, ep, "错别字词表 %q 的第 %d 项缺少 wrong", t.ID, j+1)
				continue
			case utf8.RuneCountInString(w) > maxTypoRunes:
				p.errorf(errs, ep, "错别字词表 %q 的 %q 过长：wrong 最多 %d 个字", t.ID, w, maxTypoRunes)
			case strings.Count(w, TypoGap) > 1 || strings.HasPrefix(w, TypoGap) || strings.HasSuffix(w, TypoGap):
				p.errorf(errs, ep, "错别字词表 %q 的 %q：“%s”只能出现一次，且不能在开头或结尾", t.ID, w, TypoGap)
			}
			if prev, ok := wrongs[w]; ok {
				p.errorf(errs, ep, "错别字词表 %q 中 %q 重复（已在第 %d 项）", t.ID, w, prev)
			}
			wrongs[w] = j + 1
			checkSeverity(p, errs, e.Severity, append(ep, "severity"))
			if e.Disabled {
				continue
			}
			c := strings.TrimSpace(e.Correction)
			switch {
			case c == "":
				p.errorf(errs, ep, "错别字词表 %q 的 %q 缺少 correction", t.ID, w)
			case c == w:
				p.errorf(errs, ep, "错别字词表 %q 的 %q：correction 与 wrong 相同", t.ID, w)
			case strings.Contains(w, TypoGap) != strings.Contains(c, TypoGap):
				p.errorf(errs, ep, "错别字词表 %q 的 %q：wrong 与 correction 必须都有或都没有“%s”", t.ID, w, TypoGap)
			}
		}
	}
}

// combineTypos adds the built-in files' lists to out; an id defined twice is
// an error.
func combineTypos(out *Lexicon, files []*Lexicon, errs *Errors) {
	for _, f := range files {
		out.Typos = append(out.Typos, f.Typos...)
	}
	out.Typos = dropDisabled(out.Typos, dupCheck(out.Typos, keyTypoList, errs))
}
