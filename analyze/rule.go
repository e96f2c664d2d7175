package analyze

import (
	"fmt"
	"strings"
)

// Group is what part of the review a rule belongs to. Printers choose
// tables and sections by group, never by rule-id prefix.
type Group string

// Groups.
const (
	GroupCompleteness Group = "completeness" // 完整性：占位符、缺少的部分和提法
	GroupConsistency  Group = "consistency"  // 一致性：数字、名称前后矛盾（涉及多处）
	GroupStructure    Group = "structure"    // 结构与层次序号（GB/T 9704）
	GroupFormulation  Group = "formulation"  // 规范提法
	GroupUsage        Group = "usage"        // 用字、用词、标点、数字和日期用法
	GroupMeta         Group = "meta"         // 忽略指令与内部错误
)

// Chinese returns the group's Chinese label.
func (g Group) Chinese() string {
	switch g {
	case GroupCompleteness:
		return "完整性"
	case GroupConsistency:
		return "前后一致"
	case GroupStructure:
		return "结构与序号"
	case GroupFormulation:
		return "规范提法"
	case GroupUsage:
		return "用字用语与标点"
	case GroupMeta:
		return "忽略指令"
	}
	return string(g)
}

// Source is the authority a rule rests on.
type Source string

// Sources.
const (
	SourceStandard Source = "standard" // 国家标准（GB/T 15834、GB/T 15835、GB/T 9704）
	SourceParty    Source = "party"    // 党内法规、中央文件
	SourcePractice Source = "practice" // 公文写作实务惯例
)

// Chinese returns the source level's Chinese label.
func (s Source) Chinese() string {
	switch s {
	case SourceStandard:
		return "国家标准"
	case SourceParty:
		return "党内法规/中央文件"
	case SourcePractice:
		return "实务惯例"
	}
	return string(s)
}

// Rule is one declared rule. A check lists its rules; the driver fills in a
// finding's severity and group from its rule and rejects undeclared rules.
type Rule struct {
	ID        string   // check.kind, e.g. placeholder.number
	Title     string   // Chinese short title
	Doc       string   // Chinese explanation
	Severity  Severity // default severity
	Group     Group
	Source    Source
	Standard  string // clause, e.g. "GB/T 15834—2011 4.5.3.5" ("" when none)
	Fixable   bool   // findings may carry a mechanical, certain fix
	Heuristic bool   // judges meaning: never Error by default, message says 疑似……请核实
	Good, Bad string // a right and a wrong example
	// Supersedes lists rules whose findings a finding of this rule replaces
	// when it carries a suggestion and its span holds theirs: its fix also
	// fixes theirs, so only one suggestion applies to the span.
	Supersedes []string
}

// isRuleID reports whether id matches ^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$.
func isRuleID(id string) bool {
	check, rule, ok := strings.Cut(id, ".")
	return ok && isName(check) && isName(rule)
}

// validateRule checks one declared rule of check c.
func validateRule(c *Check, r *Rule) error {
	switch {
	case r == nil:
		return fmt.Errorf("check %q: nil rule", c.Name)
	case !isRuleID(r.ID) || !strings.HasPrefix(r.ID, c.Name+"."):
		return fmt.Errorf("check %q: rule %q must be %q followed by a kind", c.Name, r.ID, c.Name+".")
	case r.Title == "" || r.Doc == "":
		return fmt.Errorf("rule %q: empty Title or Doc", r.ID)
	case r.Group == "":
		return fmt.Errorf("rule %q: no Group", r.ID)
	case r.Source == "":
		return fmt.Errorf("rule %q: no Source", r.ID)
	case r.Heuristic && r.Severity == Error:
		return fmt.Errorf("rule %q: a heuristic rule cannot default to error", r.ID)
	}
	return nil
}

// Setting is a user's choice for one check or rule: off, or a severity.
type Setting struct {
	Off      bool
	Severity *Severity
}

// Registry indexes a list of checks and their rules.
type Registry struct {
	Checks []*Check
	rules  map[string]*Rule
	owner  map[string]*Check
}

// NewRegistry validates checks and indexes their rules.
func NewRegistry(checks []*Check) (*Registry, error) {
	if err := Validate(checks); err != nil {
		return nil, err
	}
	r := &Registry{Checks: checks, rules: map[string]*Rule{}, owner: map[string]*Check{}}
	for _, c := range checks {
		for _, rule := range c.Rules {
			if _, dup := r.rules[rule.ID]; dup {
				return nil, fmt.Errorf("rule %q: duplicate", rule.ID)
			}
			r.rules[rule.ID] = rule
			r.owner[rule.ID] = c
		}
	}
	return r, nil
}

// Rule returns a declared rule by id (nil when unknown).
func (r *Registry) Rule(id string) *Rule { return r.rules[id] }

// Check returns a check by name (nil when unknown).
func (r *Registry) Check(name string) *Check {
	for _, c := range r.Checks {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// Owner returns the check that declares rule id.
func (r *Registry) Owner(id string) *Check { return r.owner[id] }

// Rules returns every declared rule in check order.
func (r *Registry) Rules() []*Rule {
	var out []*Rule
	for _, c := range r.Checks {
		out = append(out, c.Rules...)
	}
	return out
}

// Known reports whether name is a check name or a rule id.
func (r *Registry) Known(name string) bool {
	return r.Check(name) != nil || r.rules[name] != nil
}
