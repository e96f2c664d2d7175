package scan

import (
	"strings"
	"testing"

	"github.com/reportlint/reportlint/segment"
)

func TestCitedAsWrong(t *testing.T) {
	for _, tt := range []struct {
		text, wrong string
		want        bool
	}{
		{"不得使用“台湾政府”的提法。", "台湾政府", true},
		{"不得使用“台湾政府”“中华民国”等提法。", "台湾政府", true},
		{"统一规范“一带一路”战略的提法。", "“一带一路”战略", true},
		{"避免使用一带一路战略，统一称倡议。", "一带一路战略", true},
		{"积极参与“一带一路”战略，扩大开放。", "“一带一路”战略", false},
		{"个别稿件仍写台湾政府。", "台湾政府", false},
		{"不得使用。台湾政府", "台湾政府", false},
	} {
		i := strings.Index(tt.text, tt.wrong)
		got := CitedAsWrong(tt.text, segment.Span{Start: i, End: i + len(tt.wrong)})
		if got != tt.want {
			t.Errorf("CitedAsWrong(%q, %q) = %v, want %v", tt.text, tt.wrong, got, tt.want)
		}
	}
}

func FuzzCitedAsWrong(f *testing.F) {
	f.Add("不得使用“台湾政府”的提法", 13, 25)
	f.Add("“", 0, 3)
	f.Fuzz(func(t *testing.T, s string, a, b int) {
		CitedAsWrong(s, segment.Span{Start: a, End: b}) // must not panic
	})
}
