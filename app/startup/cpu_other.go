//go:build !unix

package startup

import "time"

func cpuTime() (time.Duration, bool) { return 0, false }
