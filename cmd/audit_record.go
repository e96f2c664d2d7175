package cmd

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/crossref"
	"github.com/reportlint/reportlint/internal/lazy"
	"github.com/reportlint/reportlint/similar"
)

// auditRecord is what the per-file stage makes of one file, and one line of
// `audit --emit jsonl`: the summary row, the findings (for json and html),
// the copy-detection signature and the figures to compare across reports.
// It never holds the text. A one-process audit makes the same records and
// merges them exactly as `audit --merge` does.
type auditRecord struct {
	Kind    string `json:"kind"` // auditRecordKind
	Version int    `json:"version"`
	Path    string `json:"path"`
	// Error is the reason the file has no results (Chinese, without the
	// path); OverLimit marks the processing limits (超出处理限制).
	Error     string `json:"error,omitempty"`
	OverLimit bool   `json:"over_limit,omitempty"`
	// Changed says (in Chinese) that the file changed or disappeared while
	// it was audited: its results are those of the copy that was read.
	Changed     string             `json:"changed,omitempty"`
	Format      string             `json:"format,omitempty"`
	Profile     string             `json:"profile,omitempty"`
	ProfileName string             `json:"profile_name,omitempty"`
	Year        int                `json:"year,omitempty"`
	Chars       int                `json:"chars,omitempty"`
	Bytes       int64              `json:"bytes,omitempty"`
	Counts      auditJSONCounts    `json:"counts"`
	Missing     []string           `json:"missing,omitempty"`
	Findings    []jsonFinding      `json:"findings,omitempty"`
	Signature   *similar.Signature `json:"signature,omitempty"`
	Claims      []crossref.Claim   `json:"claims,omitempty"`

	// print stands for Signature in a one-process audit: the Print the
	// merger would rebuild from it (similar.Print.Compact), never written.
	print *similar.Print
}

const (
	auditRecordKind    = "reportlint-audit-file"
	auditRecordVersion = 1
)

// newRecord reduces a result to its record (without signature).
func newRecord(r *analyze.Result, showSuppressed bool) *auditRecord {
	rec := &auditRecord{Kind: auditRecordKind, Version: auditRecordVersion, Path: r.Path, Format: r.Format,
		Profile: r.Profile, ProfileName: r.ProfileName, Year: r.Year, Chars: r.Chars}
	for _, s := range r.Sections {
		if s.Status == analyze.StatusMissing {
			rec.Missing = append(rec.Missing, s.Name)
		}
	}
	for _, fs := range r.Formulations {
		if fs.Status == analyze.StatusMissing {
			rec.Missing = append(rec.Missing, fs.Text)
		}
	}
	c := &rec.Counts
	c.Errors, c.Warnings, c.Infos = severityCounts(r.Findings)
	c.Suppressed, c.Placeholders, c.Missing = r.Suppressed, len(r.Placeholders), len(rec.Missing)
	var kept []analyze.Finding
	for _, x := range r.Findings {
		if x.Suppressed {
			if showSuppressed {
				kept = append(kept, x)
			}
			continue
		}
		switch {
		case x.Rule == "structure.section-missing": // counted in Missing
		case x.Group == analyze.GroupStructure:
			c.Structure++
		case x.Group == analyze.GroupConsistency:
			c.Consistency++
		}
		kept = append(kept, x)
	}
	if len(kept) > 0 {
		// the check command's finding format, reused as is
		rec.Findings = toJSONReport([]*analyze.Result{{Path: r.Path, Findings: kept}}).Files[0].Findings
	}
	rec.Claims = crossClaims(r)
	return rec
}

// crossClaims is the one adapter between analyze's numeric claims and
// crossref: every field audit reads from a claim is read here (claims may
// move to their own package). Only plain annual actuals are kept: a filled
// money or count figure with a plain relation (no growth, share, part or
// target), in a
// sentence that names no other period, target or plan, of a report whose
// year is known. Unsure means left out.
func crossClaims(r *analyze.Result) []crossref.Claim {
	if r.Year == 0 {
		return nil
	}
	period := strconv.Itoa(r.Year) + "年"
	area, org := titleScope(r.Text)
	var out []crossref.Claim
	for _, c := range r.Numbers {
		if c.Value == nil || c.Unfilled || c.RangeEnd != nil || !plainRelation(c.Relation) || c.Metric == "" ||
			(c.Kind != "money" && c.Kind != "count") || math.IsInf(*c.Value, 0) || math.IsNaN(*c.Value) {
			continue
		}
		sentence := ""
		if c.Sentence.Start >= 0 && c.Sentence.End <= len(r.Text) && c.Sentence.Start < c.Sentence.End {
			sentence = r.Text[c.Sentence.Start:c.Sentence.End]
		}
		if sentence == "" || !onlyPeriod(sentence, r.Year) {
			continue
		}
		// A 述职报告 tells one official's share of the work: only
		// area-wide totals and named indicators speak for more.
		if r.Profile == "duty-report" && !areaMetric(c.Metric) && !namedIndicator(c.Metric) {
			continue
		}
		value, unit := writtenValue(*c.Value, c.Unit, c.UnitText)
		// A department's report speaks for the department, except of
		// figures the metric itself makes area-wide (全市…).
		scope := area
		if org != "" && !areaMetric(c.Metric) {
			scope = area + org
		}
		out = append(out, crossref.Claim{File: r.Path, Metric: c.Metric, Scope: scope, Unit: unit, Period: period,
			Value: value, Qualifier: c.Qualifier, Line: c.Pos.Line, Col: c.Pos.Col, Excerpt: claimExcerpt(sentence)})
	}
	return singleValued(out)
}

