package analyze

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/lazy"
	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

// yearInTitle finds a year before 年: 2022年, ２０２２年, 二〇二二年, and for
// a range (2021—2023年度) the last year.
var yearInTitle = lazy.Regexp(`(?:(?:19|20|１９|２０)[0-9０-９]{2}|二[〇○零OＯ0０][〇○零OＯ0０一二三四五六七八九]{2})` +
	`(?:\s*(?:—|–|-|－|~|～|至|到)\s*(?:(?:19|20|１９|２０)[0-9０-９]{2}|二[〇○零OＯ0０][〇○零OＯ0０一二三四五六七八九]{2}))?\s*年`)

var yearDigits = strings.NewReplacer("〇", "0", "○", "0", "零", "0", "O", "0", "Ｏ", "0", "０", "0",
	"一", "1", "１", "1", "二", "2", "２", "2", "三", "3", "３", "3", "四", "4", "４", "4",
	"五", "5", "５", "5", "六", "6", "６", "6", "七", "7", "７", "7", "八", "8", "８", "8", "九", "9", "９", "9")

// parseYear reads the (last) year of a yearInTitle match.
func parseYear(m string) int {
	s := yearDigits.Replace(m)
	var digits []byte
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			digits = append(digits, s[i])
		}
	}
	if len(digits) < 4 {
		return 0
	}
	y, _ := strconv.Atoi(string(digits[len(digits)-4:]))
	return y
}

// Confidence says how sure a detection is.
type Confidence string

// Confidences: certain (a flag, a title word, a meeting line), likely (the
// report's own opening formulas), guess (a title word found only in the body
// or a word many genres share). Checks that require parts of a genre stay
// silent on a guess.
const (
	Certain Confidence = "certain"
	Likely  Confidence = "likely"
	Guess   Confidence = "guess"
)

// detect settles the report's profile and year from options or content.
func (a *Analysis) detect(opt Options, res *Result) {
	op := openingOf(a.Doc)
	if opt.Profile != "" {
		for i := range a.Lex.Profiles {
			if a.Lex.Profiles[i].ID == opt.Profile {
				a.Profile = &a.Lex.Profiles[i]
				res.ProfileFrom, a.ProfileConfidence, res.ProfileReason = "flag", Certain, "由参数指定"
			}
		}
	} else {
		a.Profile, res.ProfileFrom, a.ProfileConfidence, res.ProfileReason = detectProfile(a, op)
	}
	if a.Profile != nil {
		res.Profile, res.ProfileName = a.Profile.ID, a.Profile.Name
		res.ProfileConfidence = a.ProfileConfidence
	} else {
		a.ProfileConfidence, res.ProfileReason = "", ""
	}
	if opt.Year > 0 {
		a.Year, res.YearFrom, a.YearConfidence = opt.Year, "flag", Certain
	} else {
		a.Year, res.YearFrom, a.YearConfidence = detectYear(a, op)
	}
	if a.Profile != nil && a.Profile.ID == "government-work" && a.Year > 0 {
		// A 政府工作报告 is delivered in its year and reviews the year
		// before it, or the five years before it at the end of a term.
		a.Delivered = a.Year
		a.Period = [2]int{a.Year - 1, a.Year - 1}
		if op.fiveYears {
			a.Period[0] = a.Year - 5
		}
	} else if a.Year > 0 {
		a.Period = [2]int{a.Year, a.Year}
	}
	res.Year, res.YearConfidence, res.Delivered, res.Period = a.Year, a.YearConfidence, a.Delivered, a.Period
	if a.Year == 0 {
		res.YearConfidence = ""
	}
}

// opening is what the first lines of a report say about its genre and date.
type opening struct {
	text        string // the opening paragraphs, joined
	meetingYear int    // ——2026年1月20日在某省第十四届人民代表大会第四次会议上
	meeting     bool   // a meeting line (with or without its date)
	deputies    bool   // 各位代表
	toCongress  bool   // 向大会报告工作 / 向大会作政府工作报告
	fiveYears   bool   // 过去五年 / 五年来 / 本届政府 in the review heading or opening
}

