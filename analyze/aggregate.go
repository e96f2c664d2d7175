package analyze

// Aggregate merges the findings of one repeated, report-wide rule (a
// consistency or style note such as ％/% mixed, or 顿号 between quotes) into
// one finding: the first keeps its place, rule and suggestion and gets
// message; every finding (the first included) becomes a Related place with
// its own message, so SARIF shows related locations and tables one row.
// message may use the count: see Pass.ReportAggregate. fs must not be empty.
func Aggregate(fs []Finding, message string) Finding {
	f := fs[0]
	f.Message = message
	f.Related = make([]Related, 0, len(fs))
	for _, g := range fs {
		f.Related = append(f.Related, Related{Span: g.Span, Text: g.Text, Message: g.Message})
	}
	return f
}

// ReportAggregate reports fs (findings of one rule, in text order) as one
// finding; message receives their number. It does nothing when fs is empty.
func (p *Pass) ReportAggregate(fs []Finding, message func(n int) string) {
	if len(fs) == 0 {
		return
	}
	p.Report(Aggregate(fs, message(len(fs))))
}
