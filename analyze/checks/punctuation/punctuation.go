package punctuation

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/internal/scan"

	"github.com/reportlint/reportlint/internal/textrun"
	"github.com/reportlint/reportlint/internal/utf8x"
	"github.com/reportlint/reportlint/segment"
)

// Check checks the GB/T 15834-2011 rules a machine can check safely.
var Check = &analyze.Check{
	Name: "punctuation",
	Doc: "标点符号用法（GB/T 15834—2011、GB/T 15835—2011）：“、等”及并列引号、书名号之间和连词前的顿号，" +
		"引号、括号、书名号不成对或嵌套错误，中文中的半角标点，省略号写法，标点重复，数值范围的连接号，序次语后的标点。",
	Severity:    analyze.Warning,
	NeedsTokens: true,
	NeedsRunes:  true,
	Rules: []*analyze.Rule{
		{ID: "punctuation.dunhao-deng", Title: "“等”前用了顿号", Doc: "“等”“等等”前不用顿号（甲、乙等）",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourcePractice, Fixable: true,
			Good: "教育、卫生等领域", Bad: "教育、卫生、等领域"},
		{ID: "punctuation.dunhao-quoted", Title: "引号、书名号之间用了顿号", Doc: "并列的引号或书名号之间通常不用顿号（《A》《B》），其间有括注时除外；这是用法提示，全文只报一次并列出每一处",
			Severity: analyze.Info, Group: analyze.GroupUsage, Source: analyze.SourceStandard, Standard: "GB/T 15834—2011 4.5.3.5",
			Good: "学习《党章》《准则》", Bad: "学习《党章》、《准则》"},
		{ID: "punctuation.dunhao-conj", Title: "疑似连词前用了顿号", Doc: "连词“和”“与”“及”“或”“以及”等前不用顿号；“和”等也可能是词的一部分（和平路），请核实",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourcePractice, Heuristic: true,
			Good: "文化、教育和卫生", Bad: "文化、教育、和卫生"},
		{ID: "punctuation.unpaired", Title: "疑似标点不成对", Doc: "引号、书名号、括号、方头括号在段内及其后几行内不成对，或引号方向错误；跨行排版可能造成误报，请核实",
			Severity: analyze.Warning, Heuristic: true, Group: analyze.GroupUsage, Source: analyze.SourceStandard, Standard: "GB/T 15834—2011",
			Good: "学习《党章》。", Bad: "学习《党章。"},
		{ID: "punctuation.nesting", Title: "引号、书名号嵌套错误", Doc: "引号、书名号嵌套错误：双引号内用单引号，书名号内用单书名号〈〉",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourceStandard, Standard: "GB/T 15834—2011",
			Good: "《关于印发〈实施办法〉的通知》", Bad: "《关于印发《实施办法》的通知》"},
		{ID: "punctuation.halfwidth", Title: "中文中用了半角标点", Doc: "中文中使用了半角标点（, . ; : ? ! ( ) \"），应使用全角标点",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourceStandard, Standard: "GB/T 15834—2011", Fixable: true,
			Good: "全年完成投资，超额完成任务。", Bad: "全年完成投资,超额完成任务。"},
		{ID: "punctuation.ellipsis", Title: "省略号写法不规范", Doc: "省略号应为“……”（不写“。。。”“...”），且不与“等”“等等”连用",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourceStandard, Standard: "GB/T 15834—2011",
			Good: "教育、卫生、文化……", Bad: "教育、卫生、文化……等"},
		{ID: "punctuation.repeated", Title: "点号重复或连用", Doc: "同一位置重复或连用点号（，，、。。、，。）",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourcePractice,
			Good: "全年完成投资，超额完成任务。", Bad: "全年完成投资，，超额完成任务。"},
		{ID: "punctuation.range", Title: "范围号不规范", Doc: "数值或时间范围用一字线“—”或浪纹线“～”，不用连字符“-”、半角“~”或破折号“——”",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourceStandard, Standard: "GB/T 15834—2011 4.13.3.2", Fixable: true,
			Good: "2021—2023年", Bad: "2021-2023年"},
		{ID: "punctuation.ordinal", Title: "序次语后标点不当", Doc: "“第一”“首先”后用逗号，“一是”后用逗号或不用标点，括号序次语后不加标点",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourcePractice,
			Good: "第一，加强学习。", Bad: "第一、加强学习。"},
	},
	Run: runPunctuation,
}

