package similar

import (
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/strblock"
)

// Signature is the serializable form of a Print: what a per-file stage
// emits (one JSON line per file) and a merge stage compares, without the
// texts. It holds the winnowed fingerprints with their offsets, the line
// starts and short excerpts at sentence starts (for output), not the
// per-token hashes Pairs uses to pre-filter before reading texts. Its
// size is about 12 bytes per fingerprint plus the excerpts (Options
// ExcerptRunes × MaxExcerpts at most).
type Signature struct {
	Version  int          `json:"v"`
	Shingle  int          `json:"k"` // Options the fingerprints were made with
	Window   int          `json:"w"`
	Chars    int          `json:"chars"` // content characters of the text
	Len      int          `json:"len"`   // bytes of the text
	Hash     string       `json:"hash"`  // FNV-1a of the text, hex
	FPs      string       `json:"fps"`   // base64 of the packed fingerprints
	Lines    string       `json:"lines"` // base64 of the packed line starts
	Excerpts []SigExcerpt `json:"excerpts,omitempty"`
	Stock    []SigStock   `json:"stock,omitempty"`
}

// SigExcerpt is the start of a sentence at byte offset Off.
type SigExcerpt struct {
	Off  int    `json:"o"`
	Text string `json:"t"`
}

// SigStock is a sentence Options.IsStock accepted.
type SigStock struct {
	Hash    string `json:"h"`
	Chars   int    `json:"c"`
	Excerpt string `json:"t"`
}

// signatureVersion changes when the packing does.
const signatureVersion = 1

// Bounds checked when a Signature is read back.
const (
	maxSigExcerptBytes = 512
	maxSigExcerpts     = 1 << 16
)

// Signature returns the serializable form of p; opt are the Index's
// options (Shingle and Window are recorded).
func (ix *Index) Signature(p *Print) *Signature {
	s := &Signature{Version: signatureVersion, Shingle: ix.opt.Shingle, Window: ix.opt.Window,
		Chars: p.chars, Len: p.textLen, Hash: strconv.FormatUint(p.textHash, 16)}
	// Eight bytes of hash and seven small deltas, mostly a byte each.
	b := make([]byte, 0, 18*len(p.fps)+8+7*binary.MaxVarintLen32)
	var prev fp
	for _, f := range p.fps {
		if cap(b)-len(b) < 8+7*binary.MaxVarintLen32 {
			b = slices.Grow(b, len(b)+8+7*binary.MaxVarintLen32)
		}
		b = binary.LittleEndian.AppendUint64(b, f.hash)
		for _, v := range [...]uint32{f.start - prev.start, f.end - f.start, f.tok - prev.tok, f.c0 - prev.c0, f.c1 - f.c0, f.u0 - prev.u0, f.u1 - f.u0} {
			b = binary.AppendUvarint(b, uint64(v))
		}
		prev = f
	}
	s.FPs = base64.StdEncoding.EncodeToString(b)
	b = b[:0]
	last := uint32(0)
	for _, l := range p.lines {
		b = binary.AppendUvarint(b, uint64(l-last))
		last = l
	}
	s.Lines = base64.StdEncoding.EncodeToString(b)
	for _, e := range p.excerpts {
		s.Excerpts = append(s.Excerpts, SigExcerpt{int(e.off), e.text})
	}
	for _, st := range p.stock {
		s.Stock = append(s.Stock, SigStock{strconv.FormatUint(st.hash, 16), st.chars, st.excerpt})
	}
	return s
}

// Compact returns the Print that PrintFrom(ix.Signature(p)) rebuilds,
// without encoding it: the same fingerprints and lines (shared with p), no
// per-token hashes, and excerpts copied out of the text so that the text
// can be freed.
func (p *Print) Compact() *Print {
	c := &Print{fps: p.fps, chars: p.chars, textLen: p.textLen, textHash: p.textHash, lines: p.lines}
	if len(c.fps) == 0 {
		c.fps = nil
	}
	if len(c.lines) == 0 {
		c.lines = nil
	}
	if len(p.excerpts) > 0 { // empty parts stay nil, as PrintFrom leaves them
		c.excerpts = slices.Clone(p.excerpts)
	}
	if len(p.stock) > 0 {
		c.stock = slices.Clone(p.stock)
	}
	var pool strblock.Pool
	for i := range c.excerpts {
		pool.Add(&c.excerpts[i].text)
	}
	for i := range c.stock {
		pool.Add(&c.stock[i].excerpt)
	}
	pool.Copy()
	return c
}

// ErrSignature is the cause of every error of PrintFrom.
var ErrSignature = errors.New("指纹数据无效")

func sigError(format string, a ...any) error {
	return fmt.Errorf("%w：%s", ErrSignature, fmt.Sprintf(format, a...))
}

