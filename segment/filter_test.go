package segment

import (
	"strings"
	"testing"
)

// undeduped builds a filtered segmenter the way NewSegmenterFor did before
// the pre-pass: every substring of the whole text, no paragraph skipped.
func undeduped(texts, terms []string) *Segmenter {
	f := newGrowingFilter(0, 0)
	for _, t := range texts {
		f.addSubstrings(t)
	}
	return f.segmenter(terms)
}

// A large repetitive input (a report pasted many times, as in 100 copies of
// one) reads each paragraph once: the pre-pass's tables stay those of one
// copy, and the tokens are those of the undeduplicated filter and of the
// full dictionary.
func TestSegmenterForRepetitive(t *testing.T) {
	one := repeatFixtures(t, 20000) + "\n" + oddTexts["case"] + "\n"
	text := strings.Repeat(one, 60)
	// The same paragraphs with CRLF, where "\r" ends each line's last run.
	crlf := strings.ReplaceAll(one, "\n", "\r\n")

	_, st1 := NewBatchSegmenter([]string{one}, testTerms, 0)
	s, st := NewBatchSegmenter([]string{text, crlf}, testTerms, 0)
	if st.Fallback || st.Substrings != st1.Substrings || st.ReadBytes >= 3*int64(len(one)) ||
		st.Duplicates < 59*st1.Paragraphs || st.PeakBytes > 2*st1.PeakBytes {
		t.Errorf("60 copies: %+v; one copy: %+v", st, st1)
	}
	ref := undeduped([]string{text, crlf}, testTerms)
	if s.Entries() != ref.Entries() {
		t.Errorf("%d entries, %d without de-duplication", s.Entries(), ref.Entries())
	}
	got := NewSegmenterFor([]string{text}, testTerms).Tokens(text)
	assertSame(t, "repeated/undeduped", got, ref.Tokens(text))
	assertSame(t, "repeated/crlf", s.Tokens(crlf), ref.Tokens(crlf))
	if !testing.Short() {
		assertSame(t, "repeated/full", got, full(t).Tokens(text))
	}
}

// Text whose substrings are nearly all distinct (keys drawn uniformly from
// the whole dictionary) passes the cap: the pre-pass stops reading at it
// with bounded tables, and the segmenter is the full one.
func TestSegmenterForAdversarial(t *testing.T) {
	adv := adversarialText(10 << 20)
	// NewSegmenterFor's pre-pass, without building the full dictionary.
	b := newBatch(ForLimit, substringHint(len(adv))+2*len(testTerms))
	if b.Add(adv) || !b.Fallback() {
		t.Fatalf("10 MB drawn from the whole dictionary did not pass the cap: %+v", b.Stats())
	}
	st := b.Stats()
	if st.Substrings <= ForLimit || st.Substrings > ForLimit+window ||
		st.ReadBytes > 2<<20 || st.PeakBytes > 20*ForLimit {
		t.Errorf("pre-pass did not stop at the cap: %+v", st)
	}
	// Under the cap, the same kind of text gets a filtered dictionary.
	small := adversarialText(300000)
	s, st2 := NewBatchSegmenter([]string{small}, testTerms, ForLimit)
	if st2.Fallback {
		t.Errorf("300 KB fell back: %+v", st2)
	}
	if testing.Short() {
		return
	}
	f := full(t)
	assertSame(t, "adversarial/small", s.Tokens(small), f.Tokens(small))
	big := NewSegmenterFor([]string{adv}, testTerms)
	if big.Entries() != f.Entries() {
		t.Errorf("fallback segmenter has %d entries, full %d", big.Entries(), f.Entries())
	}
	part := adv[:len(cutRunes(adv, 200000))]
	assertSame(t, "adversarial/fallback", big.Tokens(part), f.Tokens(part))
}

// A term that is a dictionary key shadows it even when the input lacks it:
// the total frequency is the full load's whatever the text.
func TestTermAbsentTotal(t *testing.T) {
	// 8 distinct term keys at 1000; 一岗双责 shadows its dictionary entry
	// (freq 5).
	want := fullTotalFreq + 8*1000 - 5.0
	for _, text := range []string{"", "坚持发展", "一岗", "岗双责", "一岗双责", "数据要素×"} {
		s := NewSegmenterFor([]string{text}, testTerms)
		if got := s.seg.Dict.TotalFreq(); got != want {
			t.Errorf("%q: total %v, want %v", text, got, want)
		}
		if got := texts2(s.Tokens("落实一岗双责")); !contains(got, "一岗双责") {
			t.Errorf("%q: term not whole in %q", text, got)
		}
	}
}
