package cmd

import (
	"io"
	"strings"
	"testing"
)

// BenchmarkNewRootCmd is the cost of building the command tree a run needs,
// paid by every run: the whole tree (help, completion) or one command's.
func BenchmarkNewRootCmd(b *testing.B) {
	for _, args := range [][]string{nil, {"placeholders", "a.txt"}, {"--version"}} {
		name := "whole"
		if args != nil {
			name = args[0]
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				app := &App{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard, Getenv: func(string) string { return "" }}
				newRootCmd(app, args)
			}
		})
	}
}

func BenchmarkRunVersion(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		app := &App{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard, Getenv: func(string) string { return "" }}
		if code := run(app, []string{"--version"}); code != ExitOK {
			b.Fatalf("exit %d", code)
		}
	}
}
