package store

import (
	"errors"
	"strings"
	"testing"
)

func TestFootnoteNoteFindOrCreate(t *testing.T) {
	s, _ := openTemp(t)
	mustImport(t, s, docV1)
	for _, tc := range []struct {
		n      int
		orphan bool
	}{{1, false}, {2, false}, {99, true}} {
		a, err := s.FootnoteNote(tc.n)
		if err != nil {
			t.Fatal(err)
		}
		b, err := s.FootnoteNote(tc.n)
		if err != nil {
			t.Fatal(err)
		}
		if a.ID != b.ID || a.TargetKind != TargetFootnote || a.FootnoteNumber() != tc.n || a.Orphan != tc.orphan {
			t.Errorf("footnote %d: notes %s and %s, kind %s, number %d, orphan %v (want one note, orphan %v)",
				tc.n, a.ID, b.ID, a.TargetKind, a.FootnoteNumber(), a.Orphan, tc.orphan)
		}
		all, err := s.Notes(NoteFilter{TargetKind: TargetFootnote, TargetID: a.TargetID})
		if err != nil || len(all) != 1 {
			t.Errorf("footnote %d: %d notes, %v; want 1", tc.n, len(all), err)
		}
	}
}

func TestSetNoteTagsAndChangeNote(t *testing.T) {
	s, _ := openTemp(t)
	mustImport(t, s, docV1)
	n, err := s.AddQuoteNote("vague offences", "first", []string{"a"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		do   func() error
		body string
		tags string
		col  string
	}{
		{"tags only", func() error { return s.SetNoteTags(n.ID, []string{" x ", "y", "x", ""}) }, "first", "x,y", ""},
		{"color after typed text", func() error {
			typed := "typed, not yet saved"
			_, err := s.ChangeNote(n.ID, &typed, func(n *Note) { n.Color = "green" })
			return err
		}, "typed, not yet saved", "x,y", "green"},
		{"color alone keeps the text", func() error {
			_, err := s.ChangeNote(n.ID, nil, func(n *Note) { n.Color = "blue" })
			return err
		}, "typed, not yet saved", "x,y", "blue"},
	} {
		if err := tc.do(); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		got, err := s.Note(n.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Body != tc.body || strings.Join(got.Tags, ",") != tc.tags || got.Color != tc.col {
			t.Errorf("%s: body %q tags %q color %q; want %q %q %q", tc.name, got.Body, got.Tags, got.Color, tc.body, tc.tags, tc.col)
		}
	}
	if err := s.SetNoteTags("nosuchnote", nil); !errors.Is(err, ErrNotFound) {
		t.Errorf("tags of a missing note: %v, want ErrNotFound", err)
	}
	body := "lost?"
	if _, err := s.ChangeNote("nosuchnote", &body, func(*Note) {}); !errors.Is(err, ErrNotFound) {
		t.Errorf("change of a missing note: %v, want ErrNotFound", err)
	}
}
