package cmd

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/docxout"
	"github.com/reportlint/reportlint/internal/lazy"
)

// ruleFixable reports whether rule id declares a mechanical, certain fix.
func ruleFixable(reg *analyze.Registry, id string) bool {
	if reg != nil {
		if r := reg.Rule(id); r != nil && r.Fixable {
			return true
		}
	}
	return false
}

var (
	reChangeTo = lazy.Regexp(`^改为“([^“”]*)”$`)
	reDelete   = lazy.Regexp(`^删去(?:“([^“”]+)”|(顿号|逗号|空格))$`)
)

var deleteNames = map[string]string{"顿号": "、", "逗号": "，", "空格": " "}

// replacementOf reads a suggestion as the exact text replacing the
// finding's span: 改为“X”; 删去“X”/删去顿号 when X is the whole span; or a
// bare replacement (no advice words, quotes only as the span has them).
// Advice in prose is no replacement.
func replacementOf(f analyze.Finding) (string, bool) {
	s := f.Suggestion
	if m := reChangeTo().FindStringSubmatch(s); m != nil {
		return m[1], true
	}
	if m := reDelete().FindStringSubmatch(s); m != nil {
		what := m[1]
		if what == "" {
			what = deleteNames[m[2]]
		}
		return "", what == f.Text
	}
	if s == "" || utf8.RuneCountInString(s) > 2 && (strings.ContainsAny(s, "，；：？") || strings.Contains(s, "或")) {
		return "", false
	}
	for _, verb := range []string{"如", "改", "删", "补", "核", "使用", "请", "应"} {
		if strings.HasPrefix(s, verb) {
			return "", false
		}
	}
	if strings.Count(s, "“") != strings.Count(f.Text, "“") || strings.Count(s, "”") != strings.Count(f.Text, "”") {
		return "", false
	}
	return s, true
}

// fixOf derives a finding's fix: its rule is Fixable and its suggestion is
// the exact replacement of its span. When analyze grows an explicit
// Finding.Fix, read it here.
func fixOf(f analyze.Finding, reg *analyze.Registry) (docxout.Edit, bool) {
	if f.Suppressed || f.Span.Start < 0 || f.Span.End < f.Span.Start {
		return docxout.Edit{}, false
	}
	ins, ok := replacementOf(f)
	if !ok || ins == f.Text || f.Span.End-f.Span.Start != len(f.Text) || !ruleFixable(reg, f.Rule) {
		return docxout.Edit{}, false
	}
	return docxout.Edit{Start: f.Span.Start, End: f.Span.End, Insert: ins}, true
}

// fixPlan is what fixing one result does.
type fixPlan struct {
	Edits    []docxout.Edit // sorted, non-overlapping
	FixedBy  map[int]int    // finding index → index in Edits
	Conflict map[int]string // finding index → why its fix was not applied (Chinese)
}

// fixed reports whether finding i is resolved by an edit.
func (p *fixPlan) fixed(i int) bool { _, ok := p.FixedBy[i]; return ok }

type fixCand struct {
	e   docxout.Edit
	idx []int // findings this edit resolves
}

func overlaps(a, b docxout.Edit) bool {
	return a.Start < b.End && b.Start < a.End || (a.Start == a.End && b.Start == b.End && a.Start == b.Start) ||
		(a.Start == a.End && b.Start < a.Start && a.Start < b.End) || (b.Start == b.End && a.Start < b.Start && b.Start < a.End)
}

// planFixes collects the findings' fixes over text and resolves overlaps:
// identical fixes merge; any other overlap applies none of the fixes
// involved (they stay comments). Rules that would fight over one span
// declare Supersedes in analyze, so only one of them reports.
func planFixes(text string, fs []analyze.Finding, reg *analyze.Registry) *fixPlan {
	plan := &fixPlan{FixedBy: map[int]int{}, Conflict: map[int]string{}}
	var cands []fixCand
	for i, f := range fs {
		e, ok := fixOf(f, reg)
		if !ok || e.End > len(text) || text[e.Start:e.End] != f.Text || quoted(text, e.Start, e.End) {
			continue
		}
		cands = append(cands, fixCand{e, []int{i}})
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].e.Start != cands[j].e.Start {
			return cands[i].e.Start < cands[j].e.Start
		}
		return cands[i].e.End < cands[j].e.End
	})
	// clusters of transitively overlapping candidates (sorted by start)
	var kept []fixCand
	for i := 0; i < len(cands); {
		j, end := i+1, cands[i].e.End
		for j < len(cands) && (cands[j].e.Start < end || overlaps(cands[j-1].e, cands[j].e)) {
			end = max(end, cands[j].e.End)
			j++
		}
		cl := cands[i:j]
		i = j
		if c, ok := resolveCluster(text, cl); ok {
			kept = append(kept, c)
			continue
		}
		for _, c := range cl {
			var others []string
			for _, o := range cl {
				if o.idx[0] != c.idx[0] {
					others = append(others, "“"+fs[o.idx[0]].Rule+"”")
				}
			}
			plan.Conflict[c.idx[0]] = "此处的修改与规则" + strings.Join(uniq(others), "、") + "的修改重叠，均未自动修改，请人工处理"
		}
	}
	for k, c := range kept {
		var notes []string
		for _, i := range c.idx {
			plan.FixedBy[i] = k
			notes = append(notes, "【规则 "+fs[i].Rule+"】"+strings.TrimSpace(fs[i].Message))
		}
		if c.e.Insert == "" {
			notes = append(notes, "reportlint 已删去“"+text[c.e.Start:c.e.End]+"”（修订，可接受或拒绝）")
		} else {
			notes = append(notes, "reportlint 已改为“"+c.e.Insert+"”（修订，可接受或拒绝）")
		}
		c.e.Comment = strings.Join(notes, "\n")
		plan.Edits = append(plan.Edits, c.e)
	}
	if norm, err := docxout.Normalize(plan.Edits); err == nil && len(norm) == len(plan.Edits) {
		plan.Edits = norm
	}
	return plan
}

// quoted reports whether text[start:end] is the whole content of a
// quotation (不得使用“X”的提法): a form quoted is talked about, not used,
// so it is never changed automatically.
func quoted(text string, start, end int) bool {
	return start >= len("“") && end+len("”") <= len(text) && end > start &&
		text[start-len("“"):start] == "“" && text[end:end+len("”")] == "”"
}

// resolveCluster turns overlapping candidates into one edit, or fails.
func resolveCluster(text string, cl []fixCand) (fixCand, bool) {
	if len(cl) == 1 {
		return cl[0], true
	}
	same := true
	for _, c := range cl[1:] {
		same = same && c.e.Start == cl[0].e.Start && c.e.End == cl[0].e.End && c.e.Insert == cl[0].e.Insert
	}
	var idx []int
	for _, c := range cl {
		idx = append(idx, c.idx...)
	}
	if same {
		return fixCand{cl[0].e, idx}, true
	}
	return fixCand{}, false
}

func uniq(ss []string) []string {
	var out []string
	for _, s := range ss {
		if !contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// commentText is a finding's Word comment: 【规则 id】message建议：suggestion.
func commentText(f analyze.Finding, extra string) string {
	var b strings.Builder
	b.WriteString("【规则 " + f.Rule + "】")
	b.WriteString(strings.TrimSpace(f.Message))
	if f.Suggestion != "" {
		if !strings.HasSuffix(b.String(), "。") {
			b.WriteString("。")
		}
		b.WriteString("建议：" + f.Suggestion)
	}
	if extra != "" {
		b.WriteString("（" + extra + "）")
	}
	return b.String()
}
