package ui

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/assets"
	"github.com/glossa-app/glossa/store"
)

// readerTab and cardsTab are the Reader's and the Cards screen's places
// in the navigation (the Library first).
const (
	readerTab = 1
	cardsTab  = 3
)

// shelf is which article the window shows: the shipped one when it
// opens, any other once the student opens it from the Library.
type shelf struct {
	shipped   *article.Document // parsed once by main; never read back from the store
	shippedID string
	articleID string // the article every screen shows
	// cited keeps the services each article was last shown with: going
	// back to one takes its citation library, extracted or on the way,
	// instead of extracting it again
	cited map[string]*services
}

// useShipped starts the window on the shipped article, as every store
// starts; it is recorded as opened in the background, so that the shelf
// says when it was read without a write before the first frame.
func (u *UI) useShipped(doc *article.Document) {
	u.shipped, u.shippedID, u.articleID = doc, store.ArticleID(doc.Hash), store.ArticleID(doc.Hash)
	st, id := u.st, u.shippedID
	u.writes.do(func() {
		if err := st.Use(id); err != nil {
			fyne.LogError("recording when the shipped article was opened", err)
		}
	})
}

func (u *UI) currentArticle() string { return u.articleID }

// openArticle shows article id on every screen (reader, sources, notes,
// the student's own cards, search, lecture mode) at the place the student
// left it. The screens are built again from services for that document:
// they never learn that there is more than one article.
func (u *UI) openArticle(id string) error {
	if id == u.articleID {
		u.show("Reader")
		return nil
	}
	from := u.current().name
	doc := u.shipped
	if id != u.shippedID {
		d, err := u.st.Document(id)
		if err != nil {
			return fmt.Errorf("ui: open article %s: %w", id, err)
		}
		doc = d
	}
	// the article left keeps its place and every typed word: both are
	// written for the article current in the store, so before Use
	u.reader.savePosition()
	u.writes.wait()
	u.lecture.closeForSwitch()
	// the article left publishes what is pending to the class folder
	// before the store's current article changes under its publisher
	u.sharing.stop()
	if err := u.st.Use(id); err != nil {
		u.startSharing()
		return fmt.Errorf("ui: open article %s: %w", id, err)
	}
	if u.cited == nil {
		u.cited = map[string]*services{}
	}
	u.cited[u.articleID] = u.services
	u.services = u.services.forArticle(doc, u.cited[id])
	u.articleID = id
	u.buildScreens()
	u.ensureCards()
	items := make([]*container.TabItem, len(u.screens))
	for i, s := range u.screens {
		items[i] = container.NewTabItemWithIcon(s.name, s.icon, s.content)
	}
	u.tabs.OnSelected = nil
	u.tabs.SetItems(items)
	u.tabs.OnSelected = u.onTabSelected
	// places recorded in the article left mean nothing in this one; Back
	// from an article opened on the shelf goes back to the shelf
	u.hist.back, u.hist.forward = nil, nil
	if from == "Library" {
		u.hist.back = append(u.hist.back, place{screen: "Library", mark: -1})
	}
	u.hist.notify()
	u.registerCommands()
	u.setWindowTitle()
	u.Show("Reader")
	u.reader.open(Options{})
	u.startLibrary()
	u.startSharing()
	u.sharing.rescan()
	return nil
}

// articleReplaced forgets what was kept of an article that a new version
// replaced, and shows the new version at once if it is the one open.
func (u *UI) articleReplaced(id string) {
	delete(u.cited, id)
	if id != u.articleID {
		return
	}
	shown := u.current().name
	u.articleID = "" // the screens are built again even for the same ID
	if err := u.openArticle(id); err != nil {
		u.articleID = id
		fyne.LogError("showing the new version of article "+id, err)
		return
	}
	delete(u.cited, "")
	u.Show(shown)
}

