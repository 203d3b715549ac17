// Package odt reads an OpenDocument text (.odt, what LibreOffice saves
// and pandoc writes): headings from text:h and their outline level,
// footnotes and endnotes from the text:note elements that sit inside the
// paragraph that cites them, italics and bold from the automatic and
// named text styles, title and authors from meta.xml. The archive is
// opened within zipdoc's limits, and nothing it points to is fetched.
//
// Like Word, an .odt has no lines: positions are paragraph numbers in
// content.xml.
package odt

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/article/zipdoc"
)

// ErrNotODT is for a zip archive without an OpenDocument text in it.
var ErrNotODT = errors.New("the archive is not an OpenDocument text (no content.xml)")

// Looks reports an OpenDocument text: its first part names the type.
func Looks(src []byte) bool {
	return bytes.HasPrefix(src, []byte("PK\x03\x04")) &&
		bytes.Contains(src[:min(len(src), 200)], []byte("application/vnd.oasis.opendocument.text"))
}

// Parse reads an .odt.
func Parse(src []byte) (*article.Document, error) {
	a, err := zipdoc.Open(src)
	if err != nil {
		return nil, fmt.Errorf("odt: %w", err)
	}
	if !a.Has("content.xml") {
		return nil, fmt.Errorf("odt: %w", ErrNotODT)
	}
	r := &reader{b: article.NewBuilder(src), styles: map[string]article.Style{}}
	for _, name := range []string{"meta.xml", "styles.xml", "content.xml"} {
		b, err := a.Read(name)
		if err != nil {
			return nil, fmt.Errorf("odt: %w", err)
		}
		switch name {
		case "meta.xml":
			r.readMeta(b)
		case "styles.xml":
			if err := r.readStyles(b); err != nil {
				return nil, fmt.Errorf("odt: styles.xml: %w", err)
			}
		case "content.xml":
			if err := r.readStyles(b); err != nil {
				return nil, fmt.Errorf("odt: content.xml: %w", err)
			}
			if err := r.readBody(b); err != nil {
				return nil, fmt.Errorf("odt: content.xml: %w", err)
			}
		}
	}
	if bytes.Contains(src, []byte(`xlink:href="http`)) {
		r.b.Problem(article.ProblemExternal, 0, "content.xml points to other files or addresses; Glossa did not fetch them")
	}
	r.b.SetTitle(r.title, r.authors)
	return r.b.Document()
}

type reader struct {
	b       *article.Builder
	styles  map[string]article.Style // text style name -> emphasis
	title   string
	authors []string
}

func (r *reader) readMeta(b []byte) {
	if b == nil {
		return
	}
	var m struct {
		Meta struct {
			Title   string   `xml:"title"`
			Creator []string `xml:"creator"`
			Initial string   `xml:"initial-creator"`
		} `xml:"meta"`
	}
	if xml.Unmarshal(b, &m) != nil {
		return
	}
	r.title = m.Meta.Title
	r.authors = m.Meta.Creator
	if len(r.authors) == 0 && m.Meta.Initial != "" {
		r.authors = []string{m.Meta.Initial}
	}
}

// readStyles records which text styles are italic or bold.
func (r *reader) readStyles(b []byte) error {
	if b == nil {
		return nil
	}
	dec := xml.NewDecoder(bytes.NewReader(b))
	name := ""
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		st, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch st.Name.Local {
		case "style":
			name = attr(st, "name")
		case "text-properties":
			var s article.Style
			if strings.Contains(attr(st, "font-style"), "italic") {
				s |= article.Italic
			}
			if w := attr(st, "font-weight"); w == "bold" || w == "700" || w == "800" || w == "900" {
				s |= article.Bold
			}
			if s != 0 && name != "" {
				r.styles[name] |= s
			}
		}
	}
}

func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// block is a paragraph or heading being read, or a note's body.
type block struct {
	text    article.TextBuilder
	heading int // outline level of a text:h
	style   string
}

// readBody reads the text, keeping each note's body apart from the
// paragraph that cites it (the note sits inside that paragraph).
func (r *reader) readBody(b []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(b))
	var para *block           // the body paragraph or heading
	var note *block           // the note being read, nil outside notes
	var spans []article.Style // emphasis of the open spans
	inCitation, inBody := false, false
	n, nextNote := 0, 1
	noteNum := 0
	cur := func() *block {
		if note != nil {
			return note
		}
		return para
	}
	style := func() article.Style {
		var s article.Style
		for _, x := range spans {
			s |= x
		}
		return s
	}
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "body":
				inBody = true
			case "p", "h":
				if !inBody {
					continue
				}
				if note != nil {
					note.text.Space()
					continue
				}
				para = &block{style: attr(t, "style-name")}
				if t.Name.Local == "h" {
					para.heading, _ = strconv.Atoi(attr(t, "outline-level"))
					para.heading = max(para.heading, 1)
				}
			case "span", "a":
				spans = append(spans, r.styles[attr(t, "style-name")])
			case "s", "tab", "line-break":
				if c := cur(); c != nil {
					c.text.Space()
				}
			case "note":
				note = &block{}
				noteNum = 0
			case "note-citation":
				inCitation = true
			}
		case xml.CharData:
			if inCitation {
				if k, err := strconv.Atoi(strings.TrimSpace(string(t))); err == nil {
					noteNum = k
				}
				continue
			}
			if c := cur(); c != nil {
				c.text.Write(string(t), style())
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "span", "a":
				if len(spans) > 0 {
					spans = spans[:len(spans)-1]
				}
			case "note-citation":
				inCitation = false
			case "note":
				if noteNum == 0 {
					noteNum = nextNote
				}
				nextNote = noteNum + 1
				if para != nil {
					para.text.Ref(noteNum)
				}
				r.b.Footnote(noteNum, note.text.Text(), n)
				note = nil
			case "p", "h":
				if note != nil || para == nil {
					continue
				}
				n++
				r.emit(para, n)
				para = nil
			}
		}
	}
}

func (r *reader) emit(p *block, n int) {
	t := p.text.Text()
	if strings.TrimSpace(t.Text) == "" {
		return
	}
	switch strings.ToLower(p.style) {
	case "title":
		if r.title == "" {
			r.title = t.Text
		}
		return
	case "author":
		if len(r.authors) == 0 {
			r.authors = append(r.authors, t.Text)
		}
		return
	case "subtitle", "date":
		return
	}
	if p.heading > 0 && len(t.Refs) == 0 {
		r.b.Heading(t.Text, p.heading, n)
		return
	}
	if article.LooksLikeHeading(t) {
		r.b.Heading(t.Text, 0, n)
		return
	}
	r.b.Paragraph(t, n, n)
}
