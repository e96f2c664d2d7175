package typo

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

// readLines returns the non-comment lines of a testdata file.
func readLines(t testing.TB, name string) []string {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := sc.Text(); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

func newDetector(t testing.TB) (*Detector, *lexicon.Lexicon) {
	t.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	return New(lex), lex
}

func find(d *Detector, lex *lexicon.Lexicon, text string, protect []segment.Span) []Hit {
	seg := segment.NewSegmenterFor([]string{text}, lex.SegmentTerms())
	return d.Find(text, seg.Tokens(text), protect)
}

func TestFind(t *testing.T) {
	d, lex := newDetector(t)
	kinds := map[Kind]int{}
	for _, line := range readLines(t, "find.txt") {
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			t.Fatalf("bad fixture line %q", line)
		}
		text, wrong, right, kind, certain := f[0], f[1], f[2], Kind(f[3]), f[4] == "true"
		hits := find(d, lex, text, nil)
		if len(hits) != 1 {
			t.Errorf("%s: %d hits %+v, want 1", text, len(hits), hits)
			continue
		}
		h := hits[0]
		if h.Wrong != wrong || h.Right != right || h.Kind != kind || h.Certain != certain || (h.Severity == "error") != certain ||
			text[h.Span.Start:h.Span.End] != wrong || h.Source == "" {
			t.Errorf("%s: got %+v, want %s→%s %s certain=%v", text, h, wrong, right, kind, certain)
		}
		if kind != KindPinyin && !strings.HasPrefix(h.Ref, "lexicon/data/typos.yaml:") {
			t.Errorf("%s: Ref %q", text, h.Ref)
		}
		kinds[kind]++
	}
	for _, k := range []Kind{KindList, KindRedundant, KindConfusable, KindPinyin} {
		if kinds[k] == 0 {
			t.Errorf("no fixture of kind %s", k)
		}
	}
}

func TestSilent(t *testing.T) {
	d, lex := newDetector(t)
	for _, text := range readLines(t, "silent.txt") {
		for _, h := range find(d, lex, text, nil) {
			t.Errorf("%s: unexpected %s (%s)", text, h.Message(), h.Kind)
		}
	}
}

func TestProtect(t *testing.T) {
	d, lex := newDetector(t)
	text := "请渡假村负责人参加会议，稳步推近各项改革。"
	if hits := find(d, lex, text, nil); len(hits) != 2 {
		t.Fatalf("without protect: %+v, want 2 hits", hits)
	}
	i, j := strings.Index(text, "渡假村"), strings.Index(text, "推近")
	protect := []segment.Span{{Start: j, End: j + len("推近")}, {Start: i, End: i + len("渡假村")}}
	if hits := find(d, lex, text, protect); len(hits) != 0 {
		t.Errorf("protected spans reported: %+v", hits)
	}
}

func TestMessages(t *testing.T) {
	tests := []struct {
		h    Hit
		want string
	}{
		{Hit{Wrong: "部暑", Right: "部署", Kind: KindList, Source: "S", Certain: true}, "“部暑”应为“部署”（依据：S）"},
		{Hit{Wrong: "宏扬", Right: "弘扬", Kind: KindList, Source: "S", Note: "非推荐词形"}, "“宏扬”宜作“弘扬”：非推荐词形（依据：S）"},
		{Hit{Wrong: "涉及到", Right: "涉及", Kind: KindRedundant, Source: "S"}, "语义重复：“涉及到”宜改为“涉及”（依据：S）"},
		{Hit{Wrong: "推近", Right: "推进", Kind: KindPinyin, Source: PinyinSource}, "疑似错别字：“推近”可能应为“推进”（同音字），请核实"},
	}
	for _, tt := range tests {
		if got := tt.h.Message(); got != tt.want {
			t.Errorf("got %s, want %s", got, tt.want)
		}
	}
}

func TestUserLexicon(t *testing.T) {
	base, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	// A user list adds a form, switches a built-in one off and redefines
	// another.
	user, err := lexicon.Parse("user.yaml", []byte("typos:\n  - id: mine\n    source: 本单位\n    entries:\n"+
		"      - {wrong: 工作部属, correction: 工作部署}\n      - {wrong: 渡假, disabled: true}\n"+
		"      - {wrong: 幅射, correction: 辐射, note: 本单位统一用字, severity: warning}\n"))
	if err != nil {
		t.Fatal(err)
	}
	lex := *base
	lex.Typos = append(append([]lexicon.TypoList(nil), base.Typos...), user.Typos...)
	d := New(&lex)
	if d.Entries() != New(base).Entries() {
		t.Errorf("entries %d, want %d (one added, one off)", d.Entries(), New(base).Entries())
	}
	hits := d.Find("安排工作部属和渡假，防止幅射。", nil, nil)
	if len(hits) != 2 || hits[0].Right != "工作部署" || hits[0].Source != "本单位" ||
		hits[1].Wrong != "幅射" || hits[1].Note != "本单位统一用字" || hits[1].Certain || hits[1].Ref != "user.yaml:7" {
		t.Errorf("got %+v", hits)
	}
}

// TestHostile runs Find on large adversarial inputs (bounded work: each
// must simply finish; no timing is asserted).
func TestHostile(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	d, lex := newDetector(t)
	for _, s := range []string{
		strings.Repeat("部暑", 100000),
		strings.Repeat("大约12345", 50000),
		strings.Repeat("“", 200000),
		strings.Repeat("推近", 50000),
		strings.Repeat("误作部暑", 50000),
	} {
		hits := find(d, lex, s, nil)
		for i := 1; i < len(hits); i++ {
			if hits[i].Span.Start < hits[i-1].Span.End {
				t.Fatalf("overlapping hits %+v %+v", hits[i-1], hits[i])
			}
		}
	}
}

func TestNilAndOddInput(t *testing.T) {
	var d *Detector
	if d.Find("部暑", nil, nil) != nil {
		t.Error("nil detector found something")
	}
	d = New(nil)
	if d.Entries() != 0 || len(d.Find("部暑", nil, nil)) != 0 {
		t.Error("empty lexicon found a listed form")
	}
	d, _ = newDetector(t)
	// Tokens that do not segment the text are ignored, not trusted.
	bad := []segment.Token{segment.NewToken("部暑", "", segment.Span{Start: 3, End: 99})}
	if hits := d.Find("把部暑", bad, []segment.Span{{Start: -5, End: 1}, {Start: 50, End: 10}}); len(hits) != 1 {
		t.Errorf("got %+v", hits)
	}
	for _, s := range []string{"\xff部暑\xfe", "“部暑", "大约…左右", "超过" + strings.Repeat("5", 20) + "以上"} {
		d.Find(s, nil, nil)
	}
}
