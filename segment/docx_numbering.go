package segment

// numbering.xml parsing and rendering of automatic paragraph numbers.

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ---- numbering.xml ----

type dxLevel struct {
	start   int
	format  string // w:numFmt; "" means decimal
	text    string // w:lvlText
	hasText bool
	restart int // w:lvlRestart; -1 when absent
	pStyle  string
	isLgl   bool
}

type dxAbstract struct {
	levels       [9]*dxLevel
	numStyleLink string
}

type dxNum struct {
	abstractID    string
	levels        [9]*dxLevel // w:lvlOverride/w:lvl
	startOverride [9]int
	hasOverride   [9]bool
}

type dxNumbering struct {
	abstracts map[string]*dxAbstract
	nums      map[string]*dxNum
}

const dxMaxStart = 32767 // Word's own ceiling for a start value

func parseDxNumbering(x *dxXML) (*dxNumbering, error) {
	nb := &dxNumbering{abstracts: map[string]*dxAbstract{}, nums: map[string]*dxNum{}}
	var (
		abs      *dxAbstract
		num      *dxNum
		ovLevel  = -1
		lvl      *dxLevel
		lvlIndex int
	)
	for {
		tok, err := x.next()
		if err == io.EOF {
			return nb, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			local := t.Name.Local
			if strings.HasSuffix(local, "Change") || (lvl != nil && (local == "pPr" || local == "rPr")) {
				if err := x.skip(); err != nil {
					return nil, err
				}
				continue
			}
			val := dxAttr(t, "val")
			switch local {
			case "abstractNum":
				abs = &dxAbstract{}
				if id := dxAttr(t, "abstractNumId"); nb.abstracts[id] == nil {
					nb.abstracts[id] = abs
				}
			case "num":
				num = &dxNum{}
				if id := strings.TrimSpace(dxAttr(t, "numId")); nb.nums[id] == nil {
					nb.nums[id] = num
				}
			case "abstractNumId":
				if num != nil {
					num.abstractID = val
				}
			case "numStyleLink":
				if abs != nil {
					abs.numStyleLink = val
				}
			case "lvlOverride":
				ovLevel = -1
				if n, ok := dxInt(dxAttr(t, "ilvl")); ok && n >= 0 && n < 9 {
					ovLevel = n
				}
			case "startOverride":
				if n, ok := dxInt(val); ok && num != nil && ovLevel >= 0 {
					num.startOverride[ovLevel] = min(max(n, 0), dxMaxStart)
					num.hasOverride[ovLevel] = true
				}
			case "lvl":
				lvl, lvlIndex = &dxLevel{restart: -1}, -1
				if n, ok := dxInt(dxAttr(t, "ilvl")); ok && n >= 0 && n < 9 {
					lvlIndex = n
				}
			case "start":
				if n, ok := dxInt(val); ok && lvl != nil {
					lvl.start = min(max(n, 0), dxMaxStart)
				}
			case "numFmt":
				// mc:AlternateContent may offer "custom" and a fallback; keep a
				// format we can render over "custom".
				if lvl != nil && (val != "custom" || lvl.format == "") {
					lvl.format = val
				}
			case "lvlText":
				if lvl != nil {
					lvl.text, lvl.hasText = dxTruncate(val, dxMaxLvlText), true
					if dxAttr(t, "null") == "1" || dxAttr(t, "null") == "true" {
						lvl.text = ""
					}
				}
			case "lvlRestart":
				if n, ok := dxInt(val); ok && lvl != nil {
					lvl.restart = max(n, 0)
				}
			case "pStyle":
				if lvl != nil {
					lvl.pStyle = val
				}
			case "isLgl":
				if lvl != nil {
					lvl.isLgl = dxOn(t)
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "lvl":
				switch {
				case lvl == nil:
				case num != nil && ovLevel >= 0:
					num.levels[ovLevel] = lvl
				case abs != nil && num == nil && lvlIndex >= 0:
					if abs.levels[lvlIndex] == nil {
						abs.levels[lvlIndex] = lvl
					}
				}
				lvl = nil
			case "lvlOverride":
				ovLevel = -1
			case "abstractNum":
				abs = nil
			case "num":
				num = nil
			}
		}
	}
}

// ---- numbering state and rendering ----

type dxCounters struct {
	val [9]int
	set [9]bool
}

type dxContext struct {
	styles    *dxStyles
	numbering *dxNumbering
	comments  map[string]string
	budget    *dxBudget // rendered numbers count against the decompression cap

	counters map[*dxAbstract]*dxCounters // Word shares counters per abstract definition
	seen     map[string]*[9]bool         // numId × level already used (for startOverride)
}

func (c *dxContext) prepare() {
	if c.styles == nil {
		c.styles = &dxStyles{byID: map[string]*dxStyle{}}
	}
	if c.numbering == nil {
		c.numbering = &dxNumbering{abstracts: map[string]*dxAbstract{}, nums: map[string]*dxNum{}}
	}
	c.counters = map[*dxAbstract]*dxCounters{}
	c.seen = map[string]*[9]bool{}
}

func (c *dxContext) paragraph(b *dxPara) (DocxParagraph, error) {
	text := dxLine(b.text.String())
	out := DocxParagraph{Style: b.style, InTable: b.inTable}
	if prefix := c.number(b); prefix != "" {
		if c.budget != nil {
			c.budget.remaining -= int64(len(prefix))
			if c.budget.remaining < 0 {
				return DocxParagraph{}, docxNumberBomb(c.budget.limit)
			}
		}
		out.NumPrefix = prefix
		text = prefix + text
	}
	out.Text = text
	for _, id := range b.commentIDs {
		if s, ok := c.comments[id]; ok {
			out.Comments = append(out.Comments, s)
		}
	}
	return out, nil
}

// styleChain returns the paragraph style and its basedOn ancestors.
func (c *dxContext) styleChain(id string) []*dxStyle {
	if id == "" {
		id = c.styles.defaultPara
	}
	var chain []*dxStyle
	for i := 0; i < 32 && id != ""; i++ {
		s := c.styles.byID[id]
		if s == nil {
			break
		}
		chain = append(chain, s)
		id = s.basedOn
	}
	return chain
}

// number advances the list counters for a numbered paragraph and returns
// its rendered number, or "" when it has none.
func (c *dxContext) number(b *dxPara) string {
	numID, hasNum := b.numID, b.hasNumID
	ilvl, hasIlvl := b.ilvl, b.hasIlvl
	chain := c.styleChain(b.style)
	for _, s := range chain {
		if !hasNum && s.hasNumID {
			numID, hasNum = s.numID, true
		}
		if !hasIlvl && s.hasIlvl {
			ilvl, hasIlvl = s.ilvl, true
		}
	}
	if !hasNum || numID == "" || numID == "0" {
		return ""
	}
	num := c.numbering.nums[numID]
	if num == nil {
		return ""
	}
	abs := c.abstract(num)
	if abs == nil {
		return ""
	}
	if !hasIlvl {
		// A level linked to the paragraph's style (w:lvl/w:pStyle).
		ilvl = 0
	find:
		for _, s := range chain {
			for l := range 9 {
				if lv := c.level(num, abs, l); lv != nil && lv.pStyle != "" && lv.pStyle == s.id {
					ilvl = l
					break find
				}
			}
		}
	}
	if ilvl < 0 || ilvl > 8 {
		return ""
	}
	lv := c.level(num, abs, ilvl)
	if lv == nil {
		return ""
	}

	ct := c.counters[abs]
	if ct == nil {
		ct = &dxCounters{}
		c.counters[abs] = ct
	}
	seen := c.seen[numID]
	if seen == nil {
		seen = new([9]bool)
		c.seen[numID] = seen
	}
	switch {
	case num.hasOverride[ilvl] && !seen[ilvl]:
		ct.val[ilvl] = num.startOverride[ilvl]
	case !ct.set[ilvl]:
		ct.val[ilvl] = c.start(num, abs, ilvl)
	case ct.val[ilvl] < 1e9:
		ct.val[ilvl]++
	}
	ct.set[ilvl], seen[ilvl] = true, true
	for m := ilvl + 1; m < 9; m++ {
		r := m // default: restart after any higher level
		if lm := c.level(num, abs, m); lm != nil && lm.restart >= 0 && lm.restart < m {
			r = lm.restart
		}
		if ilvl < r {
			ct.set[m] = false
		}
	}

	if lv.format == "none" || lv.format == "bullet" || lv.text == "" {
		return ""
	}
	var sb strings.Builder
	s := lv.text
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+1 < len(s) && s[i+1] >= '1' && s[i+1] <= '9' {
			k := int(s[i+1] - '1')
			if k > ilvl {
				return "" // Word ignores a lvlText that refers to a deeper level
			}
			i++
			v := ct.val[k]
			if !ct.set[k] {
				v = c.start(num, abs, k)
			}
			format := "decimal"
			if lk := c.level(num, abs, k); lk != nil && lk.format != "" {
				format = lk.format
			}
			if lv.isLgl && format != "none" {
				format = "decimal"
			}
			sb.WriteString(dxFormatNumber(v, format))
			continue
		}
		sb.WriteByte(s[i])
	}
	return dxTruncateRunes(dxLine(sb.String()), dxMaxNumRunes)
}

