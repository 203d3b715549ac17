package main

import (
	"archive/zip"
	"database/sql"
	"encoding/json"
	"html"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/deck"
	"github.com/glossa-app/glossa/app/srs"
	"github.com/glossa-app/glossa/assets"
	"github.com/glossa-app/glossa/store"
)

// readerCard is one card as scripts/anki-reader/read.mjs prints it.
type readerCard struct {
	ID, NoteID, DeckID string
	NoteType           string
	NoteTypeKind       int
	Fields             map[string]string
	Questions          []struct{ Question, Answer string }
	Type, Queue        int
	Due, Ivl           int64
	Reps, Lapses       int
	Data               string
}

type readerOutput struct {
	Crt   int64
	Decks []struct {
		ID, Name string
		Cards    []readerCard
	}
}

// ankiReader reads an .apkg with the npm package anki-reader, installed
// by scripts/anki-reader/install.sh into a cache directory when missing.
func ankiReader(t *testing.T, apkgPath string) readerOutput {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		t.Fatal("node is not installed: run scripts/deps.sh (it installs nodejs and npm for this test)")
	}
	out, err := exec.Command("../../scripts/anki-reader/install.sh").Output()
	if err != nil {
		t.Fatalf("installing anki-reader: %v (%s)", err, exitStderr(err))
	}
	dir := strings.TrimSpace(string(out))
	js, err := exec.Command("node", filepath.Join(dir, "read.mjs"), apkgPath).Output()
	if err != nil {
		t.Fatalf("anki-reader: %v (%s)", err, exitStderr(err))
	}
	var got readerOutput
	if err := json.Unmarshal(js, &got); err != nil {
		t.Fatalf("anki-reader output: %v\n%s", err, js)
	}
	return got
}

func exitStderr(err error) string {
	if ee, ok := err.(*exec.ExitError); ok {
		return string(ee.Stderr)
	}
	return ""
}

// newStudyStore makes a study database at path with the article in it,
// as the commands open it.
func newStudyStore(t *testing.T, path string) (*store.Store, *article.Document) {
	t.Helper()
	doc, err := article.Parse(assets.Article)
	if err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportArticle(doc); err != nil {
		s.Close()
		t.Fatal(err)
	}
	return s, doc
}

// studiedExport makes the study database of studyDB and exports it in
// format; it returns the database, the file written and what studyDB
// made.
func studiedExport(t *testing.T, format string) (db, out string, shipped []deck.Card, own []store.UserCard, edited store.UserCard, suspended string) {
	t.Helper()
	dir := t.TempDir()
	db = filepath.Join(dir, "study.db")
	shipped = shippedCards(t)
	own, edited, suspended = studyDB(t, db, shipped)
	out = filepath.Join(dir, "glossa."+format)
	if code, _, stderr := runArgs(t, "--db", db, "cards", "export", "--format", format, "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	} else if format == "apkg" && !strings.Contains(stderr, "11 reviewed") {
		t.Errorf("summary %q: want 11 reviewed cards", stderr)
	}
	return db, out, shipped, own, edited, suspended
}

