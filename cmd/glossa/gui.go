package main

import (
	"flag"
	"fmt"

	"fyne.io/fyne/v2/app"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/ui"
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
		footnote: fs.Int("footnote", 0, "open the window at this footnote, shown"),
	}
}

func runGUI(e *env, g *guiFlags) int {
	doc, err := article.Parse(assets.Article)
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa:", err)
		return 1
	}
	a := app.NewWithID("app.glossa.reader")
	u := ui.New(a, doc, nil, ui.Options{Section: *g.section, Footnote: *g.footnote})
	u.Window().ShowAndRun()
	return 0
}
