package typo

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/fixture"
	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

// pieces of random lexicons and texts: one-byte, two-byte, common and
// supplementary-plane first runes (beyond the lookup bitset), U+FFFD,
// numbers and breaks for gaps, quotation marks, invalid bytes.
var pieces = []string{"a", "4", "é", "部", "暑", "署", "大", "约", "左", "右", "超", "过", "以", "上", "渡", "假",
	"\U00020000", "\U0002A6D6", "\uFFFD", "1", "一", "，", "。", "“", "”", "《", "》",
	"‘", "’", "「", "」", "『", "』", "〈", "〉", "\"", "误作", "\n", "\xff", "\xe4\xb8", "\xe2\x80", "\x80"}

func randText(rng *rand.Rand, n int) string {
	var b strings.Builder
	for range rng.IntN(n + 1) {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}

// randLexicon returns lists whose wrong forms often repeat (redefined,
// disabled, sharing a head with a gap form); invalid bytes only when bad.
func randLexicon(rng *rand.Rand, bad bool) *lexicon.Lexicon {
	word := func() string {
		for {
			w := randText(rng, 3)
			if bad || strings.ToValidUTF8(w, "") == w {
				return w
			}
		}
	}
	lex := &lexicon.Lexicon{}
	kinds := []string{"", "list", "redundant", "confusable"}
	sevs := []string{"", "error", "warning", "info"}
	for li := range 1 + rng.IntN(4) {
		l := lexicon.TypoList{ID: string(rune('a' + li)), Source: word(), Kind: kinds[rng.IntN(4)],
			Severity: sevs[rng.IntN(4)], Note: word(), Disabled: rng.IntN(6) == 0}
		for ei := range rng.IntN(40) {
			w := word()
			if rng.IntN(4) == 0 {
				w += lexicon.TypoGap + word()
			}
			c := word()
			if rng.IntN(3) == 0 {
				c += lexicon.TypoGap + word()
			}
			l.Entries = append(l.Entries, lexicon.TypoEntry{Wrong: w, Correction: c, Note: word(),
				Severity: sevs[rng.IntN(4)], Disabled: rng.IntN(8) == 0, SourceRef: l.ID + string(rune('0'+ei%10))})
		}
		lex.Typos = append(lex.Typos, l)
	}
	return lex
}

// TestSameAsReferenceRandom compares Find with the reference detector on
// random lexicons and texts.
func TestSameAsReferenceRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 16))
	exact := 0
	for it := range 3000 {
		lex := randLexicon(rng, it%3 == 0)
		d, ref := New(lex), refNew(lex)
		if d.exact {
			exact++
		}
		if d.Entries() != len(ref.entries) {
			t.Fatalf("lexicon %d: %d entries, reference %d", it, d.Entries(), len(ref.entries))
		}
		for range 10 {
			text := randText(rng, 40)
			protect := []segment.Span{{Start: rng.IntN(len(text) + 1), End: rng.IntN(len(text) + 1)}}
			if got, want := d.Find(text, nil, protect), ref.find(text, nil, protect); !reflect.DeepEqual(got, want) {
				t.Fatalf("lexicon %d %+v\ntext %q\ngot  %+v\nwant %+v", it, lex.Typos, text, got, want)
			}
			if got, want := quoteSpans(text), refQuoteSpans(text); !reflect.DeepEqual(got, want) {
				t.Fatalf("quotations of %q: got %v, want %v", text, got, want)
			}
		}
	}
	if exact == 0 {
		t.Error("no lexicon took the exact decoding path")
	}
}

var (
	sameOnce sync.Once
	sameDet  *Detector
	sameRef  *refDetector
	sameLex  *lexicon.Lexicon
)

func sameSetup(tb testing.TB) {
	sameOnce.Do(func() {
		lex, err := lexicon.Default()
		if err != nil {
			tb.Fatal(err)
		}
		sameLex, sameDet, sameRef = lex, New(lex), refNew(lex)
	})
	if sameLex == nil {
		tb.Fatal("no lexicon")
	}
}

// checkSame compares Find, with and without tokens, and quoteSpans with the
// reference.
func checkSame(t *testing.T, text string) {
	toks := segment.NewSegmenterFor([]string{text}, sameLex.SegmentTerms()).Tokens(text)
	for _, tk := range [][]segment.Token{toks, nil} {
		if got, want := sameDet.Find(text, tk, nil), sameRef.find(text, tk, nil); !reflect.DeepEqual(got, want) {
			t.Fatalf("text %q (tokens %v)\ngot  %+v\nwant %+v", text, tk != nil, got, want)
		}
	}
	if got, want := quoteSpans(text), refQuoteSpans(text); !reflect.DeepEqual(got, want) {
		t.Fatalf("quotations of %q: got %v, want %v", text, got, want)
	}
}

// TestSameAsReferenceFixtures compares Find with the reference detector on
// the fixtures, built-in lexicon, pinyin heuristic included.
func TestSameAsReferenceFixtures(t *testing.T) {
	sameSetup(t)
	hits := 0
	for _, f := range []string{"find.txt", "silent.txt"} {
		for _, line := range readLines(t, f) {
			text, _, _ := strings.Cut(line, "\t")
			checkSame(t, text)
			hits += len(sameDet.Find(text, nil, nil))
		}
	}
	if hits == 0 {
		t.Error("fixtures gave no hit to compare")
	}
}