var (
	meetingLine = lazy.Regexp(`(?:(?:19|20)[0-9]{2}|二[〇○零][〇○零一二三四五六七八九]{2})年[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}日\s*在.{0,60}?人民代表大会.{0,30}?会议上`)
	meetingBare = lazy.Regexp(`在.{0,60}?人民代表大会.{0,30}?会议上`)
	toCongress  = lazy.Regexp(`代表.{0,30}?(?:人民政府|国务院|管委会|管理委员会|政府).{0,4}?向大会(?:作|做)?.{0,4}?(?:报告|汇报)`)
	// A review of a whole term: a paragraph opening 过去五年 / 五年来, a heading
	// “十四五”时期工作回顾 or 2025年工作回顾和“十四五”发展主要成就.
	fiveYearOpen   = lazy.Regexp(`^(过去(的)?五年|五年来)`)
	fiveYearReview = lazy.Regexp(`过去(的)?五年|(十[一二三四五六七八九]五”?(时期)?|五年).{0,16}(回顾|成就|成绩)`)
	yearOfDate     = lazy.Regexp(`^(?:(?:19|20)[0-9]{2}|二[〇○零][〇○零一二三四五六七八九]{2})`)
)

// openingParas bounds the look at a report's opening.
const openingParas = 24

func openingOf(doc *segment.Document) opening {
	var op opening
	var b strings.Builder
	for i, p := range doc.Paragraphs {
		if i >= openingParas || b.Len() > 6000 {
			break
		}
		s := doc.Slice(p.Span)
		if utf8.RuneCountInString(s) > 300 {
			// the first 300 runes as []rune(s)[:300] gives them, without
			// converting a whole (possibly huge) paragraph
			rs := make([]rune, 0, 300)
			for _, r := range s {
				if len(rs) == 300 {
					break
				}
				rs = append(rs, r)
			}
			s = string(rs)
		}
		b.WriteString(s)
		b.WriteByte('\n')
		// Each pattern holds a literal that is tested first, so that a
		// report without it (any but a 政府工作报告) never compiles the
		// pattern: the bounded repeats make these slow to compile.
		if strings.Contains(s, "人民代表大会") {
			if m := meetingLine().FindString(s); m != "" && op.meetingYear == 0 {
				op.meetingYear = parseYear(yearOfDate().FindString(m) + "年")
				op.meeting = true
			}
			if meetingBare().MatchString(s) {
				op.meeting = true
			}
		}
		if strings.HasPrefix(strings.TrimLeft(s, " 　"), "各位代表") {
			op.deputies = true
		}
		if strings.Contains(s, "向大会") && toCongress().MatchString(s) {
			op.toCongress = true
		}
		if t := strings.TrimLeft(s, " 　"); strings.Contains(t, "五") &&
			(fiveYearOpen().MatchString(t) || utf8.RuneCountInString(t) <= 30 && fiveYearReview().MatchString(t)) {
			op.fiveYears = true // a paragraph opening 过去五年, or a short unnumbered heading
		}
	}
	for _, h := range doc.Headings {
		if t := doc.Slice(h.Title); h.Level == 1 && strings.Contains(t, "五") && fiveYearReview().MatchString(t) {
			op.fiveYears = true
		}
	}
	op.text = b.String()
	return op
}

// government reports whether the opening is that of a 政府工作报告.
func (op opening) government() bool {
	return op.meeting && (op.deputies || op.toCongress) || op.deputies && op.toCongress
}

// genericTitleWords name many genres: alone they are a guess.
var genericTitleWords = map[string]bool{"工作报告": true, "工作情况报告": true, "工作情况的报告": true}

