//go:build unix

package pdfium

import "syscall"

// cpuTime is the CPU time this process has used (all threads, GC too):
// on a shared machine the wall clock measures the other processes too.
func cpuTime() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
