package deck

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"html"
	"io"
	"strings"
)

// AnkiDeck is the deck name the Anki export files cards under.
const AnkiDeck = "Glossa::UN Cybercrime Convention"

// GUID is the stable identity of a card in Anki: re-importing an updated
// deck updates the notes instead of duplicating them.
func GUID(id string) string { return "glossa-" + id }

// Anki note types and the columns the export writes.
const (
	ankiBasic = "Basic"
	ankiCloze = "Cloze"
)

// WriteAnki writes cards in Anki's text import format (Anki 2.1.54 and
// later): tab-separated, with file headers that name the separator, allow
// HTML, and say which columns hold the GUID, the note type and the tags.
// The deck is named twice: by the #deck header, which Anki only honours
// when a deck of that name already exists, and by a deck column (the
// last), which Anki's importer creates when it is missing, so a first
// import lands in its own deck rather than in Default.
// Basic cards become "Basic" notes (Front, Back); cloze cards become
// "Cloze" notes (Text, Back Extra) with their {{c1::...}} gaps as written.
// Fields are HTML-escaped, so tabs, newlines, quotes and angle brackets in
// a card cannot break the file. The back also cites the anchor quote, so
// the way back to the article survives the export.
func WriteAnki(w io.Writer, cards []ResolvedCard) error {
	bw := bufio.NewWriter(w)
	fmt.Fprint(bw, "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n")
	fmt.Fprintf(bw, "#deck:%s\n#deck column:6\n#tags column:5\n", AnkiDeck)
	for _, c := range cards {
		notetype := ankiBasic
		if c.Type == Cloze {
			notetype = ankiCloze
		}
		row := []string{GUID(c.ID), notetype, ankiHTML(c.Front), ankiBack(c), ankiTags(c.Tags), AnkiDeck}
		fmt.Fprintf(bw, "%s\n", strings.Join(row, "\t"))
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("deck: write anki: %w", err)
	}
	return nil
}

// ankiBack is the back field: the answer (or cloze extra), then the
// source quote and the paragraph it comes from.
func ankiBack(c ResolvedCard) string {
	var b strings.Builder
	b.WriteString(ankiHTML(c.Back))
	if c.Anchor != "" {
		if c.Back != "" {
			b.WriteString("<br><br>")
		}
		b.WriteString("<small>Source: “")
		b.WriteString(ankiHTML(c.Anchor))
		b.WriteString("”")
		if c.ParagraphID != "" {
			b.WriteString(" (")
			b.WriteString(ankiHTML(c.ParagraphID))
			b.WriteString(")")
		}
		b.WriteString("</small>")
	}
	return b.String()
}

var ankiEscaper = strings.NewReplacer("\r\n", "<br>", "\n", "<br>", "\r", "<br>", "\t", "&#9;")

// ankiHTML escapes plain text for a field of a file imported with
// html:true. Escaping also keeps double quotes out of the file, which
// Anki's reader would otherwise take for CSV-style field quoting.
func ankiHTML(s string) string { return ankiEscaper.Replace(html.EscapeString(s)) }

func ankiTags(tags []string) string {
	out := make([]string, len(tags))
	for i, t := range tags {
		out[i] = strings.NewReplacer(" ", "_", "\t", "_").Replace(html.EscapeString(t))
	}
	return strings.Join(out, " ")
}

// CSVHeader is the first record WriteCSV writes.
var CSVHeader = []string{"id", "type", "front", "back", "tags", "anchor_quote", "paragraph_id"}

// WriteCSV writes cards as RFC 4180 CSV (CRLF line ends) with a header row (CSVHeader);
// tags are separated by spaces.
func WriteCSV(w io.Writer, cards []ResolvedCard) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // RFC 4180 line ends
	if err := cw.Write(CSVHeader); err != nil {
		return fmt.Errorf("deck: write csv: %w", err)
	}
	for _, c := range cards {
		rec := []string{c.ID, string(c.Type), c.Front, c.Back, strings.Join(c.Tags, " "), c.Anchor, c.ParagraphID}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("deck: write csv card %q: %w", c.ID, err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("deck: write csv: %w", err)
	}
	return nil
}
