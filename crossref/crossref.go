// Package crossref finds figures that disagree across the reports of a
// batch: the same metric, for the same scope, unit and period, given with
// different values in different files.
//
// It is conservative: a metric is compared only when it is area-wide
// (全市…, 全年…, or a named indicator such as 地区生产总值) or a long
// phrase (at least MinMetricRunes) found identical in another file, with
// identical scope, base unit and period; values that agree after rounding
// (2.1万 and 21000) or within a qualifier's tolerance (约、近、多、余…) are
// compatible. Unsure means silent.
package crossref

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Claim is one figure of one file, as a per-file stage extracts it.
type Claim struct {
	File   string `json:"file"`
	Metric string `json:"metric"` // what is counted: 全市新建5G基站
	// Scope is the area or subject the figure is about (临江市, 某项目);
	// claims are compared only with claims of the same scope, so a batch
	// from several areas must fill it. Empty matches only empty.
	Scope     string  `json:"scope,omitempty"`
	Unit      string  `json:"unit"`                // as written: 个, 万元, 亿元, %
	Period    string  `json:"period"`              // 2024年, 2024年上半年; required
	Value     float64 `json:"value"`               // the number as written, in Unit
	Qualifier string  `json:"qualifier,omitempty"` // 约, 近, 多, 余, 超, 左右 …
	Line      int     `json:"line"`
	Col       int     `json:"col"`
	Excerpt   string  `json:"excerpt,omitempty"`
}

// Options tune the comparison. Zero fields take the defaults.
type Options struct {
	// MinMetricRunes: a metric that is not area-wide is compared only when
	// at least this long (in runes). Default 6.
	MinMetricRunes int
	// ApproxTolerance is the relative tolerance of a value with a
	// qualifier (约2万 matches 21,500 within 10%). Default 0.1.
	ApproxTolerance float64
	// Indicators are named area-wide indicators; default DefaultIndicators.
	Indicators []string
}

// DefaultIndicators are statistical indicators that name an area-wide total
// by themselves.
var DefaultIndicators = []string{
	"地区生产总值", "一般公共预算收入", "一般公共预算支出", "社会消费品零售总额", "固定资产投资",
	"规模以上工业增加值", "城镇居民人均可支配收入", "农村居民人均可支配收入", "居民人均可支配收入",
	"进出口总额", "实际使用外资", "常住人口", "城镇调查失业率", "城镇新增就业", "粮食总产量",
}

// AreaPrefixes open an area-wide metric (全年 names a period, not an area).
var AreaPrefixes = []string{"全市", "全省", "全区", "全县", "全镇", "全州", "全盟", "全旗", "全乡"}

func (o Options) withDefaults() Options {
	if o.MinMetricRunes <= 0 {
		o.MinMetricRunes = 6
	}
	if o.ApproxTolerance <= 0 || o.ApproxTolerance >= 1 {
		o.ApproxTolerance = 0.1
	}
	if o.Indicators == nil {
		o.Indicators = DefaultIndicators
	}
	return o
}

// Conflict is a metric given with incompatible values in different files.
type Conflict struct {
	Metric string  `json:"metric"`
	Scope  string  `json:"scope,omitempty"`
	Unit   string  `json:"unit"` // base unit: 元 for 万元 and 亿元
	Period string  `json:"period"`
	Places []Claim `json:"places"` // every place, by file, line and column
}

// Message says, in Chinese, which files disagree and asks to check.
func (c Conflict) Message() string {
	var b strings.Builder
	what := "“" + c.Metric + "”"
	if c.Scope != "" {
		what = c.Scope + what
	}
	fmt.Fprintf(&b, "疑似不一致：%s（%s）在各报告中的数字不同：", what, c.Period)
	for i, p := range c.Places {
		if i > 0 {
			b.WriteString("；")
		}
		fmt.Fprintf(&b, "%s 第%d行 %s%s%s", p.File, p.Line, p.Qualifier, strconv.FormatFloat(p.Value, 'f', -1, 64), p.Unit)
	}
	b.WriteString("。请核实哪一个数字正确，并统一各报告的口径。")
	return b.String()
}

// norm is a claim with its key and value interval in the base unit.
type norm struct {
	c      Claim
	key    string
	unit   string
	lo, hi float64
}

