package analyze

import "github.com/reportlint/reportlint/segment"

// Result is everything reportlint knows about one document: what printers see.
type Result struct {
	Path        string
	Format      string
	Encoding    string
	Profile     string // profile id, "" when none detected
	ProfileName string
	ProfileFrom string // "title", "content", "flag", "config"
	Year        int
	YearFrom    string
	Chars       int
	Paragraphs  int
	Text        string // the decoded text all offsets index, for printers that show it (html)

	Findings     []Finding
	Placeholders []Placeholder
	Formulations []FormulationStatus
	Sections     []SectionStatus
	Numbers      []Claim
	Completeness []SectionCompleteness
	Suppressed   int
	Err          error // the file could not be read
}

// Status values of the completeness table.
const (
	StatusPresent   = "present"
	StatusMissing   = "missing"
	StatusMalformed = "malformed"
	StatusOrder     = "out-of-order"
)

// FormulationStatus is one row of the completeness table: a formulation the
// profile requires, and whether and where the report has it.
type FormulationStatus struct {
	ID      string `json:"id"`
	Text    string `json:"text"`
	Status  string `json:"status"`
	Line    int    `json:"line,omitempty"`
	Count   int    `json:"count"`
	Message string `json:"message,omitempty"`
}

// SectionStatus is one required section and whether the report has it.
type SectionStatus struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Status   string `json:"status"`
	Line     int    `json:"line,omitempty"`
	Heading  string `json:"heading,omitempty"` // the heading or opening words that matched
	Optional bool   `json:"optional,omitempty"`
	Message  string `json:"message,omitempty"`
}

// SectionCompleteness summarises numeric slots and placeholders in one
// top-level section.
type SectionCompleteness struct {
	Section      string  `json:"section"`
	Line         int     `json:"line"`
	NumericSlots int     `json:"numeric_slots"`
	Filled       int     `json:"filled"`
	Placeholders int     `json:"placeholders"`
	Percent      float64 `json:"percent_complete"`
}

// Claim is one numeric claim: a number (or an unfilled slot) with its unit.
type Claim struct {
	segment.Span
	Pos        segment.Pos `json:"-"`
	EndPos     segment.Pos `json:"-"`
	Text       string      // original text: 100％, 10余个, **亿元
	Value      *float64    // as written times multiplier; nil when unfilled
	Unit       string      // normalised unit: 元, ％, 个
	UnitText   string      // unit as written: 亿元
	Qualifier  string      // 余 多 近 超 约 左右 以上 …
	Metric     string      // what it measures, from the words before it
	Relation   string      // 同比增长, 超…目标, 累计, 其中, 分别为, 占…比重
	Kind       string      // money, count, percent, multiple, rank, year, month, date, range …
	Unfilled   bool
	RangeEnd   *float64 // upper bound of a range (9—10月)
	Section    string
	Paragraph  int
	Sentence   segment.Span `json:"-"`
	MetricSpan segment.Span `json:"-"`

	q         quantity // how the number was written (number check)
	rel       relFlags
	inherited bool // Metric was taken from the claim before
	group     int  // 分别 list id (1-based), 0 when none
	groupLo   int  // number of subjects of the 分别 list (at least), 0 when unknown
	groupHi   int  // … at most (和 may join two subjects or sit inside a name)
	groupIdx  int  // position in the 分别 list

	groupSubjects []string
}
