package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/glossa-app/glossa/assets"
)

func runArgs(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestCheckJSONContract(t *testing.T) {
	code, out, stderr := runArgs(t, "check", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc struct {
		Title       string `json:"title"`
		Author      string `json:"author"`
		Affiliation string `json:"affiliation"`
		Sections    []struct {
			Number string `json:"number"`
			Title  string `json:"title"`
			Level  int    `json:"level"`
		} `json:"sections"`
		Paragraphs []struct {
			ID      string `json:"id"`
			Section string `json:"section"`
			Text    string `json:"text"`
			Refs    []int  `json:"refs"`
		} `json:"paragraphs"`
		Footnotes []struct {
			N         int    `json:"n"`
			Text      string `json:"text"`
			Paragraph string `json:"paragraph"`
			Near      string `json:"near"`
		} `json:"footnotes"`
		Problems []struct {
			Kind    string `json:"kind"`
			Line    int    `json:"line"`
			Message string `json:"message"`
		} `json:"problems"`
	}
	// Extra fields are allowed by the contract: check the required keys
	// are there, then read them.
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	for _, k := range []string{"title", "author", "affiliation", "sections", "paragraphs", "footnotes", "problems"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("key %q missing", k)
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Sections) != 13 || doc.Sections[3].Number != "2.2" || doc.Sections[3].Level != 2 {
		t.Errorf("sections: %+v", doc.Sections)
	}
	if len(doc.Footnotes) != 190 || doc.Footnotes[189].N != 190 {
		t.Errorf("%d footnotes", len(doc.Footnotes))
	}
	if doc.Author == "" || doc.Affiliation == "" || doc.Title == "" {
		t.Errorf("title block: %q / %q / %q", doc.Title, doc.Author, doc.Affiliation)
	}
	for _, p := range doc.Problems {
		if p.Line <= 0 && p.Kind != "undefined-footnote" {
			t.Errorf("problem without a line: %+v", p)
		}
	}

	// What a reader must be able to trust, read from the JSON itself.
	var nums []string
	for _, s := range doc.Sections {
		nums = append(nums, s.Number)
		if s.Title == "" || s.Level != strings.Count(s.Number, ".")+1 {
			t.Errorf("section %+v", s)
		}
	}
	if got := strings.Join(nums, " "); got != "1 2 2.1 2.2 3 3.1 3.2 3.3 4 4.1 4.2 4.3 5" {
		t.Errorf("section numbers %q", got)
	}
	for i, f := range doc.Footnotes {
		if f.N != i+1 || strings.TrimSpace(f.Text) == "" {
			t.Errorf("footnote at position %d: %d %q (want 1 to 190, none missing)", i, f.N, f.Text)
		}
	}
	referenced := map[int]bool{}
	for _, p := range doc.Paragraphs {
		for _, r := range p.Refs {
			referenced[r] = true
		}
	}
	ids := map[string]bool{}
	for _, p := range doc.Paragraphs {
		ids[p.ID] = true
	}
	for _, f := range doc.Footnotes {
		// a footnote without a marker says where it is shown instead
		if (f.Paragraph == "") != (f.Near != "") || f.Near != "" && !ids[f.Near] {
			t.Errorf("footnote %d: paragraph %q, near %q (near must name a paragraph exactly when paragraph is empty)", f.N, f.Paragraph, f.Near)
		}
	}
	// Texts as a reader makes them of the article's source lines, noise
	// and all (not a list of markup to look for: the parser's last pass
	// deletes exactly such a list, so looking for it could never fail).
	if doc.Author != "ANTONIO MARICONDA" || doc.Affiliation != "Postdoctoral Research Fellow in International Law, University of Milan." {
		t.Errorf("title block: author %q, affiliation %q", doc.Author, doc.Affiliation)
	}
	texts := map[int]string{}
	for _, f := range doc.Footnotes {
		texts[f.N] = f.Text
	}
	for _, c := range []struct {
		n      int
		source string // the line of assets/article.md, for whoever reads a failure
		want   string
	}{
		{81, "<sup>&</sup>lt;sup>81</sup> M. BALBONI, ...", "M. BALBONI, C. DANISI, Reframing Human Rights in China and Russia: How National Identity and National Interests Shape Relations with, and the Implementation of, International Law, cit., p. 74."},
		{86, "<sup>86 2021</sup> Joint Statement, n. I; ...", "2021 Joint Statement, n. I; 2022 Joint Statement, n. I"},
	} {
		if texts[c.n] != c.want {
			t.Errorf("footnote %d from %q:\n got %q\nwant %q", c.n, c.source, texts[c.n], c.want)
		}
	}
	// The article's one ampersand is the author's, not an entity: it stays.
	if !strings.Contains(texts[55], "International Cyber Norms: Legal, Policy & Industry Perspectives, Tallinn, 2016") {
		t.Errorf("footnote 55 lost its \"&\": %q", texts[55])
	}
	const para18 = "This invocation of sovereignty in Sino-Russian Joint Statements and practice is far from neutral, as it extends well beyond the conventional definition of sovereignty as «supreme authority within a territory». Instead, it carries with it a set of implications that, as foundational elements of the Sino-Russian conception of international law, constitute the building blocks of a broader critique of the Western-centric international legal order."
	found := false
	for _, p := range doc.Paragraphs {
		if len(p.Refs) == 1 && p.Refs[0] == 18 {
			found = true
			if p.Text != para18 {
				t.Errorf("paragraph citing footnote 18:\n got %q\nwant %q", p.Text, para18)
			}
		}
	}
	if !found {
		t.Error("no paragraph cites footnote 18 alone")
	}
	reported := map[int]bool{}
	joined := map[string]int{}
	for _, p := range doc.Problems {
		var n int
		if p.Kind == "missing-ref" {
			fmt.Sscanf(p.Message, "footnote %d", &n)
			reported[n] = true
		}
		joined[p.Kind]++
	}
	unreferenced := 0
	for _, f := range doc.Footnotes {
		if !referenced[f.N] {
			unreferenced++
			if !reported[f.N] {
				t.Errorf("footnote %d is neither referenced from a paragraph nor reported", f.N)
			}
		}
	}
	if joined["split-paragraph"] == 0 || joined["split-footnote"] == 0 {
		t.Errorf("no page-split paragraph or footnote reported joined: %v", joined)
	}
	t.Logf("%d paragraphs, %d footnotes (%d without a marker, all reported), problems by kind %v",
		len(doc.Paragraphs), len(doc.Footnotes), unreferenced, joined)
}

func TestCheckReport(t *testing.T) {
	code, out, _ := runArgs(t, "check")
	if code != 0 || !strings.Contains(out, "footnotes:   190 (1 to 190)") || !strings.Contains(out, "sections:    13") {
		t.Errorf("exit %d, report:\n%s", code, out)
	}
}

func TestCheckBadFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// 50 MB of real Markdown text, so the size limit is what refuses it
	// (not the binary-data check).
	big, err := os.Create(filepath.Join(dir, "big.md"))
	if err != nil {
		t.Fatal(err)
	}
	for written := 0; written < 50<<20; written += len(assets.Article) {
		if _, err := big.Write(assets.Article); err != nil {
			t.Fatal(err)
		}
	}
	big.Close()
	cases := []struct {
		name, path, want string
		code             int
	}{
		{"binary", write("shot.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")), "not a text file", 1},
		{"empty", write("empty.md", nil), "the file is empty", 1},
		{"50 MB", big.Name(), "larger than 8 MB", 1},
		{"no text", write("heads.md", []byte("# One\n\n## Two\n")), "does not look like an article", 1},
		{"missing", filepath.Join(dir, "nope.md"), "no such file", 1},
		{"folder", dir, "is a folder", 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, stderr := runArgs(t, "check", tc.path)
			if code != tc.code || !strings.Contains(stderr, tc.want) || out != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d and %q", code, out, stderr, tc.code, tc.want)
			}
			if strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
				t.Errorf("the reason takes more than one line: %q", stderr)
			}
		})
	}
	// A Markdown file with no footnotes parses: a sensible result, exit 0.
	plain := write("plain.md", []byte("# Notes\n\nThe treaty was signed in 2019 by 40 States.\n"))
	if code, out, stderr := runArgs(t, "check", plain, "--json"); code != 0 || !strings.Contains(out, `"footnotes": []`) {
		t.Errorf("plain Markdown: exit %d, %s %s", code, out, stderr)
	}
}

