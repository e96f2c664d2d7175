package docxout

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/reportlint/reportlint/internal/lazy"
)

type splice struct {
	start, end int
	text       string
}

// render splices the planned markers, split runs and revisions into
// document.xml; bytes outside the touched runs and insertion points are
// kept as they were.
func (rv *reviewer) render(doc []byte) ([]byte, error) {
	var sp []splice
	for _, r := range rv.runOrder {
		pl := rv.runs[r]
		sort.SliceStable(pl.events, func(i, j int) bool {
			a, b := pl.events[i], pl.events[j]
			if a.off != b.off {
				return a.off < b.off
			}
			if ca, cb := rankClass(a.rank), rankClass(b.rank); ca != cb {
				return ca < cb
			}
			if a.edit != b.edit {
				return a.edit < b.edit
			}
			if a.rank != b.rank {
				return a.rank < b.rank
			}
			return a.seq < b.seq
		})
		if r.complex {
			var before, after strings.Builder
			for _, ev := range pl.events {
				if ev.off == 0 {
					before.WriteString(rv.eventXML(ev, r.prefix))
				} else {
					after.WriteString(rv.eventXML(ev, r.prefix))
				}
			}
			sp = append(sp, splice{r.start, r.start, before.String()}, splice{r.end, r.end, after.String()})
			continue
		}
		sp = append(sp, splice{r.start, r.end, rv.splitRun(doc, r, pl)})
	}
	for _, p := range rv.paraOrder {
		pl := rv.paras[p]
		var s, e strings.Builder
		for _, ev := range pl.start {
			s.WriteString(rv.eventXML(ev, p.prefix))
		}
		for _, ev := range pl.end {
			e.WriteString(rv.eventXML(ev, p.prefix))
		}
		if p.selfClosing {
			tag := strings.TrimSuffix(strings.TrimSuffix(p.startTag, "/>"), " ") + ">"
			sp = append(sp, splice{p.start, p.end, tag + s.String() + e.String() + "</" + p.name + ">"})
			continue
		}
		sp = append(sp, splice{p.contentStart, p.contentStart, s.String()}, splice{p.closeStart, p.closeStart, e.String()})
	}
	sort.SliceStable(sp, func(i, j int) bool {
		if sp[i].start != sp[j].start {
			return sp[i].start < sp[j].start
		}
		return sp[i].end < sp[j].end
	})
	var out bytes.Buffer
	out.Grow(len(doc) + len(doc)/8)
	pos := 0
	for _, s := range sp {
		if s.start < pos || s.end < s.start || s.end > len(doc) {
			return nil, errors.New("审阅标记位置冲突（内部错误，请报告此问题），未生成审阅稿")
		}
		out.Write(doc[pos:s.start])
		out.WriteString(s.text)
		pos = s.end
	}
	out.Write(doc[pos:])
	return out.Bytes(), nil
}

// rankClass groups ranks: plain comment ends, edit events, plain comment starts.
func rankClass(rank int) int {
	switch rank {
	case rankEnd:
		return 0
	case rankStart:
		return 2
	}
	return 1
}

// eventXML renders a marker; prefix is that of the enclosing element.
func (rv *reviewer) eventXML(ev event, prefix string) string {
	p, decl := wtag(prefix)
	switch ev.kind {
	case evStart:
		return fmt.Sprintf(`<%scommentRangeStart%s %sid="%d"/>`, p, decl, p, ev.id)
	case evEnd:
		return fmt.Sprintf(`<%scommentRangeEnd%s %sid="%d"/><%sr%s><%scommentReference %sid="%d"/></%sr>`, p, decl, p, ev.id, p, decl, p, p, ev.id, p)
	case evIns:
		id := rv.nextID
		rv.nextID++
		var b strings.Builder
		fmt.Fprintf(&b, `<%sins%s %sid="%d" %sauthor="%s"%s><%sr>%s`, p, decl, p, id, p, xmlText(rv.opt.author()), rv.dateAttr(p), p, rv.freshIDs(ev.rPr))
		for i, part := range strings.Split(ev.ins, "\t") {
			if i > 0 {
				fmt.Fprintf(&b, `<%stab/>`, p)
			}
			if part != "" {
				fmt.Fprintf(&b, `<%st xml:space="preserve">%s</%st>`, p, xmlText(part), p)
			}
		}
		fmt.Fprintf(&b, `</%sr></%sins>`, p, p)
		return b.String()
	}
	return ""
}

