package analyze

// Result is everything reportlint knows about one document: what printers see.
type Result struct {
	Path        string
	Format      string
	Encoding    string
	Profile     string // profile id, "" when none detected
	ProfileName string
	ProfileFrom string // "title", "content", "flag", "config"
	// ProfileConfidence is certain, likely or guess; ProfileReason says why (Chinese).
	ProfileConfidence Confidence
	ProfileReason     string
	Year              int
	YearFrom          string // "title", "meeting", "heading", "content", "flag"
	YearConfidence    Confidence
	Delivered         int    // a 政府工作报告's delivery year, else 0
	Period            [2]int // years reviewed, first and last; zero when unknown
	Chars             int
	Paragraphs        int
	Text              string // the decoded text all offsets index, for printers that show it (html)

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
