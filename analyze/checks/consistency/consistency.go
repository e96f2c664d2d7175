package consistency

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/analyze/internal/scan"

	"github.com/reportlint/reportlint/internal/lazy"
	"github.com/reportlint/reportlint/internal/utf8x"
	"github.com/reportlint/reportlint/segment"
)

// Check reports names that drift within one report.
var Check = &analyze.Check{
	Name: "consistency",
	Doc: "名称前后一致：同一内设机构在同一份报告中用了不同的后缀（导言写“对外科”，后文写“对外处”），" +
		"以导言所列或多数写法为准。泛称（相关处室、业务处室、办公室）和不同机关（办公室与办公厅）不报。",
	Severity:    analyze.Warning,
	NeedsTokens: true,
	Rules: []*analyze.Rule{
		{ID: "consistency.unit-name", Title: "疑似机构名称前后不一致", Doc: "同一机构名称后缀不一致（科/处/室/股，或同一地方的局/委/办/厅/部/司）",
			Severity: analyze.Warning, Group: analyze.GroupConsistency, Source: analyze.SourcePractice, Heuristic: true,
			Good: "办公室……办公室", Bad: "组织科……组织处"},
	},
	Run: runConsistency,
}

// Unit suffix classes. Only forms of the same class are compared: 科/处/室/股
// name internal divisions of one body; 局/委/办/厅/部/司 name bodies, whose
// level differs between places, so they are compared only under the same
// place; 中心/所/站/队 often name different bodies at different levels
// (党群服务中心、党群服务站) and are never compared.
const (
	csDivision = iota + 1
	csBody
	csOther
)

type csSuffix struct {
	s     string
	class int
}

var csSuffixes = []csSuffix{
	{"中心", csOther}, {"科", csDivision}, {"处", csDivision}, {"室", csDivision}, {"股", csDivision},
	{"局", csBody}, {"委", csBody}, {"办", csBody}, {"厅", csBody}, {"部", csBody}, {"司", csBody},
	{"所", csOther}, {"站", csOther}, {"队", csOther},
}

// csSuffixByLast indexes csSuffixes by last rune, order kept: most tokens
// end in no suffix and are skipped with one lookup.
var csSuffixByLast = lazy.Value(func() map[rune][]csSuffix {
	m := map[rune][]csSuffix{}
	for _, sx := range csSuffixes {
		r, _ := utf8.DecodeLastRuneInString(sx.s)
		m[r] = append(m[r], sx)
	}
	return m
})

// csSuffixLast holds the keys of csSuffixByLast.
var csSuffixLast = lazy.Value(func() *scan.RuneBits {
	var b scan.RuneBits
	for r := range csSuffixByLast() {
		b.Add(r)
	}
	return &b
})

// csGeneric are stems that name no particular unit (相关处室, 业务处, 办公室, 政研室).
var csGeneric = map[string]bool{
	"相关": true, "有关": true, "各个": true, "业务": true, "分管": true, "直属": true, "所属": true, "下属": true, "内设": true,
	"职能": true, "主管": true, "牵头": true, "责任": true, "其他": true, "其它": true, "上级": true, "下级": true, "本级": true,
	"机关": true, "办公": true, "政研": true, "基层": true, "同级": true, "相应": true, "对口": true, "主要": true, "归口": true,
	"会议": true, "工作": true, "值班": true, "接待": true, "档案": true, "阅览": true, "图书": true, "卫生": true, "服务": true,
	"处室": true, "科室": true, "部门": true, "单位": true, "领导": true, "全体": true, "各级": true, "具体": true,
}

// csQualifierSkip are words before a name that are not part of it (分管办公室, 组织对外处).
var csQualifierSkip = map[string]bool{
	"分管": true, "协调": true, "指导": true, "组织": true, "督促": true, "牵头": true, "会同": true, "联合": true, "配合": true,
	"相关": true, "有关": true, "业务": true, "直属": true, "所属": true, "下属": true, "内设": true, "职能": true, "主管": true,
	"责任": true, "全体": true, "负责": true, "要求": true, "推动": true, "支持": true, "帮助": true, "带领": true, "依托": true,
}

// csLevels are place words that qualify a body (市发改委, 县发改局).
var csLevels = map[string]bool{"省": true, "市": true, "县": true, "区": true, "州": true, "盟": true, "旗": true, "镇": true,
	"乡": true, "街道": true, "全省": true, "全市": true, "全县": true, "全区": true, "自治区": true, "自治州": true}

type csName struct {
	span     segment.Span // stem + suffix
	stem     string
	suffix   string
	class    int
	qual     string // the word before the name when it belongs to it, else ""
	listed   bool   // one item of a 顿号 list of unit names
	opening  bool   // in the opening before the first heading
	position segment.Pos
}

func (n *csName) text() string { return n.stem + n.suffix }

func csNominal(pos string) bool {
	return strings.HasPrefix(pos, "n") || pos == "j" || pos == "b" || pos == "s" || pos == "l" || pos == "vn" || pos == "a"
}