// splitRun rewrites one run cut at every event offset and deletion bound:
// each piece repeats the run's start tag and w:rPr, deleted pieces are
// wrapped in w:del with w:t turned into w:delText.
func (rv *reviewer) splitRun(doc []byte, r *wRun, pl *runPlan) string {
	n := r.n()
	cutSet := map[int]bool{0: true, n: true}
	for _, ev := range pl.events {
		cutSet[ev.off] = true
	}
	for _, d := range pl.dels {
		cutSet[d[0]], cutSet[d[1]] = true, true
	}
	cuts := make([]int, 0, len(cutSet))
	for c := range cutSet {
		if c >= 0 && c <= n {
			cuts = append(cuts, c)
		}
	}
	sort.Ints(cuts)
	nseg := len(cuts) - 1
	segs := make([]strings.Builder, max(nseg, 0))
	has := make([]bool, max(nseg, 0))
	segOf := func(off int) int {
		j := sort.SearchInts(cuts, off+1) - 1
		return min(max(j, 0), nseg-1)
	}
	deleted := func(j int) bool {
		for _, d := range pl.dels {
			if d[0] <= cuts[j] && cuts[j+1] <= d[1] {
				return true
			}
		}
		return false
	}
	kp := pfx(r.prefix)
	for _, k := range r.kids {
		raw := string(doc[k.start:k.end])
		if k.text == "" || k.local != "t" {
			j := segOf(k.off)
			if nseg <= 0 {
				continue
			}
			segs[j].WriteString(raw)
			has[j] = true
			continue
		}
		ks, ke := k.off, k.off+len(k.text)
		for j := segOf(ks); j < nseg && cuts[j] < ke; j++ {
			a, b := max(ks, cuts[j]), min(ke, cuts[j+1])
			if a >= b {
				continue
			}
			has[j] = true
			part := k.text[a-ks : b-ks]
			switch {
			case deleted(j):
				fmt.Fprintf(&segs[j], `<%sdelText xml:space="preserve">%s</%sdelText>`, kp, xmlText(part), kp)
			case a == ks && b == ke:
				segs[j].WriteString(raw)
			default:
				fmt.Fprintf(&segs[j], `<%st xml:space="preserve">%s</%st>`, kp, xmlText(part), kp)
			}
		}
	}
	var out strings.Builder
	ei := 0
	emitUpTo := func(off int) {
		for ei < len(pl.events) && pl.events[ei].off <= off {
			out.WriteString(rv.eventXML(pl.events[ei], r.prefix))
			ei++
		}
	}
	first := true
	for j := 0; j < nseg; j++ {
		emitUpTo(cuts[j])
		if !has[j] {
			continue
		}
		rPr := r.rPr
		if !first {
			rPr = rv.freshIDs(rPr)
		}
		first = false
		run := r.startTag + rPr + segs[j].String() + "</" + r.name + ">"
		if deleted(j) {
			p, d := wtag(r.prefix)
			id := rv.nextID
			rv.nextID++
			run = fmt.Sprintf(`<%sdel%s %sid="%d" %sauthor="%s"%s>`, p, d, p, id, p, xmlText(rv.opt.author()), rv.dateAttr(p)) + run + "</" + p + "del>"
		}
		out.WriteString(run)
	}
	emitUpTo(n)
	return out.String()
}

var reIDAttr = lazy.Regexp(`(\s(?:[A-Za-z_][\w.-]*:)?id=")(\d+)(")`)

// freshIDs gives the numeric ids inside a copied w:rPr (w:rPrChange and
// the like) new values, so that a split run does not repeat them.
func (rv *reviewer) freshIDs(rPr string) string {
	if !strings.Contains(rPr, "id=") {
		return rPr
	}
	return reIDAttr().ReplaceAllStringFunc(rPr, func(m string) string {
		sub := reIDAttr().FindStringSubmatch(m)
		id := rv.nextID
		rv.nextID++
		return sub[1] + strconv.Itoa(id) + sub[3]
	})
}

// parseRelIDs lists the Id attributes of a relationships part.
func parseRelIDs(data []byte) []string {
	var ids []string
	d := xml.NewDecoder(bytes.NewReader(data))
	for len(ids) < 100000 {
		tok, err := d.RawToken()
		if err != nil {
			break
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "Relationship" {
			ids = append(ids, attr(se, "Id"))
		}
	}
	return ids
}