// detectProfile picks the profile from the title's words, the report's
// opening formulas (各位代表 … 向大会报告工作; the meeting line), or failing
// both, title words in the opening paragraphs; the longest word wins.
func detectProfile(a *Analysis, op opening) (*lexicon.Profile, string, Confidence, string) {
	doc := a.Doc
	gov := profileByID(a.Lex, "government-work")
	title := doc.Slice(doc.Title)
	if p, w := bestProfile(a, title); p != nil {
		switch {
		case !genericTitleWords[w]:
			return p, "title", Certain, "标题含“" + w + "”"
		case gov != nil && op.government():
			return gov, "content", Certain, "标题含“" + w + "”，开头为向人民代表大会所作的报告"
		case strings.Contains(title, "政府") || strings.Contains(title, "管委会") || strings.Contains(title, "管理委员会"):
			return p, "title", Guess, "标题只含“" + w + "”，文种不确定"
		default:
			return p, "title", Guess, "标题只含通用的“" + w + "”，文种不确定"
		}
	}
	if gov != nil && op.government() {
		why := "开头有“各位代表”和“向大会报告”"
		if op.meeting {
			why = "开头有人民代表大会会议的说明"
		}
		if op.meeting && op.deputies && op.toCongress {
			return gov, "content", Certain, why + "，并有“各位代表”“向大会报告”"
		}
		return gov, "content", Likely, why
	}
	var head strings.Builder
	for i, p := range doc.Paragraphs {
		if i >= 3 {
			break
		}
		head.WriteString(doc.Slice(p.Span))
	}
	if p, w := bestProfile(a, head.String()); p != nil {
		return p, "content", Guess, "正文开头含“" + w + "”"
	}
	return nil, "", "", ""
}

func bestProfile(a *Analysis, s string) (*lexicon.Profile, string) {
	var best *lexicon.Profile
	word := ""
	for i := range a.Lex.Profiles {
		p := &a.Lex.Profiles[i]
		for _, w := range p.TitleWords {
			if len(w) > len(word) && strings.Contains(s, w) {
				best, word = p, w
			}
		}
	}
	return best, word
}

// detectYear reads the report's year. For a 政府工作报告 it is the year the
// report is delivered: the meeting line's date, the title's year, or the
// year after the review heading's (一、2025年工作回顾 → 2026) or the plan
// heading's (三、2026年重点工作). Otherwise it is the year reported on: the
// title's, else the latest year of the first paragraphs (an opening such as
// “自2020年任现职以来” names an earlier year than the report's).
func detectYear(a *Analysis, op opening) (int, string, Confidence) {
	doc := a.Doc
	gov := a.Profile != nil && a.Profile.ID == "government-work"
	if gov && op.meetingYear > 0 {
		return op.meetingYear, "meeting", Certain
	}
	if m := yearInTitle().FindString(doc.Slice(doc.Title)); m != "" {
		return parseYear(m), "title", Certain
	}
	if gov {
		if y := headingYear(doc); y > 0 {
			return y, "heading", Likely
		}
	}
	best := 0
	for i, p := range doc.Paragraphs {
		if i >= 3 {
			break
		}
		for _, m := range yearInTitle().FindAllString(doc.Slice(p.Span), -1) {
			best = max(best, parseYear(m))
		}
	}
	if best > 0 {
		return best, "content", Guess
	}
	return 0, "", ""
}

// headingYear infers a 政府工作报告's year from its top-level headings: the
// review (the first) names the year before, later parts the year itself.
func headingYear(doc *segment.Document) int {
	first, later := 0, 0
	n := 0
	for _, h := range doc.Headings {
		if h.Level != 1 {
			continue
		}
		n++
		if n > 6 {
			break
		}
		y := 0
		for _, m := range yearInTitle().FindAllString(doc.Slice(h.Title), -1) {
			y = max(y, parseYear(m))
		}
		switch {
		case y == 0:
		case n == 1:
			first = y + 1
		case later == 0 || y < later:
			later = y
		}
	}
	if first > 0 {
		return first
	}
	return later
}

func profileByID(lex *lexicon.Lexicon, id string) *lexicon.Profile {
	for i := range lex.Profiles {
		if lex.Profiles[i].ID == id {
			return &lex.Profiles[i]
		}
	}
	return nil
}
