package ui

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/deck"
	"github.com/glossa-app/glossa/app/srs"
	"github.com/glossa-app/glossa/store"
)

// cardsUI is the window on a fresh store with the Cards screen shown,
// interval fuzz off and the clock at *now.
func cardsUI(t *testing.T, st *store.Store, now *time.Time) (*UI, *cardsScreen) {
	t.Helper()
	u, _ := newTestUI(t, st, Options{Size: fyne.NewSize(1280, 800)})
	s := u.cards
	s.sched = srs.NewScheduler()
	s.now = func() time.Time { return *now }
	s.reload()
	u.Show("Cards")
	return u, s
}

// pressKey sends what a keyboard sends for a key with a character: the
// key, then its rune (as the desktop driver does).
func typeKey(c fyne.Canvas, key fyne.KeyName, r rune) {
	c.OnTypedKey()(&fyne.KeyEvent{Name: key})
	if r != 0 {
		c.OnTypedRune()(r)
	}
}

// pressShortcut is what the desktop driver (glfw window.triggersShortcut)
// does with a key pressed with Ctrl: Ctrl+Z, Y, V, C, X and A become
// Fyne's own shortcuts, anything else a desktop.CustomShortcut; then the
// main menu's item of that name fires, or else the focused widget gets it
// if it takes shortcuts, or else the canvas. Sending a CustomShortcut for
// Ctrl+Z straight to the canvas passed where the real window failed.
func pressShortcut(u *UI, key fyne.KeyName, mod fyne.KeyModifier) {
	var sc fyne.Shortcut = &desktop.CustomShortcut{KeyName: key, Modifier: mod}
	if mod == fyne.KeyModifierShortcutDefault {
		switch key {
		case fyne.KeyZ:
			sc = &fyne.ShortcutUndo{}
		case fyne.KeyY:
			sc = &fyne.ShortcutRedo{}
		case fyne.KeyV:
			sc = &fyne.ShortcutPaste{Clipboard: u.app.Clipboard()}
		case fyne.KeyC:
			sc = &fyne.ShortcutCopy{Clipboard: u.app.Clipboard()}
		case fyne.KeyX:
			sc = &fyne.ShortcutCut{Clipboard: u.app.Clipboard()}
		case fyne.KeyA:
			sc = &fyne.ShortcutSelectAll{}
		}
	}
	if mm := u.win.MainMenu(); mm != nil {
		for _, m := range mm.Items {
			for _, it := range m.Items {
				if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() && it.Action != nil {
					it.Action()
					return
				}
			}
		}
	}
	c := u.win.Canvas()
	if f, ok := c.Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(sc)
		return
	}
	c.(fyne.Shortcutable).TypedShortcut(sc)
}

