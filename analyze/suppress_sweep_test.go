package analyze

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/segment"
)

// naiveSuppressed is the findings × targets loop markSuppressed replaces.
func naiveSuppressed(fs []Finding, dirs []*directive) {
	for i := range fs {
		f := &fs[i]
		if f.Check == suppressionName {
			continue
		}
		for _, d := range dirs {
			for j := range d.targets {
				t := &d.targets[j]
				if d.kind == dirEnable || (t.name != f.Check && t.name != f.Rule) || f.Span.Start < t.from || f.Span.Start >= t.to {
					continue
				}
				t.used = true
				if !f.Suppressed {
					f.Suppressed, f.Reason = true, d.reason
				}
			}
		}
	}
}

func TestMarkSuppressedMatchesNaive(t *testing.T) {
	rng := rand.New(rand.NewSource(17))
	names := []string{"placeholder", "placeholder.number", "number", "number.sum", suppressionName}
	for round := 0; round < 500; round++ {
		n := 1 + rng.Intn(40)
		mk := func() ([]Finding, []*directive) {
			r := rand.New(rand.NewSource(int64(round)))
			var fs []Finding
			for i := 0; i < r.Intn(30); i++ {
				rule := names[r.Intn(len(names))]
				check, _, _ := strings.Cut(rule, ".")
				fs = append(fs, Finding{Check: check, Rule: rule, Span: segment.Span{Start: r.Intn(n), End: n}})
			}
			var dirs []*directive
			for i := 0; i < r.Intn(12); i++ {
				d := &directive{kind: []string{dirDisable, dirDisableLine, dirEnable}[r.Intn(3)], reason: string(rune('甲' + i))}
				for j := 0; j < 1+r.Intn(3); j++ {
					from := r.Intn(n+2) - 1
					d.targets = append(d.targets, target{name: names[r.Intn(len(names)-1)], from: from, to: from + r.Intn(n)})
				}
				dirs = append(dirs, d)
			}
			return fs, dirs
		}
		fs1, d1 := mk()
		fs2, d2 := mk()
		naiveSuppressed(fs1, d1)
		markSuppressed(fs2, d2)
		for i := range fs1 {
			if fs1[i].Suppressed != fs2[i].Suppressed || fs1[i].Reason != fs2[i].Reason {
				t.Fatalf("round %d finding %d: naive %v %q, sweep %v %q", round, i, fs1[i].Suppressed, fs1[i].Reason, fs2[i].Suppressed, fs2[i].Reason)
			}
		}
		for i := range d1 {
			for j := range d1[i].targets {
				if d1[i].kind != dirEnable && d1[i].targets[j].used != d2[i].targets[j].used {
					t.Fatalf("round %d directive %d target %d: naive used %v, sweep %v", round, i, j, d1[i].targets[j].used, d2[i].targets[j].used)
				}
			}
		}
	}
}

// naiveClose is the scan over all earlier directives openRegions replaces.
func naiveClose(en *directive, before []*directive) {
	names := en.targets
	for _, d := range before {
		if d.kind != dirDisable {
			continue
		}
		for i := range d.targets {
			t := &d.targets[i]
			if t.to <= en.span.Start {
				continue
			}
			if len(names) == 0 && len(en.problems) == 0 {
				t.to = en.span.Start
				en.closes = true
			}
			for j := range names {
				if names[j].name == t.name || names[j].name == t.check {
					t.to = en.span.Start
					names[j].used = true
					en.closes = true
				}
			}
		}
	}
}

func TestOpenRegionsMatchNaive(t *testing.T) {
	names := []string{"placeholder", "placeholder.number", "placeholder.name", "number", "number.sum"}
	for round := 0; round < 500; round++ {
		mk := func() []*directive {
			r := rand.New(rand.NewSource(int64(round)))
			var dirs []*directive
			for i := 0; i < r.Intn(25); i++ {
				d := &directive{kind: []string{dirDisable, dirDisable, dirEnable, dirDisableLine}[r.Intn(4)], span: segment.Span{Start: 10 * i, End: 10*i + 5}}
				for j := 0; j < r.Intn(3); j++ {
					n := names[r.Intn(len(names))]
					check, _, _ := strings.Cut(n, ".")
					d.targets = append(d.targets, target{name: n, check: check, from: d.span.Start, to: 1000})
				}
				if r.Intn(5) == 0 {
					d.problems = []problem{{"malformed", "x"}}
				}
				dirs = append(dirs, d)
			}
			return dirs
		}
		d1, d2 := mk(), mk()
		open := newOpenRegions()
		for i := range d1 {
			switch d1[i].kind {
			case dirEnable:
				naiveClose(d1[i], d1[:i])
				open.close(d2[i])
			case dirDisable:
				open.add(d2[i])
			}
		}
		for i := range d1 {
			if d1[i].closes != d2[i].closes {
				t.Fatalf("round %d directive %d: naive closes %v, index %v", round, i, d1[i].closes, d2[i].closes)
			}
			for j := range d1[i].targets {
				a, b := d1[i].targets[j], d2[i].targets[j]
				if a.to != b.to || a.used != b.used {
					t.Fatalf("round %d directive %d target %d: naive to=%d used=%v, index to=%d used=%v", round, i, j, a.to, a.used, b.to, b.used)
				}
			}
		}
	}
}
