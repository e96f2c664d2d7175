package cmd

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/reportlint/reportlint/internal/corpus"
)

// Whole commands in-process on one report, as a process runs them (the
// lexicon and other package-level caches stay warm across iterations):
//
//	go test ./cmd -run '^$' -bench 'Command/' -benchtime 20x -cpuprofile cpu.out
//
// "generated" is one internal/corpus report (≈20 KB); "seed" is the shared
// seed report when ../shared exists.
func BenchmarkCommand(b *testing.B) {
	dir := b.TempDir()
	inputs := map[string]string{}
	gen := corpus.Generate(corpus.Options{N: 1, Seed: 3})[0]
	inputs["generated"] = filepath.Join(dir, "generated.txt")
	if err := os.WriteFile(inputs["generated"], []byte(gen.Text), 0o644); err != nil {
		b.Fatal(err)
	}
	// ../shared from the repository root, or from a worktree beside it.
	for _, dir := range []string{"../../shared", "../../../shared"} {
		seed := filepath.Join(dir, "seeds", "000_c5c5abb15a0af8f1.txt")
		if _, err := os.Stat(seed); err == nil {
			inputs["seed"] = seed
			break
		}
	}
	for _, name := range []string{"generated", "seed"} {
		path, ok := inputs[name]
		if !ok {
			continue
		}
		st, err := os.Stat(path)
		if err != nil {
			b.Fatal(err)
		}
		for _, command := range []string{"check", "placeholders"} {
			b.Run(command+"/"+name, func(b *testing.B) {
				b.SetBytes(st.Size())
				b.ReportAllocs()
				for i := 0; i < b.N; i++ {
					app := &App{Out: io.Discard, Err: io.Discard, Getenv: func(string) string { return "" }, NoConfig: true}
					if code := run(app, []string{command, path}); code > ExitFindings {
						b.Fatalf("%s exit %d", command, code)
					}
				}
			})
		}
	}
}
