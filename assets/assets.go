// Package assets embeds what ships inside Glossa: the article (a
// byte-for-byte copy of the seed, never edited by hand) and the study
// material written for it.
package assets

import _ "embed"

// Article is the Markdown source of the article Glossa is built around.
//
//go:embed article.md
var Article []byte

// Icon is the app icon (512x512 PNG, drawn by scripts/make-icon.sh).
//
//go:embed icon.png
var Icon []byte
