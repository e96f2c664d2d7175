package cmd

import (
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/internal/lazy"
)

// HTML output: one self-contained page (inline CSS and JS, no external
// resources), escaped by html/template. A Content-Security-Policy allows
// only the page's own style and script, by hash, so even text that slipped
// through escaping could neither run script nor load anything.

//go:embed assets/report.html.tmpl
var htmlTemplateText string

//go:embed assets/report.css
var htmlCSS string

//go:embed assets/report.js
var htmlJS string

// htmlTemplate is parsed on first use, not at start: only -f html needs it.
var htmlTemplate = lazy.Value(func() *template.Template {
	return template.Must(template.New("report").Parse(htmlTemplateText))
})

// htmlCSP is computed once, on first use, from the embedded style and script.
var htmlCSP = lazy.Value(func() string {
	return "default-src 'none'; style-src " + cspHash(htmlCSS) + "; script-src " + cspHash(htmlJS) +
		"; img-src 'none'; base-uri 'none'; form-action 'none'"
})

func cspHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

type htmlPage struct {
	Title    string
	CSS      template.CSS
	JS       template.JS
	CSP      string
	Version  string
	Files    []*htmlFile
	Errors   int
	Warnings int
	Infos    int
	Failed   int
}

type htmlFile struct {
	ID           string
	Path         string
	Err          string
	Profile      string
	Year         string
	Chars        int
	Errors       int
	Warnings     int
	Infos        int
	Suppressed   int
	Hidden       int    // unsuppressed findings below --min-severity: counted, not listed
	MinSeverity  string // --min-severity, for that note
	Requirements []htmlRequirement
	Checked      bool // the placeholder check ran
	Placeholders []htmlPlaceholder
	Completeness []htmlCompleteness
	Numbers      []*htmlItem
	Items        []*htmlItem
	Lines        []htmlLine
}

type htmlRequirement struct {
	Kind, Name, Status, StatusClass, Line, Note string
}

type htmlCompleteness struct {
	Section                                string
	Slots, Filled, Unfilled, NamesAndDates int
	Percent                                string
	Ratio                                  float64
	Meter                                  bool // something to fill: show the bar
	Complete                               bool
	Total                                  bool
}

type htmlPlaceholder struct {
	ID, Pos, Kind, Unit, Excerpt, Section string
}

type htmlItem struct {
	ID, Sev, SevLabel, Pos, Check, Rule, Message, Suggestion, Section, Text, Reason string
	Group, Title                                                                    string // filter label (Chinese group), rule title
	Suppressed                                                                      bool
	Related                                                                         []htmlRelated
}

type htmlRelated struct {
	ID, Pos, Text, Message string
}

type htmlLine struct {
	N    int
	Segs []htmlSeg
}

// htmlSeg is a run of text covered by the same findings, or (Text empty)
// an anchor point where findings start.
type htmlSeg struct {
	Text    string
	Anchors []string
	Class   string // "" plain, "m e|w|i", "m sup", "rel"
	Title   string
	Refs    string // ids of the findings covering the run
	Caret   bool   // a zero-length finding stands here
}

func sevClass(s analyze.Severity) string {
	switch s {
	case analyze.Error:
		return "e"
	case analyze.Warning:
		return "w"
	}
	return "i"
}

func posLabel(line, col int) string { return strconv.Itoa(line) + ":" + strconv.Itoa(col) }

