package analyze

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

func testLexicon(t testing.TB) *lexicon.Lexicon {
	t.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	return lex
}

// extract runs ExtractClaims over text as a .txt document, with gse tokens
// unless noTokens.
func extract(t testing.TB, text string, noTokens bool) []Claim {
	t.Helper()
	lex := testLexicon(t)
	doc := segment.NewDocument("t.txt", segment.FormatText, "utf-8", text, nil)
	var toks []segment.Token
	if !noTokens {
		toks = segment.NewSegmenterFor([]string{text}, lex.SegmentTerms()).Tokens(text)
	}
	return ExtractClaims(doc, FindPlaceholders(doc, lex), toks, lex)
}

// describe renders a claim as text|value|unit|qualifier|kind for tables.
func describe(c Claim) string {
	v := "nil"
	if c.Value != nil {
		v = strconv.FormatFloat(*c.Value, 'f', -1, 64)
	}
	if c.RangeEnd != nil {
		v += ".." + strconv.FormatFloat(*c.RangeEnd, 'f', -1, 64)
	}
	return fmt.Sprintf("%s|%s|%s|%s|%s", c.Text, v, c.Unit, c.Qualifier, c.Kind)
}

func TestExtractClaimsValues(t *testing.T) {
	tests := []struct {
		in   string
		want []string // describe() of every claim, in order
	}{
		{"全市实现营业收入12.5亿元。", []string{"12.5亿元|1250000000|元||money"}},
		{"争取资金2.3亿元、4.27亿元、0.3公里。", []string{"2.3亿元|230000000|元||money", "4.27亿元|427000000|元||money", "0.3公里|300|米||measure"}},
		{"达标率100％。", []string{"100％|100|％||percent"}},
		{"增长8.5%。", []string{"8.5%|8.5|％||percent"}},
		{"制定内控制度10余个。", []string{"10余个|10|个|余|count"}},
		{"建成10多个站点。", []string{"10多个|10|个|多|count"}},
		{"在最困难的9—10月份坚守岗位。", []string{"9—10月份|9..10|月||month"}},
		{"信息工作连续三年获评先进。", []string{"三年|3|年||time"}},
		{"二〇二二年是关键一年。", []string{"二〇二二年|2022|年||year"}},
		{"2022年工作总结", []string{"2022年|2022|年||year"}},
		{"新建基站3.45万个。", []string{"3.45万个|34500|个||count"}},
		{"总额1,234.5万元。", []string{"1,234.5万元|12345000|元||money"}},
		{"接待１２３万人次。", []string{"１２３万人次|1230000|人次||count"}},
		{"出台十条措施，一百二十人参加，投入三万元。", []string{"十条|10|条||count", "一百二十人|120|人||count", "三万元|30000|元||money"}},
		{"资助十余万元，坚持二十多年。", []string{"十余万元|100000|元|余|money", "二十多年|20|年|多|time"}},
		{"百分之十二的企业完成改造。", []string{"百分之十二|12|％||percent"}},
		{"用时三四个月。", []string{"三四个月|3..4|个月||time"}},
		{"增速10%～20%，用时3～5年，投资9亿～16亿元。", []string{"10%～20%|10..20|％||percent", "3～5年|3..5|年||time", "9亿～16亿元|900000000..1600000000|元||money"}},
		{"范围15～30％，投资9～16亿元。", []string{"15～30％|15..30|％||percent", "9～16亿元|900000000..1600000000|元||money"}},
		{"2021—2023年累计投资58亿元。", []string{"2021—2023年|2021..2023|年||year", "58亿元|5800000000|元||money"}},
		{"规模排全国第3名。", []string{"第3名|3|名||rank"}},
		{"约200人左右参加，近200余人，不到30个左右。", []string{"约200人左右|200|人|约…左右|count", "近200余人|200|人|近…余|count", "不到30个左右|30|个|不到…左右|count"}},
		{"金额超过5亿元，增长1.5倍，提高2.3个百分点。", []string{"超过5亿元|500000000|元|超过|money", "1.5倍|1.5|倍||multiple", "2.3个百分点|2.3|百分点||percent"}},
		{"2022年1月5日召开会议。", []string{"2022年|2022|年||year", "1月|1|月||month", "5日|5|天||date"}},
		{"补助3亿4千万元。", []string{"3亿4千万元|340000000|元||money"}},
		{"补助5千元。", []string{"5千元|5000|元||money"}},
		{"绿道2千米。", []string{"2千米|2000|米||measure"}},
		{"增速12.5，", []string{"12.5|12.5|||"}},
		// unfilled
		{"收入**亿元，增长**％，起草材料**余篇，排名第**位。", []string{"**亿元|nil|元||money", "**％|nil|％||percent", "**余篇|nil|篇|余|count", "第**位|nil|位||rank"}},
		{"新建基站**万个，增速**、连续**个季度领先。", []string{"**万个|nil|个||count", "**|nil|||", "**个季度|nil|季度||time"}},
	}
	for _, tt := range tests {
		for _, noTok := range []bool{false, true} {
			var got []string
			for _, c := range extract(t, tt.in, noTok) {
				got = append(got, describe(c))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("%s (no tokens %v):\ngot  %q\nwant %q", tt.in, noTok, got, tt.want)
			}
		}
	}
}

