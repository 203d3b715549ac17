// Package docx reads a Word document (.docx): the body from
// word/document.xml, footnotes and endnotes from word/footnotes.xml and
// word/endnotes.xml, headings from paragraph styles and outline levels,
// italics and bold from run properties, title and authors from the
// document properties (docProps/core.xml). A .docx is a zip archive, so
// the reader refuses archives with too many parts or too much data when
// unpacked (a zip bomb) before it unpacks anything, and never follows
// the links a document may hold to other files or addresses (see
// zipdoc for the limits).
//
// Word files have no lines: positions are paragraph numbers in
// word/document.xml (Paragraph.Line) and note numbers for notes.
package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/article/zipdoc"
)

// ErrNotDocx is for a zip archive without a Word document in it.
var ErrNotDocx = errors.New("the archive is not a Word document (no word/document.xml)")

// Looks reports a zip archive holding a Word document.
func Looks(src []byte) bool {
	return bytes.HasPrefix(src, []byte("PK\x03\x04")) && bytes.Contains(src[:min(len(src), 1<<16)], []byte("word/")) ||
		bytes.HasPrefix(src, []byte("PK\x03\x04")) && bytes.Contains(src, []byte("word/document.xml"))
}

// Parse reads a .docx.
func Parse(src []byte) (*article.Document, error) {
	a, err := zipdoc.Open(src)
	if err != nil {
		return nil, fmt.Errorf("docx: %w", err)
	}
	if !a.Has("word/document.xml") {
		return nil, fmt.Errorf("docx: %w", ErrNotDocx)
	}
	read := func(name string) ([]byte, error) {
		b, err := a.Read(name)
		if err != nil {
			return nil, fmt.Errorf("docx: %w", err)
		}
		return b, nil
	}
	d := &doc{b: article.NewBuilder(src), styles: map[string]style{}, noteNum: map[string]int{}}
	for _, name := range []string{"word/styles.xml", "docProps/core.xml", "word/footnotes.xml", "word/endnotes.xml", "word/document.xml", "word/_rels/document.xml.rels", "word/settings.xml"} {
		b, err := read(name)
		if err != nil {
			return nil, err
		}
		d.raw = append(d.raw, b)
	}
	d.readStyles(d.raw[0])
	d.readCore(d.raw[1])
	foot, err := readNotes(d.raw[2])
	if err != nil {
		return nil, fmt.Errorf("docx: word/footnotes.xml: %w", err)
	}
	end, err := readNotes(d.raw[3])
	if err != nil {
		return nil, fmt.Errorf("docx: word/endnotes.xml: %w", err)
	}
	d.foot, d.end = foot, end
	if err := d.readBody(d.raw[4]); err != nil {
		return nil, fmt.Errorf("docx: word/document.xml: %w", err)
	}
	d.emitNotes()
	for i, part := range []string{"word/_rels/document.xml.rels", "word/settings.xml"} {
		if n := bytes.Count(d.raw[5+i], []byte(`TargetMode="External"`)); n > 0 {
			d.b.Problem(article.ProblemExternal, 0, "%s points to %d other files or addresses (links, a template, linked pictures); Glossa did not fetch them", part, n)
		}
	}
	d.b.SetTitle(d.title, d.authors)
	return d.b.Document()
}

type style struct {
	name    string
	outline int // 1-based heading level, 0 for none
}

type doc struct {
	b       *article.Builder
	raw     [][]byte
	styles  map[string]style
	title   string
	authors []string

	foot, end map[string][]noteText
	noteNum   map[string]int // "f3" / "e2" (kind + w:id) -> printed number
	order     []string
	next      int
	paras     int
}

// noteText is one paragraph of a note.
type noteText = article.Text

