package store

import (
	"errors"
	"fmt"
	"os"
	"strings"
)

// ErrTooLarge wraps every reason ValidateNote refuses a note.
var ErrTooLarge = errors.New("the note is over a limit")

// ValidateNote checks a note against the one set of limits that the
// window, "glossa notes add" and a bundle import share, so that whatever
// Glossa stores, its own export imports again. The message says what is
// over which limit, in words a student can act on.
func ValidateNote(n Note) error {
	tooLarge := func(format string, args ...any) error {
		return &limitError{fmt.Sprintf(format, args...)}
	}
	switch {
	case len(n.Anchor.Exact) > MaxQuoteBytes:
		return tooLarge("the quote is %d KB, more than the %d KB a passage can have", len(n.Anchor.Exact)>>10, MaxQuoteBytes>>10)
	case len(n.Body) > MaxBodyBytes:
		return tooLarge("the note text is %d KB, more than %d KB", len(n.Body)>>10, MaxBodyBytes>>10)
	case len(n.Color) > maxColorBytes:
		return tooLarge("the color name is longer than %d bytes", maxColorBytes)
	case len(n.TargetID) > maxTargetBytes:
		return tooLarge("what it is attached to is named in %d bytes, more than %d", len(n.TargetID), maxTargetBytes)
	}
	tags := cleanTags(n.Tags)
	if len(tags) > MaxTags {
		return tooLarge("it has %d tags, more than %d", len(tags), MaxTags)
	}
	for _, t := range tags {
		if len(t) > MaxTagBytes {
			return tooLarge("the tag %q is %d bytes, more than %d", shortText(t), len(t), MaxTagBytes)
		}
	}
	return nil
}

// limitError says which limit a note is over, in the words shown to the
// student; it is ErrTooLarge.
type limitError struct{ msg string }

func (e *limitError) Error() string        { return e.msg }
func (e *limitError) Is(target error) bool { return target == ErrTooLarge }

// ErrNotAFile is returned for a path that names a folder, a pipe or a
// device where Glossa expects a file: reading a pipe would wait forever.
var ErrNotAFile = errors.New("not a file")

// RegularFile fails at once unless path is an ordinary file (a missing
// path is reported as os.Stat reports it). Every command that reads a
// path asks it first.
func RegularFile(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if fi.Mode().IsRegular() {
		return nil
	}
	what := "a special file"
	switch m := fi.Mode(); {
	case m.IsDir():
		what = "a folder"
	case m&os.ModeNamedPipe != 0:
		what = "a pipe (FIFO)"
	case m&os.ModeSocket != 0:
		what = "a socket"
	case m&os.ModeDevice != 0:
		what = "a device"
	}
	return fmt.Errorf("%s is %s, %w: give the path of a file", path, what, ErrNotAFile)
}

// hasNUL reports whether any of the texts holds a NUL character, which a
// bundle may not carry.
func hasNUL(texts ...string) bool {
	for _, t := range texts {
		if strings.ContainsRune(t, 0) {
			return true
		}
	}
	return false
}
