package cmd

import (
	"io"
	"math"
	"reflect"
	"testing"
	"unsafe"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/crossref"
	"github.com/reportlint/reportlint/internal/corpus"
	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
	"github.com/reportlint/reportlint/similar"
)

// viaJSON and viaTake merge records the old way (each record written as
// its --emit line and read back) and the way audit does.
func viaJSON(t *testing.T, recs []*auditRecord, keep, copies bool) *auditMerger {
	t.Helper()
	m := newMerger(similar.NewIndex(similar.Options{}), keep, copies)
	for _, rec := range recs {
		if err := m.addJSON(encodeRecord(rec), rec.Path); err != nil {
			t.Fatalf("addJSON %q: %v", rec.Path, err)
		}
	}
	return m
}

func viaTake(t *testing.T, recs []*auditRecord, keep, copies bool) *auditMerger {
	t.Helper()
	m := newMerger(similar.NewIndex(similar.Options{}), keep, copies)
	for _, rec := range recs {
		if err := m.take(rec); err != nil {
			t.Fatalf("take %q: %v", rec.Path, err)
		}
	}
	return m
}

func sameMerge(t *testing.T, a, b *auditMerger) {
	t.Helper()
	if len(a.entries) != len(b.entries) {
		t.Fatalf("%d entries vs %d", len(a.entries), len(b.entries))
	}
	for i := range a.entries {
		ea, eb := a.entries[i], b.entries[i]
		if !reflect.DeepEqual(ea.file, eb.file) {
			t.Errorf("entry %d: file\n%+v\nvs\n%+v", i, ea.file, eb.file)
		}
		if !reflect.DeepEqual(ea.print, eb.print) {
			t.Errorf("entry %d (%s): print differs", i, ea.file.Path)
		}
		if !reflect.DeepEqual(ea.claims, eb.claims) {
			t.Errorf("entry %d: claims\n%+v\nvs\n%+v", i, ea.claims, eb.claims)
		}
	}
	if !reflect.DeepEqual(a.dups, b.dups) {
		t.Errorf("dups %q vs %q", a.dups, b.dups)
	}
	if ra, rb := a.report(), b.report(); !reflect.DeepEqual(ra, rb) {
		t.Errorf("reports differ")
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

// A one-process audit hands its records to the merger without the JSON
// round trip; the merger keeps exactly what it kept from the round trip,
// and nothing of it points into a document's text.
func TestAuditTakeEqualsJSON(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	var docs []*segment.Document
	var texts []string
	for _, r := range corpus.Generate(corpus.Options{N: 12, Seed: 7, CopyRate: 0.5, MaxBytes: 16 << 10}) {
		d, err := segment.LoadBytes(r.Name, []byte(r.Text), segment.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		docs, texts = append(docs, d), append(texts, d.Text)
	}
	seg := segment.NewSegmenterFor(texts, lex.SegmentTerms())
	stage := func(emit string) *auditStage {
		return &auditStage{app: &App{Out: io.Discard, Err: io.Discard, Getenv: func(string) string { return "" }},
			lex: lex, opt: analyze.Options{Checks: allChecks()}, o: &auditOptions{Emit: emit},
			segmenter: func() *segment.Segmenter { return seg }, ix: similar.NewIndex(similar.Options{})}
	}
	direct, emitted := stage(""), stage("jsonl")
	for _, keep := range []bool{false, true} {
		var viaPrint, viaSig []*auditRecord
		findings, claims := 0, 0
		for _, d := range docs {
			a, b := direct.analyse(d), emitted.analyse(d)
			if a.print == nil || a.Signature != nil || b.Signature == nil {
				t.Fatal("a one-process record carries a print, an emitted one a signature")
			}
			viaPrint, viaSig = append(viaPrint, a), append(viaSig, b)
			findings, claims = findings+len(a.Findings), claims+len(a.Claims)
		}
		if findings == 0 || claims == 0 {
			t.Fatalf("%d findings, %d claims: the test compares too little", findings, claims)
		}
		want := viaJSON(t, viaSig, keep, true)
		got := viaTake(t, viaPrint, keep, true)
		sameMerge(t, want, got)
		for i, e := range got.entries {
			text := docs[i].Text
			for _, f := range e.file.Findings {
				if within(text, f.Text) || within(text, f.Message) {
					t.Fatalf("%s: a finding kept points into the text", e.file.Path)
				}
			}
			for _, c := range e.claims {
				if within(text, c.Excerpt) || within(text, c.Metric) {
					t.Fatalf("%s: a claim kept points into the text", e.file.Path)
				}
			}
		}
	}
}

// oddRecord is a record with everything JSON changes or refuses: invalid UTF-8,
// empty slices, non-finite or negative-zero values.
func oddRecord(path, s string, v float64) *auditRecord {
	return &auditRecord{Kind: auditRecordKind, Version: auditRecordVersion, Path: path, Changed: s,
		Format: "txt", Profile: s, Year: 2024, Chars: len(s), Bytes: int64(len(s)), Missing: []string{},
		Counts:   auditJSONCounts{Errors: 1},
		Findings: []jsonFinding{{Check: "c", Rule: s, Severity: "error", Text: s, Message: s + "。", Related: []jsonRelated{}}, {Text: s, Related: []jsonRelated{{Text: s}}}},
		Claims:   []crossref.Claim{{Metric: s, Unit: "个", Period: "2024年", Value: v, Excerpt: s}},
	}
}

// take agrees with the round trip on records the stage does not usually
// make (colliding invalid paths become duplicates, as in JSON).
func TestAuditTakeOddRecords(t *testing.T) {
	mk := func() []*auditRecord {
		return []*auditRecord{
			oddRecord("a\xff.txt", "全市\xff新建\xe4\xb8", 12),
			oddRecord("a\xfe.txt", "", math.Copysign(0, -1)),
			oddRecord("b.txt", "\u2028<&>\x00\"", 0.1+0.2),
			oddRecord("c.txt", "x", math.NaN()),
			oddRecord("d.txt", "x", math.Inf(-1)),
			{Kind: auditRecordKind, Version: auditRecordVersion, Path: "e\x80.txt", Error: "无法读取：\xff", OverLimit: true},
			{Kind: auditRecordKind, Version: auditRecordVersion, Path: "f.txt", Claims: []crossref.Claim{}, Findings: []jsonFinding{}},
		}
	}
	for _, keep := range []bool{false, true} {
		want := viaJSON(t, mk(), keep, false)
		got := viaTake(t, mk(), keep, false)
		if len(want.dups) != 1 {
			t.Errorf("dups %q: the colliding paths should be one", want.dups)
		}
		sameMerge(t, want, got)
	}
}

// FuzzAuditTake: for any strings and value, take keeps what the JSON round
// trip keeps.
func FuzzAuditTake(f *testing.F) {
	f.Add("a.txt", "临江市2024年", 1200.0)
	f.Add("\xff", "\xed\xa0\x80", math.Inf(1))
	f.Add("p", "\xe4\xb8", -0.0)
	f.Fuzz(func(t *testing.T, path, s string, v float64) {
		recs := func() []*auditRecord {
			r := oddRecord(path, s, v)
			r2 := oddRecord(path+s, s, v)
			r2.Error = s
			return []*auditRecord{r, r2}
		}
		for _, keep := range []bool{false, true} {
			a, b := recs(), recs()
			mJ := newMerger(similar.NewIndex(similar.Options{}), keep, false)
			mT := newMerger(similar.NewIndex(similar.Options{}), keep, false)
			for i := range a {
				errJ := mJ.addJSON(encodeRecord(a[i]), a[i].Path)
				errT := mT.take(b[i])
				if (errJ == nil) != (errT == nil) {
					t.Fatalf("errors %v vs %v", errJ, errT)
				}
			}
			sameMerge(t, mJ, mT)
		}
	})
}
