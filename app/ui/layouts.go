package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// The small layouts the screens share. Each stacks its children in the
// space it gives them; they differ in the space they ask for.

// largestMin is the largest minimum size among objs.
func largestMin(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}

// stack gives every child all of size.
func stack(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.Position{})
		o.Resize(size)
	}
}

// fixedWidth gives its single child a fixed width.
type fixedWidth struct{ w float32 }

func (l *fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		if o.Visible() {
			h = fyne.Max(h, o.MinSize().Height)
		}
	}
	return fyne.NewSize(l.w, h)
}

func (l *fixedWidth) Layout(objs []fyne.CanvasObject, s fyne.Size) { stack(objs, s) }

// maxHeight sizes its child to its minimum height, but at most h.
type maxHeight struct{ h float32 }

func (l *maxHeight) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		if sc, ok := o.(*container.Scroll); ok {
			m = sc.Content.MinSize()
		}
		s = s.Max(fyne.NewSize(m.Width, fyne.Min(m.Height, l.h)))
	}
	return s
}

func (l *maxHeight) Layout(objs []fyne.CanvasObject, s fyne.Size) { stack(objs, s) }

// readingColumn centres its children in a column at most max wide, so a
// card stays readable on a wide window.
type readingColumn struct{ max float32 }

func (l *readingColumn) MinSize(objs []fyne.CanvasObject) fyne.Size { return largestMin(objs) }

func (l *readingColumn) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := fyne.Min(size.Width, l.max)
	for _, o := range objs {
		o.Move(fyne.NewPos((size.Width-w)/2, 0))
		o.Resize(fyne.NewSize(w, size.Height))
	}
}

// widthWatch lays out its child like a stack and calls onChange when the
// width changes.
type widthWatch struct {
	w        float32
	onChange func()
}

func (l *widthWatch) MinSize(objs []fyne.CanvasObject) fyne.Size { return largestMin(objs) }

func (l *widthWatch) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	stack(objs, size)
	if size.Width != l.w {
		l.w = size.Width
		if l.onChange != nil {
			l.onChange()
		}
	}
}

// minWidth gives its child at least w of width.
type minWidth struct{ w float32 }

func (l *minWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return largestMin(objs).Max(fyne.NewSize(l.w, 0))
}

func (l *minWidth) Layout(objs []fyne.CanvasObject, s fyne.Size) { stack(objs, s) }

// afterLayout stacks its objects and then calls then: at the window's
// root it runs once every object in the window has its place.
type afterLayout struct{ then func() }

func (l *afterLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	stack(objs, s)
	l.then()
}

func (l *afterLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}
