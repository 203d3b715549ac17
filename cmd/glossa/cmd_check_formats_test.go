package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckEveryFormat: "glossa check FILE --json" reads Markdown with
// pandoc notes, HTML and Word, told apart by content (the copies here
// have the wrong extension on purpose), in today's JSON shape.
func TestCheckEveryFormat(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join("..", "..", "app", "article", "formats", "testdata", "real")
	for _, c := range []struct {
		file  string
		notes int
	}{
		{"free-culture-piracy.md", 81},
		{"free-culture-piracy.pandoc.html", 81},
		{"free-culture-piracy.docx", 81},
		{"free-culture-introduction.hugo.html", 11},
	} {
		t.Run(c.file, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(real, c.file))
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, strings.ReplaceAll(c.file, ".", "_")+".txt")
			if err := os.WriteFile(path, src, 0o644); err != nil {
				t.Fatal(err)
			}
			code, out, stderr := runArgs(t, "check", path, "--json")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var doc struct {
				Title      string            `json:"title"`
				Paragraphs []json.RawMessage `json:"paragraphs"`
				Footnotes  []struct {
					N         int    `json:"n"`
					Text      string `json:"text"`
					Paragraph string `json:"paragraph"`
				} `json:"footnotes"`
				Problems []struct {
					Kind string `json:"kind"`
					Line int    `json:"line"`
				} `json:"problems"`
			}
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatal(err)
			}
			if len(doc.Footnotes) != c.notes || len(doc.Paragraphs) == 0 || doc.Title == "" {
				t.Errorf("title %q, %d paragraphs, %d footnotes; want %d", doc.Title, len(doc.Paragraphs), len(doc.Footnotes), c.notes)
			}
		})
	}
}

// TestCheckPDF: "glossa check FILE.pdf --json" gives the same JSON as
// the other formats plus the printed page of each paragraph and note; a
// locked PDF asks for --password; a broken one says so.
func TestCheckPDF(t *testing.T) {
	pdfs := filepath.Join("..", "..", "testdata", "pdf")
	broken := filepath.Join(t.TempDir(), "paper.docx")
	if err := os.WriteFile(broken, []byte("%PDF-1.6\n%\xe2\xe3\xcf\xd3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runArgs(t, "check", broken)
	if code != 1 || out != "" || !strings.Contains(stderr, "PDF is damaged") {
		t.Errorf("broken: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	locked := filepath.Join(pdfs, "treaty-password.pdf")
	if code, _, stderr := runArgs(t, "check", locked, "--json"); code != 1 || !strings.Contains(stderr, "--password") {
		t.Errorf("locked: exit %d, stderr %q", code, stderr)
	}
	code, out, stderr = runArgs(t, "check", locked, "--password", "glossa", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc struct {
		Paragraphs []struct {
			ID   string `json:"id"`
			Refs []int  `json:"refs"`
			Page int    `json:"page"`
		} `json:"paragraphs"`
		Footnotes []struct {
			N         int    `json:"n"`
			Paragraph string `json:"paragraph"`
			Page      int    `json:"page"`
		} `json:"footnotes"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Footnotes) != 18 || len(doc.Paragraphs) != 11 {
		t.Fatalf("%d notes, %d paragraphs; want 18 and 11", len(doc.Footnotes), len(doc.Paragraphs))
	}
	for _, p := range doc.Paragraphs {
		if p.Page < 1 || p.Page > 4 {
			t.Errorf("paragraph %s on page %d", p.ID, p.Page)
		}
	}
	for _, f := range doc.Footnotes {
		if f.Page < 1 || f.Page > 4 || f.Paragraph == "" {
			t.Errorf("note %d on page %d in paragraph %q", f.N, f.Page, f.Paragraph)
		}
	}
}
