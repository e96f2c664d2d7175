// Package analyze is the driver: Check, Rule, Pass, Finding, the shared
// per-document facts (outline, placeholders, claims, report type) and Run,
// which runs checks over a segment.Document, then positions, suppresses,
// sorts and dedupes the findings. The checks live in analyze/checks/<name>;
// analyze/checks.All lists them.
package analyze

import (
	"fmt"
	"strings"

	"github.com/reportlint/reportlint/segment"
)

// Severity orders findings: Info < Warning < Error.
type Severity int

// Severities.
const (
	Info Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "info"
}

// Chinese returns the severity's Chinese label.
func (s Severity) Chinese() string {
	switch s {
	case Error:
		return "错误"
	case Warning:
		return "警告"
	}
	return "提示"
}

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	*s = v
	return err
}

// ParseSeverity reads error, warning or info.
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error", "错误":
		return Error, nil
	case "warning", "warn", "警告":
		return Warning, nil
	case "info", "提示", "suggestion":
		return Info, nil
	}
	return Info, fmt.Errorf("未知的级别 %q（可选 error、warning、info）", s)
}

// Related is another place a finding refers to.
type Related struct {
	segment.Span
	segment.Pos
	EndPos  segment.Pos `json:"-"`
	Text    string      `json:"text"`
	Message string      `json:"message,omitempty"`
}

// Finding is one problem in one document.
type Finding struct {
	Check      string
	Rule       string // check.kind, e.g. placeholder.number
	Group      Group  // from the rule, filled by Pass.Report
	Severity   Severity
	Span       segment.Span
	Pos, End   segment.Pos // filled by the driver
	Paragraph  int         // .docx paragraph number (1-based), else 0
	Text       string      // original text matched
	Message    string      // Chinese
	Suggestion string
	Section    string // the heading the finding stands under
	Related    []Related
	Suppressed bool
	Reason     string // suppression reason
}
