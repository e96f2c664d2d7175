package analyze

import (
	"github.com/reportlint/reportlint/analyze/internal/scan"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

// Claim kinds beyond the unit kinds of units.yaml.
const (
	ClaimYear  = "year"
	ClaimMonth = "month"
	ClaimDate  = "date"
	ClaimRank  = "rank"
)

// Claims returns the numeric claims of the document, in text order: every
// number with its unit and every numeric placeholder (Unfilled). Metrics are
// cut on gse tokens when the analysis has a tokenizer.
func (a *Analysis) Claims() []Claim {
	return claimsKey.Get(a)
}

var claimsKey = NewKey("claims", func(a *Analysis) []Claim {
	cs := ExtractClaims(a.Doc, a.Placeholders(), a.Tokens(), a.Lex)
	// outline sections, as findings use (a.SectionName), labelled once
	nodes := a.Outline()
	labels := make([]string, len(nodes))
	for i := range cs {
		cs[i].Section = ""
		if n := a.nodeAt(cs[i].Start); n >= 0 {
			if labels[n] == "" {
				labels[n] = nodes[n].Label()
			}
			cs[i].Section = labels[n]
		}
	}
	return cs
})

// ExtractClaims finds the numeric claims of doc. phs are the document's
// placeholders (those of kind number become unfilled claims), tokens its gse
// tokens (nil cuts metrics on characters), lex supplies units and the fixed
// numeral expressions that are not claims. It is pure and safe for any input.
func ExtractClaims(doc *segment.Document, phs []Placeholder, tokens []segment.Token, lex *lexicon.Lexicon) []Claim {
	tb := tablesFor(lex)
	x := &extractor{doc: doc, tb: tb, tokens: tokens, skip: markerSpans(doc)}
	x.comments = scan.HTMLComments(doc)
	pi := 0
	out := make([]Claim, 0, len(phs)+len(doc.Text)/128)
	for _, para := range doc.Paragraphs {
		for pi < len(phs) && phs[pi].Start < para.Span.Start {
			pi++
		}
		pj := pi
		for pj < len(phs) && phs[pj].Start < para.Span.End {
			pj++
		}
		start := len(out)
		out = x.paragraph(out, para, phs[pi:pj])
		x.annotate(out[start:], para)
		pi = pj
	}
	return out
}

// ---------------------------------------------------------------------------
// Tables compiled from the lexicon.

type unitEntry struct {
	text, base, kind string
	factor           float64
}

type numTables struct {
	units    map[rune][]unitEntry // by first rune, longest first
	fixed    map[rune][]string    // fixed numeral expressions by first rune, longest first
	maxFixed int                  // longest fixed expression, in runes
	fixedR   scan.RuneBits        // the keys of fixed
}

var tablesCache sync.Map // *lexicon.Lexicon → *numTables

// tablesFor compiles (once per lexicon) the unit and fixed-expression tables.
func tablesFor(lex *lexicon.Lexicon) *numTables {
	if lex == nil {
		lex = &lexicon.Lexicon{}
	}
	if t, ok := tablesCache.Load(lex); ok {
		return t.(*numTables)
	}
	t := &numTables{units: map[rune][]unitEntry{}, fixed: map[rune][]string{}}
	for _, u := range lex.Units {
		if u.Disabled || u.Text == "" {
			continue
		}
		e := unitEntry{text: u.Text, base: u.Base, kind: u.Kind, factor: u.Factor}
		if e.base == "" {
			e.base = u.Text
		}
		if e.factor == 0 {
			e.factor = 1
		}
		r, _ := utf8.DecodeRuneInString(u.Text)
		t.units[r] = append(t.units[r], e)
	}
	for r := range t.units {
		es := t.units[r]
		sort.SliceStable(es, func(i, j int) bool { return len(es[i].text) > len(es[j].text) })
	}
	seen := map[string]bool{}
	addFixed := func(s string) {
		s = strings.TrimSpace(s)
		if s == "" || seen[s] || !hasNumeral(s) {
			return
		}
		seen[s] = true
		r, _ := utf8.DecodeRuneInString(s)
		t.fixed[r] = append(t.fixed[r], s)
		t.fixedR.Add(r)
		if n := utf8.RuneCountInString(s); n > t.maxFixed {
			t.maxFixed = n
		}
	}
	for _, term := range lex.Terms {
		if !term.Disabled {
			addFixed(term.Text)
		}
	}
	for _, f := range lex.Formulations {
		if f.Disabled {
			continue
		}
		addFixed(f.Text)
		for _, w := range f.Wrong {
			addFixed(w.Text)
		}
	}
	for _, e := range lex.Events {
		if e.Disabled {
			continue
		}
		for _, n := range e.Names {
			addFixed(n)
		}
	}
	for r := range t.fixed {
		fs := t.fixed[r]
		sort.SliceStable(fs, func(i, j int) bool { return len(fs[i]) > len(fs[j]) })
	}
	tablesCache.Store(lex, t)
	return t
}

func hasNumeral(s string) bool {
	for _, r := range s {
		if isAnyDigit(r) || isNumeralRune(r) {
			return true
		}
	}
	return false
}

// unitAt returns the longest unit starting s.
func (t *numTables) unitAt(s string) (unitEntry, bool) {
	r, _ := utf8.DecodeRuneInString(s)
	for _, e := range t.units[r] {
		if strings.HasPrefix(s, e.text) {
			return e, true
		}
	}
	return unitEntry{}, false
}

// fixedCovering reports whether a fixed expression covers the byte range
// [i, j) of s (starting at or before i, ending at or after j).
func (t *numTables) fixedCovering(s string, i, j int) bool {
	k := i
	for n := 0; n < t.maxFixed && k >= 0; n++ {
		if r, _ := scan.DecodeRune(s, k); t.fixedR.Has(r) {
			for _, f := range t.fixed[r] {
				if k+len(f) >= j && strings.HasPrefix(s[k:], f) {
					return true
				}
			}
		}
		if k == 0 {
			break
		}
		_, w := scan.DecodeLastRune(s[:k])
		k -= w
	}
	return false
}

// ---------------------------------------------------------------------------
// Numerals.

const cnNumeralChars = "〇零一二两三四五六七八九十百千万亿"

func isNumeralRune(r rune) bool {
	switch r {
	case '〇', '零', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万', '亿':
		return true
	}
	return false
}

// isClausePunct reports whether r is in clausePunct.
func isClausePunct(r rune) bool {
	switch r {
	case '，', ',', '；', ';', '：', ':', '。', '！', '？', '!', '?', '、', '（', '）', '(', ')', '《', '》', '【', '】', '\n', '|', '｜', '\t':
		return true
	}
	return false
}

func isAnyDigit(r rune) bool { return scan.IsAnyDigit(r) }

func digitVal(r rune) int {
	if r >= '０' && r <= '９' {
		return int(r - '０')
	}
	return int(r - '0')
}

func cnDigit(r rune) (int, bool) {
	switch r {
	case '〇', '零':
		return 0, true
	case '一':
		return 1, true
	case '二', '两':
		return 2, true
	case '三':
		return 3, true
	case '四':
		return 4, true
	case '五':
		return 5, true
	case '六':
		return 6, true
	case '七':
		return 7, true
	case '八':
		return 8, true
	case '九':
		return 9, true
	}
	return 0, false
}

func cnPlace(r rune) float64 {
	switch r {
	case '十':
		return 10
	case '百':
		return 100
	case '千':
		return 1000
	}
	return 0
}

// cnForm is how a Chinese numeral run reads.
type cnForm int

const (
	cnInvalid cnForm = iota
	cnValue          // 一百二十, 三万
	cnYear           // 二〇二二 (digit by digit)
	cnApprox         // 三四, 十二三: two adjacent numbers
)

// parseCN reads a run of Chinese numeral characters.
func parseCN(run string) (v, hi float64, form cnForm) {
	rs := []rune(run)
	allDigits := true
	for _, r := range rs {
		if _, ok := cnDigit(r); !ok {
			allDigits = false
		}
	}
	if allDigits {
		switch {
		case len(rs) == 4 || len(rs) == 3 && strings.ContainsAny(run, "〇零"):
			n := 0
			for _, r := range rs {
				d, _ := cnDigit(r)
				n = n*10 + d
			}
			return float64(n), 0, cnYear
		case len(rs) == 2:
			a, _ := cnDigit(rs[0])
			b, _ := cnDigit(rs[1])
			if a >= 1 && b == a+1 {
				return float64(a), float64(b), cnApprox
			}
			return 0, 0, cnInvalid
		case len(rs) == 1:
			d, _ := cnDigit(rs[0])
			if d == 0 {
				return 0, 0, cnInvalid
			}
			return float64(d), 0, cnValue
		}
		return 0, 0, cnInvalid
	}
	// 十二三: a positional number whose last two digits are adjacent.
	if n := len(rs); n >= 3 {
		a, okA := cnDigit(rs[n-2])
		b, okB := cnDigit(rs[n-1])
		if okA && okB && a >= 1 && b == a+1 {
			if lo, _, f := parseCN(string(rs[:n-1])); f == cnValue {
				return lo, lo + 1, cnApprox
			}
			return 0, 0, cnInvalid
		}
	}
	var total, section float64
	digit := -1
	lastPlace := 1e9
	zero := false
	for i, r := range rs {
		if d, ok := cnDigit(r); ok {
			if d == 0 {
				if digit != -1 {
					return 0, 0, cnInvalid
				}
				zero = true
				continue
			}
			if digit != -1 {
				return 0, 0, cnInvalid
			}
			digit = d
			continue
		}
		if p := cnPlace(r); p > 0 {
			if digit == -1 {
				if r == '十' && i == 0 || r == '十' && zero {
					digit = 1
				} else {
					return 0, 0, cnInvalid
				}
			}
			if p >= lastPlace {
				return 0, 0, cnInvalid
			}
			section += float64(digit) * p
			lastPlace, digit, zero = p, -1, false
			continue
		}
		// 万 or 亿
		m := 1e4
		if r == '亿' {
			m = 1e8
		}
		if digit != -1 {
			section += float64(digit)
		}
		if section == 0 && total == 0 {
			return 0, 0, cnInvalid
		}
		if r == '万' && total >= 1e8 && section > 0 { // 一亿二千万
			total += section * m
		} else {
			total = (total + section) * m
		}
		section, digit, lastPlace, zero = 0, -1, 1e9, false
	}
	if digit != -1 {
		if lastPlace < 1e9 && lastPlace >= 100 && !zero { // 一千二 = 1200, 二百五 = 250
			section += float64(digit) * lastPlace / 10
		} else {
			section += float64(digit)
		}
	}
	v = total + section
	if v <= 0 {
		return 0, 0, cnInvalid
	}
	return v, 0, cnValue
}

// arabic is a number in Arabic digits as written at s[i:].
type arabic struct {
	end      int
	val      float64
	decimals int // digits after the point
	digits   int // digits before the point
	full     bool
	half     bool
}

// parseArabic reads digits, thousands separators and a decimal part.
func parseArabic(s string, i int) (arabic, bool) {
	var a arabic
	j := i
	var buf [32]byte
	b := buf[:0] // the number in ASCII digits
	readDigits := func() int {
		n := 0
		for j < len(s) {
			r, w := utf8.DecodeRuneInString(s[j:])
			if !isAnyDigit(r) {
				break
			}
			if r >= '０' {
				a.full = true
			} else {
				a.half = true
			}
			b = append(b, byte('0'+digitVal(r)))
			j += w
			n++
		}
		return n
	}
	a.digits = readDigits()
	if a.digits == 0 {
		return a, false
	}
	// thousands separators: 1,234,567 (first group of 1-3 digits)
	if a.digits <= 3 {
		for j+4 <= len(s) && s[j] == ',' && scan.AllASCIIDigits(s[j+1:j+4]) && (j+4 == len(s) || !scan.IsAnyDigitByte(s, j+4)) {
			b = append(b, s[j+1:j+4]...)
			j += 4
			a.digits += 3
		}
	}
	if j < len(s) {
		r, w := utf8.DecodeRuneInString(s[j:])
		if r == '.' || r == '．' {
			if j+w < len(s) {
				if r2, _ := utf8.DecodeRuneInString(s[j+w:]); isAnyDigit(r2) {
					b = append(b, '.')
					j += w
					a.decimals = readDigits()
				}
			}
		}
	}
	if a.digits+a.decimals > 15 {
		return a, false
	}
	if a.decimals == 0 { // at most 15 digits: exact as an integer
		var n int64
		for _, c := range b {
			n = n*10 + int64(c-'0')
		}
		a.end, a.val = j, float64(n)
		return a, true
	}
	v, err := strconv.ParseFloat(string(b), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return a, false
	}
	a.end, a.val = j, v
	return a, true
}

// ---------------------------------------------------------------------------
// Quantities: a number with its multiplier, qualifiers and unit.

// multipliers that may follow Arabic digits; 千/百/十 are not standard
// (GB/T 15835) but are read so the style rule can report them.
type mult struct {
	text string
	val  float64
}

var multipliers = []mult{
	{"万亿", 1e12}, {"千亿", 1e11}, {"百亿", 1e10}, {"十亿", 1e9}, {"千万", 1e7}, {"百万", 1e6}, {"十万", 1e5},
	{"万", 1e4}, {"亿", 1e8}, {"千", 1e3}, {"百", 1e2}, {"十", 10},
}

var (
	preQualifiers  = []string{"将近", "接近", "大约", "超过", "不到", "不足", "至少", "最多", "多达", "高达", "近", "约", "超", "逾"}
	postQualifiers = []string{"左右", "以上", "以内", "以下", "有余", "上下"}
)

// notUnit: words that begin with a unit character but are nouns or verbs.
var notUnit = []string{"期间", "人民", "人大", "人才", "人员", "项目", "日报", "日常", "条例", "条件", "场景", "场所", "台账", "天然",
	"类型", "批示", "批准", "名单", "名称", "名义", "部署", "部门", "部分", "种类", "本级", "本部", "单位", "站点", "座谈", "级别",
	"点位", "度假", "次序", "家庭", "家园", "所属", "户外", "周边", "周期", "起草", "起步", "份额", "笔记", "元旦", "元素", "位置",
	"吨位", "分之", "分析", "分别", "分管", "分类", "分钟以", "门户", "集团", "集中", "集体", "头条", "首位", "首要", "届时", "期末",
	"期初", "处理", "处室", "支持", "支部", "节点", "节约", "间隔", "天津", "个人", "米粮", "亩产", "台州", "天下", "年轻", "月球",
	"件事", "次要", "起来", "次日", "日益", "年代", "周年", "号", "篇章", "条款",
	"成员", "成果", "成效", "成绩", "成立", "成功", "成本", "成为", "成都", "成熟", "成长", "成交", "成品", "成型", "成片"}

// cnBadUnits: units a Chinese numeral does not count (十分, 二级巡视员, 二期工程).
const cnBadUnits = "分点度届级期节头部门站集首"

// rankVerbs precede 第N when it is a rank (排全国第3位); other 第N are
// ordinals of names (第四卷, 第一议题, 放在第一位).
var rankVerbs = []string{"排名", "排在", "排", "位居", "位列", "居于", "居", "名列", "列", "跻身", "进入", "获得", "获", "荣获", "取得", "夺得"}

var rankScopes = []string{"全国", "全省", "全市", "全区", "全县", "全州", "全行业", "同行业", "同类城市", "全球", "世界", "省内", "市内", "区内", "西部", "中部", "东部"}

// bareCues let a number without unit be a claim: 增速12.5, 指数超105.
var bareCues = []string{"增长", "下降", "减少", "降低", "提高", "提升", "增加", "增速", "增幅", "增长率", "比重", "占比", "指数",
	"达到", "达", "超过", "超", "突破", "提升至", "提高至", "提高到", "降至", "率为", "比例为", "比重为", "指数为", "值为", "分别为",
	"上升", "回落", "得分", "评分"}

type quantity struct {
	start, end  int // bytes in the paragraph, qualifiers and 第 included
	numStart    int // start of the number (or placeholder)
	numEnd      int // end of the number incl. multiplier
	val         float64
	hi          float64 // > 0 for a range or an approximate pair
	mult        string
	multVal     float64
	styleMult   bool // 千/百/十 next to digits (3千万)
	compound    bool // two multipliers: 3亿4千万
	cn          bool
	cnYear      bool
	unfilled    bool
	full, half  bool // digit widths used
	decimals    int
	fourDigits  bool
	pre, mid    string // qualifiers: 近…, 余/多
	post        string
	unit        unitEntry
	hasUnit     bool
	unitStart   int
	ordinal     bool // 第 precedes
	rangeSep    int  // byte offset of the range separator, -1 when none
	rangeSepLen int
	firstUnit   bool   // the first number of a range carries the unit
	firstMult   string // multiplier written on the first number of a range
	pctSigns    []int  // offsets of ％/% signs
}

// extractor holds per-document state.
type extractor struct {
	doc      *segment.Document
	tb       *numTables
	tokens   []segment.Token
	skip     []segment.Span // heading markers
	comments []segment.Span
	groups   int // 分别 lists seen
	tokHint  int // the last answer of tokenAt

	posOff int // last offset positioned, and its position
	pos    segment.Pos
}

// position is doc.Position for increasing offsets, counting runes from the
// last offset when it is on the same line (paragraphs are long lines).
func (x *extractor) position(off int) segment.Pos {
	if x.pos.Line > 0 && off >= x.posOff && strings.IndexByte(x.doc.Text[x.posOff:off], '\n') < 0 {
		x.pos.Col += utf8.RuneCountInString(x.doc.Text[x.posOff:off])
	} else {
		x.pos = x.doc.Position(off)
	}
	x.posOff = off
	return x.pos
}

// skipped reports whether off lies in a heading marker or an HTML comment.
// Offsets are asked in increasing order, so both lists are walked once.
func (x *extractor) skipped(off int) bool {
	for len(x.skip) > 0 && x.skip[0].End <= off {
		x.skip = x.skip[1:]
	}
	for len(x.comments) > 0 && x.comments[0].End <= off {
		x.comments = x.comments[1:]
	}
	return len(x.skip) > 0 && x.skip[0].Contains(off) || len(x.comments) > 0 && x.comments[0].Contains(off)
}

func markerSpans(doc *segment.Document) []segment.Span {
	out := make([]segment.Span, 0, len(doc.Headings))
	for _, h := range doc.Headings {
		out = append(out, h.Marker)
	}
	return out
}

// tokenAt returns the index of the token containing off, or -1.
func (x *extractor) tokenAt(off int) int {
	ts := x.tokens
	if len(ts) == 0 {
		return -1
	}
	// i is the first token ending after off. Queries cluster around the
	// claim being read, so the search gallops from the last answer.
	after := func(i int) bool { return ts[i].Span.End > off }
	h := min(x.tokHint, len(ts)-1)
	lo, hi := 0, len(ts) // i is in [lo, hi]
	if after(h) {
		hi = h
		for step := 1; ; step *= 2 {
			j := hi - step
			if j < 0 {
				break
			}
			if !after(j) {
				lo = j + 1
				break
			}
			hi = j
		}
	} else {
		lo = h + 1
		for step := 1; ; step *= 2 {
			j := lo + step - 1
			if j >= len(ts) {
				break
			}
			if after(j) {
				hi = j
				break
			}
			lo = j + 1
		}
	}
	i := lo + sort.Search(hi-lo, func(k int) bool { return after(lo + k) })
	if i < len(ts) {
		x.tokHint = i
		if ts[i].Span.Start <= off {
			return i
		}
	}
	return -1
}

// boundary reports whether off is a token boundary (always true without
// tokens).
func (x *extractor) boundary(off int) bool {
	if len(x.tokens) == 0 {
		return true
	}
	i := x.tokenAt(off)
	return i < 0 || x.tokens[i].Span.Start == off
}

// paragraph appends the claims of one paragraph.
func (x *extractor) paragraph(out []Claim, para segment.Paragraph, phs []Placeholder) []Claim {
	base := para.Span.Start
	s := x.doc.Text[base:para.Span.End]
	title, quote := 0, 0
	pi := 0
	for i := 0; i < len(s); {
		off := base + i
		if pi < len(phs) && phs[pi].Start <= off {
			ph := phs[pi]
			pi++
			if ph.Start < off { // overlapped by a previous claim
				continue
			}
			if ph.Kind == KindNumber {
				q := x.placeholderQuantity(s, ph.Start-base, ph.Span.End-base)
				out = append(out, x.claim(q, s, base, para))
				i = q.end
				for pi < len(phs) && phs[pi].Start < base+i {
					pi++
				}
				continue
			}
			i = max(i, ph.Span.End-base)
			continue
		}
		r, w := scan.DecodeRune(s, i)
		if !claimRune(r) {
			i += w // nothing below looks at it
			continue
		}
		if x.skipped(off) {
			i += w
			continue
		}
		switch r {
		case '《':
			title++
		case '》':
			if title > 0 {
				title--
			}
		case '“':
			quote++
		case '”':
			if quote > 0 {
				quote--
			}
		}
		if title > 0 {
			i += w
			continue
		}
		var q quantity
		ok := false
		switch {
		case isAnyDigit(r):
			q, ok = x.arabicQuantity(s, i, base)
			if !ok {
				i = skipAlnum(s, i)
				continue
			}
		case r == '百' && strings.HasPrefix(s[i:], "百分之"):
			q, ok = x.percentWords(s, i)
		case isNumeralRune(r) && quote == 0:
			q, ok = x.cnQuantity(s, i, base)
		}
		if ok {
			if c := x.claim(q, s, base, para); c.parseable() {
				out = append(out, c)
			}
			i = q.end
			for pi < len(phs) && phs[pi].Start < base+i {
				pi++
			}
			continue
		}
		if isNumeralRune(r) {
			for i < len(s) { // skip the rest of the numeral run
				r2, w2 := utf8.DecodeRuneInString(s[i:])
				if !isNumeralRune(r2) {
					break
				}
				i += w2
			}
			continue
		}
		i += w
	}
	return out
}

// claimRune reports whether the paragraph scan acts on r: a digit, a
// Chinese numeral, or a mark it counts (《》“”).
func claimRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= '0' && r <= '9'
	}
	return claimRunes.Has(r) && (r >= '０' && r <= '９' || isNumeralRune(r) || r == '《' || r == '》' || r == '“' || r == '”')
}

