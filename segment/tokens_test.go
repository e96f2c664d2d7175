package segment

import (
	"fmt"
	"strings"
	"testing"
)

// wholeTokens is Tokens before pieces: one gse call over the whole text.
func wholeTokens(s *Segmenter, text string) []Token {
	if text == "" {
		return nil
	}
	segs := s.seg.Segment([]byte(text))
	out := make([]Token, len(segs))
	for i := range segs {
		start, end := segs[i].Start(), segs[i].End()
		pos := segs[i].Token().Pos()
		if pos == "" {
			pos = "x"
		}
		out[i] = NewToken(text[start:end], pos, Span{Start: start, End: end})
	}
	return out
}

// lineTokens is the reference for Tokens: wholeTokens line by line.
func lineTokens(s *Segmenter, text string) []Token {
	var out []Token
	base := 0
	for line := range strings.SplitAfterSeq(text, "\n") {
		for _, t := range wholeTokens(s, line) {
			sp := t.Span()
			out = append(out, NewToken(t.Text, t.POS(), Span{Start: sp.Start + base, End: sp.End + base}))
		}
		base += len(line)
	}
	return out
}

// setVar sets a package variable for the test and restores it after.
func setVar(t testing.TB, v *int, n int) {
	old := *v
	*v = n
	t.Cleanup(func() { *v = old })
}

// checkCover fails unless toks cover text exactly, in order.
func checkCover(t testing.TB, name, text string, toks []Token) {
	t.Helper()
	end := 0
	for i, tok := range toks {
		if tok.Span().Start != end || tok.Span().End <= tok.Span().Start || tok.Span().End > len(text) {
			t.Fatalf("%s: token %d span %+v does not follow %d", name, i, tok.Span(), end)
		}
		if tok.Text != text[tok.Span().Start:tok.Span().End] {
			t.Fatalf("%s: token %d text %q != text[span]", name, i, tok.Text)
		}
		if tok.POS() == "" {
			t.Fatalf("%s: token %d %q has empty POS", name, i, tok.Text)
		}
		end = tok.Span().End
	}
	if end != len(text) {
		t.Fatalf("%s: tokens end at %d of %d bytes", name, end, len(text))
	}
}

func sameTokens(t testing.TB, name string, got, want []Token) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d tokens, want %d", name, len(got), len(want))
	}
	for i := 0; i < len(got) && i < len(want); i++ {
		if g, w := got[i], want[i]; g != w {
			t.Errorf("%s: token %d = %.20q %s %v, want %.20q %s %v", name, i, g.Text, g.POS(), g.Span(), w.Text, w.POS(), w.Span())
			return
		}
	}
}

// edgeTexts are the inputs whose pieces are hard to cut. fix is the
// fixtures as one text.
func edgeTexts(fix string) map[string]string {
	oneLine := strings.NewReplacer("\n", "", "\r", "").Replace(fix)
	bare := strings.NewReplacer("，", "", "。", "", "、", "", "；", "", "：", "", "“", "", "”", "", "（", "", "）", "").Replace(oneLine)
	return map[string]string{
		"empty lines":      "\n\n第一段。\n\n\n第二段\n\n",
		"only newlines":    strings.Repeat("\n", 1000),
		"crlf":             "\r\n推进高质量发展\r\n\r\n坚持两个确立\r\n",
		"cr":               "第一行\r第二行\r\r\n\n\r末行\r",
		"no final newline": "第一行\n第二行",
		"ascii across":     "iPhone\nPM2.5\nabc\ndef GDP\n5G\n",
		"invalid":          "\xe4\xb8\n\xad\xff\n坚持\xe4\xb8推进\n\xe5",
		"1MB line":         strings.Repeat(oneLine, 1<<20/len(oneLine)+1),
		"1MB bare line":    strings.Repeat(bare, 1<<20/len(bare)+1),
		"long letters":     strings.Repeat("a", 300000),
		"long 2-byte":      strings.Repeat("é", 150000),
		"long invalid":     strings.Repeat("\x80", 50000),
		"long overlapping": strings.Repeat("一", 100000) + "\n",
		"mixed long":       strings.Repeat("ab\xe4\xb8中一一", 20000),
	}
}