// Under the C locale (the default of many Debian and Ubuntu installs) a
// bad file still gets exactly one line on stderr: nothing from Fyne
// before it. The test binary runs itself again with LANG=C.UTF-8, since
// the locale is read when packages initialise.
func TestCheckOneLineInCLocale(t *testing.T) {
	if file := os.Getenv("GLOSSA_TEST_CHECK_FILE"); file != "" {
		os.Exit(run([]string{"check", file}, os.Stdout, os.Stderr))
	}
	empty := filepath.Join(t.TempDir(), "empty.md")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for _, locale := range []string{"C.UTF-8", "C", "POSIX"} {
		cmd := exec.Command(exe, "-test.run=^TestCheckOneLineInCLocale$")
		cmd.Env = append(os.Environ(), "GLOSSA_TEST_CHECK_FILE="+empty, "LANG="+locale, "LC_ALL=", "LC_MESSAGES=")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
			t.Errorf("LANG=%s: %v", locale, err)
		}
		if got := stderr.String(); got != "glossa check: "+empty+": the file is empty\n" {
			t.Errorf("LANG=%s: stderr %q, want the one-line reason alone", locale, got)
		}
	}
}

func TestUnknownCommand(t *testing.T) {
	code, _, stderr := runArgs(t, "frobnicate")
	if code != 2 || !strings.Contains(stderr, `unknown command "frobnicate"`) {
		t.Errorf("exit %d, %q", code, stderr)
	}
}

// Without a display the window cannot open: one line says why, with no
// stack trace, and the commands are named as the way on.
func TestNoDisplayOneLine(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("X11 and Wayland only")
	}
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	var out, errb bytes.Buffer
	code := run([]string{"--db", filepath.Join(t.TempDir(), "g.db"), "--section", "3.3"}, &out, &errb)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	msg := errb.String()
	if strings.Count(msg, "\n") != 1 || !strings.Contains(msg, "no display") || !strings.Contains(msg, "glossa help") {
		t.Errorf("stderr %q, want one line about the display", msg)
	}
}
