// Package segment turns input bytes into a Document: decoded text,
// paragraphs, headings, sentences, positions and (on demand) gse tokens.
package segment

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Format is the input format of a document.
type Format string

// Input formats.
const (
	FormatText     Format = "txt"
	FormatMarkdown Format = "md"
	FormatDocx     Format = "docx"
)

// Document is one decoded report. Text is normalised to "\n" line ends;
// every Span indexes into it.
type Document struct {
	Path     string
	Format   Format
	Encoding string // utf-8, utf-8-bom, utf-16le, utf-16be, gb18030
	Text     string

	Paragraphs []Paragraph
	Headings   []*Heading // numbered headings in document order
	Title      Span       // the report's title line; zero if none found

	lineStarts []int
	lineRunes  []int // code points before each line start
	cpOff      []int // rune-boundary checkpoints, one per posStride bytes
	cpRunes    []int // code points before each checkpoint
}

// posStride is the byte distance between rune-offset checkpoints: Position
// counts at most about 2×posStride bytes per call, whatever the line length.
const posStride = 256

// Paragraph is one non-blank line of text (or one .docx paragraph).
type Paragraph struct {
	Span     Span     // trimmed of surrounding white space
	Number   int      // 1-based: .docx paragraph number, else line number
	Heading  *Heading // non-nil when the paragraph starts with a heading number
	Comments []string // .docx comments anchored here
	Style    string   // .docx style id
	AutoNum  bool     // the heading number was rendered from Word's list numbering
}

// NewDocument builds a Document from already decoded, newline-normalised text.
// paras may carry .docx paragraph metadata (one per line of text); nil for text files.
func NewDocument(path string, format Format, encoding, text string, meta []DocxParagraph) *Document {
	d := &Document{Path: path, Format: format, Encoding: encoding, Text: text}
	d.lineStarts = append(d.lineStarts, 0)
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			d.lineStarts = append(d.lineStarts, i+1)
		}
	}
	d.indexRunes()
	for li, start := range d.lineStarts {
		end := len(text)
		if li+1 < len(d.lineStarts) {
			end = d.lineStarts[li+1] - 1
		}
		sp := trimSpan(text, Span{start, end})
		if sp.Len() == 0 {
			continue
		}
		p := Paragraph{Span: sp, Number: li + 1}
		if meta != nil && li < len(meta) {
			p.Comments = meta[li].Comments
			p.Style = meta[li].Style
			p.AutoNum = meta[li].NumPrefix != ""
		}
		d.Paragraphs = append(d.Paragraphs, p)
	}
	d.findHeadings()
	return d
}

// trimSpan drops leading and trailing white space, including U+3000 and
// (in Markdown) nothing else: markers are kept so offsets stay honest.
func trimSpan(text string, sp Span) Span {
	s := text[sp.Start:sp.End]
	l := len(s) - len(strings.TrimLeftFunc(s, isSpace))
	r := len(strings.TrimRightFunc(s, isSpace))
	if r < l {
		return Span{sp.Start, sp.Start}
	}
	return Span{sp.Start + l, sp.Start + r}
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\r', '\n', '\u3000', '\u00a0', '\ufeff', '\u200b':
		return true
	}
	return false
}

// Slice returns the text of a span.
func (d *Document) Slice(sp Span) string {
	if sp.Start < 0 || sp.End > len(d.Text) || sp.Start > sp.End {
		return ""
	}
	return d.Text[sp.Start:sp.End]
}

// indexRunes records the code-point count at every line start and at a
// rune boundary every posStride bytes, in one pass over the text.
func (d *Document) indexRunes() {
	text := d.Text
	d.lineRunes = make([]int, len(d.lineStarts))
	d.cpOff = make([]int, 0, len(text)/posStride+1)
	d.cpRunes = make([]int, 0, len(text)/posStride+1)
	runes, li, next := 0, 0, 0
	for i := 0; i < len(text); runes++ {
		for li < len(d.lineStarts) && d.lineStarts[li] <= i {
			d.lineRunes[li] = runes
			li++
		}
		if i >= next {
			d.cpOff = append(d.cpOff, i)
			d.cpRunes = append(d.cpRunes, runes)
			next = i + posStride
		}
		if text[i] < utf8.RuneSelf {
			i++
		} else {
			_, w := utf8.DecodeRuneInString(text[i:])
			i += w
		}
	}
	for ; li < len(d.lineStarts); li++ {
		d.lineRunes[li] = runes
	}
}

