package share_test

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/glossa-app/glossa/app/share"
	"github.com/glossa-app/glossa/store"
)

// published is a lecturer's real file, made once: its name and bytes.
var published struct {
	once   sync.Once
	name   string
	data   []byte
	person string
}

func lecturerFile(tb testing.TB) (string, []byte, string) {
	tb.Helper()
	published.once.Do(func() {
		s := openGlossa(tb, "Prof. Ada Lee")
		passageNote(tb, s, 3, "first")
		passageNote(tb, s, 8, "second")
		dir := tb.TempDir()
		published.name = publish(tb, s, dir, nil)
		data, err := os.ReadFile(filepath.Join(dir, published.name))
		if err != nil {
			tb.Fatal(err)
		}
		id, _ := s.ShareIdentity()
		published.data, published.person = data, id.Person
	})
	return published.name, published.data, published.person
}

// otherName is a share file name of another person for the same article.
func otherName(tb testing.TB, person string) string {
	name, _, _ := lecturerFile(tb)
	n, ok := share.ParseName(name)
	if !ok {
		tb.Fatalf("the publisher wrote %s, which does not parse", name)
	}
	return share.FileName(person, "0badc0de", n.Article)
}

func readerFolder(dir string) *share.Folder[*store.SharedLayer] {
	return &share.Folder[*store.SharedLayer]{Dir: dir, Person: "1111111111111111", Machine: "11111111",
		Decode: store.DecodeShare, MaxBytes: store.MaxBundleBytes}
}

// TestRealWorldFolder: what sync engines and people leave in a shared
// folder is reported in the file's status and skipped; the lecturer's
// layer stays, whatever lies beside it.
func TestRealWorldFolder(t *testing.T) {
	lecturer, good, person := lecturerFile(t)
	spoofed := otherName(t, "2222222222222222") // holds the lecturer's content
	tests := []struct {
		name    string
		file    string
		data    string
		size    int64 // > 0: a sparse file of this size instead of data
		problem string
	}{
		{"Syncthing temporary", ".syncthing." + lecturer + ".tmp", string(good[:100]), 0, "Syncthing is still copying"},
		{"Syncthing temporary (Windows)", "~syncthing~" + lecturer + ".tmp", string(good[:100]), 0, "Syncthing is still copying"},
		{"Glossa's own temporary", "." + lecturer + ".123456.tmp", string(good[:100]), 0, "Glossa is still writing"},
		{"browser partial download", lecturer + ".part", string(good[:100]), 0, "still copying"},
		{"OneDrive placeholder", otherName(t, "3333333333333333"), "", 0, "empty: a placeholder"},
		{"truncated by a half sync", otherName(t, "4444444444444444"), string(good[:len(good)-300]), 0, "not valid JSON"},
		{"Syncthing conflict copy", strings.TrimSuffix(lecturer, ".json") + ".sync-conflict-20261205-101500-ABCDEFG.json", string(good), 0, "conflict copy"},
		{"Dropbox conflict copy", strings.TrimSuffix(lecturer, ".json") + " (Sam's conflicted copy 2026-12-05).json", string(good), 0, "conflict copy"},
		{"Nextcloud conflict copy", strings.TrimSuffix(lecturer, ".json") + " (conflicted copy 2026-12-05 101500).json", string(good), 0, "conflict copy"},
		{"Google Drive duplicate", strings.TrimSuffix(lecturer, ".json") + " (1).json", string(good), 0, "conflict copy"},
		{"OneDrive computer-name copy", strings.TrimSuffix(lecturer, ".json") + "-DESKTOP-AB12.json", string(good), 0, "not a share file name"},
		{"renamed by hand", "lecture notes.glossa.json", string(good), 0, "not a share file name"},
		{"not text", otherName(t, "5555555555555555"), "\x00\x01\x02\xff{", 0, "not text"},
		{"too large", otherName(t, "6666666666666666"), "", store.MaxBundleBytes + 1, "refused unread"},
		{"someone else's name on it", spoofed, string(good), 0, "its name says person 2222222222222222"},
		{"newer share version", otherName(t, "7777777777777777"),
			strings.Replace(strings.Replace(string(good), `"share": 1`, `"share": 9`, 1), person, "7777777777777777", 1), 0, "newer Glossa"},
		{"a note with a NUL", otherName(t, "8888888888888888"),
			strings.Replace(strings.Replace(string(good), `"body": "first`, `"body": "fi\u0000rst`, 1), person, "8888888888888888", 1), 0, "NUL"},
		{"deeply nested", otherName(t, "9999999999999999"), strings.Repeat("[", 20000) + strings.Repeat("]", 20000), 0, "not a JSON object"},
		{"a plain notes bundle", otherName(t, "aaaaaaaaaaaaaaaa"), strings.Replace(string(good), `"share": 1,`, ``, 1), 0, `no "share" version`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, lecturer), good, 0o644); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, tc.file)
			if err := os.WriteFile(path, []byte(tc.data), 0o644); err != nil {
				t.Fatal(err)
			}
			if tc.size > 0 {
				if err := os.Truncate(path, tc.size); err != nil {
					t.Fatal(err)
				}
			}
			f := readerFolder(dir)
			f.Scan(nil)
			got := problemsOf(f.Status())
			if !strings.Contains(got[tc.file], tc.problem) {
				t.Errorf("problem of %q = %q, want it to say %q", tc.file, got[tc.file], tc.problem)
			}
			if len(got) != 1 {
				t.Errorf("problems = %v, want one, of %s", got, tc.file)
			}
			layers := f.Layers()
			if len(layers) != 1 || layers[0].File != lecturer || len(layers[0].Content.Notes) != 2 {
				t.Errorf("layers = %+v, want the lecturer's alone, whole", layers)
			}
		})
	}
}

