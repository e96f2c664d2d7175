// Package checks lists reportlint's built-in checks: the one slice All, in
// the order their findings are documented. Each check lives in its own
// package below this one, with its fixtures beside it.
package checks

import (
	"sort"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/checks/arith"
	"github.com/reportlint/reportlint/analyze/checks/consistency"
	"github.com/reportlint/reportlint/analyze/checks/date"
	"github.com/reportlint/reportlint/analyze/checks/formulation"
	"github.com/reportlint/reportlint/analyze/checks/genre"
	"github.com/reportlint/reportlint/analyze/checks/number"
	"github.com/reportlint/reportlint/analyze/checks/placeholder"
	"github.com/reportlint/reportlint/analyze/checks/punctuation"
	"github.com/reportlint/reportlint/analyze/checks/structure"
	"github.com/reportlint/reportlint/analyze/checks/suppression"
	"github.com/reportlint/reportlint/analyze/checks/typo"
	"github.com/reportlint/reportlint/analyze/checks/usage"
	"github.com/reportlint/reportlint/analyze/checks/wording"
)

// All lists every check, in the order their findings are documented.
var All = []*analyze.Check{
	placeholder.Check,
	formulation.Check,
	structure.Check,
	suppression.Check,
	punctuation.Check,
	wording.Check,
	consistency.Check,
	number.Check,
	typo.Check,
	date.Check,
	genre.Check,
	usage.Check,
	arith.Check,
}

// Lookup finds a built-in check by name (nil when unknown).
func Lookup(name string) *analyze.Check { return analyze.Lookup(All, name) }

// Known reports whether name is a built-in check or one of its rules.
func Known(name string) bool { return analyze.Known(All, name) }

// Names returns the names of all checks, sorted.
func Names() []string {
	var out []string
	for _, c := range All {
		out = append(out, c.Name)
	}
	sort.Strings(out)
	return out
}

// Registry indexes All and its rules. All is validated by the tests, so an
// error here is a programming error.
func Registry() *analyze.Registry {
	r, err := analyze.NewRegistry(All)
	if err != nil {
		panic(err)
	}
	return r
}
