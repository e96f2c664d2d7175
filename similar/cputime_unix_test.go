//go:build unix

package similar

import "syscall"

// cpuTime returns the CPU time (user and system) of the process so far, in
// nanoseconds, and whether it is known.
func cpuTime() (int64, bool) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0, false
	}
	return ru.Utime.Nano() + ru.Stime.Nano(), true
}