// TestTokensCover checks that the spans cover every edge case exactly,
// sequentially and on two goroutines, with the real piece size.
func TestTokensCover(t *testing.T) {
	fix := repeatFixtures(t, 20000)
	texts := edgeTexts(fix)
	// The long texts repeat the fixtures and the short ones.
	all := []string{fix}
	for _, v := range texts {
		if len(v) < 1000 {
			all = append(all, v)
		}
	}
	s := NewSegmenterFor(all, testTerms)
	setVar(t, &chunkBytes, 4096)
	for name, text := range texts {
		seq := s.tokens(text, 1)
		checkCover(t, name, text, seq)
		sameTokens(t, name+" on two goroutines", s.tokens(text, 2), seq)
	}
}

var forced = map[string]bool{"long letters": true, "long 2-byte": true, "long overlapping": true}

// TestTokensLines: Tokens equals gse line by line, on the fixtures with a
// tiny piece size that makes every long line cut, and on edge cases.
func TestTokensLines(t *testing.T) {
	texts := fixtures(t)
	for k, v := range oddTexts {
		texts[k] = v
	}
	fix := repeatFixtures(t, 20000)
	texts["one line"] = strings.NewReplacer("\n", "", "\r", "").Replace(fix)
	for k, v := range edgeTexts(fix) {
		// Forced cuts (no safe position in a window) differ: in a
		// run of letters (one gse word) and where entries overlap.
		if len(v) < 1<<20 && !forced[k] {
			texts[k] = v
		}
	}
	var all []string
	for _, v := range texts {
		all = append(all, v)
	}
	s := NewSegmenterFor(all, testTerms)
	for _, piece := range []int{160, 300, 4096} {
		setVar(t, &maxPiece, piece)
		for name, text := range texts {
			if len(text) > 100000 && piece != 300 {
				continue
			}
			got := s.Tokens(text)
			checkCover(t, name, text, got)
			sameTokens(t, fmt.Sprintf("%s (piece %d)", name, piece), got, lineTokens(s, text))
		}
	}
}

// TestTokensCutsExact: on a long line with punctuation, every cut is at a
// position no entry spans, so pieces give what one gse call gives, and on
// two goroutines the same.
func TestTokensCutsExact(t *testing.T) {
	fix := repeatFixtures(t, 20000)
	line := strings.NewReplacer("\n", "", "\r", "").Replace(fix)
	s := NewSegmenterFor([]string{line}, testTerms)
	setVar(t, &maxPiece, 512)
	c := &cutter{s: s, idx: map[posKey]uint16{}}
	cuts := 0
	for rest := line; len(rest) > maxPiece; cuts++ {
		n := c.cut(rest)
		if n <= 0 || n > maxPiece {
			t.Fatalf("cut %d out of (0, %d]", n, maxPiece)
		}
		// A safe cut: the text around it segments as its two sides.
		around := rest[:min(len(rest), n+maxPiece)]
		sameTokens(t, fmt.Sprintf("cut at %d", len(line)-len(rest)+n), lineTokens(s, around[:n]+"\n"+around[n:]), splice(lineTokens(s, around), n))
		rest = rest[n:]
	}
	if cuts < 20 {
		t.Errorf("only %d cuts in %d bytes", cuts, len(line))
	}
}

// splice inserts a one-byte token "\n" at offset n of toks (n must be a
// token boundary) and shifts the rest.
func splice(toks []Token, n int) []Token {
	var out []Token
	for _, t := range toks {
		if t.Span().Start == n {
			out = append(out, NewToken("\n", "x", Span{Start: n, End: n + 1}))
		}
		if t.Span().Start >= n {
			sp := t.Span()
			t = NewToken(t.Text, t.POS(), Span{Start: sp.Start + 1, End: sp.End + 1})
		}
		out = append(out, t)
	}
	return out
}

