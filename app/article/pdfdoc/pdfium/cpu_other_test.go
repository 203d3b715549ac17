//go:build !unix

package pdfium

func cpuTime() int64 { return 0 }
