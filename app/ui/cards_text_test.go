package ui

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
)

// The cloze answer "the active participation of all States" once broke
// one letter a line ("the a / c / t / ive ...") at 1000x700: card text
// now goes through the same line breaker as the article, and no line of
// the revealed card holds a lone letter.
func TestClozeAnswerNoLoneLetters(t *testing.T) {
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.Local)
	u, s := cardsUI(t, tempStore(t), &now)
	u.Window().Resize(fyne.NewSize(1000, 700))
	c := s.byID["equal-participation-lawmaking"]
	if c == nil || !strings.Contains(c.Front, "the active participation of all States") {
		t.Fatal("the deck has no card equal-participation-lawmaking with the cloze of the issue")
	}
	s.current = c
	s.showCurrent()
	s.reveal()
	if !s.answerBox.Visible() || s.answer.Size().Width < 200 {
		t.Fatalf("answer not laid out: visible %v, size %v", s.answerBox.Visible(), s.answer.Size())
	}
	if s.answer.String() != shownAnswer(c) {
		t.Fatalf("answer %q, want %q", s.answer.String(), shownAnswer(c))
	}
	var lines []string
	for bi, lb := range s.answer.lay.blocks {
		for _, l := range lb.lines {
			var words []string
			for _, r := range l.runs {
				words = append(words, s.answer.blocks[bi].pieces[r.piece].text[r.start:r.end])
			}
			text := strings.TrimSpace(strings.Join(words, " "))
			lines = append(lines, text)
			if utf8.RuneCountInString(text) == 1 {
				t.Errorf("a line holds the single letter %q", text)
			}
		}
	}
	if len(lines) < 2 || !strings.Contains(strings.Join(lines, " "), "the active participation of all States") {
		t.Errorf("answer lines %q do not hold the recalled words", lines)
	}
	// the card's text sits inside the window, and the review's body is
	// tall enough for it
	if h := s.answer.Size().Height; h < s.answer.lay.total {
		t.Errorf("answer drawn %v high, its text needs %v", h, s.answer.lay.total)
	}
	t.Logf("%d lines: %q", len(lines), lines)
}