// studyDB makes a study database as a student leaves it: ten shipped
// cards reviewed over three weeks (one forgotten and relearnt), three
// cards of their own (one a cloze with two gaps, one reviewed), their own
// wording of a shipped card, and a suspended card.
func studyDB(t *testing.T, path string, shipped []deck.Card) (own []store.UserCard, edited store.UserCard, suspended string) {
	t.Helper()
	s, doc := newStudyStore(t, path)
	defer s.Close()
	sched := srs.NewScheduler()
	start := time.Now().Add(-21 * 24 * time.Hour).Truncate(time.Second)
	card := 0
	review := func(id string, ratings ...srs.Rating) {
		var c srs.Card
		card++
		at := start.Add(time.Duration(card) * time.Minute)
		for i, r := range ratings {
			next, _, err := sched.Review(c, r, at)
			if err != nil {
				t.Fatal(err)
			}
			prev := store.CardState{CardID: id, State: int(c.State), Step: c.Step, Stability: c.Stability,
				Difficulty: c.Difficulty, Due: c.Due, LastReview: c.LastReview}
			st := store.CardState{CardID: id, State: int(next.State), Step: next.Step, Stability: next.Stability,
				Difficulty: next.Difficulty, Due: next.Due, LastReview: next.LastReview}
			if err := s.SaveReview(store.Review{CardID: id, Rating: int(r), ReviewedAt: at, Prev: prev,
				ElapsedMS: int64(4000 + 700*i)}, st); err != nil {
				t.Fatal(err)
			}
			c = next
			// The next answer comes when the card is due (a second later
			// for learning steps, so reviews never share a millisecond).
			at = next.Due.Add(time.Second)
			if at.After(time.Now()) {
				at = time.Now().Add(-time.Duration(10-i)*time.Hour - time.Duration(card)*time.Minute)
			}
		}
	}
	plans := [][]srs.Rating{
		{srs.Good, srs.Good, srs.Good}, {srs.Easy}, {srs.Again, srs.Good, srs.Good}, {srs.Good, srs.Good, srs.Again},
		{srs.Hard, srs.Good}, {srs.Good}, {srs.Good, srs.Good, srs.Good, srs.Good}, {srs.Again},
		{srs.Easy, srs.Easy}, {srs.Good, srs.Hard, srs.Good},
	}
	for i, plan := range plans {
		review(shipped[i].ID, plan...)
	}
	own = []store.UserCard{
		{CardID: "u-mine-basic", UserMade: true, Type: "basic", Front: "Who adopted the Convention & when?",
			Back: "The UN General Assembly,\n24 December 2024", Tags: []string{"my cards", "2024", "§1"},
			ParagraphID: doc.Paragraphs[0].ID, Quote: "the UN General Assembly adopted a new Convention on Cybercrime"},
		{CardID: "u-mine-cloze", UserMade: true, Type: "cloze",
			Front: "The Convention opens for signature in {{c1::October 2025}} and needs {{c2::40}} ratifications.",
			Tags:  []string{"dates"}, ParagraphID: doc.Paragraphs[1].ID, Quote: "will open for signature in October 2025"},
		{CardID: "u-mine-third", UserMade: true, Type: "basic", Front: "What is <AHC>?", Back: `"Ad Hoc Committee"`,
			ParagraphID: doc.Paragraphs[1].ID, Quote: "UN General Assembly in 2019"},
	}
	for _, c := range own {
		if err := s.SaveUserCard(c); err != nil {
			t.Fatal(err)
		}
	}
	review("u-mine-basic", srs.Good)
	edited = store.UserCard{CardID: shipped[1].ID, Type: string(shipped[1].Type), Front: "My own wording: " + shipped[1].Front,
		Back: shipped[1].Back, Tags: []string{"edited by me"}}
	if err := s.SaveUserCard(edited); err != nil {
		t.Fatal(err)
	}
	suspended = shipped[12].ID
	if err := s.SetCardSuspended(suspended, true); err != nil {
		t.Fatal(err)
	}
	return own, edited, suspended
}

var sourceLine = regexp.MustCompile(`^§\d+(\.\d+)*(, fns? \d+(, \d+)*)?$`)

