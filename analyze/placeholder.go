package analyze

import (
	"github.com/reportlint/reportlint/analyze/internal/scan"
	"github.com/reportlint/reportlint/lexicon"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/segment"
)

// Placeholder is one unfilled blank in a draft.
type Placeholder struct {
	segment.Span
	Pos     segment.Pos
	EndPos  segment.Pos
	Text    string // the blank as written: **, XX, 【 】
	Form    string // stars, x, circle, mouyou, bracket, underscore, todo
	Kind    string // number, name, date
	Unit    string // expected unit for a number: 亿元, ％, 个 …
	Excerpt string // a short excerpt with the blank marked 【…】
	Section string
	Line    int
}

// workHook, when set (by tests, never concurrently with Run), is told
// the units of work done by the scans that must stay linear in the input:
// runes or bytes read, list entries walked, binary searches made.
var workHook func(n int)

func work(n int) {
	if workHook != nil {
		workHook(n)
	}
}

// Placeholder kinds.
const (
	KindNumber = "number"
	KindName   = "name"
	KindDate   = "date"
)

// Placeholders returns every unfilled blank in the document, in order.
func (a *Analysis) Placeholders() []Placeholder {
	return placeholdersKey.Get(a)
}

var placeholdersKey = NewKey("placeholders", func(a *Analysis) []Placeholder {
	out := FindPlaceholders(a.Doc, a.Lex)
	for i := range out {
		out[i].Section = a.SectionName(out[i].Start)
	}
	return out
})

// FindPlaceholders scans a document for blanks. lex supplies the measure
// words that tell a missing number from a missing name (nil: none).
func FindPlaceholders(doc *segment.Document, lex *lexicon.Lexicon) []Placeholder {
	ms := measuresFor(lex)
	out := []Placeholder{}
	md := doc.Format == segment.FormatMarkdown
	for _, para := range doc.Paragraphs {
		s := doc.Text[para.Span.Start:para.Span.End]
		var skip []segment.Span // markdown emphasis markers, relative to s
		if md {
			skip = ms.markdownEmphasis(s)
		}
		work(len(s))
		for _, m := range scanBlanks(s, skip) {
			work(1)
			sp := segment.Span{Start: para.Span.Start + m.start, End: para.Span.Start + m.end}
			ph := Placeholder{Span: sp, Text: doc.Slice(sp), Form: m.form}
			ph.Kind, ph.Unit = ms.classifyBlank(s, m)
			ph.Pos = doc.Position(sp.Start)
			ph.EndPos = doc.Position(sp.End)
			ph.Line = ph.Pos.Line
			ph.Excerpt = markedExcerpt(doc.Text, sp, 12, m.form == "bracket")
			out = append(out, ph)
		}
	}
	return out
}

type blank struct {
	start, end int // byte offsets in the paragraph
	form       string
}

