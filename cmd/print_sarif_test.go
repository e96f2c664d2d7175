package cmd

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func renderSARIF(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(toSARIF(sampleResults(t), testChecks)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestSARIFGolden(t *testing.T) {
	golden(t, "printers.sarif", renderSARIF(t))
}

// TestSARIFShape reads the log back generically and checks the fields
// consumers (GitHub code scanning, VS Code SARIF viewer) rely on.
func TestSARIFShape(t *testing.T) {
	var log struct {
		Schema  string `json:"$schema"`
		Version string `json:"version"`
		Runs    []struct {
			ColumnKind string `json:"columnKind"`
			Tool       struct {
				Driver struct {
					Name  string `json:"name"`
					Rules []struct {
						ID               string `json:"id"`
						ShortDescription struct {
							Text string `json:"text"`
						} `json:"shortDescription"`
						DefaultConfiguration struct {
							Level string `json:"level"`
						} `json:"defaultConfiguration"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Invocations []struct {
				ExecutionSuccessful bool `json:"executionSuccessful"`
				Notifications       []struct {
					Level   string `json:"level"`
					Message struct {
						Text string `json:"text"`
					} `json:"message"`
					Locations []sarifLocation `json:"locations"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex *int   `json:"ruleIndex"`
				Level     string `json:"level"`
				Message   struct {
					Text string `json:"text"`
				} `json:"message"`
				Locations        []sarifLocation    `json:"locations"`
				RelatedLocations []sarifLocation    `json:"relatedLocations"`
				Suppressions     []sarifSuppression `json:"suppressions"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(renderSARIF(t), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || !strings.Contains(log.Schema, "sarif-2.1.0") || len(log.Runs) != 1 {
		t.Fatalf("version %q schema %q runs %d", log.Version, log.Schema, len(log.Runs))
	}
	run := log.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" || run.Tool.Driver.Name != "reportlint" {
		t.Errorf("columnKind %q driver %q", run.ColumnKind, run.Tool.Driver.Name)
	}
	rules := run.Tool.Driver.Rules
	levels := map[string]string{}
	for _, r := range rules {
		levels[r.ID] = r.DefaultConfiguration.Level
		if r.ShortDescription.Text == "" {
			t.Errorf("rule %s: empty shortDescription", r.ID)
		}
	}
	for id, want := range map[string]string{"placeholder.number": "error", "number.share": "error", "wording.colloquial": "note"} {
		if levels[id] != want {
			t.Errorf("rule %s level %q, want %q", id, levels[id], want)
		}
	}
	if len(run.Results) != 7 {
		t.Fatalf("%d results, want 7 (suppressed ones included)", len(run.Results))
	}
	var sawShare, sawSuppressed bool
	for _, r := range run.Results {
		if r.RuleIndex == nil || *r.RuleIndex >= len(rules) || rules[*r.RuleIndex].ID != r.RuleID {
			t.Errorf("%s: ruleIndex %v does not point at its rule", r.RuleID, r.RuleIndex)
		}
		if len(r.Locations) != 1 || r.Locations[0].PhysicalLocation.ArtifactLocation.URI != "%E6%8A%A5%E5%91%8A/2023%E5%B9%B4%E5%BA%A6%20%E6%80%BB%E7%BB%93.txt" {
			t.Errorf("%s: locations %+v", r.RuleID, r.Locations)
		}
		reg := r.Locations[0].PhysicalLocation.Region
		switch r.RuleID {
		case "number.share":
			sawShare = true
			line := "其中，工业投资8亿元，占比达到120％。"
			col := utf8.RuneCountInString(line[:strings.Index(line, "占比")]) + 1
			if reg.StartLine != 4 || reg.StartColumn != col || reg.EndLine != 4 || reg.EndColumn != col+len([]rune("占比达到120％")) {
				t.Errorf("number.share region %+v, want line 4 columns %d-%d in code points", reg, col, col+8)
			}
			if r.Level != "warning" || !strings.Contains(r.Message.Text, "建议：核对分子分母") {
				t.Errorf("number.share level %q message %q", r.Level, r.Message.Text)
			}
			if len(r.RelatedLocations) != 2 || r.RelatedLocations[0].PhysicalLocation.Region.StartLine != 4 ||
				r.RelatedLocations[1].PhysicalLocation.Region.StartLine != 3 || r.RelatedLocations[0].Message == nil {
				t.Errorf("number.share related %+v", r.RelatedLocations)
			}
		case "punctuation.missing-end":
			if reg.StartLine != 8 || reg.StartColumn != 7 || reg.EndColumn != 7 || r.Level != "note" {
				t.Errorf("empty region %+v level %s", reg, r.Level)
			}
		}
		if len(r.Suppressions) > 0 {
			sawSuppressed = true
			if r.Suppressions[0].Kind != "inSource" || !strings.Contains(r.Suppressions[0].Justification, "演示") {
				t.Errorf("suppression %+v", r.Suppressions)
			}
		}
	}
	if !sawShare || !sawSuppressed {
		t.Errorf("share %v suppressed %v", sawShare, sawSuppressed)
	}
	if len(run.Invocations) != 1 || run.Invocations[0].ExecutionSuccessful || len(run.Invocations[0].Notifications) != 1 {
		t.Fatalf("invocations %+v", run.Invocations)
	}
	n := run.Invocations[0].Notifications[0]
	if n.Level != "error" || !strings.Contains(n.Message.Text, "文件不存在") ||
		n.Locations[0].PhysicalLocation.ArtifactLocation.URI != "%E7%BC%BA%E5%A4%B1%E7%9A%84%3C%E7%A8%BF%3E.docx" {
		t.Errorf("notification %+v", n)
	}
}

func TestSARIFURI(t *testing.T) {
	for in, want := range map[string]string{
		"a.txt":         "a.txt",
		"dir/草稿 1.txt":  "dir/%E8%8D%89%E7%A8%BF%201.txt",
		"/tmp/a b.docx": "file:///tmp/a%20b.docx",
		"c:d.txt":       "./c:d.txt",
		"<stdin>":       "%3Cstdin%3E",
		"50%.txt":       "50%25.txt",
		"a#b?.txt":      "a%23b%3F.txt",
	} {
		if got := sarifURI(in); got != want {
			t.Errorf("sarifURI(%q) = %q, want %q", in, got, want)
		}
	}
}
