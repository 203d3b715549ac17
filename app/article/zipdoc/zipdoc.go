// Package zipdoc opens the zip archives that Word (.docx) and OpenDocument
// (.odt) files are, with limits that make a hostile archive harmless: too
// many parts, or more data unpacked than any document holds (a zip bomb),
// are refused before or while unpacking, whatever the archive's directory
// claims. Only the parts a reader asks for are ever unpacked.
package zipdoc

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// Limits on what an archive may hold. A long law article with 600 notes
// is a few MB unpacked; these are far above that and far below harm.
// (Variables only so a test can prove them without a 64 MB archive.)
var (
	MaxParts          = 1000
	MaxUnpacked int64 = 64 << 20 // all the parts read, unpacked
)

// Errors for archives that are not safe to open.
var (
	ErrTooManyParts = errors.New("the archive has too many parts to be a document")
	ErrTooBig       = errors.New("the archive unpacks to far more data than a document holds (a zip bomb?)")
)

// Archive is an opened archive with what is left of its unpacking budget.
type Archive struct {
	parts  map[string]*zip.File
	budget int64
}

// Open checks the archive's directory against the limits.
func Open(src []byte) (*Archive, error) {
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return nil, fmt.Errorf("not a readable zip archive: %w", err)
	}
	if len(zr.File) > MaxParts {
		return nil, fmt.Errorf("%w (%d parts; the limit is %d)", ErrTooManyParts, len(zr.File), MaxParts)
	}
	a := &Archive{parts: map[string]*zip.File{}, budget: MaxUnpacked}
	var declared uint64
	for _, f := range zr.File {
		a.parts[f.Name] = f
		declared += f.UncompressedSize64
	}
	if declared > uint64(4*MaxUnpacked) {
		return nil, fmt.Errorf("%w (%d MB declared)", ErrTooBig, declared>>20)
	}
	return a, nil
}

// Has reports a part.
func (a *Archive) Has(name string) bool { return a.parts[name] != nil }

// Read unpacks one part (nil when absent), counting what actually comes
// out against the budget: the sizes in the directory may lie.
func (a *Archive) Read(name string) ([]byte, error) {
	f := a.parts[name]
	if f == nil {
		return nil, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	defer rc.Close()
	// A buffer of the declared size (bounded by what is left, and by
	// 8 MB since the declaration may lie): growing it step by step costs
	// more than the parse.
	buf := bytes.NewBuffer(make([]byte, 0, min(int64(f.UncompressedSize64), a.budget, 8<<20)+512))
	_, err = buf.ReadFrom(io.LimitReader(rc, a.budget+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	a.budget -= int64(buf.Len())
	if a.budget < 0 {
		return nil, ErrTooBig
	}
	return buf.Bytes(), nil
}
