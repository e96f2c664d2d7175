package typo_test

import (
	"testing"

	"github.com/reportlint/reportlint/analyze/analyzetest"
	"github.com/reportlint/reportlint/analyze/checks/typo"
)

func TestTypoFixtures(t *testing.T) {
	analyzetest.Run(t, "testdata", typo.Check)
}