// Position converts a byte offset to a 1-based line and column in code
// points, in O(log n): a binary search for the line and a count of at most
// about 2×posStride bytes from the nearest checkpoint.
func (d *Document) Position(off int) Pos {
	p, _ := d.position(off)
	return p
}

// position is Position that also returns the bytes it counted (for tests).
func (d *Document) position(off int) (Pos, int) {
	off = min(max(off, 0), len(d.Text))
	li := sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > off }) - 1
	if li < 0 {
		li = 0
	}
	ls := d.lineStarts[li]
	k := min(off/posStride, len(d.cpOff)-1)
	for k >= 0 && d.cpOff[k] > off {
		k--
	}
	if k < 0 || d.cpOff[k] <= ls || d.lineRunes == nil {
		return Pos{Line: li + 1, Col: utf8.RuneCountInString(d.Text[ls:off]) + 1}, off - ls
	}
	col := d.cpRunes[k] - d.lineRunes[li] + utf8.RuneCountInString(d.Text[d.cpOff[k]:off])
	return Pos{Line: li + 1, Col: col + 1}, off - d.cpOff[k]
}

// LineSpan returns the line containing off, without its "\n", in O(log n)
// (for callers that would otherwise scan back to the line start).
func (d *Document) LineSpan(off int) Span {
	off = min(max(off, 0), len(d.Text))
	li := sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > off }) - 1
	li = max(li, 0)
	end := len(d.Text)
	if li+1 < len(d.lineStarts) {
		end = d.lineStarts[li+1] - 1
	}
	return Span{d.lineStarts[li], end}
}

// ParagraphAt returns the index of the paragraph containing off, or -1.
func (d *Document) ParagraphAt(off int) int {
	i := sort.Search(len(d.Paragraphs), func(i int) bool { return d.Paragraphs[i].Span.End > off })
	if i < len(d.Paragraphs) && d.Paragraphs[i].Span.Start <= off {
		return i
	}
	return -1
}

// HeadingAt returns the innermost heading whose section contains off, or nil.
func (d *Document) HeadingAt(off int) *Heading {
	i := sort.Search(len(d.Headings), func(i int) bool { return d.Headings[i].Span.Start > off }) - 1
	if i < 0 {
		return nil
	}
	return d.Headings[i]
}

// TopHeadingAt returns the level-1 heading whose section contains off, or nil.
func (d *Document) TopHeadingAt(off int) *Heading {
	for h := d.HeadingAt(off); h != nil; h = h.Parent {
		if h.Parent == nil {
			return h
		}
	}
	return nil
}

// Sentences splits a span on 。！？； (and their ASCII forms at the end of
// Chinese text) outside quotes and brackets. Each returned span keeps its end mark.
func (d *Document) Sentences(sp Span) []Span {
	var out []Span
	s := d.Text[sp.Start:sp.End]
	depth := 0
	start := 0
	for i, r := range s {
		switch r {
		case '“', '‘', '《', '（', '【', '〈', '「':
			depth++
		case '”', '’', '》', '）', '】', '〉', '」':
			if depth > 0 {
				depth--
			}
		case '。', '！', '？', '；':
			if depth == 0 {
				end := i + utf8.RuneLen(r)
				out = append(out, Span{sp.Start + start, sp.Start + end})
				start = end
			}
		}
	}
	if start < len(s) {
		if t := trimSpan(d.Text, Span{sp.Start + start, sp.End}); t.Len() > 0 {
			out = append(out, t)
		}
	}
	return out
}
