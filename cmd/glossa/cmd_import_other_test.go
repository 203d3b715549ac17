//go:build !unix

package main

import "testing"

// mkfifoForTest is "" where there are no named pipes.
func mkfifoForTest(t *testing.T, dir string) string { return "" }
