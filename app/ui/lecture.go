package ui

// lectureMode presents the article on a projector.
type lectureMode struct {
	u *UI
}

func newLectureMode(u *UI) *lectureMode { return &lectureMode{u: u} }

// commands are lecture mode's menu items and shortcuts.
func (l *lectureMode) commands() []command { return nil }
