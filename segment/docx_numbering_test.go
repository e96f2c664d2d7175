package segment

// Tests of automatic numbering in .docx files.

import (
	"reflect"
	"strings"
	"testing"
)

func TestReadDocxNumbering(t *testing.T) {
	gb := tNumbering(tAbstract(0, tGBLevels) + tNum(1, 0, ""))
	tests := []struct {
		name       string
		body       string
		numbering  string
		styles     string
		want       []DocxParagraph
		wantPrefix []string // when set, compare only the NumPrefix of each paragraph
	}{
		{
			name:      "GB/T levels with restarts",
			numbering: gb,
			body: tNP(1, 0, "思想") + tNP(1, 1, "学习") + tNP(1, 1, "实践") + tNP(1, 2, "细则") + tNP(1, 3, "条目") + tNP(1, 3, "条目") +
				tNP(1, 4, "圈") + tNP(1, 2, "细则") + tP("正文") + tNP(1, 0, "工作") + tNP(1, 1, "业务") + tNP(1, 2, "重新"),
			want: []DocxParagraph{dpNum("一、", "思想"), dpNum("（一）", "学习"), dpNum("（二）", "实践"), dpNum("1.", "细则"),
				dpNum("（1）", "条目"), dpNum("（2）", "条目"), dpNum("①", "圈"), dpNum("2.", "细则"), dp("正文"),
				dpNum("二、", "工作"), dpNum("（一）", "业务"), dpNum("1.", "重新")},
		},
		{
			name:       "chineseCounting past ten",
			numbering:  gb,
			body:       strings.Repeat(tNP(1, 0, "x"), 22),
			wantPrefix: []string{"一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、", "十一、", "十二、", "十三、", "十四、", "十五、", "十六、", "十七、", "十八、", "十九、", "二十、", "二十一、", "二十二、"},
		},
		{
			name: "multi-level references and w:start",
			numbering: tNumbering(tAbstract(3, tLvl(0, 3, "decimal", "第%1章", "")+tLvl(1, 1, "decimal", "%1.%2", "")+tLvl(2, 1, "lowerLetter", "%1.%2.%3)", "")) +
				tNum(7, 3, "")),
			body: tNP(7, 0, "甲") + tNP(7, 1, "乙") + tNP(7, 2, "丙") + tNP(7, 2, "丁") + tNP(7, 1, "戊") + tNP(7, 0, "己") + tNP(7, 2, "庚"),
			want: []DocxParagraph{dpNum("第3章", "甲"), dpNum("3.1", "乙"), dpNum("3.1.a)", "丙"), dpNum("3.1.b)", "丁"),
				dpNum("3.2", "戊"), dpNum("第4章", "己"), dpNum("4.1.a)", "庚")},
		},
		{
			name: "lvlRestart 0 never restarts; isLgl renders decimal",
			numbering: tNumbering(tAbstract(0, tLvl(0, 1, "upperRoman", "%1.", "")+
				tLvl(1, 1, "decimal", "%2)", `<w:lvlRestart w:val="0"/>`)+
				tLvl(2, 1, "decimal", "%1.%2.%3", `<w:isLgl/>`)) + tNum(1, 0, "")),
			body:       tNP(1, 0, "") + tNP(1, 1, "") + tNP(1, 1, "") + tNP(1, 0, "") + tNP(1, 1, "") + tNP(1, 2, ""),
			wantPrefix: []string{"I.", "1)", "2)", "II.", "3)", "2.3.1"},
		},
		{
			name: "w:start omitted counts from 0; lvlText naming a deeper level is ignored",
			numbering: tNumbering(`<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>` +
				tLvl(1, 1, "decimal", "%1.%3", "") + `</w:abstractNum>` + tNum(1, 0, "")),
			body:       tNP(1, 0, "") + tNP(1, 0, "") + tNP(1, 1, ""),
			wantPrefix: []string{"0.", "1.", ""},
		},
		{
			name: "none, bullet and empty lvlText have no prefix",
			numbering: tNumbering(tAbstract(0, tLvl(0, 1, "none", "", "")+tLvl(1, 1, "bullet", "\uf06c", "")+tLvl(2, 1, "decimal", "", "")) +
				tNum(1, 0, "")),
			body: tNP(1, 0, "甲") + tNP(1, 1, "乙") + tNP(1, 2, "丙"),
			want: []DocxParagraph{{Text: "甲", Style: "ListParagraph"}, {Text: "乙", Style: "ListParagraph"}, {Text: "丙", Style: "ListParagraph"}},
		},
		{
			name:      "startOverride restarts the shared list, which then continues",
			numbering: tNumbering(tAbstract(0, tGBLevels) + tNum(1, 0, "") + tNum(2, 0, `<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>`)),
			body:      tNP(1, 0, "") + tNP(1, 0, "") + tNP(2, 0, "") + tNP(2, 0, "") + tNP(1, 0, "") + tNP(2, 1, ""),
			// numIds 1 and 2 share abstract 0: Word counts them as one list
			wantPrefix: []string{"一、", "二、", "五、", "六、", "七、", "（一）"},
		},
		{
			name: "lvlOverride with a whole level",
			numbering: tNumbering(tAbstract(0, tGBLevels) + tNum(1, 0, "") +
				`<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>` + tLvl(0, 1, "decimal", "第%1条", "") + `</w:lvlOverride></w:num>`),
			body:       tNP(1, 0, "") + tNP(3, 0, "") + tNP(3, 0, "") + tNP(1, 0, ""),
			wantPrefix: []string{"一、", "第1条", "第2条", "三、"},
		},
		{
			name:      "numbering through paragraph styles and basedOn",
			numbering: gb,
			styles: tStyles(`<w:docDefaults><w:pPrDefault><w:pPr/></w:pPrDefault></w:docDefaults>` +
				`<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>` +
				`<w:style w:type="paragraph" w:styleId="HBase"><w:name w:val="heading base"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:pPrChange w:id="1"><w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr></w:pPrChange></w:pPr></w:style>` +
				`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="HBase"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>` +
				`<w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>` +
				`<w:style w:type="paragraph" w:styleId="Loop1"><w:basedOn w:val="Loop2"/></w:style><w:style w:type="paragraph" w:styleId="Loop2"><w:basedOn w:val="Loop1"/></w:style>`),
			body: tSP("Heading1", "总体情况") + tSP("Heading2", "学习") + tSP("a", "正文") + tP("无样式") + tSP("Loop1", "循环") +
				// direct numId 0 switches the style's numbering off
				`<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>不编号</w:t></w:r></w:p>` +
				// direct ilvl with the style's numId
				`<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr><w:r><w:t>直接层级</w:t></w:r></w:p>` +
				tSP("Heading1", "存在问题"),
			want: []DocxParagraph{
				{Text: "一、总体情况", NumPrefix: "一、", Style: "Heading1"},
				{Text: "（一）学习", NumPrefix: "（一）", Style: "Heading2"},
				{Text: "正文", Style: "a"}, dp("无样式"), {Text: "循环", Style: "Loop1"},
				{Text: "不编号", Style: "Heading1"},
				{Text: "（二）直接层级", NumPrefix: "（二）", Style: "Heading1"},
				{Text: "二、存在问题", NumPrefix: "二、", Style: "Heading1"},
			},
		},
		{
			name: "level linked to a style by w:pStyle; numStyleLink",
			numbering: tNumbering(
				tAbstract(0, tLvl(0, 1, "chineseCounting", "%1、", `<w:pStyle w:val="H1"/>`)+tLvl(1, 1, "chineseCounting", "（%2）", `<w:pStyle w:val="H2"/>`)) +
					`<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="ListStyle"/></w:abstractNum>` +
					`<w:abstractNum w:abstractNumId="2"><w:styleLink w:val="ListStyle"/>` + tLvl(0, 1, "decimal", "%1.", "") + `</w:abstractNum>` +
					tNum(1, 0, "") + tNum(2, 1, "") + tNum(3, 2, "")),
			styles: tStyles(`<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
				`<w:style w:type="paragraph" w:styleId="H2"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
				`<w:style w:type="numbering" w:styleId="ListStyle"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>`),
			body: tSP("H1", "甲") + tSP("H2", "乙") + tSP("H1", "丙") + tNP(2, 0, "丁") + tNP(3, 0, "戊"),
			want: []DocxParagraph{{Text: "一、甲", NumPrefix: "一、", Style: "H1"}, {Text: "（一）乙", NumPrefix: "（一）", Style: "H2"},
				{Text: "二、丙", NumPrefix: "二、", Style: "H1"}, dpNum("1.", "丁"), dpNum("2.", "戊")},
		},
		{
			name:      "numbering in table cells; unknown numId and level",
			numbering: gb,
			body:      `<w:tbl><w:tr><w:tc>` + tNP(1, 0, "表内") + `</w:tc></w:tr></w:tbl>` + tNP(1, 0, "表外") + tNP(99, 0, "无定义") + tNP(1, 7, "无层级"),
			want: []DocxParagraph{{Text: "一、表内", NumPrefix: "一、", Style: "ListParagraph", InTable: true}, dpNum("二、", "表外"),
				{Text: "无定义", Style: "ListParagraph"}, {Text: "无层级", Style: "ListParagraph"}},
		},
		{
			name: "custom format inside mc:AlternateContent uses the fallback",
			numbering: tNumbering(`<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>` +
				`<mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent>` +
				`<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>` + tNum(1, 0, "")),
			body:       tNP(1, 0, "") + tNP(1, 0, ""),
			wantPrefix: []string{"1.", "2."},
		},
		{
			name:       "malformed numbering.xml: text is still read",
			numbering:  tNumbering(tAbstract(0, tGBLevels) + tNum(1, 0, ""))[:200] + "<w:lvl",
			body:       tNP(1, 0, "思想") + tP("正文"),
			want:       []DocxParagraph{{Text: "思想", Style: "ListParagraph"}, dp("正文")},
			wantPrefix: nil,
		},
		{
			name:      "malformed styles.xml is ignored",
			numbering: gb,
			styles:    tStyles(`<w:style w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`) + "<<<",
			body:      tSP("Heading1", "标题") + tNP(1, 0, "直接"),
			want:      []DocxParagraph{{Text: "标题", Style: "Heading1"}, dpNum("一、", "直接")},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadDocx(tDocx(t, tc.body, tc.numbering, tc.styles, ""), DocxLimits{})
			if err != nil {
				t.Fatal(err)
			}
			if tc.wantPrefix != nil {
				var prefixes []string
				for _, p := range got {
					prefixes = append(prefixes, p.NumPrefix)
					if !strings.HasPrefix(p.Text, p.NumPrefix) {
						t.Errorf("Text %q does not start with NumPrefix %q", p.Text, p.NumPrefix)
					}
				}
				if !reflect.DeepEqual(prefixes, tc.wantPrefix) {
					t.Errorf("prefixes\n got  %q\n want %q", prefixes, tc.wantPrefix)
				}
				return
			}
			checkParas(t, got, tc.want)
		})
	}
}

