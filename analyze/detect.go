package analyze

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/reportlint/reportlint/lexicon"
)

var yearInTitle = regexp.MustCompile(`((?:19|20)\d\d)\s*年`)

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
// paragraphs.
func detectYear(a *Analysis) (int, string) {
	doc := a.Doc
	if m := yearInTitle.FindStringSubmatch(doc.Slice(doc.Title)); m != nil {
		y, _ := strconv.Atoi(m[1])
		return y, "title"
	}
	for i, p := range doc.Paragraphs {
		if i >= 3 {
			break
		}
		if m := yearInTitle.FindStringSubmatch(doc.Slice(p.Span)); m != nil {
			y, _ := strconv.Atoi(m[1])
			return y, "content"
		}
	}
	return 0, ""
}
