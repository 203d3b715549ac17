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

func TestCheckPDF(t *testing.T) {
	path := filepath.Join(t.TempDir(), "paper.docx")
	if err := os.WriteFile(path, []byte("%PDF-1.6\n%\xe2\xe3\xcf\xd3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runArgs(t, "check", path)
	if code != 1 || out != "" || !strings.Contains(stderr, "PDF files cannot be read yet") || !strings.Contains(stderr, "Word document (.docx) or a web page (.html)") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, stderr)
	}
}
