package ui

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/assets"
)

var (
	docOnce sync.Once
	docVal  *article.Document
	docErr  error
)

// realDoc is the parsed article every test reads.
func realDoc(tb testing.TB) *article.Document {
	tb.Helper()
	docOnce.Do(func() { docVal, docErr = article.Parse(assets.Article) })
	if docErr != nil {
		tb.Logf("article.Parse: %v; using a synthetic document", docErr)
		return syntheticDoc()
	}
	return docVal
}

// syntheticDoc stands in for the article while the parser is written.
func syntheticDoc() *article.Document {
	d := &article.Document{Series: "Ordine internazionale e diritti umani", SeriesInfo: "Diretta da Claudio Zanghi",
		Title: "SOVEREIGN EQUALITY, NON-INTERFERENCE AND \"INFORMATION SECURITY\"", Author: "ANTONIO MARICONDA",
		Affiliation: "Postdoctoral Research Fellow in International Law, University of Milan."}
	secs := []string{"1", "2", "2.1", "2.2", "3", "3.1", "3.2", "3.3", "4", "4.1", "4.2", "4.3", "5"}
	n := 1
	line := 10
	for si, num := range secs {
		lvl := strings.Count(num, ".") + 1
		d.Sections = append(d.Sections, article.Section{Number: num, Title: "Section title " + num, Level: lvl, Line: line, First: len(d.Paragraphs)})
		for k := 0; k < 9; k++ {
			var b strings.Builder
			var refs []article.Ref
			for w := 0; w < 14; w++ {
				fmt.Fprintf(&b, "The Convention reflects sovereign equality in section %s paragraph %d sentence %d. ", num, k, w)
				if w%6 == 5 && n <= 190 {
					if n == 57 || n == 120 {
						n++ // these lose their marker
					}
					if n <= 190 {
						refs = append(refs, article.Ref{N: n, Offset: b.Len() - 2})
						n++
					}
				}
			}
			text := strings.TrimSpace(b.String())
			id := fmt.Sprintf("s%d-p%d", si, k)
			d.Paragraphs = append(d.Paragraphs, article.Paragraph{ID: id, Index: len(d.Paragraphs), Section: num, Text: text,
				Spans: []article.Span{{Start: 4, End: 14, Style: article.Italic}}, Refs: refs, Line: line, EndLine: line + 1})
			for _, r := range refs {
				d.Footnotes = append(d.Footnotes, article.Footnote{N: r.N, Text: fmt.Sprintf("See the source of note %d, and n. %d above, in Foreign Policy, 2023.", r.N, 1+r.N/2), Paragraph: id, Line: line + 1})
			}
			line += 3
		}
	}
	for _, lost := range []int{57, 120} {
		d.Footnotes = append(d.Footnotes, article.Footnote{N: lost, Text: fmt.Sprintf("Lost note %d, cit.", lost), Line: 100 + lost})
	}
	for len(d.Footnotes) < 190 {
		n := len(d.Footnotes) + 1
		d.Footnotes = append(d.Footnotes, article.Footnote{N: n, Text: "extra", Line: line})
	}
	sortFootnotes(d.Footnotes)
	return d
}

func sortFootnotes(fs []article.Footnote) {
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && fs[j].N < fs[j-1].N; j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}

// fileStore keeps settings in a JSON file and searches the document by
// substring: the store's stand-in until store.Store exists.
type fileStore struct {
	path string
	doc  *article.Document
	kv   map[string]string
}

func openFileStore(t *testing.T, path string, doc *article.Document) *fileStore {
	s := &fileStore{path: path, doc: doc, kv: map[string]string{}}
	if b, err := os.ReadFile(path); err == nil {
		if err := json.Unmarshal(b, &s.kv); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func (s *fileStore) Setting(k string) (string, bool, error) { v, ok := s.kv[k]; return v, ok, nil }
func (s *fileStore) SetSetting(k, v string) error {
	s.kv[k] = v
	b, _ := json.Marshal(s.kv)
	return os.WriteFile(s.path, b, 0o600)
}
func (s *fileStore) Search(q string, limit int) ([]Hit, error) {
	var hits []Hit
	mark := func(text string) (string, bool) {
		i := strings.Index(strings.ToLower(text), strings.ToLower(q))
		if i < 0 {
			return "", false
		}
		lo, hi := max(0, i-40), min(len(text), i+len(q)+40)
		return text[lo:i] + "**" + text[i:i+len(q)] + "**" + text[i+len(q):hi], true
	}
	for _, p := range s.doc.Paragraphs {
		if sn, ok := mark(p.Text); ok && len(hits) < limit {
			hits = append(hits, Hit{Kind: "paragraph", ID: p.ID, Section: p.Section, Snippet: sn})
		}
	}
	for _, f := range s.doc.Footnotes {
		if sn, ok := mark(f.Text); ok && len(hits) < limit {
			hits = append(hits, Hit{Kind: "footnote", ID: fmt.Sprint(f.N), Snippet: sn})
		}
	}
	return hits, nil
}

// newTestUI builds the window as main does, on the test driver.
func newTestUI(t *testing.T, st Store, opts Options) (*UI, fyne.App) {
	t.Helper()
	a := test.NewTempApp(t)
	u := New(a, realDoc(t), st, opts)
	u.Window().Show()
	return u, a
}

func tempStore(t *testing.T) Store {
	return openFileStore(t, filepath.Join(t.TempDir(), "settings.json"), realDoc(t))
}