// TestTokensPosition: a paragraph segments the same after 1 MB of text as
// on its own.
func TestTokensPosition(t *testing.T) {
	setVar(t, &memoMax, 0) // cut every piece, not recall it
	fix := repeatFixtures(t, 20000)
	big := strings.Repeat(fix+"\n", 1<<20/len(fix)+1)
	s := NewSegmenterFor([]string{fix}, testTerms)
	alone := s.Tokens(fix)
	after := s.Tokens(big)
	base := len(big) - len(fix) - 1
	var tail []Token
	for _, tok := range after {
		if tok.Span().Start >= base && tok.Span().End <= base+len(fix) {
			sp := tok.Span()
			tail = append(tail, NewToken(tok.Text, tok.POS(), Span{Start: sp.Start - base, End: sp.End - base}))
		}
	}
	sameTokens(t, "last copy of the fixtures", tail, alone)
}

// TestTokensParallel: two goroutines give the sequential output on a
// large mixed text with many chunks.
func TestTokensParallel(t *testing.T) {
	setVar(t, &memoMax, 0)
	fix := repeatFixtures(t, 20000)
	text := strings.Repeat(fix+"\r\n\xff\n", 30) + strings.Repeat("一", 100000) + "\n" + fix
	s := NewSegmenterFor([]string{text}, testTerms)
	seq := s.tokens(text, 1)
	checkCover(t, "mixed", text, seq)
	for _, size := range []int{1, 1000, 50000, 128 << 10} {
		setVar(t, &chunkBytes, size)
		sameTokens(t, fmt.Sprintf("chunks of %d", size), s.tokens(text, 2), seq)
	}
	if got := s.Tokens(text); len(text) < parallelMin || len(got) != len(seq) {
		t.Errorf("Tokens on %d bytes: %d tokens, want %d (parallel from %d)", len(text), len(got), len(seq), parallelMin)
	}
}

func TestChunkEnds(t *testing.T) {
	for _, c := range []struct {
		text string
		size int
		want []int
	}{
		{"ab\ncd\nef", 1, []int{3, 6, 8}},
		{"ab\ncd\nef", 3, []int{3, 6, 8}},
		{"ab\ncd\nef", 4, []int{6, 8}},
		{"abcdef", 2, []int{6}},
		{"a\n", 10, []int{2}},
	} {
		if got := chunkEnds(c.text, c.size); fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("chunkEnds(%q, %d) = %v, want %v", c.text, c.size, got, c.want)
		}
	}
}

// FuzzTokens: spans cover any input, pieces match gse line by line away
// from forced cuts, and two goroutines match one.
func FuzzTokens(f *testing.F) {
	for _, v := range oddTexts {
		f.Add(v)
	}
	for _, v := range []string{"", "\n", "\r\n\r\n", "一一一一一一一一一一一一一一一一一一一一一一一一一一一一一一一一一一一一", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n\x80\x80"} {
		f.Add(v)
	}
	s := NewSegmenterFor([]string{strings.Join(fuzzVocabulary(), "")}, testTerms)
	f.Fuzz(func(t *testing.T, text string) {
		setVar(t, &maxPiece, 64)
		setVar(t, &chunkBytes, 16)
		seq := s.tokens(text, 1)
		checkCover(t, "fuzz", text, seq)
		sameTokens(t, "two goroutines", s.tokens(text, 2), seq)
	})
}

// fuzzVocabulary is the text the fuzz segmenter is filtered to.
func fuzzVocabulary() []string {
	var v []string
	for _, t := range oddTexts {
		v = append(v, t)
	}
	return append(v, "推进高质量发展，坚持两个确立，一一落实。第一行第二行")
}