func puDigit(r rune) bool { return r >= '0' && r <= '9' }

func puLetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

func puAlnum(r rune) bool { return puDigit(r) || puLetter(r) }

func puCloser(r rune) bool {
	switch r {
	case '”', '’', '）', '》', '〉', '】', '〕', '」', '』', '〗':
		return true
	}
	return false
}

// puStopMark reports the 点号 that may not stand next to each other (，。 、；).
func puStopMark(r rune) bool {
	switch r {
	case '，', '、', '；', '：', '。':
		return true
	}
	return false
}

// puNumeral reports a Chinese numeral used in ordinals.
func puNumeral(r rune) bool {
	switch r {
	case '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '零', '〇', '两':
		return true
	}
	return false
}

// punctPara is one paragraph decoded into runes for the punctuation scans.
// r and off are read-only: views into the document's shared rune view, or
// into own (reused) buffers.
type punctPara struct {
	r    []rune
	off  []int32 // absolute byte offset of r[i]; off[len(r)] is the end (texts are far below 2 GB: --max-size)
	skip []bool  // code, URL, e-mail, file name, markup or heading marker

	ownR   []rune
	ownOff []int32
}

// loadFrom points the paragraph at its part of the shared rune view rt
// when the span's ends are rune boundaries there (then decoding the span
// alone gives the same runes), else decodes it.
func (pp *punctPara) loadFrom(rt *textrun.Text, text string, sp segment.Span) {
	if rt != nil {
		i, ok1 := rt.Index(sp.Start)
		j, ok2 := rt.Index(sp.End)
		if ok1 && ok2 && i <= j {
			pp.r, pp.off = rt.R[i:j], rt.Offsets(i, j)
			if cap(pp.skip) < j-i {
				pp.skip = make([]bool, j-i)
			} else {
				pp.skip = pp.skip[:j-i]
				clear(pp.skip)
			}
			return
		}
	}
	pp.load(text, sp)
}

func (pp *punctPara) load(text string, sp segment.Span) {
	pp.r, pp.off = pp.ownR, pp.ownOff
	defer func() { pp.ownR, pp.ownOff = pp.r, pp.off }()
	// Sized to the paragraph (reused across paragraphs): appends that
	// doubled the slices held twice the need on a one-line huge file.
	n := utf8.RuneCountInString(text[sp.Start:sp.End])
	if cap(pp.r) < n {
		pp.r, pp.off, pp.skip = make([]rune, 0, n), make([]int32, 0, n+1), make([]bool, 0, n)
	}
	pp.r, pp.off, pp.skip = pp.r[:0], pp.off[:0], pp.skip[:0]
	for i := sp.Start; i < sp.End; {
		r, w := utf8x.DecodeRune(text[:sp.End], i)
		pp.r = append(pp.r, r)
		pp.off = append(pp.off, int32(i))
		pp.skip = append(pp.skip, false)
		i += w
	}
	pp.off = append(pp.off, int32(sp.End))
}

// at returns r[i], or 0 outside the paragraph.
func (pp *punctPara) at(i int) rune {
	if i < 0 || i >= len(pp.r) {
		return 0
	}
	return pp.r[i]
}

func (pp *punctPara) span(i, j int) segment.Span {
	return segment.Span{Start: int(pp.off[i]), End: int(pp.off[j])}
}

func (pp *punctPara) str(i, j int) string {
	if i < 0 {
		i = 0
	}
	if j > len(pp.r) {
		j = len(pp.r)
	}
	if i >= j {
		return ""
	}
	return string(pp.r[i:j])
}

