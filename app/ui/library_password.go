package ui

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/article/formats"
)

// passwordTries is how often a locked PDF's password is asked before the
// file is given up, each wrong one said so.
const passwordTries = 3

// importLocked asks for the password of a PDF that is locked with one and
// reads it again with it; a student who cancels gets the file refused
// with the reason, as any other. It runs on the batch's goroutine and
// waits there for the answer, so the window stays free.
func (l *libraryScreen) importLocked(path string, out importOutcome) importOutcome {
	wrong := false
	for try := 0; try < passwordTries; try++ {
		pw, ok := l.askPassword(out.name, wrong)
		if !ok {
			out.reason = "it is locked with a password, and none was given"
			return out
		}
		next, err := readAndAdd(l.st, path, formats.Options{Password: pw})
		if !errors.Is(err, formats.ErrPassword) {
			return next
		}
		wrong = true
	}
	out.reason = fmt.Sprintf("it is locked with a password, and the %d given were wrong", passwordTries)
	return out
}

// askPassword shows the password dialog on the UI goroutine and waits for
// the student's answer; passwordAsked (tests) hears when it is on screen.
func (l *libraryScreen) askPassword(name string, wrong bool) (string, bool) {
	answer := make(chan struct {
		pw string
		ok bool
	}, 1)
	fyne.Do(func() {
		entry := widget.NewPasswordEntry()
		entry.SetPlaceHolder("Password")
		text := name + " is a PDF locked with a password. Glossa needs it to read the text; it is not kept."
		if wrong {
			text = "That password did not open " + name + ". Try again, or Cancel to leave the file out."
		}
		msg := widget.NewLabel(text)
		msg.Wrapping = fyne.TextWrapWord
		d := dialog.NewForm("Password for "+name, "Open", "Cancel",
			[]*widget.FormItem{{Widget: msg}, widget.NewFormItem("Password", entry)},
			func(ok bool) {
				answer <- struct {
					pw string
					ok bool
				}{entry.Text, ok}
			}, l.win)
		d.Resize(fyne.NewSize(480, 220))
		d.Show()
		l.win.Canvas().Focus(entry)
		if l.passwordAsked != nil {
			l.passwordAsked <- entry
		}
	})
	a := <-answer
	return a.pw, a.ok && a.pw != ""
}
