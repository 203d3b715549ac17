//go:build !unix

package cite

import (
	"testing"
	"time"
)

// cpuTime is unavailable here; benchmarks then report wall time only.
func cpuTime(testing.TB) time.Duration { return 0 }