func (pp *punctPara) mask(i, j int) {
	for k := max(i, 0); k < j && k < len(pp.skip); k++ {
		pp.skip[k] = true
	}
}

// index returns the rune index of byte offset off (the first rune at or after it).
func (pp *punctPara) index(off int) int {
	o := pp.off[:len(pp.r)]
	return sort.Search(len(o), func(k int) bool { return int(o[k]) >= off })
}

func (pp *punctPara) hasPrefix(i int, s string) bool {
	for _, r := range s {
		if i >= len(pp.r) || pp.r[i] != r {
			return false
		}
		i++
	}
	return true
}

// chineseAt reports whether r[i] is a Han character or full-width mark.
func (pp *punctPara) chineseAt(i int) bool {
	r := pp.at(i)
	return scan.HanChar(r) || scan.Opener(r) || puCloser(r) || scan.PointMark(r) || r == '…' || r == '—'
}

// hasHan reports whether r[i:j] holds a Han character.
func (pp *punctPara) hasHan(i, j int) bool {
	for k := max(i, 0); k < j && k < len(pp.r); k++ {
		if scan.HanChar(pp.r[k]) {
			return true
		}
	}
	return false
}

// itemBefore returns up to n runes before i, stopping at a mark that
// separates items, for quoting context in messages.
func (pp *punctPara) itemBefore(i, n int) string {
	k := i
	for k > 0 && i-k < n {
		r := pp.r[k-1]
		if scan.PointMark(r) || r == '“' || r == '（' || r == '(' || r == ' ' || r == '　' {
			break
		}
		k--
	}
	return pp.str(k, i)
}

// indexFrom returns the index of the first c at or after i, or -1 when stop
// (or the paragraph end) comes first.
func (pp *punctPara) indexFrom(i int, c, stop rune) int {
	for k := i; k < len(pp.r); k++ {
		switch pp.r[k] {
		case c:
			return k
		case stop:
			return -1
		}
	}
	return -1
}

// numeralRun returns the start of the run of up to three Chinese numerals ending at i.
func (pp *punctPara) numeralRun(i int) int {
	k := i
	for k > 0 && i-k < 3 && puNumeral(pp.r[k-1]) {
		k--
	}
	return k
}

// until returns the runes from i up to the next c (at most n of them).
func (pp *punctPara) until(i int, c rune, n int) string {
	k := i
	for k < len(pp.r) && k-i < n && pp.r[k] != c {
		k++
	}
	return pp.str(i, k)
}

// itemAfter returns up to n runes from i, stopping at a separating mark.
func (pp *punctPara) itemAfter(i, n int) string {
	k := i
	for k < len(pp.r) && k-i < n {
		r := pp.r[k]
		if scan.PointMark(r) || r == '”' || r == '）' || r == ')' || r == ' ' {
			break
		}
		k++
	}
	return pp.str(i, k)
}

// puFileExts are extensions that mark a file name (its dots and brackets are not punctuation).
var puFileExts = []string{"docx", "doc", "wps", "pdf", "ofd", "xlsx", "xls", "et", "pptx", "ppt", "txt", "md", "csv",
	"jpg", "jpeg", "png", "gif", "zip", "rar", "7z", "json", "yaml", "yml", "xml", "html", "htm", "mp4", "mp3"}

