package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/share"
	"github.com/glossa-app/glossa/store"
)

// startSharing starts the shared folder once the window is on screen,
// and keeps the reader, the cards and an open Share dialog following it.
func (u *UI) startSharing() {
	u.sharing.onChange = u.onSharingChanged
	u.sharing.start()
}

func (u *UI) onSharingChanged() {
	u.reader.refreshMarks()
	u.reader.refreshSharedFootnote()
	if u.cards != nil {
		u.cards.reload()
	}
	if u.shareDlg != nil {
		u.shareDlg.refresh()
	}
}

// shareDialog is the Share dialog: the class folder, the name the class
// sees, publishing on or off, and everyone in the folder with what was
// skipped and why.
type shareDialog struct {
	sh      *sharing
	win     fyne.Window
	folder  *widget.Entry
	name    *widget.Entry
	publish *widget.Check
	follow  *widget.Check
	you     *widget.Label
	people  *fyne.Container
	dlg     dialog.Dialog
}

// showShareDialog opens the Share dialog (File > Share with a Class…).
func (u *UI) showShareDialog() {
	d := newShareDialog(u.sharing, u.win)
	u.shareDlg = d
	d.dlg.SetOnClosed(func() { u.shareDlg = nil })
	d.dlg.Show()
}

func newShareDialog(sh *sharing, win fyne.Window) *shareDialog {
	d := &shareDialog{sh: sh, win: win}
	st := sh.st
	id, err := st.ShareIdentity()
	if err != nil {
		fyne.LogError("sharing: identity", err)
	}
	dir, _, _ := st.Setting(store.SettingShareFolder)
	subs, _ := st.ShareSubscriptions()
	if dir == "" && len(subs) > 0 {
		dir = subs[0]
	}
	on, _, _ := st.Setting(store.SettingSharePublish)

	d.folder = widget.NewEntry()
	d.folder.SetPlaceHolder("the folder Syncthing, Nextcloud, OneDrive, Dropbox or the network drive shares")
	d.folder.SetText(dir)
	choose := widget.NewButtonWithIcon("Choose…", theme.FolderOpenIcon(), d.onChooseTapped)
	d.name = widget.NewEntry()
	d.name.SetPlaceHolder("the name your class sees, e.g. Prof. Ada Lee")
	d.name.SetText(id.Name)
	d.publish = widget.NewCheck("Publish my notes, highlights and cards to this folder", nil)
	d.publish.SetChecked(on == "on")
	d.follow = widget.NewCheck("Show the notes of the others in this folder (never mixed with mine)", nil)
	d.follow.SetChecked(dir != "" && slices.Contains(subs, dir))
	d.you = widget.NewLabel(fmt.Sprintf("You are person %s on this computer (%s). On your other computer, run\n"+
		"glossa share publish FOLDER --name NAME --person %s to publish as the same person.", id.Person, id.Machine, id.Person))
	d.you.Wrapping = fyne.TextWrapWord
	d.you.Importance = widget.LowImportance
	d.you.SizeName = theme.SizeNameCaptionText

	intro := widget.NewLabel("Glossa writes only its own file to the folder and reads everyone else's as a layer of its own: " +
		"a lecturer's notes appear underlined in the reader and can be copied into yours, their cards join your deck.")
	intro.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem("Class folder", container.NewBorder(nil, nil, nil, choose, d.folder)),
		widget.NewFormItem("Your name", d.name),
	)
	apply := widget.NewButtonWithIcon("Save and share", theme.ConfirmIcon(), d.onApplyTapped)
	apply.Importance = widget.HighImportance
	refresh := widget.NewButtonWithIcon("Read the folder again", theme.ViewRefreshIcon(), func() { sh.rescan() })
	d.people = container.NewVBox()
	top := container.NewVBox(intro, form, d.publish, d.follow, container.NewHBox(apply, refresh), d.you,
		widget.NewSeparator(), widget.NewLabelWithStyle("In the folder", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	content := container.NewBorder(top, nil, nil, nil, container.NewVScroll(d.people))
	d.dlg = dialog.NewCustom("Share with a class", "Close", content, win)
	d.dlg.Resize(fyne.NewSize(680, 640))
	d.refresh()
	return d
}

func (d *shareDialog) onChooseTapped() {
	fd := dialog.NewFolderOpen(func(uri fyne.ListableURI, err error) {
		if err == nil && uri != nil {
			d.folder.SetText(uri.Path())
		}
	}, d.win)
	fd.Resize(fyne.NewSize(640, 480))
	fd.Show()
}

// onApplyTapped saves the choices and starts sharing with them; what is
// wrong is said in words, and nothing is saved then.
func (d *shareDialog) onApplyTapped() {
	if err := d.apply(); err != nil {
		dialog.ShowInformation("Sharing is not set up", err.Error(), d.win)
	}
}

func (d *shareDialog) apply() error {
	st := d.sh.st
	dir := strings.TrimSpace(d.folder.Text)
	name := strings.TrimSpace(d.name.Text)
	if dir == "" {
		return fmt.Errorf("Choose the class folder first: the folder your sync engine or network drive shares with the class.")
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return fmt.Errorf("%s is not a folder on this computer. Is the drive plugged in, or the sync engine set up? Make the folder, then try again.", dir)
	}
	if d.publish.Checked && name == "" {
		return fmt.Errorf("Give the name your class will see before publishing.")
	}
	publish := "off"
	if d.publish.Checked {
		publish = "on"
	}
	subs, err := st.ShareSubscriptions()
	if err != nil {
		return fmt.Errorf("Glossa could not read its settings: %v", err)
	}
	subs = slices.DeleteFunc(subs, func(s string) bool { return s == dir })
	if d.follow.Checked {
		subs = append([]string{dir}, subs...)
	}
	for _, save := range []func() error{
		func() error { return st.SetShareName(name) },
		func() error { return st.SetSetting(store.SettingShareFolder, dir) },
		func() error { return st.SetSetting(store.SettingSharePublish, publish) },
		func() error { return st.SetShareSubscriptions(subs) },
	} {
		if err := save(); err != nil {
			return fmt.Errorf("Glossa could not save the sharing settings: %v", err)
		}
	}
	d.sh.restart()
	return nil
}

// refresh lists everyone in the folders followed, and what was skipped.
func (d *shareDialog) refresh() {
	st, pubErr := d.sh.status()
	hidden := map[string]bool{}
	for _, p := range d.sh.people() {
		hidden[p.ID] = p.Hidden
	}
	var rows []fyne.CanvasObject
	if pubErr != "" {
		rows = append(rows, problemRow("Your file: "+pubErr))
	}
	for _, s := range st {
		rows = append(rows, d.row(s, hidden))
	}
	if len(rows) == 0 {
		empty := widget.NewLabel("Nothing yet. Choose the class folder, tick what you want and press Save and share.")
		empty.Wrapping = fyne.TextWrapWord
		rows = append(rows, empty)
	}
	d.people.Objects = rows
	d.people.Refresh()
}

func (d *shareDialog) row(s share.Status, hidden map[string]bool) fyne.CanvasObject {
	if s.File == "" {
		return problemRow("The folder " + s.Folder + ": " + strings.Join(s.Problems, "; "))
	}
	what := plural(s.Notes, "note", "notes") + ", " + plural(s.Cards, "card", "cards") + ", " + plural(s.Plans, "plan", "plans")
	if t, err := time.Parse(time.RFC3339, s.Updated); err == nil {
		what += ", changed " + t.Local().Format("2 Jan 15:04")
	}
	var head fyne.CanvasObject
	switch {
	case s.Name == "" && s.Person == "" || s.Name == "" && len(s.Problems) > 0:
		head = widget.NewLabelWithStyle(s.File, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	case s.Self:
		head = widget.NewLabel("You (this computer): " + what)
	case s.Own:
		head = widget.NewLabel("You (another computer, merged into your notes): " + what)
	default:
		id := s.Person
		show := widget.NewCheck(s.Name+": "+what, nil)
		show.SetChecked(!hidden[id])
		show.OnChanged = func(on bool) { d.sh.setHidden(id, !on) }
		head = show
	}
	if len(s.Problems) == 0 {
		return head
	}
	return container.NewVBox(head, problemRow(strings.Join(s.Problems, "; ")))
}

func problemRow(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.WarningImportance
	return container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, l)
}
