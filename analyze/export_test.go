package analyze

// CountWork runs f and returns the units of work the linear-time scans
// reported meanwhile (see workHook). Not for parallel tests.
func CountWork(f func()) int {
	n := 0
	old := workHook
	workHook = func(k int) { n += k }
	defer func() { workHook = old }()
	f()
	return n
}
