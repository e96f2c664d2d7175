package claims

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/analyze/internal/scan"
	"github.com/reportlint/reportlint/internal/utf8x"

	"github.com/reportlint/reportlint/segment"
)

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
	midQualifiers  = []string{"余", "多"}
	preQualifiers  = []string{"将近", "接近", "大约", "超过", "不到", "不足", "至少", "最多", "多达", "高达", "近", "约", "超", "逾"}
	postQualifiers = []string{"左右", "以上", "以内", "以下", "有余", "上下"}
)

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
	mult        uint8   // multipliers (1-based, 0 none)
	styleMult   bool    // 千/百/十 next to digits (3千万)
	compound    bool    // two multipliers: 3亿4千万
	cn          bool
	cnYear      bool
	unfilled    bool
	full, half  bool // digit widths used
	decimals    int
	fourDigits  bool
	pre, mid    uint8 // qualifiers: 近… (preQualifiers), 余/多 (midQualifiers), 1-based, 0 none
	post        uint8 // postQualifiers
	unit        unitEntry
	hasUnit     bool
	unitStart   int
	ordinal     bool // 第 precedes
	rangeSep    int  // byte offset of the range separator, -1 when none
	rangeSepLen int
	firstUnit   bool   // the first number of a range carries the unit
	firstMult   uint8  // multiplier written on the first number of a range
	pct         [2]int // offsets of ％/% signs (npct of them)
	npct        int
}

// addPct records a ％/% sign (one per number, a range has two).
func (q *quantity) addPct(off int) {
	if q.npct < len(q.pct) {
		q.pct[q.npct] = off
		q.npct++
	}
}

// extractor holds per-document state.
type extractor struct {
	doc      *segment.Document
	tb       *numTables
	tokens   []segment.Token
	skip     []segment.Span // heading markers
	comments []segment.Span
	groups   int32 // 分别 lists seen
	tokHint  int   // the last answer of tokenAt
	rel      relScan

	posOff int            // the last offset position answered, -1 when none
	pos    segment.Pos    // … and its answer
	floats []float64      // a chunk the claims' values point into
	labels []relLabel     // RelLabel answers seen in this document
	sents  []segment.Span // sentences' buffer
}

