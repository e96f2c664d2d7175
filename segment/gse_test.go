package segment

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment/dict"
)

// testTerms are domain terms as the lexicon would pass them. 一岗双责 is
// already in the dictionary (freq 5), so it also exercises a term shadowing a
// dictionary entry; the duplicate 四个意识 exercises first-wins among terms.
var testTerms = []string{"两个确立", "两个维护", "四个意识", "四个自信", "一岗双责", "东数西算", "专精特新", "四个意识", "数据要素×"}

var (
	fullOnce sync.Once
	fullSeg  *Segmenter
)

// full returns the shared full-load segmenter (≈1.2 s, once per test binary).
func full(tb testing.TB) *Segmenter {
	tb.Helper()
	if testing.Short() {
		tb.Skip("full dictionary load skipped in -short mode")
	}
	fullOnce.Do(func() { fullSeg = NewFullSegmenter(testTerms) })
	return fullSeg
}

func fixtures(tb testing.TB) map[string]string {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "segment", "*.txt"))
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no fixtures in testdata/segment: %v", err)
	}
	m := make(map[string]string, len(paths))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		m[filepath.Base(p)] = string(b)
	}
	return m
}

// oddTexts are inputs beyond the fixtures: invalid UTF-8, case, width,
// Kelvin sign, private-use runes (the ballast key's range), terms at edges.
var oddTexts = map[string]string{
	"invalid":   "坚持\xff\xfe一岗双责，\xe4\xb8推进东数西算\xe4工程",
	"case":      "iPhone、IPHONE和iphone；PM2.5达标，5G与５Ｇ，GDP增长5.2％，ＧＤＰ",
	"kelvin":    "温度300K（开尔文）和300\u212a。",
	"privuse":   "\ue000\ue001\ue000\ue002测试\ue000",
	"edges":     "两个确立",
	"overmerge": "他们四个意识到了问题",
	"ascii":     "AI large language model (LLM) v2.0 + C# & C++",
}

func assertSame(t *testing.T, name string, got, want []Token) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d tokens, full load gives %d", name, len(got), len(want))
	}
	for i := 0; i < len(got) && i < len(want); i++ {
		if got[i] != want[i] {
			t.Errorf("%s: token %d = %+v, full load gives %+v", name, i, got[i], want[i])
			return
		}
	}
}

// TestFilteredMatchesFull is the identity test: the filtered loader must give
// exactly what a full load gives (text, POS, spans).
func TestFilteredMatchesFull(t *testing.T) {
	f := full(t)
	texts := fixtures(t)
	for k, v := range oddTexts {
		texts[k] = v
	}
	// Diverse vocabulary, and every key longer than the filter's window,
	// which the filter checks window by window.
	texts["sampled"] = sampledText(t, 100000)
	var long []string
	dict.Each(func(key []byte, _ float64, _ string) {
		if utf8.RuneCount(key) > window {
			long = append(long, string(key))
		}
	})
	texts["long"] = strings.Join(long, "，")
	var all []string
	for name, text := range texts {
		all = append(all, text)
		s := NewSegmenterFor([]string{text}, testTerms)
		assertSame(t, name, s.Tokens(text), f.Tokens(text))
		if s.Entries() >= f.Entries() || s.Entries() == 0 {
			t.Errorf("%s: filtered segmenter has %d entries, full %d", name, s.Entries(), f.Entries())
		}
	}
	// One segmenter built for several texts serves each of them.
	s := NewSegmenterFor(all, testTerms)
	for name, text := range texts {
		assertSame(t, "batch/"+name, s.Tokens(text), f.Tokens(text))
	}
	// The total frequency reaches the full load's exactly.
	if got, want := s.seg.Dict.TotalFreq(), f.seg.Dict.TotalFreq(); got != want {
		t.Errorf("filtered total freq %v, full %v", got, want)
	}
}

func TestDomainTermsOneToken(t *testing.T) {
	contexts := map[string]string{
		"两个确立":  "深刻领悟“两个确立”的决定性意义",
		"一岗双责":  "坚持一岗双责，抓好党风廉政建设",
		"东数西算":  "推进东数西算工程建设",
		"专精特新":  "培育专精特新企业",
		"四个意识":  "增强四个意识、坚定四个自信",
		"两个维护":  "做到两个维护。",
		"数据要素×": "开展“数据要素×”大赛",
	}
	var texts []string
	for _, c := range contexts {
		texts = append(texts, c)
	}
	modes := map[string]*Segmenter{"filtered": NewSegmenterFor(texts, testTerms)}
	if !testing.Short() {
		modes["full"] = full(t)
	}
	for mode, s := range modes {
		for term, ctx := range contexts {
			found := false
			for _, tok := range s.Tokens(ctx) {
				if tok.Text == term {
					found = true
					if tok.POS() != TermPOS {
						t.Errorf("%s: %q has POS %q, want %q", mode, term, tok.POS(), TermPOS)
					}
				}
			}
			if !found {
				t.Errorf("%s: %q not one token in %q: %v", mode, term, ctx, texts2(s.Tokens(ctx)))
			}
		}
	}
	// Without the terms, gse splits at least 两个确立 and 东数西算.
	plain := NewSegmenterFor(texts, nil)
	for _, term := range []string{"两个确立", "东数西算"} {
		for _, tok := range plain.Tokens(contexts[term]) {
			if tok.Text == term {
				t.Errorf("without terms %q is still one token; the test proves nothing", term)
			}
		}
	}
}

