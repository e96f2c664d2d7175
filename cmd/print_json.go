package cmd

import (
	"encoding/json"
	"io"

	"github.com/reportlint/reportlint/analyze"
)

// JSON output, version 1. Field names are stable; empty lists are [].
type jsonReport struct {
	Version    int         `json:"version"`
	Files      []jsonFile  `json:"files"`
	Summary    jsonSummary `json:"summary"`
	NotChecked []string    `json:"not_checked"` // checks turned off (--disable, config): their lists are empty, not clean
}

type jsonFile struct {
	Path        string `json:"path"`
	Error       string `json:"error,omitempty"`
	Format      string `json:"format,omitempty"`
	Encoding    string `json:"encoding,omitempty"`
	Profile     string `json:"profile"`
	ProfileName string `json:"profile_name"`
	Year        int    `json:"year"`
	// How the profile and year were found (added for issue 11; absent when unknown).
	ProfileConfidence string                      `json:"profile_confidence,omitempty"` // certain, likely or guess
	ProfileReason     string                      `json:"profile_reason,omitempty"`
	YearFrom          string                      `json:"year_from,omitempty"` // flag, meeting, title, heading, content
	YearConfidence    string                      `json:"year_confidence,omitempty"`
	Delivered         int                         `json:"delivered,omitempty"` // a 政府工作报告's delivery year
	Period            []int                       `json:"period,omitempty"`    // first and last year reviewed
	Chars             int                         `json:"chars"`
	Counts            jsonCounts                  `json:"counts"`
	Findings          []jsonFinding               `json:"findings"`
	Placeholders      []jsonPlaceholder           `json:"placeholders"`
	Formulations      []analyze.FormulationStatus `json:"formulations"`
	Sections          []analyze.SectionStatus     `json:"sections"`
	Numbers           []jsonClaim                 `json:"numbers"`
	Completeness      []partCompleteness          `json:"completeness"` // the last row is the total (合计)
}

// jsonCounts counts every unsuppressed finding, those below --min-severity
// included (they decide the exit code); BelowMinSeverity says how many of
// them the findings list leaves out.
type jsonCounts struct {
	Errors           int `json:"errors"`
	Warnings         int `json:"warnings"`
	Infos            int `json:"infos"`
	Suppressed       int `json:"suppressed"`
	BelowMinSeverity int `json:"below_min_severity"`
}

type jsonPos struct {
	Line      int `json:"line"`
	Column    int `json:"column"`
	EndLine   int `json:"end_line"`
	EndColumn int `json:"end_column"`
	Offset    int `json:"offset"`
	EndOffset int `json:"end_offset"`
}

type jsonFinding struct {
	Check    string `json:"check"`
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	jsonPos
	Paragraph  int           `json:"paragraph,omitempty"`
	Text       string        `json:"text"`
	Message    string        `json:"message"`
	Suggestion string        `json:"suggestion,omitempty"`
	Section    string        `json:"section,omitempty"`
	Related    []jsonRelated `json:"related"`
	Suppressed bool          `json:"suppressed,omitempty"`
	Reason     string        `json:"suppression_reason,omitempty"`
}

type jsonRelated struct {
	jsonPos
	Text    string `json:"text"`
	Message string `json:"message,omitempty"`
}

type jsonPlaceholder struct {
	jsonPos
	Text    string `json:"text"`
	Kind    string `json:"kind"`
	Unit    string `json:"unit"`
	Section string `json:"section"`
	Excerpt string `json:"excerpt"`
}

type jsonClaim struct {
	jsonPos
	Text      string   `json:"text"`
	Value     *float64 `json:"value"`
	RangeEnd  *float64 `json:"range_end,omitempty"`
	Unit      string   `json:"unit"`
	UnitText  string   `json:"unit_text"`
	Qualifier string   `json:"qualifier"`
	Metric    string   `json:"metric"`
	Relation  string   `json:"relation"`
	Kind      string   `json:"kind"`
	Unfilled  bool     `json:"unfilled"`
	Section   string   `json:"section"`
}

type jsonSummary struct {
	Files        int `json:"files"`
	FailedFiles  int `json:"failed_files"`
	Errors       int `json:"errors"`
	Warnings     int `json:"warnings"`
	Infos        int `json:"infos"`
	Suppressed   int `json:"suppressed"`
	Placeholders int `json:"placeholders"`
}

func toJSONReport(results []*analyze.Result) jsonReport {
	return toJSONReportWith(results, nil, printOptions{})
}