// maskSyntax marks what is not prose: HTML comments and tags, inline code,
// URLs, e-mail addresses, file names, Markdown syntax and the heading marker.
func (pp *punctPara) maskSyntax(md bool, marker segment.Span) {
	n := len(pp.r)
	if marker.Len() > 0 {
		pp.mask(pp.index(marker.Start), pp.index(marker.End))
	}
	if md {
		pp.maskMarkdownLead()
	}
	for i := 0; i < n; i++ {
		r := pp.r[i]
		switch {
		case r == '<' && pp.hasPrefix(i, "<!--"):
			j := i + 4
			for j < n && !pp.hasPrefix(j, "-->") {
				j++
			}
			pp.mask(i, min(j+3, n))
			i = min(j+3, n) - 1
		case r == '<' && md && i+1 < n && (puLetter(pp.r[i+1]) || pp.r[i+1] == '/'):
			j := i + 1
			for j < n && pp.r[j] < utf8.RuneSelf && pp.r[j] != '>' {
				j++
			}
			if j < n && pp.r[j] == '>' {
				pp.mask(i, j+1)
				i = j
			}
		case r == '`':
			j := i + 1
			for j < n && pp.r[j] != '`' {
				j++
			}
			if j < n {
				pp.mask(i, j+1)
				i = j
			}
		case r == ']' && md && pp.at(i+1) == '(':
			// [text](target): the target and its brackets are syntax.
			j, depth := i+2, 0
			for ; j < n; j++ {
				if pp.r[j] == '(' {
					depth++
				} else if pp.r[j] == ')' {
					if depth == 0 {
						break
					}
					depth--
				}
			}
			if j < n {
				pp.mask(i, j+1)
				if k := pp.linkOpen(i); k >= 0 {
					pp.mask(k, k+1)
				}
				i = j
			}
		case (r == 'h' || r == 'H') && (pp.hasPrefix(i, "http://") || pp.hasPrefix(i, "https://")),
			(r == 'f') && pp.hasPrefix(i, "ftp://"),
			(r == 'w') && pp.hasPrefix(i, "www.") && !puAlnum(pp.at(i-1)):
			j := i
			for j < n && pp.r[j] > ' ' && pp.r[j] < utf8.RuneSelf && pp.r[j] != '"' && pp.r[j] != '<' {
				j++
			}
			pp.mask(i, j)
			i = j - 1
		case r == '@' && puAlnum(pp.at(i-1)) && puAlnum(pp.at(i+1)):
			a := i
			for a > 0 && (puAlnum(pp.r[a-1]) || strings.ContainsRune("._%+-", pp.r[a-1])) {
				a--
			}
			b := i + 1
			for b < n && (puAlnum(pp.r[b]) || pp.r[b] == '.' || pp.r[b] == '-') {
				b++
			}
			pp.mask(a, b)
			i = b - 1
		case r == '.' && puLetter(pp.at(i+1)) && !pp.skip[i]:
			if j, ok := pp.fileExt(i + 1); ok {
				pp.mask(pp.fileStart(i), j)
				i = j - 1
			}
		}
	}
}

// linkOpen finds the '[' (and a preceding '!') of the link whose ']' is at i.
func (pp *punctPara) linkOpen(i int) int {
	depth := 0
	for k := i - 1; k >= 0; k-- {
		switch pp.r[k] {
		case ']':
			depth++
		case '[':
			if depth == 0 {
				if k > 0 && pp.r[k-1] == '!' {
					pp.mask(k-1, k)
				}
				return k
			}
			depth--
		}
	}
	return -1
}

// fileExt reports whether a known extension starts at i and ends at a word boundary.
func (pp *punctPara) fileExt(i int) (int, bool) {
	for _, ext := range puFileExts {
		if !pp.hasPrefixFold(i, ext) {
			continue
		}
		j := i + len(ext)
		if !puAlnum(pp.at(j)) {
			return j, true
		}
	}
	return 0, false
}

func (pp *punctPara) hasPrefixFold(i int, s string) bool {
	for k := 0; k < len(s); k++ {
		r := pp.at(i + k)
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		if r != rune(s[k]) {
			return false
		}
	}
	return true
}

// fileStart walks back from the dot of a file name to its first character.
func (pp *punctPara) fileStart(dot int) int {
	k := dot
	for k > 0 {
		r := pp.r[k-1]
		if r == ' ' || r == '　' || r == '\t' || scan.PointMark(r) || r == '“' || r == '”' || r == '《' || r == '》' || r == '"' || r == '：' {
			break
		}
		k--
	}
	return k
}

