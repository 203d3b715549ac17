//go:build unix

package startup

import (
	"syscall"
	"time"
)

// ProcessCPU is the processor time all the process's threads have used,
// user and system (the collector too): on a machine that others share, it
// moves much less with their load than the wall clock does. The trace's
// `cpu` line and the benchmarks' cpu-ns/op both read it.
func ProcessCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