func TestDxFormatNumber(t *testing.T) {
	tests := []struct {
		format string
		n      int
		want   string
	}{
		{"chineseCounting", 1, "一"}, {"chineseCounting", 10, "十"}, {"chineseCounting", 11, "十一"},
		{"chineseCounting", 19, "十九"}, {"chineseCounting", 20, "二十"}, {"chineseCounting", 21, "二十一"},
		{"chineseCounting", 99, "九十九"}, {"chineseCounting", 100, "一百"}, {"chineseCounting", 101, "一百〇一"},
		{"chineseCounting", 110, "一百一十"}, {"chineseCounting", 1010, "一千〇一十"}, {"chineseCounting", 0, "〇"},
		{"chineseCountingThousand", 11, "十一"}, {"chineseCountingThousand", 105, "一百零五"},
		{"chineseCounting", 12345, "12345"},
		{"chineseLegalSimplified", 10, "壹拾"}, {"chineseLegalSimplified", 23, "贰拾叁"},
		{"ideographTraditional", 1, "甲"}, {"ideographTraditional", 10, "癸"}, {"ideographTraditional", 11, "甲"},
		{"ideographZodiac", 12, "亥"}, {"ideographDigital", 105, "一〇五"}, {"ideographEnclosedCircle", 3, "㈢"},
		{"decimal", 7, "7"}, {"decimal", 0, "0"}, {"decimalZero", 7, "07"}, {"decimalZero", 12, "12"},
		{"decimalFullWidth", 12, "１２"}, {"decimalEnclosedCircle", 1, "①"}, {"decimalEnclosedCircle", 20, "⑳"},
		{"decimalEnclosedCircle", 21, "21"}, {"decimalEnclosedCircleChinese", 2, "②"},
		{"decimalEnclosedParen", 3, "⑶"}, {"decimalEnclosedFullstop", 4, "⒋"},
		{"upperLetter", 1, "A"}, {"upperLetter", 26, "Z"}, {"upperLetter", 27, "AA"}, {"lowerLetter", 28, "bb"},
		{"upperLetter", 1000000, "1000000"},
		{"upperRoman", 4, "IV"}, {"upperRoman", 1999, "MCMXCIX"}, {"lowerRoman", 14, "xiv"}, {"lowerRoman", 5000, "5000"},
		{"none", 3, ""}, {"bullet", 3, ""}, {"ordinal", 3, "3"}, {"somethingNew", 4, "4"},
	}
	for _, tc := range tests {
		if got := dxFormatNumber(tc.n, tc.format); got != tc.want {
			t.Errorf("dxFormatNumber(%d, %q) = %q, want %q", tc.n, tc.format, got, tc.want)
		}
	}
}
