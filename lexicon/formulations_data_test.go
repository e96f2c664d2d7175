package lexicon

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// Data checks for the built-in formulations and wording rules (issue 12
// item 3). Each check returns its problems so that it can be tested on
// deliberately bad data too.

// cnDigits are the Chinese numerals a numbered formulation starts with.
var cnDigits = map[rune]int{'一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// cnClassifiers follow the numeral in a numbered formulation (四个意识,
// 三大攻坚战, 四项基本原则, 四种危险, 五篇大文章, 五位一体).
const cnClassifiers = "个大项种条篇位"

// cnNumeral reads a Chinese numeral below 100 at the start of s and returns
// its value and byte length; 0, 0 when s does not start with one.
func cnNumeral(s string) (int, int) {
	val, cur, n := 0, 0, 0
	for i, r := range s {
		switch d, ok := cnDigits[r]; {
		case ok:
			if cur != 0 {
				return 0, 0 // 二三: not a numeral
			}
			cur = d
		case r == '十':
			if val != 0 {
				return 0, 0
			}
			if cur == 0 {
				cur = 1
			}
			val, cur = cur*10, 0
		default:
			return val + cur, i
		}
		n = i + utf8.RuneLen(r)
	}
	return val + cur, n
}

// numberedCount returns the number of members a text such as 四个意识 or
// 四个革命、一个合作 announces: the sum of every numeral directly followed by
// a classifier. ok is false when the text does not start with one.
func numberedCount(text string) (count int, ok bool) {
	for i := 0; i < len(text); {
		v, n := cnNumeral(text[i:])
		if n == 0 {
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i+n:])
		if v > 0 && strings.ContainsRune(cnClassifiers, r) {
			if i == 0 {
				ok = true
			}
			count += v
			i += n + size
			continue
		}
		i += n
	}
	return count, ok
}