// claimRunes holds the non-ASCII runes claimRune accepts.
var claimRunes = func() *scan.RuneBits {
	var b scan.RuneBits
	for r := '０'; r <= '９'; r++ {
		b.Add(r)
	}
	for _, r := range cnNumeralChars + "《》“”" {
		b.Add(r)
	}
	return &b
}()

// skipAlnum skips an ASCII letter/digit run (codes such as 5G, G20, PM2.5).
func skipAlnum(s string, i int) int {
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !(isAnyDigit(r) || scan.IsASCIILetter(r) || r == '.' || r == '-' || r == '_' || r == ':' || r == '/' || r == ',') {
			break
		}
		i += w
	}
	return i
}

// arabicQuantity reads a quantity starting with Arabic digits at s[i:].
func (x *extractor) arabicQuantity(s string, i, base int) (quantity, bool) {
	if p := scan.PrevRune(s, i); scan.IsASCIILetter(p) || p == '.' || p == '．' || p == '_' || p == '/' || p == '#' || p == '-' || p == '+' || p == ':' || isAnyDigit(p) {
		return quantity{}, false
	}
	a, ok := parseArabic(s, i)
	if !ok {
		return quantity{}, false
	}
	// 9:30, 1:3, 2022.10.16, 3/4, 2011-02-15, 010-88842603
	switch nr := scan.NextRune(s, a.end); {
	case nr == ':' || nr == '/' || nr == '_':
		return quantity{}, false
	case (nr == '：' || nr == '.' || nr == '．') && isAnyDigitAt(s, a.end+utf8.RuneLen(nr)):
		return quantity{}, false
	case nr == '-' && isAnyDigitAt(s, a.end+1) && (strings.HasPrefix(s[a.end+1:], "0") || hasDateTail(s, a.end+1)):
		return quantity{}, false
	}
	q := quantity{start: i, numStart: i, val: a.val, full: a.full, half: a.half, decimals: a.decimals, rangeSep: -1,
		fourDigits: a.digits == 4 && a.decimals == 0}
	j := x.tail(s, a.end, &q, false)
	if scan.IsASCIILetter(scan.NextRune(s, j)) && !q.hasUnit {
		return quantity{}, false // 5G, 4K, 3D
	}
	if q.hasUnit && scan.IsASCIILetter(scan.NextRune(s, j)) && scan.IsASCIILetter(scan.PrevRune(s, j)) {
		return quantity{}, false // 10GBps-like codes
	}
	q.end = j
	x.preQualify(s, &q, base)
	x.rangeTail(s, &q, base)
	if !q.hasUnit && q.mult == "" && !hasCue(s, q.start) {
		return quantity{}, false
	}
	if x.tb.fixedCovering(s, q.numStart, a.end) {
		return quantity{}, false
	}
	return q, true
}

