package segment

// Tokens cuts text with gse's shortest-path Segment. Token.Text is the
// original text[Start:End] (gse lowercases ASCII; Text does not), POS is the
// dictionary's part of speech or "x", and the spans cover text exactly, in
// order, including invalid UTF-8.
func (s *Segmenter) Tokens(text string) []Token {
	if s == nil || s.seg == nil || text == "" {
		return nil
	}
	buildMu.RLock()
	segs := s.seg.Segment([]byte(text))
	buildMu.RUnlock()

	out := make([]Token, len(segs))
	for i := range segs {
		start, end := segs[i].Start(), segs[i].End()
		pos := segs[i].Token().Pos()
		if pos == "" {
			pos = "x"
		}
		out[i] = Token{Text: text[start:end], POS: pos, Span: Span{Start: start, End: end}}
	}
	return out
}
