package store

import (
	"reflect"
	"testing"
	"time"
)

// User cards and edits survive reopening the file, an edit keeps its
// creation time, and deleting with forget takes the schedule along.
func TestUserCards(t *testing.T) {
	s, path := openTemp(t)
	mine := UserCard{CardID: "my-1", UserMade: true, Type: "cloze", Front: "The {{c1::Budapest}} Convention",
		Tags: []string{"mine"}, ParagraphID: "p-1", Quote: "the Budapest Convention"}
	edit := UserCard{CardID: "five-principles", Type: "basic", Front: "Which five principles?", Back: "Mutual respect…"}
	for _, c := range []UserCard{mine, edit} {
		if err := s.SaveUserCard(c); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SaveUserCard(UserCard{CardID: "x", Type: "essay", Front: "?"}); err == nil {
		t.Fatal("type essay accepted")
	}
	if err := s.SaveReview(Review{CardID: "my-1", Rating: 3, ReviewedAt: time.Now()}, CardState{CardID: "my-1", State: 1}); err != nil {
		t.Fatal(err)
	}
	all, err := s.UserCards()
	if err != nil || len(all) != 2 {
		t.Fatalf("UserCards = %+v, %v", all, err)
	}
	created := all[0].CreatedAt
	edit.Back = "Mutual respect for sovereignty and territorial integrity…"
	if err := s.SaveUserCard(edit); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	all, _ = s2.UserCards()
	byID := map[string]UserCard{}
	for _, c := range all {
		byID[c.CardID] = c
	}
	if got := byID["my-1"]; !got.UserMade || got.Front != mine.Front || !reflect.DeepEqual(got.Tags, mine.Tags) ||
		got.ParagraphID != "p-1" || got.Quote != mine.Quote {
		t.Fatalf("my-1 after reopen = %+v", got)
	}
	if got := byID["five-principles"]; got.UserMade || got.Back != edit.Back || got.Tags == nil {
		t.Fatalf("edit after reopen = %+v", got)
	}
	if !all[0].CreatedAt.Equal(created) && !all[1].CreatedAt.Equal(created) {
		t.Fatalf("creation time lost: %v, %v", all[0].CreatedAt, created)
	}
	if err := s2.DeleteUserCard("my-1", true); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s2.CardState("my-1"); ok {
		t.Fatal("forgotten card keeps its schedule")
	}
	if rs, _ := s2.Reviews(time.Time{}); len(rs) != 0 {
		t.Fatalf("forgotten card keeps %d reviews", len(rs))
	}
}

// Suspending keeps a card's schedule; unsuspending brings it back as it was.
func TestSetCardSuspended(t *testing.T) {
	s, _ := openTemp(t)
	due := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	st := CardState{CardID: "c1", State: 2, Stability: 8, Difficulty: 5, Due: due, LastReview: due.Add(-8 * 24 * time.Hour)}
	if err := s.SaveReview(Review{Rating: 3, ReviewedAt: st.LastReview}, st); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"c1", "never-seen"} {
		if err := s.SetCardSuspended(id, true); err != nil {
			t.Fatal(err)
		}
		if got, ok, _ := s.CardState(id); !ok || !got.Suspended {
			t.Fatalf("%s after suspend = %+v %v", id, got, ok)
		}
	}
	if err := s.SetCardSuspended("c1", false); err != nil {
		t.Fatal(err)
	}
	got, _, _ := s.CardState("c1")
	if got.Suspended || got.State != 2 || !got.Due.Equal(due) || got.Stability != 8 {
		t.Fatalf("c1 after unsuspend = %+v", got)
	}
}
