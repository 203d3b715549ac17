package assets

import _ "embed"

// Timeline is the dated events the article discusses, in the Markdown
// format documented at its top and read by package app/timeline.
//
//go:embed timeline.md
var Timeline []byte