// dxTruncate cuts s to at most n bytes at a rune boundary.
func dxTruncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// dxTruncateRunes cuts s to at most n runes.
func dxTruncateRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// abstract resolves a num to its abstract definition, following
// w:numStyleLink through a numbering style.
func (c *dxContext) abstract(num *dxNum) *dxAbstract {
	abs := c.numbering.abstracts[num.abstractID]
	for i := 0; i < 4 && abs != nil && abs.numStyleLink != ""; i++ {
		st := c.styles.byID[abs.numStyleLink]
		if st == nil || !st.hasNumID {
			break
		}
		n2 := c.numbering.nums[st.numID]
		if n2 == nil {
			break
		}
		a2 := c.numbering.abstracts[n2.abstractID]
		if a2 == nil || a2 == abs {
			break
		}
		abs = a2
	}
	return abs
}

func (c *dxContext) level(num *dxNum, abs *dxAbstract, l int) *dxLevel {
	if num.levels[l] != nil {
		return num.levels[l]
	}
	return abs.levels[l]
}

func (c *dxContext) start(num *dxNum, abs *dxAbstract, l int) int {
	if num.hasOverride[l] {
		return num.startOverride[l]
	}
	if lv := c.level(num, abs, l); lv != nil {
		return lv.start
	}
	return 0
}

