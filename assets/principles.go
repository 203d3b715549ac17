package assets

import _ "embed"

// Principles is the curated principles map: for each principle the
// article traces, the passages that discuss it, section by section, in the
// Markdown format documented at its top and read by package app/principles.
//
//go:embed principles.md
var Principles []byte
