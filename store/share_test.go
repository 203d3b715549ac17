package store

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// shareSample is a real published file of the test article: two notes,
// a card and a plan.
func shareSample(t testing.TB) (*Store, []byte) {
	t.Helper()
	s, _ := openTemp(t)
	mustImport(t, s, docV1)
	if err := s.SetShareName("Prof. Ada Lee"); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"cornerstone", "Russian activism"} {
		if _, err := s.AddQuoteNote(q, "on "+q, []string{"exam"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SaveUserCard(UserCard{CardID: "c1", UserMade: true, Type: "basic", Front: "Q?", Back: "A."}); err != nil {
		t.Fatal(err)
	}
	id, err := s.ShareIdentity()
	if err != nil {
		t.Fatal(err)
	}
	data, err := s.ShareData(id, []json.RawMessage{json.RawMessage(`{"title":"Week 1"}`)})
	if err != nil {
		t.Fatal(err)
	}
	return s, data
}

// TestShareIdentity: ids are made once; a database moved to a computer
// of another name gets a machine id of its own there; a person id given
// by hand is checked.
func TestShareIdentity(t *testing.T) {
	s, _ := openTemp(t)
	a, err := s.ShareIdentity()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := s.ShareIdentity()
	if a != b || !ValidPersonID(a.Person) || len(a.Machine) != 8 {
		t.Fatalf("identity %+v then %+v", a, b)
	}
	if err := s.SetSetting(SettingShareMachine, a.Machine+" another-laptop"); err != nil {
		t.Fatal(err)
	}
	c, _ := s.ShareIdentity()
	if c.Machine == a.Machine || c.Person != a.Person {
		t.Errorf("on another computer the identity is %+v, was %+v: want the same person, a new machine", c, a)
	}
	for _, bad := range []string{"", "ABCDEF0123456789", "0123", "0123456789abcdefg", "../../etc/passwd"} {
		if err := s.SetSharePerson(bad); err == nil {
			t.Errorf("person id %q accepted", bad)
		}
	}
	if err := s.SetShareName(strings.Repeat("x", MaxShareNameBytes+1)); err == nil {
		t.Error("a name over the limit accepted")
	}
}

// TestShareDataStable: the same content gives the same bytes, so a
// publisher writes nothing when nothing changed; a change to a note or
// the trash gives other bytes.
func TestShareDataStable(t *testing.T) {
	s, first := shareSample(t)
	id, _ := s.ShareIdentity()
	again, err := s.ShareData(id, []json.RawMessage{json.RawMessage(`{"title":"Week 1"}`)})
	if err != nil || string(again) != string(first) {
		t.Fatalf("the same notes gave other bytes (%v)", err)
	}
	notes, _ := s.Notes(NoteFilter{})
	if err := s.TrashNote(notes[0].ID); err != nil {
		t.Fatal(err)
	}
	after, _ := s.ShareData(id, nil)
	l, err := ParseShare(after)
	if err != nil || len(l.Notes) != 1 || !l.Updated.Equal(mustNote(t, s, notes[0].ID).Deleted) {
		t.Errorf("after the trash: %v, %d notes, updated %v", err, len(l.Notes), l.Updated)
	}
}

func mustNote(t *testing.T, s *Store, id string) Note {
	t.Helper()
	n, err := s.Note(id)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

var shareRefusals = []struct {
	name, from, to, want string
}{
	{"newer version", `"share": 1`, `"share": 2`, "newer Glossa"},
	{"no share version", `"share": 1,`, ``, `no "share" version`},
	{"bad person", `"person": "`, `"person": "X`, "person id"},
	{"bad machine", `"machine": "`, `"machine": "zz`, "machine id"},
	{"bad article id", `"article_id": "`, `"article_id": "../`, "article_id"},
	{"card without id", `"id": "c1"`, `"id": ""`, "card 1"},
	{"card of unknown type", `"type": "basic"`, `"type": "essay"`, "card 1"},
	{"name with a line break", `"name": "Prof. Ada Lee"`, `"name": "Prof.\nAda"`, "display name"},
	{"name with a terminal escape", `"name": "Prof. Ada Lee"`, `"name": "\u001b[2J"`, "control character"},
	{"plans not a list", `"plans": [`, `"plans": 3, "x": [`, `field "plans" should be`},
}

func TestParseShareRefusals(t *testing.T) {
	_, good := shareSample(t)
	if _, err := ParseShare(good); err != nil {
		t.Fatalf("the sample is refused: %v", err)
	}
	for _, tc := range shareRefusals {
		t.Run(tc.name, func(t *testing.T) {
			data := strings.Replace(string(good), tc.from, tc.to, 1)
			if data == string(good) {
				t.Fatalf("%q is not in the sample", tc.from)
			}
			_, err := ParseShare([]byte(data))
			if !errors.Is(err, ErrBadBundle) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("ParseShare = %v, want ErrBadBundle saying %q", err, tc.want)
			}
		})
	}
}

// FuzzParseShare: whatever lands in the folder, reading it never panics,
// and what is accepted keeps the limits.
func FuzzParseShare(f *testing.F) {
	_, good := shareSample(f)
	f.Add(good)
	for _, tc := range shareRefusals {
		f.Add([]byte(strings.Replace(string(good), tc.from, tc.to, 1)))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := ParseShare(data)
		if err != nil {
			if !errors.Is(err, ErrBadBundle) {
				t.Fatalf("error %v is not ErrBadBundle", err)
			}
			return
		}
		if !ValidPersonID(l.File.Person) || len(l.File.Cards) > MaxShareCards || len(l.Notes) > MaxBundleNotes {
			t.Fatalf("accepted a file over the limits: %+v", l.File)
		}
	})
}
