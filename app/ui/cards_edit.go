package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/deck"
	"github.com/glossa-app/glossa/store"
)

// cardEditor is the dialog in which a card is written or reworded.
type cardEditor struct {
	s       *cardsScreen
	kind    *widget.RadioGroup
	front   *widget.Entry
	back    *widget.Entry
	tags    *widget.Entry
	dialog  dialog.Dialog
	problem dialog.Dialog // why the last save was refused, while it is shown

	card        *studyCard // nil for a new card
	paragraphID string
	quote       string
}

const (
	kindBasic = "Question and answer"
	kindCloze = "Cloze (hide words with {{c1::…}})"
)

// newCardFromPassage opens the editor for a new card made from a passage
// the student selected in the reader, with the quote filled in as the
// answer; the saved card is anchored to that paragraph.
func (s *cardsScreen) newCardFromPassage(paragraphID, quote string) {
	quote = strings.TrimSpace(quote)
	if s.paragraph(paragraphID) < 0 || quote == "" {
		dialog.ShowInformation("Cannot make a card",
			"Select a passage of the article first, then make a card from it.", s.svc.win)
		return
	}
	e := &cardEditor{s: s, paragraphID: paragraphID, quote: quote}
	e.open("New card from this passage", deck.Card{Type: deck.Basic, Back: quote})
}

// editCard opens the editor on an existing card.
func (s *cardsScreen) editCard(c *studyCard) {
	e := &cardEditor{s: s, card: c, paragraphID: c.ParagraphID, quote: c.Anchor}
	e.open("Edit card", c.Card)
}

func (e *cardEditor) open(title string, c deck.Card) {
	e.front = widget.NewMultiLineEntry()
	e.front.Wrapping = fyne.TextWrapWord
	e.front.SetMinRowsVisible(3)
	e.back = widget.NewMultiLineEntry()
	e.back.Wrapping = fyne.TextWrapWord
	e.back.SetMinRowsVisible(4)
	e.tags = widget.NewEntry()
	e.tags.SetPlaceHolder("words separated by spaces")
	e.kind = widget.NewRadioGroup([]string{kindBasic, kindCloze}, e.onKindChanged)
	e.kind.Horizontal = true
	e.front.SetText(c.Front)
	e.back.SetText(c.Back)
	e.tags.SetText(strings.Join(c.Tags, " "))
	if c.Type == deck.Cloze {
		e.kind.SetSelected(kindCloze)
	} else {
		e.kind.SetSelected(kindBasic)
	}
	e.onKindChanged(e.kind.Selected)
	passage := widget.NewLabel("From the article: “" + clipText(e.quote, 300) + "”")
	passage.Wrapping = fyne.TextWrapWord
	passage.TextStyle.Italic = true
	form := widget.NewForm(
		widget.NewFormItem("Kind", e.kind),
		widget.NewFormItem("Front", e.front),
		widget.NewFormItem("Back", e.back),
		widget.NewFormItem("Tags", e.tags),
	)
	body := container.NewVBox(passage, form)
	e.dialog = dialog.NewCustomConfirm(title, "Save", "Cancel", body, e.onDialogClosed, e.s.svc.win)
	e.dialog.Resize(fyne.NewSize(640, 0).Max(body.MinSize().AddWidthHeight(40, 120)))
	e.s.editor = e
	e.dialog.Show()
	e.s.svc.win.Canvas().Focus(e.front)
}

// onKindChanged labels the fields for the kind of card; turning a new
// passage card into a cloze puts the passage on the front, ready for gaps.
func (e *cardEditor) onKindChanged(kind string) {
	if e.front == nil {
		return
	}
	if kind == kindCloze {
		e.front.SetPlaceHolder("The sentence, with the words to recall as {{c1::words}}")
		e.back.SetPlaceHolder("An optional note shown with the answer")
		if e.front.Text == "" && e.back.Text == e.quote {
			e.front.SetText(e.quote)
			e.back.SetText("")
		}
		return
	}
	e.front.SetPlaceHolder("The question this passage answers")
	e.back.SetPlaceHolder("The answer, in your own words")
}

// check returns the card as typed, or what must be fixed first.
func (e *cardEditor) check() (deck.Card, string) {
	c := deck.Card{Type: deck.Basic, Front: strings.TrimSpace(e.front.Text), Back: strings.TrimSpace(e.back.Text),
		Tags: strings.Fields(e.tags.Text)}
	if e.kind.Selected == kindCloze {
		c.Type = deck.Cloze
	}
	if c.Front == "" {
		return c, "The front is empty. Write the question (or the cloze sentence) first."
	}
	if c.Type == deck.Cloze {
		if _, err := deck.ParseCloze(c.Front); err != nil {
			return c, "The cloze text needs at least one gap written like {{c1::the words to recall}} (" +
				strings.TrimPrefix(err.Error(), "cloze: ") + ")."
		}
	} else if c.Back == "" {
		return c, "The back is empty. Write the answer the passage supports."
	}
	return c, ""
}

func (e *cardEditor) onDialogClosed(save bool) {
	if !save {
		return
	}
	c, problem := e.check()
	if problem != "" {
		// Keep everything typed: the editor comes back once the problem is read.
		info := dialog.NewInformation("The card was not saved", problem, e.s.svc.win)
		info.SetOnClosed(func() {
			again := &cardEditor{s: e.s, card: e.card, paragraphID: e.paragraphID, quote: e.quote}
			again.open(e.title(), c)
		})
		e.problem = info
		info.Show()
		return
	}
	e.save(c)
}

// save writes the card to the store: a new user card, or the student's
// wording of an existing one.
func (e *cardEditor) save(c deck.Card) {
	s := e.s
	uc := store.UserCard{Type: string(c.Type), Front: c.Front, Back: c.Back, Tags: c.Tags,
		ParagraphID: e.paragraphID, Quote: e.quote}
	switch {
	case e.card == nil:
		uc.CardID = "my-" + strconv.FormatInt(time.Now().UnixNano(), 36)
		uc.UserMade = true
	default:
		uc.CardID, uc.UserMade = e.card.ID, e.card.UserMade
	}
	s.svc.storeWrite(func() error { return s.svc.st.SaveUserCard(uc) }, func(err error) {
		if err != nil {
			// what was typed comes back in the editor, to be saved again
			s.showError("The card was not saved", err)
			again := &cardEditor{s: s, card: e.card, paragraphID: e.paragraphID, quote: e.quote}
			again.open(e.title(), c)
			return
		}
		s.reload()
		if e.card == nil {
			s.status.SetText(fmt.Sprintf("Your new card is in the deck (%d cards); it comes up as a new card.", len(s.cards)))
		}
	})
}

func (e *cardEditor) title() string {
	if e.card == nil {
		return "New card from this passage"
	}
	return "Edit card"
}
