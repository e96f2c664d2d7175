package analyze

import (
	"fmt"
	"strings"

	"github.com/reportlint/reportlint/segment"
)

// Check is one named check. Checks are plain values; package checks lists
// the built-in ones in checks.All.
type Check struct {
	Name        string // identifier used by --enable/--disable and rule ids
	Doc         string // Chinese one-paragraph description
	Severity    Severity
	Rules       []*Rule // every rule it reports; the driver rejects others
	NeedsTokens bool    // the check reads gse tokens
	// NeedsRunes: the check reads Analysis.Runes. The shared rune view
	// (8 B a rune) is released after the last such check of a run, and
	// these checks run first (a check that reads it undeclared still
	// works, at the cost of decoding the text again).
	NeedsRunes bool
	Run        func(*Pass) error
	// Collect, when set, fills the result's data tables (placeholders,
	// numbers, formulations, sections) after the checks ran.
	Collect func(*Analysis, *Result)
}

// Pass is what a check sees while it runs over one document.
type Pass struct {
	*Analysis
	Check  *Check
	report func(Finding)
}

// Report records a finding. Check, Group, Text and Severity are filled in:
// the severity is always the declared rule's default (users re-level rules
// through Options.Settings).
func (p *Pass) Report(f Finding) {
	f.Check = p.Check.Name
	if f.Rule == "" {
		f.Rule = p.Check.Name
	} else if !strings.Contains(f.Rule, ".") {
		f.Rule = p.Check.Name + "." + f.Rule
	}
	if f.Text == "" {
		f.Text = p.Doc.Slice(f.Span)
	}
	r := p.Check.rule(f.Rule)
	if r == nil {
		p.report(Finding{Check: p.Check.Name, Rule: p.Check.Name + ".internal", Severity: Error, Group: GroupMeta,
			Span: f.Span, Text: f.Text, Message: fmt.Sprintf("检查 %s 报告了未声明的规则 %s（内部错误，请报告此问题）", p.Check.Name, f.Rule)})
		return
	}
	f.Group = r.Group
	f.Severity = r.Severity
	if r.Heuristic && !strings.Contains(f.Message, "疑似") && !strings.Contains(f.Message, "请核实") {
		f.Message = strings.TrimRight(f.Message, "。") + "，请核实" // a heuristic says it may be wrong
	}
	p.report(f)
}

// Reportf reports a finding of rule at span.
func (p *Pass) Reportf(span segment.Span, rule, format string, args ...any) {
	p.Report(Finding{Rule: rule, Span: span, Message: fmt.Sprintf(format, args...)})
}

// isName reports whether s matches ^[a-z][a-z0-9-]*$, the form of check
// names and of each half of a rule ID (a loop: every run validates them).
func isName(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// Validate rejects checks with bad or duplicate names, no Doc or no Run.
func Validate(checks []*Check) error {
	seen := map[string]bool{}
	for _, c := range checks {
		switch {
		case !isName(c.Name):
			return fmt.Errorf("check %q: invalid name", c.Name)
		case seen[c.Name]:
			return fmt.Errorf("check %q: duplicate", c.Name)
		case c.Doc == "":
			return fmt.Errorf("check %q: empty Doc", c.Name)
		case c.Run == nil:
			return fmt.Errorf("check %q: nil Run", c.Name)
		}
		seen[c.Name] = true
		for _, r := range c.Rules {
			if err := validateRule(c, r); err != nil {
				return err
			}
		}
	}
	return nil
}

// Lookup finds a check by name in checks.
func Lookup(checks []*Check, name string) *Check {
	for _, c := range checks {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// Known reports whether name is a check of checks, one of their declared
// rules or a check's internal-error rule.
func Known(checks []*Check, name string) bool {
	check, _, _ := strings.Cut(name, ".")
	c := Lookup(checks, check)
	if c == nil {
		return false
	}
	return check == name || name == check+".internal" || c.rule(name) != nil
}

// rule returns the check's declared rule with id.
func (c *Check) rule(id string) *Rule {
	for _, r := range c.Rules {
		if r.ID == id {
			return r
		}
	}
	return nil
}