func (d *doc) readStyles(b []byte) {
	if b == nil {
		return
	}
	var s struct {
		Styles []struct {
			ID   string `xml:"styleId,attr"`
			Name struct {
				Val string `xml:"val,attr"`
			} `xml:"name"`
			PPr struct {
				Outline *struct {
					Val string `xml:"val,attr"`
				} `xml:"outlineLvl"`
			} `xml:"pPr"`
		} `xml:"style"`
	}
	if xml.Unmarshal(b, &s) != nil {
		return
	}
	for _, st := range s.Styles {
		lvl := 0
		if st.PPr.Outline != nil {
			if v, err := strconv.Atoi(st.PPr.Outline.Val); err == nil && v < 9 {
				lvl = v + 1
			}
		}
		name := strings.ToLower(st.Name.Val)
		if lvl == 0 {
			if n, ok := strings.CutPrefix(name, "heading "); ok {
				lvl, _ = strconv.Atoi(n)
			}
		}
		d.styles[st.ID] = style{name: name, outline: lvl}
	}
}

func (d *doc) readCore(b []byte) {
	if b == nil {
		return
	}
	var c struct {
		Title   string   `xml:"title"`
		Creator []string `xml:"creator"`
	}
	if xml.Unmarshal(b, &c) == nil {
		d.title = c.Title
		for _, a := range c.Creator {
			for _, x := range strings.Split(a, ";") {
				if x = strings.TrimSpace(x); x != "" {
					d.authors = append(d.authors, x)
				}
			}
		}
	}
}

// para is what the run reader makes of one w:p.
type para struct {
	owner   string // w:id of the footnote or endnote it belongs to, "" in the body
	skip    bool   // a separator, not a note
	style   string
	outline int
	text    article.TextBuilder
}

// readRuns reads the paragraphs of one part. onRef is told of each
// footnote or endnote reference and returns the number to show.
func readRuns(b []byte, onRef func(key string) int, onPara func(p *para) error) error {
	sc := newScanner(b)
	var p *para
	var owner string
	var skip, italic, bold, inRun, inRPr, inDel, inInstr, inT bool
	for {
		t, err := sc.next()
		if err != nil {
			return err
		}
		switch t.kind {
		case tokEOF:
			return nil
		case tokText:
			if inT && p != nil && !inDel && !inInstr {
				text, err := t.String()
				if err != nil {
					return err
				}
				var st article.Style
				if italic {
					st |= article.Italic
				}
				if bold {
					st |= article.Bold
				}
				p.text.Write(text, st)
			}
		case tokStart:
			switch string(t.local) {
			case "footnote", "endnote":
				owner, _ = attr(t.attrs, "id")
				typ, _ := attr(t.attrs, "type")
				skip = typ == "separator" || typ == "continuationSeparator" || typ == "continuationNotice"
			case "p":
				p = &para{owner: owner, skip: skip}
			case "pStyle":
				if p != nil {
					p.style = val(t)
				}
			case "outlineLvl":
				if p != nil {
					if v, err := strconv.Atoi(val(t)); err == nil && v < 9 {
						p.outline = v + 1
					}
				}
			case "r":
				inRun, italic, bold = true, false, false
			case "rPr":
				inRPr = true
			case "i":
				if inRun && inRPr {
					italic = on(t)
				}
			case "b":
				if inRun && inRPr {
					bold = on(t)
				}
			case "del", "moveFrom":
				inDel = true
			case "instrText":
				inInstr = true
			case "t":
				inT = true
			case "tab", "br", "cr":
				if p != nil {
					p.text.Space()
				}
			case "footnoteReference", "endnoteReference":
				if p != nil && !inDel {
					id, _ := attr(t.attrs, "id")
					key := "f" + id
					if string(t.local) == "endnoteReference" {
						key = "e" + id
					}
					if n := onRef(key); n > 0 {
						p.text.Ref(n)
					}
				}
			}
		case tokEnd:
			switch string(t.local) {
			case "p":
				if p != nil {
					if err := onPara(p); err != nil {
						return err
					}
				}
				p = nil
			case "r":
				inRun = false
			case "rPr":
				inRPr = false
			case "t":
				inT = false
			case "del", "moveFrom":
				inDel = false
			case "instrText":
				inInstr = false
			case "footnote", "endnote":
				owner, skip = "", false
			}
		}
	}
}

