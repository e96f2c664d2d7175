package checks

import (
	"github.com/reportlint/reportlint/analyze"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/segment"
)

// TestRulesDeclared asserts every built-in rule is fully declared: title,
// doc, group, source (with the clause for a standard), a heuristic never an
// error by default, and a right and a wrong example.
func TestRulesDeclared(t *testing.T) {
	reg, err := analyze.NewRegistry(All)
	if err != nil {
		t.Fatal(err)
	}
	rules := reg.Rules()
	if len(rules) < 30 {
		t.Fatalf("only %d rules declared", len(rules))
	}
	for _, r := range rules {
		if reg.Owner(r.ID) == nil {
			t.Errorf("%s: no owner", r.ID)
		}
		if r.Heuristic && r.Severity == analyze.Error {
			t.Errorf("%s: heuristic rule defaults to error", r.ID)
		}
		if r.Good == "" || r.Bad == "" || r.Good == r.Bad {
			t.Errorf("%s: needs distinct Good and Bad examples", r.ID)
		}
		if (r.Source == analyze.SourceStandard) != strings.HasPrefix(r.Standard, "GB/T ") {
			t.Errorf("%s: source %s with standard %q", r.ID, r.Source, r.Standard)
		}
		switch r.Group {
		case analyze.GroupCompleteness, analyze.GroupConsistency, analyze.GroupStructure, analyze.GroupFormulation, analyze.GroupUsage, analyze.GroupMeta:
		default:
			t.Errorf("%s: unknown group %q", r.ID, r.Group)
		}
	}
}

// TestReportUsesRuleSeverity asserts the driver, not the report site,
// decides a finding's severity.
func TestReportUsesRuleSeverity(t *testing.T) {
	c := &analyze.Check{Name: "t", Doc: "x", Rules: []*analyze.Rule{{ID: "t.a", Title: "a", Doc: "a", Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourcePractice}}}
	c.Run = func(p *analyze.Pass) error {
		p.Report(analyze.Finding{Rule: "a", Severity: analyze.Error, Message: "m"})
		return nil
	}
	res := analyze.Run(segment.NewDocument("t.txt", segment.FormatText, "utf-8", "正文\n", nil), nil, analyze.Options{Checks: []*analyze.Check{c}})
	if len(res.Findings) != 1 || res.Findings[0].Severity != analyze.Warning || res.Findings[0].Group != analyze.GroupUsage {
		t.Fatalf("findings = %+v; want one warning in group usage", res.Findings)
	}
}

// TestHeuristicSaysSo asserts a heuristic rule's finding tells the reader
// to verify it, unless its message already does.
func TestHeuristicSaysSo(t *testing.T) {
	c := &analyze.Check{Name: "t", Doc: "x", Rules: []*analyze.Rule{{ID: "t.h", Title: "h", Doc: "h", Severity: analyze.Warning,
		Group: analyze.GroupUsage, Source: analyze.SourcePractice, Heuristic: true}}}
	c.Run = func(p *analyze.Pass) error {
		p.Report(analyze.Finding{Rule: "h", Message: "数值不一致。"})
		p.Report(analyze.Finding{Rule: "h", Message: "疑似重复", Span: segment.Span{Start: 1, End: 2}})
		return nil
	}
	res := analyze.Run(segment.NewDocument("t.txt", segment.FormatText, "utf-8", "正文\n", nil), nil, analyze.Options{Checks: []*analyze.Check{c}})
	if len(res.Findings) != 2 || res.Findings[0].Message != "数值不一致，请核实" || res.Findings[1].Message != "疑似重复" {
		t.Fatalf("findings = %+v", res.Findings)
	}
}
