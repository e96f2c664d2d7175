package cmd

import (
	"strings"
	"testing"
)

// Word's 字数 rules: each CJK character and each CJK or full-width
// punctuation mark counts 1; a run of other non-space characters counts 1.
func TestWordCount(t *testing.T) {
	cases := []struct {
		in   string
		want int
	}{
		{"", 0},
		{" \n\t\u3000\r\n", 0},
		{"一年来，我认真履行职责。", 12}, // 10 Han + 2 punctuation
		{"“两个确立”", 6},        // quotes count like characters
		{"5G", 1},            // one run
		{"二十大", 3},           // numerals in Han
		{"二〇二二年", 5},         // 〇 is CJK
		{"2022年", 2},         // run + Han
		{"GDP增长6.5%", 4},     // GDP, 增, 长, 6.5%
		{"X光", 2},            // run + Han
		{"hello world", 2},   // two English words
		{"12.5亿元\n\n全年", 5},  // newlines count nothing
		{"第一段\n<!-- reportlint-disable placeholder -->\n第二段", 6}, // directives are not text
		{"前<!-- 批注 -->后", 2},
		{"前<!-- 未闭合", 1},
		{"完成**亿元", 5}, // 完 成 ** 亿 元
		{"（一）", 3},
		{"——……", 4},
		{"a，b", 3},
	}
	for _, c := range cases {
		if got := wordCount(c.in); got != c.want {
			t.Errorf("wordCount(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

func TestWordCountReport(t *testing.T) {
	// 134 visible characters with spaces, newlines and a directive around them
	first := strings.Repeat("全年完成投资十二亿元。", 6)
	second := strings.Repeat("全年完成投资十二亿元。", 6) + "一二三四五六七八九十" + "ab cd"
	text := "  " + first + "\n\n<!-- reportlint-disable -->\n" + second + "   \n"
	if got, want := wordCount(text), 12*11+10+2; got != want {
		t.Errorf("wordCount = %d, want %d", got, want)
	}
}

func TestBlankDocument(t *testing.T) {
	for _, s := range []string{"", "   ", "\n\n\r\n", "\u3000\u3000", "<!-- reportlint-disable -->\n"} {
		if !blankDocument(s) {
			t.Errorf("blankDocument(%q) = false", s)
		}
	}
	for _, s := range []string{"。", "a", " 5G "} {
		if blankDocument(s) {
			t.Errorf("blankDocument(%q) = true", s)
		}
	}
}

func FuzzWordCount(f *testing.F) {
	for _, s := range []string{"一年来，我认真履行职责。", "<!--", "a<!--b-->c", "\xff\xfe", "5G 二〇二二年"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := wordCount(s)
		if n < 0 || n > len(s) {
			t.Fatalf("wordCount(%q) = %d", s, n)
		}
		if !strings.Contains(s, "<!--") && wordCount(s+" "+s) != 2*n {
			t.Fatalf("wordCount not additive over a space: %q", s)
		}
	})
}
