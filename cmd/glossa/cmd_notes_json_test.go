package main

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/glossa-app/glossa/app/anchor"
	"github.com/glossa-app/glossa/store"
)

// TestNotesJSONStreamedAsOneArray: the JSON written a note at a time is
// byte for byte what encoding/json writes for the whole list.
func TestNotesJSONStreamedAsOneArray(t *testing.T) {
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	notes := []store.Note{
		{ID: "a1", TargetKind: store.TargetPassage, TargetID: "p1", Body: "first\nline", Tags: []string{"x", "y"}, Created: at, Updated: at},
		{ID: "b2", TargetKind: store.TargetFootnote, TargetID: "12", Body: "quotes \" and <tags> & \u2028 \t\x01 émoji 📎", Created: at, Updated: at, Deleted: at},
		{ID: "c3", TargetKind: store.TargetPassage, TargetID: "p9", Anchor: anchor.Anchor{Exact: "a quote"}, Orphan: true, Section: "2.1", Color: "green", Tags: []string{"one"}, Created: at, Updated: at},
	}
	for _, list := range [][]store.Note{nil, notes[:1], notes, notes[1:]} {
		var want, got bytes.Buffer
		out := make([]noteJSON, 0, len(list))
		for _, n := range list {
			out = append(out, toNoteJSON(n))
		}
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.Encode(out)
		if err := writeNotesJSON(&got, list); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Fatalf("%d notes:\ngot  %q\nwant %q", len(list), got.String(), want.String())
		}
	}
}
