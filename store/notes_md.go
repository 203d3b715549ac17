package store

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/glossa-app/glossa/app/article"
)

// WriteMarkdown writes notes grouped by section in reading order: each
// under its quote as a block quote, with the section, the paragraph and the
// footnotes the quote cites as Markdown footnotes, tags as #tags and a
// block id (^id) Obsidian can link to.
func WriteMarkdown(w io.Writer, doc *article.Document, notes []Note, now time.Time) {
	sectionTitle := map[string]string{}
	for _, s := range doc.Sections {
		sectionTitle[s.Number] = s.Title
	}
	paraByID := map[string]article.Paragraph{}
	for _, p := range doc.Paragraphs {
		paraByID[p.ID] = p
	}
	footnoteText := map[int]string{}
	for _, f := range doc.Footnotes {
		footnoteText[f.N] = f.Text
	}
	fmt.Fprintf(w, "---\ntitle: %s\nsource: %s\narticle_sha256: %s\nexported: %s\nnotes: %d\ntags: [glossa]\n---\n\n",
		yamlString("Notes on "+doc.Title), yamlString(doc.Author), doc.Hash, now.UTC().Format(time.RFC3339), len(notes))
	fmt.Fprintf(w, "# Notes on %s\n", doc.Title)

	groupOf := func(n Note) string {
		switch {
		case n.Orphan:
			return "\x00orphans"
		case n.TargetKind == TargetSource || n.TargetKind == TargetCard:
			return "\x00other"
		}
		return n.Section
	}
	// Notes come in reading order, but orphans and notes on cards are
	// ordered by creation among themselves and may alternate: each group
	// must still get one heading.
	rank := func(n Note) int {
		switch groupOf(n) {
		case "\x00orphans":
			return 1
		case "\x00other":
			return 2
		}
		return 0
	}
	notes = slices.Clone(notes)
	sort.SliceStable(notes, func(i, j int) bool { return rank(notes[i]) < rank(notes[j]) })

	cited := map[int]bool{}
	group := ""
	started := false
	for _, n := range notes {
		g := groupOf(n)
		if !started || g != group {
			started, group = true, g
			switch g {
			case "\x00orphans":
				fmt.Fprintf(w, "\n## Notes whose passage is no longer in the article\n")
			case "\x00other":
				fmt.Fprintf(w, "\n## Notes on sources and cards\n")
			case "":
				fmt.Fprintf(w, "\n## Before the first section\n")
			default:
				fmt.Fprintf(w, "\n## %s. %s\n", g, sectionTitle[g])
			}
		}
		fmt.Fprintln(w)
		var refs []int
		quote := n.Quote()
		switch n.TargetKind {
		case TargetPassage:
			if p, ok := paraByID[n.TargetID]; ok && !n.Orphan {
				end := n.Anchor.Start + len(quote)
				for _, r := range p.Refs {
					if r.Offset >= n.Anchor.Start && r.Offset <= end+1 {
						refs = append(refs, r.N)
					}
				}
			}
		case TargetFootnote:
			if k, err := strconv.Atoi(n.TargetID); err == nil {
				quote = footnoteText[k]
				refs = append(refs, k)
			}
		}
		if quote != "" {
			for _, line := range strings.Split(quote, "\n") {
				fmt.Fprintf(w, "> %s\n", line)
			}
		}
		var where []string
		if n.Section != "" && !n.Orphan {
			where = append(where, "§ "+n.Section)
		}
		switch n.TargetKind {
		case TargetPassage:
			where = append(where, "paragraph "+n.TargetID)
		case TargetFootnote:
			where = append(where, "footnote "+n.TargetID)
		default:
			where = append(where, n.TargetKind+" "+n.TargetID)
		}
		for _, r := range refs {
			where = append(where, fmt.Sprintf("[^%d]", r))
			cited[r] = true
		}
		if quote != "" {
			fmt.Fprintf(w, "> — %s\n\n", strings.Join(where, ", "))
		} else {
			fmt.Fprintf(w, "*%s*\n\n", strings.Join(where, ", "))
		}
		if body := strings.TrimSpace(n.Body); body != "" {
			fmt.Fprintln(w, body)
			fmt.Fprintln(w)
		}
		var tags []string
		for _, t := range n.Tags {
			tags = append(tags, "#"+strings.Join(strings.Fields(t), "-"))
		}
		if len(tags) > 0 {
			fmt.Fprintln(w, strings.Join(tags, " "))
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "^%s\n", n.ID)
	}
	if len(cited) > 0 {
		var ns []int
		for k := range cited {
			ns = append(ns, k)
		}
		sort.Ints(ns)
		fmt.Fprintln(w)
		for _, k := range ns {
			fmt.Fprintf(w, "[^%d]: %s\n", k, strings.Join(strings.Fields(footnoteText[k]), " "))
		}
	}
}

func yamlString(s string) string {
	b, _ := json.Marshal(s) // a JSON string is a valid YAML scalar
	return string(b)
}
