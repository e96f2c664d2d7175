package segment

// Span is a half-open range of byte offsets into Document.Text.
type Span struct {
	Start int `json:"offset"`
	End   int `json:"end_offset"`
}

// Len returns the length of the span in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether off lies inside the span.
func (s Span) Contains(off int) bool { return off >= s.Start && off < s.End }

// Pos is a 1-based line and column; Col counts Unicode code points.
type Pos struct {
	Line int `json:"line"`
	Col  int `json:"column"`
}

// Token is one gse segment with its byte span in the original text.
type Token struct {
	Text string // original text, case preserved
	POS  string // dictionary part of speech, "x" when unknown
	Span Span
}
