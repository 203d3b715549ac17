package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/glossa-app/glossa/app/anchor"
	"github.com/glossa-app/glossa/app/cite"
	"github.com/glossa-app/glossa/store"
)

// Obsidian's documented rules (help.obsidian.md): a tag holds letters,
// numbers, "_", "-" and "/" (nesting), no spaces, and at least one
// character that is not a number; a block identifier only Latin letters,
// numbers and dashes. Written here from the help pages, not taken from
// the package under test.
var (
	obsidianTag     = regexp.MustCompile(`^[\p{L}\p{M}\p{N}_/-]+$`)
	obsidianBlockID = regexp.MustCompile(`^[A-Za-z0-9-]+$`)
	hashTag         = regexp.MustCompile(`(?:^|\s)#([^\s#]+)`)
	blockIDAtEnd    = regexp.MustCompile(`\s\^([^\s^]+)$`)
	wikiLink        = regexp.MustCompile(`\[\[([^\]|#]+)`)
	footnoteDef     = regexp.MustCompile(`^\[\^([^\]]+)\]:(.*)$`)
)

func checkObsidianTag(t *testing.T, where, tag string) {
	t.Helper()
	if !obsidianTag.MatchString(tag) || !regexp.MustCompile(`[^\p{N}/_-]`).MatchString(tag) ||
		strings.HasPrefix(tag, "/") || strings.HasSuffix(tag, "/") {
		t.Errorf("%s: tag %q breaks Obsidian's rules", where, tag)
	}
}

// notesDB makes a study database with notes on passages (one citing a
// footnote, highlighted in colors), on footnotes (one the article does not
// have), on a source, on a card, and an orphan, with tags as students
// type them.
func notesDB(t *testing.T, path string) (src cite.Source) {
	t.Helper()
	s, doc := newStudyStore(t, path)
	defer s.Close()
	lib := cite.Extract(doc.Footnotes)
	for _, c := range lib.Sources {
		if c.Short == "2022 Joint Statement" {
			src = c
		}
	}
	if src.ID == "" {
		t.Fatal("no source with the short title \"2022 Joint Statement\"")
	}
	add := func(n store.Note) store.Note {
		t.Helper()
		got, err := s.AddNote(n)
		if err != nil {
			t.Fatal(err)
		}
		if n.Color != "" {
			got.Color = n.Color
			if got, err = s.UpdateNote(got); err != nil {
				t.Fatal(err)
			}
		}
		return got
	}
	quote := func(q, body, color string, tags ...string) {
		t.Helper()
		ps, _ := s.Paragraphs()
		i, start, end, ok := anchor.Find(ps, q)
		if !ok {
			t.Fatalf("quote %q not in the article", q)
		}
		add(store.Note{TargetKind: store.TargetPassage, Anchor: anchor.At(ps, i, start, end), Body: body, Tags: tags, Color: color})
	}
	quote("represents the first globally adopted treaty specifically dedicated to cybercrime",
		"The *first* global treaty.\n\nCompare the 2021 Joint Statement.", "yellow", "sovereign equality", "a,b,c", "2024", "3.3")
	quote("the centrality of State sovereignty", "Core of the argument.", "green", "#already-hashed", "UN::Charter", "exam prep!")
	quote("Five Principles of Peaceful Coexistence", "", "", "§2.1", "v1.2", "Völkerrecht")
	add(store.Note{TargetKind: store.TargetFootnote, TargetID: "14", Body: "Reading list: start with Mälksoo.", Tags: []string{"reading list"}})
	add(store.Note{TargetKind: store.TargetFootnote, TargetID: "999", Body: "A footnote I thought was there.", Tags: []string{"check"}})
	add(store.Note{TargetKind: store.TargetSource, TargetID: src.ID, Body: "Key primary source.", Tags: []string{"primary source"}})
	add(store.Note{TargetKind: store.TargetCard, TargetID: "five-principles-origin", Body: "Learn the year.", Tags: []string{"1954"}})
	add(store.Note{TargetKind: store.TargetPassage, TargetID: "9.9-gone", Anchor: anchor.Anchor{Exact: "a passage of an older version"},
		Body: "Orphaned.", Tags: []string{"old"}})
	return src
}