func isAnyDigitAt(s string, j int) bool { return j < len(s) && scan.IsAnyDigitByte(s, j) }

// hasDateTail: 02-15 after a hyphen.
func hasDateTail(s string, j int) bool {
	k := j
	for k < len(s) && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	return k < len(s) && s[k] == '-'
}

// tail reads the multiplier, middle qualifier, unit and post qualifier after
// a number ending at j; q.val becomes the number times its multiplier. cn
// is set for Chinese numerals (only 万/亿 may follow them).
func (x *extractor) tail(s string, j int, q *quantity, cn bool) int {
	q.numEnd = j
	// 10多万, 10余万
	for _, m := range []string{"余", "多"} {
		if strings.HasPrefix(s[j:], m) {
			k := j + len(m)
			if strings.HasPrefix(s[k:], "万") || strings.HasPrefix(s[k:], "亿") {
				q.mid = m
				j = k
			}
			break
		}
	}
	// multiplier, possibly compound (3亿4千万)
	total, cur := 0.0, q.val
	lastMult := math.Inf(1)
	for {
		m, ok := x.multAt(s, j, lastMult, cn)
		if !ok {
			break
		}
		if q.mult == "" {
			q.mult, q.multVal = m.text, m.val
		} else {
			q.compound = true
		}
		if m.val < 1e4 || strings.ContainsAny(m.text, "千百十") {
			q.styleMult = true
		}
		total += cur * m.val
		j += len(m.text)
		lastMult = m.val
		q.numEnd = j
		if cn || !isAnyDigitAt(s, j) {
			break
		}
		a, ok := parseArabic(s, j)
		if !ok || a.decimals > 0 {
			break
		}
		if _, ok := x.multAt(s, a.end, lastMult, false); !ok {
			break
		}
		cur = a.val
		j = a.end
	}
	if q.mult != "" {
		q.val = total
		if q.hi > 0 {
			q.hi *= q.multVal
		}
	}
	if q.mid == "" {
		for _, m := range []string{"余", "多"} {
			if strings.HasPrefix(s[j:], m) {
				if _, ok := x.tb.unitAt(s[j+len(m):]); ok && !x.notUnitAt(s, j+len(m)) {
					q.mid = m
					j += len(m)
				}
				break
			}
		}
	}
	if u, ok := x.tb.unitAt(s[j:]); ok && !x.notUnitAt(s, j) {
		q.unit, q.hasUnit, q.unitStart = u, true, j
		if u.text == "％" || u.text == "%" {
			q.pctSigns = append(q.pctSigns, j)
		}
		j += len(u.text)
	}
	for _, p := range postQualifiers {
		if strings.HasPrefix(s[j:], p) {
			if p == "上下" && (!q.hasUnit || strings.HasPrefix(s[j+len(p):], "游")) {
				break
			}
			q.post = p
			j += len(p)
			break
		}
	}
	return j
}

