package cmd

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/reportlint/reportlint/analyze"
	builtin "github.com/reportlint/reportlint/analyze/checks"
)

// SARIF 2.1.0 output (OASIS), the subset reportlint fills.

const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	Results     []sarifResult     `json:"results"`
	ColumnKind  string            `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string            `json:"id"`
	ShortDescription     sarifMessage      `json:"shortDescription"`
	FullDescription      *sarifMessage     `json:"fullDescription,omitempty"`
	DefaultConfiguration sarifRuleConfig   `json:"defaultConfiguration"`
	Properties           map[string]string `json:"properties,omitempty"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID           string             `json:"ruleId"`
	RuleIndex        int                `json:"ruleIndex"`
	Level            string             `json:"level"`
	Message          sarifMessage       `json:"message"`
	Locations        []sarifLocation    `json:"locations"`
	RelatedLocations []sarifLocation    `json:"relatedLocations,omitempty"`
	Suppressions     []sarifSuppression `json:"suppressions,omitempty"`
	Properties       *sarifResultProps  `json:"properties,omitempty"`
}

type sarifResultProps struct {
	Check      string `json:"check"`
	Section    string `json:"section,omitempty"`
	Paragraph  int    `json:"paragraph,omitempty"`
	Suggestion string `json:"suggestion,omitempty"`
}

type sarifLocation struct {
	ID               *int                   `json:"id,omitempty"`
	PhysicalLocation *sarifPhysicalLocation `json:"physicalLocation,omitempty"`
	Message          *sarifMessage          `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int           `json:"startLine"`
	StartColumn int           `json:"startColumn"`
	EndLine     int           `json:"endLine"`
	EndColumn   int           `json:"endColumn"` // exclusive, as SARIF defines it
	Snippet     *sarifMessage `json:"snippet,omitempty"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification,omitempty"`
}

// toolVersion is the module version from the build info ("dev" in a source build).
func toolVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s analyze.Severity) string {
	switch s {
	case analyze.Error:
		return "error"
	case analyze.Warning:
		return "warning"
	}
	return "note"
}

// sarifURI turns a path as given into a URI reference: relative paths stay
// relative (slash-separated, percent-encoded), absolute ones become file URIs.
func sarifURI(p string) string {
	slash := filepath.ToSlash(p)
	if filepath.IsAbs(p) || strings.HasPrefix(slash, "/") {
		if !strings.HasPrefix(slash, "/") {
			slash = "/" + slash // C:/x → /C:/x
		}
		return (&url.URL{Scheme: "file", Path: slash}).String()
	}
	return (&url.URL{Path: slash}).String() // prefixes ./ when a colon would read as a scheme
}

// toSARIF builds the log; rules lists every rule of checks (builtin.All).
func toSARIF(results []*analyze.Result, checks []*analyze.Check) sarifLog {
	run := sarifRun{
		Tool:       sarifTool{Driver: sarifDriver{Name: "reportlint", Version: toolVersion(), Rules: []sarifRule{}}},
		Results:    []sarifResult{},
		ColumnKind: "unicodeCodePoints",
	}
	index := map[string]int{}
	addRule := func(r sarifRule) int {
		if i, ok := index[r.ID]; ok {
			return i
		}
		index[r.ID] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, r)
		return index[r.ID]
	}
	for _, c := range checks {
		for _, rd := range c.Rules {
			addRule(sarifRule{ID: rd.ID, ShortDescription: sarifMessage{rd.Doc}, FullDescription: &sarifMessage{c.Doc},
				DefaultConfiguration: sarifRuleConfig{sarifLevel(c.Severity)}, Properties: map[string]string{"check": c.Name}})
		}
	}
	inv := sarifInvocation{ExecutionSuccessful: true}
	for _, r := range results {
		uri := sarifURI(r.Path)
		if r.Err != nil {
			inv.ExecutionSuccessful = false
			inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
				Level: "error", Message: sarifMessage{r.Err.Error()},
				Locations: []sarifLocation{{PhysicalLocation: &sarifPhysicalLocation{ArtifactLocation: sarifArtifactLocation{uri}}}},
			})
			continue
		}
		for _, f := range r.Findings {
			ri, ok := index[f.Rule]
			if !ok {
				// a rule id the check does not document (e.g. check.internal)
				doc, level := f.Rule, sarifLevel(f.Severity)
				if c := builtin.Lookup(f.Check); c != nil {
					doc, level = c.Doc, sarifLevel(c.Severity)
				}
				ri = addRule(sarifRule{ID: f.Rule, ShortDescription: sarifMessage{doc},
					DefaultConfiguration: sarifRuleConfig{level}, Properties: map[string]string{"check": f.Check}})
			}
			msg := f.Message
			if f.Suggestion != "" {
				msg += "\n建议：" + f.Suggestion
			}
			res := sarifResult{
				RuleID: f.Rule, RuleIndex: ri, Level: sarifLevel(f.Severity), Message: sarifMessage{msg},
				Locations: []sarifLocation{{PhysicalLocation: &sarifPhysicalLocation{
					ArtifactLocation: sarifArtifactLocation{uri},
					Region:           sarifRegionOf(f.Pos.Line, f.Pos.Col, f.End.Line, f.End.Col, f.Text),
				}}},
				Properties: &sarifResultProps{Check: f.Check, Section: f.Section, Paragraph: f.Paragraph, Suggestion: f.Suggestion},
			}
			for i, rel := range f.Related {
				id := i + 1
				loc := sarifLocation{ID: &id, PhysicalLocation: &sarifPhysicalLocation{
					ArtifactLocation: sarifArtifactLocation{uri},
					Region:           sarifRegionOf(rel.Pos.Line, rel.Pos.Col, rel.EndPos.Line, rel.EndPos.Col, rel.Text),
				}}
				if rel.Message != "" {
					loc.Message = &sarifMessage{rel.Message}
				}
				res.RelatedLocations = append(res.RelatedLocations, loc)
			}
			if f.Suppressed {
				res.Suppressions = []sarifSuppression{{Kind: "inSource", Justification: f.Reason}}
			}
			run.Results = append(run.Results, res)
		}
	}
	run.Invocations = []sarifInvocation{inv}
	return sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}}
}

func sarifRegionOf(line, col, endLine, endCol int, text string) *sarifRegion {
	if line < 1 {
		line, col = 1, 1
	}
	if col < 1 {
		col = 1
	}
	if endLine < line || (endLine == line && endCol < col) {
		endLine, endCol = line, col
	}
	r := &sarifRegion{StartLine: line, StartColumn: col, EndLine: endLine, EndColumn: endCol}
	if text != "" {
		r.Snippet = &sarifMessage{text}
	}
	return r
}

// printSARIF writes results as one SARIF 2.1.0 log. Suppressed findings are
// included with an inSource suppression; unreadable files become
// tool execution notifications.
func printSARIF(w io.Writer, results []*analyze.Result) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(toSARIF(results, builtin.All))
}
