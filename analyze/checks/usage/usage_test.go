package usage_test

import (
	"testing"

	"github.com/reportlint/reportlint/analyze/analyzetest"
	"github.com/reportlint/reportlint/analyze/checks/usage"
)

func TestUsageFixtures(t *testing.T) {
	analyzetest.Run(t, "testdata", usage.Check)
}
