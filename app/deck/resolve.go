package deck

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/glossa-app/glossa/app/article"
)

// ResolvedCard is a card tied to the paragraph its anchor quotes.
type ResolvedCard struct {
	Card
	ParagraphID string
	// Start and End are byte offsets of the quoted passage in the
	// paragraph's Text, for highlighting it when "show in article" jumps
	// there.
	Start, End int
	// Where cites the passage as a student would in an essay: its
	// section and the footnotes it carries ("§3.3, fn 126").
	Where string
}

// AnchorError says why a card's anchor did not resolve.
type AnchorError struct {
	CardID string
	Line   int
	Quote  string
	Found  []string // IDs of the paragraphs that hold the quote (more than one when ambiguous)
}

func (e *AnchorError) Error() string {
	if len(e.Found) == 0 {
		return fmt.Sprintf("deck:%d: card %q: anchor %q is in no paragraph of the article", e.Line, e.CardID, clip(e.Quote))
	}
	return fmt.Sprintf("deck:%d: card %q: anchor %q is in %d paragraphs (%s); quote more to make it unique",
		e.Line, e.CardID, clip(e.Quote), len(e.Found), strings.Join(e.Found, ", "))
}

// Resolve finds, for every card, the one body paragraph of doc whose text
// holds the card's anchor, ignoring case and runs of white space. Cards
// whose anchor is in no paragraph or in several come back as
// *AnchorError, in deck order; the others are returned resolved.
func Resolve(cards []Card, doc *article.Document) ([]ResolvedCard, []error) {
	if doc == nil {
		return nil, []error{fmt.Errorf("deck: resolve anchors: no document")}
	}
	paras := make([]normalized, len(doc.Paragraphs))
	for i, p := range doc.Paragraphs {
		paras[i] = normalize(p.Text)
	}
	var out []ResolvedCard
	var errs []error
	for _, c := range cards {
		q := normalize(c.Anchor).text
		if q == "" {
			errs = append(errs, &AnchorError{CardID: c.ID, Line: c.Line, Quote: c.Anchor})
			continue
		}
		var found []string
		var hit ResolvedCard
		for i, p := range paras {
			at := strings.Index(p.text, q)
			if at < 0 {
				continue
			}
			found = append(found, doc.Paragraphs[i].ID)
			// The folded quote never ends in a space, so its last byte
			// maps to the first byte of a rune of the original.
			last := p.offsets[at+len(q)-1]
			_, size := utf8.DecodeRuneInString(doc.Paragraphs[i].Text[last:])
			hit = ResolvedCard{Card: c, ParagraphID: doc.Paragraphs[i].ID,
				Start: p.offsets[at], End: last + size}
			hit.Where = Where(doc.Paragraphs[i], hit.Start, hit.End)
		}
		if len(found) != 1 {
			errs = append(errs, &AnchorError{CardID: c.ID, Line: c.Line, Quote: c.Anchor, Found: found})
			continue
		}
		out = append(out, hit)
	}
	return out, errs
}

// ResolveKeep is Resolve for exports: every card comes back, in deck
// order; one whose anchor does not resolve keeps an empty ParagraphID.
// doc may be nil.
func ResolveKeep(cards []Card, doc *article.Document) []ResolvedCard {
	byID := map[string]ResolvedCard{}
	if doc != nil {
		resolved, _ := Resolve(cards, doc)
		for _, r := range resolved {
			byID[r.ID] = r
		}
	}
	out := make([]ResolvedCard, len(cards))
	for i, c := range cards {
		if r, ok := byID[c.ID]; ok {
			out[i] = r
		} else {
			out[i] = ResolvedCard{Card: c}
		}
	}
	return out
}

// normalized is text folded for matching, with the byte offset in the
// original of each byte of the folded text.
type normalized struct {
	text    string
	offsets []int
}

// normalize lower-cases s and turns every run of white space into one
// space, trimming it at both ends.
func normalize(s string) normalized {
	var b strings.Builder
	offsets := make([]int, 0, len(s))
	space := false
	for i, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			offsets = append(offsets, i)
			space = false
		}
		lr := unicode.ToLower(r)
		n := utf8.RuneLen(lr)
		if n < 0 { // invalid rune: keep the replacement character's width
			n = utf8.RuneLen(utf8.RuneError)
		}
		b.WriteRune(lr)
		for range n {
			offsets = append(offsets, i)
		}
	}
	return normalized{text: b.String(), offsets: offsets}
}
