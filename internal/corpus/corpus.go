// Package corpus generates realistic synthetic reports (述职报告, 工作总结,
// 政府工作报告) for tests and benchmarks: numbered headings, standard
// formulations, numbers, ** placeholders, a few defects and, in some
// reports, passages copied (verbatim or lightly edited) from earlier ones.
// Output is a pure function of Options and the report index.
package corpus

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Options control generation. Zero fields take the defaults.
type Options struct {
	N        int    // number of reports
	Seed     uint64 // same seed, same corpus
	MinBytes int    // default 5 KB
	MaxBytes int    // default 40 KB (sizes average about 20 KB)
	// CopyRate is the share of reports that copy one or two paragraphs
	// from an earlier report; default 0.1, negative for none.
	CopyRate float64
	Year     int // the reports' year (a tenth are earlier); default 2024
}

func (o Options) withDefaults() Options {
	if o.MinBytes <= 0 {
		o.MinBytes = 5 << 10
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = 40 << 10
	}
	if o.MaxBytes < o.MinBytes {
		o.MaxBytes = o.MinBytes
	}
	if o.Year == 0 {
		o.Year = 2024
	}
	if o.CopyRate == 0 {
		o.CopyRate = 0.1
	}
	return o
}

// Copy is a paragraph a report took from an earlier one.
type Copy struct {
	From   int    // index of the source report
	Source string // the paragraph as it is in the source
	Text   string // the paragraph as it is in this report
	Edited bool   // a few characters were changed
}

// Report is one generated report.
type Report struct {
	Index   int
	Name    string // file name: 0042_duty-report.txt
	Profile string // duty-report, annual-summary, government-work
	Year    int
	Text    string
	Copies  []Copy
}

// Profiles generated, in rotation weights.
var profiles = []string{"duty-report", "duty-report", "annual-summary", "government-work"}

// Generate returns reports 0..N-1.
func Generate(o Options) []Report {
	out := make([]Report, o.N)
	for i := range out {
		out[i] = o.Report(i)
	}
	return out
}

// WriteDir writes the N reports into dir (created if needed) and returns
// their paths and total size in bytes.
func WriteDir(dir string, o Options) ([]string, int64, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, 0, err
	}
	var paths []string
	var total int64
	for i := 0; i < o.N; i++ {
		r := o.Report(i)
		p := filepath.Join(dir, r.Name)
		if err := os.WriteFile(p, []byte(r.Text), 0o644); err != nil {
			return paths, total, err
		}
		paths = append(paths, p)
		total += int64(len(r.Text))
	}
	return paths, total, nil
}

const (
	streamLayout = 1 << 40 // rng stream of the report's layout; paragraphs use 0..n
	streamCopy   = 1<<40 + 1
)

// rng returns the random stream of one report part. Seeds go through
// splitmix64 so that neighbouring reports get unrelated streams.
func (o Options) rng(doc int, stream uint64) *rand.Rand {
	a := splitmix(o.Seed ^ splitmix(uint64(doc)+1) ^ splitmix(stream+0x51ED))
	return rand.New(rand.NewPCG(a, splitmix(a)))
}

// perm is a fixed permutation of 0..n-1 for a seed.
func perm(seed uint64, n int) []int {
	return rand.New(rand.NewPCG(splitmix(seed), uint64(n))).Perm(n)
}

func splitmix(x uint64) uint64 {
	x += 0x9E3779B97F4A7C15
	x = (x ^ x>>30) * 0xBF58476D1CE4E5B9
	x = (x ^ x>>27) * 0x94D049BB133111EB
	return x ^ x>>31
}

