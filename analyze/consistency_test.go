package analyze_test

import (
	"testing"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/analyzetest"
)

func TestConsistencyFixtures(t *testing.T) {
	analyzetest.Run(t, "../testdata/consistency", analyze.ConsistencyCheck)
}
