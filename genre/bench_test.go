package genre

import (
	"strings"
	"sync"
	"testing"

	"github.com/reportlint/reportlint/internal/corpus"
	"github.com/reportlint/reportlint/internal/fixture"
	"github.com/reportlint/reportlint/internal/textrun"
	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

type benchDoc struct {
	text  string
	runes *textrun.Text // decoded beforehand: the analysis shares it between checks
	opt   Options
}

var bench struct {
	once sync.Once
	seg  *segment.Segmenter
	gen  []benchDoc
}

func loadBench(b *testing.B) {
	bench.once.Do(func() {
		lex, err := lexicon.Default()
		if err != nil {
			b.Fatal(err)
		}
		bench.seg = segment.NewFullSegmenter(lex.SegmentTerms())
		for _, r := range corpus.Generate(corpus.Options{N: 40, Seed: 11}) {
			bench.gen = append(bench.gen, prepare(r.Text, r.Profile))
		}
	})
}

// prepare sets the options as the genre check does for a profile.
func prepare(text, profile string) benchDoc {
	return benchDoc{text: text, runes: textrun.New(text), opt: Options{Profile: profile, Upward: profile == "duty-report" || profile == "annual-summary",
		Tokens: bench.seg.Tokens(text)}}
}

// realDocs reads the real reports (fixture.RealReports) or skips: they are
// not part of the repository. The profile is guessed from the file name
// (gwr: government-work report).
func realDocs(b *testing.B) []benchDoc {
	var out []benchDoc
	for _, r := range fixture.RealReports(b) {
		prof := "duty-report"
		if strings.Contains(r.Name, "gwr") {
			prof = "government-work"
		}
		out = append(out, prepare(string(r.Data), prof))
	}
	return out
}

// BenchmarkDetect runs the detector on whole reports; the rune view is
// decoded beforehand, as the analysis shares it between checks.
func BenchmarkDetect(b *testing.B) {
	loadBench(b)
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
	b.Run("generated", func(b *testing.B) { run(b, bench.gen) })
	b.Run("real", func(b *testing.B) { run(b, realDocs(b)) })
}
