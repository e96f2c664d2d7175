package cmd

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/reportlint/reportlint/analyze"
)

// csvHeader names the columns for an office user opening the file in Excel.
var csvHeader = []string{"文件", "行", "列", "级别", "检查", "规则", "问题", "原文", "建议", "章节", "忽略原因"}

// utf8BOM makes Excel read the file as UTF-8 rather than the ANSI code page.
const utf8BOM = "\ufeff"

// csvCell defuses text Excel would run as a formula (=, +, -, @, tab, CR at
// the start) by prefixing an apostrophe, which Excel hides. Plain numbers
// such as -3 are left alone.
func csvCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '@', '\t', '\r':
		return "'" + s
	case '-':
		if _, err := strconv.ParseFloat(s, 64); err != nil {
			return "'" + s
		}
	}
	return s
}

// printCSV writes one row per finding, and one per unreadable file, as
// RFC 4180 CSV (CRLF line ends) in UTF-8 with a BOM.
func printCSV(w io.Writer, results []*analyze.Result) error {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	row := make([]string, len(csvHeader))
	for _, r := range results {
		if r.Err != nil {
			msg := strings.TrimPrefix(r.Err.Error(), r.Path+"：")
			clear(row)
			row[0], row[3], row[6] = csvCell(r.Path), analyze.Error.Chinese(), csvCell("无法读取："+msg)
			if err := cw.Write(row); err != nil {
				return err
			}
			continue
		}
		for _, f := range r.Findings {
			row = append(row[:0], csvCell(r.Path), strconv.Itoa(f.Pos.Line), strconv.Itoa(f.Pos.Col), f.Severity.Chinese(),
				f.Check, f.Rule, csvCell(f.Message), csvCell(f.Text), csvCell(f.Suggestion), csvCell(f.Section), csvCell(f.Reason))
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
