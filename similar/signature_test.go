package similar

import (
	"bufio"
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
	"unsafe"

	"github.com/reportlint/reportlint/internal/corpus"
)

// signatureLines writes the signatures of an index built from texts as
// JSON lines, as a per-file stage would.
func signatureLines(t testing.TB, ix *Index) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for _, p := range ix.prints {
		if err := enc.Encode(ix.Signature(p)); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

// mergeIndex rebuilds an index from JSON lines of signatures.
func mergeIndex(t testing.TB, opt Options, lines []byte) *Index {
	ix := NewIndex(opt)
	sc := bufio.NewScanner(bytes.NewReader(lines))
	sc.Buffer(nil, 1<<26)
	for id := 0; sc.Scan(); id++ {
		var s Signature
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			t.Fatal(err)
		}
		p, err := ix.PrintFrom(&s)
		if err != nil {
			t.Fatalf("line %d: %v", id+1, err)
		}
		ix.Add(id, p)
	}
	return ix
}

// The comparison rebuilt from signatures alone equals the comparison made
// from the texts, byte for byte in its JSON; signatures survive a round
// trip unchanged.
func TestSignatureMergeEqualsDirect(t *testing.T) {
	reps := corpus.Generate(corpus.Options{N: 40, Seed: 9, CopyRate: 0.3, MaxBytes: 12 << 10})
	var texts []string
	for _, r := range reps {
		texts = append(texts, r.Text)
	}
	for k := 1; k < 6; k++ { // a ring of 6
		texts = append(texts, editCopy(texts[3], k))
	}
	texts = append(texts, readFixtures(t, "copy_a.txt", "copy_b.txt", "edited_b.txt", "boiler_a.txt", "boiler_b.txt")...)
	opt := defaultOptions(t)
	direct := indexTexts(t, opt, texts)
	want, err := json.Marshal(direct.Compare())
	if err != nil {
		t.Fatal(err)
	}
	lines := signatureLines(t, direct)
	merged := mergeIndex(t, opt, lines)
	got, err := json.Marshal(merged.Compare())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("merged comparison differs:\n%s\nwant\n%s", got, want)
	}
	if again := signatureLines(t, merged); !bytes.Equal(again, lines) {
		t.Errorf("signatures change in a round trip")
	}
	var c Comparison
	if err := json.Unmarshal(want, &c); err != nil || len(c.Rings) == 0 || len(c.Pairs) == 0 {
		t.Errorf("comparison has %d rings, %d pairs (err %v): the test compares too little", len(c.Rings), len(c.Pairs), err)
	}
	t.Logf("%d texts, %d bytes of signatures (%d bytes of text), %d rings, %d pairs",
		len(texts), len(lines), corpus.Bytes(reps), len(c.Rings), len(c.Pairs))
}

// Damaged signatures are refused with an error, never a panic.
func TestSignatureInvalid(t *testing.T) {
	opt := defaultOptions(t)
	ix := indexTexts(t, opt, readFixtures(t, "copy_a.txt"))
	good := ix.Signature(ix.prints[0])
	for name, mod := range map[string]func(s *Signature){
		"version":  func(s *Signature) { s.Version = 99 },
		"shingle":  func(s *Signature) { s.Shingle = 5 },
		"hash":     func(s *Signature) { s.Hash = "zz" },
		"fps b64":  func(s *Signature) { s.FPs = "%%%" },
		"fps cut":  func(s *Signature) { s.FPs = s.FPs[:12] },
		"len":      func(s *Signature) { s.Len = 10 },
		"chars":    func(s *Signature) { s.Chars = -1 },
		"lines":    func(s *Signature) { s.Lines = "AAAA" },
		"excerpt":  func(s *Signature) { s.Excerpts[1].Off = s.Excerpts[0].Off },
		"bad utf8": func(s *Signature) { s.Excerpts[0].Text = "\xff" },
	} {
		s := *good
		s.Excerpts = append([]SigExcerpt(nil), good.Excerpts...)
		mod(&s)
		if _, err := NewIndex(opt).PrintFrom(&s); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if _, err := NewIndex(opt).PrintFrom(good); err != nil {
		t.Errorf("good signature: %v", err)
	}
}

// FuzzSignature decodes arbitrary JSON lines as signatures and compares
// what it accepts: no panic.
func FuzzSignature(f *testing.F) {
	texts := []string{"一、工作情况\n针对山区乡镇通组道路窄、弯、陡的老问题，逐段踏勘，编排三年改造计划。\n", "针对山区乡镇通组道路窄、弯、陡的老问题，逐段踏勘，编排三年改造计划。"}
	opt := Options{Shingle: 4, Window: 3, MinChars: 8}
	ix := NewIndex(opt)
	for i, s := range texts {
		ix.Add(i, ix.Fingerprint(s, runeTokens(s)))
	}
	for _, p := range ix.prints {
		b, _ := json.Marshal(ix.Signature(p))
		f.Add(b, b)
	}
	f.Add([]byte(`{"v":1,"k":4,"w":3,"len":5,"chars":5,"hash":"1","fps":"AQIDBAUGBwgBAQEBAQEB"}`), []byte(`{}`))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		ix := NewIndex(opt)
		id := 0
		for _, line := range [][]byte{a, b, a} {
			var s Signature
			if json.Unmarshal(line, &s) != nil {
				continue
			}
			p, err := ix.PrintFrom(&s)
			if err != nil {
				continue
			}
			ix.Add(id, p)
			id++
		}
		c := ix.Compare()
		if _, err := json.Marshal(c); err != nil {
			t.Fatal(err)
		}
	})
}

// Compact is PrintFrom(Signature(p)) without the encoding: equal field for
// field (per-token hashes dropped), and its excerpts hold no part of the text.
func TestCompactEqualsPrintFrom(t *testing.T) {
	reps := corpus.Generate(corpus.Options{N: 20, Seed: 4, CopyRate: 0.3, MaxBytes: 12 << 10})
	texts := []string{"", "。", "短句。"}
	for _, r := range reps {
		texts = append(texts, r.Text)
	}
	texts = append(texts, readFixtures(t, "copy_a.txt", "boiler_a.txt")...)
	ix := indexTexts(t, defaultOptions(t), texts)
	excerpts := 0
	for i, p := range ix.prints {
		want, err := ix.PrintFrom(ix.Signature(p))
		if err != nil {
			t.Fatalf("text %d: %v", i, err)
		}
		got := p.Compact()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("text %d: Compact differs from PrintFrom(Signature)", i)
		}
		for _, e := range got.excerpts {
			excerpts++
			if within(texts[i], e.text) {
				t.Errorf("text %d: excerpt %q shares memory with the text", i, e.text)
			}
		}
	}
	if excerpts == 0 {
		t.Error("no excerpts: the test compares too little")
	}
}

// within reports whether s points into text's memory.
func within(text, s string) bool {
	if text == "" || s == "" {
		return false
	}
	t0, p := uintptr(unsafe.Pointer(unsafe.StringData(text))), uintptr(unsafe.Pointer(unsafe.StringData(s)))
	return p >= t0 && p < t0+uintptr(len(text))
}