// multAt returns the multiplier at s[j:] smaller than below.
func (x *extractor) multAt(s string, j int, below float64, cn bool) (mult, bool) {
	if u, isUnit := x.tb.unitAt(s[j:]); isUnit && !strings.HasPrefix(u.text, "万") && !strings.HasPrefix(u.text, "亿") {
		return mult{}, false // 千米, 百分点
	}
	if strings.HasPrefix(s[j:], "百分") || strings.HasPrefix(s[j:], "十分") || strings.HasPrefix(s[j:], "千方") {
		return mult{}, false
	}
	for _, m := range multipliers {
		if !strings.HasPrefix(s[j:], m.text) || m.val >= below {
			continue
		}
		if cn && m.text != "万" && m.text != "亿" {
			continue
		}
		if (m.text == "千" || m.text == "百" || m.text == "十") && !multFollows(s, j+len(m.text), x.tb) {
			continue
		}
		return m, true
	}
	return mult{}, false
}

// multFollows: 千/百/十 after digits is a multiplier only before 万/亿, a
// unit or the end of the number (3千万, 5千元, 3千).
func multFollows(s string, j int, tb *numTables) bool {
	if j >= len(s) {
		return true
	}
	if strings.HasPrefix(s[j:], "万") || strings.HasPrefix(s[j:], "亿") || strings.HasPrefix(s[j:], "余") || strings.HasPrefix(s[j:], "多") {
		return true
	}
	if _, ok := tb.unitAt(s[j:]); ok {
		return true
	}
	r := scan.NextRune(s, j)
	return isAnyDigit(r) || !scan.IsHan(r)
}

func (x *extractor) notUnitAt(s string, j int) bool {
	r, _ := utf8.DecodeRuneInString(s[j:])
	for _, w := range notUnitByFirst[r] {
		if strings.HasPrefix(s[j:], w) {
			return true
		}
	}
	return false
}

var notUnitByFirst = func() map[rune][]string {
	m := map[rune][]string{}
	for _, w := range notUnit {
		r, _ := utf8.DecodeRuneInString(w)
		m[r] = append(m[r], w)
	}
	return m
}()

// preQualify extends q backwards over a qualifier (近, 约, 超过…) and 第.
func (x *extractor) preQualify(s string, q *quantity, base int) {
	before := s[:q.start]
	if strings.HasSuffix(before, "第") {
		q.ordinal = true
		q.start -= len("第")
		return
	}
	for _, p := range preQualifiers {
		if !strings.HasSuffix(before, p) {
			continue
		}
		k := q.start - len(p)
		switch p {
		case "近":
			if pr := scan.PrevRune(s, k); pr == '最' || pr == '附' || pr == '临' || pr == '接' || pr == '将' || pr == '靠' || pr == '就' || pr == '亲' {
				return
			}
		case "约":
			if pr := scan.PrevRune(s, k); strings.ContainsRune("节签制邀契条公盟特预履相集简婉违", pr) {
				return
			}
		case "超":
			if pr := scan.PrevRune(s, k); pr == '高' || pr == '赶' {
				return
			}
		}
		if base >= 0 && !x.boundary(base+k) {
			continue
		}
		q.pre = p
		q.start = k
		return
	}
}

// hasCue reports whether the words right before a bare number (no unit)
// make it a quantity: 增速12.5, 指数超**.
func hasCue(s string, start int) bool {
	before := s[:start]
	for _, c := range bareCues {
		if strings.HasSuffix(before, c) {
			return true
		}
	}
	return false
}

// rangeTail joins a second number after a range mark: 9—10月, 10%～20%.
func (x *extractor) rangeTail(s string, q *quantity, base int) {
	j := q.end
	var sepLen int
	for _, sep := range []string{"～", "~", "〜", "—", "–", "-", "至", "到"} {
		if strings.HasPrefix(s[j:], sep) {
			sepLen = len(sep)
			break
		}
	}
	if sepLen == 0 || q.post != "" {
		return
	}
	k := j + sepLen
	var q2 quantity
	q2.rangeSep = -1
	switch {
	case isAnyDigitAt(s, k):
		a, ok := parseArabic(s, k)
		if !ok {
			return
		}
		q2 = quantity{start: k, numStart: k, val: a.val, full: a.full, half: a.half, decimals: a.decimals, rangeSep: -1,
			fourDigits: a.digits == 4 && a.decimals == 0}
		q2.end = x.tail(s, a.end, &q2, false)
		if scan.IsASCIILetter(scan.NextRune(s, q2.end)) {
			return
		}
	case isNumeralRune(scan.NextRune(s, k)) && q.cn:
		run := cnRun(s, k)
		v, _, f := parseCN(run)
		if f != cnValue && f != cnYear {
			return
		}
		q2 = quantity{start: k, numStart: k, val: v, cn: true, cnYear: f == cnYear, rangeSep: -1}
		q2.end = x.tail(s, k+len(run), &q2, true)
	default:
		return
	}
	sep := s[j : j+sepLen]
	if (sep == "-" || sep == "~" || sep == "到" || sep == "至") && !q2.hasUnit && q2.mult == "" {
		return
	}
	if q.hasUnit && q2.hasUnit && q.unit.base != q2.unit.base {
		return
	}
	if q.hasUnit && !q2.hasUnit {
		return // 3年—5 is not a range
	}
	if q2.pre != "" {
		return
	}
	// the range takes the second number's unit and multiplier
	q.rangeSep, q.rangeSepLen = j, sepLen
	q.firstUnit = q.hasUnit
	q.firstMult = q.mult
	if q.mult == "" && q2.mult != "" {
		q.val *= q2.multVal
		q.mult = q2.mult
		q.multVal = q2.multVal
	}
	q.hi = q2.val
	q.unit, q.hasUnit, q.unitStart = q2.unit, q2.hasUnit, q2.unitStart
	q.mid = scan.FirstNonEmpty(q.mid, q2.mid)
	q.post = q2.post
	q.full = q.full || q2.full
	q.half = q.half || q2.half
	q.styleMult = q.styleMult || q2.styleMult
	q.pctSigns = append(q.pctSigns, q2.pctSigns...)
	q.fourDigits = q.fourDigits && q2.fourDigits
	q.end = q2.end
}

