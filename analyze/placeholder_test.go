package analyze_test

import (
	"testing"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/analyzetest"
)

func TestPlaceholderFixtures(t *testing.T) {
	analyzetest.Run(t, "../testdata/placeholder", analyze.PlaceholderCheck)
}