// A whole session from the keyboard alone: Space shows each answer, 1-4
// rate it, every rating is in the review log before the next card shows,
// and the buttons show the intervals the scheduler gives.
func TestCardsKeyboardSession(t *testing.T) {
	st := tempStore(t)
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.Local)
	u, s := cardsUI(t, st, &now)
	c := u.Window().Canvas()
	if got := s.counts.Text; got != "0 due · 20 new today" {
		t.Fatalf("counts = %q", got)
	}
	ratings := []rune{'3', '1', '4', '2', '3', '3', '1', '4'}
	seen := map[string]bool{}
	for i, key := range ratings {
		card := s.current
		if card == nil {
			t.Fatalf("review %d: no card shown", i)
		}
		if prev, ok, _ := st.CardState(card.ID); ok && prev.Due.After(now) {
			t.Fatalf("review %d: %s shown before it is due (%v)", i, card.ID, prev.Due)
		}
		if s.answerBox.Visible() || !s.showButton.Visible() {
			t.Fatalf("review %d: the answer shows before Space", i)
		}
		if s.front.Text != card.Question() || strings.Contains(s.front.Text, "{{c") {
			t.Fatalf("review %d: front %q, want the question of %s", i, s.front.Text, card.ID)
		}
		typeKey(c, fyne.KeySpace, ' ')
		if !s.answerBox.Visible() || !s.rateBox.Visible() || s.answer.String() != shownAnswer(card) {
			t.Fatalf("review %d: Space did not show the answer of %s", i, card.ID)
		}
		if top, frontEnd := s.answerBox.Position().Y, s.front.Position().Y+s.front.Size().Height; top < frontEnd || s.answerBox.Size().Height == 0 {
			t.Fatalf("review %d: the answer (y %v, h %v) overlaps the front (ends at %v)", i, top, s.answerBox.Size().Height, frontEnd)
		}
		if i == 0 {
			want := []string{"1  Again · 1 min", "2  Hard · 6 min", "3  Good · 10 min", "4  Easy · 8 d"}
			for j, b := range s.rateButton {
				if b.Text != want[j] {
					t.Errorf("button %d = %q, want %q", j+1, b.Text, want[j])
				}
			}
		}
		typeKey(c, fyne.KeyName(string(key)), key)
		landed(s.svc)
		rs, err := st.Reviews(time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) != i+1 {
			t.Fatalf("review %d: %d reviews in the log", i, len(rs))
		}
		last := rs[len(rs)-1]
		if last.CardID != card.ID || last.Rating != int(key-'0') || !last.ReviewedAt.Equal(now) {
			t.Fatalf("review %d: log has %+v, want %s rated %c", i, last, card.ID, key)
		}
		stored, ok, _ := st.CardState(card.ID)
		if !ok || stored.LastReview.IsZero() || !stored.Due.After(now) {
			t.Fatalf("review %d: stored state %+v", i, stored)
		}
		if s.current == card {
			t.Fatalf("review %d: the rated card is shown again at once", i)
		}
		seen[card.ID] = true
		now = now.Add(30 * time.Second)
	}
	// The header counts what the store says is due, and the new cards
	// left of today's 20.
	now = now.Add(2 * time.Minute)
	s.reload()
	states, _ := st.CardStates()
	due := 0
	for _, c := range states {
		if !c.Due.After(now) {
			due++
		}
	}
	if want := fmt.Sprintf("%d due · %d new today", due, 20-len(seen)); !strings.HasPrefix(s.counts.Text, want) || due == 0 {
		t.Fatalf("counts after the session = %q, want %q…", s.counts.Text, want)
	}
	// Ctrl+Z takes the last rating back and shows that card again.
	lastCard := rs(t, st)[len(ratings)-1].CardID
	pressShortcut(u, fyne.KeyZ, fyne.KeyModifierShortcutDefault)
	landed(u.services)
	if n := len(rs(t, st)); n != len(ratings)-1 {
		t.Fatalf("%d reviews after undo, want %d", n, len(ratings)-1)
	}
	if s.current == nil || s.current.ID != lastCard || s.answerBox.Visible() {
		t.Fatalf("after undo the card shown is %v, want %s (front only)", s.current, lastCard)
	}
	if _, ok, _ := st.CardState(lastCard); ok {
		t.Fatal("undo of a first review left the card a schedule")
	}
	// A rating key before Space does nothing.
	typeKey(c, fyne.Key3, '3')
	if n := len(rs(t, st)); n != len(ratings)-1 {
		t.Fatal("a rating before the answer was shown was saved")
	}
}

// shownAnswer is what the answer's RichText holds for c: its segments'
// texts, one after the other.
func shownAnswer(c *studyCard) string {
	if c.Type == deck.Cloze {
		return deck.Answer(c.Front) + c.Back
	}
	return c.Answer()
}

