// Package strblock copies many strings into one allocation, so that what
// a record keeps holds no part of a document's text (which can then be
// freed) and costs one allocation instead of one per string.
package strblock

import "strings"

// Pool notes strings to copy; the zero value is ready.
type Pool struct {
	ptrs []*string
	n    int
}

// Add notes *s to be copied by the next Copy.
func (p *Pool) Add(s *string) {
	if *s == "" {
		return
	}
	p.ptrs = append(p.ptrs, s)
	p.n += len(*s)
}

// Copy points every noted string into one new block; the pool is then
// empty.
func (p *Pool) Copy() {
	var b strings.Builder
	b.Grow(p.n)
	for _, s := range p.ptrs {
		b.WriteString(*s)
	}
	all := b.String()
	for _, s := range p.ptrs {
		*s, all = all[:len(*s)], all[len(*s):]
	}
	p.ptrs, p.n = p.ptrs[:0], 0
}
