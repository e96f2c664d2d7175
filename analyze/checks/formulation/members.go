package formulation

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/internal/utf8x"

	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

// ---- member lists ----

// fmItem is one item of an enumeration: its span in the text and, once
// classified for a formulation, which member it is.
type fmItem struct {
	segment.Span
	idx    int // canonical member index
	change int // >= 0: outdated wording of the member
	slip   bool
	cands  []int // for a slip: the members it is one character off from
	masked bool  // a placeholder (**), or a slip that could be several members
}

// memberList is an enumeration of one formulation's members.
type memberList struct {
	form     int
	items    []fmItem
	span     segment.Span
	complete bool
}

const (
	fmMaskRunes  = "*＊Xx×○□"
	fmTrimRunes  = " \t\u3000*＊_"
	fmMaxItemLen = 32 * 3 // bytes (32 CJK characters); longer items are clauses
)

var fmJoiners = []string{"以及", "和", "及", "与"}

// findLists splits the text into clauses and items and returns every
// enumeration of a formulation's members.
func findLists(m *fmatcher, text string) []memberList {
	var out []memberList
	var items []segment.Span
	exact := 0
	flush := func() {
		if exact > 0 && len(items) >= 2 {
			out = append(out, listsInRegion(m, text, items)...)
		}
		items, exact = items[:0], 0
	}
	push := func(s, e int) {
		sp := fmTrimItem(text, s, e)
		if sp.Len() == 0 && e > s && !fmMasked(text[s:e]) {
			return
		}
		if _, ok := m.members[text[sp.Start:sp.End]]; ok {
			exact++
			items = append(items, sp)
			return
		}
		// 享乐主义和奢靡之风: split at a joiner when one side is a member.
		if sp.Len() <= fmMaxItemLen {
			for _, j := range fmJoiners {
				k := strings.Index(text[sp.Start:sp.End], j)
				if k <= 0 {
					continue
				}
				left := segment.Span{Start: sp.Start, End: sp.Start + k}
				right := segment.Span{Start: sp.Start + k + len(j), End: sp.End}
				_, lok := m.members[text[left.Start:left.End]]
				_, rok := m.members[text[right.Start:right.End]]
				if lok || rok {
					exact++
					items = append(items, left, right)
					return
				}
			}
		}
		items = append(items, sp)
	}
	start := 0
	for i := 0; i < len(text); {
		r, size := utf8x.DecodeRune(text, i)
		switch fmRuneClass(r) {
		case 1:
			push(start, i)
			start = i + size
		case 2:
			push(start, i)
			flush()
			start = i + size
		}
		i += size
	}
	push(start, len(text))
	flush()
	return out
}

// fmRuneClass is 1 for an item separator, 2 for a clause stop (a list never
// runs across sentence ends, quotes, brackets or line breaks), else 0.
func fmRuneClass(r rune) int {
	switch r {
	case '、', '，', ',', '；', ';':
		return 1
	case '。', '！', '？', '!', '?', '：', ':', '“', '”', '"', '《', '》', '「', '」', '『', '』', '（', '）', '(', ')', '【', '】', '\n':
		return 2
	}
	return 0
}

func fmTrimItem(text string, s, e int) segment.Span {
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:e])
		if !strings.ContainsRune(fmTrimRunes, r) {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if !strings.ContainsRune(fmTrimRunes, r) {
			break
		}
		e -= size
	}
	return segment.Span{Start: s, End: e}
}

func fmMasked(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune(fmMaskRunes, r) {
			return false
		}
	}
	return true
}

// fmClass is how one item relates to one formulation.
type fmClass uint8

const (
	icOther  fmClass = iota
	icExact          // the item is a member
	icPre            // the item ends with a member (增强政治意识): may open a list
	icPost           // the item starts with a member (看齐意识等): may close a list
	icSlip           // same length as a member and one character off
	icMasked         // a placeholder
)

