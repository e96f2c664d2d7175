// Package genre finds slips of genre (文种) in a report: a 报告 that asks
// for approval, forms of address that do not fit the reader, and relative
// time words that lose their meaning once the report is filed.
package genre

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/lazy"
	"github.com/reportlint/reportlint/internal/textrun"
	"github.com/reportlint/reportlint/segment"
)

// Hit is one finding.
type Hit = textrun.Hit

// Options tell what kind of report the text is.
type Options struct {
	Profile string // profile id: duty-report, annual-summary, government-work, or "" (a report of unknown kind)
	Upward  bool   // the report goes to a superior body
	Dated   bool   // the date of the report is known from outside the text (metadata); the text's own date also counts
	// Tokens, when given, are the segmentation of the text; a relative time
	// word then counts only where a token starts with it (not 项目前期).
	Tokens []segment.Token
}

const stdRule = "《党政机关公文处理工作条例》第十五条"

// requestWords ask for approval, which a 报告 must not do (条例 第十五条).
var requestWords = []string{"请批示", "妥否", "当否", "请审批", "请批准", "请予批准", "请予审批", "请批复", "请予批复", "请审示"}

// addressUnits follow 你/贵 in a form of address (你局, 贵单位).
var addressUnits = []string{"单位", "公司", "局", "处", "厅", "委", "部", "办", "院", "司", "所", "中心", "校", "市", "县", "区", "省", "府", "科", "室", "站"}

// addressLead may stand before a form of address.
const addressLead = "向对请经与同和给据照为在由致复报送于及将把被据按"

// Detect returns the genre slips in text, in text order.
func Detect(text string, opt Options) []Hit {
	return DetectRunes(text, func() *textrun.Text { return textrun.New(text) }, opt)
}

// DetectRunes is Detect with the text decoded by runes, called only when
// there is something to look for (a shared decoding; it must return a View
// of its own).
func DetectRunes(text string, runes func() *textrun.Text, opt Options) []Hit {
	if !opt.Upward && opt.Profile != "government-work" && !containsAny(text, relWords) && !containsAny(text, requestWords) {
		return nil // nothing to look for: skip decoding the text
	}
	t := runes()
	mask := &lineMask{t: t} // quotations and titles stay silent
	// requests and relativeTime find nothing without their words
	hits := requests(t, mask)
	if opt.Upward {
		hits = append(hits, address(t, mask)...)
	}
	if opt.Profile == "government-work" {
		hits = append(hits, salutation(t)...)
	}
	if h, ok := relativeTime(t, mask, func() bool { return opt.Dated || dated(text) }, opt.Tokens); ok {
		hits = append(hits, h)
	}
	sortHits(hits)
	return hits
}

// lineMask is textrun.NewMask(t, 2) built for the lines asked about only
// (most runes never are): no masked span crosses a line break, so a line's
// mask is the mask of the line alone (FuzzLineMask holds it to the whole
// text's).
type lineMask struct {
	t          *textrun.Text
	start, end int // runes of the line built; end before its '\n'
	m          textrun.Mask
	built      bool
}

// at reports whether rune i is masked.
func (lm *lineMask) at(i int) bool {
	if i < 0 || i >= lm.t.Len() {
		return false
	}
	if !lm.built || i < lm.start || i >= lm.end {
		lm.start, lm.end = lm.t.LineBounds(i)
		lm.m = textrun.NewMask(textrun.New(lm.t.Str(lm.start, lm.end)), 2)
		lm.built = true
		if i >= lm.end {
			return false // the '\n' itself
		}
	}
	return lm.m[i-lm.start]
}

// any reports whether a rune in [i, j) is masked.
func (lm *lineMask) any(i, j int) bool {
	for k := max(i, 0); k < j && k < lm.t.Len(); k++ {
		if lm.at(k) {
			return true
		}
	}
	return false
}

func sortHits(h []Hit) {
	for i := 1; i < len(h); i++ {
		for j := i; j > 0 && h[j].Span.Start < h[j-1].Span.Start; j-- {
			h[j], h[j-1] = h[j-1], h[j]
		}
	}
}

// titleLine reports a line that is a title or heading about a 请示 (关于请示……).
func titleLine(t *textrun.Text, i int) bool {
	return t.LineTest(i, "request-title", func(line string) bool {
		return strings.Contains(line, "请示") && (strings.Contains(line, "关于") || !strings.ContainsAny(line, "，。；"))
	})
}

