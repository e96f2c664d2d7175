// Package hitrep turns the hits of the small detector packages (dates, genre,
// usage) into findings of the check that wraps them.
package hitrep

import (
	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/internal/textrun"
)

// Report reports h as a finding of its rule. A hit whose span is empty or
// outside the text is dropped.
func Report(p *analyze.Pass, h textrun.Hit) {
	if h.Span.Start < 0 || h.Span.End > len(p.Doc.Text) || h.Span.Start >= h.Span.End {
		return
	}
	f := analyze.Finding{Rule: h.Rule, Span: h.Span, Message: h.Message, Suggestion: h.Suggestion}
	for _, sp := range h.Related {
		if sp.Start >= 0 && sp.End <= len(p.Doc.Text) && sp.Start < sp.End {
			f.Related = append(f.Related, analyze.Related{Span: sp, Message: "同类用词"})
		}
	}
	p.Report(f)
}
