// Command gencorpus writes a synthetic corpus of reports for benchmarks:
//
//	go run ./tools/gencorpus -n 1000 -out /tmp/corpus
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/reportlint/reportlint/internal/corpus"
)

func main() {
	n := flag.Int("n", 1000, "number of reports")
	out := flag.String("out", "", "output directory (required)")
	seed := flag.Uint64("seed", 1, "random seed")
	copyRate := flag.Float64("copy-rate", 0.1, "share of reports that copy paragraphs from an earlier report (negative: none)")
	minKB := flag.Int("min-kb", 5, "smallest report in KB")
	maxKB := flag.Int("max-kb", 40, "largest report in KB")
	flag.Parse()
	if *out == "" || *n <= 0 {
		flag.Usage()
		os.Exit(2)
	}
	o := corpus.Options{N: *n, Seed: *seed, CopyRate: *copyRate, MinBytes: *minKB << 10, MaxBytes: *maxKB << 10}
	paths, total, err := corpus.WriteDir(*out, o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	fmt.Printf("%d reports, %.1f MB in %s\n", len(paths), float64(total)/1e6, *out)
}
