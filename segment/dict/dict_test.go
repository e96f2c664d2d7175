package dict

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

var (
	srcOnce sync.Once
	srcText string
	srcErr  error
)

// source returns gse's s_1.txt from the module cache. gse is a dependency,
// so its source is there whenever this package builds.
func source(tb testing.TB) string {
	tb.Helper()
	srcOnce.Do(func() {
		var dir []byte
		dir, srcErr = exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-ego/gse").Output()
		if srcErr != nil {
			return
		}
		var b []byte
		b, srcErr = os.ReadFile(filepath.Join(strings.TrimSpace(string(dir)), "data", "dict", "zh", "s_1.txt"))
		srcText = string(b)
	})
	if srcErr != nil {
		tb.Fatalf("gse's s_1.txt (run `go mod download`): %v", srcErr)
	}
	return srcText
}

// TestSource checks that zh_s.bin was generated from the s_1.txt of the gse
// version in go.mod.
func TestSource(t *testing.T) {
	src := source(t)
	sum := sha256.Sum256([]byte(src))
	if got := hex.EncodeToString(sum[:]); got != SourceSHA256 {
		t.Errorf("gse's s_1.txt has SHA-256 %s, zh_s.bin was generated from %s: run go generate ./segment/dict", got, SourceSHA256)
	}
	if len(src) != SourceBytes || strings.Count(src, "\n") != Lines {
		t.Errorf("gse's s_1.txt: %d bytes, %d lines; want %d, %d", len(src), strings.Count(src, "\n"), SourceBytes, Lines)
	}
}

// TestMatchesLoadDictStr decodes every entry and compares the dictionary
// with the one gse's own LoadDictStr builds from s_1.txt: same number of
// tokens, same total frequency, and each entry found with its frequency and
// part of speech. Keys are distinct and sorted, so the two hold the same
// entries.
func TestMatchesLoadDictStr(t *testing.T) {
	if testing.Short() {
		t.Skip("full gse load skipped in -short mode")
	}
	g := &gse.Segmenter{NotLoadHMM: true, SkipLog: true}
	g.Dict = gse.NewDict()
	g.Init()
	if err := g.LoadDictStr(source(t)); err != nil {
		t.Fatal(err)
	}
	n, total := 0, 0.0
	var prev []byte
	Each(func(key []byte, freq float64, pos string) {
		n++
		total += freq
		if bytes.Compare(prev, key) >= 0 {
			t.Fatalf("key %q after %q: not strictly ascending", key, prev)
		}
		prev = append(prev[:0], key...)
		f, p, ok := g.Dict.Find(key)
		if !ok || f != freq || p != pos {
			t.Errorf("%q: decoded (%v, %q), gse has (%v, %q, %v)", key, freq, pos, f, p, ok)
		}
	})
	if n != g.Dict.NumTokens() || n != Entries {
		t.Errorf("%d entries decoded, gse has %d, Entries = %d", n, g.Dict.NumTokens(), Entries)
	}
	if total != g.Dict.TotalFreq() || total != TotalFreq {
		t.Errorf("total frequency %v decoded, gse has %v, TotalFreq = %v", total, g.Dict.TotalFreq(), float64(TotalFreq))
	}
}

