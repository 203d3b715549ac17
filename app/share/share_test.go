package share_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/share"
	"github.com/glossa-app/glossa/assets"
	"github.com/glossa-app/glossa/store"
)

var (
	docOnce sync.Once
	theDoc  *article.Document
)

// shippedDoc is the real article, parsed once for all tests.
func shippedDoc(tb testing.TB) *article.Document {
	tb.Helper()
	docOnce.Do(func() {
		d, err := article.Parse(assets.Article)
		if err != nil {
			tb.Fatal(err)
		}
		theDoc = d
	})
	return theDoc
}

// openGlossa is one person's Glossa: a real SQLite file with the article.
func openGlossa(tb testing.TB, name string) *store.Store {
	tb.Helper()
	s, err := store.Open(filepath.Join(tb.TempDir(), "glossa.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	if _, err := s.ImportArticle(shippedDoc(tb)); err != nil {
		tb.Fatal(err)
	}
	if name != "" {
		if err := s.SetShareName(name); err != nil {
			tb.Fatal(err)
		}
	}
	return s
}

func passageNote(tb testing.TB, s *store.Store, para int, body string) store.Note {
	tb.Helper()
	p := shippedDoc(tb).Paragraphs[para]
	quote := p.Text[:40]
	n, err := s.AddQuoteNote(quote, body, []string{"lecture"})
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

func mustNotes(tb testing.TB, s *store.Store) []store.Note {
	tb.Helper()
	ns, err := s.Notes(store.NoteFilter{})
	if err != nil {
		tb.Fatal(err)
	}
	return ns
}

func publish(tb testing.TB, s *store.Store, dir string, plans []json.RawMessage) string {
	tb.Helper()
	p, err := s.SharePublisher(dir, func() []json.RawMessage { return plans })
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := p.Publish(); err != nil {
		tb.Fatal(err)
	}
	return p.File
}

func compact(tb testing.TB, raw json.RawMessage) string {
	var b bytes.Buffer
	if err := json.Compact(&b, raw); err != nil {
		tb.Fatal(err)
	}
	return b.String()
}

func layerBodies(l share.Layer[*store.SharedLayer]) map[string]string {
	out := map[string]string{}
	for _, n := range l.Content.Notes {
		out[n.ID] = n.Body
	}
	return out
}

func problemsOf(st []share.Status) map[string]string {
	out := map[string]string{}
	for _, s := range st {
		if len(s.Problems) > 0 {
			out[s.File] = strings.Join(s.Problems, "; ")
		}
	}
	return out
}

// TestClassShares is issue 21's test: a lecturer and a student, each with
// a real Glossa database, over one folder.
func TestClassShares(t *testing.T) {
	dir := t.TempDir()
	lecturer := openGlossa(t, "Prof. Ada Lee")
	student := openGlossa(t, "Sam")

	// the student's own notes, before anything is shared
	passageNote(t, student, 5, "my own reading of this")
	passageNote(t, student, 9, "exam: remember")
	ownBefore := mustNotes(t, student)
	countBefore, _ := student.CountNotes()

	// the lecturer's notes, a plan and a card
	n1 := passageNote(t, lecturer, 3, "**Key point** for Monday")
	n2 := passageNote(t, lecturer, 7, "we skip this in class")
	n3 := passageNote(t, lecturer, 12, "compare with Budapest")
	if err := lecturer.SaveUserCard(store.UserCard{CardID: "u-lee-1", UserMade: true, Type: "basic",
		Front: "Which body negotiated the convention?", Back: "The Ad Hoc Committee", ParagraphID: n1.TargetID}); err != nil {
		t.Fatal(err)
	}
	plan := json.RawMessage(`{"title":"Week 3","steps":[{"paragraph":"p3"}]}`)
	file := publish(t, lecturer, dir, []json.RawMessage{plan})

	folder, err := student.ShareFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !folder.Scan(nil) {
		t.Fatal("the first scan of a folder with the lecturer's file reported no change")
	}
	layers := folder.Layers()
	if len(layers) != 1 {
		t.Fatalf("student sees %d layers, want the lecturer's one: %+v", len(layers), folder.Status())
	}
	l := layers[0]
	lid, _ := lecturer.ShareIdentity()
	if l.Name != "Prof. Ada Lee" || l.Person != lid.Person || l.File != file || l.Own {
		t.Errorf("layer = %q person %s file %s own %v; want the lecturer's", l.Name, l.Person, l.File, l.Own)
	}
	want := map[string]string{n1.ID: n1.Body, n2.ID: n2.Body, n3.ID: n3.Body}
	if got := layerBodies(l); !reflect.DeepEqual(got, want) {
		t.Errorf("layer notes = %v, want %v", got, want)
	}
	if len(l.Content.File.Cards) != 1 || l.Content.File.Cards[0].Front != "Which body negotiated the convention?" {
		t.Errorf("layer cards = %+v", l.Content.File.Cards)
	}
	if len(l.Content.File.Plans) != 1 || compact(t, l.Content.File.Plans[0]) != string(plan) {
		t.Errorf("layer plans = %s, want %s", l.Content.File.Plans, plan)
	}
	if got := mustNotes(t, student); !reflect.DeepEqual(got, ownBefore) {
		t.Fatalf("the student's own notes changed when the layer was read")
	}

	// the lecturer edits one note and deletes another
	n1.Body = "**Key point** for Monday — and Tuesday"
	if _, err := lecturer.UpdateNote(n1); err != nil {
		t.Fatal(err)
	}
	if err := lecturer.TrashNote(n2.ID); err != nil {
		t.Fatal(err)
	}
	publish(t, lecturer, dir, []json.RawMessage{plan})
	if !folder.Scan(nil) {
		t.Fatal("the scan after the lecturer's edit reported no change")
	}
	want = map[string]string{n1.ID: n1.Body, n3.ID: n3.Body}
	if got := layerBodies(folder.Layers()[0]); !reflect.DeepEqual(got, want) {
		t.Errorf("after the edit and delete the layer notes = %v, want %v", got, want)
	}

	// the real world drops files into the folder
	good, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		t.Fatal(err)
	}
	other := share.FileName("0123456789abcdef", "01234567", l.Article)
	hostile := share.FileName("fedcba9876543210", "76543210", l.Article)
	conflict := strings.TrimSuffix(file, ".json") + ".sync-conflict-20261205-101500-ABCDEFG.json"
	bigBody := strings.Repeat("x", store.MaxBodyBytes+1)
	hostileData := strings.Replace(strings.Replace(string(good), lid.Person, "fedcba9876543210", 1),
		`"body": "**Key point**`, `"body": "`+bigBody+`**Key point**`, 1)
	for name, data := range map[string]string{
		other:    string(good[:len(good)/2]), // half synced
		conflict: string(good),
		hostile:  hostileData,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	folder.Scan(nil)
	probs := problemsOf(folder.Status())
	for name, want := range map[string]string{other: "not valid JSON", conflict: "conflict copy", hostile: "more than 256 KB"} {
		if !strings.Contains(probs[name], want) {
			t.Errorf("problem of %s = %q, want it to say %q", name, probs[name], want)
		}
	}
	if n := len(folder.Layers()); n != 1 {
		t.Errorf("with three bad files the student sees %d layers, want the lecturer's one", n)
	}
	if got := layerBodies(folder.Layers()[0]); !reflect.DeepEqual(got, want) {
		t.Errorf("a bad file changed the lecturer's layer: %v", got)
	}
	if got := mustNotes(t, student); !reflect.DeepEqual(got, ownBefore) {
		t.Errorf("the student's own notes changed")
	}
	if n, _ := student.CountNotes(); n != countBefore {
		t.Errorf("the student has %d notes (trash included), had %d", n, countBefore)
	}
}

// TestSamePersonTwoComputers: a student's laptop and desktop publish to
// one folder; each merges the other's notes as its own, by id and last
// change, and keeps the replaced version in the note's history.
func TestSamePersonTwoComputers(t *testing.T) {
	dir := t.TempDir()
	laptop := openGlossa(t, "Sam")
	desktop := openGlossa(t, "Sam")
	me, _ := laptop.ShareIdentity()
	if err := desktop.SetSharePerson(me.Person); err != nil {
		t.Fatal(err)
	}
	other, _ := desktop.ShareIdentity()
	if other.Machine == me.Machine {
		t.Fatal("two databases got one machine id: their files would overwrite each other")
	}
	n := passageNote(t, desktop, 4, "written on the desktop")
	card := store.UserCard{CardID: "own-desktop-1", UserMade: true, Type: "basic",
		Front: "Who proposed the convention?", Back: "Russia, in 2017", Tags: []string{"desktop"}}
	if err := desktop.SaveUserCard(card); err != nil {
		t.Fatal(err)
	}
	fileDesktop := publish(t, desktop, dir, nil)
	fileLaptop := publish(t, laptop, dir, nil)
	if fileDesktop == fileLaptop {
		t.Fatalf("both computers write %s", fileLaptop)
	}

	folder, err := laptop.ShareFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	folder.Scan(nil)
	got, err := laptop.Note(n.ID)
	if err != nil || got.Body != n.Body {
		t.Fatalf("the desktop's note on the laptop = %q, %v; want it merged as the laptop's own", got.Body, err)
	}
	// the desktop's card is the laptop's own too, with the time it was
	// made there: stamped now, it would travel back as a change for ever
	onDesktop, _ := desktop.UserCards()
	onLaptop, err := laptop.UserCards()
	if err != nil || len(onLaptop) != 1 || len(onDesktop) != 1 || onLaptop[0].Front != card.Front ||
		!onLaptop[0].UserMade || !onLaptop[0].UpdatedAt.Equal(onDesktop[0].UpdatedAt) {
		t.Fatalf("the desktop's card on the laptop = %+v, %v; want %+v", onLaptop, err, onDesktop)
	}
	before, err := os.ReadFile(filepath.Join(dir, fileDesktop))
	if err != nil || len(before) == 0 {
		t.Fatalf("the desktop's file: %d bytes, %v", len(before), err)
	}
	publish(t, laptop, dir, nil)
	dfolder, err := desktop.ShareFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	dfolder.Scan(nil)
	publish(t, desktop, dir, nil)
	if after, _ := os.ReadFile(filepath.Join(dir, fileDesktop)); string(after) != string(before) {
		t.Error("the card came back to the desktop as a change: the two computers would publish for ever")
	}
	for _, st := range folder.Status() {
		if st.File == fileDesktop && !st.Own || st.File == fileLaptop && !st.Self {
			t.Errorf("status %s: own %v self %v", st.File, st.Own, st.Self)
		}
	}

	n.Body = "written on the desktop, finished at home"
	if _, err := desktop.UpdateNote(n); err != nil {
		t.Fatal(err)
	}
	publish(t, desktop, dir, nil)
	folder.Scan(nil)
	got, _ = laptop.Note(n.ID)
	if got.Body != n.Body {
		t.Errorf("after the desktop's edit the laptop has %q", got.Body)
	}
	hist, err := laptop.NoteHistory(n.ID)
	if err != nil || len(hist) != 1 || hist[0].Body != "written on the desktop" {
		t.Errorf("the laptop's history of the note = %+v, %v; want the replaced version", hist, err)
	}
}
