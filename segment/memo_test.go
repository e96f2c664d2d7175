package segment

import (
	"strings"
	"sync"
	"testing"
)

// TestTokensMemo: recalled pieces give the tokens gse gives, on repeated
// text, on one goroutine and several, and the memo stays within its cap.
func TestTokensMemo(t *testing.T) {
	fix := repeatFixtures(t, 20000)
	text := strings.Repeat(fix+"\n", 40)
	fresh := func() *Segmenter { return NewSegmenterFor([]string{text}, testTerms) }

	setVar(t, &memoMax, 0)
	want := fresh().tokens(text, 1)
	checkCover(t, "no memo", text, want)
	if s := fresh(); s.memo.bytes.Load() != 0 || len(s.tokens(text, 1)) == 0 || s.memo.bytes.Load() != 0 {
		t.Fatal("memo filled with a cap of 0")
	}

	setVar(t, &memoMax, memoMaxBytes)
	s := fresh()
	sameTokens(t, "memo, first pass", s.tokens(text, 1), want)
	if s.memo.stored() == 0 {
		t.Fatal("no piece remembered after a repeated text: the memo is not used")
	}
	sameTokens(t, "memo, second pass", s.tokens(text, 2), want)

	// Several goroutines at once on one segmenter (audit's workers).
	s = fresh()
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sameTokens(t, "concurrent", s.tokens(text, 1+w%2), want)
		}()
	}
	wg.Wait()

	// A small cap: the memo stops growing, the tokens stay right.
	setVar(t, &memoMax, 4096)
	s = fresh()
	sameTokens(t, "capped", s.tokens(text, 1), want)
	if got := s.memo.bytes.Load(); got == 0 || got > 4096 {
		t.Errorf("capped memo holds %d bytes, want (0, 4096]", got)
	}
}

// stored counts the remembered pieces (not the seen-once marks).
func (m *memo) stored() int {
	n := 0
	for i := range m.shards {
		for _, e := range m.shards[i].m {
			if e != seenOnce {
				n++
			}
		}
	}
	return n
}
