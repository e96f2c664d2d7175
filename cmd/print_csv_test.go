package cmd

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

func TestCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := printCSV(&buf, sampleResults(t)); err != nil {
		t.Fatal(err)
	}
	out := buf.Bytes()
	golden(t, "printers.csv", out)
	if !bytes.HasPrefix(out, []byte("\xef\xbb\xbf")) {
		t.Fatal("no UTF-8 BOM")
	}
	if bytes.Count(out, []byte("\r\n")) < 8 {
		t.Error("rows do not end in CRLF")
	}
	r := csv.NewReader(bytes.NewReader(out[3:]))
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != "文件,行,列,级别,检查,规则,问题,原文,建议,章节,忽略原因" {
		t.Errorf("header %q", rows[0])
	}
	if len(rows) != 1+7+1 {
		t.Fatalf("%d rows, want header + 7 findings + 1 unreadable file", len(rows))
	}
	byRule := map[string][]string{}
	for _, row := range rows[1:] {
		if len(row) != len(csvHeader) {
			t.Fatalf("row %q has %d cells", row, len(row))
		}
		byRule[row[5]] = row
	}
	share := byRule["number.share"]
	if share[1] != "4" || share[2] != "12" || share[3] != "警告" || share[7] != "占比达到120％" || share[8] != "核对分子分母" || share[9] != "一、主要成效" {
		t.Errorf("number.share row %q", share)
	}
	if last := rows[len(rows)-1]; last[0] != "缺失的<稿>.docx" || last[3] != "错误" || last[6] != "无法读取：文件不存在" {
		t.Errorf("unreadable row %q", last)
	}
	// the cell that reads as an Excel formula is defused
	found := false
	for _, row := range rows[1:] {
		if row[7] == "'=1+1" {
			found = true
		}
		if strings.HasPrefix(row[7], "=") {
			t.Errorf("formula-like cell left live: %q", row[7])
		}
	}
	if !found {
		t.Error("=1+1 cell not defused")
	}
	// quoting: the message with a quote-free comma, and the reason, survive the round trip
	for _, row := range rows[1:] {
		if row[5] == "wording.colloquial" && row[10] != "" && row[10] != "示例中的 <b>标记</b> 为演示" {
			t.Errorf("reason %q", row[10])
		}
	}
}

func TestCSVCell(t *testing.T) {
	for in, want := range map[string]string{
		"":               "",
		"正文":             "正文",
		"=SUM(A1)":       "'=SUM(A1)",
		"+86 10":         "'+86 10",
		"@cmd":           "'@cmd",
		"-3":             "-3",
		"-2.5":           "-2.5",
		"-2+3+cmd|' /C'": "'-2+3+cmd|' /C'",
		"\tx":            "'\tx",
		"12.5％":          "12.5％",
	} {
		if got := csvCell(in); got != want {
			t.Errorf("csvCell(%q) = %q, want %q", in, got, want)
		}
	}
}
