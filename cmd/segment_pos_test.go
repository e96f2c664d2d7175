package cmd

import (
	"strings"
	"testing"

	"github.com/reportlint/reportlint/segment"
)

// posCursor must agree with doc.Position for increasing offsets (the token
// walk) and after a step back.
func TestPosCursorMatchesPosition(t *testing.T) {
	text := "标题\n\n第一段完成**个，" + strings.Repeat("增长X％，", 200) + "\n\xff\xfe坏字节\n末行"
	doc := segment.NewDocument("a.txt", segment.FormatText, "utf-8", text, nil)
	cur := posCursor{doc: doc}
	var offs []int
	for i := range text {
		offs = append(offs, i)
	}
	offs = append(offs, len(text), 3, 0, len(text)-1)
	for _, off := range offs {
		if got, want := cur.at(off), doc.Position(off); got != want {
			t.Fatalf("offset %d: cursor %v, Position %v", off, got, want)
		}
	}
}
