package analyze

// suppress marks findings silenced by reportlint-disable directives.
func suppress(a *Analysis, fs []Finding, res *Result) []Finding {
	return fs
}
