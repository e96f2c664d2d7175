package placeholder_test

import (
	"testing"

	"github.com/reportlint/reportlint/analyze/analyzetest"
	"github.com/reportlint/reportlint/analyze/checks/placeholder"
)

func TestPlaceholderFixtures(t *testing.T) {
	analyzetest.Run(t, "testdata", placeholder.Check)
}