// listsInRegion finds, for each formulation with a member among the items,
// the runs of items that enumerate its members.
func listsInRegion(m *fmatcher, text string, items []segment.Span) []memberList {
	forms := map[int]bool{}
	for _, it := range items {
		for _, ref := range m.members[text[it.Start:it.End]] {
			forms[ref.form] = true
		}
	}
	ids := make([]int, 0, len(forms))
	for fi := range forms {
		ids = append(ids, fi)
	}
	sort.Ints(ids)
	var out []memberList
	for _, fi := range ids {
		info := &m.forms[fi]
		var cur []fmItem
		closeList := func() {
			if l, ok := acceptList(info, fi, cur); ok {
				out = append(out, l)
			}
			cur = nil
		}
		for _, it := range items {
			c, li := classifyItem(m, info, fi, text, it)
			switch c {
			case icExact, icSlip, icMasked:
				cur = append(cur, li)
			case icPre:
				closeList()
				cur = append(cur, li)
			case icPost:
				if len(cur) > 0 {
					cur = append(cur, li)
				}
				closeList()
			default:
				closeList()
			}
		}
		closeList()
	}
	return out
}

func classifyItem(m *fmatcher, info *formInfo, fi int, text string, it segment.Span) (fmClass, fmItem) {
	s := text[it.Start:it.End]
	li := fmItem{Span: it, idx: -1, change: -1}
	if ref, ok := refFor(m.members[s], fi); ok {
		li.idx, li.change = ref.idx, ref.change
		return icExact, li
	}
	if it.Len() == 0 || fmMasked(s) {
		li.masked = true
		return icMasked, li
	}
	if len(s) > fmMaxItemLen {
		return icOther, li
	}
	n := utf8.RuneCountInString(s)
	for _, l := range info.lens {
		if l >= n {
			break
		}
		// suffix of l runes
		off := len(s)
		for k := 0; k < l; k++ {
			_, size := utf8.DecodeLastRuneInString(s[:off])
			off -= size
		}
		if ref, ok := refFor(m.members[s[off:]], fi); ok {
			li.Span = segment.Span{Start: it.Start + off, End: it.End}
			li.idx, li.change = ref.idx, ref.change
			return icPre, li
		}
	}
	for _, l := range info.lens {
		if l >= n {
			break
		}
		off := 0
		for k := 0; k < l; k++ {
			_, size := utf8.DecodeRuneInString(s[off:])
			off += size
		}
		if ref, ok := refFor(m.members[s[:off]], fi); ok {
			li.Span = segment.Span{Start: it.Start, End: it.Start + off}
			li.idx, li.change = ref.idx, ref.change
			return icPost, li
		}
	}
	rs := []rune(s)
	for idx, mem := range info.members {
		if oneRuneOff(rs, mem) {
			li.cands = append(li.cands, idx)
		}
	}
	if len(li.cands) > 0 {
		li.slip = true
		return icSlip, li
	}
	return icOther, li
}

func refFor(refs []memRef, fi int) (memRef, bool) {
	for _, r := range refs {
		if r.form == fi {
			return r, true
		}
	}
	return memRef{}, false
}

// oneRuneOff reports whether a and b have the same length and differ in exactly
// one rune.
func oneRuneOff(a, b []rune) bool {
	if len(a) != len(b) || len(a) < 2 {
		return false
	}
	diff := 0
	for i := range a {
		if a[i] != b[i] {
			diff++
			if diff > 1 {
				return false
			}
		}
	}
	return diff == 1
}

