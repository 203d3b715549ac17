package assets

import _ "embed"

// Deck is the flashcard deck on the article's key principles, instruments
// and provisions, in the Markdown card format documented at its top and
// read by package app/deck.
//
//go:embed deck.md
var Deck []byte
