package arith_test

import (
	"testing"

	"github.com/reportlint/reportlint/analyze/analyzetest"
	"github.com/reportlint/reportlint/analyze/checks/arith"
)

func TestArithFixtures(t *testing.T) {
	analyzetest.Run(t, "testdata", arith.Check)
}
