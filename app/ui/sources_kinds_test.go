package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/cite"
)

// The kind filter offers the primary kinds, and each lists only its own.
func TestSourcesFilterPrimaryKinds(t *testing.T) {
	_, s := openSources(t)
	lib := s.library()
	for _, k := range []cite.Kind{cite.KindTreaty, cite.KindResolution, cite.KindLegislation, cite.KindCase, cite.KindUNDocument, cite.KindOfficial} {
		want := 0
		for i := range lib.Sources {
			if lib.Sources[i].Kind == k {
				want++
			}
		}
		if want == 0 {
			t.Fatalf("the article has no %s", k)
		}
		s.filterKind(k)
		if s.kind != k || len(s.rows) != want {
			t.Errorf("filter %s: kind %s, %d rows, want %d", kindName(k), s.kind, len(s.rows), want)
		}
		for _, r := range s.rows {
			if r.src.Kind != k {
				t.Errorf("filter %s lists %q, a %s", kindName(k), r.src.Title, r.src.Kind)
			}
		}
	}
}

// A treaty, a resolution, a law and a case show the fields that identify
// them, in the detail and on their list row; each copies as OSCOLA.
func TestSourcesIdentifyingFields(t *testing.T) {
	u, s := openSources(t)
	lib := s.library()
	for _, tc := range []struct {
		title string
		want  map[string]string // form label -> value
	}{
		{"Convention on Cybercrime", map[string]string{"Published in": "ETS No. 185", "Date": "23 November 2001", "Place": "Budapest"}},
		{"Agreement between China and the Republic of India", map[string]string{"Parties": "China; Republic of India", "Date": "29 April 1954"}},
		{"Res 79/243", map[string]string{"UN organ": "UN General Assembly", "UN symbol": "A/RES/79/243", "Date": "24 December 2024"}},
		{"On Amendments to the Federal Law \"On Information", map[string]string{"State": "Russian Federation", "Law no.": "398-FZ", "Date": "28 December 2013"}},
		{"Kostantin Markin v. Russia", map[string]string{"Court": "European Court of Human Rights", "Application no.": "30078/06", "Parties": "Kostantin Markin v. Russia", "Date": "22 March 2012"}},
		{"Customs Regime between Germany and Austria", map[string]string{"Court": "Permanent Court of International Justice", "Report": "Series A/B, No. 41", "Date": "5 September 1931"}},
	} {
		src := sourceByTitle(t, lib, tc.title)
		s.Select(src.ID)
		got := detailForm(s)
		for label, value := range tc.want {
			if got[label] != value {
				t.Errorf("%q: the detail shows %s %q, want %q (all: %q)", tc.title, label, got[label], value, got)
			}
		}
		row := s.rowLine(src.ID)
		if l := identifyingLine(src); l == "" || !strings.Contains(row, l) {
			t.Errorf("%q: the list row does not show %q", tc.title, l)
		}
		// no author: the court, organ or State heads the row instead
		if len(src.Authors) == 0 && len(src.Editors) == 0 {
			want := tc.want["Court"] + tc.want["UN organ"]
			if want == "" {
				want = tc.want["State"]
			}
			if first, _, _ := strings.Cut(row, "\n"); want != "" && !strings.HasPrefix(first, want) {
				t.Errorf("%q: the row starts %q, want the issuer %q first", tc.title, first, want)
			}
		}
		b := detailButton(s, "Copy OSCOLA citation")
		if b == nil {
			t.Fatalf("%q: no Copy OSCOLA citation button", tc.title)
		}
		test.Tap(b)
		if got := u.app.Clipboard().Content(); got != src.OSCOLA("") {
			t.Errorf("%q: clipboard %q, want %q", tc.title, got, src.OSCOLA(""))
		}
	}
}

// rowLine is the text a list row shows for source id, once the list is
// filtered to its kind and the row bound.
func (s *sourcesScreen) rowLine(id string) string {
	src, _ := s.library().Source(id)
	s.filterKind(src.Kind)
	defer s.filterKind("")
	for _, r := range s.rows {
		if r.src.ID == id {
			rt := newSourceRowView().(*widget.RichText)
			setSourceRowView(rt, r, 4000)
			return rt.String()
		}
	}
	return ""
}

// The overview lists the primary sources by kind, each kind one tap from
// its filter; with GLOSSA_SCREENSHOTS set the test writes the picture the
// README shows to testdata/screenshots/sources-kinds.png.
func TestSourcesPrimaryOverview(t *testing.T) {
	u, s := openSources(t)
	s.showOverview()
	text := detailTexts(s)
	for _, w := range []string{"Primary sources", kindName(cite.KindTreaty), kindName(cite.KindResolution), kindName(cite.KindLegislation), kindName(cite.KindCase),
		"signed 23 November 2001", "A/RES/79/243", "European Court of Human Rights", "Russian Federation"} {
		if !strings.Contains(text, w) {
			t.Errorf("the overview lacks %q:\n%s", w, text)
		}
	}
	b := detailButtonPrefix(s, kindName(cite.KindCase)+" (")
	if b == nil {
		t.Fatal("no button for the cases")
	}
	test.Tap(b)
	if s.kind != cite.KindCase {
		t.Errorf("tapping %q filters %q", b.Text, s.kind)
	}
	if os.Getenv("GLOSSA_SCREENSHOTS") != "" {
		u.SetTheme("light")
		s.showOverview()
		saveCapture(t, u.Window(), filepath.Join("..", "..", "testdata", "screenshots", "sources-kinds.png"))
	}
}

func detailButtonPrefix(s *sourcesScreen, prefix string) *widget.Button {
	for _, o := range test.LaidOutObjects(s.detail.Content) {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, prefix) {
			return b
		}
	}
	return nil
}

// detailForm is the detail's field form as label -> value.
func detailForm(s *sourcesScreen) map[string]string {
	out := map[string]string{}
	for _, o := range test.LaidOutObjects(s.detail.Content) {
		if f, ok := o.(*widget.Form); ok {
			for _, it := range f.Items {
				if l, ok := it.Widget.(*widget.Label); ok {
					out[it.Text] = l.Text
				}
			}
		}
	}
	return out
}
