package docxout

import (
	"fmt"
	"strings"
)

// maxDiffD bounds the Myers search (edit distance in lines); past it the
// differing middle is shown as one replaced block. Keeps memory O(D²) small.
const maxDiffD = 1000

// UnifiedDiff returns a unified diff (3 lines of context) turning before
// into after, with "--- a/name" and "+++ b/name" headers; "" when equal.
func UnifiedDiff(name, before, after string) string {
	if before == after {
		return ""
	}
	a, b := splitLines(before), splitLines(after)
	ops := diffLines(a, b)
	var sb strings.Builder
	fmt.Fprintf(&sb, "--- a/%s\n+++ b/%s\n", name, name)
	const ctx = 3
	// ops: 0 equal, -1 delete (from a), +1 insert (from b)
	type op struct {
		kind int
		ai   int
		bi   int
	}
	var all []op
	ai, bi := 0, 0
	for _, k := range ops {
		all = append(all, op{k, ai, bi})
		switch k {
		case 0:
			ai++
			bi++
		case -1:
			ai++
		case 1:
			bi++
		}
	}
	for i := 0; i < len(all); {
		if all[i].kind == 0 {
			i++
			continue
		}
		start := max(i-ctx, 0)
		end := i
		for end < len(all) {
			if all[end].kind != 0 {
				end++
				continue
			}
			run := end
			for run < len(all) && all[run].kind == 0 {
				run++
			}
			if run == len(all) || run-end > 2*ctx {
				end = min(end+ctx, len(all))
				break
			}
			end = run
		}
		na, nb := 0, 0
		for _, o := range all[start:end] {
			if o.kind <= 0 {
				na++
			}
			if o.kind >= 0 {
				nb++
			}
		}
		fmt.Fprintf(&sb, "@@ -%s +%s @@\n", hunkRange(all[start].ai, na), hunkRange(all[start].bi, nb))
		for _, o := range all[start:end] {
			switch o.kind {
			case 0:
				writeDiffLine(&sb, ' ', a[o.ai])
			case -1:
				writeDiffLine(&sb, '-', a[o.ai])
			case 1:
				writeDiffLine(&sb, '+', b[o.bi])
			}
		}
		i = end
	}
	return sb.String()
}

func hunkRange(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	if n == 1 {
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

func writeDiffLine(sb *strings.Builder, mark byte, line string) {
	sb.WriteByte(mark)
	if strings.HasSuffix(line, "\n") {
		sb.WriteString(line)
		return
	}
	sb.WriteString(line)
	sb.WriteString("\n\\ No newline at end of file\n")
}

// splitLines splits s after each "\n", keeping the newlines.
func splitLines(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}

// diffLines returns the edit script (0 keep, -1 delete, +1 insert) from a
// to b: common prefix and suffix trimmed, then Myers' O(ND) algorithm.
func diffLines(a, b []string) []int {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var ops []int
	for range pre {
		ops = append(ops, 0)
	}
	ops = append(ops, myers(a[pre:len(a)-suf], b[pre:len(b)-suf])...)
	for range suf {
		ops = append(ops, 0)
	}
	return ops
}

func myers(a, b []string) []int {
	n, m := len(a), len(b)
	replaceAll := func() []int {
		ops := make([]int, 0, n+m)
		for range n {
			ops = append(ops, -1)
		}
		for range m {
			ops = append(ops, 1)
		}
		return ops
	}
	if n == 0 || m == 0 {
		return replaceAll()
	}
	maxD := min(n+m, maxDiffD)
	off := maxD + 1
	v := make([]int, 2*maxD+3)
	var trace [][]int
	found := -1
	for d := 0; d <= maxD && found < 0; d++ {
		trace = append(trace, append([]int(nil), v[off-d-1:off+d+2]...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				found = d
				break
			}
		}
	}
	if found < 0 {
		return replaceAll()
	}
	// Backtrack.
	var rev []int
	x, y := n, m
	for d := found; d > 0; d-- {
		pv := trace[d]
		k := x - y
		var pk int
		at := func(k int) int { return pv[k+d+1] }
		if k == -d || (k != d && at(k-1) < at(k+1)) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := at(pk)
		py := px - pk
		for x > px && y > py {
			rev = append(rev, 0)
			x--
			y--
		}
		if x == px {
			rev = append(rev, 1)
		} else {
			rev = append(rev, -1)
		}
		x, y = px, py
	}
	for x > 0 && y > 0 {
		rev = append(rev, 0)
		x--
		y--
	}
	ops := make([]int, len(rev))
	for i, o := range rev {
		ops[len(rev)-1-i] = o
	}
	return ops
}