func requests(t *textrun.Text, mask *lineMask) []Hit {
	var hits []Hit
	n := t.Len()
	for i := 0; i < n; i++ {
		switch t.R[i] {
		case '请', '妥', '当': // the first runes of requestWords
		default:
			continue
		}
		w := t.PrefixAny(i, requestWords)
		if w == "" {
			continue
		}
		k := len([]rune(w))
		if mask.any(i, i+k) || titleLine(t, i) {
			i += k - 1
			continue
		}
		prev := t.At(i - 1)
		if w[0:3] == "请" && strings.ContainsRune("报提呈申经须需应待送并", prev) {
			i += k - 1
			continue // 报请批准: the body is named, not asked
		}
		if (w == "妥否" || w == "当否") && textrun.Han(prev) && !strings.ContainsRune("上下述", prev) {
			i += k - 1
			continue // 是否妥否? only the closing formula 妥否，请批示
		}
		hits = append(hits, Hit{Span: t.Span(i, i+k), Rule: "genre.request", Certain: true, Standard: stdRule,
			Message: fmt.Sprintf("报告中不得夹带请示事项：“%s”是请示的结束语，报告应以“特此报告”等结束；需要批复的事项应另行请示", w)})
		i += k - 1
	}
	return hits
}

func address(t *textrun.Text, mask *lineMask) []Hit {
	var hits []Hit
	n := t.Len()
	for i := 0; i < n; i++ {
		r := t.R[i]
		if r != '你' && r != '贵' {
			continue
		}
		j := i + 1
		if r == '你' && t.At(j) == '们' {
			j++
		}
		u := t.PrefixAny(j, addressUnits)
		if u == "" || mask.at(i) {
			continue
		}
		end := j + len([]rune(u))
		if strings.ContainsRune("长级属", t.At(end)) {
			continue // 你局长, 贵市级: not the body itself
		}
		if p := t.At(i - 1); textrun.Han(p) && !strings.ContainsRune(addressLead, p) {
			continue // 珍贵部分, 宝贵意见
		}
		w := t.Str(i, end)
		hits = append(hits, Hit{Span: t.Span(i, end), Rule: "genre.address", Certain: true,
			Message: fmt.Sprintf("上行报告中称呼“%s”不妥：“你”“贵”用于下行或平行文，向上级机关报告应直称机关名称或简称", w)})
		i = end - 1
	}
	return hits
}

// salutations finds the salutations that open a line, as
// (?m)^[ \t\x{3000}]*(同志们|各位代表)[：:] would, without a regexp pass
// over the whole text: each word is looked for, then its line checked.
func salutations(s, w string) []segment.Span {
	var out []segment.Span
	for off := 0; ; {
		k := strings.Index(s[off:], w)
		if k < 0 {
			return out
		}
		k += off
		off = k + len(w)
		if lineOpens(s, k) && (strings.HasPrefix(s[off:], "：") || strings.HasPrefix(s[off:], ":")) {
			out = append(out, segment.Span{Start: k, End: off})
		}
	}
}

// lineOpens reports whether only blanks (space, tab, U+3000) stand between
// the start of k's line and k.
func lineOpens(s string, k int) bool {
	for k > 0 {
		switch {
		case s[k-1] == ' ' || s[k-1] == '\t':
			k--
		case strings.HasSuffix(s[:k], "\u3000"):
			k -= len("\u3000")
		default:
			return s[k-1] == '\n'
		}
	}
	return true
}

// salutation reports a 政府工作报告 that opens 同志们 while it says 各位代表 later.
func salutation(t *textrun.Text) []Hit {
	// a line opens with one salutation at most: the first of all must be
	// 同志们, and every 各位代表 comes after it
	tz := salutations(t.S, "同志们")
	if len(tz) == 0 {
		return nil
	}
	later := salutations(t.S, "各位代表")
	if len(later) == 0 || later[0].Start < tz[0].Start {
		return nil
	}
	return []Hit{{Span: tz[0], Rule: "genre.address", Certain: true, Suggestion: "各位代表",
		Message: "政府工作报告开头称呼“同志们”与后文“各位代表”不一致：向人民代表大会作报告，开头称呼应为“各位代表”", Related: later}}
}

