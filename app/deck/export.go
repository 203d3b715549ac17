package deck

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/glossa-app/glossa/app/article"
)

// ShortTitle is what the shipped article is called where space is short:
// in Anki's deck list and in file names.
const ShortTitle = "UN Cybercrime Convention"

// AnkiDeck is the deck the shipped article's cards are filed under.
var AnkiDeck = AnkiDeckName(ShortTitle)

// AnkiDeckName is the deck of one article's cards: every Glossa article
// gets a deck of its own under one "Glossa" parent.
func AnkiDeckName(shortTitle string) string {
	// "::" separates deck levels in Anki: a title holding it would nest.
	t := strings.Join(strings.Fields(strings.ReplaceAll(shortTitle, "::", ":")), " ")
	if t == "" {
		t = "Article"
	}
	return "Glossa::" + t
}

// GUID is the stable identity of a card in Anki: re-importing an updated
// deck updates the notes instead of duplicating them.
func GUID(id string) string { return "glossa-" + id }

// Glossa's own note types. Anki's stock "Basic" and "Cloze" are named
// in the profile's language, so a file that names them finds no note type
// in a German or Italian profile; these names are the same everywhere and
// the .apkg export creates them (with Front, Back, Passage and Source
// fields) on its first import.
const (
	AnkiBasic = "Glossa Basic"
	AnkiCloze = "Glossa Cloze"
)

// AnkiFields are the fields of both note types, in order.
var AnkiFields = []string{"Front", "Back", "Passage", "Source"}

// AnkiNoteType is the note type a card becomes in Anki.
func AnkiNoteType(t Type) string {
	if t == Cloze {
		return AnkiCloze
	}
	return AnkiBasic
}

// AnkiFieldValues are a card's fields as HTML, in AnkiFields order: the
// question (or cloze text), the answer (or cloze extra), the passage the
// card quotes and where it is in the article.
func AnkiFieldValues(c ResolvedCard) []string {
	src := c.Where
	if src == "" && c.ParagraphID != "" {
		src = "¶ " + c.ParagraphID
	}
	return []string{ankiHTML(c.Front), ankiHTML(c.Back), ankiHTML(c.Anchor), ankiHTML(src)}
}

// WriteAnki writes cards in Anki's text import format (Anki 2.1.54 and
// later): tab-separated, with file headers that name the separator, allow
// HTML, and say which columns hold the GUID, the note type, the deck and
// the tags. Notes are of Glossa's own note types (AnkiBasic, AnkiCloze),
// which importing the .apkg export once creates; cloze gaps stay as
// written. The deck is named twice: by the #deck header, which Anki only
// honours when a deck of that name already exists, and by a deck column,
// which Anki's importer creates when it is missing.
// Fields are HTML-escaped, so tabs, newlines, quotes and angle brackets in
// a card cannot break the file; tags are plain text cleaned by AnkiTags.
func WriteAnki(w io.Writer, cards []ResolvedCard) error {
	bw := bufio.NewWriter(w)
	fmt.Fprint(bw, "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n")
	fmt.Fprintf(bw, "#deck:%s\n#deck column:8\n#tags column:7\n", AnkiDeck)
	for _, c := range cards {
		row := append([]string{GUID(c.ID), AnkiNoteType(c.Type)}, AnkiFieldValues(c)...)
		row = append(row, strings.Join(AnkiTags(c.Tags), " "), AnkiDeck)
		fmt.Fprintf(bw, "%s\n", strings.Join(row, "\t"))
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("deck: write anki: %w", err)
	}
	return nil
}

var ankiEscaper = strings.NewReplacer("\r\n", "<br>", "\n", "<br>", "\r", "<br>", "\t", "&#9;")

// ankiHTML escapes plain text for a field of a file imported with
// html:true. Escaping also keeps double quotes out of the file, which
// Anki's reader would otherwise take for CSV-style field quoting.
func ankiHTML(s string) string { return ankiEscaper.Replace(html.EscapeString(s)) }

// AnkiTags cleans tags to Anki's rules (rslib/src/tags): a space
// separates tags, so the words of one tag are joined with "_"; control
// characters are dropped; "::" nests, so empty levels are dropped; tags
// differing only in case are one tag (Anki puts text in NFC itself). Tags are plain text,
// never HTML-escaped. Tags with nothing left are dropped.
func AnkiTags(tags []string) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, t := range tags {
		t = AnkiTag(t)
		if t == "" || seen[strings.ToLower(t)] {
			continue
		}
		seen[strings.ToLower(t)] = true
		out = append(out, t)
	}
	return out
}

// AnkiTag is one tag cleaned to Anki's rules ("" when nothing is left).
func AnkiTag(t string) string {
	var levels []string
	for _, level := range strings.Split(t, "::") {
		// White space (tabs and newlines too) joins words; what is left of
		// the control characters Anki would drop.
		level = strings.Join(strings.FieldsFunc(level, unicode.IsSpace), "_")
		level = strings.Map(func(r rune) rune {
			if r < 0x20 || r == 0x7f {
				return -1
			}
			return r
		}, level)
		if level != "" {
			levels = append(levels, level)
		}
	}
	return strings.Join(levels, "::")
}

// Where cites the passage text[start:end] of paragraph p as a student
// would: "§3.3, fn 126" (the footnotes whose markers fall in the passage or
// right after it), "§3.3" when it carries none.
func Where(p article.Paragraph, start, end int) string {
	var fns []string
	for _, r := range p.Refs {
		// A marker follows the word it annotates, often after the
		// punctuation that ends the quote.
		if r.Offset >= start && r.Offset <= end+2 {
			fns = append(fns, strconv.Itoa(r.N))
		}
	}
	var b strings.Builder
	if p.Section != "" {
		b.WriteString("§" + p.Section)
	}
	if len(fns) > 0 {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		if len(fns) == 1 {
			b.WriteString("fn ")
		} else {
			b.WriteString("fns ")
		}
		b.WriteString(strings.Join(fns, ", "))
	}
	return b.String()
}

// StudentCard is a card from the student's database: one they made from a
// passage (UserMade), or their own wording of a shipped card.
type StudentCard struct {
	Card
	UserMade    bool
	ParagraphID string // the passage a card they made is anchored to
}

// WithStudentCards lays the student's cards over the shipped deck, as
// the Cards screen shows them: their wording replaces the shipped text of
// the card it edits (keeping its anchor), the cards they made follow, each
// tied to its passage in doc again (the quote is looked up when the
// article changed under it). Edits of cards no longer shipped are left
// out. doc may be nil: made cards then keep the paragraph they were made
// on and no source line.
func WithStudentCards(shipped []ResolvedCard, student []StudentCard, doc *article.Document) []ResolvedCard {
	out := append([]ResolvedCard(nil), shipped...)
	at := map[string]int{}
	for i, c := range out {
		at[c.ID] = i
	}
	for _, sc := range student {
		if i, ok := at[sc.ID]; ok && !sc.UserMade {
			edited := sc.Card
			edited.Anchor, edited.Line = out[i].Anchor, out[i].Line
			out[i].Card = edited
			continue
		}
		if !sc.UserMade {
			continue
		}
		rc := ResolvedCard{Card: sc.Card, ParagraphID: sc.ParagraphID}
		if doc != nil && sc.Anchor != "" {
			if found, _ := Resolve([]Card{sc.Card}, doc); len(found) == 1 {
				rc = found[0]
			}
		}
		out = append(out, rc)
	}
	return out
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