// Report builds report i.
func (o Options) Report(i int) Report {
	o = o.withDefaults()
	r := o.rng(i, streamLayout)
	g := &gen{o: o, doc: i, r: r}
	prof := profiles[r.IntN(len(profiles))]
	year := o.Year
	if r.IntN(10) == 0 {
		year -= 1 + r.IntN(3) // a few late or misfiled reports
	}
	size := o.MinBytes + int(float64(o.MaxBytes-o.MinBytes)*math.Pow(r.Float64(), 1.33))
	g.target = size
	rep := Report{Index: i, Name: fmt.Sprintf("%04d_%s.txt", i, prof), Profile: prof, Year: year}

	// Copies from earlier reports, placed among the work paragraphs.
	cr := o.rng(i, streamCopy)
	if i > 0 && o.CopyRate > 0 && cr.Float64() < o.CopyRate {
		n := 1 + cr.IntN(2)
		for k := 0; k < n; k++ {
			from := cr.IntN(i)
			src := o.workParagraph(from, cr.IntN(minWork))
			c := Copy{From: from, Source: src, Text: src}
			if cr.IntN(2) == 0 {
				c.Text = lightEdit(cr, src)
				c.Edited = c.Text != src
			}
			rep.Copies = append(rep.Copies, c)
		}
	}
	g.copies = rep.Copies
	switch prof {
	case "duty-report":
		g.dutyReport(year)
	case "annual-summary":
		g.annualSummary(year)
	default:
		g.governmentWork(year)
	}
	rep.Text = g.b.String()
	return rep
}

// minWork is the number of work paragraphs every report has; copies come
// from these.
const minWork = 3

type gen struct {
	o      Options
	doc    int
	r      *rand.Rand
	b      strings.Builder
	target int
	work   int // work paragraphs written
	copies []Copy
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *gen) line(s string) {
	g.b.WriteString(s)
	g.b.WriteByte('\n')
}

func (g *gen) full() bool { return g.b.Len() >= g.target }

// nextWork writes the next work paragraph, or a pending copy.
func (g *gen) nextWork(prefix string) {
	if len(g.copies) > 0 && g.work >= 1 && g.r.IntN(3) == 0 {
		g.line(prefix + g.copies[0].Text)
		g.copies = g.copies[1:]
		return
	}
	g.line(prefix + g.o.workParagraph(g.doc, g.work))
	g.work++
}

// flushCopies writes copies not yet placed.
func (g *gen) flushCopies() {
	for _, c := range g.copies {
		g.line(c.Text)
	}
	g.copies = nil
}

// localUnit is a unit name with a place: 临江市生态环境局. Reports up to
// len(cities)*len(units) apart get different units.
func (g *gen) localUnit() string {
	n := perm(g.o.Seed, len(cities)*len(units))[g.doc%(len(cities)*len(units))]
	u := units[n%len(units)]
	for _, p := range []string{"市", "区", "县"} {
		u = strings.TrimPrefix(u, p)
	}
	return cities[n/len(units)] + u
}

// uniquePlace is a made-up place name, different for reports up to 1,200
// apart: 林川县.
func (g *gen) uniquePlace() string {
	n := perm(g.o.Seed, len(placeFirst)*len(placeSecond)*3)[g.doc%(len(placeFirst)*len(placeSecond)*3)]
	return placeFirst[n%len(placeFirst)] + placeSecond[n/len(placeFirst)%len(placeSecond)] + []string{"市", "县", "区"}[n/len(placeFirst)/len(placeSecond)]
}

// name is a person's name: a surname and one or two given characters.
func (g *gen) name() string {
	n := g.pick(surnames) + g.pick(givenFirst)
	if g.r.IntN(4) > 0 {
		n += g.pick(givenSecond)
	}
	return n
}

func (g *gen) dutyReport(year int) {
	unit, post := g.localUnit(), g.pick(posts)
	kind := []string{"述德述职述廉报告", "个人述职报告", "述职述廉报告"}[g.r.IntN(3)]
	g.line(fmt.Sprintf("%d年度%s%s%s", year, unit, post, kind))
	g.line("")
	intro := []string{
		"本人在%s担任%s，分管%s等方面工作。",
		"我作为%s%s，主要负责%s等工作。",
		"本人现任%s%s，协助主要负责同志分管%s工作。",
	}[g.r.IntN(3)]
	g.line(fmt.Sprintf("一年来，%s，%s。", g.clause(), g.clause()) +
		fmt.Sprintf(intro, unit, post, g.pick(areas)+"、"+g.pick(areas)) + "现将个人履职情况报告如下：")
	sec := 0
	heading := func(title string) {
		g.line(chineseNumber(sec+1) + "、" + title)
		sec++
	}
	heading(g.pick(thoughtTitles))
	subs := g.r.Perm(len(thoughtSubs))[:2+g.r.IntN(2)]
	for k, s := range subs {
		body := g.sentence()
		if k == 0 {
			body = stockThought[0] + body
		} else if g.r.IntN(2) == 0 {
			body = g.pick(stockThought[1:]) + body
		}
		if g.r.IntN(8) == 0 {
			body += g.pick(defects)
		}
		g.line(fmt.Sprintf("（%s）%s。%s", chineseNumber(k+1), thoughtSubs[s], body))
	}
	heading(g.pick(workTitles))
	g.workSection()
	heading(g.pick(cleanTitles))
	g.line(fmt.Sprintf("（一）%s%s%s", g.sentence(), stockThought[1], g.sentence()))
	g.line(fmt.Sprintf("（二）%s", g.sentence()))
	heading(g.pick(problemTitles))
	g.listOf(problems, 2+g.r.IntN(3))
	heading(g.pick(planTitles))
	g.listOf(plans, 2+g.r.IntN(3))
	g.line(g.pick(closings["duty-report"]))
	g.line("")
	g.line("述职人：" + g.name())
	g.line(fmt.Sprintf("%d年1月%d日", year+1, 5+g.r.IntN(20)))
}