// toHTMLPage builds the page; ran names the checks that ran (nil: all),
// title gives a rule's Chinese description (nil: none).
// view carries what --min-severity left out.
func toHTMLPage(results []*analyze.Result, ran map[string]bool, title func(string) string, view printOptions) *htmlPage {
	page := &htmlPage{CSS: template.CSS(htmlCSS), JS: template.JS(htmlJS), CSP: htmlCSP(), Version: toolVersion(), Title: htmlTitle(results)}
	for n, r := range results {
		hf := &htmlFile{ID: "f" + strconv.Itoa(n+1), Path: r.Path}
		page.Files = append(page.Files, hf)
		if r.Err != nil {
			hf.Err = resultErrLabel(r)
			page.Failed++
			continue
		}
		hf.Profile = "未识别"
		if r.Profile != "" {
			hf.Profile = r.ProfileName + "（" + r.Profile + "）"
		}
		hf.Year = "未识别"
		if r.Year > 0 {
			hf.Year = strconv.Itoa(r.Year)
		}
		hf.Chars = r.Chars
		hf.Errors, hf.Warnings, hf.Infos = severityCounts(r.Findings)
		if h := view.hidden[r]; h != nil { // counted like the terminal header, listed below
			hf.Errors, hf.Warnings, hf.Infos = hf.Errors+h[analyze.Error], hf.Warnings+h[analyze.Warning], hf.Infos+h[analyze.Info]
			hf.Hidden, hf.MinSeverity = h[0]+h[1]+h[2], view.minSeverity
		}
		hf.Suppressed = r.Suppressed
		page.Errors += hf.Errors
		page.Warnings += hf.Warnings
		page.Infos += hf.Infos
		for _, s := range r.Sections {
			hf.Requirements = append(hf.Requirements, htmlRequirement{"章节", s.Name, statusLabel(s.Status), s.Status, lineLabel(s.Line), firstNonEmpty(s.Message, s.Heading)})
		}
		for _, f := range r.Formulations {
			hf.Requirements = append(hf.Requirements, htmlRequirement{"提法", f.Text, statusLabel(f.Status), f.Status, lineLabel(f.Line), firstNonEmpty(f.Message, countLabel(f.Count))})
		}
		hf.Checked = ran == nil || ran[placeholderName]
		for i, p := range r.Placeholders {
			hf.Placeholders = append(hf.Placeholders, htmlPlaceholder{hf.ID + "-p" + strconv.Itoa(i+1), posLabel(p.Pos.Line, p.Pos.Col),
				kindLabel(p.Kind), p.Unit, p.Excerpt, p.Section})
		}
		hf.Completeness = htmlCompletenessRows(completenessOf(r))
		for i, f := range r.Findings {
			it := &htmlItem{ID: hf.ID + "-" + strconv.Itoa(i+1), Sev: sevClass(f.Severity), SevLabel: f.Severity.Chinese(),
				Pos: posLabel(f.Pos.Line, f.Pos.Col), Check: f.Check, Rule: f.Rule, Message: f.Message, Suggestion: f.Suggestion,
				Section: f.Section, Text: f.Text, Suppressed: f.Suppressed, Reason: f.Reason, Group: f.Group.Chinese()}
			if title != nil {
				it.Title = title(f.Rule)
			}
			for j, rel := range f.Related {
				it.Related = append(it.Related, htmlRelated{it.ID + "-r" + strconv.Itoa(j+1), posLabel(rel.Pos.Line, rel.Pos.Col), rel.Text, rel.Message})
			}
			hf.Items = append(hf.Items, it)
			if f.Group == analyze.GroupConsistency {
				hf.Numbers = append(hf.Numbers, it)
			}
		}
		hf.Lines = htmlLines(r.Text, r.Findings, hf.Items)
	}
	return page
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

func htmlCompletenessRows(parts []partCompleteness) []htmlCompleteness {
	var out []htmlCompleteness
	for i, c := range parts {
		h := htmlCompleteness{Section: c.Section, Slots: c.NumberSlots, Filled: c.Filled, Unfilled: c.UnfilledNumbers,
			NamesAndDates: c.UnfilledNames, Percent: c.percentLabel(), Complete: c.Complete, Total: i == len(parts)-1}
		if c.Percent != nil {
			h.Meter, h.Ratio = true, *c.Percent/100
		}
		out = append(out, h)
	}
	return out
}

// htmlTitle names the file(s) in the page title.
func htmlTitle(results []*analyze.Result) string {
	switch len(results) {
	case 0:
		return "reportlint 审阅报告"
	case 1:
		return filepath.Base(results[0].Path) + " — reportlint 审阅报告"
	}
	return fmt.Sprintf("%s 等 %d 个文件 — reportlint 审阅报告", filepath.Base(results[0].Path), len(results))
}

// htmlSpan is one highlighted range: a finding, or a place a finding refers to.
type htmlSpan struct {
	start, end int
	item       *htmlItem
	sev        analyze.Severity
	related    bool
	anchor     string
	suppressed bool
	relMsg     string
}

// htmlLines splits text into lines of non-overlapping segments, each covered
// by the same set of spans, so overlapping and nested findings all show.
func htmlLines(text string, fs []analyze.Finding, items []*htmlItem) []htmlLine {
	var spans []htmlSpan
	for i, f := range fs {
		it := items[i]
		spans = append(spans, htmlSpan{start: f.Span.Start, end: f.Span.End, item: it, sev: f.Severity, anchor: it.ID, suppressed: f.Suppressed})
		for j, rel := range f.Related {
			spans = append(spans, htmlSpan{start: rel.Start, end: rel.End, item: it, sev: f.Severity, related: true,
				anchor: it.Related[j].ID, relMsg: rel.Message})
		}
	}
	// clamp to the text and to rune boundaries
	for i := range spans {
		spans[i].start = runeFloor(text, spans[i].start)
		spans[i].end = max(runeFloor(text, spans[i].end), spans[i].start)
	}
	bounds := []int{0, len(text)}
	for _, s := range spans {
		bounds = append(bounds, s.start, s.end)
	}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			bounds = append(bounds, i, i+1)
		}
	}
	sort.Ints(bounds)
	bounds = uniqInts(bounds)

	// spans sorted by start, for a sweep
	order := make([]int, len(spans))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return spans[order[a]].start < spans[order[b]].start })

	lines := []htmlLine{{N: 1}}
	cur := &lines[0]
	var active []int
	next := 0
	for bi, b := range bounds {
		// drop spans that ended; add those starting here
		kept := active[:0]
		for _, k := range active {
			if spans[k].end > b {
				kept = append(kept, k)
			}
		}
		active = kept
		var anchor htmlSeg
		for next < len(order) && spans[order[next]].start == b {
			k := order[next]
			next++
			anchor.Anchors = append(anchor.Anchors, spans[k].anchor)
			if spans[k].end == b {
				if !spans[k].related {
					anchor.Caret = true
					anchor.Class = "caret " + sevClass(spans[k].sev)
					anchor.Title = appendTitle(anchor.Title, spans[k])
					anchor.Refs = appendRef(anchor.Refs, spans[k].item.ID)
				}
				continue
			}
			active = append(active, k)
		}
		if len(anchor.Anchors) > 0 {
			cur.Segs = append(cur.Segs, anchor)
		}
		if bi+1 == len(bounds) {
			break
		}
		seg := text[b:bounds[bi+1]]
		if seg == "\n" {
			lines = append(lines, htmlLine{N: len(lines) + 1})
			cur = &lines[len(lines)-1]
			continue
		}
		cur.Segs = append(cur.Segs, markSeg(seg, spans, active))
	}
	return lines
}

