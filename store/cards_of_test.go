package store

import (
	"slices"
	"testing"
)

// TestUserCardsOf: each article's own cards are listed whichever article
// is current, so the library can count what is due in every one.
func TestUserCardsOf(t *testing.T) {
	s, _ := openTemp(t)
	mustImport(t, s, docV1)
	shipped := s.Current()
	other := testDoc([]string{"1|Sovereignty in outer space is denied by the Outer Space Treaty."},
		[]string{"Outer Space Treaty, art. II."}, []int{0})
	other.Title = "Space law"
	res, err := s.AddArticle(other, "space.md")
	if err != nil {
		t.Fatal(err)
	}
	save := func(id, front string) {
		t.Helper()
		if err := s.SaveUserCard(UserCard{CardID: id, UserMade: true, Type: "basic", Front: front}); err != nil {
			t.Fatal(err)
		}
	}
	save("shipped-1", "Which treaty?")
	if err := s.Use(res.ID); err != nil {
		t.Fatal(err)
	}
	save("space-1", "Who owns the Moon?")
	save("space-2", "Is outer space sovereign?")

	for _, current := range []string{res.ID, shipped} {
		if err := s.Use(current); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			article string
			want    []string
		}{
			{shipped, []string{"shipped-1"}},
			{res.ID, []string{"space-1", "space-2"}},
			{"000000000000", nil},
		} {
			cards, err := s.UserCardsOf(tc.article)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range cards {
				got = append(got, c.CardID)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("current %s: UserCardsOf(%s) = %v, want %v", current, tc.article, got, tc.want)
			}
		}
	}
}
