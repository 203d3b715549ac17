// Package share is the shared-folder protocol of issue 21: how Glossa
// publishes a person's notes, cards and plans to a folder that a sync
// engine (Syncthing, Nextcloud, OneDrive, Dropbox, a network drive)
// carries to others, and how it reads everyone else's files from it.
//
// The protocol is safe on any engine because no two computers ever write
// the same file: each writes only
//
//	<person>-<machine>.<article>.glossa.json
//
// (person: 16 hex digits, the same on every computer of one person;
// machine: 8 hex digits, one per computer; article: the library ID), and
// writes it whole under a temporary name, synced, then renamed. A sync
// engine therefore never has to merge, and what it leaves behind while
// copying (temporary names, empty placeholders, conflict copies made by a
// mistaken setup) is recognised by name or content, reported and skipped.
// Each publisher is read into a layer of its own, kept in memory: nothing
// read from the folder is written to the student's notes, except files of
// the student's own person id from another computer, which the caller
// merges as its own.
//
// The package knows neither Fyne nor SQL: what a file holds is decoded by
// a function the caller gives (the store's ParseShare).
package share

import (
	"fmt"
	"regexp"
	"strings"
)

// Suffix ends every share file's name.
const Suffix = ".glossa.json"

// Name is what a share file's name says.
type Name struct {
	Person  string // 16 hex digits
	Machine string // 8 hex digits
	Article string // 12 hex digits
}

// FileName is the file the person publishes from machine for article.
func FileName(person, machine, article string) string {
	return fmt.Sprintf("%s-%s.%s%s", person, machine, article, Suffix)
}

func (n Name) String() string { return FileName(n.Person, n.Machine, n.Article) }

var nameRE = regexp.MustCompile(`^([0-9a-f]{16})-([0-9a-f]{8})\.([0-9a-f]{12})\.glossa\.json$`)

// ParseName reads a share file's name; ok is false for any other name.
func ParseName(base string) (Name, bool) {
	m := nameRE.FindStringSubmatch(base)
	if m == nil {
		return Name{}, false
	}
	return Name{Person: m[1], Machine: m[2], Article: m[3]}, true
}

// What a folder entry is, by its name.
type Kind int

const (
	Ignored  Kind = iota // not Glossa's: ignored without a word (the class's slides, say)
	Readable             // a share file to read
	Partial              // a sync engine or Glossa is still writing it
	Conflict             // a conflict copy made by a sync engine
	Stray                // named like Glossa's but not a share file name (a copy renamed by hand, say)
)

// conflictMarks are how sync engines name the copy they make when two
// computers changed one file: Syncthing ".sync-conflict-YYYYMMDD-…",
// Dropbox "(… conflicted copy …)", Nextcloud "(conflicted copy …)",
// Google Drive "(1)", OneDrive "-<COMPUTER NAME>" before the extension
// (that one is caught as a Stray: the name no longer parses).
var conflictMarks = []string{".sync-conflict-", "conflicted copy", "conflict copy", "(1)", "(2)", "(3)"}

// Classify says what the folder entry named base is and, for anything but
// Ignored and Readable, why it is skipped, in words for the status list.
func Classify(base string) (Kind, string) {
	lower := strings.ToLower(base)
	switch {
	case strings.HasPrefix(lower, ".syncthing.") && strings.HasSuffix(lower, ".tmp"),
		strings.HasPrefix(lower, "~syncthing~") && strings.HasSuffix(lower, ".tmp"):
		if !strings.Contains(lower, ".glossa") {
			return Ignored, ""
		}
		return Partial, "Syncthing is still copying it (temporary file); it is read once complete"
	case strings.HasPrefix(lower, ".") && strings.Contains(lower, Suffix) && strings.HasSuffix(lower, ".tmp"):
		return Partial, "Glossa is still writing it (temporary file)"
	case strings.HasSuffix(lower, ".partial") || strings.HasSuffix(lower, ".part") || strings.HasSuffix(lower, ".crdownload"):
		if !strings.Contains(lower, ".glossa") {
			return Ignored, ""
		}
		return Partial, "the sync engine is still copying it (partial file)"
	}
	if !strings.Contains(lower, ".glossa") {
		return Ignored, ""
	}
	for _, m := range conflictMarks {
		if strings.Contains(lower, m) {
			return Conflict, "a conflict copy made by the sync engine: skipped (each computer writes only its own file, so the original is the one to read)"
		}
	}
	if _, ok := ParseName(base); ok {
		return Readable, ""
	}
	return Stray, fmt.Sprintf("not a share file name (Glossa writes <person>-<machine>.<article>%s): renamed or copied by hand or by the sync engine; skipped", Suffix)
}
