package crossref

import (
	"strings"
	"testing"
)

func claim(file, metric, scope, unit, period string, v float64, q string, line int) Claim {
	return Claim{File: file, Metric: metric, Scope: scope, Unit: unit, Period: period, Value: v, Qualifier: q, Line: line, Col: 1}
}

// Must find: area-wide metrics, named indicators and identical long
// phrases with the same scope, unit and period but different values.
func TestFindsConflicts(t *testing.T) {
	cases := []struct {
		name   string
		claims []Claim
		places int
	}{
		{"area-wide 5G", []Claim{
			claim("a.txt", "全市新建5G基站", "", "个", "2024年", 1200, "", 3),
			claim("b.txt", "全市新建5G基站", "", "个", "2024年", 1500, "", 7),
		}, 2},
		{"named indicator across units", []Claim{
			claim("a.txt", "地区生产总值", "临江市", "亿元", "2024年", 512.3, "", 2),
			claim("b.txt", "地区生产总值", "临江市", "万元", "2024年", 5313000, "", 4),
			claim("c.txt", "地区生产总值", "临江市", "亿元", "2024年", 512.3, "", 9),
		}, 3},
		{"identical long phrase", []Claim{
			claim("a.txt", "城东污水处理厂扩建项目投资", "", "亿元", "2024年", 3.2, "", 10),
			claim("b.txt", "城东污水处理厂扩建项目投资", "", "亿元", "2024年", 4.6, "", 12),
		}, 2},
		{"approximate but too far", []Claim{
			claim("a.txt", "全年招商引资到位资金", "", "亿元", "2024年", 80, "约", 5),
			claim("b.txt", "全年招商引资到位资金", "", "亿元", "2024年", 120, "", 6),
		}, 2},
	}
	for _, c := range cases {
		got := Find(c.claims, Options{})
		if len(got) != 1 || len(got[0].Places) != c.places {
			t.Errorf("%s: got %+v", c.name, got)
			continue
		}
		msg := got[0].Message()
		if !strings.HasPrefix(msg, "疑似不一致") || !strings.Contains(msg, "请核实") || !strings.Contains(msg, c.claims[0].File) {
			t.Errorf("%s: message %q", c.name, msg)
		}
	}
}

// Must stay silent: different scope, period or unit; values equal after
// rounding or within a qualifier; short generic metrics; one file only;
// a long phrase that only one file uses; missing period; hostile values.
func TestStaysSilent(t *testing.T) {
	cases := []struct {
		name   string
		claims []Claim
	}{
		{"different scope", []Claim{
			claim("a.txt", "地区生产总值", "临江市", "亿元", "2024年", 512.3, "", 2),
			claim("b.txt", "地区生产总值", "青山区", "亿元", "2024年", 88.1, "", 2),
		}},
		{"different period", []Claim{
			claim("a.txt", "全市新建5G基站", "", "个", "2023年", 1200, "", 3),
			claim("b.txt", "全市新建5G基站", "", "个", "2024年", 1500, "", 7),
		}},
		{"different unit", []Claim{
			claim("a.txt", "全年招商引资到位资金", "", "亿元", "2024年", 80, "", 3),
			claim("b.txt", "全年招商引资到位资金", "", "个", "2024年", 12, "", 7),
		}},
		{"rounding 2.1万 vs 21000", []Claim{
			claim("a.txt", "全市城镇新增就业", "", "万人", "2024年", 2.1, "", 3),
			claim("b.txt", "全市城镇新增就业", "", "人", "2024年", 21000, "", 7),
			claim("c.txt", "全市城镇新增就业", "", "人", "2024年", 21034, "", 9),
		}},
		{"qualifier 约 within tolerance", []Claim{
			claim("a.txt", "全年接待游客", "", "万人次", "2024年", 2, "约", 3),
			claim("b.txt", "全年接待游客", "", "人次", "2024年", 21500, "", 7),
		}},
		{"qualifier 多", []Claim{
			claim("a.txt", "全年接待游客", "", "万人次", "2024年", 2, "多", 3),
			claim("b.txt", "全年接待游客", "", "万人次", "2024年", 2.1, "", 7),
		}},
		{"short generic metric", []Claim{
			claim("a.txt", "新增", "", "个", "2024年", 12, "", 3),
			claim("b.txt", "新增", "", "个", "2024年", 30, "", 7),
		}},
		{"same file only", []Claim{
			claim("a.txt", "全市新建5G基站", "", "个", "2024年", 1200, "", 3),
			claim("a.txt", "全市新建5G基站", "", "个", "2024年", 1500, "", 9),
		}},
		{"long phrase not shared", []Claim{
			claim("a.txt", "城东污水处理厂扩建项目投资", "", "亿元", "2024年", 3.2, "", 10),
			claim("b.txt", "城西污水处理厂扩建项目投资", "", "亿元", "2024年", 4.6, "", 12),
		}},
		{"no period", []Claim{
			claim("a.txt", "全市新建5G基站", "", "个", "", 1200, "", 3),
			claim("b.txt", "全市新建5G基站", "", "个", "", 1500, "", 7),
		}},
		{"road and congress look-alikes", []Claim{
			claim("a.txt", "和平路", "", "号", "2024年", 5, "", 3),
			claim("b.txt", "和平路", "", "号", "2024年", 7, "", 7),
		}},
		{"English metric, short", []Claim{
			claim("a.txt", "GDP", "", "亿元", "2024年", 5, "", 3),
			claim("b.txt", "GDP", "", "亿元", "2024年", 7, "", 7),
		}},
	}
	for _, c := range cases {
		if got := Find(c.claims, Options{}); len(got) != 0 {
			t.Errorf("%s: want silence, got %+v", c.name, got)
		}
	}
}

// Many claims of one key cost linear time and find the one outlier.
func TestLargeGroup(t *testing.T) {
	var cs []Claim
	for i := 0; i < 50000; i++ {
		cs = append(cs, claim(strings.Repeat("x", i%7)+".txt", "全市新建5G基站", "", "个", "2024年", 1200, "", i))
	}
	if got := Find(cs, Options{}); len(got) != 0 {
		t.Fatalf("agreeing claims: %d conflicts", len(got))
	}
	cs = append(cs, claim("z.txt", "全市新建5G基站", "", "个", "2024年", 1300, "", 1))
	if got := Find(cs, Options{}); len(got) != 1 || len(got[0].Places) != len(cs) {
		t.Fatalf("outlier: %d conflicts", len(got))
	}
}

func FuzzFind(f *testing.F) {
	f.Add("全市新建5G基站", "", "万个", "2024年", 1.2, "约", 1500.0, "")
	f.Add("地区生产总值", "临江市", "亿元", "2024年", 1e308, "", 1e-308, "多")
	f.Add("\x00\"", "\x00", "万亿", "\xff", -1.0, "左右", 0.0, "余")
	f.Fuzz(func(t *testing.T, metric, scope, unit, period string, a float64, qa string, b float64, qb string) {
		cs := []Claim{
			{File: "a", Metric: metric, Scope: scope, Unit: unit, Period: period, Value: a, Qualifier: qa},
			{File: "b", Metric: metric, Scope: scope, Unit: unit, Period: period, Value: b, Qualifier: qb},
			{File: "b", Metric: metric, Scope: scope, Unit: unit, Period: period, Value: a, Qualifier: qb},
		}
		for _, c := range Find(cs, Options{}) {
			if len(c.Places) < 2 || c.Message() == "" {
				t.Fatalf("conflict %+v", c)
			}
		}
	})
}
