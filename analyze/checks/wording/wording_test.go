package wording_test

import (
	"testing"

	"github.com/reportlint/reportlint/analyze/analyzetest"
	"github.com/reportlint/reportlint/analyze/checks/wording"
)

func TestWordingFixtures(t *testing.T) {
	analyzetest.Run(t, "testdata", wording.Check)
}
