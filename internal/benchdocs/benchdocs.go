// Package benchdocs prepares whole reports for benchmarks, once per test
// process: the default lexicon, a full segmenter, 40 generated reports
// (internal/corpus) and the real ones when present (fixture.RealReports),
// each loaded and segmented.
package benchdocs

import (
	"strings"
	"sync"
	"testing"

	"github.com/reportlint/reportlint/internal/corpus"
	"github.com/reportlint/reportlint/internal/fixture"
	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

// Doc is one loaded report and its tokens.
type Doc struct {
	Name    string
	Profile string // the generator's profile; for real reports guessed from the name (gwr: government work)
	Doc     *segment.Document
	Tokens  []segment.Token
}

var shared struct {
	once sync.Once
	err  error
	lex  *lexicon.Lexicon
	seg  *segment.Segmenter
	gen  []Doc
}

func load(tb testing.TB) {
	tb.Helper()
	shared.once.Do(func() {
		if shared.lex, shared.err = lexicon.Default(); shared.err != nil {
			return
		}
		shared.seg = segment.NewFullSegmenter(shared.lex.SegmentTerms())
		for _, r := range corpus.Generate(corpus.Options{N: 40, Seed: 11}) {
			var d Doc
			if d, shared.err = prepare(r.Name, r.Profile, []byte(r.Text)); shared.err != nil {
				return
			}
			shared.gen = append(shared.gen, d)
		}
	})
	if shared.err != nil {
		tb.Fatal(shared.err)
	}
}

func prepare(name, profile string, data []byte) (Doc, error) {
	d, err := segment.LoadBytes(name, data, segment.LoadOptions{})
	if err != nil {
		return Doc{}, err
	}
	return Doc{Name: name, Profile: profile, Doc: d, Tokens: shared.seg.Tokens(d.Text)}, nil
}

// Lexicon returns the default lexicon.
func Lexicon(tb testing.TB) *lexicon.Lexicon {
	load(tb)
	return shared.lex
}

// Generated returns the 40 generated reports.
func Generated(tb testing.TB) []Doc {
	load(tb)
	return shared.gen
}

// Real returns the real reports, or skips the benchmark when they are
// absent (they are not part of the repository).
func Real(tb testing.TB) []Doc {
	load(tb)
	var out []Doc
	for _, r := range fixture.RealReports(tb) {
		prof := "duty-report"
		if strings.Contains(r.Name, "gwr") {
			prof = "government-work"
		}
		d, err := prepare(r.Name, prof, r.Data)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, d)
	}
	return out
}

// Bytes is the text size of docs, for b.SetBytes.
func Bytes(docs []Doc) int64 {
	var n int64
	for _, d := range docs {
		n += int64(len(d.Doc.Text))
	}
	return n
}