// scanBlanks finds blanks in one paragraph, skipping the spans in skip.
func scanBlanks(s string, skip []segment.Span) []blank {
	var out []blank
	inSkip := func(i int) bool {
		work(1)
		return scan.InSpans(skip, i)
	}
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '*' || r == '＊':
			j, _, _ := runOf(s, i, "*＊")
			if !inSkip(i) && !starIsBullet(s, i, j) && !starIsMultiply(s, i, j) {
				out = append(out, blank{i, j, "stars"})
			}
			i = j
			continue
		case r == 'X' || r == 'x' || r == '×':
			if b, ok := xBlank(s, i); ok {
				out = append(out, b)
				i = b.end
				continue
			}
		case r == '○' || r == '〇':
			if b, ok := circleBlank(s, i); ok {
				out = append(out, b)
				i = b.end
				continue
			}
		case r == '某':
			if strings.HasPrefix(s[i:], "某某") {
				j := i
				for strings.HasPrefix(s[j:], "某") {
					j += len("某")
				}
				out = append(out, blank{i, j, "mouyou"})
				i = j
				continue
			}
		case r == '【' || r == '〖' || r == '（' || r == '(' || r == '[' || r == '〔' || r == '{' || r == '［':
			if b, ok := bracketBlank(s, i); ok {
				out = append(out, b)
				i = b.end
				continue
			}
		case r == '_' || r == '＿':
			j := i
			for j < len(s) && (s[j] == '_' || strings.HasPrefix(s[j:], "＿")) {
				if s[j] == '_' {
					j++
				} else {
					j += len("＿")
				}
			}
			n := utf8.RuneCountInString(s[i:j])
			if n >= 2 && !inSkip(i) && !asciiWordAround(s, i, j) {
				out = append(out, blank{i, j, "underscore"})
			}
			i = j
			continue
		case r == 'T':
			for _, kw := range []string{"TODO", "TBD"} {
				if strings.HasPrefix(s[i:], kw) && !asciiWordAround(s, i, i+len(kw)) {
					out = append(out, blank{i, i + len(kw), "todo"})
					i += len(kw)
					goto next
				}
			}
		case r == '待':
			if strings.HasPrefix(s[i:], "待定") {
				out = append(out, blank{i, i + len("待定"), "todo"})
				i += len("待定")
				continue
			}
		}
		i += w
	next:
	}
	return out
}

// starIsBullet: "* item" at the start of a paragraph is a list bullet.
func starIsBullet(s string, i, j int) bool {
	return i == 0 && j-i == 1 && j < len(s) && (s[j] == ' ' || s[j] == '\t')
}

// starIsMultiply: 3*4 between digits is multiplication.
func starIsMultiply(s string, i, j int) bool {
	if j-i != 1 || i == 0 || j >= len(s) {
		return false
	}
	a, _ := utf8.DecodeLastRuneInString(s[:i])
	b, _ := utf8.DecodeRuneInString(s[j:])
	return unicode.IsDigit(a) && unicode.IsDigit(b)
}

func asciiWordAround(s string, i, j int) bool {
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		if scan.IsASCIILetter(r) || (r >= '0' && r <= '9') {
			return true
		}
	}
	if j < len(s) {
		r, _ := utf8.DecodeRuneInString(s[j:])
		if scan.IsASCIILetter(r) || (r >= '0' && r <= '9') && !(s[i] == '_') {
			return true
		}
	}
	return false
}

// xWords are real words that start with X.
var xWords = []string{"X光", "X射线", "X线", "X染色体", "X轴", "X型", "X形", "X战警", "X一代", "x轴", "X86", "x86"}

// xBlank recognises XX, ××, X年X月X日, 20XX年 and ××局, but not Latin
// words (Xi, x86, iPhone X), codes, multiplication (3×4) or X光.
func xBlank(s string, i int) (blank, bool) {
	for _, w := range xWords {
		if strings.HasPrefix(s[i:], w) {
			return blank{}, false
		}
	}
	j, prev, next := runOf(s, i, "Xx×")
	run := s[i:j]
	n := utf8.RuneCountInString(run)
	if scan.IsASCIILetter(prev) || scan.IsASCIILetter(next) {
		return blank{}, false
	}
	// 20XX年: digits before X are part of the blank.
	start := i
	if scan.IsASCIIDigit(prev) {
		if !strings.HasPrefix(s[j:], "年") {
			return blank{}, false // 3×4, 5x, 4x100
		}
		for start > 0 && scan.IsASCIIDigit(rune(s[start-1])) {
			start--
		}
	}
	if scan.IsASCIIDigit(next) || next == '.' {
		return blank{}, false // ×2, x1.5
	}
	if strings.ContainsRune(run, '×') && strings.ContainsAny(run, "Xx") {
		return blank{}, false
	}
	if n == 1 {
		// A lone X needs a CJK neighbour on at least one side to be a blank.
		if !scan.IsHan(next) && !scan.IsHan(prev) {
			return blank{}, false
		}
		if run == "×" && !scan.IsHan(next) {
			return blank{}, false
		}
	}
	return blank{start, j, "x"}, true
}

