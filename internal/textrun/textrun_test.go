package textrun

import "testing"

func TestLines(t *testing.T) {
	tx := New("甲乙\n丙\n\n丁戊")
	for i, want := range []int{1, 1, 1, 2, 2, 3, 4, 4} {
		if got := tx.Line(i); got != want {
			t.Errorf("Line(%d) = %d, want %d", i, got, want)
		}
	}
	if s, e := tx.LineBounds(4); tx.Str(s, e) != "丙" {
		t.Errorf("LineBounds(4) = %q", tx.Str(s, e))
	}
	if s, e := tx.LineBounds(6); tx.Str(s, e) != "丁戊" {
		t.Errorf("LineBounds(6) = %q", tx.Str(s, e))
	}
	calls := 0
	f := func(string) bool { calls++; return true }
	tx.LineTest(6, "x", f)
	tx.LineTest(7, "x", f)
	if calls != 1 {
		t.Errorf("LineTest computed %d times for one line", calls)
	}
}

func TestMask(t *testing.T) {
	s := "见https://a.cn/x和report.docx，不得使用“26年”的提法，“正确”。"
	tx := New(s)
	m := NewMask(tx, 1)
	masked := func(sub string) bool {
		for i := 0; i < tx.Len(); i++ {
			if tx.HasPrefix(i, sub) {
				return m.Any(i, i+len([]rune(sub)))
			}
		}
		t.Fatalf("%q not in text", sub)
		return false
	}
	for _, sub := range []string{"https", "docx", "26年"} {
		if !masked(sub) {
			t.Errorf("%q should be masked", sub)
		}
	}
	for _, sub := range []string{"见", "正确"} {
		if masked(sub) {
			t.Errorf("%q should not be masked", sub)
		}
	}
	if !NewMask(tx, 2).Any(tx.Len()-4, tx.Len()-2) {
		t.Error("quotes=2 masks every quotation")
	}
}