// TestReader checks blocks, Shared and Prefix against the keys themselves.
func TestReader(t *testing.T) {
	r := NewReader()
	n := 0
	var prev []byte
	for i := range r.Blocks() {
		if i > 0 && r.First(i) <= r.First(i-1) {
			t.Fatalf("block %d rune %U after %U", i, r.First(i), r.First(i-1))
		}
		r.Seek(i)
		m := 0
		for r.Next() {
			m++
			key := r.Key()
			if !utf8.Valid(key) || bytes.ContainsAny(key, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
				t.Fatalf("key %q: invalid UTF-8 or not lowercase", key)
			}
			if f, _ := utf8.DecodeRune(key); f != r.First(i) {
				t.Fatalf("key %q in block %U", key, r.First(i))
			}
			shared := 1
			if m > 1 {
				a, b := []rune(string(prev)), []rune(string(key))
				for shared < len(a) && shared < len(b) && a[shared] == b[shared] {
					shared++
				}
			}
			if r.Shared() != shared {
				t.Fatalf("key %q after %q: Shared() = %d, want %d", key, prev, r.Shared(), shared)
			}
			for k := 1; k <= 17; k++ {
				want := string([]rune(string(key))[:min(k, utf8.RuneCount(key))])
				if got := string(r.Prefix(k)); got != want {
					t.Fatalf("key %q: Prefix(%d) = %q, want %q", key, k, got, want)
				}
			}
			if r.Freq() < 2 || r.Pos() == "" {
				t.Fatalf("key %q: freq %v, pos %q", key, r.Freq(), r.Pos())
			}
			prev = append(prev[:0], key...)
		}
		if m == 0 {
			t.Fatalf("block %d: no entries", i)
		}
		n += m
	}
	if n != Entries {
		t.Errorf("%d entries, want %d", n, Entries)
	}
}

// TestSkipGroup checks that SkipGroup skips exactly the groups of at least
// groupMin keys sharing their first two runes, and that decoding goes on right
// after them.
func TestSkipGroup(t *testing.T) {
	all, skip := NewReader(), NewReader()
	groups := 0
	for i := range all.Blocks() {
		var keys []string
		all.Seek(i)
		for all.Next() {
			keys = append(keys, string(all.Key()))
		}
		var want []string
		for j := 0; j < len(keys); {
			n := 1
			if r := []rune(keys[j]); len(r) > 1 {
				for n < len(keys)-j {
					if s := []rune(keys[j+n]); len(s) < 2 || s[1] != r[1] {
						break
					}
					n++
				}
			}
			want = append(want, keys[j])
			if n < groupMin {
				want = append(want, keys[j+1:j+n]...)
			} else {
				want = append(want, "skip")
				groups++
			}
			j += n
		}
		var got []string
		skip.Seek(i)
		for skip.Next() {
			got = append(got, string(skip.Key()))
			if skip.Shared() < 2 && skip.SkipGroup() {
				got = append(got, "skip")
			}
			if skip.SkipGroup() {
				t.Fatalf("block %U: SkipGroup twice", skip.First(i))
			}
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Fatalf("block %U: skipping gives\n%q\nwant\n%q", skip.First(i), got, want)
		}
	}
	if groups == 0 {
		t.Error("no group skipped")
	}
}

// TestGenerated regenerates zh_s.bin and zh_s.go and compares them with the
// files in the package.
func TestGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("generator run skipped in -short mode")
	}
	dir := t.TempDir()
	out, err := exec.Command("go", "run", "./gen", "-o", dir).CombinedOutput()
	if err != nil {
		t.Fatalf("go run ./gen: %v\n%s", err, out)
	}
	for _, name := range []string{"zh_s.bin", "zh_s.go"} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run go generate ./segment/dict", name)
		}
	}
}

// TestConcurrent decodes from several goroutines at once (run with -race).
func TestConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	counts := make([]int, 4)
	for g := range counts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			Each(func([]byte, float64, string) { counts[g]++ })
		}()
	}
	wg.Wait()
	for g, n := range counts {
		if n != Entries {
			t.Errorf("goroutine %d: %d entries, want %d", g, n, Entries)
		}
	}
}

func TestCorrupt(t *testing.T) {
	for _, d := range []string{"", "gsez1\n", data[:len(data)/2], data[:200], "xxxxx1\n" + data[6:]} {
		if _, err := parse(d); err == nil {
			t.Errorf("parse of %d bytes: no error", len(d))
		}
	}
	if _, err := parse(data); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkEach(b *testing.B) {
	load()
	for b.Loop() {
		n := 0
		Each(func(key []byte, freq float64, pos string) { n += len(key) })
	}
}

func BenchmarkParse(b *testing.B) {
	for b.Loop() {
		if _, err := parse(data); err != nil {
			b.Fatal(err)
		}
	}
}