// Find returns the conflicts among claims, sorted by metric, scope,
// period and unit. It never changes claims.
func Find(claims []Claim, opt Options) []Conflict {
	opt = opt.withDefaults()
	metricFiles := map[string]map[string]bool{} // long metrics → files
	var ns []norm
	for _, c := range claims {
		m, scope, period := clean(c.Metric), clean(c.Scope), clean(c.Period)
		unit, mult, ok := baseUnit(clean(c.Unit))
		if !ok || m == "" || period == "" || math.IsNaN(c.Value) || math.IsInf(c.Value, 0) || c.Value < 0 {
			continue
		}
		lo, hi, ok := interval(c.Value, mult, approx(c.Qualifier), opt.ApproxTolerance)
		if !ok {
			continue
		}
		key := strconv.Quote(m) + strconv.Quote(scope) + strconv.Quote(unit) + strconv.Quote(period)
		if !areaWide(m, opt.Indicators) {
			if utf8.RuneCountInString(m) < opt.MinMetricRunes {
				continue
			}
			if metricFiles[key] == nil {
				metricFiles[key] = map[string]bool{}
			}
			metricFiles[key][c.File] = true
		}
		c.Metric, c.Scope, c.Period = m, scope, period
		ns = append(ns, norm{c: c, key: key, unit: unit, lo: lo, hi: hi})
	}
	sort.SliceStable(ns, func(i, j int) bool { return ns[i].key < ns[j].key })
	var out []Conflict
	for i := 0; i < len(ns); {
		j := i + 1
		for j < len(ns) && ns[j].key == ns[i].key {
			j++
		}
		g := ns[i:j]
		i = j
		if mf, long := metricFiles[g[0].key]; long && len(mf) < 2 {
			continue
		}
		if !disagree(g) {
			continue
		}
		c := Conflict{Metric: g[0].c.Metric, Scope: g[0].c.Scope, Unit: g[0].unit, Period: g[0].c.Period}
		for _, n := range g {
			c.Places = append(c.Places, n.c)
		}
		sort.SliceStable(c.Places, func(a, b int) bool {
			pa, pb := c.Places[a], c.Places[b]
			if pa.File != pb.File {
				return pa.File < pb.File
			}
			if pa.Line != pb.Line {
				return pa.Line < pb.Line
			}
			return pa.Col < pb.Col
		})
		out = append(out, c)
	}
	return out
}

// disagree reports whether two claims of different files have value
// intervals that do not meet, in linear time: each claim is checked
// against the smallest upper bound among the other files' claims.
func disagree(g []norm) bool {
	h1, h2 := -1, -1 // smallest hi, and smallest hi of another file than h1's
	for i, n := range g {
		switch {
		case h1 < 0 || n.hi < g[h1].hi:
			if h1 >= 0 && g[h1].c.File != n.c.File {
				h2 = h1
			}
			h1 = i
		case n.c.File != g[h1].c.File && (h2 < 0 || n.hi < g[h2].hi):
			h2 = i
		}
	}
	for _, n := range g {
		x := h1
		if g[h1].c.File == n.c.File {
			x = h2
		}
		if x >= 0 && g[x].hi < n.lo {
			return true
		}
	}
	return false
}

func clean(s string) string {
	return strings.TrimFunc(strings.Join(strings.Fields(s), ""), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r)
	})
}

func areaWide(m string, indicators []string) bool {
	for _, p := range AreaPrefixes {
		if strings.HasPrefix(m, p) {
			return true
		}
	}
	for _, ind := range indicators {
		if ind != "" && strings.Contains(m, ind) {
			return true
		}
	}
	return false
}

// baseUnit splits a multiplier (万亿, 亿, 万) off a unit: 万元 → 元, 1e4.
// Other prefixes (千米, 百分点) are units of their own.
func baseUnit(u string) (string, float64, bool) {
	for _, m := range []struct {
		p string
		v float64
	}{{"万亿", 1e12}, {"亿", 1e8}, {"万", 1e4}} {
		if strings.HasPrefix(u, m.p) {
			return strings.TrimPrefix(u, m.p), m.v, true
		}
	}
	return u, 1, true
}

// approx reports whether a qualifier makes a value approximate.
func approx(q string) bool {
	q = clean(q)
	for _, w := range []string{"约", "近", "多", "余", "超", "逾", "左右", "以上", "上下", "大约", "将近", "接近", "超过"} {
		if strings.Contains(q, w) {
			return true
		}
	}
	return false
}

// interval returns the values a written figure stands for, in the base
// unit: half a step of its last digit (2.1万: 2.05万–2.15万), or for a round
// integer (21000) half a step of its last non-zero digit but at most 0.5%;
// widened to the relative tolerance when approximate.
func interval(v, mult float64, approximate bool, tol float64) (float64, float64, bool) {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	half := 0.5
	if i := strings.IndexByte(s, '.'); i >= 0 {
		half = 0.5 * math.Pow(10, -float64(len(s)-i-1))
	} else if z := len(s) - len(strings.TrimRight(s, "0")); z > 0 && z < len(s) {
		half = math.Min(0.5*math.Pow(10, float64(z)), 0.005*v)
		half = math.Max(half, 0.5)
	}
	lo, hi := (v-half)*mult, (v+half)*mult
	if approximate {
		lo, hi = math.Min(lo, v*mult*(1-tol)), math.Max(hi, v*mult*(1+tol))
	}
	if math.IsInf(lo, 0) || math.IsInf(hi, 0) || math.IsNaN(lo) || math.IsNaN(hi) {
		return 0, 0, false
	}
	return lo, hi, true
}
