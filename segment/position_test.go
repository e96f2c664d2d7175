package segment

import (
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// naivePosition is the old per-call count from the line start.
func naivePosition(text string, off int) Pos {
	off = min(max(off, 0), len(text))
	ls := strings.LastIndexByte(text[:off], '\n') + 1
	return Pos{Line: strings.Count(text[:off], "\n") + 1, Col: utf8.RuneCountInString(text[ls:off]) + 1}
}

// Position agrees with a count from the line start at every offset,
// including offsets inside a rune and around invalid UTF-8.
func TestPositionMatchesNaive(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"完成**个，", "\n", "5G", "\xff", "（一）", "a", "\n\n", "𠀀", "\xe4\xb8"}
	var texts []string
	for _, n := range []int{0, 1, 10, 300, 3000} {
		var b strings.Builder
		for b.Len() < n {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	texts = append(texts, strings.Repeat("完成**个，", 500), strings.Repeat("一", 1000)+"\n"+strings.Repeat("二", 1000))
	for _, text := range texts {
		d := NewDocument("p.txt", FormatText, "utf-8", text, nil)
		for off := -1; off <= len(text)+1; off++ {
			if got, want := d.Position(off), naivePosition(text, off); got != want {
				t.Fatalf("len %d: Position(%d) = %+v, want %+v", len(text), off, got, want)
			}
		}
	}
}

// positionWork sums the bytes Position counts for every rune offset of one
// long line of n repetitions of unit.
func positionWork(unit string, n int) int {
	d := NewDocument("p.txt", FormatText, "utf-8", strings.Repeat(unit, n), nil)
	work := 0
	for off := range d.Text {
		_, w := d.position(off)
		work += w
	}
	return work
}

// Issue 17 item 2: positions on one long line grow linearly. Eight times the
// text must cost well under 30 times the work (a count from the line start
// costs 64 times).
func TestPositionLinearOnLongLine(t *testing.T) {
	for _, unit := range []string{"完成**个，", "（……）", "a"} {
		small, big := positionWork(unit, 4000), positionWork(unit, 32000)
		if small == 0 || big > 30*small {
			t.Errorf("%q: work %d for 1× and %d for 8× (ratio %.1f)", unit, small, big, float64(big)/float64(max(small, 1)))
		}
		t.Logf("%q: work ratio 8×/1× = %.1f", unit, float64(big)/float64(small))
	}
}

// The index stays small: one checkpoint per posStride bytes.
func TestPositionIndexSize(t *testing.T) {
	d := NewDocument("p.txt", FormatText, "utf-8", strings.Repeat("完成**个，", 100000), nil)
	if n := len(d.cpOff); n > len(d.Text)/posStride+1 {
		t.Errorf("%d checkpoints for %d bytes", n, len(d.Text))
	}
	if !sort.IntsAreSorted(d.cpOff) {
		t.Error("checkpoints out of order")
	}
}

func TestLineSpan(t *testing.T) {
	text := "甲\n\n乙丙\n"
	d := NewDocument("l.txt", FormatText, "utf-8", text, nil)
	for off := -1; off <= len(text)+1; off++ {
		o := min(max(off, 0), len(text))
		start := strings.LastIndexByte(text[:o], '\n') + 1
		end := len(text)
		if i := strings.IndexByte(text[o:], '\n'); i >= 0 {
			end = o + i
		}
		if got := d.LineSpan(off); got != (Span{start, end}) {
			t.Errorf("LineSpan(%d) = %v, want %v", off, got, Span{start, end})
		}
	}
}
