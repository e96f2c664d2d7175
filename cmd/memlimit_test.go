package cmd

import (
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// gcSettings reads the collector's percent and memory limit without
// changing them.
func gcSettings() (percent int, limit int64) {
	percent = debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1)
}

// A lint run of a small report turns the collector off under a soft limit
// and restores both settings when the command returns; a large run, or a
// user's GOGC or GOMEMLIMIT, leaves them alone.
func TestDeferGC(t *testing.T) {
	percent0, limit0 := gcSettings()
	if percent0 < 0 || limit0 != math.MaxInt64 {
		t.Skipf("the test process runs with GOGC=%d, memory limit %d: the defaults are needed", percent0, limit0)
	}
	app, _, _ := testApp("")
	restore := app.deferGC(20 << 10)
	if restore == nil {
		t.Fatal("deferGC did nothing for a 20 KB run")
	}
	if p, l := gcSettings(); p != -1 || l == math.MaxInt64 || l < smallRunHeadroom {
		t.Errorf("during a small run: GC percent %d, limit %d; want -1 and a limit above the headroom", p, l)
	}
	restore()
	if p, l := gcSettings(); p != percent0 || l != limit0 {
		t.Errorf("after restore: GC percent %d, limit %d; want %d, %d", p, l, percent0, limit0)
	}
	if app.deferGC(smallRun+1) != nil {
		t.Error("deferGC deferred the collector for a run over smallRun")
	}
	for _, env := range []string{"GOGC", "GOMEMLIMIT"} {
		app.Getenv = func(k string) string {
			if k == env {
				return "200"
			}
			return ""
		}
		if app.deferGC(1) != nil {
			t.Errorf("deferGC overrode the user's %s", env)
		}
	}

	// Through the commands: settings are back once each returns, whatever
	// its exit code.
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	os.WriteFile(big, []byte(strings.Repeat("全年完成投资12.5亿元。\n", smallRun/20)), 0o644)
	for _, c := range []struct {
		args  []string
		deferred bool // deferGC got past the size test (it then reads GOGC)
	}{
		{[]string{"placeholders", example}, true}, {[]string{"check", example}, true}, {[]string{"numbers", example}, true},
		{[]string{"check", big}, false}, {[]string{"check", filepath.Join(dir, "missing.txt")}, true},
	} {
		args := c.args
		app, _, _ := testApp("")
		app.NoConfig = true
		asked := false
		app.Getenv = func(k string) string {
			asked = asked || k == "GOGC"
			return ""
		}
		run(app, args)
		if asked != c.deferred {
			t.Errorf("%v: deferGC reached the environment %v, want %v", args, asked, c.deferred)
		}
		if p, l := gcSettings(); p != percent0 || l != limit0 {
			t.Errorf("after %v: GC percent %d, limit %d; want %d, %d", args, p, l, percent0, limit0)
		}
		if app.restoreGC != nil {
			t.Errorf("after %v: restoreGC still set", args)
		}
	}
}