func rs(t *testing.T, st *store.Store) []store.Review {
	t.Helper()
	r, err := st.Reviews(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// The buttons rate too, and the daily limit of new cards holds and is
// remembered in the store's settings.
func TestCardsButtonsAndNewLimit(t *testing.T) {
	path := tempStorePath(t)
	st := openTestStore(t, path)
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.Local)
	_, s := cardsUI(t, st, &now)
	s.limit.SetSelected("5")
	s.svc.writes.wait() // settings are written in the background
	if v, ok, _ := st.Setting(keyNewLimit); !ok || v != "5" {
		t.Fatalf("limit setting = %q %v", v, ok)
	}
	for i := 0; i < 5; i++ {
		if s.current == nil {
			t.Fatalf("card %d: nothing to review", i)
		}
		test.Tap(s.showButton)
		test.Tap(s.rateButton[3]) // Easy: graduates at once
	}
	landed(s.svc)
	if s.current != nil {
		t.Fatalf("a sixth new card (%s) beyond the limit of 5", s.current.ID)
	}
	if !strings.Contains(s.emptyLabel.Text, "today's new cards") || !s.emptyLabel.Visible() {
		t.Fatalf("empty message = %q", s.emptyLabel.Text)
	}
	if got := len(rs(t, st)); got != 5 {
		t.Fatalf("%d reviews, want 5", got)
	}
	// The Undo button takes the fifth back: that card is shown again.
	fifth := rs(t, st)[4].CardID
	test.Tap(s.undoButton)
	landed(s.svc)
	if got := len(rs(t, st)); got != 4 || s.current == nil || s.current.ID != fifth {
		t.Fatalf("after Undo: %d reviews, current %v, want %s", got, s.current, fifth)
	}
	test.Tap(s.showButton)
	test.Tap(s.rateButton[3])
	landed(s.svc)
	// The limit is the store's: a new window on the same file keeps it.
	_, s2 := cardsUI(t, st, &now)
	if s2.limit.Selected != "5" || s2.current != nil {
		t.Fatalf("new window: limit %q, current %v", s2.limit.Selected, s2.current)
	}
	// The next day brings 5 more.
	now = now.Add(24 * time.Hour)
	s.reload()
	if s.current == nil || !strings.Contains(s.counts.Text, "5 new today") {
		t.Fatalf("next day: counts %q, current %v", s.counts.Text, s.current)
	}
}

// Show in article opens the reader at the card's passage.
func TestCardsShowInArticle(t *testing.T) {
	st := tempStore(t)
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.Local)
	u, s := cardsUI(t, st, &now)
	r := u.reader
	check := func(card *studyCard, how string) {
		t.Helper()
		if u.current().name != "Reader" {
			t.Fatalf("%s: screen %q after Show in article", how, u.current().name)
		}
		pi := s.paragraph(card.ParagraphID)
		if pi < 0 {
			t.Fatalf("card %s has no paragraph", card.ID)
		}
		if r.view.highlight != r.idx.paraBlock[pi] || r.Position() != pi {
			t.Fatalf("%s: reader at paragraph %d (highlight %d), want %d", how, r.Position(), r.view.highlight, pi)
		}
	}
	card := s.current
	typeKey(u.Window().Canvas(), fyne.KeySpace, ' ')
	test.Tap(s.inArticle)
	check(card, "button")
	// From the keyboard, with another card.
	u.Show("Cards")
	typeKey(u.Window().Canvas(), fyne.Key3, '3')
	card = s.current
	typeKey(u.Window().Canvas(), fyne.KeyO, 'o') // before the answer: nothing
	if u.current().name != "Cards" {
		t.Fatal("O before the answer left the Cards screen")
	}
	typeKey(u.Window().Canvas(), fyne.KeySpace, ' ')
	u.Window().Canvas().OnTypedRune()('o')
	check(card, "key O")
}

