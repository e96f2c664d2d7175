package analyze_test

import (
	"testing"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/analyzetest"
)

func TestWordingFixtures(t *testing.T) {
	analyzetest.Run(t, "../testdata/wording", analyze.WordingCheck)
}