// TestLayerSurvives: a file cut short in place, a folder gone and back,
// a file removed.
func TestLayerSurvives(t *testing.T) {
	lecturer, good, _ := lecturerFile(t)
	root := t.TempDir()
	dir := filepath.Join(root, "class")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, lecturer)
	write := func(data []byte) {
		t.Helper()
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(good)
	f := readerFolder(dir)
	f.Scan(nil)
	layersOK := func(when string) {
		t.Helper()
		if l := f.Layers(); len(l) != 1 || len(l[0].Content.Notes) != 2 {
			t.Errorf("%s: layers = %+v, want the lecturer's, whole", when, l)
		}
	}
	layersOK("first read")

	write(good[:len(good)/3]) // the sync engine writes in place, and is not done yet
	if !f.Scan(nil) {
		t.Error("a file cut short was not seen as a change")
	}
	layersOK("file cut short")
	if p := problemsOf(f.Status())[lecturer]; !strings.Contains(p, "still shown") {
		t.Errorf("problem = %q, want it to say the version read before is still shown", p)
	}
	write(good)
	f.Scan(map[string]bool{lecturer: true})
	if p := problemsOf(f.Status()); len(p) != 0 {
		t.Errorf("once whole again the problems are %v", p)
	}

	// the drive is unplugged: its folder goes away
	if err := os.Rename(dir, dir+"-away"); err != nil {
		t.Fatal(err)
	}
	if !f.Scan(nil) {
		t.Error("a folder gone was not reported as a change")
	}
	layersOK("folder gone")
	st := f.Status()
	if len(st) == 0 || st[0].File != "" || !strings.Contains(strings.Join(st[0].Problems, ""), "cannot be read") {
		t.Errorf("status with the folder gone = %+v, want the folder's problem first", st)
	}
	if err := os.Rename(dir+"-away", dir); err != nil {
		t.Fatal(err)
	}
	f.Scan(nil)
	if p := problemsOf(f.Status()); len(p) != 0 {
		t.Errorf("with the folder back the problems are %v", p)
	}
	layersOK("folder back")

	// the lecturer stops publishing: the file is removed, the layer goes
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	f.Scan(nil)
	if l := f.Layers(); len(l) != 0 {
		t.Errorf("with the file removed the layers are %+v", l)
	}
}

func TestClassify(t *testing.T) {
	const name = "0123456789abcdef-01234567.0123456789ab.glossa.json"
	tests := []struct {
		base string
		want share.Kind
	}{
		{name, share.Readable},
		{"slides week 3.pdf", share.Ignored},
		{".DS_Store", share.Ignored},
		{"desktop.ini", share.Ignored},
		{".syncthing.slides.pdf.tmp", share.Ignored},
		{".syncthing." + name + ".tmp", share.Partial},
		{"~syncthing~" + name + ".tmp", share.Partial},
		{"." + name + ".4242.tmp", share.Partial},
		{name + ".partial", share.Partial},
		{"0123456789abcdef-01234567.0123456789ab.glossa.sync-conflict-20261205-101500-ABCDEFG.json", share.Conflict},
		{"0123456789abcdef-01234567.0123456789ab.glossa (Sam's conflicted copy 2026-12-05).json", share.Conflict},
		{"0123456789ABCDEF-01234567.0123456789ab.glossa.json", share.Stray}, // upper case: renamed by hand
		{"0123456789abcdef.0123456789ab.glossa.json", share.Stray},          // no machine id
		{"0123456789abcdef-01234567.0123456789ab.glossa.json.bak", share.Stray},
	}
	for _, tc := range tests {
		got, why := share.Classify(tc.base)
		if got != tc.want {
			t.Errorf("Classify(%q) = %v, want %v", tc.base, got, tc.want)
		}
		if (got == share.Readable || got == share.Ignored) != (why == "") {
			t.Errorf("Classify(%q) = %v with reason %q", tc.base, got, why)
		}
	}
	if n, ok := share.ParseName(name); !ok || n.String() != name {
		t.Errorf("ParseName(%q) = %+v, %v", name, n, ok)
	}
}
