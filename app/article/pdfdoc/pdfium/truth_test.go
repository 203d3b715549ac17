package pdfium

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/article/docx"
	"github.com/glossa-app/glossa/app/article/mdnotes"
	"github.com/glossa-app/glossa/app/article/pdfdoc"
)

var testdata = filepath.Join("..", "..", "..", "..", "testdata", "pdf")

// fold makes typesetting differences that are not reading errors equal:
// pandoc prints "--" as an en dash, "---" as an em dash and straight
// quotes as curly ones, TeX its \ldots as spaced dots.
func fold(s string) string {
	s = strings.NewReplacer("–", "-", "—", "-", "---", "-", "--", "-", ". . .", "...", "…", "...", "“", "\"", "”", "\"", "‘", "'", "’", "'").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// score compares the notes found in a PDF with the notes of its
// Markdown source, read by the Markdown front end: the note's text, and
// the paragraph its marker stands in.
type score struct {
	truth, found, text, para int
	paras, parasRight        int // true paragraphs, and those found word for word
	wrong                    []string
}

func compare(truth, found *article.Document) score {
	s := score{truth: len(truth.Footnotes), found: len(found.Footnotes), paras: len(truth.Paragraphs)}
	foundParas := map[string]bool{}
	for _, p := range found.Paragraphs {
		foundParas[fold(p.Text)] = true
	}
	for _, p := range truth.Paragraphs {
		if foundParas[fold(p.Text)] {
			s.parasRight++
		}
	}
	paraText := func(d *article.Document, id string) string {
		for _, p := range d.Paragraphs {
			if p.ID == id {
				return fold(p.Text)
			}
		}
		return ""
	}
	byN := map[int]article.Footnote{}
	for _, f := range found.Footnotes {
		byN[f.N] = f
	}
	for _, tf := range truth.Footnotes {
		ff, ok := byN[tf.N]
		if !ok {
			s.wrong = append(s.wrong, fmt.Sprintf("note %d not found", tf.N))
			continue
		}
		if fold(ff.Text) == fold(tf.Text) {
			s.text++
		} else {
			t, f := around(fold(tf.Text), fold(ff.Text))
			s.wrong = append(s.wrong, fmt.Sprintf("note %d text, where they part:\n  true  %q\n  found %q", tf.N, t, f))
		}
		if tp, fp := paraText(truth, tf.Paragraph), paraText(found, ff.Paragraph); tp != "" && tp == fp {
			s.para++
		} else {
			s.wrong = append(s.wrong, fmt.Sprintf("note %d paragraph:\n  true  %.120q\n  found %.120q", tf.N, tp, fp))
		}
	}
	return s
}

// around cuts two texts to where they first differ, with some context.
func around(a, b string) (string, string) {
	k := 0
	for k < len(a) && k < len(b) && a[k] == b[k] {
		k++
	}
	cut := func(s string) string {
		lo, hi := max(0, k-60), min(len(s), k+60)
		return strings.ToValidUTF8(s[lo:hi], "")
	}
	return cut(a), cut(b)
}

// TestTruth reads each test PDF and compares its notes with the truth,
// its Markdown source. The figures are the ones the README quotes.
func TestTruth(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the PDF engine (seconds on first use)")
	}
	for _, tc := range []struct {
		pdf, truth string
		text       float64 // share of notes whose text must be right
		para       float64 // share whose marker must sit in the right paragraph
	}{
		{"treaty-1col.pdf", "treaty.md", 1, 1},
		{"treaty-2col.pdf", "treaty.md", 1, 1},
		{"long-40pages.pdf", "long.md", 1, 1},
		// LaTeX: Computer Modern with its ligatures, markers raised in a
		// smaller font, notes under a short rule, split across pages.
		{"withdrawal-1col.pdf", "withdrawal.md", 1, 1},
		{"withdrawal-2col.pdf", "withdrawal.md", 1, 1},
		{"hume-sceptic.pdf", "hume-sceptic.md", 1, 1},
		{"montaigne-learntodie.pdf", "montaigne-learntodie.md", 0.98, 0.93},
		// Notes in body type, found under their separator rule, also on a
		// page that holds only the end of a note from the page before.
		{"free-culture-piracy.pdf", "../../app/article/formats/testdata/real/free-culture-piracy.docx", 0.98, 0.98},
	} {
		t.Run(tc.pdf, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(testdata, tc.pdf))
			if err != nil {
				t.Fatal(err)
			}
			raw, err := os.ReadFile(filepath.Join(testdata, tc.truth))
			if err != nil {
				t.Fatal(err)
			}
			// The truth is the source, read by its own front end.
			var truth *article.Document
			if strings.HasSuffix(tc.truth, ".docx") {
				truth, err = docx.Parse(raw)
			} else {
				truth, err = mdnotes.Parse(raw)
			}
			if err != nil {
				t.Fatal(err)
			}
			pages, err := Read(src, "")
			if err != nil {
				t.Fatal(err)
			}
			doc, err := pdfdoc.Read(pages, src)
			if err != nil {
				t.Fatal(err)
			}
			if err := article.Check(doc); err != nil {
				t.Fatal(err)
			}
			s := compare(truth, doc)
			t.Logf("%s: %d true notes, %d found, %d with the right text, %d in the right paragraph; %d paragraphs found, %d true, %d of them found word for word",
				tc.pdf, s.truth, s.found, s.text, s.para, len(doc.Paragraphs), s.paras, s.parasRight)
			for i, w := range s.wrong {
				if i < 8 {
					t.Log(w)
				}
			}
			if float64(s.text) < tc.text*float64(s.truth) || float64(s.para) < tc.para*float64(s.truth) || s.found != s.truth {
				t.Errorf("%s: %d/%d notes right, %d/%d in the right paragraph, %d found", tc.pdf, s.text, s.truth, s.para, s.truth, s.found)
			}
		})
	}
}

// TestPassword: the encrypted test PDF is refused without its password
// and read with it.
func TestPassword(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the PDF engine")
	}
	src, err := os.ReadFile(filepath.Join(testdata, "treaty-password.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Read(src, ""); !errors.Is(err, ErrPassword) {
		t.Fatalf("no password: %v, want ErrPassword", err)
	}
	if _, err := Read(src, "wrong"); !errors.Is(err, ErrPassword) {
		t.Fatalf("wrong password: %v, want ErrPassword", err)
	}
	pages, err := Read(src, "glossa")
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 4 {
		t.Fatalf("%d pages, want 4", len(pages))
	}
}