func val(t *token) string {
	v, _ := attr(t.attrs, "val")
	return v
}

// on reads a toggle property: <w:i/> is on, <w:i w:val="0"/> is off.
func on(t *token) bool {
	v := strings.ToLower(val(t))
	return v != "0" && v != "false" && v != "off"
}

// readNotes reads footnotes.xml or endnotes.xml into the text of each
// note by its w:id; separators are not notes.
func readNotes(b []byte) (map[string][]noteText, error) {
	out := map[string][]noteText{}
	if b == nil {
		return out, nil
	}
	err := readRuns(b, func(string) int { return 0 }, func(p *para) error {
		if p.owner == "" || p.skip {
			return nil
		}
		t := p.text.Text()
		if _, ok := out[p.owner]; !ok {
			out[p.owner] = nil // a note may be empty; it still exists
		}
		if strings.TrimSpace(t.Text) != "" {
			out[p.owner] = append(out[p.owner], t)
		}
		return nil
	})
	return out, err
}

// readBody reads document.xml: headings by style or outline level, the
// Title style as the title, everything else as paragraphs.
func (d *doc) readBody(b []byte) error {
	d.next = 1
	n := 0
	return readRuns(b, d.ref, func(p *para) error {
		n++
		t := p.text.Text()
		if strings.TrimSpace(t.Text) == "" {
			return nil
		}
		st := d.styles[p.style]
		lvl := p.outline
		if lvl == 0 {
			lvl = st.outline
		}
		if lvl == 0 {
			if x, ok := strings.CutPrefix(strings.ToLower(p.style), "heading"); ok {
				lvl, _ = strconv.Atoi(x)
			}
		}
		name := st.name
		if name == "" {
			name = strings.ToLower(p.style)
		}
		switch {
		case name == "title":
			if d.title == "" {
				d.title = t.Text
			}
			return nil
		case name == "author" && d.paras == 0:
			d.authors = append(d.authors, t.Text)
			return nil
		case name == "subtitle" || name == "date" && d.paras == 0:
			return nil
		case lvl > 0 && len(t.Refs) == 0 && len(t.Text) < 300:
			d.b.Heading(t.Text, lvl, n)
			return nil
		}
		if article.LooksLikeHeading(t) {
			d.b.Heading(t.Text, 0, n)
			return nil
		}
		d.paras++
		d.b.Paragraph(t, n, n)
		return nil
	})
}

// ref numbers notes as Word prints them: footnotes 1, 2, 3 in order of
// reference, endnotes after them (Word's own numbering restarts them at
// i; one sequence keeps every number unique).
func (d *doc) ref(key string) int {
	if n, ok := d.noteNum[key]; ok {
		return n
	}
	notes := d.foot
	if key[0] == 'e' {
		notes = d.end
	}
	if _, ok := notes[key[1:]]; !ok {
		return 0
	}
	d.noteNum[key] = d.next
	d.order = append(d.order, key)
	d.next++
	return d.noteNum[key]
}

func (d *doc) emitNotes() {
	for _, key := range d.order {
		notes := d.foot
		if key[0] == 'e' {
			notes = d.end
		}
		d.b.Footnote(d.noteNum[key], join(notes[key[1:]]), d.noteNum[key])
	}
}

// join makes one text of a note's paragraphs.
func join(ps []noteText) article.Text {
	var out article.Text
	for _, p := range ps {
		base := len(out.Text)
		if base > 0 {
			out.Text += " "
			base++
		}
		out.Text += p.Text
		for _, s := range p.Spans {
			out.Spans = append(out.Spans, article.Span{Start: s.Start + base, End: s.End + base, Style: s.Style})
		}
	}
	return out
}