// The Obsidian export of a database with notes on passages, footnotes and
// sources: front matter a YAML parser reads, every tag and block id by
// Obsidian's rules, block ids on the quote lines, no empty footnote
// definitions, every link to a page that exists; a re-export updates only
// what Glossa wrote.
func TestNotesExportObsidian(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "study.db")
	src := notesDB(t, db)
	vault := filepath.Join(dir, "vault")
	if err := os.MkdirAll(vault, 0o755); err != nil {
		t.Fatal(err)
	}
	mine := filepath.Join(vault, "My essay.md")
	os.WriteFile(mine, []byte("# My essay\n\nSee [[Mariconda 2025 - UN Cybercrime Convention]].\n"), 0o644)
	if code, _, stderr := runArgs(t, "--db", db, "notes", "export", "--format", "obsidian", "-o", vault); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	files := map[string]string{}
	filepath.WalkDir(vault, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(vault, p)
			files[filepath.ToSlash(rel)] = string(b)
		}
		return nil
	})
	lit := files["Mariconda 2025 - UN Cybercrime Convention.md"]
	if lit == "" {
		t.Fatalf("no literature note; files: %v", exportedNames(files))
	}
	srcPage := "Sources/" + src.Key + ".md"
	if files[srcPage] == "" {
		t.Fatalf("no page for the source the notes mention (%s); files: %v", srcPage, exportedNames(files))
	}
	for name, text := range files {
		if name == "My essay.md" {
			continue
		}
		checkObsidianFile(t, name, text, files)
	}

	// The literature note's front matter, as Obsidian reads it.
	var fm struct {
		Title   string
		Authors []string
		Year    int
		Citekey string
		Tags    []string
	}
	front, _, _ := strings.Cut(strings.TrimPrefix(lit, "---\n"), "\n---\n")
	if err := yaml.Unmarshal([]byte(front), &fm); err != nil {
		t.Fatalf("front matter: %v\n%s", err, front)
	}
	if !strings.HasPrefix(fm.Title, "Sovereign Equality, Non-Interference") || strings.Join(fm.Authors, ";") != "Antonio Mariconda" ||
		fm.Year != 2025 || fm.Citekey != "mariconda2025sovereign" {
		t.Errorf("front matter %+v", fm)
	}
	for _, want := range []string{"glossa", "sovereign-equality", "a", "b", "c", "y2024", "n3-3", "already-hashed", "UN/Charter",
		"exam-prep", "section-2-1", "v1-2", "Völkerrecht", "reading-list", "primary-source", "y1954"} {
		if !strings.Contains("\x00"+strings.Join(fm.Tags, "\x00")+"\x00", "\x00"+want+"\x00") {
			t.Errorf("front matter tags %q lack %q", fm.Tags, want)
		}
	}
	for _, want := range []string{
		"> [!yellow] §1, fn 5[^5]\n> represents the first globally adopted treaty specifically dedicated to cybercrime ^",
		"#sovereign-equality #a #b #c #y2024 #n3-3",
		"> [!quote] Footnote 14\n>",
		"> [!quote] Footnote 999 (not in this version of the article) ^",
		"> [!quote] Source, [[" + src.Key + "|2022 Joint Statement]] ^",
		"## No longer in the article",
		"Cites: ",
	} {
		if !strings.Contains(lit, want) {
			t.Errorf("literature note lacks %q", want)
		}
	}
	if strings.Contains(lit, "[^999]") {
		t.Error("a footnote the article does not have got a definition")
	}

	// Re-export: the student's own file is untouched, Glossa's files are
	// rewritten, an edited source page is kept beside the new one.
	os.WriteFile(filepath.Join(vault, filepath.FromSlash(srcPage)), []byte("my edits"), 0o644)
	if code, _, stderr := runArgs(t, "--db", db, "notes", "export", "--format", "obsidian", "-o", vault); code != 0 {
		t.Fatalf("re-export: exit %d: %s", code, stderr)
	} else if !strings.Contains(stderr, "edited") {
		t.Errorf("re-export did not say it kept an edited file: %s", stderr)
	}
	if b, _ := os.ReadFile(mine); !bytes.HasPrefix(b, []byte("# My essay")) {
		t.Errorf("the student's own file changed: %q", b)
	}
	if b, _ := os.ReadFile(filepath.Join(vault, filepath.FromSlash(srcPage))); string(b) != files[srcPage] {
		t.Error("the source page was not written again")
	}
	kept, _ := filepath.Glob(filepath.Join(vault, "Sources", src.Key+" (edited *).md"))
	if len(kept) != 1 {
		t.Errorf("the edited source page was not kept: %v", kept)
	} else if b, _ := os.ReadFile(kept[0]); string(b) != "my edits" {
		t.Errorf("kept page holds %q", b)
	}
	// A file Glossa would write, but did not, is never overwritten.
	other := t.TempDir()
	clash := filepath.Join(other, "Mariconda 2025 - UN Cybercrime Convention.md")
	os.WriteFile(clash, []byte("someone else's"), 0o644)
	if code, _, stderr := runArgs(t, "--db", db, "notes", "export", "--format", "obsidian", "-o", other); code != 1 || !strings.Contains(stderr, "not written") {
		t.Errorf("export over a file Glossa did not write: exit %d, %s", code, stderr)
	}
	if b, _ := os.ReadFile(clash); string(b) != "someone else's" {
		t.Error("a file Glossa did not write was overwritten")
	}
}

