package ui

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
)

// A file dialog's answer: an error is reported once, a cancel (nil) and
// an error stop, a file goes on.
func TestPicked(t *testing.T) {
	file := storage.NewFileURI("/tmp/notes.json")
	for _, c := range []struct {
		name     string
		choice   fyne.URI
		err      error
		goOn     bool
		reported bool
	}{
		{"chosen", file, nil, true, false},
		{"cancelled", nil, nil, false, false},
		{"failed", nil, errors.New("permission denied"), false, true},
	} {
		var got []string
		report := func(what string, err error) { got = append(got, what+": "+err.Error()) }
		if on := picked(c.choice, c.err, report, "The file could not be opened"); on != c.goOn {
			t.Errorf("%s: goes on %v, want %v", c.name, on, c.goOn)
		}
		if reported := len(got) == 1 && got[0] == "The file could not be opened: permission denied"; reported != c.reported || len(got) > 1 {
			t.Errorf("%s: reported %q", c.name, got)
		}
	}
}
