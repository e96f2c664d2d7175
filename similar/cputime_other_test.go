//go:build !unix

package similar

func cpuTime() (int64, bool) { return 0, false }