// toJSONReportWith knows which checks ran (nil: all) and what
// --min-severity left out.
func toJSONReportWith(results []*analyze.Result, ran map[string]bool, view printOptions) jsonReport {
	rep := jsonReport{Version: 1, Files: []jsonFile{}, NotChecked: []string{}}
	if ran != nil {
		for _, c := range allChecks() {
			if !ran[c.Name] {
				rep.NotChecked = append(rep.NotChecked, c.Name)
			}
		}
	}
	for _, r := range results {
		rep.Summary.Files++
		if r.Err != nil {
			rep.Summary.FailedFiles++
			rep.Files = append(rep.Files, jsonFile{Path: r.Path, Error: r.Err.Error(), Findings: []jsonFinding{},
				Placeholders: []jsonPlaceholder{}, Formulations: []analyze.FormulationStatus{}, Sections: []analyze.SectionStatus{},
				Numbers: []jsonClaim{}, Completeness: []partCompleteness{}})
			continue
		}
		f := jsonFile{Path: r.Path, Format: r.Format, Encoding: r.Encoding, Profile: r.Profile, ProfileName: r.ProfileName,
			Year: r.Year, Chars: r.Chars, Findings: []jsonFinding{}, Placeholders: []jsonPlaceholder{},
			Formulations: nonNil(r.Formulations), Sections: nonNil(r.Sections), Numbers: []jsonClaim{}, Completeness: nonNil(completenessOf(r))}
		f.ProfileConfidence, f.ProfileReason = string(r.ProfileConfidence), r.ProfileReason
		f.YearFrom, f.YearConfidence, f.Delivered = r.YearFrom, string(r.YearConfidence), r.Delivered
		if r.Period[0] > 0 {
			f.Period = r.Period[:]
		}
		f.Counts.Errors, f.Counts.Warnings, f.Counts.Infos = severityCounts(r.Findings)
		f.Counts.Suppressed = r.Suppressed
		if h := view.hidden[r]; h != nil {
			f.Counts.Errors, f.Counts.Warnings, f.Counts.Infos = f.Counts.Errors+h[analyze.Error], f.Counts.Warnings+h[analyze.Warning], f.Counts.Infos+h[analyze.Info]
			f.Counts.BelowMinSeverity = h[0] + h[1] + h[2]
		}
		for _, x := range r.Findings {
			jf := jsonFinding{Check: x.Check, Rule: x.Rule, Severity: x.Severity.String(),
				jsonPos:   jsonPos{x.Pos.Line, x.Pos.Col, x.End.Line, x.End.Col, x.Span.Start, x.Span.End},
				Paragraph: x.Paragraph, Text: x.Text, Message: x.Message, Suggestion: x.Suggestion, Section: x.Section,
				Related: []jsonRelated{}, Suppressed: x.Suppressed, Reason: x.Reason}
			for _, rel := range x.Related {
				jf.Related = append(jf.Related, jsonRelated{jsonPos{rel.Pos.Line, rel.Pos.Col, rel.EndPos.Line, rel.EndPos.Col, rel.Start, rel.End}, rel.Text, rel.Message})
			}
			f.Findings = append(f.Findings, jf)
		}
		for _, p := range r.Placeholders {
			f.Placeholders = append(f.Placeholders, jsonPlaceholder{jsonPos{p.Pos.Line, p.Pos.Col, p.EndPos.Line, p.EndPos.Col, p.Start, p.End},
				p.Text, p.Kind, p.Unit, p.Section, p.Excerpt})
		}
		for _, c := range r.Numbers {
			f.Numbers = append(f.Numbers, jsonClaim{jsonPos{c.Pos.Line, c.Pos.Col, c.EndPos.Line, c.EndPos.Col, c.Start, c.End},
				c.Text, c.Value, c.RangeEnd, c.Unit, c.UnitText, c.Qualifier, c.Metric, c.Relation, c.Kind, c.Unfilled, c.Section})
		}
		rep.Summary.Errors += f.Counts.Errors
		rep.Summary.Warnings += f.Counts.Warnings
		rep.Summary.Infos += f.Counts.Infos
		rep.Summary.Suppressed += f.Counts.Suppressed
		rep.Summary.Placeholders += len(f.Placeholders)
		rep.Files = append(rep.Files, f)
	}
	return rep
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func printJSON(w io.Writer, results []*analyze.Result) error {
	return printJSONWith(w, results, nil, printOptions{})
}

func printJSONWith(w io.Writer, results []*analyze.Result, ran map[string]bool, view printOptions) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(toJSONReportWith(results, ran, view))
}