// cnRun returns the run of Chinese numeral characters at s[i:].
func cnRun(s string, i int) string {
	j := i
	for j < len(s) {
		r, w := utf8.DecodeRuneInString(s[j:])
		if !isNumeralRune(r) {
			break
		}
		j += w
	}
	return s[i:j]
}

// cnQuantity reads a Chinese numeral with its unit: 三年, 十余条, 二〇二二年.
func (x *extractor) cnQuantity(s string, i, base int) (quantity, bool) {
	run := cnRun(s, i)
	v, hi, form := parseCN(run)
	if form == cnInvalid {
		return quantity{}, false
	}
	if form == cnValue && (run == "一" || strings.Trim(run, "十百千万亿") == "" && run != "十") {
		return quantity{}, false // 一个, 一批 are articles; 百年, 万人 are words
	}
	q := quantity{start: i, numStart: i, val: v, hi: hi, cn: true, cnYear: form == cnYear, rangeSep: -1}
	j := x.tail(s, i+len(run), &q, true)
	if !q.hasUnit {
		return quantity{}, false
	}
	if q.cnYear && q.unit.text != "年" {
		return quantity{}, false
	}
	if strings.Contains(cnBadUnits, q.unit.text) {
		return quantity{}, false
	}
	if q.unit.text == "次" && scan.HasPrefixAny(s[q.unitStart+len("次"):], []string{"会议", "全会", "全体会议", "代表大会", "党代会"}) &&
		scan.HasSuffixAny(s[:i], []string{"届", "人大", "政协", "党代会", "委员会", "常委会", "代表大会", "全委会"}) {
		return quantity{}, false // 十七届人大三次会议 names a meeting
	}
	q.end = j
	if x.tb.fixedCovering(s, i, q.unitStart+len(q.unit.text)) {
		return quantity{}, false
	}
	if !x.cnBoundaryOK(s, i, q.unitStart+len(q.unit.text), base) {
		return quantity{}, false
	}
	if strings.HasSuffix(s[:i], "第") {
		before := strings.TrimSuffix(s[:i], "第")
		for _, sc := range rankScopes {
			before = strings.TrimSuffix(before, sc)
		}
		if !scan.HasSuffixAny(before, rankVerbs) {
			return quantity{}, false // 第四卷, 第一议题, 放在第一位
		}
	}
	x.preQualify(s, &q, base)
	x.rangeTail(s, &q, base)
	return q, true
}

// cnBoundaryOK: the numeral starts a word and its unit does not run into a
// longer word (统一部署, 千家万户, 进一步).
func (x *extractor) cnBoundaryOK(s string, i, unitEnd, base int) bool {
	if len(x.tokens) > 0 {
		ti := x.tokenAt(base + i)
		if ti >= 0 && x.tokens[ti].Span.Start != base+i {
			return false
		}
		tj := x.tokenAt(base + unitEnd - 1)
		if tj >= 0 && x.tokens[tj].Span.End > base+unitEnd {
			// the unit character begins a longer word: 三年级? 两个确立
			return false
		}
		return true
	}
	// no tokens: reject the commonest words ending in a numeral (高三, 周三,
	// 统一) and idioms that go on with another numeral (三天两头)
	if strings.ContainsRune("高初星周礼统唯同单之万其", scan.PrevRune(s, i)) {
		return false
	}
	return !isNumeralRune(scan.NextRune(s, unitEnd))
}

// percentWords reads 百分之十二 / 百分之12.5.
func (x *extractor) percentWords(s string, i int) (quantity, bool) {
	k := i + len("百分之")
	var v float64
	var end int
	switch {
	case isAnyDigitAt(s, k):
		a, ok := parseArabic(s, k)
		if !ok {
			return quantity{}, false
		}
		v, end = a.val, a.end
	default:
		run := cnRun(s, k)
		if run == "" {
			return quantity{}, false
		}
		var f cnForm
		v, _, f = parseCN(run)
		if run == "百" {
			v, f = 100, cnValue
		}
		if f != cnValue {
			return quantity{}, false
		}
		end = k + len(run)
	}
	u := unitEntry{text: "百分之", base: "％", kind: "percent", factor: 1}
	q := quantity{start: i, numStart: i, val: v, cn: true, rangeSep: -1, unit: u, hasUnit: true, unitStart: i, end: end, numEnd: end}
	x.preQualify(s, &q, -1)
	return q, true
}

// placeholderQuantity turns a numeric placeholder s[i:j] into an unfilled
// quantity with the unit written after it (**亿元, **余篇, **～**％).
func (x *extractor) placeholderQuantity(s string, i, j int) quantity {
	q := quantity{start: i, numStart: i, unfilled: true, rangeSep: -1}
	q.end = x.tail(s, j, &q, false)
	x.preQualify(s, &q, -1)
	if q.hasUnit || q.post != "" {
		return q
	}
	for _, sep := range []string{"～", "—", "-", "至", "到"} {
		if !strings.HasPrefix(s[q.end:], sep) {
			continue
		}
		k := q.end + len(sep)
		m := k
		for m < len(s) && (s[m] == '*' || strings.HasPrefix(s[m:], "＊")) {
			if s[m] == '*' {
				m++
			} else {
				m += len("＊")
			}
		}
		if m == k {
			break
		}
		q2 := quantity{unfilled: true, rangeSep: -1}
		e2 := x.tail(s, m, &q2, false)
		if q2.hasUnit {
			q.rangeSep, q.rangeSepLen = q.end, len(sep)
			q.firstMult = q.mult
			q.unit, q.hasUnit, q.unitStart = q2.unit, true, q2.unitStart
			if q.mult == "" {
				q.mult, q.multVal = q2.mult, q2.multVal
			}
			q.pctSigns = append(q.pctSigns, q2.pctSigns...)
			q.post = q2.post
			q.end = e2
		}
		break
	}
	return q
}

// ---------------------------------------------------------------------------
// Claims.

// claim turns a quantity into a Claim (without metric and relation).
func (x *extractor) claim(q quantity, s string, base int, para segment.Paragraph) Claim {
	doc := x.doc
	sp := segment.Span{Start: base + q.start, End: base + q.end}
	c := Claim{Span: sp, Text: doc.Slice(sp), Unfilled: q.unfilled, Paragraph: para.Number}
	c.Pos = x.position(sp.Start)
	c.EndPos = x.position(sp.End)
	c.Qualifier = joinQual(q.pre, q.mid, q.post)
	if q.hasUnit {
		c.UnitText = s[q.unitStart : q.unitStart+len(q.unit.text)]
		c.Unit = q.unit.base
		c.Kind = q.unit.kind
	}
	if q.mult != "" {
		c.UnitText = q.mult + c.UnitText
	}
	factor := 1.0
	if q.hasUnit {
		factor = q.unit.factor
	}
	if !q.unfilled {
		v := round15(q.val * factor)
		c.Value = &v
		if q.hi > 0 {
			hi := round15(q.hi * factor)
			c.RangeEnd = &hi
		}
	}
	// years, months and days
	if q.hasUnit && !q.unfilled {
		switch q.unit.text {
		case "年", "年度":
			if q.cnYear || q.fourDigits && q.pre == "" && q.mid == "" && q.mult == "" && q.val >= 1900 && q.val <= 2100 && !q.ordinal {
				c.Kind, c.Unit = ClaimYear, "年"
			}
		case "月", "月份":
			if q.mid == "" && q.mult == "" && q.val >= 1 && q.val <= 12 && q.val == math.Trunc(q.val) {
				c.Kind = ClaimMonth
			}
		case "日":
			if strings.HasSuffix(s[:q.start], "月") && q.val >= 1 && q.val <= 31 {
				c.Kind = ClaimDate
			}
		}
	}
	if q.ordinal && c.Kind != ClaimYear {
		c.Kind = ClaimRank
	}
	c.q = q
	c.q.start += base
	c.q.end += base
	c.q.numStart += base
	c.q.numEnd += base
	c.q.unitStart += base
	if c.q.rangeSep >= 0 {
		c.q.rangeSep += base
	}
	for i := range c.q.pctSigns {
		c.q.pctSigns[i] += base
	}
	c.Section = sectionName(doc, sp.Start)
	return c
}

