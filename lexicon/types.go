// Package lexicon holds reportlint's domain data: political formulations,
// report-type profiles, dated events, fixed terms, units and wording rules.
// The built-in data is embedded YAML; users merge their own files over it.
package lexicon

// Lexicon is the merged data every check reads. It is read-only once loaded.
type Lexicon struct {
	Formulations []Formulation `yaml:"formulations"`
	Profiles     []Profile     `yaml:"profiles"`
	Events       []Event       `yaml:"events"`
	Terms        []Term        `yaml:"terms"`
	Units        []Unit        `yaml:"units"`
	Words        []WordRule    `yaml:"words"`
	Typos        []TypoList    `yaml:"typos"` // see typos.go
	Lists        []WordList    `yaml:"lists"`

	// Disable lists ids (of any kind) a user file removes from the merged
	// lexicon. It is empty in a merged lexicon.
	Disable []string `yaml:"disable,omitempty"`

	disableRefs []string // file:line of each Disable item
}

// Formulation is a fixed political formulation such as 四个意识.
type Formulation struct {
	ID      string   `yaml:"id"`
	Text    string   `yaml:"text"`              // canonical short form, e.g. 四个意识
	Members []string `yaml:"members,omitempty"` // canonical members in order
	Ordered bool     `yaml:"ordered,omitempty"` // member order is fixed
	Partial bool     `yaml:"partial,omitempty"` // citing some members only is normal usage
	Aliases []string `yaml:"aliases,omitempty"` // other texts that count as the formulation (八项规定)
	Wrong   []Wrong  `yaml:"wrong,omitempty"`   // known wrong forms
	Since   string   `yaml:"since,omitempty"`   // YYYY-MM introduced
	// SinceUncertain: sources disagree on an earlier date, so Since gates
	// the requirement only and never makes a citation an anachronism.
	SinceUncertain bool     `yaml:"since_uncertain,omitempty"`
	Changed        []Change `yaml:"changed,omitempty"` // wording changes over time
	Severity       string   `yaml:"severity,omitempty"`
	Source         string   `yaml:"source,omitempty"`
	Disabled       bool     `yaml:"disabled,omitempty"`
	SourceRef      string   `yaml:"-"` // file:line where defined
}

// Wrong is a known wrong form with its correction.
type Wrong struct {
	Text       string `yaml:"text"`
	Correction string `yaml:"correction"`
	Note       string `yaml:"note,omitempty"`
	Severity   string `yaml:"severity,omitempty"` // overrides the formulation's
	Since      string `yaml:"since,omitempty"`    // YYYY-MM from which the form is wrong; empty: always
}

// Change records that a formulation's wording changed on a date.
type Change struct {
	Date string `yaml:"date"` // YYYY-MM
	Old  string `yaml:"old"`
	New  string `yaml:"new"`
	Note string `yaml:"note,omitempty"`
}

// Profile describes what one report type requires.
type Profile struct {
	ID           string    `yaml:"id"`
	Name         string    `yaml:"name"`
	TitleWords   []string  `yaml:"title_words"`  // words in a title that select this profile
	Formulations []string  `yaml:"formulations"` // required formulation ids
	Sections     []Section `yaml:"sections"`     // required sections in usual order
	Disabled     bool      `yaml:"disabled,omitempty"`
	SourceRef    string    `yaml:"-"`

	refs []string // file:line of each Formulations item
}

// Section is a required section recognised by heading keywords.
type Section struct {
	ID       string   `yaml:"id"`
	Name     string   `yaml:"name"`
	Keywords []string `yaml:"keywords"`
	Optional bool     `yaml:"optional,omitempty"`
}

// Event is a dated term or meeting used for anachronism checks.
type Event struct {
	ID        string   `yaml:"id"`
	Names     []string `yaml:"names"`
	Date      string   `yaml:"date"` // YYYY-MM or YYYY-MM-DD
	Note      string   `yaml:"note,omitempty"`
	Disabled  bool     `yaml:"disabled,omitempty"`
	SourceRef string   `yaml:"-"`
}

// Term is a fixed expression: a domain word the segmenter keeps whole, and
// when Numeral is set, a numeral expression that is not a numeric claim
// (二十大, 两个确立, 三会一课, 十四五).
type Term struct {
	ID        string `yaml:"id"`
	Text      string `yaml:"text"`
	Numeral   bool   `yaml:"numeral,omitempty"`
	Disabled  bool   `yaml:"disabled,omitempty"`
	SourceRef string `yaml:"-"`
}

// Unit is a unit or measure word for numeric claims (亿元, 万个, 家, ％).
type Unit struct {
	ID        string  `yaml:"id"`
	Text      string  `yaml:"text"`           // as written, e.g. 亿元
	Base      string  `yaml:"base,omitempty"` // normalised unit, e.g. 元
	Factor    float64 `yaml:"factor,omitempty"`
	Kind      string  `yaml:"kind,omitempty"` // money, count, percent, multiple, rank, time, measure
	Disabled  bool    `yaml:"disabled,omitempty"`
	SourceRef string  `yaml:"-"`
}

// WordList is a named list of domain words a check reads (measure words,
// range units, words that are not units). A user file that defines a list
// with an existing id adds its words to the list; disabled removes it.
type WordList struct {
	ID        string   `yaml:"id"`
	Use       string   `yaml:"use,omitempty"`    // what reads it and how
	Source    string   `yaml:"source,omitempty"` // where the words come from
	Words     []string `yaml:"words"`
	Disabled  bool     `yaml:"disabled,omitempty"`
	SourceRef string   `yaml:"-"`
}

// Built-in list ids.
const (
	ListMeasureWords = "measure-words" // follow a missing quantity (**亿元, **个)
	ListNotMeasure   = "not-measure"   // begin with a measure word but name something (**期间)
	ListRangeUnits   = "range-units"   // may follow the second number of a range (3-5年)
	ListNotUnit      = "not-unit"      // begin with a unit character but are nouns or verbs (3人民)
)

// List returns the words of list id, longest first so a prefix scan finds
// the longest entry (nil when the list is unknown).
func (l *Lexicon) List(id string) []string {
	for i := range l.Lists {
		if l.Lists[i].ID == id {
			return l.Lists[i].Words
		}
	}
	return nil
}

// WordRule is a commonly misused word with its correction (截止目前 → 截至目前).
type WordRule struct {
	ID         string `yaml:"id"`
	Wrong      string `yaml:"wrong"` // literal text
	Correction string `yaml:"correction"`
	Note       string `yaml:"note,omitempty"`
	Severity   string `yaml:"severity,omitempty"`
	Disabled   bool   `yaml:"disabled,omitempty"`
	SourceRef  string `yaml:"-"`
}
