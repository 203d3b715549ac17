//go:build !cgo

package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "mapwatch needs cgo and Xlib (scripts/deps.sh installs them)")
	os.Exit(2)
}
