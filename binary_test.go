package main

import (
	"os/exec"
	"strings"
	"testing"
)

// The binary links none of gse's embedded dictionaries (34 MB: zh_s, zh_t,
// ja and the stop words): reportlint embeds its own compact zh_s
// (segment/dict). They become reachable when a type that holds a
// *gse.Segmenter is used through an interface anywhere (a type argument
// counts), because text/template's reflect method calls then keep every
// exported method of such types, LoadDictEmbed among them.
func TestBinaryLinksNoGseDictionaries(t *testing.T) {
	if testing.Short() {
		t.Skip("links the binary (a few seconds); skipped with -short")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found: cannot link the binary")
	}
	// -dumpdep prints the linker's reachability graph, one "from -> to"
	// edge per line.
	out, err := exec.Command(goBin, "build", "-ldflags=-dumpdep", "-o", "/dev/null", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build -ldflags=-dumpdep: %v\n%s", err, tail(out))
	}
	if !strings.Contains(string(out), "-> github.com/go-ego/gse.") {
		t.Fatalf("no gse symbol in the linker's graph: -dumpdep printed something else\n%s", tail(out))
	}
	for _, line := range strings.Split(string(out), "\n") {
		for _, v := range []string{"gse.zhS", "gse.zhT", "gse.ja", "gse.(*Segmenter).LoadDictEmbed"} {
			if strings.HasSuffix(line, "-> github.com/go-ego/"+v) {
				t.Errorf("the binary links %s: %s", v, line)
			}
		}
	}
}

func tail(b []byte) string {
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return string(b)
}