// unitNames finds stem+suffix names in token order.
func unitNames(doc *segment.Document, toks []segment.Token) []csName {
	var out []csName
	book := 0
	suffixLast, suffixByLast := csSuffixLast(), csSuffixByLast()
	for i, t := range toks {
		switch t.Text {
		case "《":
			book++
			continue
		case "》":
			if book > 0 {
				book--
			}
			continue
		case "\n":
			book = 0
			continue
		}
		if book > 0 {
			continue
		}
		last, _ := utf8x.DecodeLastRune(t.Text)
		if !suffixLast.Has(last) {
			continue
		}
		sxs := suffixByLast[last]
		if sxs == nil || !scan.AllHan(t.Text) {
			continue
		}
		for _, sx := range sxs {
			var stem string
			var start, q int
			switch {
			case t.Text == sx.s && i > 0 && toks[i-1].Span().End == t.Span().Start && scan.AllHan(toks[i-1].Text):
				stem, start, q = toks[i-1].Text, toks[i-1].Span().Start, i-2
			case len(t.Text) > len(sx.s) && strings.HasSuffix(t.Text, sx.s):
				stem, start, q = t.Text[:len(t.Text)-len(sx.s)], t.Span().Start, i-1
			default:
				continue
			}
			if utf8.RuneCountInString(stem) < 2 || csGeneric[stem] {
				break
			}
			n := csName{span: segment.Span{Start: start, End: t.Span().End}, stem: stem, suffix: sx.s, class: sx.class}
			if q >= 0 && toks[q].Span().End == start {
				qt := toks[q]
				switch {
				case qt.Text == "*" || qt.Text == "＊" || strings.HasSuffix(qt.Text, "X") || strings.HasSuffix(qt.Text, "×"):
					n.qual = "**" // a masked body: unknown, matches nothing
				case scan.AllHan(qt.Text) && !csQualifierSkip[qt.Text] && (csNominal(qt.POS()) || csLevels[qt.Text]):
					n.qual = qt.Text
				}
			}
			out = append(out, n)
			break
		}
	}
	// Items of a 顿号 list: 分管办公室、项目科、产业科、对外科.
	for k := 0; k+1 < len(out); k++ {
		a, b := &out[k], &out[k+1]
		if a.span.End+len("、") == b.span.Start && doc.Text[a.span.End:b.span.Start] == "、" {
			a.listed, b.listed = true, true
		}
	}
	firstHeading := len(doc.Text)
	if len(doc.Headings) > 0 {
		firstHeading = doc.Paragraphs[doc.Headings[0].Para].Span.Start
	}
	for k := range out {
		out[k].opening = out[k].span.Start < firstHeading && !doc.Title.Contains(out[k].span.Start)
		out[k].position = doc.Position(out[k].span.Start)
	}
	return out
}

func runConsistency(p *analyze.Pass) error {
	toks := p.Tokens()
	if len(toks) == 0 {
		return nil
	}
	names := unitNames(p.Doc, toks)
	type key struct {
		class      int
		stem, qual string
	}
	groups := map[key][]int{}
	var order []key
	for k, n := range names {
		if n.class == csOther || n.qual == "**" {
			continue
		}
		kk := key{n.class, n.stem, n.qual}
		if _, ok := groups[kk]; !ok {
			order = append(order, kk)
		}
		groups[kk] = append(groups[kk], k)
	}
	for _, kk := range order {
		idx := groups[kk]
		count := map[string]int{}
		opening := map[string]int{}
		listed := false
		for _, k := range idx {
			count[names[k].suffix]++
			if names[k].opening {
				opening[names[k].suffix]++
			}
			listed = listed || names[k].listed
		}
		if len(count) < 2 {
			continue
		}
		switch kk.class {
		case csDivision:
			if kk.qual == "" && !listed {
				continue // no evidence that these are the writer's own divisions
			}
		case csBody:
			if !csLevels[kk.qual] && !strings.HasSuffix(kk.qual, "省") && !strings.HasSuffix(kk.qual, "市") &&
				!strings.HasSuffix(kk.qual, "县") && !strings.HasSuffix(kk.qual, "区") {
				continue // 办公室 of one body, 办公厅 of another
			}
		}
		want, why := csCanonical(names, idx, count, opening)
		var ref *csName
		for _, k := range idx {
			if names[k].suffix == want {
				ref = &names[k]
				break
			}
		}
		for _, k := range idx {
			n := &names[k]
			if n.suffix == want {
				continue
			}
			p.Report(analyze.Finding{Rule: "unit-name", Span: n.span,
				Message: "疑似同一机构名称前后不一致：此处作“" + n.text() + "”，" + why + "作“" + ref.text() + "”（第" +
					strconv.Itoa(ref.position.Line) + "行），请核实后统一",
				Suggestion: ref.text(),
				Related:    []analyze.Related{{Span: ref.span, Message: "“" + ref.text() + "”的写法"}}})
		}
	}
	return nil
}

// csCanonical picks the form to keep: the one the opening lists, else the
// most frequent, else the first.
func csCanonical(names []csName, idx []int, count, opening map[string]int) (string, string) {
	if len(opening) == 1 {
		for s := range opening {
			return s, "导言中"
		}
	}
	best, bestN, tie := "", 0, false
	for _, k := range idx {
		s := names[k].suffix
		switch c := count[s]; {
		case c > bestN:
			best, bestN, tie = s, c, false
		case c == bestN && s != best:
			tie = true
		}
	}
	if !tie {
		return best, "其余" + strconv.Itoa(bestN) + "处"
	}
	return names[idx[0]].suffix, "前文"
}
