package segment

import (
	"errors"
	"html"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"
)

// numberingBombDocx applies a numbering level with lvlText to n empty
// paragraphs through the default paragraph style.
func numberingBombDocx(tb testing.TB, lvlText, format string, n int) []byte {
	tb.Helper()
	styles := tStyles(`<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`)
	numbering := tNumbering(tAbstract(0, tLvl(0, 1, html.EscapeString(format), html.EscapeString(lvlText), "")) + tNum(1, 0, ""))
	return tDocx(tb, strings.Repeat("<w:p/>", n), numbering, styles, "")
}

// Issue 17 item 1: a ~2 KB .docx whose 10,000-character lvlText is rendered
// into 40,000 paragraphs used to need gigabytes. Rendered numbers are now
// capped at dxMaxNumRunes and count against the decompression budget.
func TestDocxNumberingBomb(t *testing.T) {
	data := numberingBombDocx(t, "%1"+strings.Repeat("一", 9998), "decimal", 40000)
	if len(data) > 8<<10 {
		t.Fatalf("attack file is %d bytes, want a small one", len(data))
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	doc, err := LoadBytes("bomb.docx", data, LoadOptions{})
	runtime.ReadMemStats(&after)
	// Unbounded rendering copies 30 KB into each of 40,000 paragraphs (1.2 GB
	// for the text alone); bounded rendering stays far below 256 MB.
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("file %d bytes, load allocated %.1f MB, err=%v", len(data), float64(alloc)/(1<<20), err)
	if alloc > 256<<20 {
		t.Errorf("loading allocated %d MB", alloc>>20)
	}
	if err == nil {
		if len(doc.Paragraphs) != 40000 {
			t.Fatalf("%d paragraphs", len(doc.Paragraphs))
		}
		for _, p := range doc.Paragraphs {
			if n := utf8.RuneCountInString(doc.Slice(p.Span)); n > dxMaxNumRunes {
				t.Fatalf("paragraph %d has %d runes, want <= %d", p.Number, n, dxMaxNumRunes)
			}
		}
	} else if !strings.Contains(err.Error(), "上限") {
		t.Fatalf("unclear error: %v", err)
	}

	// With a small cap the rendered numbers exhaust the budget: a clear error.
	_, err = LoadBytes("bomb.docx", data, LoadOptions{MaxSize: 100 << 10})
	var ie *InputError
	if !errors.As(err, &ie) || !strings.Contains(ie.Reason, "自动编号展开后的文字") || !strings.Contains(ie.Reason, "上限") {
		t.Fatalf("small cap: got %v, want the numbering-bomb error", err)
	}
	paras, err := ReadDocx(data, DocxLimits{MaxUncompressed: 400 << 10})
	if !errors.Is(err, ErrDocxBomb) || paras != nil {
		t.Fatalf("ReadDocx: %v, %d paragraphs", err, len(paras))
	}
}

// A long lvlText is truncated; a normal one renders as before.
func TestDocxNumberingTruncation(t *testing.T) {
	paras, err := ReadDocx(numberingBombDocx(t, "第%1章"+strings.Repeat("长", 100), "chineseCounting", 2), DocxLimits{})
	if err != nil {
		t.Fatal(err)
	}
	want := "第一章" + strings.Repeat("长", dxMaxNumRunes-3)
	if len(paras) != 2 || paras[0].NumPrefix != want || paras[1].NumPrefix != "第二章"+strings.Repeat("长", dxMaxNumRunes-3) {
		t.Fatalf("got %+v", paras)
	}
	paras, err = ReadDocx(numberingBombDocx(t, "%1、", "chineseCounting", 3), DocxLimits{})
	if err != nil || len(paras) != 3 || paras[2].NumPrefix != "三、" {
		t.Fatalf("normal numbering: %+v %v", paras, err)
	}
	if got := dxTruncate("一二三", 7); got != "一二" {
		t.Errorf("dxTruncate = %q", got)
	}
}

// FuzzDocxNumbering renders arbitrary lvlText and formats over many
// paragraphs: no panic, numbers stay short, and the total stays in budget.
func FuzzDocxNumbering(f *testing.F) {
	f.Add("%1"+strings.Repeat("一", 9998), "decimal", uint16(1400))
	f.Add("%1、", "chineseCounting", uint16(12))
	f.Add("（%1）%9%1%%", "upperRoman", uint16(3))
	f.Add(strings.Repeat("%1", 300), "decimalEnclosedCircle", uint16(500))
	f.Add("第%1章\n\r", "ideographTraditional", uint16(2))
	f.Fuzz(func(t *testing.T, lvlText, format string, n uint16) {
		if !utf8.ValidString(lvlText) || !utf8.ValidString(format) || strings.ContainsAny(lvlText+format, "\x00\ufffe\uffff") {
			return
		}
		const limit = 64 << 10 // 1,400 paragraphs of 64-rune numbers exceed it
		data := numberingBombDocx(t, lvlText, format, int(n%1500))
		paras, err := readDocx(data, DocxLimits{MaxUncompressed: limit})
		checkDocxResult(t, paras, err)
		total := 0
		for _, p := range paras {
			if utf8.RuneCountInString(p.NumPrefix) > dxMaxNumRunes {
				t.Fatalf("number %q longer than %d runes", p.NumPrefix, dxMaxNumRunes)
			}
			total += len(p.NumPrefix)
		}
		if total > limit {
			t.Fatalf("rendered numbers total %d bytes, over the %d budget", total, limit)
		}
	})
}
