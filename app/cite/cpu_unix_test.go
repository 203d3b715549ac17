//go:build unix

package cite

import (
	"syscall"
	"testing"
	"time"
)

// cpuTime is the process's user+system CPU time. On a machine shared with
// other work, wall-clock ns/op swings with the load; CPU time per op does not.
func cpuTime(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatalf("getrusage: %v", err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
