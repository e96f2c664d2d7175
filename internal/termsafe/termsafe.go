// Package termsafe makes text safe to print on a terminal: control
// characters (ESC sequences, C1 controls, DEL), invalid UTF-8 and
// bidirectional overrides become visible escapes such as \x1b and \u202e,
// so a report or a file name cannot clear the screen, set the window title,
// write the clipboard (OSC 52) or reorder what the reader sees.
package termsafe

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// String escapes everything unsafe in s, keeping "\n" and "\t".
func String(s string) string { return escape(s, true) }

// Line is String for one line: "\n", "\r" and "\t" are escaped too.
func Line(s string) string { return escape(s, false) }

// Excerpt returns the first max runes of s (counted before escaping) as
// one safe line, with "…" when s was cut; for short quotes of input in
// messages. max <= 0 gives "".
func Excerpt(s string, max int) string {
	if max <= 0 {
		return ""
	}
	n := 0
	for i := range s {
		if n == max {
			return Line(s[:i]) + "…"
		}
		n++
	}
	return Line(s)
}

// unsafeRune reports a rune that must not reach a terminal raw.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20 || r == 0x7f:
		return true
	case r >= 0x80 && r <= 0x9f: // C1 controls, CSI (0x9b) and OSC (0x9d) among them
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069: // bidi marks and overrides
		return true
	case r == 0x2028 || r == 0x2029: // line and paragraph separators
		return true
	}
	return false
}

func escape(s string, keepLayout bool) string {
	// Fast path: nothing to escape.
	clean := true
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 || c == 0x7f) && !(keepLayout && (c == '\n' || c == '\t')) {
				clean = false
				break
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && w == 1) || unsafeRune(r) {
			clean = false
			break
		}
		i += w
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && w == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case keepLayout && (r == '\n' || r == '\t'):
			b.WriteRune(r)
		case r < 0x80 && unsafeRune(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+w])
		}
		i += w
	}
	return b.String()
}
