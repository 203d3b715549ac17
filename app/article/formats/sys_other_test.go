//go:build !unix

package formats

import "os"

// mkfifo: Windows has no named pipes in the file system.
func mkfifo(path string) error { return os.ErrInvalid }
