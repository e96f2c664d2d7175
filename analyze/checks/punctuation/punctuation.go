package punctuation

import (
	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/internal/scan"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/segment"
)

// Check checks the GB/T 15834-2011 rules a machine can check safely.
var Check = &analyze.Check{
	Name: "punctuation",
	Doc: "标点符号用法（GB/T 15834—2011、GB/T 15835—2011）：“、等”及并列引号、书名号之间和连词前的顿号，" +
		"引号、括号、书名号不成对或嵌套错误，中文中的半角标点，省略号写法，标点重复，数值范围的连接号，序次语后的标点。",
	Severity:    analyze.Warning,
	NeedsTokens: true,
	Rules: []*analyze.Rule{
		{ID: "punctuation.dunhao-deng", Title: "“等”前用了顿号", Doc: "“等”“等等”前不用顿号（甲、乙等）",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourcePractice, Fixable: true,
			Good: "教育、卫生等领域", Bad: "教育、卫生、等领域"},
		{ID: "punctuation.dunhao-quoted", Title: "引号、书名号之间用了顿号", Doc: "并列的引号或书名号之间一般不用顿号（《A》《B》），其间有括注时除外",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourceStandard, Standard: "GB/T 15834—2011 4.5.3.5",
			Good: "学习《党章》《准则》", Bad: "学习《党章》、《准则》"},
		{ID: "punctuation.dunhao-conj", Title: "疑似连词前用了顿号", Doc: "连词“和”“与”“及”“或”“以及”等前不用顿号；“和”等也可能是词的一部分（和平路），请核实",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourcePractice, Heuristic: true,
			Good: "文化、教育和卫生", Bad: "文化、教育、和卫生"},
		{ID: "punctuation.unpaired", Title: "标点不成对", Doc: "引号、书名号、括号、方头括号在段内不成对，或引号方向错误",
			Severity: analyze.Warning, Group: analyze.GroupUsage, Source: analyze.SourceStandard, Standard: "GB/T 15834—2011",
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
type punctPara struct {
	r    []rune
	off  []int  // absolute byte offset of r[i]; off[len(r)] is the end
	skip []bool // code, URL, e-mail, file name, markup or heading marker
}

func (pp *punctPara) load(text string, sp segment.Span) {
	pp.r, pp.off, pp.skip = pp.r[:0], pp.off[:0], pp.skip[:0]
	for i := sp.Start; i < sp.End; {
		r, w := scan.DecodeRune(text[:sp.End], i)
		pp.r = append(pp.r, r)
		pp.off = append(pp.off, i)
		pp.skip = append(pp.skip, false)
		i += w
	}
	pp.off = append(pp.off, sp.End)
}

// at returns r[i], or 0 outside the paragraph.
func (pp *punctPara) at(i int) rune {
	if i < 0 || i >= len(pp.r) {
		return 0
	}
	return pp.r[i]
}

func (pp *punctPara) span(i, j int) segment.Span {
	return segment.Span{Start: pp.off[i], End: pp.off[j]}
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
	return sort.SearchInts(pp.off[:len(pp.r)], off)
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
	carry [8]int // quotes left open by a hard-wrapped previous line, per kind
	fence bool   // inside a Markdown fenced code block
}

func runPunctuation(p *analyze.Pass) error {
	doc := p.Doc
	md := doc.Format == segment.FormatMarkdown
	pr := &puncRun{p: p, toks: p.Tokens()}
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
		pr.pp.load(doc.Text, para.Span)
		pr.pp.maskSyntax(md, marker)
		next := ""
		if pi+1 < len(doc.Paragraphs) {
			next = doc.Slice(doc.Paragraphs[pi+1].Span)
		}
		pr.paragraph(next)
	}
	return nil
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
func (pr *puncRun) paragraph(next string) {
	pairs := pr.brackets(next)
	pr.halfwidth(pairs)
	pr.marks()
	pr.ranges()
}

// bkKind is a kind of paired mark.
type bkKind uint8

const (
	bkDQuote bkKind = iota + 1
	bkSQuote
	bkBook
	bkABook
	bkParen
	bkSquare
	bkCount
)

var (
	bkName  = [bkCount]string{"", "引号", "单引号", "书名号", "单书名号", "括号", "方头括号"}
	bkOpen  = [bkCount]string{"", "“", "‘", "《", "〈", "（", "【"}
	bkClose = [bkCount]string{"", "”", "’", "》", "〉", "）", "】"}
)

func puBracketKind(r rune) (bkKind, bool) {
	switch r {
	case '“':
		return bkDQuote, true
	case '”':
		return bkDQuote, false
	case '‘':
		return bkSQuote, true
	case '’':
		return bkSQuote, false
	case '《':
		return bkBook, true
	case '》':
		return bkBook, false
	case '〈':
		return bkABook, true
	case '〉':
		return bkABook, false
	case '（', '(':
		return bkParen, true
	case '）', ')':
		return bkParen, false
	case '【':
		return bkSquare, true
	case '】':
		return bkSquare, false
	}
	return 0, false
}

type bkEntry struct {
	k bkKind
	i int
}

// contentAt reports whether r[i] can start quoted content.
func (pp *punctPara) contentAt(i int) bool {
	r := pp.at(i)
	return scan.HanChar(r) || puAlnum(r) || scan.Opener(r) || r == '*' || r == '＊' || r == '×' || (r >= '０' && r <= '９')
}

// boundaryBefore reports whether the rune before i ends an item (or i starts the paragraph).
func (pp *punctPara) boundaryBefore(i int) bool {
	r := pp.at(i - 1)
	return i == 0 || scan.PointMark(r) || scan.Opener(r) || r == ' ' || r == '　' || r == '—' || r == '…'
}

// enumerator reports a list number closed by a bracket only, as in “1）”.
func (pp *punctPara) enumerator(close int) bool {
	k := close
	for k > 0 && close-k < 3 && (puDigit(pp.r[k-1]) || puNumeral(pp.r[k-1]) || (close-k == 0 && puLetter(pp.r[k-1]))) {
		k--
	}
	return k < close && pp.boundaryBefore(k)
}

// brackets checks pairing and nesting; it returns the matched pairs.
func (pr *puncRun) brackets(next string) [][2]int {
	pp := &pr.pp
	carry := pr.carry
	pr.carry = [8]int{}
	var stack []bkEntry
	var pairs [][2]int
	top := func() bkKind {
		if len(stack) == 0 {
			return 0
		}
		return stack[len(stack)-1].k
	}
	for i := 0; i < len(pp.r); i++ {
		r := pp.r[i]
		if pp.skip[i] {
			continue
		}
		if r == '<' && top() == bkBook {
			// 《关于印发<办法>的通知》: angle brackets for 〈〉.
			if j := pp.indexFrom(i+1, '>', '》'); j > i+1 {
				inner := pp.str(i+1, j)
				pr.report("nesting", i, j+1, "书名号内的书名应使用单书名号：“<"+inner+">”应为“〈"+inner+"〉”", "〈"+inner+"〉")
				i = j
				continue
			}
		}
		k, open := puBracketKind(r)
		if k == 0 {
			continue
		}
		if (k == bkSQuote) && puLetter(pp.at(i-1)) && puLetter(pp.at(i+1)) {
			continue // an apostrophe in English
		}
		if open {
			switch {
			case (k == bkDQuote || k == bkSQuote) && top() == k && !pp.contentAt(i+1):
				// “两个确立“、…: a closing quote typed the wrong way round.
				pr.report("unpaired", i, i+1,
					"引号方向错误：“"+pp.itemBefore(i, 10)+"”之后应为后"+bkName[k]+bkClose[k]+"，误作前"+bkName[k]+string(r), bkClose[k])
				pairs = append(pairs, [2]int{stack[len(stack)-1].i, i})
				stack = stack[:len(stack)-1]
				continue
			case (k == bkDQuote || k == bkSQuote || k == bkBook) && top() == k && pp.closersAfter(i, k) < 2:
				// Too few closers for a nested pair: the outer one was never closed.
				pr.unclosed(stack[len(stack)-1])
				stack = stack[:len(stack)-1]
			case k == bkDQuote && top() == bkDQuote:
				pr.report("nesting", i, i+1,
					"引号嵌套错误：双引号内再用引号时应使用单引号，“"+pp.until(i+1, '”', 12)+"”应写作‘"+pp.until(i+1, '”', 12)+"’", "‘")
			case k == bkSQuote && top() == bkSQuote:
				pr.report("nesting", i, i+1, "引号嵌套错误：单引号内再用引号时应使用双引号“”", "“")
			case k == bkBook && top() == bkBook:
				pr.report("nesting", i, i+1,
					"书名号嵌套错误：书名号内的书名应使用单书名号，《"+pp.until(i+1, '》', 16)+"》应写作〈"+pp.until(i+1, '》', 16)+"〉", "〈")
			}
			stack = append(stack, bkEntry{k, i})
			continue
		}
		d := -1
		for e := len(stack) - 1; e >= 0; e-- {
			if stack[e].k == k {
				d = e
				break
			}
		}
		if d < 0 {
			switch {
			case carry[k] > 0:
				carry[k]--
			case k == bkParen && pp.enumerator(i):
			case (k == bkDQuote || k == bkSQuote) && pp.contentAt(i+1) && (pp.boundaryBefore(i) || pp.nextIsCloser(i, k)):
				pr.report("unpaired", i, i+1,
					"引号方向错误：“"+pp.itemAfter(i+1, 10)+"”之前应为前"+bkName[k]+bkOpen[k]+"，误作后"+bkName[k]+string(r), bkOpen[k])
				stack = append(stack, bkEntry{k, i})
			default:
				pr.report("unpaired", i, i+1,
					bkName[k]+"不成对：…"+pp.itemBefore(i, 10)+string(r)+"之前没有配对的前"+bkName[k],
					"补上配对的前"+bkName[k]+"“"+bkOpen[k]+"”，或删去多余的“"+string(r)+"”")
			}
			continue
		}
		for e := len(stack) - 1; e > d; e-- {
			pr.unclosed(stack[e])
		}
		pairs = append(pairs, [2]int{stack[d].i, i})
		stack = stack[:d]
	}
	ends := len(pp.r) > 0 && strings.ContainsRune("。！？；…", pp.r[len(pp.r)-1])
	for _, e := range stack {
		switch {
		case (e.k == bkDQuote || e.k == bkSQuote) && strings.HasPrefix(next, bkOpen[e.k]):
			// A quotation over several paragraphs: each opens, only the last closes.
		case !ends && puClosesFirst(next, e.k):
			pr.carry[e.k]++ // a hard-wrapped line
		default:
			pr.unclosed(e)
		}
	}
	return pairs
}

// nextIsCloser reports whether the next mark of kind k after i closes.
func (pp *punctPara) nextIsCloser(i int, k bkKind) bool {
	for j := i + 1; j < len(pp.r); j++ {
		if rk, open := puBracketKind(pp.r[j]); rk == k && !pp.skip[j] {
			return !open
		}
	}
	return false
}

// closersAfter counts the closing marks of kind k after i.
func (pp *punctPara) closersAfter(i int, k bkKind) int {
	n := 0
	for j := i + 1; j < len(pp.r); j++ {
		if rk, open := puBracketKind(pp.r[j]); rk == k && !open && !pp.skip[j] {
			n++
		}
	}
	return n
}

// puClosesFirst reports whether s closes kind k before opening it again.
func puClosesFirst(s string, k bkKind) bool {
	for _, r := range s {
		if rk, open := puBracketKind(r); rk == k {
			return !open
		}
	}
	return false
}

func (pr *puncRun) unclosed(e bkEntry) {
	pp := &pr.pp
	open := string(pp.r[e.i])
	pr.report("unpaired", e.i, e.i+1,
		bkName[e.k]+"不成对："+open+pp.itemAfter(e.i+1, 10)+"…之后缺少配对的后"+bkName[e.k],
		"补上配对的后"+bkName[e.k]+"“"+bkClose[e.k]+"”，或删去多余的“"+open+"”")
}

// puFullWidth maps half-width marks to the full-width marks used in Chinese text.
func puFullWidth(r rune) rune {
	switch r {
	case ',':
		return '，'
	case '.':
		return '。'
	case ';':
		return '；'
	case ':':
		return '：'
	case '?':
		return '？'
	case '!':
		return '！'
	case '(':
		return '（'
	case ')':
		return '）'
	}
	return r
}

// cnBefore reports Chinese text right before i: a Han character or a full-width closing mark.
func (pp *punctPara) cnBefore(i int) bool {
	r := pp.at(i - 1)
	return scan.HanChar(r) || puCloser(r)
}

// cnAfter reports Chinese text right after i, allowing one space.
func (pp *punctPara) cnAfter(i int) bool {
	r := pp.at(i + 1)
	if r == ' ' {
		r = pp.at(i + 2)
	}
	return scan.HanChar(r) || scan.Opener(r)
}

// halfwidth reports half-width , . ; : ? ! ( ) " in Chinese text.
func (pr *puncRun) halfwidth(pairs [][2]int) {
	pp := &pr.pp
	for _, pr2 := range pairs {
		a, b := pr2[0], pr2[1]
		ra, rb := pp.r[a], pp.r[b]
		if ra != '(' && rb != ')' {
			continue
		}
		if !pp.hasHan(a+1, b) && !pp.cnBefore(a) && !scan.HanChar(pp.at(b+1)) && !scan.Opener(pp.at(b+1)) {
			continue // English or a formula
		}
		if ra == '(' && rb == ')' {
			inner := pp.str(a+1, b)
			sugg := "将半角括号改为全角括号“（”“）”"
			if b-a <= 40 {
				sugg = "（" + inner + "）"
			}
			pr.report("halfwidth", a, b+1, "中文中应使用全角括号：“("+puShorten(inner, 20)+")”应为“（"+puShorten(inner, 20)+"）”", sugg)
			continue
		}
		i := a
		if rb == ')' {
			i = b
		}
		pr.report("halfwidth", i, i+1, "括号全角半角混用：半角“"+string(pp.r[i])+"”应为全角“"+string(puFullWidth(pp.r[i]))+"”", string(puFullWidth(pp.r[i])))
	}
	pr.straightQuotes()
	for i := 0; i < len(pp.r); i++ {
		r := pp.r[i]
		if pp.skip[i] {
			continue
		}
		flag := false
		switch r {
		case ',', ';', ':':
			if puDigit(pp.at(i-1)) && puDigit(pp.at(i+1)) {
				continue // 1,000 and 9:30
			}
			flag = pp.cnBefore(i) || pp.cnAfter(i)
		case '?', '!':
			flag = pp.cnBefore(i)
		case '.':
			if pp.at(i+1) == '.' || pp.at(i-1) == '.' {
				continue // ellipsis, handled by marks
			}
			if k := pp.numeralRun(i); k < i && pp.boundaryBefore(k) && scan.HanChar(pp.at(i+1)) {
				// 主要有：一.加强学习 — an ordinal, not a full stop.
				w := pp.str(k, i)
				pr.report("ordinal", k, i+1, "序次语“"+w+".”应为“"+w+"、”", w+"、")
				continue
			}
			flag = pp.cnBefore(i) && !puAlnum(pp.at(i+1))
		}
		if !flag {
			continue
		}
		fw := string(puFullWidth(r))
		pr.report("halfwidth", i, i+1,
			"中文中应使用全角标点：“"+pp.itemBefore(i, 6)+string(r)+"”中的半角“"+string(r)+"”应为“"+fw+"”", fw)
	}
}

// straightQuotes pairs straight double quotes; those in Chinese text become “ ”.
func (pr *puncRun) straightQuotes() {
	pp := &pr.pp
	open := -1
	for i, r := range pp.r {
		if r != '"' || pp.skip[i] {
			continue
		}
		if open < 0 {
			open = i
			continue
		}
		if pp.hasHan(open+1, i) || pp.cnBefore(open) || scan.HanChar(pp.at(i+1)) {
			inner := pp.str(open+1, i)
			sugg := "将半角引号改为全角引号“”"
			if i-open <= 40 {
				sugg = "“" + inner + "”"
			}
			pr.report("halfwidth", open, i+1,
				"中文中应使用全角引号：\""+puShorten(inner, 20)+"\"应为“"+puShorten(inner, 20)+"”", sugg)
		}
		open = -1
	}
	if open >= 0 && (pp.chineseAt(open-1) || pp.chineseAt(open+1)) {
		pr.report("unpaired", open, open+1,
			"引号不成对：半角引号“\"”没有配对的另一半，中文中应使用全角引号“”", "改为全角引号“”并补全")
	}
}

// puShorten cuts s to n runes, marking the cut with ……
func puShorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	rs := []rune(s)
	return string(rs[:n]) + "……"
}

// Words that start with 等 or a conjunction but are neither (质量、等级; 建设、和谐).
var (
	puDengWords = []string{"等级", "等待", "等同", "等于", "等候", "等到", "等价", "等量", "等额", "等次", "等值", "等效",
		"等距", "等高", "等边", "等比", "等差", "等分", "等身", "等闲", "等离子", "等位", "等速", "等温", "等压", "等腰", "等号", "等式", "等外", "等第"}
	puConjWords = []string{"以及", "或者", "或是", "及其", "并且", "和", "与", "及", "或"}
	puConjExcl  = []string{"和谐", "和平", "和睦", "和美", "和煦", "和解", "和气", "和蔼", "和衷共济", "和顺", "和善", "和弦", "和约",
		"和声", "和田", "和林", "和静", "和龙", "和县", "和政", "和硕", "和尚", "和盘托出", "和风", "和缓", "和乐", "和好", "和畅",
		"和合", "和融", "和而不同", "和为贵", "与会", "与时俱进", "与日俱增", "与人为善", "与众不同", "与世无争", "与生俱来",
		"与其", "与此同时", "及时", "及早", "及格", "及第", "或许", "或多或少", "或然"}
)

func (pp *punctPara) prefixAny(i int, words []string) string {
	for _, w := range words {
		if pp.hasPrefix(i, w) {
			return w
		}
	}
	return ""
}

// tokenAt returns the text of the token starting at byte offset off, and
// whether tokens are available at all.
func (pr *puncRun) tokenAt(off int) (string, bool) {
	if pr.toks == nil {
		return "", false
	}
	k := sort.Search(len(pr.toks), func(k int) bool { return pr.toks[k].Span.Start >= off })
	if k < len(pr.toks) && pr.toks[k].Span.Start == off {
		return pr.toks[k].Text, true
	}
	return "", true
}

// tokenBefore returns the text of the token ending at byte offset off.
func (pr *puncRun) tokenBefore(off int) (string, bool) {
	if pr.toks == nil {
		return "", false
	}
	k := sort.Search(len(pr.toks), func(k int) bool { return pr.toks[k].Span.End >= off })
	if k < len(pr.toks) && pr.toks[k].Span.End == off {
		return pr.toks[k].Text, true
	}
	return "", true
}

// dengAt reports whether the particle 等/等等 starts at rune i.
func (pr *puncRun) dengAt(i int) (string, bool) {
	pp := &pr.pp
	if pp.at(i) != '等' || pp.prefixAny(i, puDengWords) != "" {
		return "", false
	}
	if tok, ok := pr.tokenAt(pp.off[i]); ok && tok != "等" && tok != "等等" {
		return "", false
	}
	if pp.at(i+1) == '等' {
		return "等等", true
	}
	return "等", true
}

// marks checks 顿号 use, ellipses, repeated marks and ordinals.
func (pr *puncRun) marks() {
	pp := &pr.pp
	n := len(pp.r)
	for i := 0; i < n; i++ {
		r := pp.r[i]
		if pp.skip[i] {
			continue
		}
		switch r {
		case '、':
			pr.dunhao(i)
		case '…', '.', '．', '·', '。':
			if j := pr.ellipsis(i); j > i+1 {
				i = j - 1
				continue
			}
		}
		if scan.PointMark(r) && r != '。' {
			j := i + 1
			for j < n && pp.r[j] == r {
				j++
			}
			if j-i >= 2 {
				pr.report("repeated", i, j, "标点重复：“"+pp.str(i, j)+"”应只用一个“"+string(r)+"”", string(r))
				i = j - 1
				continue
			}
		}
		if puStopMark(r) && puStopMark(pp.at(i+1)) && pp.at(i+1) != r && !pp.skip[i+1] {
			pr.report("repeated", i, i+2, "点号连用：“"+pp.itemBefore(i, 6)+pp.str(i, i+2)+"”中“"+pp.str(i, i+1)+"”与“"+pp.str(i+1, i+2)+"”只能保留一个", "保留一个点号")
			i++
		}
	}
}

// dunhao checks the 顿号 at i.
func (pr *puncRun) dunhao(i int) {
	pp := &pr.pp
	item := pp.itemBefore(i, 10)
	if w, ok := pr.dengAt(i + 1); ok {
		pr.report("dunhao-deng", i, i+1+len([]rune(w)),
			"“"+w+"”前不用顿号：“"+item+"、"+w+"”应为“"+item+w+"”", w)
		return
	}
	prev, next := pp.at(i-1), pp.at(i+1)
	if (prev == '”' && next == '“') || (prev == '》' && next == '《') {
		kind := "引号"
		if prev == '》' {
			kind = "书名号"
		}
		pr.report("dunhao-quoted", i, i+1,
			"并列的"+kind+"之间一般不用顿号（GB/T 15834—2011 4.5.3.5）：“"+puShorten(item, 8)+"、"+string(next)+puShorten(pp.itemAfter(i+2, 8), 8)+"”中的顿号应删去", "删去顿号")
		return
	}
	if w := pp.prefixAny(i+1, puConjWords); w != "" && pp.prefixAny(i+1, puConjExcl) == "" {
		if tok, ok := pr.tokenAt(pp.off[i+1]); !ok || tok == w {
			after := pp.str(i+1, i+1+utf8.RuneCountInString(w)+2)
			pr.report("dunhao-conj", i, i+1,
				"连词“"+w+"”前不用顿号：“"+item+"、"+after+"”应为“"+item+after+"”", "删去顿号")
			return
		}
	}
	pr.ordinal(i)
}

// ordinal checks the mark after a run-in ordinal: 第一， 首先， 一是， （一）.
func (pr *puncRun) ordinal(i int) {
	pp := &pr.pp
	next := pp.at(i + 1)
	if puNumeral(next) || puDigit(next) || next == '第' || next == '（' || next == '(' {
		return // 第一、二季度; （1）、（2）: a list of ordinals
	}
	j := i
	for j > 0 && i-j < 3 && (puNumeral(pp.r[j-1]) || puDigit(pp.r[j-1])) {
		j--
	}
	switch {
	case j < i && pp.at(j-1) == '第' && pp.boundaryBefore(j-1), j < i && pp.at(j-1) == '其' && pp.boundaryBefore(j-1):
		w := pp.str(j-1, i)
		pr.report("ordinal", j-1, i+1, "序次语“"+w+"”后应用逗号，不用顿号：“"+w+"、”应为“"+w+"，”", w+"，")
	case j == i && i >= 2 && (pp.str(i-2, i) == "首先" || pp.str(i-2, i) == "其次") && pp.boundaryBefore(i-2):
		w := pp.str(i-2, i)
		pr.report("ordinal", i-2, i+1, "序次语“"+w+"”后应用逗号，不用顿号：“"+w+"、”应为“"+w+"，”", w+"，")
	case j == i && pp.at(i-1) == '是':
		k := i - 1
		for k > 0 && i-1-k < 3 && puNumeral(pp.r[k-1]) {
			k--
		}
		if k < i-1 && pp.boundaryBefore(k) {
			w := pp.str(k, i)
			pr.report("ordinal", k, i+1, "“"+w+"”后用逗号或不加标点，不用顿号：“"+w+"、”应为“"+w+"，”", w+"，")
		}
	case j == i && (pp.at(i-1) == '）' || pp.at(i-1) == ')'):
		k := i - 2
		for k >= 0 && i-2-k < 3 && (puNumeral(pp.r[k]) || puDigit(pp.r[k])) {
			k--
		}
		if k >= 0 && k < i-2 && (pp.r[k] == '（' || pp.r[k] == '(') && pp.boundaryBefore(k) && !pp.skip[k] {
			w := pp.str(k, i)
			pr.report("ordinal", k, i+1, "括号序次语“"+w+"”后不加标点：“"+w+"、”应为“"+w+"”", w)
		}
	}
}

// ellipsis checks a run of dots starting at i and returns the run's end
// (i+1 when there is nothing to report).
func (pr *puncRun) ellipsis(i int) int {
	pp := &pr.pp
	r := pp.r[i]
	j := i + 1
	for j < len(pp.r) && pp.r[j] == r && !pp.skip[j] {
		j++
	}
	cnCtx := pp.cnBefore(i) || pp.chineseAt(j)
	run := pp.str(i, j)
	switch {
	case r == '。' && j-i >= 3, (r == '.' || r == '．' || r == '·') && j-i >= 3 && cnCtx:
		pr.report("ellipsis", i, j, "省略号应为“……”，不用“"+run+"”", "……")
	case r == '…' && (j-i == 1 || j-i == 3 || j-i > 4) && cnCtx:
		pr.report("ellipsis", i, j, "省略号应为两个“…”（“……”），不用“"+run+"”", "……")
	case r == '…':
	default:
		if r == '。' && j-i == 2 {
			pr.report("repeated", i, j, "标点重复：“。。”应只用一个“。”", "。")
			return j
		}
		return i + 1
	}
	// 省略号 with 等/等等 on either side.
	if w, ok := pr.dengAt(j); ok {
		pr.report("ellipsis", i, j+len([]rune(w)), "省略号不与“"+w+"”连用：“"+run+w+"”应只保留其一", w)
	} else if tok, _ := pr.tokenBefore(pp.off[i]); tok == "等" || tok == "等等" || (pr.toks == nil && pp.str(i-2, i) == "等等") {
		w := tok
		if w == "" {
			w = "等等"
		}
		k := i - len([]rune(w))
		pr.report("ellipsis", k, j, "省略号不与“"+w+"”连用：“"+w+run+"”应只保留其一", w)
	}
	return j
}

// puRangeUnits may follow the second number of a range (longest first where prefixes clash).
var puRangeUnits = []string{"季度", "平方米", "平方公里", "千米", "公里", "厘米", "毫米", "千克", "公斤", "公顷", "千瓦", "兆瓦", "小时", "分钟", "学年",
	"年", "月", "日", "天", "周", "岁", "个", "人", "名", "次", "项", "家", "%", "％", "万", "亿", "千", "百", "倍", "秒", "元",
	"米", "吨", "亩", "层", "级", "期", "批", "所", "条", "台", "套", "件", "座", "户", "位", "只", "种", "类", "章", "节",
	"时", "点", "号", "届", "册", "篇", "份", "辆", "架", "艘", "度", "℃", "克", "斤", "升", "kg", "km", "cm", "mm", "mg"}

// puLeftUnit may stand between the first number and the connector (2013年-2015年, 3%-5%).
func puLeftUnit(r rune) bool {
	switch r {
	case '年', '月', '日', '%', '％', '万', '亿':
		return true
	}
	return false
}

// numberBefore returns the start of the digit run (with decimal point) ending at end.
func (pp *punctPara) numberBefore(end int) int {
	k := end
	for k > 0 && end-k < 8 && (puDigit(pp.r[k-1]) || (pp.r[k-1] == '.' && k < end && puDigit(pp.at(k-2)))) {
		k--
	}
	return k
}

// numberAfter returns the end of the digit run starting at start.
func (pp *punctPara) numberAfter(start int) int {
	k := start
	for k < len(pp.r) && k-start < 8 && (puDigit(pp.r[k]) || (pp.r[k] == '.' && k > start && puDigit(pp.at(k+1)))) {
		k++
	}
	return k
}

func puLeadingZero(s string) bool { return len(s) > 1 && s[0] == '0' && s[1] != '.' }

func puParseNum(s string) float64 {
	v, frac, scale := 0.0, false, 1.0
	for _, c := range s {
		if c == '.' {
			frac = true
			continue
		}
		if frac {
			scale /= 10
			v += float64(c-'0') * scale
		} else {
			v = v*10 + float64(c-'0')
		}
	}
	return v
}

// ranges reports numeric and date ranges joined by a hyphen, a half-width
// tilde or a 破折号 (2013-2015年, 3~5年, 2013——2015年).
func (pr *puncRun) ranges() {
	pp := &pr.pp
	for i := 1; i < len(pp.r); i++ {
		r := pp.r[i]
		if pp.skip[i] {
			continue
		}
		j := i + 1
		switch r {
		case '-', '－', '‐', '‑', '–', '−', '~', '〜':
			if r == '-' && pp.at(j) == '-' {
				j++
			}
		case '—':
			if pp.at(j) != '—' {
				continue // 2013—2015年 is right
			}
			j++
		default:
			continue
		}
		// First number, with an optional unit before the connector.
		le := i
		if puLeftUnit(pp.r[le-1]) {
			le--
		}
		ls := pp.numberBefore(le)
		if ls == le {
			continue
		}
		if b := pp.at(ls - 1); puLetter(b) || strings.ContainsRune("/-_.#:+~－—–−\\＿", b) ||
			((b == ' ' || b == '　') && !scan.HanChar(pp.at(ls-2))) {
			continue // a code or standard number: GB/T 15834-2011
		}
		re := pp.numberAfter(j)
		if re == j {
			continue
		}
		u := re
		if pp.at(u) == ' ' {
			u++
		}
		unit := pp.prefixAny(u, puRangeUnits)
		if unit == "" || (puLetter(rune(unit[0])) && puLetter(pp.at(u+len(unit)))) {
			continue
		}
		left, right := pp.str(ls, le), pp.str(j, re)
		if puLeadingZero(left) || puLeadingZero(right) || puParseNum(left) >= puParseNum(right) {
			continue // phone numbers, dates, room numbers
		}
		mark := "～"
		switch {
		case unit == "月", unit == "日", unit == "号", unit == "时", unit == "季度":
			mark = "—"
		case strings.HasSuffix(unit, "年") && len(left) == 4 && len(right) == 4:
			mark = "—"
		}
		conn := pp.str(i, j)
		var msg string
		switch r {
		case '~', '〜':
			msg = "范围应使用全角浪纹线“～”或一字线“—”，不用“" + conn + "”"
		case '—':
			msg = "“——”是破折号，不能用作连接号；范围应使用一字线“—”或浪纹线“～”"
		default:
			msg = "范围应使用一字线“—”或浪纹线“～”，不用连字符“" + conn + "”"
		}
		sugg := pp.str(ls, i) + mark + right
		pr.report("range", ls, re, msg+"：“"+pp.str(ls, re)+unit+"”应为“"+sugg+unit+"”", sugg)
		i = re - 1
	}
}
