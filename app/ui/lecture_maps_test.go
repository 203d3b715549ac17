package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/glossa-app/glossa/app/cite"
	"github.com/glossa-app/glossa/app/principles"
	"github.com/glossa-app/glossa/app/timeline"
	"github.com/glossa-app/glossa/assets"
)

// readerAt reports whether the reader shows paragraph pi marked.
func readerAt(u *UI, pi int) bool {
	r := u.reader
	return u.current().name == "Reader" && r.view.highlight == r.idx.paraBlock[pi]
}

// TestTimelineEventsOpenTheirPassages: the Pictures window draws every
// event of the shipped timeline, each on the axis, and each opens its
// paragraph in the reader.
func TestTimelineEventsOpenTheirPassages(t *testing.T) {
	u, _ := newTestUI(t, tempStore(t), Options{})
	u.lecture.showPictures(picturesTimeline)
	p := u.lecture.pictures
	if p == nil || p.tabs.SelectedIndex() != picturesTimeline {
		t.Fatal("View > Timeline did not open the Pictures window at the timeline")
	}
	events, err := timeline.Parse(assets.Timeline)
	if err != nil {
		t.Fatal(err)
	}
	v := p.timeline
	if len(v.events) != len(events) {
		t.Fatalf("timeline draws %d events of %d", len(v.events), len(events))
	}
	p.win.Resize(p.win.Canvas().Size().Max(p.win.Content().MinSize()))
	if len(v.axis.centres) != len(events) {
		t.Fatalf("%d markers on the axis for %d events", len(v.axis.centres), len(events))
	}
	for i, ev := range v.events {
		if ev.Paragraph < 0 || ev.Paragraph >= len(u.doc.Paragraphs) || u.doc.Paragraphs[ev.Paragraph].ID != ev.ParagraphID {
			t.Errorf("event %s: paragraph %d is not %s", ev.ID, ev.Paragraph, ev.ParagraphID)
			continue
		}
		v.onEventOpen(i)
		if !readerAt(u, ev.Paragraph) {
			t.Errorf("event %s did not open paragraph %s in the reader", ev.ID, ev.ParagraphID)
		}
	}
	// a tap on a marker selects its event
	last := len(v.events) - 1
	v.axis.Tapped(&fyne.PointEvent{Position: v.axis.centres[last]})
	if v.sel != last || !strings.Contains(v.chosen.String(), v.events[last].Date) {
		t.Errorf("tap on the last marker selected %d (%q)", v.sel, v.chosen.String())
	}
}

// TestMapCellsResolve: every cell of both maps lists passages of its own
// section that bear it out (a footnote citing the author, or the
// principle's words), as many as it counts; every row has a cell; and a
// tapped passage opens in the reader.
func TestMapCellsResolve(t *testing.T) {
	u, _ := newTestUI(t, tempStore(t), Options{})
	u.lecture.showPictures(picturesCited)
	p := u.lecture.pictures
	doc := u.doc
	lib := cite.Extract(doc.Footnotes)
	// who is cited where, by paragraph: author key -> paragraphs
	citing := map[string]map[int]bool{}
	paraOf := map[string]int{}
	for i, pa := range doc.Paragraphs {
		paraOf[pa.ID] = i
	}
	for _, c := range lib.Citations {
		src, ok := lib.Source(c.Source)
		if !ok {
			continue
		}
		f := doc.Footnotes[c.Footnote-1]
		id := f.Paragraph
		if id == "" {
			id = f.Near
		}
		names := src.Authors
		if len(names) == 0 {
			names = src.Editors
		}
		for i, a := range names {
			key := strings.ToLower(a)
			if i < len(src.AuthorKeys) && src.AuthorKeys[i] != "" {
				key = src.AuthorKeys[i]
			}
			if citing[key] == nil {
				citing[key] = map[int]bool{}
			}
			citing[key][paraOf[id]] = true
		}
	}
	// the principles map: row name -> the paragraphs its curated quotes are in
	rows, err := principles.Load(assets.Principles, doc)
	if err != nil {
		t.Fatal(err)
	}
	curated := map[string]map[int]bool{}
	for _, r := range rows {
		curated[r.Name] = map[int]bool{}
		for _, c := range r.Cells {
			for _, pi := range c.Paragraphs() {
				curated[r.Name][pi] = true
			}
		}
	}
	if len(p.principles.data.rows) != len(rows) {
		t.Errorf("the principles map shows %d rows of %d", len(p.principles.data.rows), len(rows))
	}
	if len(p.cited.data.rows) < 10 {
		t.Fatalf("%d authors in the citation map; want the top 20", len(p.cited.data.rows))
	}
	for _, g := range []*mapView{p.cited, p.principles} {
		d := g.data
		for r, row := range d.cells {
			total := 0
			for c, cell := range row {
				total += cell.count
				if (cell.count == 0) != (len(cell.paras) == 0) || len(cell.paras) > cell.count {
					t.Errorf("%s × %s: count %d, %d passages", d.rows[r], doc.Sections[d.sections[c]].Number, cell.count, len(cell.paras))
				}
				for _, pi := range cell.paras {
					pa := doc.Paragraphs[pi]
					if pa.Section != doc.Sections[d.sections[c]].Number {
						t.Errorf("%s: passage %s is in section %s, not %s", d.rows[r], pa.ID, pa.Section, doc.Sections[d.sections[c]].Number)
					}
					if g == p.principles && !curated[d.rows[r]][pi] {
						t.Errorf("%s: passage %s is not one the principles map lists", d.rows[r], pa.ID)
					}
					if g == p.cited {
						if !citing[d.keys[r]][pi] {
							t.Errorf("%s: passage %s cites no work of theirs", d.rows[r], pa.ID)
						}
					}
				}
			}
			if total == 0 {
				t.Errorf("map row %s is empty", d.rows[r])
			}
		}
	}
	// tap the busiest cell of the principles map, then its first passage
	g := p.principles
	br, bc := 0, 0
	for r, row := range g.data.cells {
		for c, cell := range row {
			if cell.count > g.data.cells[br][bc].count {
				br, bc = r, c
			}
		}
	}
	g.cells[br][bc].Tapped(nil)
	if g.list == nil {
		t.Fatal("tapping a cell listed no passages")
	}
	first := g.data.cells[br][bc].paras[0]
	g.onPassageChosen(br, bc, 0)
	if !readerAt(u, first) {
		t.Errorf("the first passage of %s × %s did not open in the reader", g.data.rows[br], doc.Sections[g.data.sections[bc]].Number)
	}
}