// Browsing, searching, editing and suspending: the edits and suspensions
// are in the store and survive a restart of the window.
func TestCardsBrowseEditSuspend(t *testing.T) {
	path := tempStorePath(t)
	st := openTestStore(t, path)
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.Local)
	u, s := cardsUI(t, st, &now)
	b := s.browse
	s.tabs.SelectIndex(1)
	if len(b.shown) != len(s.cards) || len(s.cards) < 40 {
		t.Fatalf("browser lists %d of %d cards", len(b.shown), len(s.cards))
	}
	test.Type(b.search, "budapest")
	if len(b.shown) == 0 || len(b.shown) == len(s.cards) {
		t.Fatalf("search budapest: %d cards", len(b.shown))
	}
	for _, c := range b.shown {
		if !strings.Contains(strings.ToLower(c.Question()+c.Answer()+c.Anchor+c.ID+strings.Join(c.Tags, " ")), "budapest") {
			t.Fatalf("card %s does not mention budapest", c.ID)
		}
	}
	// Words as typed rank first.
	b.search.SetText("")
	test.Type(b.search, "article 2")
	if len(b.shown) < 3 || !strings.Contains(haystack(b.shown[0]), "article 2") {
		t.Fatalf("search \"article 2\": first hit %q", b.shown[0].Question())
	}
	b.search.SetText("")
	test.Type(b.search, "budapest")
	b.list.Select(0)
	card := b.selected
	if card == nil || b.question.Text != card.Question() {
		t.Fatalf("selected %v, detail %q", card, b.question.Text)
	}
	// Edit: the new wording is saved as the student's.
	test.Tap(b.edit)
	ed := topEditor(t, u, nil)
	ed.front.SetText("What does the Budapest Convention require of its parties?")
	ed.onDialogClosed(true)
	ed.dialog.Hide()
	// Suspend it.
	test.Tap(b.suspend)
	landed(u.services)
	if b.suspend.Text != "Unsuspend" {
		t.Fatalf("suspend button says %q", b.suspend.Text)
	}
	// A cloze without a gap is refused with a message, and nothing is lost.
	test.Tap(b.edit)
	ed = topEditor(t, u, ed)
	ed.kind.SetSelected(kindCloze)
	ed.front.SetText("no gap here")
	if _, problem := ed.check(); !strings.Contains(problem, "{{c1::") {
		t.Fatalf("problem = %q", problem)
	}
	ed.dialog.Hide()

	u.Window().Close()
	_, s2 := cardsUI(t, st, &now)
	c2 := s2.byID[card.ID]
	if !c2.Edited || c2.Front != "What does the Budapest Convention require of its parties?" || c2.ParagraphID != card.ParagraphID {
		t.Fatalf("after restart: %+v", c2)
	}
	if !s2.suspended(c2) {
		t.Fatal("suspension lost")
	}
	q := s2.queue()
	for _, l := range [][]*studyCard{q.due, q.fresh, q.ahead} {
		for _, x := range l {
			if x.ID == card.ID {
				t.Fatal("a suspended card is queued for review")
			}
		}
	}
	s2.browse.filter.SetSelected("Suspended")
	if len(s2.browse.shown) != 1 || s2.browse.shown[0].ID != card.ID {
		t.Fatalf("Suspended filter: %d cards", len(s2.browse.shown))
	}
	// Shipped wording comes back on request.
	s2.browse.list.Select(0)
	test.Tap(s2.browse.revert)
	landed(s2.svc)
	if c := s2.byID[card.ID]; c.Edited || c.Front == "What does the Budapest Convention require of its parties?" {
		t.Fatalf("revert kept the edit: %+v", c)
	}
}

// topEditor is the card editor the last action opened: it must be a new
// one, shown on top of the window.
func topEditor(t *testing.T, u *UI, before *cardEditor) *cardEditor {
	t.Helper()
	e := u.cards.editor
	if u.Window().Canvas().Overlays().Top() == nil || e == nil || e == before {
		t.Fatal("no card editor opened")
	}
	return e
}