func TestExtractClaimsNotClaims(t *testing.T) {
	// numerals that state no quantity
	for _, in := range []string{
		"推动5G基站建设，发展4G网络。",
		"深入学习贯彻党的二十大精神，深刻领悟“两个确立”的决定性意义。",
		"严格落实“三会一课”制度，履行“一岗双责”。",
		"编制“十四五”规划，推进两化融合，完善“一图两库”，实现“双提升”。",
		"学习《习近平谈治国理政》第四卷，坚持“三管齐下”，增强“四个意识”。",
		"把学习总书记重要讲话作为第一议题，开展七一、五四主题活动。",
		"一是加强学习；二是改进作风；三是狠抓落实。",
		"统一部署，进一步走进千家万户，把讲政治放在第一位。",
		"制定《关于改进作风的十条措施》。",
		"电话010-88842603，日期2022-10-16，时间9:30，比例1:3，PM2.5浓度下降，G20峰会。",
		"实现重点企业、重点园区联系“两个全覆盖”。",
		"坚持以人民为中心，做到一个不少、一户不落。",
		"中央八项规定精神，十九届六中全会，二十届三中全会。",
		"一、总体情况\n（一）主要做法\n1.强化学习\n（1）理论学习",
	} {
		for _, noTok := range []bool{false, true} {
			if cs := extract(t, in, noTok); len(cs) != 0 {
				var got []string
				for _, c := range cs {
					got = append(got, describe(c))
				}
				t.Errorf("%s (no tokens %v): want no claims, got %q", in, noTok, got)
			}
		}
	}
}

func TestExtractClaimsMetricRelation(t *testing.T) {
	in := "全市数字经济核心产业增加值**亿元，增长**％。规上工业增加值同比增长8.2％。" +
		"全区新建充电桩**万个，超出年度计划**万个，累计达到**万个。" +
		"快递业务量、业务收入分别为**亿件、**亿元，分别比上年增长**％、**％。" +
		"全年完成投资48.6亿元，超年度目标3.2亿元。新增**家企业获评省级示范，其中**家为制造业企业。" +
		"高新技术产业增加值占规上工业比重提高至**％。规模居全省第**位。"
	type mr struct{ text, metric, relation string }
	want := []mr{
		{"**亿元", "全市数字经济核心产业增加值", ""},
		{"**％", "全市数字经济核心产业增加值", "增长"},
		{"8.2％", "规上工业增加值", "同比增长"},
		{"**万个", "全区新建充电桩", "新建"},
		{"**万个", "全区新建充电桩", "超…目标"},
		{"**万个", "全区新建充电桩", "累计、达到"},
		{"**亿件", "快递业务量", "分别"},
		{"**亿元", "业务收入", "分别"},
		{"**％", "快递业务量", "分别、同比增长"},
		{"**％", "业务收入", "分别、同比增长"},
		{"48.6亿元", "投资", "完成"},
		{"3.2亿元", "投资", "超…目标"},
		{"**家", "企业", "新增"},
		{"**家", "企业", "其中"},
		{"**％", "高新技术产业增加值占规上工业比重", "占…比重、增至"},
		{"第**位", "规模", ""},
	}
	cs := extract(t, in, false)
	if len(cs) != len(want) {
		for _, c := range cs {
			t.Log(describe(c), c.Metric, c.Relation)
		}
		t.Fatalf("got %d claims, want %d", len(cs), len(want))
	}
	for i, w := range want {
		c := cs[i]
		if c.Text != w.text || c.Metric != w.metric || c.Relation != w.relation {
			t.Errorf("claim %d: got %q metric %q relation %q, want %q metric %q relation %q", i, c.Text, c.Metric, c.Relation, w.text, w.metric, w.relation)
		}
	}
}

func TestExtractClaimsPositions(t *testing.T) {
	text := "# 2023年工作总结\n\n## 一、主要成效\n\n全年新增企业１２家，完成投资**亿元。\n"
	lex := testLexicon(t)
	doc := segment.NewDocument("t.md", segment.FormatMarkdown, "utf-8", text, nil)
	cs := ExtractClaims(doc, FindPlaceholders(doc, lex), nil, lex)
	if len(cs) != 3 {
		t.Fatalf("got %d claims, want 3", len(cs))
	}
	c := cs[1]
	if c.Text != "１２家" || c.Pos != (segment.Pos{Line: 5, Col: 7}) || c.EndPos != (segment.Pos{Line: 5, Col: 10}) ||
		doc.Slice(c.Span) != "１２家" || c.Section != "一、主要成效" || c.Paragraph != 5 {
		t.Errorf("claim %+v", c)
	}
	if c := cs[2]; !c.Unfilled || c.Value != nil || c.UnitText != "亿元" || c.Unit != "元" {
		t.Errorf("unfilled claim %+v", c)
	}
}

func TestCompletenessCountsClaims(t *testing.T) {
	text := "2023年工作总结\n一、主要成效\n全年新增企业12家，完成投资**亿元，增长**％。\n二、存在问题\n按照**要求，完成率100％。\n"
	lex := testLexicon(t)
	doc := segment.NewDocument("t.txt", segment.FormatText, "utf-8", text, nil)
	a := NewAnalysis(doc, lex, nil)
	got := a.Completeness()
	want := []SectionCompleteness{
		{Section: "一、主要成效", Line: 2, NumericSlots: 3, Filled: 1, Placeholders: 2, Percent: 33.3},
		{Section: "二、存在问题", Line: 4, NumericSlots: 1, Filled: 1, Placeholders: 1, Percent: 100},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}