// PrintFrom rebuilds a Print from a Signature made with the same Shingle
// and Window, checking every offset, so that a damaged or hostile line
// gives an error, never a panic. The Print can be added to the Index and
// compared with Compare; Pairs can refine it only with the original text.
func (ix *Index) PrintFrom(s *Signature) (*Print, error) {
	switch {
	case s == nil:
		return nil, sigError("空记录")
	case s.Version != signatureVersion:
		return nil, sigError("版本 %d 不受支持（应为 %d），请用同一版本重新生成", s.Version, signatureVersion)
	case s.Shingle != ix.opt.Shingle || s.Window != ix.opt.Window:
		return nil, sigError("指纹参数 k=%d w=%d 与本次比对的 k=%d w=%d 不同，请用相同设置重新生成", s.Shingle, s.Window, ix.opt.Shingle, ix.opt.Window)
	case s.Len < 0 || s.Len > 1<<31 || s.Chars < 0 || s.Chars > s.Len:
		return nil, sigError("长度 %d、字数 %d 不合理", s.Len, s.Chars)
	}
	h, err := strconv.ParseUint(s.Hash, 16, 64)
	if err != nil {
		return nil, sigError("文本校验值 %q 无效", s.Hash)
	}
	p := &Print{chars: s.Chars, textLen: s.Len, textHash: h}
	sc := ix.pool.Get().(*scratch)
	defer ix.pool.Put(sc)
	b, err := decodeBase64(s.FPs, &sc.dec)
	if err != nil {
		return nil, sigError("fps 字段不是有效的 base64")
	}
	// A fingerprint takes 15 bytes or more (a hash and seven varints).
	p.fps = make([]fp, 0, len(b)/15)
	var prev fp
	for len(b) > 0 {
		if len(b) < 8 {
			return nil, sigError("fps 字段被截断")
		}
		f := fp{hash: binary.LittleEndian.Uint64(b)}
		b = b[8:]
		var v [7]uint64
		for i := range v {
			x, n := binary.Uvarint(b)
			if n <= 0 || x > uint64(s.Len) {
				return nil, sigError("fps 字段第 %d 个指纹的偏移无效", len(p.fps)+1)
			}
			v[i], b = x, b[n:]
		}
		f.start, f.end = prev.start+uint32(v[0]), prev.start+uint32(v[0])+uint32(v[1])
		f.tok = prev.tok + uint32(v[2])
		f.c0 = prev.c0 + uint32(v[3])
		f.c1 = f.c0 + uint32(v[4])
		f.u0 = prev.u0 + uint32(v[5])
		f.u1 = f.u0 + uint32(v[6])
		if uint64(f.start)+v[1] > uint64(s.Len) || f.end <= f.start || uint64(f.c1) > uint64(s.Chars) ||
			uint64(prev.c0)+v[3]+v[4] > uint64(s.Chars) || uint64(prev.u0)+v[5]+v[6] > uint64(f.c1) ||
			uint64(prev.tok)+v[2] > uint64(s.Len) || len(p.fps) > 0 && f.tok == prev.tok || f.hash == masked {
			return nil, sigError("fps 字段第 %d 个指纹的偏移超出文本", len(p.fps)+1)
		}
		p.fps = append(p.fps, f)
		prev = f
	}
	if b, err = decodeBase64(s.Lines, &sc.dec); err != nil {
		return nil, sigError("lines 字段不是有效的 base64")
	}
	n := 0
	for _, c := range b {
		if c < 0x80 { // the last byte of a varint
			n++
		}
	}
	p.lines = make([]uint32, 0, n)
	last := uint64(0)
	for len(b) > 0 {
		x, n := binary.Uvarint(b)
		if n <= 0 || x == 0 || last+x > uint64(s.Len) {
			return nil, sigError("lines 字段第 %d 行的偏移无效", len(p.lines)+2)
		}
		last += x
		b = b[n:]
		p.lines = append(p.lines, uint32(last))
	}
	if len(s.Excerpts) > maxSigExcerpts || len(s.Stock) > maxStockSentences {
		return nil, sigError("摘录过多")
	}
	p.excerpts = make([]excerptAt, 0, len(s.Excerpts))
	for i, e := range s.Excerpts {
		if e.Off < 0 || e.Off >= max(s.Len, 1) || i > 0 && e.Off <= s.Excerpts[i-1].Off || len(e.Text) > maxSigExcerptBytes || !utf8.ValidString(e.Text) {
			return nil, sigError("第 %d 条摘录无效", i+1)
		}
		p.excerpts = append(p.excerpts, excerptAt{uint32(e.Off), e.Text})
	}
	for i, st := range s.Stock {
		sh, err := strconv.ParseUint(st.Hash, 16, 64)
		if err != nil || st.Chars < 0 || st.Chars > s.Chars || len(st.Excerpt) > maxSigExcerptBytes || !utf8.ValidString(st.Excerpt) {
			return nil, sigError("第 %d 条固定表述记录无效", i+1)
		}
		p.stock = append(p.stock, stockSentence{sh, st.Chars, st.Excerpt})
	}
	// Empty parts are nil, as Compact leaves them and as they were before
	// the slices were sized in advance.
	if len(p.fps) == 0 {
		p.fps = nil
	}
	if len(p.lines) == 0 {
		p.lines = nil
	}
	if len(p.excerpts) == 0 {
		p.excerpts = nil
	}
	return p, nil
}

// decodeBase64 decodes standard base64 into *buf, reused.
func decodeBase64(s string, buf *[]byte) ([]byte, error) {
	*buf = slices.Grow((*buf)[:0], base64.StdEncoding.DecodedLen(len(s)))
	n, err := base64.StdEncoding.Decode((*buf)[:cap(*buf)], []byte(s))
	return (*buf)[:n], err
}