var cnNumeralRunes = "一二三四五六七八九十零〇百千万亿两"

// circleBlank recognises ○○ and 〇〇 used as blanks, but not 〇 inside a
// Chinese numeral (二〇二二年).
func circleBlank(s string, i int) (blank, bool) {
	j, prev, next := runOf(s, i, "○〇")
	if strings.ContainsRune(cnNumeralRunes, prev) || strings.ContainsRune(cnNumeralRunes, next) {
		return blank{}, false
	}
	n := utf8.RuneCountInString(s[i:j])
	if n == 1 && !strings.ContainsRune("年月日号", next) {
		return blank{}, false // a lone ○ is a bullet or a symbol
	}
	return blank{i, j, "circle"}, true
}

// fillWords open a bracket that asks for content.
var fillWords = []string{"待", "填写", "请填写", "请输入", "此处填写", "补充", "具体"}

var closer = map[rune]rune{'【': '】', '〖': '〗', '（': '）', '(': ')', '[': ']', '〔': '〕', '{': '}', '［': '］'}

// maxBracketRunes is the longest bracket content that can ask for a fill.
const maxBracketRunes = 20

// bracketBlank recognises empty brackets and brackets asking for content.
// It looks for the closing bracket only as far as a blank can reach: past
// maxBracketRunes runes of content that is not all space it gives up.
func bracketBlank(s string, i int) (blank, bool) {
	open, w := utf8.DecodeRuneInString(s[i:])
	cl := closer[open]
	end, n, spaceOnly := -1, 0, true
	defer func() { work(n + 1) }()
	for k := i + w; k < len(s); n++ {
		r, rw := utf8.DecodeRuneInString(s[k:])
		if r == cl {
			end = k - (i + w)
			break
		}
		if !isBlankSpace(r) {
			spaceOnly = false
		}
		if n >= maxBracketRunes && !spaceOnly {
			return blank{}, false
		}
		k += rw
	}
	if end < 0 {
		return blank{}, false
	}
	inner := s[i+w : i+w+end]
	j := i + w + end + utf8.RuneLen(cl)
	if spaceOnly {
		if open == '(' || open == '（' || open == '[' || open == '{' || open == '［' {
			// () after a name in code, [] in a link: only when spaced or at a CJK boundary.
			if inner == "" && (open == '(' || open == '[' || open == '{') {
				var prev rune
				if i > 0 {
					prev, _ = utf8.DecodeLastRuneInString(s[:i])
				}
				if scan.IsASCIILetter(prev) || scan.IsASCIIDigit(prev) {
					return blank{}, false
				}
			}
		}
		return blank{i, j, "bracket"}, true
	}
	for _, fw := range fillWords {
		if strings.HasPrefix(inner, fw) {
			if fw == "具体" && open != '【' && open != '〖' {
				continue
			}
			return blank{i, j, "bracket"}, true
		}
	}
	if (open == '{' || open == '［' || open == '[') && strings.HasPrefix(inner, "请") {
		return blank{i, j, "bracket"}, true
	}
	return blank{}, false
}

func isBlankSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' }

// maxEmphasisRunes is the longest text read as emphasis; maxEmphasisBytes
// bounds the search for the closing marker accordingly.
const (
	maxEmphasisRunes = 80
	maxEmphasisBytes = maxEmphasisRunes * utf8.UTFMax
)

