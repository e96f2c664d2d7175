// Package typo wraps the typo detector (package typo at the module root):
// listed wrong forms (形近、音近别字), non-recommended variants, redundant
// wordings, confusable words, and unlisted same-pinyin slips (heuristic).
package typo

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
	"github.com/reportlint/reportlint/typo"
)

// Check reports wrongly written words.
var Check = &analyze.Check{
	Name: "typo",
	Doc: "错别字：词表 typos（lexicon/data/typos.yaml，每个词表注明出处，可用 --lexicon 扩充或停用）中的别字、" +
		"非推荐词形、语义重复和易混用词，以及词表外的同音别字（启发式：两个单字不成词、换一个同音字即成常用词）。" +
		"引号、书名号内的文字，人名、地名、机构名，词库术语，以及“误作……”一类引述的错误写法不报。",
	Severity:    analyze.Warning,
	NeedsTokens: true,
	Rules: []*analyze.Rule{
		{ID: "typo.list", Title: "错别字", Doc: "词表中在任何语境下都错误的写法（形近、音近别字），如“部暑”应为“部署”；依据见消息中的出处",
			Severity: analyze.Error, Group: analyze.GroupUsage, Source: analyze.SourcePractice, Fixable: true,
			Good: "认真部署全年工作。", Bad: "认真部暑全年工作。"},
		{ID: "typo.variant", Title: "非推荐词形", Doc: "《第一批异形词整理表》（GF 1001—2001）、《现代汉语词典》不推荐的词形，宜改为推荐词形（参预→参与、帐户→账户）",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourcePractice, Fixable: true,
			Good: "积极参与社会治理。", Bad: "积极参预社会治理。"},
		{ID: "typo.redundant", Title: "语义重复", Doc: "词语与其后成分意思重复（涉及到、再次重申、超过……以上），保留其一",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourcePractice, Fixable: true,
			Good: "工作涉及多个部门。", Bad: "工作涉及到多个部门。"},
		{ID: "typo.confusable", Title: "易混用词用错", Doc: "易混用的词用错（必须/必需、反应/反映、的/地/得 在固定搭配中）",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourcePractice, Fixable: true,
			Good: "如实反映情况。", Bad: "如实反应情况。"},
		{ID: "typo.pinyin", Title: "疑似同音别字", Doc: "词表外的单字别字（启发式）：分词后两个单字不成词，换一个同音字即成常用词，且原写法不是常用词；" +
			"人名、地名、引文和词库术语不报，请核实",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourcePractice, Heuristic: true,
			Good: "持续推进改革。", Bad: "持续推近改革。"},
	},
	Run: run,
}

// cache keeps the detector and the term set of the last lexicon used (a
// lexicon is read-only once loaded; building a detector costs more than one
// check).
var cache struct {
	sync.Mutex
	lex   *lexicon.Lexicon
	d     *typo.Detector
	terms *termSet
}

func detector(lex *lexicon.Lexicon) (*typo.Detector, *termSet) {
	cache.Lock()
	defer cache.Unlock()
	if cache.lex != lex || cache.d == nil {
		cache.lex, cache.d, cache.terms = lex, typo.New(lex), newTermSet(lex)
	}
	return cache.d, cache.terms
}

// cjkLo and cjkHi bound CJK Unified Ideographs.
const cjkLo, cjkHi = 0x4E00, 0x9FFF

// termSet holds the lexicon's term texts. Most tokens start with a
// character no term starts with: the bitset of first characters (CJK
// Unified Ideographs; others in a sorted slice) answers them without
// hashing the token.
type termSet struct {
	texts  map[string]bool
	firsts [(cjkHi - cjkLo + 64) / 64]uint64
	others []rune
}

func newTermSet(lex *lexicon.Lexicon) *termSet {
	s := &termSet{texts: map[string]bool{}}
	for _, t := range lex.Terms {
		if t.Disabled {
			continue
		}
		s.texts[t.Text] = true
		switch r, _ := utf8.DecodeRuneInString(t.Text); {
		case r >= cjkLo && r <= cjkHi:
			s.firsts[(r-cjkLo)>>6] |= 1 << ((r - cjkLo) & 63)
		default:
			s.others = append(s.others, r)
		}
	}
	slices.Sort(s.others)
	return s
}

// has reports whether text is a term.
func (s *termSet) has(text string) bool {
	r, _ := utf8.DecodeRuneInString(text)
	if r >= cjkLo && r <= cjkHi {
		if s.firsts[(r-cjkLo)>>6]&(1<<((r-cjkLo)&63)) == 0 {
			return false
		}
	} else if _, ok := slices.BinarySearch(s.others, r); !ok {
		return false
	}
	return s.texts[text]
}

// name reports gse parts of speech of names: people, places,
// organisations.
func name(pos string) bool {
	switch pos {
	case "nr", "nrt", "nrfg", "ns", "nsf", "nt":
		return true
	}
	return false
}

func run(p *analyze.Pass) error {
	toks := p.Tokens()
	d, terms := detector(p.Lex)
	var protect []segment.Span
	for _, t := range toks {
		if name(t.POS()) || len(t.Text) > 3 && terms.has(t.Text) {
			protect = append(protect, t.Span())
		}
	}
	for _, h := range d.Find(p.Doc.Text, toks, protect) {
		f := analyze.Finding{Rule: rule(h), Span: h.Span, Message: h.Message()}
		if h.Kind != typo.KindPinyin && h.Right != "" {
			f.Suggestion = h.Right
		}
		p.Report(f)
	}
	return nil
}

// rule maps a hit to its rule.
func rule(h typo.Hit) string {
	switch {
	case h.Kind == typo.KindPinyin:
		return "pinyin"
	case h.Kind == typo.KindRedundant:
		return "redundant"
	case h.Kind == typo.KindConfusable:
		return "confusable"
	case !h.Certain || strings.Contains(h.Source, "异形词"):
		return "variant"
	}
	return "list"
}
