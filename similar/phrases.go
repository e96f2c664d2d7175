package similar

import (
	"math/bits"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/utf8x"
	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

// StockPhrases are fixed wordings that reports of the genre share without
// copying from each other: standard openings, closings, section names and
// the verbs that go with political formulations. Characters inside them do
// not count toward a passage's length.
var StockPhrases = []string{
	"以习近平同志为核心的党中央", "习近平新时代中国特色社会主义思想", "习近平总书记重要讲话和重要指示批示精神",
	"习近平总书记重要讲话重要指示批示精神", "习近平总书记系列重要讲话精神", "习近平总书记重要指示批示精神",
	"坚持以习近平新时代中国特色社会主义思想为指导", "深入学习贯彻", "认真学习贯彻", "全面贯彻落实", "深入贯彻落实",
	"党的二十大精神", "党的二十大和二十届二中、三中全会精神", "党的二十大和二十届历次全会精神", "党的十九大精神",
	"二十届三中全会精神", "二十届四中全会精神", "十九届历次全会精神", "的决定性意义", "深刻领悟", "增强", "坚定", "做到",
	"牢固树立", "坚决做到", "始终胸怀", "牢记", "心怀", "坚持和加强党的全面领导", "全面从严治党", "主体责任", "第一责任人",
	"党风廉政建设", "意识形态工作责任制", "中央八项规定精神", "中央八项规定及其实施细则精神", "廉洁自律", "廉洁从政",
	"民主生活会", "组织生活会", "批评与自我批评", "理论学习中心组", "学习型机关", "主题教育", "党纪学习教育",
	"在上级党委的坚强领导下", "在市委、市政府的坚强领导下", "在县委、县政府的坚强领导下", "在局党组的坚强领导下",
	"现将有关情况报告如下", "现将有关情况汇报如下", "现将个人履职情况报告如下", "现将本人履职情况报告如下",
	"现将工作情况报告如下", "报告如下", "汇报如下", "特此报告", "请予审议", "请予评议", "以上报告，请予审议",
	"以上报告，请予评议", "各位代表", "请各位代表审议", "向大会报告政府工作，请予审议",
	"并请政协委员和其他列席人员提出意见", "并请市政协委员和其他列席人员提出意见", "并请县政协委员和其他列席人员提出意见",
	"并请区政协委员和其他列席人员提出意见",
	"存在的问题和不足", "存在的主要问题", "下一步工作打算", "下一步工作安排", "今后努力方向", "主要工作及成效",
	"回顾过去一年的工作", "高质量发展", "经济社会高质量发展", "稳中求进工作总基调",
	"以人民为中心的发展思想", "人民群众", "群众满意度", "获得感、幸福感、安全感", "急难愁盼问题",
	"取得明显成效", "取得积极成效", "取得显著成效", "形成了可复制的经验", "形成可复制可推广的经验", "群众满意度不断提升",
	"实现了预期目标", "办理时限明显缩短", "服务更加便捷高效", "各项工作有序推进", "各项工作取得积极进展",
	"担当作为", "履职尽责", "真抓实干", "攻坚克难", "守正创新", "凝心聚力", "锐意进取", "开拓创新",
	"统筹发展和安全", "营商环境", "乡村振兴", "共同富裕", "生态文明建设", "安全生产", "疫情防控",
	"理论学习不够深入", "工作作风还需改进", "创新意识不够强", "调查研究不够深入", "与上级要求相比还有差距",
	"与群众期盼相比还有差距", "在今后的工作中", "请各位领导和同志们批评指正", "不妥之处请批评指正", "请批评指正",
	"以上是本年度工作情况", "述职人",
}

// PhrasesFrom returns the formulation texts, members, known wrong forms,
// changed wordings and fixed terms of a lexicon, for Options.Boilerplate.
func PhrasesFrom(lex *lexicon.Lexicon) []string {
	if lex == nil {
		return nil
	}
	var out []string
	for _, f := range lex.Formulations {
		out = append(out, f.Text)
		out = append(out, f.Members...)
		for _, w := range f.Wrong {
			out = append(out, w.Text, w.Correction)
		}
		for _, c := range f.Changed {
			out = append(out, c.Old, c.New)
		}
	}
	for _, t := range lex.Terms {
		out = append(out, t.Text)
	}
	for _, e := range lex.Events {
		out = append(out, e.Names...)
	}
	return out
}

// matcher finds occurrences of fixed phrases. It is read-only once built.
type matcher struct {
	// bloom is a Bloom filter of the phrases' first two runes: a position
	// whose two runes are not in it starts no phrase.
	bloom []uint64
	// table holds, by their first two runes, the phrases longest first
	// (open addressing; len is a power of two).
	table []pairPhrases
	// A phrase whose second rune is not valid UTF-8 (it may be the start
	// of a longer rune in the text) is found by its first rune alone:
	// loose lists all the phrases starting with such a rune.
	loose map[rune][]string
}

type pairPhrases struct {
	key     uint64 // first rune << 32 | second rune
	phrases []string
}

// bloomBits is log2 of the size of matcher.bloom in bits.
const bloomBits = 16

// pairHash hashes two runes for matcher.bloom (top bits) and table (low bits).
func pairHash(r1, r2 rune) uint32 {
	return uint32(r1)*0x9E3779B1 ^ uint32(r2)*0x85EBCA77
}

// runePair is the key of a phrase's first two runes in matcher.table.
func runePair(r1, r2 rune) uint64 { return uint64(uint32(r1))<<32 | uint64(uint32(r2)) }

func newMatcher(phrases []string) *matcher {
	m := &matcher{loose: map[rune][]string{}}
	byFirst := map[rune][]string{}
	byPair := map[uint64][]string{}
	var order []uint64
	seen := map[string]bool{}
	for _, p := range phrases {
		p = strings.TrimSpace(p)
		// A single character (a member such as 实 of 真实亲诚) is no
		// phrase: it would mask ordinary words (实现).
		if utf8.RuneCountInString(p) < 2 || seen[p] {
			continue
		}
		seen[p] = true
		r, n := utf8.DecodeRuneInString(p)
		byFirst[r] = append(byFirst[r], p)
		if r2, _ := utf8.DecodeRuneInString(p[n:]); r2 == utf8.RuneError {
			m.loose[r] = nil
		} else {
			k := runePair(r, r2)
			if byPair[k] == nil {
				order = append(order, k)
			}
			byPair[k] = append(byPair[k], p)
		}
	}
	for r := range m.loose {
		m.loose[r] = longestFirst(byFirst[r])
	}
	if len(order) == 0 {
		return m
	}
	m.bloom = make([]uint64, 1<<bloomBits/64)
	m.table = make([]pairPhrases, max(64, 1<<bits.Len(uint(4*len(order)))))
	for _, k := range order {
		h := pairHash(rune(k>>32), rune(uint32(k)))
		m.bloom[h>>(32-bloomBits+6)] |= 1 << (h >> (32 - bloomBits) & 63)
		i := h & uint32(len(m.table)-1)
		for m.table[i].phrases != nil {
			i = (i + 1) & uint32(len(m.table)-1)
		}
		m.table[i] = pairPhrases{k, longestFirst(byPair[k])}
	}
	return m
}

// longestFirst sorts phrases longest first, then in byte order.
func longestFirst(ps []string) []string {
	sort.Slice(ps, func(i, j int) bool {
		if len(ps[i]) != len(ps[j]) {
			return len(ps[i]) > len(ps[j])
		}
		return ps[i] < ps[j]
	})
	return ps
}

// phrasesAt returns the phrases that start with runes r1 r2, longest
// first, and the loose ones starting with r1 (the caller tests each).
func (m *matcher) phrasesAt(r1, r2 rune) []string {
	if len(m.loose) > 0 {
		if ps, ok := m.loose[r1]; ok {
			return ps
		}
	}
	if m.bloom == nil {
		return nil
	}
	h := pairHash(r1, r2)
	if m.bloom[h>>(32-bloomBits+6)]&(1<<(h>>(32-bloomBits)&63)) == 0 {
		return nil
	}
	k := runePair(r1, r2)
	for i := h & uint32(len(m.table)-1); m.table[i].phrases != nil; i = (i + 1) & uint32(len(m.table)-1) {
		if m.table[i].key == k {
			return m.table[i].phrases
		}
	}
	return nil
}

// mask appends the merged spans of text covered by phrases to dst.
func (m *matcher) mask(text string, dst []segment.Span) []segment.Span {
	if m == nil || m.bloom == nil && len(m.loose) == 0 {
		return dst
	}
	// Phrases have two runes or more: the phrases at a rune are tried when
	// the next rune is known.
	prev, at := rune(-1), 0
	for i := 0; i < len(text); {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			if c := text[i]; c >= 0xE4 && c <= 0xE9 && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
				r, n = rune(c&0x0F)<<12|rune(text[i+1]&0x3F)<<6|rune(text[i+2]&0x3F), 3 // Han
			} else {
				r, n = utf8x.DecodeRune(text, i)
			}
		}
		if h := pairHash(prev, r); prev >= 0 && (m.bloom != nil && m.bloom[h>>(32-bloomBits+6)]&(1<<(h>>(32-bloomBits)&63)) != 0 || len(m.loose) > 0) {
			if ps := m.phrasesAt(prev, r); ps != nil {
				dst = matchAt(text, at, ps, dst)
			}
		}
		prev, at = r, i
		i += n
	}
	return dst
}

// matchAt appends the first of phrases found at text[i:], merged with the
// last span of dst.
func matchAt(text string, i int, phrases []string, dst []segment.Span) []segment.Span {
	for _, p := range phrases {
		if !strings.HasPrefix(text[i:], p) {
			continue
		}
		end := i + len(p)
		if k := len(dst); k > 0 && dst[k-1].End >= i {
			if end > dst[k-1].End {
				dst[k-1].End = end
			}
		} else {
			dst = append(dst, segment.Span{Start: i, End: end})
		}
		break
	}
	return dst
}
