// Package lazy defers package-level work (compiled regexps, word sets, maps
// built from data) to its first use, so that starting the program or a
// command that does not need them costs nothing.
//
// Values are built at most once and are safe to share between goroutines.
package lazy

import (
	"regexp"
	"sync"
	"sync/atomic"
)

// built counts the lazy values evaluated in this process.
var built atomic.Int64

// Value returns a function that computes f once, on its first call. It is
// not inlined: package initialisation would otherwise carry a copy of
// sync.OnceValue's closures for every lazy var.
//
//go:noinline
func Value[T any](f func() T) func() T {
	return sync.OnceValue(func() T {
		built.Add(1)
		return f()
	})
}

// Regexp returns a function that compiles expr on its first call; a bad
// expression panics then, as regexp.MustCompile does.
//
//go:noinline
func Regexp(expr string) func() *regexp.Regexp {
	return Value(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// Set returns a function that builds the set of words on its first call.
func Set(words ...string) func() map[string]bool {
	return Value(func() map[string]bool {
		m := make(map[string]bool, len(words))
		for _, w := range words {
			m[w] = true
		}
		return m
	})
}

// Built reports how many lazy values this process has evaluated: a test
// reads it before any other code runs to prove package initialisation
// evaluated none.
func Built() int64 { return built.Load() }
