package punctuation

import (
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/analyze/internal/scan"
)

// bkKind is a kind of paired mark.
type bkKind uint8

const (
	bkDQuote bkKind = iota + 1
	bkSQuote
	bkBook
	bkABook
	bkParen
	bkSquare
	bkCount
)

var (
	bkName  = [bkCount]string{"", "引号", "单引号", "书名号", "单书名号", "括号", "方头括号"}
	bkOpen  = [bkCount]string{"", "“", "‘", "《", "〈", "（", "【"}
	bkClose = [bkCount]string{"", "”", "’", "》", "〉", "）", "】"}
)

func puBracketKind(r rune) (bkKind, bool) {
	switch r {
	case '“':
		return bkDQuote, true
	case '”':
		return bkDQuote, false
	case '‘':
		return bkSQuote, true
	case '’':
		return bkSQuote, false
	case '《':
		return bkBook, true
	case '》':
		return bkBook, false
	case '〈':
		return bkABook, true
	case '〉':
		return bkABook, false
	case '（', '(':
		return bkParen, true
	case '）', ')':
		return bkParen, false
	case '【':
		return bkSquare, true
	case '】':
		return bkSquare, false
	}
	return 0, false
}

type bkEntry struct {
	k bkKind
	i int
}

// contentAt reports whether r[i] can start quoted content.
func (pp *punctPara) contentAt(i int) bool {
	r := pp.at(i)
	return scan.HanChar(r) || puAlnum(r) || scan.Opener(r) || r == '*' || r == '＊' || r == '×' || (r >= '０' && r <= '９')
}

// boundaryBefore reports whether the rune before i ends an item (or i starts the paragraph).
func (pp *punctPara) boundaryBefore(i int) bool {
	r := pp.at(i - 1)
	return i == 0 || scan.PointMark(r) || scan.Opener(r) || r == ' ' || r == '　' || r == '—' || r == '…'
}

// enumerator reports a list number closed by a bracket only, as in “1）”.
func (pp *punctPara) enumerator(close int) bool {
	k := close
	for k > 0 && close-k < 3 && (puDigit(pp.r[k-1]) || puNumeral(pp.r[k-1]) || (close-k == 0 && puLetter(pp.r[k-1]))) {
		k--
	}
	return k < close && pp.boundaryBefore(k)
}

// brackets checks pairing and nesting; it returns the matched pairs.
func (pr *puncRun) brackets(ahead func() string) [][2]int {
	pp := &pr.pp
	if pr.age++; pr.age > aheadParas {
		pr.carry = [8]int{} // the closing mark never came
	}
	carry := &pr.carry
	var stack []bkEntry
	var pairs [][2]int
	top := func() bkKind {
		if len(stack) == 0 {
			return 0
		}
		return stack[len(stack)-1].k
	}
	for i := 0; i < len(pp.r); i++ {
		r := pp.r[i]
		if pp.skip[i] {
			continue
		}
		if r == '<' && top() == bkBook {
			// 《关于印发<办法>的通知》: angle brackets for 〈〉.
			if j := pp.indexFrom(i+1, '>', '》'); j > i+1 {
				inner := pp.str(i+1, j)
				pr.report("nesting", i, j+1, "书名号内的书名应使用单书名号：“<"+inner+">”应为“〈"+inner+"〉”", "〈"+inner+"〉")
				i = j
				continue
			}
		}
		k, open := puBracketKind(r)
		if k == 0 {
			continue
		}
		if (k == bkSQuote) && puLetter(pp.at(i-1)) && puLetter(pp.at(i+1)) {
			continue // an apostrophe in English
		}
		if open {
			switch {
			case (k == bkDQuote || k == bkSQuote) && top() == k && !pp.contentAt(i+1):
				// “两个确立“、…: a closing quote typed the wrong way round.
				pr.report("unpaired", i, i+1,
					"引号方向错误：“"+pp.itemBefore(i, 10)+"”之后应为后"+bkName[k]+bkClose[k]+"，误作前"+bkName[k]+string(r), bkClose[k])
				pairs = append(pairs, [2]int{stack[len(stack)-1].i, i})
				stack = stack[:len(stack)-1]
				continue
			case (k == bkDQuote || k == bkSQuote || k == bkBook) && top() == k && pp.closersAfter(i, k) < 2:
				// Too few closers for a nested pair: the outer one was never closed.
				pr.unclosed(stack[len(stack)-1])
				stack = stack[:len(stack)-1]
			case k == bkDQuote && top() == bkDQuote:
				pr.report("nesting", i, i+1,
					"引号嵌套错误：双引号内再用引号时应使用单引号，“"+pp.until(i+1, '”', 12)+"”应写作‘"+pp.until(i+1, '”', 12)+"’", "‘")
			case k == bkSQuote && top() == bkSQuote:
				pr.report("nesting", i, i+1, "引号嵌套错误：单引号内再用引号时应使用双引号“”", "“")
			case k == bkBook && top() == bkBook:
				pr.report("nesting", i, i+1,
					"书名号嵌套错误：书名号内的书名应使用单书名号，《"+pp.until(i+1, '》', 16)+"》应写作〈"+pp.until(i+1, '》', 16)+"〉", "〈")
			}
			stack = append(stack, bkEntry{k, i})
			continue
		}
		d := -1
		for e := len(stack) - 1; e >= 0; e-- {
			if stack[e].k == k {
				d = e
				break
			}
		}
		if d < 0 {
			switch {
			case carry[k] > 0:
				carry[k]--
			case k == bkParen && pp.enumerator(i):
			case (k == bkDQuote || k == bkSQuote) && pp.contentAt(i+1) && (pp.boundaryBefore(i) || pp.nextIsCloser(i, k)):
				pr.report("unpaired", i, i+1,
					"引号方向错误：“"+pp.itemAfter(i+1, 10)+"”之前应为前"+bkName[k]+bkOpen[k]+"，误作后"+bkName[k]+string(r), bkOpen[k])
				stack = append(stack, bkEntry{k, i})
			default:
				pr.report("unpaired", i, i+1,
					"疑似"+bkName[k]+"不成对：…"+pp.itemBefore(i, 10)+string(r)+"之前没有配对的前"+bkName[k]+"，请核实",
					"补上配对的前"+bkName[k]+"“"+bkOpen[k]+"”，或删去多余的“"+string(r)+"”")
			}
			continue
		}
		for e := len(stack) - 1; e > d; e-- {
			pr.unclosed(stack[e])
		}
		pairs = append(pairs, [2]int{stack[d].i, i})
		stack = stack[:d]
	}
	ends := len(pp.r) > 0 && strings.ContainsRune("。！？；…", pp.r[len(pp.r)-1])
	next := ""
	if len(stack) > 0 {
		next = ahead() // built only when a mark is left open
	}
	for _, e := range stack {
		switch {
		case (e.k == bkDQuote || e.k == bkSQuote) && strings.HasPrefix(next, bkOpen[e.k]):
			// A quotation over several paragraphs: each opens, only the last closes.
		case !ends && puClosesFirst(next, e.k):
			// A hard-wrapped line or a block split over lines (【字号 / 加大 / … / 】):
			// the closing mark comes within the next few lines.
			pr.carry[e.k]++
			pr.age = 0
		default:
			pr.unclosed(e)
		}
	}
	return pairs
}

