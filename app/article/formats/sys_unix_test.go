//go:build unix

package formats

import "syscall"

func mkfifo(path string) error { return syscall.Mkfifo(path, 0o644) }

// cpuTime is the CPU time this process has used (all threads, GC too).
func cpuTime() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