func (g *gen) annualSummary(year int) {
	unit := g.localUnit()
	g.line(fmt.Sprintf("%s%d年工作总结", unit, year))
	g.line("")
	self := "我局"
	if strings.HasSuffix(unit, "委员会") {
		self = "我委"
	} else if !strings.HasSuffix(unit, "局") {
		self = "我们"
	}
	g.line(fmt.Sprintf("%d年，%s坚持以习近平新时代中国特色社会主义思想为指导，%s，%s。现将全年工作情况报告如下。",
		year, self, g.clause(), g.clause()))
	g.line(fmt.Sprintf("一、%d年工作开展情况", year))
	g.workSection()
	g.line("二、" + g.pick(problemTitles))
	g.listOf(problems, 2+g.r.IntN(3))
	g.line(fmt.Sprintf("三、%d年工作打算", year+1))
	g.listOf(plans, 3+g.r.IntN(3))
	g.line(g.pick(closings["annual-summary"]))
	g.line("")
	g.line(unit)
	g.line(fmt.Sprintf("%d年12月%d日", year, 10+g.r.IntN(20)))
}

func (g *gen) governmentWork(year int) {
	place := g.uniquePlace()
	g.line("政府工作报告")
	g.line(fmt.Sprintf("——%d年1月%d日在%s第十七届人民代表大会第%s次会议上", year+1, 8+g.r.IntN(15), place, chineseNumber(2+g.r.IntN(3))))
	g.line(place + "人民政府" + []string{"市长", "区长", "县长"}[g.r.IntN(3)] + " " + g.name())
	g.line("")
	g.line("各位代表：")
	g.line("现在，我代表" + place + "人民政府，向大会报告政府工作，请予审议，并请政协委员和其他列席人员提出意见。")
	g.line(fmt.Sprintf("一、%d年工作回顾", year))
	g.line(fmt.Sprintf("过去一年，%s。全年%s。", g.clause(), g.numberClause()))
	g.workSection()
	g.line(fmt.Sprintf("二、%d年总体要求和主要预期目标", year+1))
	g.line(stockThought[0] + g.sentence() + "全年" + g.numberClause() + "。")
	g.line(fmt.Sprintf("主要预期目标是：地区生产总值增长%d.%d%%左右，%s。", 4+g.r.IntN(4), g.r.IntN(10), g.numberClause()))
	g.line(fmt.Sprintf("三、%d年重点工作", year+1))
	for k, t := range g.r.Perm(len(govTasks))[:3+g.r.IntN(3)] {
		g.line(fmt.Sprintf("（%s）%s。%s", chineseNumber(k+1), govTasks[t], g.sentence()))
		g.line(g.sentence())
	}
	g.line("四、加强政府自身建设")
	g.line(g.sentence() + stockThought[1] + g.sentence())
	g.line(g.pick(closings["government-work"]))
}

// workSection writes （一）… subsections with 1. 2. items until the report
// reaches its target size, with at least minWork work paragraphs.
func (g *gen) workSection() {
	order := g.r.Perm(len(workSubs))
	for k := 0; k < len(order) && (g.work < minWork || !g.full()); k++ {
		g.line(fmt.Sprintf("（%s）%s。%s", chineseNumber(k+1), workSubs[order[k]], g.sentence()))
		items := 2 + g.r.IntN(4)
		for j := 0; j < items && (g.work < minWork || !g.full()); j++ {
			prefix := ""
			if items > 1 {
				prefix = fmt.Sprintf("%d.", j+1)
				if g.r.IntN(60) == 0 {
					prefix = fmt.Sprintf("%d、", j+1) // wrong third-level marker
				}
			}
			g.nextWork(prefix)
		}
	}
	g.flushCopies()
}

