//go:build unix

package storetest

import (
	"syscall"
	"time"
)

// ProcessCPU is the CPU time this process has used, all threads (the
// garbage collector too). Benchmarks report it beside the wall time,
// which on a shared machine counts the waits for a core as well.
func ProcessCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