// round15 drops the binary noise of scaling (2.3×1e8 = 229999999.99999997):
// written numbers have at most 15 significant digits.
// maxClaimValue bounds a parsed value: larger numbers (九千万亿亿亿…) are
// not figures of a report, and dropping them keeps every value and any sum
// of values finite.
const maxClaimValue = 1e24

// parseable reports whether the claim's values are finite and in range;
// others are dropped as unparseable.
func (c *Claim) parseable() bool {
	for _, v := range []*float64{c.Value, c.RangeEnd} {
		if v != nil && (math.IsNaN(*v) || math.Abs(*v) > maxClaimValue) {
			return false
		}
	}
	return true
}

func round15(v float64) float64 {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return v // at most 15 digits: exact already
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	if err != nil {
		return v
	}
	return r
}

func sectionName(doc *segment.Document, off int) string {
	if h := doc.HeadingAt(off); h != nil {
		return h.Text(doc)
	}
	return ""
}

func joinQual(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "…")
}

// ---------------------------------------------------------------------------
// Relations and metrics.

type relFlags uint32

const (
	relPart        relFlags = 1 << iota // 其中
	relEach                             // 分别
	relList                             // continues a list: 、**亿元
	relYoY                              // 同比增长, 较上年增长
	relYoYDown                          // 同比下降, 同比减少
	relShare                            // 占…比重, 占比
	relOverTarget                       // 超年度目标3.2亿元: the excess or the target
	relTargetAfter                      // 远超年度30个的目标任务: the number is the target
	relCumulative                       // 累计
	relNew                              // 新增
	relBuilt                            // 新建
	relBreak                            // 突破
	relDone                             // 完成, 实现
	relReach                            // 达到, 达
	relGrowth                           // 增长, 提高 (a change)
	relDecline                          // 下降, 减少 (a change)
	relTo                               // 提高到, 降至 (a new level)
	relFrom                             // 由…, 从…
	relPrevYear                         // 上年, 去年同期 (a base value)
)

var relLabels = []struct {
	f     relFlags
	label string
}{
	{relPart, "其中"}, {relEach, "分别"}, {relCumulative, "累计"}, {relNew, "新增"}, {relBuilt, "新建"}, {relYoY, "同比增长"}, {relYoYDown, "同比减少"},
	{relShare, "占…比重"}, {relOverTarget, "超…目标"}, {relTargetAfter, "超…目标"}, {relBreak, "突破"}, {relDone, "完成"}, {relReach, "达到"},
	{relGrowth, "增长"}, {relDecline, "减少"}, {relTo, "增至"}, {relFrom, "由"}, {relPrevYear, "上年"},
}

// clausePunct ends the words a metric may take.
const clausePunct = "，,；;：:。！？!?、（）()《》【】\n|｜\t"

// yoyWords introduce a year-on-year comparison; the first of the list
// found in the words before a number applies.
var yoyWords = []string{"同比", "较上年同期", "比上年同期", "较上年度", "较上年", "比上年", "较去年同期", "较去年", "比去年", "与上年相比", "与去年相比", "环比"}

// overWords before a number compare it with a target (超…目标).
var overWords = []string{"超额完成", "超过", "远超", "超出", "高于", "超"}

// relExtraWords are the other words relations looks for in the words
// before a number (rw* index them).
var relExtraWords = []string{"其中", "分别", "同比", "占", "占比", "累计", "新增", "净增", "新建", "完成", "实现"}

const (
	rwQizhong = iota
	rwFenbie
	rwTongbi
	rwZhan
	rwZhanbi
	rwLeiji
	rwXinzeng
	rwJingzeng
	rwXinjian
	rwWancheng
	rwShixian
)

// relWordSet finds yoyWords, overWords and relExtraWords in one scan.
var relWordSet = scan.NewWordSet(yoyWords, overWords, relExtraWords)

var (
	upVerbs   = []string{"增长", "增加", "提高", "提升", "上升", "新增", "净增", "增"}
	downVerbs = []string{"下降", "减少", "降低", "回落", "缩减", "压缩", "缩短", "减"}
	toVerbs   = []string{"提升至", "提升到", "提高至", "提高到", "增长至", "增长到", "增加至", "增加到", "上升至", "上升到", "降至", "降到", "下降至", "下降到", "减少至", "减少到", "降低至", "降低到", "压缩至", "压缩到", "缩短至", "缩短到"}
	doneVerbs = []string{"完成", "实现"}
)

// metricTail: relation words stripped from the end of a metric.
var metricTail = []string{
	"同比分别增长", "同比分别下降", "同比分别减少", "同比分别提高", "分别增长", "分别下降", "分别减少", "分别提高", "分别提升", "分别达到", "分别为", "分别达", "分别是",
	"较上年度增长", "较上年度新增", "较上年度减少", "较上年增长", "较上年新增", "较上年减少", "比上年增长", "比上年减少", "较去年增长",
	"同比增长", "同比下降", "同比减少", "同比提高", "同比提升", "同比增加", "同比降低", "环比增长", "环比下降",
	"提升至", "提升到", "提高至", "提高到", "增长至", "增长到", "增加至", "增加到", "上升至", "上升到", "降至", "降到", "下降至", "下降到",
	"累计达到", "累计达", "达到了", "达到", "完成了", "完成", "实现了", "实现", "增长了", "增长", "下降了", "下降", "减少了", "减少",
	"提高了", "提高", "提升了", "提升", "增加了", "增加", "降低了", "降低", "上升", "压缩", "缩短", "突破", "超过", "超出", "远超", "超", "逾", "达",
	"共计", "合计", "总计", "累计", "共有", "共", "为", "是", "有", "约", "近", "了", "分别", "同比", "新增", "新建", "由", "从",
	"连续", "建成", "破", "等", "净增", "仅为", "仅", "只有", "比上年同期", "较上年同期", "较上年度", "较上年", "比上年", "较去年同期", "比去年同期", "较去年", "比去年", "与上年相比", "与去年相比", "同期",
}

// metricTailByLast indexes metricTail by last rune, order kept.
var metricTailByLast = func() map[rune][]string {
	m := map[rune][]string{}
	for _, w := range metricTail {
		r, _ := utf8.DecodeLastRuneInString(w)
		m[r] = append(m[r], w)
	}
	return m
}()

// metricHead: connectors and relation words stripped from the start.
var metricHead = []string{"其中", "较上年度新增", "较上年新增", "累计", "共计", "合计", "总计", "另有", "另", "并且", "并", "且", "同时", "此外", "同比", "新增", "全年共", "共", "等", "和", "及", "与",
	"一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是", "首先", "其次", "再次", "最后"}

// cutVerbs end a metric from the left: 完成投资 → 投资.
var cutVerbs = [...]string{"完成", "实现", "达到", "累计", "新增", "其中", "同比", "共计", "合计", "总计", "增长", "下降", "减少", "提高", "提升", "增加", "降低", "突破"}

var cutVerbSet = scan.NewWordSet(cutVerbs[:])

// metricHeadByFirst indexes metricHead by first rune, order kept.
var metricHeadByFirst = func() map[rune][]string {
	m := map[rune][]string{}
	for _, w := range metricHead {
		r, _ := utf8.DecodeRuneInString(w)
		m[r] = append(m[r], w)
	}
	return m
}()

const maxMetricRunes = 20