// acceptList decides whether a run of items is really the formulation's
// member list: at least two exact members, and with the slips at least
// max(3, n-1) of the n members.
func acceptList(info *formInfo, fi int, items []fmItem) (memberList, bool) {
	// A placeholder at either end may not belong to the list.
	for len(items) > 0 && items[0].masked {
		items = items[1:]
	}
	for len(items) > 0 && items[len(items)-1].masked {
		items = items[:len(items)-1]
	}
	n := len(info.members)
	have := make([]bool, n)
	exact := 0
	for _, it := range items {
		if it.slip || it.masked {
			continue
		}
		if have[it.idx] {
			return memberList{}, false // a member twice: not a plain list
		}
		have[it.idx] = true
		exact++
	}
	if exact < 2 {
		return memberList{}, false
	}
	// A slip must stand for a missing member: one it is one character off
	// from. Off from present members only, it is another word; off from
	// several missing ones, it is some member but we cannot say which.
	slips, masked := 0, 0
	for i := range items {
		it := &items[i]
		if it.masked {
			masked++
			continue
		}
		if !it.slip {
			continue
		}
		var missing []int
		for _, c := range it.cands {
			if !have[c] {
				missing = append(missing, c)
			}
		}
		switch len(missing) {
		case 0:
			it.slip, it.idx = false, -1
		case 1:
			it.idx = missing[0]
			have[it.idx] = true
			slips++
		default:
			it.slip, it.masked = false, true
			masked++
		}
	}
	kept := items[:0:0]
	for _, it := range items {
		if it.idx >= 0 || it.masked {
			kept = append(kept, it)
		}
	}
	items = kept
	// A slip at either end may be a neighbouring word: keep it only when it
	// completes the list and sits where its member belongs.
	edgeOK := func(it fmItem, prev, next int) bool {
		return exact+slips+masked == n && masked == 0 && it.idx > prev && (next < 0 || it.idx < next)
	}
	if k := len(items) - 1; k > 0 && items[k].slip && !edgeOK(items[k], items[k-1].idx, -1) {
		items, slips = items[:k], slips-1
	}
	if len(items) > 1 && items[0].slip && !edgeOK(items[0], -1, items[1].idx) {
		items, slips = items[1:], slips-1
	}
	if len(items) == 0 {
		return memberList{}, false
	}
	total := exact + slips + masked
	if total < max(3, n-1) || slips > max(1, n/3) {
		return memberList{}, false
	}
	// In a complete ordered list a slip must sit at its member's place.
	if info.f.Ordered && total == n && masked == 0 {
		for i, it := range items {
			if it.slip && it.idx != i {
				return memberList{}, false
			}
		}
	}
	l := memberList{form: fi, items: items, complete: total == n}
	l.span = segment.Span{Start: items[0].Start, End: items[len(items)-1].End}
	return l, true
}

// listFindings reports slips, outdated members, order and missing members.
func listFindings(info *formInfo, l memberList, year int, text string) []analyze.Finding {
	f := info.f
	members := formRule("members", f.Severity)
	canon := strings.Join(f.Members, "、")
	var out []analyze.Finding
	present := make([]bool, len(f.Members))
	for _, it := range l.items {
		if it.masked {
			continue
		}
		present[it.idx] = true
		switch {
		case it.slip:
			out = append(out, analyze.Finding{Rule: members, Span: it.Span,
				Message:    fmt.Sprintf("%s应为%s（%s：%s）", fq(text[it.Start:it.End]), fq(f.Members[it.idx]), fq(f.Text), canon),
				Suggestion: f.Members[it.idx]})
		case it.change >= 0:
			c := f.Changed[it.change]
			if key := lexicon.DateKey(c.Date); year > key/100 && key > 0 {
				out = append(out, outdatedFinding(f, c, key, year, it.Span))
			}
		}
	}
	var missing []string
	masked := false
	for _, it := range l.items {
		masked = masked || it.masked
	}
	if !f.Partial && !masked {
		for i, ok := range present {
			if !ok {
				missing = append(missing, fq(f.Members[i]))
			}
		}
	}
	inOrder := true
	if f.Ordered && !masked {
		prev := -1
		for _, it := range l.items {
			if it.idx < prev {
				inOrder = false
			}
			prev = it.idx
		}
	}
	switch {
	case len(missing) > 0 && !inOrder:
		out = append(out, analyze.Finding{Rule: members, Span: l.span,
			Message: fmt.Sprintf("%s不完整，缺少%s，且顺序不对（应为：%s）", fq(f.Text), strings.Join(missing, "、"), canon), Suggestion: canon})
	case len(missing) > 0:
		out = append(out, analyze.Finding{Rule: members, Span: l.span,
			Message: fmt.Sprintf("%s不完整，缺少%s（%s：%s）", fq(f.Text), strings.Join(missing, "、"), fq(f.Text), canon), Suggestion: canon})
	case !inOrder:
		out = append(out, analyze.Finding{Rule: members, Span: l.span,
			Message: fmt.Sprintf("%s的顺序应为：%s", fq(f.Text), canon), Suggestion: canon})
	}
	return out
}