// markSeg styles one run by the spans covering it: the most severe
// unsuppressed finding decides the colour; runs covered only by suppressed
// findings are greyed; places a finding merely refers to are underlined.
func markSeg(text string, spans []htmlSpan, active []int) htmlSeg {
	seg := htmlSeg{Text: text}
	if len(active) == 0 {
		return seg
	}
	best, live, anyPrimary, rel := analyze.Info, false, false, false
	for _, k := range active {
		s := spans[k]
		seg.Title = appendTitle(seg.Title, s)
		seg.Refs = appendRef(seg.Refs, s.item.ID)
		if s.related {
			rel = true
			continue
		}
		anyPrimary = true
		if !s.suppressed && (!live || s.sev > best) {
			best, live = s.sev, true
		}
	}
	switch {
	case live && rel: // also a place another finding refers to
		seg.Class = "m " + sevClass(best) + " r"
	case live:
		seg.Class = "m " + sevClass(best)
	case anyPrimary:
		seg.Class = "m sup"
	default:
		seg.Class = "rel"
	}
	return seg
}

func appendTitle(title string, s htmlSpan) string {
	var line string
	it := s.item
	switch {
	case s.related:
		line = "相关（" + it.Pos + " " + it.Rule + "）"
		if s.relMsg != "" {
			line += "：" + s.relMsg
		}
	case s.suppressed:
		line = "已忽略 " + it.Rule + "：" + it.Message + "（原因：" + it.Reason + "）"
	default:
		line = it.SevLabel + " " + it.Rule + "：" + it.Message
	}
	if title == "" {
		return line
	}
	return title + "\n" + line
}

func appendRef(refs, id string) string {
	for _, r := range strings.Fields(refs) {
		if r == id {
			return refs
		}
	}
	if refs == "" {
		return id
	}
	return refs + " " + id
}

func runeFloor(s string, off int) int {
	if off <= 0 {
		return 0
	}
	if off >= len(s) {
		return len(s)
	}
	for off > 0 && !utf8.RuneStart(s[off]) {
		off--
	}
	return off
}

func uniqInts(xs []int) []int {
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// printHTML writes one self-contained HTML page for all results.
func printHTML(w io.Writer, results []*analyze.Result) error { return printHTMLRan(w, results, nil) }

// printHTMLRan is printHTML knowing which checks ran (nil: all).
func printHTMLRan(w io.Writer, results []*analyze.Result, ran map[string]bool) error {
	return printHTMLWith(w, results, ran, printOptions{})
}

// printHTMLWith also knows what --min-severity left out.
func printHTMLWith(w io.Writer, results []*analyze.Result, ran map[string]bool, view printOptions) error {
	return htmlTemplate().Execute(w, toHTMLPage(results, ran, ruleTitle, view))
}