// annotate fills sentence, relation and metric of one paragraph's claims.
func (x *extractor) annotate(cs []Claim, para segment.Paragraph) {
	if len(cs) == 0 {
		return
	}
	text := x.doc.Text
	sents := x.doc.Sentences(para.Span)
	si := 0
	for k := range cs {
		c := &cs[k]
		for si < len(sents)-1 && sents[si].End <= c.Start {
			si++
		}
		c.Sentence = para.Span
		if si < len(sents) && sents[si].Start <= c.Start && c.Start < sents[si].End {
			c.Sentence = sents[si]
		}
		var prev *Claim
		leadStart := c.Sentence.Start
		if k > 0 && cs[k-1].Sentence == c.Sentence && cs[k-1].Span.End <= c.Start {
			prev = &cs[k-1]
			leadStart = prev.Span.End
		}
		lead := text[leadStart:c.Start]
		x.relations(c, prev, lead, leadStart)
		x.metric(c, prev, lead, leadStart)
		c.Relation = relLabel(c.rel)
	}
}

func relLabel(f relFlags) string {
	var out []string
	seen := map[string]bool{}
	for _, l := range relLabels {
		if f&l.f != 0 && !seen[l.label] {
			seen[l.label] = true
			out = append(out, l.label)
		}
	}
	return strings.Join(out, "、")
}

// isListJoin: the words between two values of one list.
func isListJoin(s string) bool {
	switch strings.TrimSpace(s) {
	case "、", "和", "与", "及", "以及", "，", ",":
		return true
	}
	return false
}

// relations sets c.rel from the words since the previous claim.
func (x *extractor) relations(c *Claim, prev *Claim, lead string, leadStart int) {
	text := x.doc.Text
	if prev != nil && isListJoin(lead) && (prev.rel&relEach != 0 || strings.TrimSpace(lead) != "，" && strings.TrimSpace(lead) != ",") {
		c.rel = prev.rel&^(relList) | relList
		if prev.group > 0 && strings.TrimSpace(lead) != "，" && strings.TrimSpace(lead) != "," {
			c.group, c.groupLo, c.groupHi, c.groupIdx = prev.group, prev.groupLo, prev.groupHi, prev.groupIdx+1
		} else {
			c.rel &^= relEach
		}
		return
	}
	has := func(w string) int { // index of w in lead at a token boundary, -1 if none
		for off := 0; ; {
			i := strings.Index(lead[off:], w)
			if i < 0 {
				return -1
			}
			i += off
			if x.boundary(leadStart+i) && x.boundary(leadStart+i+len(w)) {
				return i
			}
			off = i + len(w)
		}
	}
	// first offset+1 of each word of relWordSet in lead, 0 when absent:
	// one scan instead of a strings.Index per word
	var first [64]int
	relWordSet.Each(lead, func(off, k int) bool {
		if first[k] == 0 {
			first[k] = off + 1
		}
		return true
	})
	extra := first[len(yoyWords)+len(overWords):]
	if extra[rwQizhong] > 0 && has("其中") >= 0 {
		c.rel |= relPart
	}
	if i := extra[rwFenbie] - 1; i >= 0 {
		c.rel |= relEach
		x.groups++
		c.group = x.groups
		x.subjects(c, prev, lead[:i])
	}
	if k, i := scan.FirstOf(first[:len(yoyWords)]); k >= 0 {
		w := yoyWords[k]
		rest := lead[i+len(w):]
		rest = strings.TrimPrefix(rest, "分别")
		if scan.HasPrefixAny(rest, downVerbs) {
			c.rel |= relYoYDown
		} else if scan.HasPrefixAny(rest, upVerbs) || strings.HasPrefix(rest, "多") {
			c.rel |= relYoY
		} else if strings.HasSuffix(strings.TrimSpace(lead), w) || strings.HasSuffix(lead, w+"为") {
			c.rel |= relPrevYear
		}
	}
	if extra[rwTongbi] == 0 && (strings.HasSuffix(lead, "上年") || strings.HasSuffix(lead, "去年") || strings.HasSuffix(lead, "上年为") ||
		strings.HasSuffix(lead, "去年为") || strings.HasSuffix(lead, "上年同期为") || strings.HasSuffix(lead, "去年同期为") || strings.HasSuffix(lead, "上年同期")) {
		c.rel |= relPrevYear
	}
	if i := extra[rwZhan] - 1; i >= 0 && (strings.Contains(lead[i:], "比重") || strings.Contains(lead[i:], "比例")) || extra[rwZhanbi] > 0 {
		c.rel |= relShare
	}
	if k, i := scan.FirstOf(first[len(yoyWords) : len(yoyWords)+len(overWords)]); k >= 0 {
		rest := lead[i+len(overWords[k]):]
		if strings.Contains(rest, "目标") || strings.Contains(rest, "任务") || strings.Contains(rest, "计划") {
			c.rel |= relOverTarget
		} else if after := text[c.Span.End:min(len(text), c.Span.End+24)]; strings.HasPrefix(after, "的") && targetNounSoon(after) {
			c.rel |= relTargetAfter
		}
	}
	if extra[rwLeiji] > 0 && has("累计") >= 0 {
		c.rel |= relCumulative
	}
	if extra[rwXinzeng] > 0 && has("新增") >= 0 || extra[rwJingzeng] > 0 && has("净增") >= 0 {
		c.rel |= relNew
	}
	if extra[rwXinjian] > 0 && has("新建") >= 0 {
		c.rel |= relBuilt
	}
	tl := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(lead), "了"), "为")
	tl = strings.TrimSuffix(tl, "分别")
	switch {
	case strings.HasSuffix(tl, "突破") || strings.HasSuffix(tl, "破"):
		c.rel |= relBreak
	case scan.HasSuffixAny(tl, toVerbs):
		c.rel |= relTo
	case strings.HasSuffix(tl, "达到") || strings.HasSuffix(tl, "达") && !strings.HasSuffix(tl, "到达") && !strings.HasSuffix(tl, "表达"):
		c.rel |= relReach
	case scan.HasSuffixAny(tl, doneVerbs):
		c.rel |= relDone
	case scan.HasSuffixAny(tl, []string{"增长", "增加", "提高", "提升", "上升"}):
		if c.rel&(relYoY|relYoYDown) == 0 {
			c.rel |= relGrowth
		}
	case scan.HasSuffixAny(tl, []string{"下降", "减少", "降低", "回落", "压缩", "缩短"}):
		if c.rel&(relYoY|relYoYDown) == 0 {
			c.rel |= relDecline
		}
	case strings.HasSuffix(tl, "由") || strings.HasSuffix(tl, "从"):
		c.rel |= relFrom
	}
	if c.rel&(relDone|relReach) == 0 && (extra[rwWancheng] > 0 || extra[rwShixian] > 0) { // doneVerbs
		// 完成投资48.6亿元: the verb opens the clause
		clause := lead
		if i, w := lastClausePunct(clause); i >= 0 {
			clause = clause[i+w:]
		}
		for _, w := range doneVerbs {
			if i := strings.Index(clause, w); i >= 0 && x.boundary(leadStart+len(lead)-len(clause)+i) {
				c.rel |= relDone
				break
			}
		}
	}
}

// lastClausePunct returns the offset and width of the last clausePunct
// rune of s, or -1, 0: strings.LastIndexAny(s, clausePunct) without a
// search of clausePunct per rune.
func lastClausePunct(s string) (int, int) {
	for i := len(s); i > 0; {
		r, w := scan.DecodeLastRune(s[:i])
		i -= w
		if isClausePunct(r) {
			return i, w
		}
	}
	return -1, 0
}

// targetNounSoon: “的工作任务” right after a number makes it a target.
func targetNounSoon(after string) bool {
	n := 0
	for _, r := range after {
		if isClausePunct(r) || n > 8 {
			return false
		}
		n++
		if r == '标' || r == '务' || r == '划' {
			s := after[:strings.IndexRune(after, r)+utf8.RuneLen(r)]
			return strings.HasSuffix(s, "目标") || strings.HasSuffix(s, "任务") || strings.HasSuffix(s, "计划")
		}
	}
	return false
}

