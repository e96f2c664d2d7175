package lazy

import (
	"sync"
	"testing"
)

func TestValueOnceAndCounted(t *testing.T) {
	before := Built()
	calls := 0
	v := Value(func() int { calls++; return 42 })
	if Built() != before || calls != 0 {
		t.Fatalf("Value evaluated before first use: built %d→%d, calls %d", before, Built(), calls)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := v(); got != 42 {
				t.Errorf("v() = %d, want 42", got)
			}
		}()
	}
	wg.Wait()
	if calls != 1 || Built() != before+1 {
		t.Fatalf("calls %d, built %d→%d; want 1 call and one more built", calls, before, Built())
	}
}

func TestRegexpAndSet(t *testing.T) {
	re := Regexp(`^a+$`)
	if !re().MatchString("aaa") || re().MatchString("b") {
		t.Fatal("Regexp does not match as compiled")
	}
	if re() != re() {
		t.Fatal("Regexp compiled twice")
	}
	s := Set("甲", "乙")
	if !s()["甲"] || !s()["乙"] || s()["丙"] || len(s()) != 2 {
		t.Fatalf("Set = %v", s())
	}
}

func TestRegexpPanicsOnBadExpr(t *testing.T) {
	re := Regexp(`(`)
	defer func() {
		if recover() == nil {
			t.Fatal("bad expression did not panic on first use")
		}
	}()
	re()
}
