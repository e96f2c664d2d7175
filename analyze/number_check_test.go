package analyze_test

import (
	"testing"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/analyzetest"
)

// TestNumberFixtures runs the number check over testdata/number: every
// finding is stated inline, every look-alike line stays silent.
func TestNumberFixtures(t *testing.T) {
	analyzetest.Run(t, "../testdata/number", analyze.NumberCheck)
}