// subjects counts the items listed before 分别 (快递业务量、业务收入分别为)
// into c.groupLo..c.groupHi: a count word (两家企业分别) fixes it, else the
// items joined by 、 give the lower bound and 和/与/及 may add more (they
// also occur inside names: 工业和信息化局). A clause without a list inherits
// the count of an earlier 分别 list in the same sentence (…，同比分别增长).
func (x *extractor) subjects(c *Claim, prev *Claim, before string) {
	clause := before
	if i := strings.LastIndexAny(clause, "，,；;：:。"); i >= 0 {
		_, w := utf8.DecodeRuneInString(clause[i:])
		clause = clause[i+w:]
	}
	if prev != nil && clause == before && prev.group == 0 {
		// the clause began before the previous claim: a count word such as
		// 两家企业分别, 3个领域分别 is that claim
		if prev.Kind == "count" && prev.RangeEnd == nil && prev.Value != nil && *prev.Value >= 2 && *prev.Value <= 20 &&
			*prev.Value == math.Trunc(*prev.Value) && prev.Qualifier == "" && !strings.ContainsAny(before, clausePunct) {
			c.groupLo, c.groupHi = int(*prev.Value), int(*prev.Value)
		}
		return
	}
	for _, cnt := range []string{"两", "二", "三", "四", "五", "六", "七", "八", "九", "十"} {
		for _, u := range []string{"个", "家", "项", "类", "所", "座", "条", "名", "位", "种", "批", "场", "款", "件", "方面"} {
			if strings.Contains(clause, cnt+u) {
				v, _, _ := parseCN(cnt)
				c.groupLo, c.groupHi = int(v), int(v)
				return
			}
		}
	}
	lo := 1 + strings.Count(clause, "、")
	hi := lo
	for _, sep := range []string{"和", "与", "及"} {
		hi += strings.Count(clause, sep)
	}
	hi -= strings.Count(clause, "以及") // counted once by 及
	if strings.Contains(clause, "等") {
		hi = math.MaxInt32 // 教育、卫生等支出分别…: the list is open
	}
	if hi >= 2 {
		c.groupLo, c.groupHi = lo, hi
		c.groupSubjects = splitSubjects(clause)
		return
	}
	if prev != nil && prev.group > 0 && prev.groupLo > 0 {
		c.groupLo, c.groupHi, c.groupSubjects = prev.groupLo, prev.groupHi, prev.groupSubjects
	}
}

func splitSubjects(clause string) []string {
	var out []string
	for _, p := range strings.Split(clause, "、") {
		for _, sep := range []string{"以及", "和", "与", "及"} {
			for {
				i := strings.Index(p, sep)
				if i <= 0 {
					break
				}
				out = append(out, p[:i])
				p = p[i+len(sep):]
			}
		}
		out = append(out, p)
	}
	return out
}

// metric sets c.Metric: the words before the number back to the clause
// start, without the relation words next to the number (增长, 达到, 分别为)
// and cut after an earlier relation verb (完成投资 → 投资).
func (x *extractor) metric(c *Claim, prev *Claim, lead string, leadStart int) {
	if c.rel&relList != 0 && prev != nil {
		c.Metric, c.MetricSpan, c.inherited = prev.Metric, prev.MetricSpan, true
		if c.group > 0 && c.groupIdx < len(prev.groupSubjects) {
			c.groupSubjects = prev.groupSubjects
			c.Metric = strings.TrimSpace(c.groupSubjects[c.groupIdx])
			c.MetricSpan, c.inherited = segment.Span{}, false
		} else if c.group > 0 {
			c.groupSubjects = prev.groupSubjects
		}
		return
	}
	switch c.Kind {
	case ClaimYear, ClaimMonth, ClaimDate:
		return
	}
	if c.group > 0 && len(c.groupSubjects) > 0 {
		c.Metric = strings.TrimSpace(c.groupSubjects[0])
		return
	}
	body := lead
	if strings.HasSuffix(body, "）") || strings.HasSuffix(body, ")") {
		// 地区生产总值（GDP）86.4亿元: a note in brackets before the number
		if i := strings.LastIndexAny(body, "（("); i > 0 {
			body = body[:i]
		}
	}
	start := 0
	if i, w := lastClausePunct(body); i >= 0 {
		start = i + w
	}
	m := body[start:]
	mStart := leadStart + start
	if row := x.doc.Text[c.Sentence.Start:c.Sentence.End]; strings.TrimSpace(m) == "" && strings.HasPrefix(row, "|") {
		// a Markdown table cell measures its row's first cell; columns
		// are periods or scopes, so the claim is not compared (inherited)
		if cell, _, ok := strings.Cut(row[1:], "|"); ok && strings.TrimSpace(cell) != "" {
			t := strings.TrimSpace(cell)
			at := c.Sentence.Start + 1 + strings.Index(cell, t)
			c.Metric, c.MetricSpan, c.inherited = t, segment.Span{Start: at, End: at + len(t)}, true
			return
		}
	}
	if strings.TrimSpace(m) == "" {
		// nothing before the number in its clause: a list goes on
		// (…亿元、*项获奖…), else the subject follows (新增**家企业获评)
		if prev != nil && strings.HasSuffix(strings.TrimSpace(lead), "、") {
			c.Metric, c.MetricSpan, c.inherited = prev.Metric, prev.MetricSpan, true
			return
		}
		x.metricAfter(c)
		return
	}
	end := len(m)
	for changed := true; changed; {
		changed = false
		t := strings.TrimRight(m[:end], " \t")
		end = len(t)
		last, _ := scan.DecodeLastRune(t)
		for _, w := range metricTailByLast[last] {
			if strings.HasSuffix(t, w) && x.boundary(mStart+end-len(w)) {
				end -= len(w)
				changed = true
				break
			}
		}
		if c.Kind == ClaimRank {
			for _, w := range rankScopes {
				if strings.HasSuffix(m[:end], w) {
					end -= len(w)
					changed = true
				}
			}
			for _, w := range rankVerbs {
				if strings.HasSuffix(m[:end], w) {
					end -= len(w)
					changed = true
					break
				}
			}
		}
	}
	m = m[:end]
	for changed := true; changed; {
		changed = false
		r, _ := utf8.DecodeRuneInString(m)
		for _, w := range metricHeadByFirst[r] {
			if strings.HasPrefix(m, w) && x.boundary(mStart+len(w)) {
				m, mStart = m[len(w):], mStart+len(w)
				changed = true
				break
			}
		}
	}
	cut := 0
	var last [len(cutVerbs)]int // last occurrence of each, +1
	cutVerbSet.Each(m, func(off, k int) bool { last[k] = off + 1; return true })
	for k, w := range cutVerbs {
		if i := last[k] - 1; i >= 0 && i+len(w) > cut && i+len(w) < len(m) && x.boundary(mStart+i) && x.boundary(mStart+i+len(w)) &&
			!strings.ContainsRune("值率量额幅速", scan.NextRune(m, i+len(w))) {
			cut = i + len(w)
		}
	}
	m, mStart = m[cut:], mStart+cut
	// at most maxMetricRunes, cut at a token boundary
	for utf8.RuneCountInString(m) > maxMetricRunes {
		_, w := utf8.DecodeRuneInString(m)
		m, mStart = m[w:], mStart+w
		for m != "" && !x.boundary(mStart) {
			_, w := utf8.DecodeRuneInString(m)
			m, mStart = m[w:], mStart+w
		}
	}
	trimmed := strings.TrimLeft(m, " \t\"'")
	mStart += len(m) - len(trimmed)
	m = strings.TrimRight(trimmed, " \t\"'的“‘")
	if strings.Count(m, "“") != strings.Count(m, "”") {
		if t := strings.TrimLeft(m, "“"); t != m {
			mStart += len(m) - len(t)
			m = t
		}
		m = strings.TrimRight(m, "”")
	}
	if strings.Trim(m, "*＊") == "" || c.rel&(relOverTarget|relTargetAfter) != 0 {
		m = ""
	}
	if m == "" {
		if prev != nil {
			c.Metric, c.MetricSpan, c.inherited = prev.Metric, prev.MetricSpan, true
		} else {
			x.metricAfter(c)
		}
		return
	}
	c.Metric = m
	c.MetricSpan = segment.Span{Start: mStart, End: mStart + len(m)}
}

// metricAfter takes the nouns right after the claim as its metric when no
// words precede it: 新增**家企业获评 → 企业. It needs tokens.
func (x *extractor) metricAfter(c *Claim) {
	i := x.tokenAt(c.Span.End)
	if i < 0 || x.tokens[i].Span.Start != c.Span.End {
		return
	}
	start, end := c.Span.End, c.Span.End
	for n := 0; i < len(x.tokens) && n < 4; i, n = i+1, n+1 {
		t := &x.tokens[i]
		if !strings.HasPrefix(t.POS, "n") && t.POS != "vn" || strings.ContainsAny(t.Text, clausePunct) {
			break
		}
		end = t.Span.End
	}
	if end > start {
		c.Metric = x.doc.Text[start:end]
		c.MetricSpan = segment.Span{Start: start, End: end}
	}
}
