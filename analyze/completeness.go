package analyze

// Completeness summarises, per top-level section, the numeric slots, how
// many are filled and how many placeholders remain.
func (a *Analysis) Completeness() []SectionCompleteness {
	return Memo(a, "completeness", func() []SectionCompleteness {
		doc := a.Doc
		var out []SectionCompleteness
		idx := map[string]int{}
		row := func(off int) *SectionCompleteness {
			name, line := "（正文开头）", 1
			if h := doc.TopHeadingAt(off); h != nil {
				name, line = h.Text(doc), doc.Position(h.Marker.Start).Line
			}
			i, ok := idx[name]
			if !ok {
				i = len(out)
				idx[name] = i
				out = append(out, SectionCompleteness{Section: name, Line: line})
			}
			return &out[i]
		}
		for _, ph := range a.Placeholders() {
			r := row(ph.Start)
			r.Placeholders++
			if ph.Kind == KindNumber {
				r.NumericSlots++
			}
		}
		for i := range out {
			out[i].Percent = percent(out[i].Filled, out[i].NumericSlots)
		}
		return out
	})
}

func percent(filled, slots int) float64 {
	if slots == 0 {
		return 100
	}
	return float64(int(float64(filled)*1000/float64(slots)+0.5)) / 10
}