var reSinceMonth = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])$`)

// correctForms lists the texts of a formulation that are right wherever
// they occur: text, aliases, members, corrections and new wordings.
func correctForms(f *Formulation) []string {
	out := append([]string{f.Text}, f.Aliases...)
	out = append(out, f.Members...)
	for _, w := range f.Wrong {
		out = append(out, w.Correction)
	}
	for _, c := range f.Changed {
		out = append(out, c.New)
	}
	return out
}

// checkFormulationEntries checks each formulation on its own.
func checkFormulationEntries(fs []Formulation, now time.Time) []string {
	var probs []string
	bad := func(f *Formulation, format string, args ...any) {
		probs = append(probs, fmt.Sprintf("%s (%s): ", f.ID, f.SourceRef)+fmt.Sprintf(format, args...))
	}
	today := now.Year()*100 + int(now.Month())
	for i := range fs {
		f := &fs[i]
		if strings.TrimSpace(f.Source) == "" {
			bad(f, "no source")
		}
		if f.Since != "" {
			if !reSinceMonth.MatchString(f.Since) {
				bad(f, "since %q is not YYYY-MM", f.Since)
			} else if k := DateKey(f.Since); k < 192107 || k > today {
				bad(f, "since %q is before the Party or in the future", f.Since)
			}
		}
		for _, c := range f.Changed {
			if !reSinceMonth.MatchString(c.Date) {
				bad(f, "changed date %q is not YYYY-MM", c.Date)
			}
			if f.Since != "" && DateKey(c.Date) < DateKey(f.Since) {
				bad(f, "changed date %s before since %s", c.Date, f.Since)
			}
			if c.Old == c.New || strings.Contains(c.New, c.Old) {
				bad(f, "changed old %q is part of new %q", c.Old, c.New)
			}
		}
		if n, ok := numberedCount(f.Text); ok && n != len(f.Members) {
			bad(f, "%q announces %d members, has %d", f.Text, n, len(f.Members))
		}
		for _, a := range f.Aliases {
			if n, ok := numberedCount(a); ok && len(f.Members) > 0 && n != len(f.Members) {
				bad(f, "alias %q announces %d members, has %d", a, n, len(f.Members))
			}
		}
		if f.Ordered && len(f.Members) < 2 {
			bad(f, "ordered without members")
		}
		seen := map[string]bool{}
		for _, m := range f.Members {
			if seen[m] {
				bad(f, "member %q twice", m)
			}
			seen[m] = true
		}
		for _, w := range f.Wrong {
			if w.Text == w.Correction || strings.Contains(w.Correction, w.Text) {
				bad(f, "wrong form %q is part of its correction %q", w.Text, w.Correction)
			}
		}
	}
	return probs
}

// checkFormulationOverlaps checks entries against each other, the events,
// the wording rules and the typo lists: a correct form must never contain a
// wrong form (it would be reported), and texts must not be defined twice.
func checkFormulationOverlaps(l *Lexicon) []string {
	var probs []string
	type owner struct{ id, ref string }
	texts := map[string]owner{}
	for i := range l.Formulations {
		f := &l.Formulations[i]
		for _, t := range append([]string{f.Text}, f.Aliases...) {
			if prev, ok := texts[t]; ok {
				probs = append(probs, fmt.Sprintf("%s (%s): text %q already used by %s (%s)", f.ID, f.SourceRef, t, prev.id, prev.ref))
			}
			texts[t] = owner{f.ID, f.SourceRef}
		}
	}
	for _, e := range l.Events {
		for _, n := range e.Names {
			if o, ok := texts[n]; ok {
				probs = append(probs, fmt.Sprintf("%s (%s): text %q is also the name of event %s", o.id, o.ref, n, e.ID))
			}
		}
	}
	type wrongForm struct{ text, owner string }
	var wrongs []wrongForm
	for i := range l.Formulations {
		f := &l.Formulations[i]
		for _, w := range f.Wrong {
			wrongs = append(wrongs, wrongForm{w.Text, "formulation " + f.ID})
		}
		for _, c := range f.Changed {
			wrongs = append(wrongs, wrongForm{c.Old, "old wording of " + f.ID})
		}
	}
	for _, w := range l.Words {
		wrongs = append(wrongs, wrongForm{w.Wrong, "word " + w.ID})
	}
	for _, tl := range l.Typos {
		for _, e := range tl.Entries {
			if !strings.Contains(e.Wrong, TypoGap) {
				wrongs = append(wrongs, wrongForm{e.Wrong, "typo list " + tl.ID})
			}
		}
	}
	for i := range l.Formulations {
		f := &l.Formulations[i]
		for _, c := range correctForms(f) {
			for _, w := range wrongs {
				if !strings.Contains(c, w.text) {
					continue
				}
				// A formulation's own old wording may be a prefix of its new
				// one only through Changed, never equal to a correct form.
				if w.owner == "old wording of "+f.ID && c != w.text {
					continue
				}
				probs = append(probs, fmt.Sprintf("%s (%s): correct form %q contains wrong form %q of %s", f.ID, f.SourceRef, c, w.text, w.owner))
			}
		}
		// A wrong form must not contain another entry's name: the name would
		// count as present while the text is wrong.
		for _, w := range f.Wrong {
			for j := range l.Formulations {
				g := &l.Formulations[j]
				if g.ID == f.ID {
					continue
				}
				for _, t := range append([]string{g.Text}, g.Aliases...) {
					if strings.Contains(w.Text, t) {
						probs = append(probs, fmt.Sprintf("%s (%s): wrong form %q contains %q of %s", f.ID, f.SourceRef, w.Text, t, g.ID))
					}
				}
			}
		}
	}
	for _, w := range l.Words {
		if w.Wrong == w.Correction || strings.Contains(w.Correction, w.Wrong) {
			probs = append(probs, fmt.Sprintf("word %s (%s): wrong %q is part of its correction %q", w.ID, w.SourceRef, w.Wrong, w.Correction))
		}
		for _, v := range l.Words {
			if v.ID != w.ID && strings.Contains(v.Correction, w.Wrong) {
				probs = append(probs, fmt.Sprintf("word %s (%s): correction %q of %s contains wrong %q", w.ID, w.SourceRef, v.Correction, v.ID, w.Wrong))
			}
		}
	}
	return probs
}

func TestFormulationData(t *testing.T) {
	lex, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(lex.Formulations); n < 100 {
		t.Errorf("%d built-in formulations, want at least 100", n)
	}
	for _, p := range checkFormulationEntries(lex.Formulations, time.Now()) {
		t.Error(p)
	}
	for _, p := range checkFormulationOverlaps(lex) {
		t.Error(p)
	}
}

// The checks find what they are meant to find.
func TestFormulationDataChecks(t *testing.T) {
	bad := []Formulation{
		{ID: "no-source", Text: "四个意识", Members: []string{"政治意识", "大局意识", "核心意识", "看齐意识"}},
		{ID: "short", Text: "四个意识", Members: []string{"政治意识", "大局意识", "核心意识"}, Source: "s"},
		{ID: "bad-since", Text: "甲", Since: "2021-13", Source: "s"},
		{ID: "full-date", Text: "乙", Since: "2021-07-01", Source: "s"},
		{ID: "future", Text: "丙", Since: "2999-01", Source: "s"},
		{ID: "self-wrong", Text: "丁", Source: "s", Wrong: []Wrong{{Text: "丁丁", Correction: "丁丁的"}}},
		{ID: "dup-member", Text: "两个戊", Members: []string{"戊", "戊"}, Source: "s"},
		{ID: "alias-count", Text: "己", Aliases: []string{"三个己"}, Members: []string{"a", "b"}, Source: "s"},
		{ID: "early-change", Text: "庚", Since: "2020-01", Source: "s", Changed: []Change{{Date: "2019-01", Old: "旧", New: "新"}}},
	}
	probs := strings.Join(checkFormulationEntries(bad, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)), "\n")
	for _, want := range []string{
		"no-source (): no source",
		"short (): \"四个意识\" announces 4 members, has 3",
		"bad-since (): since \"2021-13\" is not YYYY-MM",
		"full-date (): since \"2021-07-01\" is not YYYY-MM",
		"future (): since \"2999-01\" is before the Party or in the future",
		"self-wrong (): wrong form \"丁丁\" is part of its correction",
		"dup-member (): member \"戊\" twice",
		"alias-count (): alias \"三个己\" announces 3 members, has 2",
		"early-change (): changed date 2019-01 before since 2020-01",
	} {
		if !strings.Contains(probs, want) {
			t.Errorf("missing problem %q in:\n%s", want, probs)
		}
	}
	if strings.Contains(probs, "no-source (): \"四个意识\"") {
		t.Errorf("a complete member list reported:\n%s", probs)
	}

	lex := &Lexicon{
		Formulations: []Formulation{
			{ID: "a", Text: "以人民为中心", Wrong: []Wrong{{Text: "以人民为核心", Correction: "以人民为中心"}}},
			{ID: "b", Text: "坚持以人民为核心的理念"}, // contains a's wrong form
			{ID: "c", Text: "以人民为中心"},      // a's text again
			{ID: "d", Text: "二十大"},         // an event name
			{ID: "e", Text: "戊", Wrong: []Wrong{{Text: "戊以人民为中心", Correction: "戊"}}},
		},
		Events: []Event{{ID: "ev", Names: []string{"二十大"}}},
		Words:  []WordRule{{ID: "w", Wrong: "截止目前", Correction: "截至目前"}, {ID: "v", Wrong: "甲", Correction: "截止目前的甲"}},
	}
	probs = strings.Join(checkFormulationOverlaps(lex), "\n")
	for _, want := range []string{
		"b (): correct form \"坚持以人民为核心的理念\" contains wrong form \"以人民为核心\" of formulation a",
		"c (): text \"以人民为中心\" already used by a",
		"d (): text \"二十大\" is also the name of event ev",
		"e (): wrong form \"戊以人民为中心\" contains \"以人民为中心\" of a",
		"word w (): correction \"截止目前的甲\" of v contains wrong \"截止目前\"",
	} {
		if !strings.Contains(probs, want) {
			t.Errorf("missing problem %q in:\n%s", want, probs)
		}
	}
}

func TestNumberedCount(t *testing.T) {
	for _, c := range []struct {
		text string
		n    int
		ok   bool
	}{
		{"四个意识", 4, true},
		{"两个一百年", 2, true},
		{"三大攻坚战", 3, true},
		{"四项基本原则", 4, true},
		{"十个坚持", 10, true},
		{"十四个坚持", 14, true},
		{"二十个明确", 20, true},
		{"五篇大文章", 5, true},
		{"五位一体", 5, true},
		{"四个革命、一个合作", 5, true},
		{"一个中心、两个基本点", 3, true},
		{"五个一批", 5, true},
		{"三会一课", 0, false},
		{"三去一降一补", 0, false},
		{"两不愁三保障", 0, false},
		{"新发展理念", 0, false},
		{"中央八项规定", 8, false},
		{"", 0, false},
	} {
		n, ok := numberedCount(c.text)
		if n != c.n || ok != c.ok {
			t.Errorf("numberedCount(%q) = %d, %v; want %d, %v", c.text, n, ok, c.n, c.ok)
		}
	}
}
