// Package docxout writes a reviewed Word document: findings become Word
// comments and certain fixes become tracked changes (w:del / w:ins), in a
// copy of the input .docx that keeps every other part byte for byte, or in a
// new minimal .docx for text input. It never writes files; callers get bytes.
package docxout

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Comment is a Word comment on doc.Text[Start:End] (byte offsets, as segment.Span).
type Comment struct {
	Start, End int
	Text       string
}

// Edit replaces doc.Text[Start:End] with Insert (Start == End inserts).
// Comment, when set, becomes a Word comment on the tracked change.
type Edit struct {
	Start, End int
	Insert     string
	Comment    string
}

// Options control authorship and limits of the written document.
type Options struct {
	Author          string    // comment and revision author; "" means "reportlint"
	Initials        string    // comment initials; "" means "RL"
	Date            time.Time // w:date of comments and revisions; zero omits it (reproducible output)
	MaxUncompressed int64     // bytes decompressed from the input; 0 means segment.DefaultDocxMaxUncompressed
}

func (o Options) author() string {
	if o.Author == "" {
		return "reportlint"
	}
	return o.Author
}

func (o Options) initials() string {
	if o.Initials == "" {
		return "RL"
	}
	return o.Initials
}

// Note reports a comment or edit that was not placed exactly as asked:
// anchored on a nearby run or on the whole paragraph, or an edit written as
// a comment instead of a tracked change. Message is Chinese.
type Note struct {
	Start, End int // the span of the comment or edit concerned
	Message    string
}

// NumberingNote is appended to a comment whose text lies in a number that
// Word renders from list numbering (no run carries it).
const NumberingNote = "（批注位置：编号由 Word 自动生成，已标注在本段正文）"

// xmlText makes s safe as XML character data: characters XML 1.0 forbids
// become U+FFFD, invalid UTF-8 too.
func xmlText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || !xmlChar(r) {
			r = '\uFFFD'
		}
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
		i += n
	}
	return b.String()
}

func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// validXMLString reports whether s is valid UTF-8 made of XML characters.
func validXMLString(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if !xmlChar(r) {
			return false
		}
	}
	return true
}
