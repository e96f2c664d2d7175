package number_test

import (
	"testing"

	"github.com/reportlint/reportlint/analyze/analyzetest"
	"github.com/reportlint/reportlint/analyze/checks/number"
)

// TestNumberFixtures runs the number check over testdata: every
// finding is stated inline, every look-alike line stays silent.
func TestNumberFixtures(t *testing.T) {
	analyzetest.Run(t, "testdata", number.Check)
}