func texts2(toks []Token) []string {
	out := make([]string, len(toks))
	for i, tok := range toks {
		out[i] = tok.Text
	}
	return out
}

func TestSpansCoverInput(t *testing.T) {
	texts := fixtures(t)
	for k, v := range oddTexts {
		texts[k] = v
	}
	var all []string
	for _, v := range texts {
		all = append(all, v)
	}
	s := NewSegmenterFor(all, testTerms)
	for name, text := range texts {
		var b strings.Builder
		end := 0
		for i, tok := range s.Tokens(text) {
			if tok.Span().Start != end || tok.Span().End <= tok.Span().Start {
				t.Fatalf("%s: token %d span %+v does not follow %d", name, i, tok.Span(), end)
			}
			if tok.Text != text[tok.Span().Start:tok.Span().End] {
				t.Fatalf("%s: token %d text %q != text[span] %q", name, i, tok.Text, text[tok.Span().Start:tok.Span().End])
			}
			if tok.POS() == "" {
				t.Fatalf("%s: token %d %q has empty POS", name, i, tok.Text)
			}
			end = tok.Span().End
			b.WriteString(tok.Text)
		}
		if b.String() != text {
			t.Errorf("%s: tokens do not reproduce the input", name)
		}
	}

	toks := texts2(s.Tokens(oddTexts["case"]))
	for _, want := range []string{"iPhone", "IPHONE", "iphone", "PM2", "5G", "GDP", "Ｇ"} {
		if !contains(toks, want) {
			t.Errorf("case: no token %q in %q", want, toks)
		}
	}
	if s.Tokens("") != nil {
		t.Error("Tokens(\"\") should be nil")
	}
	var zero *Segmenter
	if zero.Tokens("测试") != nil || zero.Entries() != 0 {
		t.Error("nil Segmenter should give nothing")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var (
	gseDictOnce sync.Once
	gseDict     string
	gseDictErr  error
)

// gseDictText returns gse's s_1.txt from the module cache, the text package
// dict encodes. gse is a dependency, so its source is there whenever this
// package builds.
func gseDictText(tb testing.TB) string {
	tb.Helper()
	gseDictOnce.Do(func() {
		var dir []byte
		dir, gseDictErr = exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-ego/gse").Output()
		if gseDictErr != nil {
			return
		}
		var b []byte
		b, gseDictErr = os.ReadFile(filepath.Join(strings.TrimSpace(string(dir)), "data", "dict", "zh", "s_1.txt"))
		gseDict = string(b)
	})
	if gseDictErr != nil {
		tb.Fatalf("gse's s_1.txt (run `go mod download`): %v", gseDictErr)
	}
	return gseDict
}

// TestDictionaryShape pins the facts the filtered loader relies on, in
// gse's s_1.txt and in the keys package dict decodes.
func TestDictionaryShape(t *testing.T) {
	lines := strings.Split(strings.TrimSuffix(gseDictText(t), "\n"), "\n")
	if len(lines) != dict.Lines {
		t.Errorf("dict has %d lines, dict.Lines = %d", len(lines), dict.Lines)
	}
	for i, line := range lines {
		f := strings.Split(line, " ")
		if len(f) != 3 {
			t.Fatalf("line %d %q: %d fields", i+1, line, len(f))
		}
		if !utf8.ValidString(f[0]) || strings.TrimSpace(f[0]) != f[0] || f[0] == "" {
			t.Errorf("line %d %q: key is empty, untrimmed or invalid UTF-8", i+1, line)
		}
		for _, r := range f[0] {
			if isBreak(r) {
				t.Errorf("line %d %q: key contains break rune %U", i+1, line, r)
			}
		}
	}
	n := 0
	dict.Each(func(key []byte, _ float64, _ string) {
		n++
		if len(key) == 0 || !utf8.Valid(key) {
			t.Fatalf("decoded key %q: empty or invalid UTF-8", key)
		}
		for _, r := range string(key) {
			if isBreak(r) {
				t.Errorf("decoded key %q contains break rune %U", key, r)
			}
		}
	})
	if n != dict.Entries {
		t.Errorf("decoded %d entries, dict.Entries = %d", n, dict.Entries)
	}
}

// TestFullTotalFreq pins fullTotalFreq, recomputed from s_1.txt the way
// gse's LoadDictStr counts (first valid occurrence per ASCII-lowercased key,
// freq >= 2, single-rune entries counted as 2) and, unless -short, checked
// against a real full load.
func TestFullTotalFreq(t *testing.T) {
	seen := make(map[string]bool, dict.Lines)
	total := 0.0
	for _, line := range strings.Split(gseDictText(t), "\n") {
		f := strings.Split(line, " ")
		if len(f) < 2 {
			continue
		}
		freq, err := strconv.ParseFloat(f[1], 64)
		if err != nil || freq < 2 {
			continue
		}
		if utf8.RuneCountInString(f[0]) < 2 {
			freq = 2
		}
		key := asciiLower(f[0])
		if seen[key] {
			continue
		}
		seen[key] = true
		total += freq
	}
	if total != fullTotalFreq {
		t.Errorf("dictionary total %v, fullTotalFreq = %v", total, float64(fullTotalFreq))
	}
	if total != 33335153 {
		t.Errorf("dictionary total %v, want 33335153 (gse v0.80.3 zh_s)", total)
	}

	f := full(t)
	// The terms: 8 distinct keys at 1000; 一岗双责 shadows its dictionary
	// entry (freq 5).
	want := fullTotalFreq + 8*1000 - 5.0
	if got := f.seg.Dict.TotalFreq(); got != want {
		t.Errorf("full load total %v, want %v", got, want)
	}
}

// TestFullMatchesLoadDictStr is the identity test for the compact
// dictionary: the full segmenter must cut exactly as a gse segmenter that
// loads the original s_1.txt with its own LoadDictStr (after the same
// terms), and hold the same number of tokens and total frequency.
func TestFullMatchesLoadDictStr(t *testing.T) {
	f := full(t)
	g := newGse()
	addTerms(g, testTerms)
	if err := g.LoadDictStr(gseDictText(t)); err != nil {
		t.Fatal(err)
	}
	ref := &Segmenter{seg: g, entries: g.Dict.NumTokens()}
	if f.Entries() != ref.Entries() || f.seg.Dict.TotalFreq() != g.Dict.TotalFreq() {
		t.Errorf("full load: %d tokens, total %v; LoadDictStr: %d, %v",
			f.Entries(), f.seg.Dict.TotalFreq(), ref.Entries(), g.Dict.TotalFreq())
	}
	texts := fixtures(t)
	for k, v := range oddTexts {
		texts[k] = v
	}
	texts["sampled"] = sampledText(t, 100000)
	var long []string
	for _, line := range strings.Split(strings.TrimSuffix(gseDictText(t), "\n"), "\n") {
		if w := line[:strings.IndexByte(line, ' ')]; utf8.RuneCountInString(w) > 2 {
			long = append(long, w)
		}
	}
	// Every key of three runes or more, in file order, in runs that let
	// neighbours combine.
	for i := 0; i < len(long); i += 5000 {
		texts[fmt.Sprintf("keys%03d", i/5000)] = strings.Join(long[i:min(i+5000, len(long))], "")
	}
	for name, text := range texts {
		// "full load" in assertSame's messages is LoadDictStr here.
		assertSame(t, "vs LoadDictStr/"+name, f.Tokens(text), ref.Tokens(text))
	}
}

// TestConcurrent cuts with one full segmenter from 4 goroutines while other
// segmenters are being built. Run with -race.
func TestConcurrent(t *testing.T) {
	var s *Segmenter
	texts := fixtures(t)
	var list []string
	for _, v := range texts {
		list = append(list, v)
	}
	if testing.Short() {
		s = NewSegmenterFor(list, testTerms)
	} else {
		s = full(t)
	}
	want := make(map[string][]Token)
	for name, text := range texts {
		want[name] = s.Tokens(text)
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for rep := 0; rep < 3; rep++ {
				for name, text := range texts {
					got := s.Tokens(text)
					if len(got) != len(want[name]) {
						t.Errorf("%s: %d tokens concurrently, %d alone", name, len(got), len(want[name]))
						return
					}
					for i := range got {
						if got[i] != want[name][i] {
							t.Errorf("%s: token %d differs concurrently", name, i)
							return
						}
					}
				}
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for _, text := range list {
			if NewSegmenterFor([]string{text}, testTerms).Entries() == 0 {
				t.Error("empty segmenter")
			}
		}
	}()
	wg.Wait()
}

// Every report and fixture in testdata segments the same with the filtered
// loader as with a full load, using the real lexicon's terms.
func TestFilteredMatchesFullOnTestdata(t *testing.T) {
	if testing.Short() {
		t.Skip("full dictionary load skipped in -short mode")
	}
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	terms := lex.SegmentTerms()
	var paths []string
	for _, pat := range []string{"testdata/*/*.txt", "testdata/*/*.md", "analyze/checks/*/testdata/*.txt", "analyze/checks/*/testdata/*.md", "analyze/testdata/*/*.txt"} {
		m, _ := filepath.Glob(filepath.Join("..", pat))
		paths = append(paths, m...)
	}
	if len(paths) < 20 {
		t.Fatalf("only %d testdata files found", len(paths))
	}
	f := NewFullSegmenter(terms)
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		s := NewSegmenterFor([]string{text}, terms)
		assertSame(t, p, s.Tokens(text), f.Tokens(text))
	}
}