// areaMetric: a metric that names an area-wide total by its first word.
func areaMetric(m string) bool {
	for _, p := range []string{"全市", "全省", "全区", "全县", "全州", "全盟", "全旗", "全镇", "全乡"} {
		if strings.HasPrefix(m, p) {
			return true
		}
	}
	return false
}

func namedIndicator(m string) bool {
	for _, ind := range crossref.DefaultIndicators {
		if strings.Contains(m, ind) {
			return true
		}
	}
	return false
}

// singleValued drops the claims of a metric the report itself gives
// different values for: it is not one quantity (several projects, several
// parts), so comparing it with other reports would be a guess.
func singleValued(cs []crossref.Claim) []crossref.Claim {
	type key struct{ m, s, u string }
	vals := map[key]float64{}
	bad := map[key]bool{}
	for _, c := range cs {
		k := key{c.Metric, c.Scope, c.Unit}
		if v, ok := vals[k]; ok && v != c.Value {
			bad[k] = true
		}
		vals[k] = c.Value
	}
	out := cs[:0]
	for _, c := range cs {
		if !bad[key{c.Metric, c.Scope, c.Unit}] {
			out = append(out, c)
		}
	}
	return out
}

// plainRelation: relations that leave a figure the year's own amount
// (新建1200个, 完成35亿元, 达到…); a growth, share, part, target or base
// value is something else.
func plainRelation(rel string) bool {
	if rel == "" {
		return true
	}
	for _, r := range strings.Split(rel, "、") {
		switch r {
		case "新增", "新建", "完成", "达到":
		default:
			return false
		}
	}
	return true
}

// notAnnual are words that make a figure something else than the year's
// actual: a target, a plan, part of a year, a total over several years.
var notAnnual = []string{"计划", "目标", "预计", "力争", "争取", "预期", "拟", "将", "上半年", "下半年", "季度", "月",
	"以来", "累计", "十四五", "十三五", "五年", "同期", "去年", "上年", "前年", "明年", "今后", "到20"}

var yearRe = lazy.Regexp(`(?:19|20)\d\d\s*年`)

// onlyPeriod reports whether a sentence speaks of the report year only.
func onlyPeriod(s string, year int) bool {
	for _, w := range notAnnual {
		if strings.Contains(s, w) {
			return false
		}
	}
	for _, y := range yearRe().FindAllString(s, -1) {
		if strings.TrimSpace(strings.TrimSuffix(y, "年")) != strconv.Itoa(year) {
			return false
		}
	}
	return true
}

// writtenValue undoes the multiplier of a unit as written (万元 → 元), so
// that crossref sees the precision the report wrote.
func writtenValue(v float64, unit, written string) (float64, string) {
	for _, m := range []struct {
		p string
		f float64
	}{{"万亿", 1e12}, {"亿", 1e8}, {"万", 1e4}} {
		if strings.HasPrefix(written, m.p) && strings.TrimPrefix(written, m.p) == unit {
			w, err := strconv.ParseFloat(strconv.FormatFloat(v/m.f, 'g', 12, 64), 64)
			if err == nil {
				return w, written
			}
		}
	}
	return v, unit
}

func claimExcerpt(s string) string {
	s = strings.Join(strings.Fields(s), "")
	if utf8.RuneCountInString(s) > 40 {
		r := []rune(s)
		s = string(r[:40]) + "…"
	}
	return s
}

// The area a report speaks for is named at the head of its first lines:
// 临江市财政局2024年工作总结, 2024年度安平市教育体育局…述职报告,
// ——2025年1月10日在安阳区第十七届人民代表大会…
var (
	scopeLead = lazy.Regexp(`^[\s—-]*(?:(?:19|20)\d\d\s*年度?(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?)?\s*在?`)
	scopeArea = lazy.Regexp(`^(\p{Han}{2,6}?(?:省|自治区|自治州|市|县|区|旗))[\p{Han}\d]`)
	scopeOrg  = lazy.Regexp(`^(\p{Han}{1,12}?(?:局|委员会|委|办公室|办|中心|院|厅|署|所|站|队|馆|公司|集团))`)
)

// titleScope is the area the report's first lines name and the
// organisation after it (临江市, 财政局), or "".
func titleScope(text string) (area, org string) {
	for n := 0; n < 3 && text != ""; {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		n++
		if len(line) > 300 {
			continue
		}
		line = scopeLead().ReplaceAllString(line, "")
		if m := scopeArea().FindStringSubmatch(line); m != nil {
			if o := scopeOrg().FindStringSubmatch(line[len(m[1]):]); o != nil {
				org = o[1]
			}
			return m[1], org
		}
	}
	return "", ""
}
