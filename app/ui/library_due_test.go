package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/glossa-app/glossa/app/srs"
	"github.com/glossa-app/glossa/store"
)

// TestLibraryDueInArticlesNotOpened: the row of an article not opened in
// this session counts its cards due, from the student's own cards of it
// and their schedules: one due yesterday, one due tomorrow, one new.
func TestLibraryDueInArticlesNotOpened(t *testing.T) {
	st := tempStore(t)
	shipped := st.Current()
	file := realArticles[0].file
	res, err := st.AddArticle(readReal(t, file), file)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Use(res.ID); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	for i, due := range []time.Time{now.Add(-24 * time.Hour), now.Add(24 * time.Hour), {}} {
		id := "other-" + string(rune('a'+i))
		if err := st.SaveUserCard(store.UserCard{CardID: id, UserMade: true, Type: "basic", Front: "Question " + id}); err != nil {
			t.Fatal(err)
		}
		if due.IsZero() {
			continue // never reviewed: new, not due
		}
		if err := st.SaveCardState(store.CardState{CardID: id, State: int(srs.Review), Stability: 3, Difficulty: 5,
			Due: due, LastReview: due.Add(-72 * time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Use(shipped); err != nil {
		t.Fatal(err)
	}
	u, _ := newTestUI(t, st, bigWindow)
	u.Show("Library")
	_, info := shelfInfo(t, u.shelfScreen, file)
	if row := shelfRowOf(t, u, shelfTitle(info)); !strings.Contains(row.stats.Text, "1 card due") {
		t.Errorf("the row of the article not opened says %q, want 1 card due", row.stats.Text)
	}
	if n, ok := u.shelfScreen.dues[shipped]; !ok || n != len(u.cards.queue().due) {
		t.Errorf("the open article's count is %d (%v), the Cards screen's queue has %d due", n, ok, len(u.cards.queue().due))
	}
}
