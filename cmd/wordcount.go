package cmd

import (
	"strings"
	"unicode"
)

// wordCount is the document's 字数 as Microsoft Word counts it: every CJK
// character and every full-width or CJK punctuation mark counts 1; a run of
// other non-space characters (5G, 2022, 6.5%, GDP) counts 1 as one word;
// spaces and line breaks count nothing. HTML comments (<!-- … -->, where
// reportlint-disable directives live) are not text a reader sees and are
// skipped. Linear in len(text).
func wordCount(text string) int {
	n := 0
	inWord := false
	for len(text) > 0 {
		i := strings.Index(text, "<!--")
		part := text
		if i >= 0 {
			part = text[:i]
		}
		for _, r := range part {
			switch {
			case unicode.IsSpace(r) || unicode.IsControl(r) || r == '\ufeff' || r == '\u200b':
				inWord = false
			case isWordCJK(r):
				n++
				inWord = false
			default:
				if !inWord {
					n++
					inWord = true
				}
			}
		}
		if i < 0 {
			break
		}
		inWord = false
		rest := text[i+4:]
		j := strings.Index(rest, "-->")
		if j < 0 {
			break // an unclosed comment hides the rest, as in HTML
		}
		text = rest[j+3:]
	}
	return n
}

// isWordCJK reports a character Word counts on its own in 字数: Han,
// kana, Hangul, CJK and full-width punctuation, and the general
// punctuation Chinese text uses (“”‘’…—).
func isWordCJK(r rune) bool {
	switch {
	case unicode.Is(unicode.Han, r), unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r), unicode.Is(unicode.Hangul, r):
		return true
	case r >= 0x3000 && r <= 0x303f, r >= 0xff00 && r <= 0xffef:
		return true
	case r >= 0x2010 && r <= 0x2027, r >= 0x2030 && r <= 0x205e:
		return true
	case r == '·' || r == '×':
		return true
	}
	return false
}

// blankDocument reports a document with nothing a reader would see:
// empty, only spaces and line breaks, or only comments.
func blankDocument(text string) bool { return wordCount(text) == 0 }
