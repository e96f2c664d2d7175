package segment

import (
	"strconv"
	"sync"
	"testing"
	"unsafe"
)

// A Token keeps its text, span and part of speech; parts of speech are
// interned from several goroutines at once (run with -race).
func TestNewTokenRoundTrip(t *testing.T) {
	if n := unsafe.Sizeof(Token{}); n > 32 {
		t.Errorf("Token is %d bytes, want at most 32", n)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				pos := "p" + strconv.Itoa(i%50)
				if i%7 == 0 {
					pos = ""
				}
				sp := Span{Start: g*1000 + i, End: g*1000 + i + 3}
				tk := NewToken("词", pos, sp)
				if tk.Text != "词" || tk.Span() != sp || tk.POS() != pos {
					t.Errorf("NewToken(%q, %q, %v) = %q %q %v", "词", pos, sp, tk.Text, tk.POS(), tk.Span())
					return
				}
			}
		}()
	}
	wg.Wait()
	if got := NewToken("x", "x", Span{Start: -5, End: 1 << 40}).Span(); got.Start != 0 || got.End != 1<<32-1 {
		t.Errorf("out-of-range span clamped to %v", got)
	}
	if (Token{}).POS() != "" {
		t.Error("zero Token has a part of speech")
	}
}
