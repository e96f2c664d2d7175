package cmd

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/reportlint/reportlint/analyze"
	builtin "github.com/reportlint/reportlint/analyze/checks"
)

// allChecks is the one place cmd reads the list of checks.
func allChecks() []*analyze.Check { return builtin.All }

var (
	regOnce sync.Once
	reg     *analyze.Registry
)

// registry indexes allChecks; a bad declaration is a programming error.
func registry() *analyze.Registry {
	regOnce.Do(func() {
		var err error
		reg, err = analyze.NewRegistry(allChecks())
		if err != nil {
			panic(err)
		}
	})
	return reg
}

// checkNamed returns the check called name from allChecks.
func checkNamed(name string) *analyze.Check {
	c := registry().Check(name)
	if c == nil {
		panic("cmd: no check " + name)
	}
	return c
}

// Names of the checks the single-purpose commands run.
const (
	placeholderName = "placeholder"
	numberName      = "number"
	structureName   = "structure"
)

// checkNames lists every check name, sorted.
func checkNames() []string {
	var out []string
	for _, c := range allChecks() {
		out = append(out, c.Name)
	}
	sort.Strings(out)
	return out
}

// ruleIDs lists every check name and rule id, for completion and suggestions.
func ruleIDs() []string {
	var out []string
	for _, c := range allChecks() {
		out = append(out, c.Name)
		for _, r := range c.Rules {
			out = append(out, r.ID)
		}
	}
	return out
}

// unknownIDError names an unknown check or rule id and the closest known ones.
func unknownIDError(where, id string) string {
	msg := fmt.Sprintf("%s：未知的检查或规则 %q", where, id)
	if near := closeIDs(id); len(near) > 0 {
		msg += "，是否指：" + strings.Join(near, "、")
	}
	return msg + "（全部规则见 reportlint rules）"
}

// closeIDs returns up to five known ids near id: sharing its check or kind,
// containing it, or within a small edit distance.
func closeIDs(id string) []string {
	type cand struct {
		id string
		d  int
	}
	var cs []cand
	low := strings.ToLower(strings.TrimSpace(id))
	for _, k := range ruleIDs() {
		d := editDistance(low, k)
		switch {
		case low != "" && strings.Contains(k, low):
			d = 0
		case d <= max(2, len([]rune(low))/3):
		default:
			_, kind, _ := strings.Cut(k, ".")
			_, lkind, _ := strings.Cut(low, ".")
			if kind == "" || lkind == "" || kind != lkind {
				continue
			}
			d = 1
		}
		cs = append(cs, cand{k, d})
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].d < cs[j].d })
	var out []string
	for i := 0; i < len(cs) && i < 5; i++ {
		out = append(out, cs[i].id)
	}
	return out
}

// editDistance is the Levenshtein distance over runes, capped inputs.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 {
		ra = ra[:64]
	}
	if len(rb) > 64 {
		rb = rb[:64]
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