type relLabel struct {
	rel   Rel
	label string
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
	after := func(i int) bool { return ts[i].Span().End > off }
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
		if ts[i].Span().Start <= off {
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
	return i < 0 || x.tokens[i].Span().Start == off
}

// paragraph appends the claims of one paragraph.
func (x *extractor) paragraph(out []Claim, para segment.Paragraph, phs []Blank) []Claim {
	base := para.Span.Start
	s := x.doc.Text[base:para.Span.End]
	title, quote := 0, 0
	pi := 0
	cr := claimRunes()
	for i := 0; i < len(s); {
		off := base + i
		if pi < len(phs) && phs[pi].Start <= off {
			ph := phs[pi]
			pi++
			if ph.Start < off { // overlapped by a previous claim
				continue
			}
			if ph.Number {
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
		stop := len(s)
		if pi < len(phs) {
			stop = min(stop, phs[pi].Start-base)
		}
		if j := skipToClaimRune(s, i, stop, cr); j > i {
			i = j // nothing below looks at the runes skipped
			continue
		}
		r, w := utf8x.DecodeRune(s, i)
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
	if !q.hasUnit && q.mult == 0 && !hasCue(s, q.start) {
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
	for i, m := range midQualifiers {
		if strings.HasPrefix(s[j:], m) {
			k := j + len(m)
			if strings.HasPrefix(s[k:], "万") || strings.HasPrefix(s[k:], "亿") {
				q.mid = uint8(i + 1)
				j = k
			}
			break
		}
	}
	// multiplier, possibly compound (3亿4千万)
	total, cur := 0.0, q.val
	lastMult := math.Inf(1)
	for {
		mi := x.multAt(s, j, lastMult, cn)
		if mi == 0 {
			break
		}
		m := multipliers[mi-1]
		if q.mult == 0 {
			q.mult = mi
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
		if x.multAt(s, a.end, lastMult, false) == 0 {
			break
		}
		cur = a.val
		j = a.end
	}
	if q.mult != 0 {
		q.val = total
		if q.hi > 0 {
			q.hi *= multVal(q.mult)
		}
	}
	if q.mid == 0 {
		for i, m := range midQualifiers {
			if strings.HasPrefix(s[j:], m) {
				if _, ok := x.tb.unitAt(s[j+len(m):]); ok && !x.notUnitAt(s, j+len(m)) {
					q.mid = uint8(i + 1)
					j += len(m)
				}
				break
			}
		}
	}
	if u, ok := x.tb.unitAt(s[j:]); ok && !x.notUnitAt(s, j) {
		q.unit, q.hasUnit, q.unitStart = u, true, j
		if u.text == "％" || u.text == "%" {
			q.addPct(j)
		}
		j += len(u.text)
	}
	for i, p := range postQualifiers {
		if strings.HasPrefix(s[j:], p) {
			if p == "上下" && (!q.hasUnit || strings.HasPrefix(s[j+len(p):], "游")) {
				break
			}
			q.post = uint8(i + 1)
			j += len(p)
			break
		}
	}
	return j
}

// multAt returns the multiplier at s[j:] smaller than below: 1 + its
// index in multipliers, 0 when none.
func (x *extractor) multAt(s string, j int, below float64, cn bool) uint8 {
	if u, isUnit := x.tb.unitAt(s[j:]); isUnit && !strings.HasPrefix(u.text, "万") && !strings.HasPrefix(u.text, "亿") {
		return 0 // 千米, 百分点
	}
	if strings.HasPrefix(s[j:], "百分") || strings.HasPrefix(s[j:], "十分") || strings.HasPrefix(s[j:], "千方") {
		return 0
	}
	for i, m := range multipliers {
		if !strings.HasPrefix(s[j:], m.text) || m.val >= below {
			continue
		}
		if cn && m.text != "万" && m.text != "亿" {
			continue
		}
		if (m.text == "千" || m.text == "百" || m.text == "十") && !multFollows(s, j+len(m.text), x.tb) {
			continue
		}
		return uint8(i + 1)
	}
	return 0
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
	return x.tb.notUnitAt(s[j:])
}

// preQualify extends q backwards over a qualifier (近, 约, 超过…) and 第.
func (x *extractor) preQualify(s string, q *quantity, base int) {
	before := s[:q.start]
	if strings.HasSuffix(before, "第") {
		q.ordinal = true
		q.start -= len("第")
		return
	}
	for pi, p := range preQualifiers {
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
		q.pre = uint8(pi + 1)
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
	if sepLen == 0 || q.post != 0 {
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
	if (sep == "-" || sep == "~" || sep == "到" || sep == "至") && !q2.hasUnit && q2.mult == 0 {
		return
	}
	if q.hasUnit && q2.hasUnit && q.unit.base != q2.unit.base {
		return
	}
	if q.hasUnit && !q2.hasUnit {
		return // 3年—5 is not a range
	}
	if q2.pre != 0 {
		return
	}
	// the range takes the second number's unit and multiplier
	q.rangeSep, q.rangeSepLen = j, sepLen
	q.firstUnit = q.hasUnit
	q.firstMult = q.mult
	if q.mult == 0 && q2.mult != 0 {
		q.val *= multVal(q2.mult)
		q.mult = q2.mult
	}
	q.hi = q2.val
	q.unit, q.hasUnit, q.unitStart = q2.unit, q2.hasUnit, q2.unitStart
	if q.mid == 0 {
		q.mid = q2.mid
	}
	q.post = q2.post
	q.full = q.full || q2.full
	q.half = q.half || q2.half
	q.styleMult = q.styleMult || q2.styleMult
	for _, off := range q2.pct[:q2.npct] {
		q.addPct(off)
	}
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
		if ti >= 0 && x.tokens[ti].Span().Start != base+i {
			return false
		}
		tj := x.tokenAt(base + unitEnd - 1)
		if tj >= 0 && x.tokens[tj].Span().End > base+unitEnd {
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
	if q.hasUnit || q.post != 0 {
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
			if q.mult == 0 {
				q.mult = q2.mult
			}
			for _, off := range q2.pct[:q2.npct] {
				q.addPct(off)
			}
			q.post = q2.post
			q.end = e2
		}
		break
	}
	return q
}