// A card made from a passage is anchored to it, saved, and comes up for
// review as a new card.
func TestNewCardFromPassage(t *testing.T) {
	st := tempStore(t)
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.Local)
	u, s := cardsUI(t, st, &now)
	p := u.doc.Paragraphs[len(u.doc.Paragraphs)/2]
	quote := strings.Join(strings.Fields(p.Text)[:8], " ")
	u.Show("Reader")
	s.newCardFromPassage(p.ID, quote)
	ed := topEditor(t, u, nil)
	if ed.back.Text != quote || ed.front.Text != "" {
		t.Fatalf("editor prefilled with front %q back %q", ed.front.Text, ed.back.Text)
	}
	ed.onDialogClosed(true) // empty front: refused, editor back with the text
	ed.dialog.Hide()
	if ed.problem == nil {
		t.Fatal("an empty front was not refused")
	}
	ed.problem.Hide()
	ed = topEditor(t, u, ed)
	if ed.back.Text != quote {
		t.Fatalf("the quote was lost after a refused save: %q", ed.back.Text)
	}
	ed.kind.SetSelected(kindCloze)
	if ed.front.Text != quote {
		t.Fatalf("cloze front = %q, want the quote", ed.front.Text)
	}
	words := strings.Fields(quote)
	ed.front.SetText(strings.Join(words[:3], " ") + " {{c1::" + strings.Join(words[3:], " ") + "}}")
	ed.onDialogClosed(true)
	ed.dialog.Hide()
	landed(u.services)
	ucs, err := st.UserCards()
	if err != nil || len(ucs) != 1 {
		t.Fatalf("user cards = %+v, %v", ucs, err)
	}
	uc := ucs[0]
	if !uc.UserMade || uc.Type != "cloze" || uc.ParagraphID != p.ID || uc.Quote != quote {
		t.Fatalf("saved %+v", uc)
	}
	c := s.byID[uc.CardID]
	if c == nil || !s.isNew(c) {
		t.Fatalf("the new card is not in the deck as new: %+v", c)
	}
	if got := s.sourceText(c); !strings.Contains(got, quote) {
		t.Fatalf("source text %q", got)
	}
	if s.paragraph(c.ParagraphID) != p.Index {
		t.Fatal("anchor does not resolve to the passage")
	}
	s.newCardFromPassage("no-such-paragraph", "words")
	if ov := u.Window().Canvas().Overlays().Top(); ov == nil {
		t.Fatal("no message for a passage that is not in the article")
	}
}

// Without a database the screen says so and does not crash on keys.
// Without its database the window works on a temporary one (issue 14:
// the store is never nil): reviews are saved there, and the banner says
// they will not be kept. Before, the review was refused.
func TestCardsWithoutStore(t *testing.T) {
	u, _ := newTestUI(t, nil, Options{StoreError: errors.New("permission denied")})
	s := u.cards
	u.Show("Cards")
	first := s.current
	typeKey(u.Window().Canvas(), fyne.KeySpace, ' ')
	typeKey(u.Window().Canvas(), fyne.Key3, '3')
	landed(u.services)
	if first == nil || s.current == first {
		t.Fatalf("no review on the temporary database: card %v, then %v", first, s.current)
	}
	if rs, err := u.st.Reviews(time.Time{}); err != nil || len(rs) != 1 {
		t.Fatalf("temporary database holds %d reviews, %v; want 1", len(rs), err)
	}
	if len(s.browse.shown) < 40 {
		t.Fatalf("browser lists %d cards without a store", len(s.browse.shown))
	}
}

func TestFormatInterval(t *testing.T) {
	for _, tc := range []struct {
		d    time.Duration
		want string
	}{
		{time.Minute, "1 min"}, {5*time.Minute + 30*time.Second, "6 min"}, {10 * time.Minute, "10 min"},
		{3 * time.Hour, "3 h"}, {24 * time.Hour, "1 d"}, {3 * 24 * time.Hour, "3 d"},
		{45 * 24 * time.Hour, "1.5 mo"}, {61 * 24 * time.Hour, "2 mo"}, {730 * 24 * time.Hour, "2 y"},
	} {
		if got := formatInterval(tc.d); got != tc.want {
			t.Errorf("formatInterval(%v) = %q, want %q", tc.d, got, tc.want)
		}
	}
}