// markdownEmphasis returns the marker spans of **bold**, __bold__ and
// *italic* pairs in a Markdown paragraph: they are formatting, not blanks.
// The spans are sorted and disjoint. Each marker costs O(log n): the
// closing marker is looked for within maxEmphasisBytes only.
func (ms *measures) markdownEmphasis(s string) []segment.Span {
	var out, pass []segment.Span // earlier passes (sorted), this pass (increasing)
	for _, mk := range []string{"**", "__", "*"} {
		pass = pass[:0]
		for off := 0; off < len(s); {
			i := strings.Index(s[off:], mk)
			if i < 0 {
				work(len(s) - off)
				break
			}
			work(i + len(mk) + 1) // bytes searched, one binary search
			i += off
			if scan.InSpans(out, i) || (mk == "*" && (strings.HasPrefix(s[i:], "**") || (i > 0 && s[i-1] == '*'))) {
				off = i + len(mk)
				continue
			}
			// opening marker: followed by non-space
			after := i + len(mk)
			if after >= len(s) || s[after] == ' ' || s[after] == '*' || s[after] == '_' {
				off = after
				continue
			}
			window := s[after:min(len(s), after+maxEmphasisBytes+len(mk))]
			k := strings.Index(window, mk)
			work(len(window))
			if k <= 0 {
				off = after // no closing marker, or one too far away to be emphasis
				continue
			}
			k += after
			inner := s[after:k]
			first, _ := utf8.DecodeRuneInString(inner)
			if unicode.IsPunct(first) || first == '％' || ms.leadingMeasure(inner) != "" {
				off = after // 增长**％，达到**亿元: two blanks, not emphasis
				continue
			}
			if strings.HasSuffix(inner, " ") || utf8.RuneCountInString(inner) > maxEmphasisRunes || (mk == "*" && k+1 < len(s) && s[k+1] == '*') {
				off = after
				continue
			}
			pass = append(pass, segment.Span{Start: i, End: after}, segment.Span{Start: k, End: k + len(mk)})
			off = k + len(mk)
		}
		out = mergeSpans(out, pass)
	}
	return out
}

// mergeSpans merges two sorted lists of spans into one sorted list,
// joining any that overlap.
func mergeSpans(a, b []segment.Span) []segment.Span {
	if len(b) == 0 {
		return a
	}
	out := make([]segment.Span, 0, len(a)+len(b))
	for len(a) > 0 || len(b) > 0 {
		var sp segment.Span
		if len(b) == 0 || len(a) > 0 && a[0].Start <= b[0].Start {
			sp, a = a[0], a[1:]
		} else {
			sp, b = b[0], b[1:]
		}
		if n := len(out); n > 0 && sp.Start < out[n-1].End {
			out[n-1].End = max(out[n-1].End, sp.End)
			continue
		}
		out = append(out, sp)
	}
	return out
}

// markedExcerpt returns up to n runes either side of sp with the blank
// marked 【…】, or ▸…◂ when the blank is itself a bracket.
func markedExcerpt(text string, sp segment.Span, n int, bracket bool) string {
	start := sp.Start
	for k := 0; k < n && start > 0; k++ {
		r, w := utf8.DecodeLastRuneInString(text[:start])
		if r == '\n' {
			break
		}
		start -= w
	}
	end := sp.End
	for k := 0; k < n && end < len(text); k++ {
		r, w := utf8.DecodeRuneInString(text[end:])
		if r == '\n' {
			break
		}
		end += w
	}
	open, cl := "【", "】"
	if bracket {
		open, cl = "▸", "◂"
	}
	return text[start:sp.Start] + open + text[sp.Start:sp.End] + cl + text[sp.End:end]
}

// runOf returns the end of the run of runes from set starting at i, and the
// runes just before and after the run (0 at the paragraph's edges).
func runOf(s string, i int, set string) (end int, prev, next rune) {
	end = i
	for end < len(s) {
		r, w := utf8.DecodeRuneInString(s[end:])
		if !strings.ContainsRune(set, r) {
			break
		}
		end += w
	}
	if i > 0 {
		prev, _ = utf8.DecodeLastRuneInString(s[:i])
	}
	if end < len(s) {
		next, _ = utf8.DecodeRuneInString(s[end:])
	}
	return end, prev, next
}
