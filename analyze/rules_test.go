package analyze

import (
	"strings"
	"testing"

	"github.com/reportlint/reportlint/segment"
)

// TestRulesDeclared asserts every built-in rule is fully declared: title,
// doc, group, source (with the clause for a standard), a heuristic never an
// error by default, and a right and a wrong example.
func TestRulesDeclared(t *testing.T) {
	reg, err := NewRegistry(All)
	if err != nil {
		t.Fatal(err)
	}
	rules := reg.Rules()
	if len(rules) < 30 {
		t.Fatalf("only %d rules declared", len(rules))
	}
	for _, r := range rules {
		if err := validateRule(reg.Owner(r.ID), r); err != nil {
			t.Error(err)
		}
		if r.Heuristic && r.Severity == Error {
			t.Errorf("%s: heuristic rule defaults to error", r.ID)
		}
		if r.Good == "" || r.Bad == "" || r.Good == r.Bad {
			t.Errorf("%s: needs distinct Good and Bad examples", r.ID)
		}
		if (r.Source == SourceStandard) != strings.HasPrefix(r.Standard, "GB/T ") {
			t.Errorf("%s: source %s with standard %q", r.ID, r.Source, r.Standard)
		}
		switch r.Group {
		case GroupCompleteness, GroupConsistency, GroupStructure, GroupFormulation, GroupUsage, GroupMeta:
		default:
			t.Errorf("%s: unknown group %q", r.ID, r.Group)
		}
	}
}

// TestReportUsesRuleSeverity asserts the driver, not the report site,
// decides a finding's severity.
func TestReportUsesRuleSeverity(t *testing.T) {
	c := &Check{Name: "t", Doc: "x", Rules: []*Rule{{ID: "t.a", Title: "a", Doc: "a", Severity: Warning, Group: GroupUsage, Source: SourcePractice}}}
	c.Run = func(p *Pass) error {
		p.Report(Finding{Rule: "a", Severity: Error, Message: "m"})
		return nil
	}
	res := Run(segment.NewDocument("t.txt", segment.FormatText, "utf-8", "正文\n", nil), nil, Options{Checks: []*Check{c}})
	if len(res.Findings) != 1 || res.Findings[0].Severity != Warning || res.Findings[0].Group != GroupUsage {
		t.Fatalf("findings = %+v; want one warning in group usage", res.Findings)
	}
}
