package analyze

// Completeness summarises, per top-level section, the numeric slots (the
// quantity claims, dates left out), how many are filled and how many
// placeholders of any kind remain.
func (a *Analysis) Completeness() []SectionCompleteness {
	return completenessKey.Get(a)
}

var completenessKey = NewKey("completeness", func(a *Analysis) []SectionCompleteness {
	doc := a.Doc
	var out []SectionCompleteness
	idx := map[string]int{}
	row := func(off int) *SectionCompleteness {
		name, line := "（正文开头）", 1
		if i := a.topNodeAt(off); i >= 0 {
			n := &a.Outline()[i]
			name, line = n.Label(), doc.Position(n.Open.Start).Line
		}
		i, ok := idx[name]
		if !ok {
			i = len(out)
			idx[name] = i
			out = append(out, SectionCompleteness{Section: name, Line: line})
		}
		return &out[i]
	}
	// rows in text order: claims and placeholders interleave
	cs, phs := a.Claims(), a.Placeholders()
	for ci, pi := 0, 0; ci < len(cs) || pi < len(phs); {
		if pi < len(phs) && (ci >= len(cs) || phs[pi].Start < cs[ci].Start) {
			row(phs[pi].Start).Placeholders++
			pi++
			continue
		}
		c := &cs[ci]
		ci++
		switch c.Kind {
		case ClaimYear, ClaimMonth, ClaimDate:
			continue // dates are not quantities to fill
		}
		r := row(c.Start)
		r.NumericSlots++
		if !c.Unfilled {
			r.Filled++
		}
	}
	for i := range out {
		out[i].Percent = percent(out[i].Filled, out[i].NumericSlots)
	}
	return out
})

func percent(filled, slots int) float64 {
	if slots == 0 {
		return 100
	}
	return float64(int(float64(filled)*1000/float64(slots)+0.5)) / 10
}
