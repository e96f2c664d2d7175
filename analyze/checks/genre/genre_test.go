package genre_test

import (
	"testing"

	"github.com/reportlint/reportlint/analyze/analyzetest"
	"github.com/reportlint/reportlint/analyze/checks/genre"
)

func TestGenreFixtures(t *testing.T) {
	analyzetest.Run(t, "testdata", genre.Check)
}
