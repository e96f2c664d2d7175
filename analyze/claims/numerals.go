package claims

import (
	"github.com/reportlint/reportlint/analyze/internal/scan"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ---------------------------------------------------------------------------
// Numerals.

const cnNumeralChars = "〇零一二两三四五六七八九十百千万亿"

func isNumeralRune(r rune) bool {
	switch r {
	case '〇', '零', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万', '亿':
		return true
	}
	return false
}

// isClausePunct reports whether r is in ClausePunct.
func isClausePunct(r rune) bool {
	switch r {
	case '，', ',', '；', ';', '：', ':', '。', '！', '？', '!', '?', '、', '（', '）', '(', ')', '《', '》', '【', '】', '\n', '|', '｜', '\t':
		return true
	}
	return false
}

func isAnyDigit(r rune) bool { return scan.IsAnyDigit(r) }

func digitVal(r rune) int {
	if r >= '０' && r <= '９' {
		return int(r - '０')
	}
	return int(r - '0')
}

func cnDigit(r rune) (int, bool) {
	switch r {
	case '〇', '零':
		return 0, true
	case '一':
		return 1, true
	case '二', '两':
		return 2, true
	case '三':
		return 3, true
	case '四':
		return 4, true
	case '五':
		return 5, true
	case '六':
		return 6, true
	case '七':
		return 7, true
	case '八':
		return 8, true
	case '九':
		return 9, true
	}
	return 0, false
}

func cnPlace(r rune) float64 {
	switch r {
	case '十':
		return 10
	case '百':
		return 100
	case '千':
		return 1000
	}
	return 0
}

// cnForm is how a Chinese numeral run reads.
type cnForm int

const (
	cnInvalid cnForm = iota
	cnValue          // 一百二十, 三万
	cnYear           // 二〇二二 (digit by digit)
	cnApprox         // 三四, 十二三: two adjacent numbers
)

// parseCN reads a run of Chinese numeral characters.
func parseCN(run string) (v, hi float64, form cnForm) {
	rs := []rune(run)
	allDigits := true
	for _, r := range rs {
		if _, ok := cnDigit(r); !ok {
			allDigits = false
		}
	}
	if allDigits {
		switch {
		case len(rs) == 4 || len(rs) == 3 && strings.ContainsAny(run, "〇零"):
			n := 0
			for _, r := range rs {
				d, _ := cnDigit(r)
				n = n*10 + d
			}
			return float64(n), 0, cnYear
		case len(rs) == 2:
			a, _ := cnDigit(rs[0])
			b, _ := cnDigit(rs[1])
			if a >= 1 && b == a+1 {
				return float64(a), float64(b), cnApprox
			}
			return 0, 0, cnInvalid
		case len(rs) == 1:
			d, _ := cnDigit(rs[0])
			if d == 0 {
				return 0, 0, cnInvalid
			}
			return float64(d), 0, cnValue
		}
		return 0, 0, cnInvalid
	}
	// 十二三: a positional number whose last two digits are adjacent.
	if n := len(rs); n >= 3 {
		a, okA := cnDigit(rs[n-2])
		b, okB := cnDigit(rs[n-1])
		if okA && okB && a >= 1 && b == a+1 {
			if lo, _, f := parseCN(string(rs[:n-1])); f == cnValue {
				return lo, lo + 1, cnApprox
			}
			return 0, 0, cnInvalid
		}
	}
	var total, section float64
	digit := -1
	lastPlace := 1e9
	zero := false
	for i, r := range rs {
		if d, ok := cnDigit(r); ok {
			if d == 0 {
				if digit != -1 {
					return 0, 0, cnInvalid
				}
				zero = true
				continue
			}
			if digit != -1 {
				return 0, 0, cnInvalid
			}
			digit = d
			continue
		}
		if p := cnPlace(r); p > 0 {
			if digit == -1 {
				if r == '十' && i == 0 || r == '十' && zero {
					digit = 1
				} else {
					return 0, 0, cnInvalid
				}
			}
			if p >= lastPlace {
				return 0, 0, cnInvalid
			}
			section += float64(digit) * p
			lastPlace, digit, zero = p, -1, false
			continue
		}
		// 万 or 亿
		m := 1e4
		if r == '亿' {
			m = 1e8
		}
		if digit != -1 {
			section += float64(digit)
		}
		if section == 0 && total == 0 {
			return 0, 0, cnInvalid
		}
		if r == '万' && total >= 1e8 && section > 0 { // 一亿二千万
			total += section * m
		} else {
			total = (total + section) * m
		}
		section, digit, lastPlace, zero = 0, -1, 1e9, false
	}
	if digit != -1 {
		if lastPlace < 1e9 && lastPlace >= 100 && !zero { // 一千二 = 1200, 二百五 = 250
			section += float64(digit) * lastPlace / 10
		} else {
			section += float64(digit)
		}
	}
	v = total + section
	if v <= 0 || v > maxClaimValue { // also +Inf (九千万亿亿亿…)
		return 0, 0, cnInvalid
	}
	return v, 0, cnValue
}

// arabic is a number in Arabic digits as written at s[i:].
type arabic struct {
	end      int
	val      float64
	decimals int // digits after the point
	digits   int // digits before the point
	full     bool
	half     bool
}

// parseArabic reads digits, thousands separators and a decimal part.
func parseArabic(s string, i int) (arabic, bool) {
	var a arabic
	j := i
	var buf [32]byte
	b := buf[:0] // the number in ASCII digits
	readDigits := func() int {
		n := 0
		for j < len(s) {
			r, w := utf8.DecodeRuneInString(s[j:])
			if !isAnyDigit(r) {
				break
			}
			if r >= '０' {
				a.full = true
			} else {
				a.half = true
			}
			b = append(b, byte('0'+digitVal(r)))
			j += w
			n++
		}
		return n
	}
	a.digits = readDigits()
	if a.digits == 0 {
		return a, false
	}
	// thousands separators: 1,234,567 (first group of 1-3 digits)
	if a.digits <= 3 {
		for j+4 <= len(s) && s[j] == ',' && scan.AllASCIIDigits(s[j+1:j+4]) && (j+4 == len(s) || !scan.IsAnyDigitByte(s, j+4)) {
			b = append(b, s[j+1:j+4]...)
			j += 4
			a.digits += 3
		}
	}
	if j < len(s) {
		r, w := utf8.DecodeRuneInString(s[j:])
		if r == '.' || r == '．' {
			if j+w < len(s) {
				if r2, _ := utf8.DecodeRuneInString(s[j+w:]); isAnyDigit(r2) {
					b = append(b, '.')
					j += w
					a.decimals = readDigits()
				}
			}
		}
	}
	if a.digits+a.decimals > 15 {
		return a, false
	}
	if a.decimals == 0 { // at most 15 digits: exact as an integer
		var n int64
		for _, c := range b {
			n = n*10 + int64(c-'0')
		}
		a.end, a.val = j, float64(n)
		return a, true
	}
	v, err := strconv.ParseFloat(string(b), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return a, false
	}
	a.end, a.val = j, v
	return a, true
}
