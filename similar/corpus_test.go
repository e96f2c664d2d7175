package similar

import (
	"fmt"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/corpus"
	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

func defaultOptions(t testing.TB) Options {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	return Options{Boilerplate: append(PhrasesFrom(lex), StockPhrases...)}
}

func segmenterFor(t testing.TB, texts []string) *segment.Segmenter {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	return segment.NewSegmenterFor(texts, lex.SegmentTerms())
}

// indexTexts fingerprints texts in order and returns the index.
func indexTexts(t testing.TB, opt Options, texts []string) *Index {
	seg := segmenterFor(t, texts)
	ix := NewIndex(opt)
	for i, s := range texts {
		ix.Add(i, ix.Fingerprint(s, seg.Tokens(s)))
	}
	return ix
}

func contentString(s string) string {
	return string(contentRunes(s))
}

func loader(texts []string) func(int) (string, error) {
	return func(id int) (string, error) {
		if id < 0 || id >= len(texts) {
			return "", fmt.Errorf("no text %d", id)
		}
		return texts[id], nil
	}
}

// TestCorpusCopies checks recall and precision on a generated corpus whose
// copies are known: every pair of reports holding the same copied paragraph
// is found with a passage covering it, and no other pair is reported even
// though all reports share stock formulations.
func TestCorpusCopies(t *testing.T) {
	reps := corpus.Generate(corpus.Options{N: 150, Seed: 7, CopyRate: 0.15})
	texts := make([]string, len(reps))
	for i, r := range reps {
		texts[i] = r.Text
	}
	ix := indexTexts(t, defaultOptions(t), texts)
	pairs, err := ix.Pairs(loader(texts))
	if err != nil {
		t.Fatal(err)
	}
	// holders of each copied source paragraph: the source report and every copier
	type holder struct {
		doc    int
		text   string
		edited bool
	}
	type copied struct {
		text       string // A's version
		bothEdited bool   // neither side is the source text
		identical  bool
	}
	bySource := map[string][]holder{}
	for _, r := range reps {
		for _, c := range r.Copies {
			if len(bySource[c.Source]) == 0 {
				bySource[c.Source] = []holder{{c.From, c.Source, false}}
			}
			bySource[c.Source] = append(bySource[c.Source], holder{r.Index, c.Text, c.Edited})
		}
	}
	want := map[[2]int][]copied{}
	opt := defaultOptions(t).withDefaults()
	template := map[[2]int]bool{} // pairs sharing a paragraph held by many reports
	for _, hs := range bySource {
		if len(hs) >= opt.MinUnrelated {
			for i := range hs {
				for j := range hs {
					template[[2]int{hs[i].doc, hs[j].doc}] = true
				}
			}
			continue
		}
		for i := range hs {
			for j := range hs {
				a, b := hs[i], hs[j]
				if a.doc < b.doc {
					want[[2]int{a.doc, b.doc}] = append(want[[2]int{a.doc, b.doc}], copied{a.text, a.edited && b.edited, a.text == b.text})
				}
			}
		}
	}
	got := map[[2]int]Pair{}
	for _, p := range pairs {
		got[[2]int{p.A, p.B}] = p
		if _, ok := want[[2]int{p.A, p.B}]; !ok && !template[[2]int{p.A, p.B}] {
			for _, ps := range p.Passages {
				t.Errorf("unexpected pair %d–%d: lines %v/%v %q", p.A, p.B, ps.LinesA, ps.LinesB, texts[p.A][ps.A.Start:ps.A.End])
			}
		}
	}
	if len(want) == 0 {
		t.Fatal("corpus has no copies")
	}
	for k, paras := range want {
		p, ok := got[k]
		if !ok {
			t.Errorf("pair %d–%d not found (%d copied paragraphs)", k[0], k[1], len(paras))
			continue
		}
		for _, para := range paras {
			off := strings.Index(texts[k[0]], para.text)
			if off < 0 {
				t.Fatalf("paragraph not in report %d", k[0])
			}
			end := off + len(para.text)
			covered, best := 0, 0
			var in *Passage // the passage covering most of the paragraph
			for i, ps := range p.Passages {
				c := max(0, min(ps.A.End, end)-max(ps.A.Start, off))
				covered += c
				if c > best {
					best, in = c, &p.Passages[i]
				}
			}
			// Two independently edited copies differ in up to eight places.
			need := 0.9
			if para.bothEdited {
				need = 0.5
			}
			if float64(covered) < need*float64(len(para.text)) {
				t.Errorf("pair %d–%d: passages cover %d of %d bytes of the copied paragraph", k[0], k[1], covered, len(para.text))
			}
			if in == nil {
				continue
			}
			sa, sb := texts[k[0]][in.A.Start:in.A.End], texts[k[1]][in.B.Start:in.B.End]
			if in.Identical != (sa == sb) || (in.Similarity == 1) != (contentString(sa) == contentString(sb)) || in.Similarity < 0.9 {
				t.Errorf("pair %d–%d: identical %v, similarity %v for\n%s\n%s", k[0], k[1], in.Identical, in.Similarity, sa, sb)
			}
			if para.identical {
				// the whole paragraph, give or take a list number that both have
				lineStart := strings.LastIndexByte(texts[k[0]][:off], '\n') + 1
				if in.A.Start < lineStart || in.A.Start > off || in.A.End != end || !in.Identical {
					t.Errorf("pair %d–%d: verbatim paragraph [%d,%d) reported as %+v", k[0], k[1], off, end, in)
				}
			}
		}
	}
	t.Logf("%d pairs expected, %d found", len(want), len(pairs))
}
