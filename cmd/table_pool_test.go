package cmd

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// renderFresh renders with a new table per call, as before tables were
// pooled (renderTableBaseline, off a terminal).
func renderFresh(t *testing.T, header []string, rows [][]string) string {
	var b bytes.Buffer
	if err := renderTableBaseline(&b, 0, header, rows); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// A pooled table, reused across tables of different shapes, renders each
// exactly as a new table does.
func TestPooledTableMatchesFresh(t *testing.T) {
	cases := []struct {
		header []string
		rows   [][]string
	}{
		{[]string{"项目", "名称", "状态"}, [][]string{{"章节", "思想政治（德）", "✓ 有"}, {"提法", "两个确立", "✗ 缺"}}},
		{[]string{"位置", "类型"}, nil},
		{[]string{"a", "b", "c", "d", "e"}, [][]string{{"1", "2", "3", "4", "5"}, {"多行\n单元格", "", "x", "", "长一些的内容"}}},
		{[]string{"只有一列"}, [][]string{{"一"}, {"二"}, {"三"}}},
		{[]string{"位置", "类型"}, [][]string{{"3:3", "名称"}, {"12:40", "数字"}}},
	}
	for round := range 3 {
		for i, c := range cases {
			want := renderFresh(t, c.header, c.rows)
			var got bytes.Buffer
			if err := renderTable(&got, 0, c.header, c.rows); err != nil {
				t.Fatal(err)
			}
			if got.String() != want {
				t.Errorf("round %d case %d: pooled table\n%s\nfresh table\n%s", round, i, got.String(), want)
			}
		}
	}
	// Many rows, then a small table: no rows or widths carried over.
	var big [][]string
	for i := range 50 {
		big = append(big, []string{fmt.Sprint(i), strings.Repeat("字", i%7)})
	}
	var sink bytes.Buffer
	if err := renderTable(&sink, 0, []string{"序号", "内容"}, big); err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := renderTable(&got, 0, cases[4].header, cases[4].rows); err != nil {
		t.Fatal(err)
	}
	if want := renderFresh(t, cases[4].header, cases[4].rows); got.String() != want {
		t.Errorf("after a large table:\n%s\nwant\n%s", got.String(), want)
	}
}