// dateLine matches a line that is only a date (the 成文日期 or signature) or a subtitle ——2026年1月25日在…….
var dateLine = lazy.Regexp(`(?m)^[ \t\x{3000}]*(?:——.{0,20})?(?:\d{4}|[〇零一二三四五六七八九]{4})年(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日`)

// dated reports whether the text carries its own date: dateLine is tried
// on the lines whose first rune may begin it only (it cannot match across a
// line break).
func dated(text string) bool {
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if r, _ := utf8.DecodeRuneInString(text[start:end]); dateLead(r) && dateLine().MatchString(text[start:end]) {
			return true
		}
		start = end + 1
	}
	return false
}

// dateLead reports whether a line beginning with r may match dateLine.
func dateLead(r rune) bool {
	switch r {
	case ' ', '\t', '\u3000', '—', '〇', '零', '一', '二', '三', '四', '五', '六', '七', '八', '九':
		return true
	}
	return r >= '0' && r <= '9'
}

var relWords = []string{"近日", "日前", "目前"}

// relativeTime lists the relative time words once per report (info).
// known tells whether the report's date is known; it is asked once a
// word is found.
func relativeTime(t *textrun.Text, mask *lineMask, known func() bool, toks []segment.Token) (Hit, bool) {
	asked := false
	// tokAt returns the text of the token starting at byte off ("" when
	// none; the last of several, as a map by start would). Offsets come in
	// increasing order, so a cursor keeps it linear without a map (a map of
	// every token was 10× the input's size on a huge file).
	k := 0
	tokAt := func(off int) string {
		for k < len(toks) && toks[k].Span().Start < off {
			k++
		}
		s := ""
		for j := k; j < len(toks) && toks[j].Span().Start == off; j++ {
			s = toks[j].Text
		}
		return s
	}
	var spans []segment.Span
	var lines []string
	seen := map[int]bool{}
	words := map[string]bool{}
	for i := 0; i < t.Len(); i++ {
		var w string
		switch next := t.At(i + 1); t.R[i] { // relWords
		case '近':
			if next == '日' {
				w = "近日"
			}
		case '日':
			if next == '前' {
				w = "日前"
			}
		case '目':
			if next == '前' {
				w = "目前"
			}
		}
		if w == "" {
			continue
		}
		if !asked {
			if !known() {
				return Hit{}, false
			}
			asked = true
		}
		if mask.at(i) {
			continue
		}
		if w == "目前" && t.HasSuffix(i, "截至") || w == "日前" && t.HasSuffix(i, "月") {
			continue // 截至目前 still needs a date, but is a separate wording; 3月5日前 is a deadline
		}
		if w == "日前" && (textrun.Digit(t.At(i-1)) || strings.ContainsRune("节假生作周每当平末次翌同昨今明前两三十廿个一二四五六七八九百千念", t.At(i-1))) {
			continue // 5日前, 春节假日前, 工作日前: not “recently”
		}
		if w == "目前" && (strings.ContainsRune("项节题科栏账帐数名书眉条剧曲纲细品心耳盲面要", t.At(i-1)) || strings.ContainsRune("期提", t.At(i+2))) {
			continue // 项目前期, 节目前
		}
		if toks != nil && !strings.HasPrefix(tokAt(t.Off(i)), w) {
			continue
		}
		if w == "近日" && strings.ContainsRune("接靠临贴逼将最", t.At(i-1)) {
			continue // 接近日均
		}
		spans = append(spans, t.Span(i, i+2))
		words[w] = true
		if l := t.Line(i); !seen[l] && len(lines) < 12 {
			seen[l] = true
			lines = append(lines, strconv.Itoa(l))
		}
		i++
	}
	if len(spans) == 0 {
		return Hit{}, false
	}
	var ws []string
	for _, w := range relWords {
		if words[w] {
			ws = append(ws, "“"+w+"”")
		}
	}
	more := ""
	if len(seen) > len(lines) {
		more = "等"
	}
	return Hit{Span: spans[0], Rule: "genre.relative-time", Info: true,
		Message: fmt.Sprintf("报告存档后%s等相对时间词失去参照（共%d处，见第%s行%s）：可写明具体日期或时段，如“截至×年×月”", strings.Join(ws, ""), len(spans), strings.Join(lines, "、"), more),
		Related: spans[1:]}, true
}

// containsAny reports whether s contains one of words (a cheap pre-check
// before the rune scans).
func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