// checkObsidianFile checks one exported file by Obsidian's rules.
func checkObsidianFile(t *testing.T, name, text string, files map[string]string) {
	t.Helper()
	if !strings.HasPrefix(text, "---\n") {
		t.Errorf("%s: no front matter", name)
		return
	}
	front, body, ok := strings.Cut(strings.TrimPrefix(text, "---\n"), "\n---\n")
	if !ok {
		t.Errorf("%s: front matter never closed", name)
		return
	}
	var fm map[string]any
	if err := yaml.Unmarshal([]byte(front), &fm); err != nil {
		t.Errorf("%s: front matter: %v", name, err)
	}
	tags, _ := fm["tags"].([]any)
	if len(tags) == 0 {
		t.Errorf("%s: no tags in the front matter", name)
	}
	for _, tg := range tags {
		s, _ := tg.(string)
		checkObsidianTag(t, name+" front matter", s)
	}
	for _, k := range []string{"title", "authors", "citekey"} {
		if _, ok := fm[k]; !ok {
			t.Errorf("%s: front matter lacks %s", name, k)
		}
	}
	ids := map[string]bool{}
	for i, line := range strings.Split(body, "\n") {
		where := name + ":" + string(rune('0'+i%10))
		if m := blockIDAtEnd.FindStringSubmatch(line); m != nil {
			if !obsidianBlockID.MatchString(m[1]) || ids[m[1]] {
				t.Errorf("%s: block id %q invalid or repeated", where, m[1])
			}
			ids[m[1]] = true
			if !strings.HasPrefix(line, "> ") {
				t.Errorf("%s: block id not on a quote line: %q", where, line)
			}
		}
		if m := footnoteDef.FindStringSubmatch(line); m != nil && strings.TrimSpace(m[2]) == "" {
			t.Errorf("%s: empty footnote definition %q", where, line)
		}
		if !strings.HasPrefix(line, ">") && !strings.HasPrefix(line, "[^") && !strings.HasPrefix(line, "# ") {
			for _, m := range hashTag.FindAllStringSubmatch(line, -1) {
				checkObsidianTag(t, name, m[1])
			}
		}
		for _, m := range wikiLink.FindAllStringSubmatch(line, -1) {
			target := m[1]
			if files[target+".md"] == "" && files["Sources/"+target+".md"] == "" {
				t.Errorf("%s: link to %q, which is no page of the export", where, target)
			}
		}
	}
	if strings.HasPrefix(name, "Mariconda") && len(ids) < 8 {
		t.Errorf("%s: %d block ids for 8 notes", name, len(ids))
	}
}

func exportedNames(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}
