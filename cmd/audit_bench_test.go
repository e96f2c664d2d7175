package cmd

import (
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/internal/corpus"
	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
	"github.com/reportlint/reportlint/similar"
)

// Benchmarks over generated reports (internal/corpus, about 20 KB each).
//
//	go test ./cmd -run '^$' -bench Audit -benchtime 3x
//	go test ./cmd -run '^$' -bench 'AuditStage' -cpuprofile cpu.out
//
// BenchmarkAuditStage splits the per-document work, one segmenter shared:
// segment is gse alone, the ratio to analyze is the cost of the checks.

var benchCorpus struct {
	once  sync.Once
	docs  []*segment.Document
	bytes int64
	seg   *segment.Segmenter
	lex   *lexicon.Lexicon
}

func loadBenchCorpus(b *testing.B) {
	benchCorpus.once.Do(func() {
		lex, err := lexicon.Default()
		if err != nil {
			b.Fatal(err)
		}
		benchCorpus.lex = lex
		for _, r := range corpus.Generate(corpus.Options{N: 100, Seed: 11}) {
			d, err := segment.LoadBytes(r.Name, []byte(r.Text), segment.LoadOptions{})
			if err != nil {
				b.Fatal(err)
			}
			benchCorpus.docs = append(benchCorpus.docs, d)
			benchCorpus.bytes += int64(len(d.Text))
		}
		benchCorpus.seg = segment.NewFullSegmenter(lex.SegmentTerms())
	})
}

func BenchmarkAuditStage(b *testing.B) {
	loadBenchCorpus(b)
	c := &benchCorpus
	b.Run("segment", func(b *testing.B) {
		b.SetBytes(c.bytes)
		for i := 0; i < b.N; i++ {
			for _, d := range c.docs {
				c.seg.Tokens(d.Text)
			}
		}
	})
	b.Run("analyze", func(b *testing.B) {
		b.SetBytes(c.bytes)
		for i := 0; i < b.N; i++ {
			for _, d := range c.docs {
				analyze.Run(d, c.lex, analyze.Options{Checks: allChecks(), Tokenize: c.seg.Tokens})
			}
		}
	})
	b.Run("fingerprint", func(b *testing.B) {
		toks := make([][]segment.Token, len(c.docs))
		for i, d := range c.docs {
			toks[i] = c.seg.Tokens(d.Text)
		}
		ix := similar.NewIndex(benchSimilarOptions())
		b.SetBytes(c.bytes)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			for k, d := range c.docs {
				ix.Fingerprint(d.Text, toks[k])
			}
		}
	})
	// merge: the hand-off of every record to the merger (as audit's workers
	// do) and the merge; handoff: the hand-off alone.
	recs := benchRecords(b)
	for _, name := range []string{"handoff", "merge"} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(c.bytes)
			for i := 0; i < b.N; i++ {
				m := newMerger(similar.NewIndex(benchSimilarOptions()), true, true)
				for _, rec := range recs {
					if err := m.take(rec); err != nil {
						b.Fatal(err)
					}
				}
				if name == "merge" {
					m.report()
				}
			}
		})
	}
	for _, chk := range allChecks() {
		b.Run("check="+chk.Name, func(b *testing.B) {
			b.SetBytes(c.bytes)
			for i := 0; i < b.N; i++ {
				for _, d := range c.docs {
					analyze.Run(d, c.lex, analyze.Options{Checks: []*analyze.Check{chk}, Tokenize: c.seg.Tokens})
				}
			}
		})
	}
}

func benchSimilarOptions() similar.Options {
	return similar.Options{Boilerplate: append(similar.PhrasesFrom(benchCorpus.lex), similar.StockPhrases...)}
}

// benchRecords are the records of the bench corpus, as audit's per-file
// stage makes them (with signatures and claims).
func benchRecords(b *testing.B) []*auditRecord {
	c := &benchCorpus
	app := &App{Out: io.Discard, Err: io.Discard, Getenv: func(string) string { return "" }}
	st := &auditStage{app: app, lex: c.lex, opt: analyze.Options{Checks: allChecks()}, o: &auditOptions{},
		segmenter: func() *segment.Segmenter { return c.seg }, ix: similar.NewIndex(benchSimilarOptions())}
	var recs []*auditRecord
	for _, d := range c.docs {
		rec := st.analyse(d)
		if rec.Signature == nil && rec.print == nil {
			b.Fatal("record without fingerprints")
		}
		recs = append(recs, rec)
	}
	return recs
}

// BenchmarkAuditCommand runs the whole command over 300 reports written to
// disk (about 6 MB, so the full dictionary is loaded each time).
func BenchmarkAuditCommand(b *testing.B) {
	dir := b.TempDir()
	var total int64
	for _, r := range corpus.Generate(corpus.Options{N: 300, Seed: 11}) {
		if err := os.WriteFile(filepath.Join(dir, r.Name), []byte(r.Text), 0o644); err != nil {
			b.Fatal(err)
		}
		total += int64(len(r.Text))
	}
	for _, mode := range []string{"segment-only", "no-copies", "all"} {
		b.Run(mode, func(b *testing.B) {
			b.SetBytes(total)
			for i := 0; i < b.N; i++ {
				app := &App{In: nil, Out: io.Discard, Err: io.Discard, Getenv: func(string) string { return "" }}
				args := []string{"audit", "--format", "json", dir}
				if mode != "all" {
					args = append(args, "--"+mode)
				}
				if code := run(app, args); code == ExitInput {
					b.Fatal("exit 2")
				}
			}
		})
	}
}