// maskMarkdownLead marks list, quote and heading markers at the start of a Markdown line.
func (pp *punctPara) maskMarkdownLead() {
	i := 0
	for {
		start := i
		switch r := pp.at(i); {
		case r == '#':
			for pp.at(i) == '#' {
				i++
			}
		case r == '>':
			i++
		case r == '[' && i == 0:
			// [id]: target and [^note]: definitions.
			if j := pp.indexFrom(1, ']', '\n'); j > 0 && pp.at(j+1) == ':' {
				i = j + 2
			}
		case (r == '-' || r == '*' || r == '+') && pp.at(i+1) == ' ':
			i++
		case puDigit(r):
			j := i
			for puDigit(pp.at(j)) {
				j++
			}
			if (pp.at(j) == '.' || pp.at(j) == ')') && pp.at(j+1) == ' ' {
				i = j + 1
			}
		}
		for pp.at(i) == ' ' {
			i++
		}
		if i == start {
			break
		}
		pp.mask(start, i)
	}
}

// puncRun carries per-paragraph state shared by the rules.
type puncRun struct {
	p     *analyze.Pass
	pp    punctPara
	toks  []segment.Token
	carry [8]int // marks left open by a hard-wrapped earlier line, per kind
	age   int    // paragraphs since carry was set
	fence bool   // inside a Markdown fenced code block

	quoted []analyze.Finding // 顿号 between quotes, reported once at the end
}

func runPunctuation(p *analyze.Pass) error {
	doc := p.Doc
	md := doc.Format == segment.FormatMarkdown
	pr := &puncRun{p: p, toks: p.Tokens()}
	rt := p.Runes()
	for pi := range doc.Paragraphs {
		para := &doc.Paragraphs[pi]
		s := doc.Text[para.Span.Start:para.Span.End]
		if md && (strings.HasPrefix(s, "```") || strings.HasPrefix(s, "~~~")) {
			pr.fence = !pr.fence
			continue
		}
		if pr.fence || (md && puIndentedCode(doc.Text, para.Span.Start)) {
			continue
		}
		var marker segment.Span
		if para.Heading != nil {
			marker = para.Heading.Marker
		}
		pr.pp.loadFrom(rt, doc.Text, para.Span)
		pr.pp.maskSyntax(md, marker)
		pr.paragraph(func() string { return lookahead(doc, pi) })
	}
	pr.reportQuoted()
	return nil
}

// Bounds of the look past a paragraph for the mark that closes it.
const (
	aheadParas = 8
	aheadBytes = 6000 // about 2,000 Chinese characters
)

// lookahead returns the following paragraphs (at most aheadParas, about
// aheadBytes), each ending with a newline.
func lookahead(doc *segment.Document, pi int) string {
	var b strings.Builder
	for k := pi + 1; k < len(doc.Paragraphs) && k <= pi+aheadParas && b.Len() < aheadBytes; k++ {
		s := doc.Slice(doc.Paragraphs[k].Span)
		if b.Len()+len(s) > aheadBytes {
			break
		}
		b.WriteString(s)
		b.WriteByte('\n')
	}
	return b.String()
}

// puIndentedCode reports a Markdown line indented by four ASCII spaces or a tab.
func puIndentedCode(text string, start int) bool {
	ls := strings.LastIndexByte(text[:start], '\n') + 1
	lead := text[ls:start]
	return strings.HasPrefix(lead, "    ") || strings.HasPrefix(lead, "\t")
}

func (pr *puncRun) report(rule string, i, j int, msg, sugg string) {
	pr.p.Report(analyze.Finding{Rule: rule, Span: pr.pp.span(i, j), Message: msg, Suggestion: sugg})
}

// paragraph runs every rule over the loaded paragraph.
func (pr *puncRun) paragraph(ahead func() string) {
	pairs := pr.brackets(ahead)
	pr.halfwidth(pairs)
	pr.marks()
	pr.ranges()
}