// An .apkg made from a study database is read back by an independent
// reader (anki-reader): every card with its fields, note type and deck;
// the review log and memory state are read from the collection with
// SQLite.
func TestCardsExportApkgReadBack(t *testing.T) {
	db, out, shipped, own, edited, suspended := studiedExport(t, "apkg")
	got := ankiReader(t, out)

	type want struct {
		noteType             string
		front, back, passage string
		tags                 []string
	}
	wants := map[string]want{}
	for _, c := range shipped {
		nt := "Glossa Basic"
		if c.Type == deck.Cloze {
			nt = "Glossa Cloze"
		}
		wants[c.ID] = want{nt, c.Front, c.Back, c.Anchor, c.Tags}
	}
	w := wants[edited.CardID]
	w.front, w.tags = edited.Front, edited.Tags
	wants[edited.CardID] = w
	for _, c := range own {
		nt := map[string]string{"basic": "Glossa Basic", "cloze": "Glossa Cloze"}[c.Type]
		wants[c.CardID] = want{nt, c.Front, c.Back, c.Quote, c.Tags}
	}

	col := openCollection(t, out)
	defer col.Close()
	guidOf := map[string]string{} // note id -> card id
	rows, err := col.Query(`SELECT id, guid, tags FROM notes`)
	if err != nil {
		t.Fatal(err)
	}
	tagsOf := map[string]string{}
	for rows.Next() {
		var id, guid, tags string
		if err := rows.Scan(&id, &guid, &tags); err != nil {
			t.Fatal(err)
		}
		guidOf[id] = strings.TrimPrefix(guid, "glossa-")
		tagsOf[guidOf[id]] = tags
	}
	rows.Close()

	seen := map[string]readerCard{}
	for _, d := range got.Decks {
		for _, c := range d.Cards {
			if d.Name != "Glossa::UN Cybercrime Convention" {
				t.Errorf("card %s in deck %q", c.ID, d.Name)
			}
			id := guidOf[c.NoteID]
			w, ok := wants[id]
			if !ok {
				t.Errorf("card of note %s (%q) is not a Glossa card", c.NoteID, id)
				continue
			}
			seen[id] = c
			if c.NoteType != w.noteType {
				t.Errorf("%s: note type %q, want %q", id, c.NoteType, w.noteType)
			}
			if len(c.Fields) != 4 {
				t.Errorf("%s: fields %v, want Front, Back, Passage, Source", id, c.Fields)
			}
			plain := func(s string) string { return html.UnescapeString(strings.ReplaceAll(s, "<br>", "\n")) }
			front := w.front
			if w.noteType == "Glossa Cloze" {
				front = regexp.MustCompile(`\{\{c\d+::`).ReplaceAllString(front, "{{c1::")
			}
			if plain(c.Fields["Front"]) != front || plain(c.Fields["Back"]) != w.back || plain(c.Fields["Passage"]) != w.passage {
				t.Errorf("%s: fields %q\nwant front %q back %q passage %q", id, c.Fields, front, w.back, w.passage)
			}
			if !sourceLine.MatchString(plain(c.Fields["Source"])) {
				t.Errorf("%s: source %q is not like \"§3.3, fn 126\"", id, c.Fields["Source"])
			}
			if w.noteType == "Glossa Basic" && (len(c.Questions) != 1 || !strings.Contains(c.Questions[0].Answer, c.Fields["Passage"]) ||
				!strings.Contains(c.Questions[0].Answer, c.Fields["Source"])) {
				t.Errorf("%s: the answer does not show the passage and its source: %+v", id, c.Questions)
			}
			var tags []string
			for _, tg := range w.tags {
				tags = append(tags, strings.Join(strings.Fields(tg), "_"))
			}
			if gotTags := strings.Fields(tagsOf[id]); strings.Join(gotTags, " ") != strings.Join(tags, " ") {
				t.Errorf("%s: tags %q, want %q", id, gotTags, tags)
			}
			if (id == suspended) != (c.Queue == -1) {
				t.Errorf("%s: queue %d (suspended: %v)", id, c.Queue, id == suspended)
			}
		}
	}
	if len(seen) != len(wants) {
		t.Errorf("anki-reader lists %d cards, want %d (%d shipped + %d own)", len(seen), len(wants), len(shipped), len(own))
	}
	if c := seen["u-mine-cloze"]; !strings.Contains(c.Fields["Front"], "{{c1::40}}") {
		t.Errorf("own cloze card: %q; every gap should be c1, one card as in Glossa", c.Fields["Front"])
	}
	checkSchedule(t, db, col, guidOf, got.Crt/1000)
}

