package docxout

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// OverlapError lists the edits Normalize rejected.
type OverlapError struct {
	Rejected []Edit
	Reasons  []string // Chinese, one per rejected edit
}

func (e *OverlapError) Error() string {
	return fmt.Sprintf("%d 处修改与其他修改重叠或位置无效，未应用：%s", len(e.Rejected), strings.Join(e.Reasons, "；"))
}

// Normalize sorts edits by (Start, End) and makes them safe to apply
// together. Policy:
//   - identical edits (same span and Insert) are merged into one, their
//     comments joined with "；";
//   - an edit whose span is invalid (negative, Start > End) is rejected;
//   - an edit that overlaps an earlier kept edit (in sorted order) is
//     rejected: the earlier one wins. Edits that only touch (a.End ==
//     b.Start) do not overlap, except two insertions at the same offset,
//     which are rejected because their order would be a guess.
//
// It returns the kept edits and, when any were rejected, an *OverlapError
// naming them so the caller can report them (Review writes them as comments).
func Normalize(edits []Edit) ([]Edit, error) {
	sorted := make([]Edit, len(edits))
	copy(sorted, edits)
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].Start != sorted[j].Start {
			return sorted[i].Start < sorted[j].Start
		}
		return sorted[i].End < sorted[j].End
	})
	var kept []Edit
	oe := &OverlapError{}
	for _, e := range sorted {
		if e.Start < 0 || e.End < e.Start {
			oe.Rejected = append(oe.Rejected, e)
			oe.Reasons = append(oe.Reasons, fmt.Sprintf("位置 %d–%d 无效", e.Start, e.End))
			continue
		}
		if n := len(kept); n > 0 {
			last := &kept[n-1]
			if last.Start == e.Start && last.End == e.End && last.Insert == e.Insert {
				if e.Comment != "" && !strings.Contains(last.Comment, e.Comment) {
					if last.Comment != "" {
						last.Comment += "；"
					}
					last.Comment += e.Comment
				}
				continue
			}
			if e.Start < last.End || (e.Start == e.End && last.Start == last.End && e.Start == last.Start) {
				oe.Rejected = append(oe.Rejected, e)
				oe.Reasons = append(oe.Reasons, fmt.Sprintf("位置 %d–%d 与位置 %d–%d 的修改重叠", e.Start, e.End, last.Start, last.End))
				continue
			}
		}
		kept = append(kept, e)
	}
	if len(oe.Rejected) > 0 {
		return kept, oe
	}
	return kept, nil
}

// ApplyText applies the edits that lie inside text on rune boundaries and
// that Normalize keeps among those; the others are skipped (call Normalize
// first to learn which).
func ApplyText(text string, edits []Edit) string {
	kept, _ := Normalize(validEdits(text, edits))
	var b strings.Builder
	b.Grow(len(text))
	pos := 0
	for _, e := range kept {
		if !validSpan(text, e.Start, e.End) || e.Start < pos {
			continue
		}
		b.WriteString(text[pos:e.Start])
		b.WriteString(e.Insert)
		pos = e.End
	}
	b.WriteString(text[pos:])
	return b.String()
}

// validSpan reports whether [start, end) lies in text on rune boundaries.
func validSpan(text string, start, end int) bool {
	return start >= 0 && start <= end && end <= len(text) &&
		(start == len(text) || utf8.RuneStart(text[start])) &&
		(end == len(text) || utf8.RuneStart(text[end]))
}

// validEdits keeps the edits whose span is valid in text.
func validEdits(text string, edits []Edit) []Edit {
	var out []Edit
	for _, e := range edits {
		if validSpan(text, e.Start, e.End) {
			out = append(out, e)
		}
	}
	return out
}
