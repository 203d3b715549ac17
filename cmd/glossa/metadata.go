package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/glossa-app/glossa/assets"
)

// metadata mirrors FyneApp.toml (a test keeps them equal). `fyne package`
// compiles FyneApp.toml into the binary; a plain `go build` run outside
// the repository would otherwise tell "Glossa 0.0.1" in its About box,
// Fyne's placeholder, with no app ID.
var metadata = fyne.AppMetadata{
	ID:      "app.glossa.reader",
	Name:    "Glossa",
	Version: "0.1.0",
	Build:   1,
}

// newApp is the Fyne app with Glossa's metadata and icon, however it was
// built.
func newApp() fyne.App {
	a := app.NewWithID(metadata.ID)
	if a.Metadata().ID == "" {
		app.SetMetadata(metadata)
	}
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	return a
}