// checkSchedule compares the collection's review log and memory state
// with the study database, row by row.
func checkSchedule(t *testing.T, db string, col *sql.DB, guidOf map[string]string, crt int64) {
	t.Helper()
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	reviews, err := s.Reviews(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	states, err := s.CardStates()
	if err != nil {
		t.Fatal(err)
	}
	cardOf := map[string]string{} // glossa id -> anki card id
	rows, err := col.Query(`SELECT id, nid FROM cards`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id, nid string
		rows.Scan(&id, &nid)
		cardOf[guidOf[nid]] = id
	}
	rows.Close()
	var n int
	col.QueryRow(`SELECT count(*) FROM revlog`).Scan(&n)
	if n != len(reviews) || n < 20 {
		t.Errorf("revlog has %d rows, the study database %d reviews", n, len(reviews))
	}
	for _, r := range reviews {
		var cid string
		var ease, taken, kind int
		err := col.QueryRow(`SELECT cid, ease, time, type FROM revlog WHERE id = ?`, r.ReviewedAt.UnixMilli()).Scan(&cid, &ease, &taken, &kind)
		if err != nil {
			t.Errorf("review of %s at %v: %v", r.CardID, r.ReviewedAt, err)
			continue
		}
		wantKind := map[int]int{0: 0, 1: 0, 2: 1, 3: 2}[r.Prev.State]
		if cid != cardOf[r.CardID] || ease != r.Rating || int64(taken) != r.ElapsedMS || kind != wantKind {
			t.Errorf("revlog of %s: card %s ease %d time %d type %d; want card %s ease %d time %d type %d",
				r.CardID, cid, ease, taken, kind, cardOf[r.CardID], r.Rating, r.ElapsedMS, wantKind)
		}
	}
	crtDay := time.Unix(crt, 0).Local()
	for _, st := range states {
		var ctype, queue int
		var due int64
		var data string
		if err := col.QueryRow(`SELECT type, queue, due, data FROM cards WHERE id = ?`, cardOf[st.CardID]).Scan(&ctype, &queue, &due, &data); err != nil {
			t.Errorf("card %s: %v", st.CardID, err)
			continue
		}
		if ctype != st.State {
			t.Errorf("card %s: type %d, state %d", st.CardID, ctype, st.State)
		}
		if st.Stability == 0 {
			continue // suspended before any review
		}
		var mem struct {
			S, D float64
			Lrt  int64
		}
		if err := json.Unmarshal([]byte(data), &mem); err != nil {
			t.Errorf("card %s data %q: %v", st.CardID, data, err)
		}
		if abs(mem.S-st.Stability) > 0.0001 || abs(mem.D-st.Difficulty) > 0.001 || mem.Lrt != st.LastReview.Unix() {
			t.Errorf("card %s memory %+v, want s %.4f d %.3f lrt %d", st.CardID, mem, st.Stability, st.Difficulty, st.LastReview.Unix())
		}
		switch {
		case queue == 2:
			// Review cards are due on a day counted from the collection's
			// creation, days starting at 4 a.m.
			dueAt := crtDay.AddDate(0, 0, int(due))
			if got, want := dueAt.Format("2006-01-02"), st.Due.Local().Add(-4*time.Hour).Format("2006-01-02"); got != want {
				t.Errorf("card %s due day %d = %s, want %s", st.CardID, due, got, want)
			}
		case queue == 1:
			if due != st.Due.Unix() {
				t.Errorf("learning card %s due %d, want %d", st.CardID, due, st.Due.Unix())
			}
		}
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// openCollection extracts the collection of an .apkg and opens it.
func openCollection(t *testing.T, apkgPath string) *sql.DB {
	t.Helper()
	zr, err := zip.OpenReader(apkgPath)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var names []string
	path := filepath.Join(t.TempDir(), "collection.anki2")
	for _, f := range zr.File {
		names = append(names, f.Name)
		switch f.Name {
		case "collection.anki2":
			rc, _ := f.Open()
			dst, _ := os.Create(path)
			io.Copy(dst, rc)
			rc.Close()
			dst.Close()
		case "media":
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			if string(b) != "{}" {
				t.Errorf("media list %q, want {}", b)
			}
		}
	}
	if strings.Join(names, ",") != "collection.anki2,media" {
		t.Fatalf("package holds %v", names)
	}
	col, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	return col
}

// The text export carries the student's own cards and their wording of
// shipped cards, as Glossa note types, with tags cleaned to Anki's rules.
func TestCardsExportAnkiTextHasStudentCards(t *testing.T) {
	_, out, shipped, own, edited, _ := studiedExport(t, "anki")
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if !strings.HasPrefix(line, "#") {
			f := strings.Split(line, "\t")
			rows[f[0]] = f
		}
	}
	if len(rows) != len(shipped)+len(own) {
		t.Fatalf("%d notes, want %d shipped + %d own", len(rows), len(shipped), len(own))
	}
	mine := rows["glossa-u-mine-basic"]
	if len(mine) != 8 || mine[1] != "Glossa Basic" || html.UnescapeString(mine[2]) != own[0].Front ||
		mine[6] != "my_cards 2024 §1" {
		t.Errorf("own card row %q", mine)
	}
	if ed := rows["glossa-"+edited.CardID]; html.UnescapeString(ed[2]) != edited.Front || ed[6] != "edited_by_me" {
		t.Errorf("edited card row %q", ed)
	}
}
