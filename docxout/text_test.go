package docxout

import (
	"errors"
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	edits := []Edit{
		{Start: 10, End: 12, Insert: "b", Comment: "二"},
		{Start: 0, End: 2, Insert: "a", Comment: "一"},
		{Start: 10, End: 12, Insert: "b", Comment: "三"}, // duplicate: merged
		{Start: 11, End: 13, Insert: "c"},               // overlaps [10,12): rejected
		{Start: 12, End: 12, Insert: "d"},               // touches: kept
		{Start: 12, End: 12, Insert: "e"},               // second insertion at 12: rejected
		{Start: 5, End: 3},                              // invalid
	}
	kept, err := Normalize(edits)
	var oe *OverlapError
	if !errors.As(err, &oe) || len(oe.Rejected) != 3 {
		t.Fatalf("err = %v", err)
	}
	want := []Edit{{0, 2, "a", "一"}, {10, 12, "b", "二；三"}, {12, 12, "d", ""}}
	if len(kept) != len(want) {
		t.Fatalf("kept %v", kept)
	}
	for i := range want {
		if kept[i] != want[i] {
			t.Errorf("kept[%d] = %v, want %v", i, kept[i], want[i])
		}
	}
	if _, err := Normalize(want); err != nil {
		t.Errorf("clean edits rejected: %v", err)
	}
}

func TestApplyText(t *testing.T) {
	text := "增长15-20%，达到１２３"
	s := strings.Index(text, "-")
	f := strings.Index(text, "１２３")
	got := ApplyText(text, []Edit{
		{Start: f, End: len(text), Insert: "123"},
		{Start: s, End: s + 1, Insert: "%～"},
		{Start: s, End: s + 2, Insert: "x"}, // overlaps: skipped
		{Start: 1, End: 2, Insert: "y"},     // not on a rune boundary: skipped
		{Start: 0, End: 99, Insert: "z"},    // out of range: skipped
	})
	if want := "增长15%～20%，达到123"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestUnifiedDiff(t *testing.T) {
	if d := UnifiedDiff("a.txt", "x\n", "x\n"); d != "" {
		t.Errorf("equal texts gave %q", d)
	}
	var lines []string
	for i := 1; i <= 20; i++ {
		lines = append(lines, "第"+strings.Repeat("行", i%3+1))
	}
	before := strings.Join(lines, "\n") + "\n"
	lines[1] = "改动一"
	lines[15] = "改动二"
	after := strings.Join(lines, "\n") + "\n"
	d := UnifiedDiff("报告.txt", before, after)
	want := "--- a/报告.txt\n+++ b/报告.txt\n" +
		"@@ -1,5 +1,5 @@\n 第行行\n-第行行行\n+改动一\n 第行\n 第行行\n 第行行行\n" +
		"@@ -13,7 +13,7 @@\n 第行行\n 第行行行\n 第行\n-第行行\n+改动二\n 第行行行\n 第行\n 第行行\n"
	if d != want {
		t.Errorf("diff:\n%s\nwant:\n%s", d, want)
	}
	// No trailing newline, insertion and deletion of lines.
	d = UnifiedDiff("x", "a\nb\nc", "a\nc\nd")
	want = "--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@\n a\n-b\n-c\n\\ No newline at end of file\n+c\n+d\n\\ No newline at end of file\n"
	if d != want {
		t.Errorf("diff:\n%q\nwant:\n%q", d, want)
	}
	// Applying the hunks' +/- lines must rebuild after (checked by replay).
	for _, tc := range [][2]string{{"", "a\n"}, {"a\n", ""}, {"a\nb\n", "b\na\n"}, {strings.Repeat("x\n", 50), strings.Repeat("y\n", 50)}} {
		if got := replay(tc[0], UnifiedDiff("f", tc[0], tc[1])); got != tc[1] {
			t.Errorf("replay(%q) = %q, want %q", tc[0], got, tc[1])
		}
	}
}

// replay applies a unified diff produced by UnifiedDiff to before.
func replay(before, diff string) string {
	if diff == "" {
		return before
	}
	src := splitLines(before)
	var out []string
	pos := 0
	dl := strings.Split(diff, "\n")
	for i := 2; i < len(dl); i++ {
		l := dl[i]
		if strings.HasPrefix(l, "@@") {
			var a int
			spec := strings.Fields(l)[1][1:]
			if j := strings.IndexByte(spec, ','); j >= 0 {
				spec = spec[:j]
			}
			for _, c := range spec {
				a = a*10 + int(c-'0')
			}
			if strings.HasSuffix(strings.Fields(l)[1], ",0") {
				a++
			}
			for pos < a-1 {
				out = append(out, src[pos])
				pos++
			}
			continue
		}
		if l == "" {
			continue
		}
		nl := "\n"
		if i+1 < len(dl) && strings.HasPrefix(dl[i+1], `\ `) {
			nl = ""
		}
		switch l[0] {
		case ' ':
			out = append(out, l[1:]+nl)
			pos++
		case '-':
			pos++
		case '+':
			out = append(out, l[1:]+nl)
		}
	}
	out = append(out, src[pos:]...)
	return strings.Join(out, "")
}
