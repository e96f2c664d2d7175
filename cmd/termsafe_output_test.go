package cmd

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// hostile holds what must never reach a terminal raw: clear screen, a
// window title (OSC 0), a clipboard write (OSC 52), a C1 CSI, bidi overrides.
var hostile = []string{"\x1b[2J", "\x1b]0;pwned\x07", "\x1b]52;c;ZWNobyBoaQ==\x07", "\u009b2J", "\u202e", "\u2066"}

// rawControl finds a control character or bidi override in terminal output;
// with colour on, only our own SGR sequences (ESC [ digits m) may appear.
var rawControl = regexp.MustCompile("\x1b(?:[^\\[]|\\[[0-9;]*[^0-9;m])|[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f\u0080-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f]")

func hostileReport() string {
	var b strings.Builder
	b.WriteString("2022年度工作总结\n一、主要成效\n")
	for i := 0; i < 30; i++ {
		b.WriteString("全年完成投资12.5亿元，同比增长8.5％，新建项目35个，带动就业3000人。\n")
	}
	b.WriteString("清屏\x1b[2J标题\x1b]0;pwned\x07剪贴板\x1b]52;c;ZWNobyBoaQ==\x07完成**亿元，以人民为核心\u202e反向\u202c。\n")
	b.WriteString("（一）\u2066隔离\u2069项目\u009b2J推进\n二、下一步打算\n继续完成投资15亿元。\n")
	return b.String()
}

func TestNoRawEscapesOnTerminal(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "报告\x1b]0;pwned\x07\u202etxt.txt")
	if err := os.WriteFile(name, []byte(hostileReport()), 0o644); err != nil {
		t.Skipf("file system refuses the name: %v", err)
	}
	missing := filepath.Join(dir, "缺\x1b[2J失.txt")
	cmds := [][]string{
		{"check", name},
		{"check", "--summary", name},
		{"check", "--show-suppressed", name, missing},
		{"placeholders", name},
		{"numbers", name},
		{"structure", name},
		{"segment", name},
		{"check", missing},
		{"check", "--lexicon", filepath.Join(dir, "词库\x1b]52;c;eA==\x07.yaml"), name},
		{"check", "--config", filepath.Join(dir, "配置\u202e.yaml"), name},
	}
	for _, color := range []bool{false, true} {
		for _, args := range cmds {
			app, out, errb := testApp("")
			app.OutTTY = color
			run(app, args)
			for stream, s := range map[string]string{"stdout": out.String(), "stderr": errb.String()} {
				if loc := rawControl.FindStringIndex(s); loc != nil {
					t.Errorf("%q (colour %v): raw control in %s at %d: %q", args, color, stream, loc[0], s[max(0, loc[0]-20):min(len(s), loc[1]+20)])
				}
				for _, h := range hostile {
					if strings.Contains(s, h) {
						t.Errorf("%q: %s holds %q raw", args, stream, h)
					}
				}
			}
			if args[0] == "check" && len(args) == 2 && args[1] == name && !strings.Contains(out.String(), `\x1b]0;pwned\x07`) {
				t.Errorf("%q: the escaped file name is not shown visibly:\n%s", args, out.String())
			}
		}
	}
}

func TestSafeCellsKeepLayout(t *testing.T) {
	got := safeCells([]string{"第一行\n第二\x1b[2J行", "a\tb"})
	if got[0] != `第一行`+"\n"+`第二\x1b[2J行` || got[1] != `a\x09b` {
		t.Errorf("safeCells = %q", got)
	}
}
