package date_test

import (
	"testing"

	"github.com/reportlint/reportlint/analyze/analyzetest"
	"github.com/reportlint/reportlint/analyze/checks"
	"github.com/reportlint/reportlint/analyze/checks/date"
	"github.com/reportlint/reportlint/analyze/checks/punctuation"
)

func TestDateFixtures(t *testing.T) {
	analyzetest.RunFile(t, "testdata/dates.txt", date.Check)
}

// TestRangeSupersedes runs date with punctuation: on 规划(2018-2020) only
// date.range's suggestion remains.
func TestRangeSupersedes(t *testing.T) {
	analyzetest.RunFile(t, "testdata/range.txt", date.Check, punctuation.Check)
}

// TestSupersedesKnown checks that every superseded rule exists.
func TestSupersedesKnown(t *testing.T) {
	reg := checks.Registry()
	for _, r := range reg.Rules() {
		for _, id := range r.Supersedes {
			if reg.Rule(id) == nil {
				t.Errorf("%s supersedes unknown rule %s", r.ID, id)
			}
		}
	}
}
