package cmd

import (
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

func init() {
	cobra.AddTemplateFunc("zhFlags", zhFlagUsages)
	cobra.AddTemplateFunc("zhUseLine", func(c *cobra.Command) string {
		return strings.Replace(c.UseLine(), "[flags]", "[选项]", 1)
	})
}

var flagTypeNames = map[string]string{
	"string": "文本", "strings": "列表", "stringSlice": "列表", "stringArray": "文件", "int": "整数", "int64": "整数",
	"float64": "数值", "duration": "时长",
}

// zhFlagUsages is pflag's FlagUsages in Chinese (type names, defaults),
// aligned by display width so CJK text lines up.
func zhFlagUsages(fs *pflag.FlagSet) string {
	type line struct{ left, usage string }
	var lines []line
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		name, usage := pflag.UnquoteUsage(f)
		if zh, ok := flagTypeNames[name]; ok {
			name = zh
		}
		if name != "" {
			left += " " + name
		}
		if d := f.DefValue; d != "" && d != "false" && d != "0" && d != "[]" && f.Value.Type() != "bool" {
			usage += "（默认 " + d + "）"
		}
		lines = append(lines, line{left, usage})
		width = max(width, displayWidth(left))
	})
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l.left)
		b.WriteString(strings.Repeat(" ", width-displayWidth(l.left)+3))
		b.WriteString(l.usage)
		b.WriteByte('\n')
	}
	return b.String()
}

// displayWidth counts East Asian wide characters as two columns.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r >= 0x1100 && (r <= 0x115f || r >= 0x2e80 && r <= 0xa4cf || r >= 0xac00 && r <= 0xd7a3 ||
			r >= 0xf900 && r <= 0xfaff || r >= 0xfe30 && r <= 0xfe4f || r >= 0xff00 && r <= 0xff60 ||
			r >= 0xffe0 && r <= 0xffe6 || r >= 0x20000 && r <= 0x3fffd):
			n += 2
		default:
			n++
		}
	}
	return n
}
