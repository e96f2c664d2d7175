package genre

import (
	"testing"

	"github.com/reportlint/reportlint/internal/benchdocs"
	"github.com/reportlint/reportlint/internal/textrun"
)

type benchDoc struct {
	text  string
	runes *textrun.Text // decoded beforehand: the analysis shares it between checks
	opt   Options
}

// prepare sets the options as the genre check does for a report's profile.
func prepare(docs []benchdocs.Doc) []benchDoc {
	out := make([]benchDoc, len(docs))
	for i, d := range docs {
		out[i] = benchDoc{text: d.Doc.Text, runes: textrun.New(d.Doc.Text), opt: Options{Profile: d.Profile,
			Upward: d.Profile == "duty-report" || d.Profile == "annual-summary", Tokens: d.Tokens}}
	}
	return out
}

// BenchmarkDetect runs the detector on whole reports; the rune view is
// decoded beforehand, as the analysis shares it between checks.
func BenchmarkDetect(b *testing.B) {
	run := func(b *testing.B, docs []benchDoc) {
		var n int64
		for _, d := range docs {
			n += int64(len(d.text))
		}
		b.SetBytes(n)
		b.ReportAllocs()
		for b.Loop() {
			for _, d := range docs {
				DetectRunes(d.text, d.runes.View, d.opt)
			}
		}
	}
	b.Run("generated", func(b *testing.B) { run(b, prepare(benchdocs.Generated(b))) })
	b.Run("real", func(b *testing.B) { run(b, prepare(benchdocs.Real(b))) })
}