// A cloze answer shows the recalled words bold, in the accent colour.
func TestClozeAnswerSegments(t *testing.T) {
	c := &studyCard{}
	c.Type, c.Front, c.Back = "cloze", "Article {{c1::2(7)}} of the {{c1::UN Charter}}.", "Reserved domain."
	segs := answerSegments(c)
	var bold []string
	for _, s := range segs {
		ts := s.(*widget.TextSegment)
		if ts.Style.TextStyle.Bold {
			bold = append(bold, ts.Text)
		}
	}
	if strings.Join(bold, "|") != "2(7)|UN |Charter" {
		t.Fatalf("bold segments %q", bold)
	}
	rt := widget.NewRichText(segs...)
	if rt.String() != shownAnswer(c) {
		t.Fatalf("answer %q, want %q", rt.String(), shownAnswer(c))
	}
}

// A card made from a passage whose paragraph ID is gone (a new version of
// the article) finds its passage again by its quote.
func TestUserCardReanchored(t *testing.T) {
	st := tempStore(t)
	doc := realDoc(t)
	p := doc.Paragraphs[30]
	quote := strings.Join(strings.Fields(p.Text)[2:14], " ")
	if err := st.SaveUserCard(store.UserCard{CardID: "my-old", UserMade: true, Type: "basic", Front: "Q?", Back: "A.",
		ParagraphID: "p-gone-000000", Quote: quote}); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveUserCard(store.UserCard{CardID: "my-lost", UserMade: true, Type: "basic", Front: "Q?", Back: "A.",
		ParagraphID: "p-gone-000001", Quote: "words that are in no paragraph of the article at all"}); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.Local)
	_, s := cardsUI(t, st, &now)
	if c := s.byID["my-old"]; c == nil || c.ParagraphID != p.ID {
		t.Fatalf("re-anchored card = %+v, want paragraph %s", c, p.ID)
	}
	if c := s.byID["my-lost"]; c == nil || c.ParagraphID != "" || !strings.Contains(s.sourceText(c), "no longer in the article") {
		t.Fatalf("lost card = %+v", c)
	}
}

// Ctrl+Z from the keyboard takes the rating back, as the Edit menu's
// item does, also with a button of the review or the browser's search
// field (left behind on the Browse tab) holding the focus; in a focused
// entry of the review's own screen it is the entry's undo.
func TestCardsUndoFromKeyboard(t *testing.T) {
	st := tempStore(t)
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.Local)
	u, s := cardsUI(t, st, &now)
	c := u.Window().Canvas()
	rateOne := func(step string) *studyCard {
		t.Helper()
		card := s.current
		typeKey(c, fyne.KeySpace, ' ')
		typeKey(c, fyne.Key3, '3')
		landed(u.services)
		if s.current == card || len(rs(t, st)) != 1 {
			t.Fatalf("%s: Space, 3 did not rate %s", step, card.ID)
		}
		return card
	}
	undone := func(step string, card *studyCard) {
		t.Helper()
		pressShortcut(u, fyne.KeyZ, fyne.KeyModifierShortcutDefault)
		landed(u.services)
		if n := len(rs(t, st)); n != 0 {
			t.Fatalf("%s: %d reviews left after Ctrl+Z", step, n)
		}
		if s.current == nil || s.current.ID != card.ID || s.revealed {
			t.Fatalf("%s: after Ctrl+Z the card shown is %v, want %s, front only", step, s.current, card.ID)
		}
	}

	undone("no focus", rateOne("no focus"))

	card := rateOne("button focused")
	c.Focus(s.undoButton)
	undone("button focused", card)
	c.Focus(s.showButton)
	typeKey(c, fyne.KeySpace, ' ') // a focused button takes Space itself: it is Show answer
	typeKey(c, fyne.Key3, '3')
	landed(u.services)
	if !s.revealed && len(rs(t, st)) == 0 {
		t.Fatal("Space on the focused Show answer button did not show the answer")
	}
	c.Unfocus()
	for len(rs(t, st)) > 0 {
		pressShortcut(u, fyne.KeyZ, fyne.KeyModifierShortcutDefault)
		landed(u.services)
	}

	card = rateOne("search left focused")
	s.tabs.SelectIndex(1)
	c.Focus(s.browse.search)
	test.Type(s.browse.search, "sov")
	s.tabs.SelectIndex(0)
	if c.Focused() != nil {
		t.Fatalf("the Browse tab's search field keeps the focus on the Review tab")
	}
	undone("search left focused", card)

	// the Edit menu item is there, with the shortcut shown
	var item *fyne.MenuItem
	for _, m := range u.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == "Undo Last Rating" {
				item = it
			}
		}
	}
	if item == nil || item.Shortcut == nil {
		t.Fatal("no Edit > Undo Last Rating with a shortcut")
	}
}

