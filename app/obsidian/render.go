package obsidian

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/glossa-app/glossa/app/cite"
)

// Groups of notes that are not in a section of the text.
const (
	groupOrphans = "\x00orphans"
	groupOther   = "\x00other"
)

func groupOf(n Note) string {
	switch {
	case n.Orphan:
		return groupOrphans
	case n.Kind == KindSource || n.Kind == KindCard:
		return groupOther
	}
	return n.Section
}

// calloutType is the callout a highlight's color becomes: Obsidian
// shows an unknown type as a plain callout, and a CSS snippet can color
// it. Without a color a highlight is a quote.
func calloutType(color string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(color) {
		if r >= 'a' && r <= 'z' || r == '-' {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "quote"
	}
	return b.String()
}

// sourcePage is the page of one cited source, with every note that
// mentions it.
type sourcePage struct {
	src      cite.Source
	mentions []string // list items linking back to the notes
	articles []string // literature notes whose footnotes cite it
}

func literatureNote(a Article, now time.Time, sources map[string]*sourcePage) File {
	doc := a.Doc
	meta := ArticleMeta(doc)
	surname := "Anonymous"
	if len(meta.Authors) > 0 {
		f := strings.Fields(meta.Authors[0])
		surname = f[len(f)-1]
	}
	short := a.ShortTitle
	if short == "" {
		short = meta.Title
	}
	name := fileName(fmt.Sprintf("%s %d - %s", surname, meta.Year, short))
	sectionTitle := map[string]string{}
	for _, s := range doc.Sections {
		sectionTitle[s.Number] = s.Title
	}
	paraByID := map[string]int{}
	for i, p := range doc.Paragraphs {
		paraByID[p.ID] = i
	}
	footnoteText := map[int]string{}
	for _, f := range doc.Footnotes {
		if t := strings.Join(strings.Fields(f.Text), " "); t != "" {
			footnoteText[f.N] = t
		}
	}

	notes := slices.Clone(a.Notes)
	rank := map[string]int{groupOrphans: 1, groupOther: 2}
	sort.SliceStable(notes, func(i, j int) bool { return rank[groupOf(notes[i])] < rank[groupOf(notes[j])] })

	tags := []string{"glossa", "literature-note"}
	for _, n := range notes {
		tags = append(tags, n.Tags...)
	}
	var b strings.Builder
	writeFrontMatter(&b, meta, Tags(tags), [][2]string{{"aliases", short}, {"glossa-article", doc.Hash},
		{"exported", now.UTC().Format(time.RFC3339)}})
	fmt.Fprintf(&b, "\n# %s\n\n", meta.Title)
	fmt.Fprintf(&b, "%s, *%s* (%d). %d notes and highlights, exported from Glossa on %s.\n",
		strings.Join(meta.Authors, ", "), doc.Series, meta.Year, len(notes), now.Format("2 January 2006"))

	usedIDs := map[string]bool{}
	cited := map[int]bool{}
	group, started := "", false
	for _, n := range notes {
		if g := groupOf(n); !started || g != group {
			started, group = true, g
			switch g {
			case groupOrphans:
				b.WriteString("\n## No longer in the article\n")
			case groupOther:
				b.WriteString("\n## Notes on sources and cards\n")
			case "":
				b.WriteString("\n## Before the first section\n")
			default:
				fmt.Fprintf(&b, "\n## %s %s\n", g, sectionTitle[g])
			}
		}
		id := BlockID(n.ID)
		for k := 2; usedIDs[id]; k++ {
			id = BlockID(n.ID) + "-" + strconv.Itoa(k)
		}
		usedIDs[id] = true

		// What the callout quotes, and how its title cites it.
		var title []string
		var quote string
		var refs []int
		switch n.Kind {
		case KindPassage:
			quote = n.Quote
			if n.Section != "" && !n.Orphan {
				title = append(title, "§"+n.Section)
			}
			if i, ok := paraByID[n.TargetID]; ok && !n.Orphan {
				end := n.Start + len(n.Quote)
				for _, r := range doc.Paragraphs[i].Refs {
					if r.Offset >= n.Start && r.Offset <= end+2 {
						refs = append(refs, r.N)
					}
				}
			}
		case KindFootnote:
			k, _ := strconv.Atoi(n.TargetID)
			if text, ok := footnoteText[k]; ok {
				title = append(title, fmt.Sprintf("Footnote %d", k))
				quote = text
				refs = append(refs, k)
			} else {
				title = append(title, fmt.Sprintf("Footnote %s (not in this version of the article)", n.TargetID))
			}
		case KindSource:
			title = append(title, "Source")
		case KindCard:
			title = append(title, "Card "+n.TargetID)
		}
		for _, r := range refs {
			if _, ok := footnoteText[r]; ok && n.Kind == KindPassage {
				title = append(title, fmt.Sprintf("fn %d[^%d]", r, r))
				cited[r] = true
			}
		}
		mentioned := mentions(a.Library, n, refs)
		if n.Kind == KindSource {
			for _, s := range mentioned {
				if s.ID == n.TargetID {
					title = append(title, fmt.Sprintf("[[%s|%s]]", s.Key, linkText(s)))
				}
			}
		}
		b.WriteString("\n")
		head := strings.TrimRight(fmt.Sprintf("> [!%s] %s", calloutType(n.Color), strings.Join(title, ", ")), " ")
		if quote == "" {
			fmt.Fprintf(&b, "%s ^%s\n", head, id)
		} else {
			b.WriteString(head + "\n")
			lines := strings.Split(strings.TrimSpace(quote), "\n")
			for i, line := range lines {
				if i == len(lines)-1 {
					// The id goes on the quote's own last line: after the
					// tags it would label the tags' paragraph.
					fmt.Fprintf(&b, "> %s ^%s\n", line, id)
				} else {
					fmt.Fprintf(&b, "> %s\n", line)
				}
			}
		}
		if body := strings.TrimSpace(n.Body); body != "" {
			fmt.Fprintf(&b, "\n%s\n", body)
		}
		if t := Tags(n.Tags); len(t) > 0 {
			fmt.Fprintf(&b, "\n#%s\n", strings.Join(t, " #"))
		}
		var links []string
		for _, s := range mentioned {
			if n.Kind != KindSource || s.ID != n.TargetID {
				links = append(links, fmt.Sprintf("[[%s|%s]]", s.Key, linkText(s)))
			}
			page := sources[s.Key]
			if page == nil {
				page = &sourcePage{src: s}
				sources[s.Key] = page
			}
			page.mentions = append(page.mentions, fmt.Sprintf("[[%s#^%s|%s]]", name, id, mentionText(n)))
			if !slices.Contains(page.articles, name) {
				page.articles = append(page.articles, name)
			}
		}
		if len(links) > 0 {
			fmt.Fprintf(&b, "\nCites: %s\n", strings.Join(links, " · "))
		}
	}
	if len(cited) > 0 {
		var ns []int
		for k := range cited {
			ns = append(ns, k)
		}
		sort.Ints(ns)
		b.WriteString("\n")
		for _, k := range ns {
			fmt.Fprintf(&b, "[^%d]: %s\n", k, footnoteText[k])
		}
	}
	return File{Path: name + ".md", Data: []byte(b.String())}
}

// mentions are the sources note n mentions: the one it is attached to,
// those cited in the footnotes it quotes or carries (refs), and those its
// body names by short title or citation key.
func mentions(lib *cite.Library, n Note, refs []int) []cite.Source {
	if lib == nil {
		return nil
	}
	var out []cite.Source
	seen := map[string]bool{}
	add := func(id string) {
		if s, ok := lib.Source(id); ok && !seen[id] {
			seen[id] = true
			out = append(out, *s)
		}
	}
	if n.Kind == KindSource {
		add(n.TargetID)
	}
	for _, r := range refs {
		for _, c := range lib.CitationsIn(r) {
			if c.Source != "" {
				add(c.Source)
			}
		}
	}
	body := strings.ToLower(n.Body)
	for _, s := range lib.Sources {
		if body == "" {
			break
		}
		if (len(s.Short) >= 5 && strings.Contains(body, strings.ToLower(s.Short))) || strings.Contains(body, strings.ToLower(s.Key)) {
			add(s.ID)
		}
	}
	return out
}

// linkText is how a link to a source reads: its short title, or its
// first author and title.
func linkText(s cite.Source) string {
	t := s.Short
	if t == "" {
		t = s.Title
		if len(s.Authors) > 0 {
			t = s.Authors[0] + ", " + t
		}
	}
	if r := []rune(t); len(r) > 80 {
		t = string(r[:79]) + "…"
	}
	// "|" and "]" would end the link.
	return strings.NewReplacer("|", "-", "]", ")", "[", "(").Replace(t)
}

func mentionText(n Note) string {
	t := n.Quote
	if t == "" {
		t = n.Body
	}
	t = strings.Join(strings.Fields(t), " ")
	if r := []rune(t); len(r) > 60 {
		t = string(r[:59]) + "…"
	}
	where := n.Kind
	if n.Section != "" {
		where = "§" + n.Section
	}
	if n.Kind == KindFootnote {
		where = "fn " + n.TargetID
	}
	return strings.NewReplacer("|", "-", "]", ")", "[", "(").Replace(where + ": " + t)
}

func (p *sourcePage) file() File {
	s := p.src
	m := Meta{Title: s.Title, Authors: s.Authors, Citekey: s.Key}
	if y := yearPattern.FindString(s.Year); y != "" {
		m.Year, _ = strconv.Atoi(y)
	}
	var b strings.Builder
	writeFrontMatter(&b, m, Tags([]string{"glossa", "source", string(s.Kind)}), [][2]string{{"glossa-source", s.ID}})
	fmt.Fprintf(&b, "\n# %s\n\n", s.Title)
	var ref []string
	if len(s.Authors) > 0 {
		ref = append(ref, strings.Join(s.Authors, ", "))
	}
	ref = append(ref, "*"+s.Title+"*")
	for _, v := range []string{s.Container, s.Place, s.Date, s.Year, s.Volume, s.Pages, s.Symbol, s.URL} {
		if v != "" && !(v == s.Year && s.Date != "") {
			ref = append(ref, v)
		}
	}
	b.WriteString(strings.Join(ref, ", ") + ".\n")
	if s.Short != "" {
		fmt.Fprintf(&b, "\nShort title in the article: “%s”.\n", s.Short)
	}
	if len(s.CitedIn) > 0 {
		var fns []string
		for _, c := range s.CitedIn {
			f := "fn " + strconv.Itoa(c.Footnote)
			if c.Pinpoint != "" {
				f += " (" + c.Pinpoint + ")"
			}
			fns = append(fns, f)
		}
		fmt.Fprintf(&b, "\nCited in %s: %s.\n", strings.Join(linked(p.articles), ", "), strings.Join(fns, "; "))
	}
	b.WriteString("\n## Notes that mention it\n\n")
	for _, m := range p.mentions {
		fmt.Fprintf(&b, "- %s\n", m)
	}
	return File{Path: SourcesDir + "/" + fileName(s.Key) + ".md", Data: []byte(b.String())}
}

func linked(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "[[" + n + "]]"
	}
	return out
}
