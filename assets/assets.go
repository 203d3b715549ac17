// Package assets embeds what ships inside Glossa: the article (a
// byte-for-byte copy of the seed, never edited by hand) and the study
// material written for it.
package assets

import _ "embed"

// Article is the Markdown source of the article Glossa is built around.
//
//go:embed article.md
var Article []byte

// Icon is the icon the running app's windows show: the app icon
// (icon.png, 512 px, drawn by scripts/make-icon.sh, which packaging takes
// through FyneApp.toml) at 256 px. A window sends its icon to the window
// system as raw pixels when it opens, and at 512 px the icon cost each
// launch 15-20 ms; window lists and title bars show it at 16-128 px.
//
//go:embed icon-256.png
var Icon []byte
