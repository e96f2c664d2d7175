package consistency_test

import (
	"testing"

	"github.com/reportlint/reportlint/analyze/analyzetest"
	"github.com/reportlint/reportlint/analyze/checks/consistency"
)

func TestConsistencyFixtures(t *testing.T) {
	analyzetest.Run(t, "testdata", consistency.Check)
}
