package main

import (
	"flag"
	"fmt"

	"fyne.io/fyne/v2"

	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/assets"
)

// guiFlags are the options that only matter to the window.
type guiFlags struct {
	section  *string
	footnote *int
}

func addGUIFlags(fs *flag.FlagSet) *guiFlags {
	return &guiFlags{
		section:  fs.String("section", "", "open the window at this section (\"3.3\")"),
		footnote: fs.Int("footnote", 0, "open the window at this footnote"),
	}
}

func runGUI(e *env, g *guiFlags) int {
	doc, err := article.Parse(assets.Article)
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa:", err)
		return 1
	}
	a := app.NewWithID("app.glossa.reader")
	w := a.NewWindow("Glossa")
	var paras []string
	for _, p := range doc.Paragraphs {
		paras = append(paras, p.Text)
	}
	list := widget.NewList(func() int { return len(paras) },
		func() fyne.CanvasObject { l := widget.NewLabel(""); l.Wrapping = fyne.TextWrapWord; return l },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(paras[i]) })
	w.SetContent(container.NewBorder(widget.NewLabel(doc.Title), nil, nil, nil, list))
	w.ShowAndRun()
	return 0
}
