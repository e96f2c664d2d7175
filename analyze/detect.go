package analyze

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/reportlint/reportlint/lexicon"
)

// yearInTitle finds a year before 年: 2022年, ２０２２年, 二〇二二年, and for
// a range (2021—2023年度) the last year.
var yearInTitle = regexp.MustCompile(`(?:(?:19|20|１９|２０)[0-9０-９]{2}|二[〇○零OＯ0０][〇○零OＯ0０一二三四五六七八九]{2})` +
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

// detect settles the report's profile and year from options or content.
func (a *Analysis) detect(opt Options, res *Result) {
	if opt.Profile != "" {
		for i := range a.Lex.Profiles {
			if a.Lex.Profiles[i].ID == opt.Profile {
				a.Profile = &a.Lex.Profiles[i]
				res.ProfileFrom = "flag"
			}
		}
	} else {
		a.Profile, res.ProfileFrom = detectProfile(a)
	}
	if a.Profile != nil {
		res.Profile, res.ProfileName = a.Profile.ID, a.Profile.Name
	}
	if opt.Year > 0 {
		a.Year, res.YearFrom = opt.Year, "flag"
	} else {
		a.Year, res.YearFrom = detectYear(a)
	}
	res.Year = a.Year
}

// detectProfile picks the profile whose title words occur in the title, or
// failing that in the opening paragraphs; the longest match wins.
func detectProfile(a *Analysis) (*lexicon.Profile, string) {
	doc := a.Doc
	title := doc.Slice(doc.Title)
	if p := bestProfile(a, title); p != nil {
		return p, "title"
	}
	var head strings.Builder
	for i, p := range doc.Paragraphs {
		if i >= 3 {
			break
		}
		head.WriteString(doc.Slice(p.Span))
	}
	if p := bestProfile(a, head.String()); p != nil {
		return p, "content"
	}
	return nil, ""
}

func bestProfile(a *Analysis, s string) *lexicon.Profile {
	var best *lexicon.Profile
	bestLen := 0
	for i := range a.Lex.Profiles {
		p := &a.Lex.Profiles[i]
		for _, w := range p.TitleWords {
			if len(w) > bestLen && strings.Contains(s, w) {
				best, bestLen = p, len(w)
			}
		}
	}
	return best
}

// detectYear reads the year from the title (2022年度…), else from the first
// paragraphs: there the latest year counts, since an opening such as
// “自2020年任现职以来” names an earlier year than the report's.
func detectYear(a *Analysis) (int, string) {
	doc := a.Doc
	if m := yearInTitle.FindString(doc.Slice(doc.Title)); m != "" {
		return parseYear(m), "title"
	}
	best := 0
	for i, p := range doc.Paragraphs {
		if i >= 3 {
			break
		}
		for _, m := range yearInTitle.FindAllString(doc.Slice(p.Span), -1) {
			best = max(best, parseYear(m))
		}
	}
	if best > 0 {
		return best, "content"
	}
	return 0, ""
}