// FuzzSameAsReference compares Find with the reference detector on
// arbitrary text.
func FuzzSameAsReference(f *testing.F) {
	for _, s := range []string{"会议对全年工作部暑作了安排。", "参会人数大约300人左右。", "稳步推近各项改革。",
		"“部暑”《幅射", "\xff\xfe部暑\xe4\xb8部暑", "工作部暑期", "过渡假期", "“未闭合的引号\n部暑"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 4096 {
			return
		}
		sameSetup(t)
		checkSame(t, text)
	})
}

// TestIsHan compares isHan with unicode.Han over every rune.
func TestIsHan(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isHan(r) != unicode.Is(unicode.Han, r) {
			t.Fatalf("isHan(%U) = %v", r, isHan(r))
		}
	}
}

// TestOnlyReplacement compares onlyReplacement with the reference for the
// characters of the pinyin tables and a few others.
func TestOnlyReplacement(t *testing.T) {
	var rs []rune
	for _, r := range homGroups[:3*300] {
		rs = append(rs, r)
	}
	rs = append(rs, 'a', 'é', '\U00020000', '部', '暑', '近', '推')
	d := New(nil)
	found := 0
	for _, x := range rs {
		for _, y := range rs {
			w, k, ok := d.onlyReplacement(x, y)
			rw, rk, rok := refOnlyReplacement(x, y)
			if w != rw || k != rk || ok != rok {
				t.Fatalf("%c%c: got %q %c %v, want %q %c %v", x, y, w, k, ok, rw, rk, rok)
			}
			if ok {
				found++
			}
		}
	}
	if found == 0 {
		t.Error("no replacement found to compare")
	}
}

// TestSingleHan compares singleHan with the reference on every sequence of
// up to three bytes led by 0xC0-0xFF, whole and cut short.
func TestSingleHan(t *testing.T) {
	var b [3]byte
	for b0 := 0xC0; b0 <= 0xFF; b0++ {
		for b1 := range 256 {
			for b2 := range 256 {
				b = [3]byte{byte(b0), byte(b1), byte(b2)}
				for n := 1; n <= 3; n++ {
					s := string(b[:n])
					tok := segment.NewToken(s, "", segment.Span{Start: 0, End: n})
					if singleHan(s) != refSingleHan(tok) {
						t.Fatalf("singleHan(%q) = %v", s, singleHan(s))
					}
				}
			}
		}
	}
}

// TestSameAsReferenceReal compares Find with the reference detector on the
// real reports (REPORTLINT_CORPUS; skipped when absent), pinyin heuristic
// included. The reports give no hit (TestRealCorpus), so the pinyin
// candidates are compared through the hits on doctored copies too: every
// 50th two-character word is swapped for a listed wrong form's head.
func TestSameAsReferenceReal(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(fixture.RealCorpusDir(t), "*.txt"))
	sameSetup(t)
	hits := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		checkSame(t, text)
		toks := segment.NewSegmenterFor([]string{text}, sameLex.SegmentTerms()).Tokens(text)
		var b strings.Builder
		heads := []string{"推近", "部暑", "渡假", "幅射", "涉及到"}
		prev, n := 0, 0
		for _, tk := range toks {
			if utf8.RuneCountInString(tk.Text) == 2 {
				if n++; n%50 == 0 {
					b.WriteString(text[prev:tk.Span().Start])
					b.WriteString(heads[n/50%len(heads)])
					prev = tk.Span().End
				}
			}
		}
		b.WriteString(text[prev:])
		checkSame(t, b.String())
		hits += len(sameDet.Find(b.String(), nil, nil))
	}
	if hits == 0 {
		t.Error("doctored reports gave no hit to compare")
	}
}

// TestIsStop compares isStop with stopChars over every rune.
func TestIsStop(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isStop(r) != strings.ContainsRune(stopChars, r) {
			t.Fatalf("isStop(%U) = %v", r, isStop(r))
		}
	}
}

// TestQuoteBounds compares quoteSpans with the reference around the
// maxQuote bound, with runes of every width, invalid bytes and line breaks.
func TestQuoteBounds(t *testing.T) {
	spans := 0
	for _, fill := range []string{"a", "é", "部", "\U00020000", "\xff", "部a", "\xe4\xb8"} {
		for _, mark := range [][2]string{{"“", "”"}, {"《", "》"}, {"\"", "\""}, {"「", "」"}} {
			for n := range 2*maxQuote + 2 {
				body := strings.Repeat(fill, n)
				for _, s := range []string{mark[0] + body + mark[1], mark[0] + body + "\n" + mark[1],
					"\n" + mark[0] + body[:len(body)/2] + "\n" + body[len(body)/2:] + mark[1] + body + mark[0] + mark[1]} {
					got, want := quoteSpans(s), refQuoteSpans(s)
					if !reflect.DeepEqual(got, want) {
						t.Fatalf("quotations of %q: got %v, want %v", s, got, want)
					}
					spans += len(got)
				}
			}
		}
	}
	if spans == 0 {
		t.Error("no quotation found")
	}
}