// nextIsCloser reports whether the next mark of kind k after i closes.
func (pp *punctPara) nextIsCloser(i int, k bkKind) bool {
	for j := i + 1; j < len(pp.r); j++ {
		if rk, open := puBracketKind(pp.r[j]); rk == k && !pp.skip[j] {
			return !open
		}
	}
	return false
}

// closersAfter counts the closing marks of kind k after i.
func (pp *punctPara) closersAfter(i int, k bkKind) int {
	n := 0
	for j := i + 1; j < len(pp.r); j++ {
		if rk, open := puBracketKind(pp.r[j]); rk == k && !open && !pp.skip[j] {
			n++
		}
	}
	return n
}

// puClosesFirst reports whether s (the following lines) closes kind k before
// opening it again, within a run of short wrapped lines (加大 / 还原 / 】),
// before a line that ends a sentence or is a full line of text.
func puClosesFirst(s string, k bkKind) bool {
	for line := range strings.Lines(s) {
		for _, r := range line {
			if rk, open := puBracketKind(r); rk == k {
				return !open
			}
		}
		line = strings.TrimRight(line, "\n")
		if last, _ := utf8.DecodeLastRuneInString(line); strings.ContainsRune("。！？；", last) || utf8.RuneCountInString(line) > 30 {
			return false // past a sentence or a full line of text: not a wrapped block
		}
	}
	return false
}

func (pr *puncRun) unclosed(e bkEntry) {
	pp := &pr.pp
	open := string(pp.r[e.i])
	pr.report("unpaired", e.i, e.i+1,
		"疑似"+bkName[e.k]+"不成对："+open+pp.itemAfter(e.i+1, 10)+"…之后缺少配对的后"+bkName[e.k]+"，请核实",
		"补上配对的后"+bkName[e.k]+"“"+bkClose[e.k]+"”，或删去多余的“"+open+"”")
}

// puFullWidth maps half-width marks to the full-width marks used in Chinese text.
func puFullWidth(r rune) rune {
	switch r {
	case ',':
		return '，'
	case '.':
		return '。'
	case ';':
		return '；'
	case ':':
		return '：'
	case '?':
		return '？'
	case '!':
		return '！'
	case '(':
		return '（'
	case ')':
		return '）'
	}
	return r
}

// cnBefore reports Chinese text right before i: a Han character or a full-width closing mark.
func (pp *punctPara) cnBefore(i int) bool {
	r := pp.at(i - 1)
	return scan.HanChar(r) || puCloser(r)
}

// cnAfter reports Chinese text right after i, allowing one space.
func (pp *punctPara) cnAfter(i int) bool {
	r := pp.at(i + 1)
	if r == ' ' {
		r = pp.at(i + 2)
	}
	return scan.HanChar(r) || scan.Opener(r)
}

// halfwidth reports half-width , . ; : ? ! ( ) " in Chinese text.