// setWindowTitle names the article open; the shipped one keeps the plain
// "Glossa" that scripts and window managers look for.
func (u *UI) setWindowTitle() {
	if u.articleID == u.shippedID || u.doc.Title == "" {
		u.win.SetTitle("Glossa")
		return
	}
	u.win.SetTitle(u.doc.Title + " — Glossa")
}

// forArticle is a copy of s for another article: the same window, store
// and queue of writes; its own citation library and note saver. The
// settings read are kept but the reading position, which the store keeps
// for each article.
//
// before, when not nil, is what the same article was shown with last: its
// citation library is taken over, extracted or still being extracted.
func (s *services) forArticle(doc *article.Document, before *services) *services {
	n := newServices(s.app, doc, s.st)
	n.win, n.shownScreen, n.writes = s.win, s.shownScreen, s.writes
	for k, v := range s.values {
		if k != keyPosition {
			n.values[k] = v
		}
	}
	if before != nil {
		before.startLibrary()
		n.libOnce.Do(func() {
			go func() {
				<-before.libReady
				n.lib = before.lib
				close(n.libReady)
			}()
		})
	}
	return n
}

// cardsScreen is the Cards screen; on an article other than the shipped
// one it says why only the student's own cards are there.
func (u *UI) cardsScreen() screen {
	s := u.cards.screen()
	if curated(u.doc) {
		return s
	}
	s.content = container.NewBorder(onlyShipped("Curated flashcards"), nil, nil, nil, s.content)
	return s
}

// onlyShipped is the line said where a curated part of Glossa (cards,
// timeline, principles map) belongs to the shipped article only.
func onlyShipped(what string) fyne.CanvasObject {
	l := widget.NewLabel(what + " come with the shipped article only (Mariconda, the 2024 UN Cybercrime Convention). For this article: the cards you make from its passages (select a passage in the reader, then Card).")
	l.Wrapping = fyne.TextWrapWord
	return container.NewBorder(nil, widget.NewSeparator(), container.NewCenter(widget.NewIcon(theme.InfoIcon())), nil, l)
}

var (
	shippedHashOnce sync.Once
	shippedHash     string
)

// curated reports whether doc is the shipped article, the one the deck,
// the timeline and the principles map were written for.
func curated(doc *article.Document) bool {
	shippedHashOnce.Do(func() {
		sum := sha256.Sum256(assets.Article)
		shippedHash = hex.EncodeToString(sum[:])
	})
	return doc != nil && doc.Hash == shippedHash
}

// closeForSwitch closes the lecture and the pictures window of the
// article left: they would go on showing it beside another one.
func (l *lectureMode) closeForSwitch() {
	l.leave()
	if l.pictures != nil {
		l.pictures.win.Close()
	}
}

// onlyShippedPicture stands in the Pictures window for a picture curated
// for the shipped article.
func onlyShippedPicture(what string) fyne.CanvasObject {
	l := widget.NewLabel(what + " was drawn for the shipped article only (Mariconda, the 2024 UN Cybercrime Convention). \"Who is cited where\" is drawn from this article's own footnotes.")
	l.Wrapping = fyne.TextWrapWord
	l.Alignment = fyne.TextAlignCenter
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(520, 160), l))
}

// openHit opens the article of a library-wide search hit at the hit, with
// the search still open on the same words.
func (u *UI) openHit(h store.Hit, query string) {
	if err := u.openArticle(h.Article); err != nil {
		dialog.ShowError(fmt.Errorf("the article of this result could not be opened: %w", err), u.win)
		return
	}
	switch h.Kind {
	case store.KindParagraph:
		u.openParagraph(h.ID)
	case store.KindFootnote:
		if n, err := strconv.Atoi(h.ID); err == nil {
			u.openFootnote(n)
		}
	case store.KindNote:
		if n, err := u.st.Note(h.ID); err == nil {
			u.openNote(n)
		}
	}
	s := u.reader.search
	s.entry.SetText(query)
	s.open = true
	u.reader.updateSide()
}