// The rating buttons show the interval each rating really gives, per
// app/srs without fuzz, for a new, a learning, a review and a relearning
// card. The clock moves a second at each reading, as a real one moves
// between two readings: the buttons must not read it twice.
func TestRateButtonIntervals(t *testing.T) {
	st := tempStore(t)
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.Local)
	u, s := cardsUI(t, st, &now)
	var read time.Time
	s.now = func() time.Time { now = now.Add(time.Second); read = now; return now }
	c := u.Window().Canvas()
	sched := srs.NewScheduler()
	names := [4]string{"Again", "Hard", "Good", "Easy"}
	a := s.current
	check := func(state srs.State, literal map[int]string) {
		t.Helper()
		if s.current == nil || s.current.ID != a.ID {
			t.Fatalf("%v: card %v shown, want %s", state, s.current, a.ID)
		}
		prev, _, _ := st.CardState(a.ID)
		if srs.State(prev.State) != state {
			t.Fatalf("card %s is %v, want %v", a.ID, srs.State(prev.State), state)
		}
		typeKey(c, fyne.KeySpace, ' ')
		at := read // the reading the buttons were made with
		for i, r := range srs.Ratings {
			next, _, err := sched.Review(srsCard(prev), r, at)
			if err != nil {
				t.Fatal(err)
			}
			want := fmt.Sprintf("%d  %s · %s", i+1, names[i], formatInterval(next.Due.Sub(at)))
			if got := s.rateButton[i].Text; got != want {
				t.Errorf("%v: button %d = %q, want %q", state, i+1, got, want)
			}
			if l, ok := literal[i]; ok && !strings.HasSuffix(s.rateButton[i].Text, l) {
				t.Errorf("%v: button %d = %q, want … %s", state, i+1, s.rateButton[i].Text, l)
			}
			if strings.HasSuffix(s.rateButton[i].Text, "now") {
				t.Errorf("%v: button %d says %q", state, i+1, s.rateButton[i].Text)
			}
		}
	}
	due := func() {
		t.Helper()
		landed(u.services)
		stored, _, _ := st.CardState(a.ID)
		now = stored.Due.Add(time.Minute)
		s.nextCard()
	}
	check(srs.New, map[int]string{0: "· 1 min", 1: "· 6 min", 2: "· 10 min"})
	typeKey(c, fyne.Key1, '1') // Again: learning step 1
	due()
	check(srs.Learning, map[int]string{0: "· 1 min"})
	typeKey(c, fyne.Key4, '4') // Easy: graduates
	due()
	check(srs.Review, map[int]string{0: "· 10 min"})
	typeKey(c, fyne.Key1, '1') // Again: forgotten
	due()
	check(srs.Relearning, map[int]string{0: "· 10 min"})
}