var (
	dxCNDigits      = []string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	dxCNUnits       = []string{"", "十", "百", "千"}
	dxLegalDigits   = []string{"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"}
	dxLegalUnits    = []string{"", "拾", "佰", "仟"}
	dxTradDigits    = []string{"零", "壹", "貳", "參", "肆", "伍", "陸", "柒", "捌", "玖"}
	dxStems         = []string{"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"}
	dxBranches      = []string{"子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"}
	dxRomanValues   = []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	dxRomanSymbols  = []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	dxEnclosedStart = map[string]rune{
		"decimalEnclosedCircle":        '①',
		"decimalEnclosedCircleChinese": '①',
		"decimalEnclosedFullstop":      '⒈',
		"decimalEnclosedParen":         '⑴',
	}
)

// dxFormatNumber renders n in a w:numFmt format the way Word does; formats
// it does not know fall back to decimal.
func dxFormatNumber(n int, format string) string {
	switch format {
	case "none", "bullet":
		return ""
	case "chineseCounting", "japaneseCounting", "taiwaneseCounting":
		return dxChinese(n, dxCNDigits, dxCNUnits, "〇", true)
	case "chineseCountingThousand", "taiwaneseCountingThousand", "japaneseCountingThousand":
		return dxChinese(n, dxCNDigits, dxCNUnits, "零", true)
	case "chineseLegalSimplified":
		return dxChinese(n, dxLegalDigits, dxLegalUnits, "零", false)
	case "ideographLegalTraditional", "japaneseLegal":
		return dxChinese(n, dxTradDigits, dxLegalUnits, "零", false)
	case "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand":
		if n >= 0 {
			var sb strings.Builder
			for _, ch := range strconv.Itoa(n) {
				sb.WriteString(dxCNDigits[ch-'0'])
			}
			return sb.String()
		}
	case "ideographTraditional":
		if n >= 1 {
			return dxStems[(n-1)%len(dxStems)]
		}
	case "ideographZodiac":
		if n >= 1 {
			return dxBranches[(n-1)%len(dxBranches)]
		}
	case "ideographEnclosedCircle":
		if n >= 1 && n <= 10 {
			return string(rune('㈠' + n - 1))
		}
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese", "decimalEnclosedFullstop", "decimalEnclosedParen":
		if n >= 1 && n <= 20 {
			return string(dxEnclosedStart[format] + rune(n-1))
		}
	case "decimalFullWidth", "decimalFullWidth2":
		if n >= 0 {
			var sb strings.Builder
			for _, ch := range strconv.Itoa(n) {
				sb.WriteRune('０' + ch - '0')
			}
			return sb.String()
		}
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "upperLetter", "lowerLetter":
		if n >= 1 && n <= 26*20 {
			ch := string(rune('A' + (n-1)%26))
			if format == "lowerLetter" {
				ch = strings.ToLower(ch)
			}
			return strings.Repeat(ch, (n-1)/26+1)
		}
	case "upperRoman", "lowerRoman":
		if n >= 1 && n < 4000 {
			var sb strings.Builder
			for i, v := range dxRomanValues {
				for ; n >= v; n -= v {
					sb.WriteString(dxRomanSymbols[i])
				}
			}
			if format == "lowerRoman" {
				return strings.ToLower(sb.String())
			}
			return sb.String()
		}
	}
	return strconv.Itoa(n)
}

// dxChinese writes 0 ≤ n < 10000 in Chinese numerals. tenAlone writes 10–19
// as 十, 十一 (not 一十一), as Word's chineseCounting does.
func dxChinese(n int, digits, units []string, zero string, tenAlone bool) string {
	if n < 0 || n >= 10000 {
		return strconv.Itoa(n)
	}
	if n == 0 {
		return zero
	}
	var sb strings.Builder
	needZero := false
	for place, div := 3, 1000; place >= 1; place, div = place-1, div/10 {
		d := n / div % 10
		if d == 0 {
			if sb.Len() > 0 {
				needZero = true
			}
			continue
		}
		if needZero {
			sb.WriteString(zero)
			needZero = false
		}
		if place == 1 && d == 1 && sb.Len() == 0 && tenAlone {
			sb.WriteString(units[1])
		} else {
			sb.WriteString(digits[d] + units[place])
		}
	}
	if u := n % 10; u > 0 {
		if needZero {
			sb.WriteString(zero)
		}
		sb.WriteString(digits[u])
	}
	return sb.String()
}
