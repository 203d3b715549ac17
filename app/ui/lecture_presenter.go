package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// presenterView is the lecturer's own window: the step after the one on
// the projector, the current footnotes and the time since the lecture
// began. Fyne cannot tell which monitors there are nor put a window on
// one, so this is an ordinary window the lecturer drags to the laptop
// screen; it says so.
type presenterView struct {
	l   *lectureMode
	win fyne.Window

	elapsed   *widget.Label
	clock     *widget.Label
	status    *widget.Label
	notes     *widget.Label // the lecturer's highlights and notes on the passage
	now       *widget.Label
	next      *widget.Label
	footnotes *widget.Label
	blankBtn  *widget.Button

	stop chan struct{}
}

// showPresenter opens the presenter view, starting the lecture first if
// it is not running.
func (l *lectureMode) showPresenter() {
	if l.win == nil {
		l.play()
	}
	if l.presenter != nil {
		l.presenter.win.RequestFocus()
		return
	}
	p := &presenterView{l: l, stop: make(chan struct{})}
	l.presenter = p
	p.win = l.svc.app.NewWindow("Glossa presenter view")
	p.elapsed = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true, Monospace: true})
	p.status = widget.NewLabel("")
	p.clock = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true})
	p.notes = presenterLabel()
	p.now = presenterLabel()
	p.next = presenterLabel()
	p.footnotes = presenterLabel()
	hint := presenterLabel()
	hint.SetText("If a second screen is connected, drag this window to your own screen and leave the lecture window on the projector " +
		"(Glossa cannot place windows on a screen by itself). Keys typed here drive the lecture too: " + l.keyHelp())
	prev := widget.NewButton("Back", l.prev)
	nxt := widget.NewButton("Next", l.next)
	nxt.Importance = widget.HighImportance
	fn := widget.NewButton("Footnotes", func() { l.showBand(!l.bandShown) })
	p.blankBtn = widget.NewButton("Blank screen", func() { l.setBlank(!l.blanked) })
	reset := widget.NewButton("Restart clock", func() { l.started = l.now(); p.tick() })
	heading := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	top := container.NewVBox(
		container.NewBorder(nil, nil, container.NewHBox(p.elapsed, p.status), p.clock),
		container.NewHBox(prev, nxt, fn, p.blankBtn, reset),
		widget.NewSeparator(),
	)
	body := container.NewVBox(
		heading("On the screen now"), p.now,
		heading("Your highlights and notes here (the projector shows them only when H turns them on)"), p.notes,
		heading("Next"), p.next,
		heading("Footnotes of this step"), p.footnotes,
	)
	p.win.SetContent(container.NewBorder(top, hint, nil, nil, container.NewVScroll(body)))
	p.win.Canvas().SetOnTypedKey(l.onKey)
	p.win.Canvas().SetOnTypedRune(l.onRune)
	p.win.SetOnClosed(func() {
		close(p.stop)
		if l.presenter == p {
			l.presenter = nil
		}
	})
	p.win.Resize(fyne.NewSize(760, 620))
	p.update()
	p.tick()
	go p.run()
	p.win.Show()
}

func presenterLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	return l
}

// run updates the clock every second until the window closes.
func (p *presenterView) run() {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-t.C:
			fyne.Do(p.tick)
		}
	}
}

func (p *presenterView) tick() {
	d := p.l.now().Sub(p.l.started).Round(time.Second)
	p.elapsed.SetText(fmt.Sprintf("%d:%02d:%02d", int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60))
	p.clock.SetText(p.l.now().Format("15:04"))
}

func (p *presenterView) close() {
	p.win.Close()
}

// update follows the lecture window.
func (p *presenterView) update() {
	l := p.l
	if len(l.steps) == 0 {
		return
	}
	k, n := l.sectionStep()
	status := fmt.Sprintf("   step %d of %d in this section", k, n)
	if sec := l.steps[l.cur].section; sec >= 0 {
		status = fmt.Sprintf("   section %s, step %d of %d", l.svc.doc.Sections[sec].Number, k, n)
	}
	if l.win == nil {
		status += "   (the lecture has ended)"
	}
	if l.blanked {
		status += "   SCREEN BLANK"
		p.blankBtn.SetText("Show screen")
	} else {
		p.blankBtn.SetText("Blank screen")
	}
	p.status.SetText(status)
	p.now.SetText(l.stepSummary(l.cur, 400))
	p.notes.SetText(l.notesSummary())
	if l.cur+1 < len(l.steps) {
		p.next.SetText(l.stepSummary(l.cur+1, 600))
	} else {
		p.next.SetText("(the end of the article)")
	}
	fns := l.footnotes()
	if len(fns) == 0 {
		p.footnotes.SetText("(none)")
		return
	}
	var b strings.Builder
	for i, n := range fns {
		if i > 0 {
			b.WriteString("\n\n")
		}
		fmt.Fprintf(&b, "%d. ", n)
		if f := footnoteNumbered(l.svc.doc, n); f != nil {
			b.WriteString(openingWords(f.Text, 500))
		}
	}
	p.footnotes.SetText(b.String())
}

// stepSummary says in a line or a paragraph what step i shows.
func (l *lectureMode) stepSummary(i, n int) string {
	st := l.steps[i]
	doc := l.svc.doc
	switch st.kind {
	case stepTitle:
		s := doc.Sections[st.section]
		return "Section " + s.Number + ": " + s.Title
	case stepCard:
		return "Key principle card: " + openingWords(st.card.Question(), n)
	case stepFootnote:
		return "Footnote " + strconv.Itoa(st.footnote) + ": " + openingWords(footnoteNumbered(doc, st.footnote).Text, n)
	case stepPicture:
		return "Picture: " + []string{"the timeline", "who is cited where", "the principles map"}[st.picture]
	}
	p := doc.Paragraphs[st.para]
	if st.whole {
		return openingWords(p.Text, n)
	}
	ss := l.sentences(st.para)
	what := fmt.Sprintf("Sentence %d of %d: ", st.first+1, len(ss))
	return what + openingWords(p.Text[ss[st.first].Start:ss[st.last].End], n)
}

// notesSummary is the lecturer's highlights and notes on the passage
// shown: the words highlighted, and the note under them.
func (l *lectureMode) notesSummary() string {
	st := l.steps[l.cur]
	if st.kind != stepPara {
		return "(none)"
	}
	var b strings.Builder
	for _, n := range l.passageNotes(l.svc.doc.Paragraphs[st.para]) {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString("“" + openingWords(n.Anchor.Exact, 200) + "”")
		if n.Color != "" {
			b.WriteString(" (" + n.Color + ")")
		}
		if body := strings.TrimSpace(n.Body); body != "" {
			b.WriteString("\n" + openingWords(body, 600))
		}
	}
	if b.Len() == 0 {
		return "(none)"
	}
	return b.String()
}

// keyHelp says lecture mode's keys in a line, from its command table.
func (l *lectureMode) keyHelp() string {
	var parts []string
	for _, c := range l.keyCommands() {
		var keys []string
		for _, k := range c.keys {
			keys = append(keys, string(k))
		}
		for _, r := range c.runes {
			keys = append(keys, string(r))
		}
		if len(keys) > 4 {
			keys = append(keys[:3], "…")
		}
		parts = append(parts, strings.Join(keys, "/")+" "+c.help)
	}
	return strings.Join(parts, "; ") + "."
}