// listOf writes n numbered items: a clause, a phrase from list, a sentence.
func (g *gen) listOf(list []string, n int) {
	for k, i := range g.r.Perm(len(list))[:min(n, len(list))] {
		g.line(fmt.Sprintf("%d.%s，%s。%s", k+1, g.clause(), list[i], g.sentence()))
	}
}

// workParagraph is work paragraph k of report doc, drawn from its own
// stream so that another report can copy it.
func (o Options) workParagraph(doc, k int) string {
	g := &gen{o: o, doc: doc, r: o.rng(doc, uint64(k))}
	var b strings.Builder
	n := 2 + g.r.IntN(3)
	for s := 0; s < n; s++ {
		b.WriteString(g.sentence())
		if g.r.IntN(3) == 0 {
			fmt.Fprintf(&b, "全年%s。", g.numberClause())
		}
	}
	if g.r.IntN(12) == 0 {
		b.WriteString(g.pick(defects))
	}
	return b.String()
}

// sentence is 2–4 clauses ending with a result or a number.
func (g *gen) sentence() string {
	var parts []string
	if g.r.IntN(2) == 0 {
		parts = append(parts, g.pick(leads)+g.pick(leadObjects))
	}
	n := 2 + g.r.IntN(2)
	for i := 0; i < n; i++ {
		parts = append(parts, g.clause())
	}
	switch g.r.IntN(3) {
	case 0:
		parts = append(parts, g.pick(results))
	case 1:
		parts = append(parts, g.numberClause())
	}
	return strings.Join(parts, "，") + "。"
}

func (g *gen) clause() string {
	d := g.pick(domains)
	a := g.pick(aspects)
	if g.r.IntN(4) == 0 {
		return g.pick(modifiers) + g.pick(verbs) + d + "和" + g.pick(domains) + a
	}
	return g.pick(modifiers) + g.pick(verbs) + d + a
}

// numberClause is a metric with a value, sometimes a growth rate, sometimes
// an unfilled ** placeholder.
func (g *gen) numberClause() string {
	m := metrics[g.r.IntN(len(metrics))]
	var v string
	switch {
	case g.r.IntN(15) == 0:
		v = "**"
	case m.unit == "亿元":
		v = fmt.Sprintf("%d.%d", 1+g.r.IntN(300), g.r.IntN(10))
	default:
		v = fmt.Sprint(10 + g.r.IntN(60000))
	}
	s := m.text + v + m.unit
	if g.r.IntN(2) == 0 {
		s += fmt.Sprintf("，%s%d.%d%%", g.pick(growthWords), g.r.IntN(30), g.r.IntN(10))
	}
	return s
}

// lightEdit changes about one character in 80 (at least one, at most four):
// a digit, or a Han character swapped for another.
func lightEdit(r *rand.Rand, s string) string {
	rs := []rune(s)
	swaps := map[rune]rune{'推': '促', '完': '健', '提': '增', '强': '实', '开': '举', '加': '增', '建': '构', '年': '季', '全': '整'}
	edits := min(4, 1+len(rs)/80)
	for tries := 0; edits > 0 && tries < 200; tries++ {
		i := r.IntN(len(rs))
		switch c := rs[i]; {
		case c >= '0' && c <= '9':
			rs[i] = '0' + (c-'0'+1+rune(r.IntN(8)))%10
			edits--
		case swaps[c] != 0:
			rs[i] = swaps[c]
			edits--
		}
	}
	return string(rs)
}

var cnDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// chineseNumber writes 1..99 in Chinese numerals.
func chineseNumber(n int) string {
	switch {
	case n <= 10:
		return cnDigits[n]
	case n < 20:
		return "十" + cnDigits[n-10]
	case n%10 == 0:
		return cnDigits[n/10] + "十"
	}
	return cnDigits[n/10] + "十" + cnDigits[n%10]
}

// Bytes returns the total size of reports, in bytes.
func Bytes(rs []Report) int {
	n := 0
	for _, r := range rs {
		n += len(r.Text)
	}
	return n
}
