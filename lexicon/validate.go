// Validation of one parsed lexicon file: ids, dates, severities, required fields.

package lexicon

import (
	"strings"

	"github.com/reportlint/reportlint/internal/lazy"
)

var reID = lazy.Regexp(`^[a-z0-9][a-z0-9-]*$`)

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
