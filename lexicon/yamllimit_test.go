package lexicon

import (
	"errors"
	"runtime"
	"strings"
	"testing"
)

// Issue 17 item 4: deeply nested YAML is refused before go-yaml parses it,
// with a Chinese file:line error and little memory.
func TestYAMLNestingAttacks(t *testing.T) {
	var indented strings.Builder
	for i := 0; indented.Len() < 200<<10; i++ {
		indented.WriteString(strings.Repeat(" ", i) + "a:\n")
	}
	attacks := map[string]string{
		"40,000 [":        strings.Repeat("[", 40000),
		"200 KB of [":     "formulations: " + strings.Repeat("[", 200<<10),
		"200 KB of {a: ":  strings.Repeat("{a: ", 50<<10),
		"200 KB of - ":    strings.Repeat("- ", 100<<10) + "x",
		"200 KB indented": indented.String(),
		"[ across lines":  strings.Repeat("[\n", 100<<10),
	}
	for name, data := range attacks {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		_, err := Parse("deep.yaml", []byte(data))
		runtime.ReadMemStats(&after)
		if err == nil || !strings.Contains(err.Error(), "嵌套超过 64 层上限") || !strings.HasPrefix(err.Error(), "deep.yaml:") {
			t.Errorf("%s: got %v", name, err)
		}
		// The pre-scan allocates next to nothing; go-yaml needed gigabytes.
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 8<<20 {
			t.Errorf("%s: allocated %d MB", name, alloc>>20)
		}
	}
	_, err := Parse("big.yaml", []byte("# "+strings.Repeat("x", MaxYAMLSize)))
	if err == nil || !strings.Contains(err.Error(), "超过 4 MB 上限") {
		t.Errorf("size: %v", err)
	}
	var le *LimitError
	if err := CheckYAMLLimits([]byte("a:\n  b: " + strings.Repeat("[", 70))); !errors.As(err, &le) || le.Line != 2 {
		t.Errorf("line of the error: %v", err)
	}
}

// Real files and ordinary YAML stay under the limits; the estimate counts
// brackets only where YAML opens a flow collection.
func TestYAMLLimitsAcceptOrdinaryYAML(t *testing.T) {
	names, _ := dataFS.ReadDir("data")
	for _, de := range names {
		data, _ := dataFS.ReadFile("data/" + de.Name())
		if err := CheckYAMLLimits(data); err != nil {
			t.Errorf("%s: %v", de.Name(), err)
		}
	}
	brackets := strings.Repeat("[", 100)
	ok := []string{
		"note: |\n  " + brackets + "\n  more\nnext: 1\n",
		"note: >-\n  " + brackets + "\n",
		"- |+ # keep\n  " + brackets + "\n",
		"text: 见" + brackets + "\n",
		"text: \"" + brackets + "\"\n",
		"text: '" + brackets + "''\n  " + brackets + "'\n",
		"# " + brackets + "\n",
		"members: [甲, \"" + brackets + "\", '" + brackets + "']\n",
		"a: !!str " + strings.Repeat("[", 10) + strings.Repeat("]", 10) + "\n",
		"k: " + strings.Repeat("[", 60) + strings.Repeat("]", 60) + "\n",
	}
	for _, s := range ok {
		if err := CheckYAMLLimits([]byte(s)); err != nil {
			t.Errorf("%q: %v", s[:min(len(s), 40)], err)
		}
	}
	if err := CheckYAMLLimits([]byte("k: " + strings.Repeat("[", 65))); err == nil {
		t.Error("65 levels accepted")
	}
}

// FuzzCheckYAMLLimits: no panic, and nothing after 65 open brackets can
// hide them.
func FuzzCheckYAMLLimits(f *testing.F) {
	f.Add([]byte(strings.Repeat("[", 40000)))
	f.Add([]byte("note: |\n  [[[\nk: [a, 'b]', \"c\\\"]\"]\n"))
	f.Add([]byte("- - - {a: [b, {c: d}]} # ]]]\n"))
	f.Add([]byte("'\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_ = CheckYAMLLimits(data)
		deep := append([]byte("k: "+strings.Repeat("[", MaxYAMLDepth+1)), data...)
		if len(deep) <= MaxYAMLSize && CheckYAMLLimits(deep) == nil {
			t.Fatal("nesting over the limit accepted")
		}
	})
}

// Issue 17 item 12: a value quoted in an error is short.
func TestYAMLErrorQuotesShortValue(t *testing.T) {
	for _, line := range []string{
		"root:$6$abcdefghijklmnopqrstuvwxyz0123456789:19000:0:99999:7:::",
		"secretabcdefghijklmnopqrstuvwxyz0123456789",
	} {
		_, err := Parse("shadow", []byte("terms: "+line+"\n"))
		if err == nil {
			t.Fatal("accepted")
		}
		if strings.Contains(err.Error(), "klmnopqrstuvwxyz") {
			t.Errorf("error echoes the line: %v", err)
		}
	}
	if _, err := Parse("s", []byte("formulations:\n  - id: a\n    text: x\n    ordered: secretabcdefghijklmnopqrstuvwxyz\n")); err == nil || !strings.Contains(err.Error(), `值 "secretabcdefghijklmnopqr…" 的类型不对`) {
		t.Errorf("got %v", err)
	}
}
