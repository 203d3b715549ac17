package share_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/glossa-app/glossa/app/atomicfile"
	"github.com/glossa-app/glossa/app/share"
	"github.com/glossa-app/glossa/store"
	"github.com/glossa-app/glossa/store/storetest"
)

// classFolder is issue 21's class: 299 students publishing 20 notes each
// and one lecturer publishing 500 (notes of about 1,700 bytes, as
// storetest makes them), in one folder. It returns the folder and the
// lecturer's file name and bytes.
func classFolder(b *testing.B) (string, string, []byte) {
	b.Helper()
	doc := shippedDoc(b)
	dir := b.TempDir()
	lecturer := openGlossa(b, "Prof. Ada Lee")
	storetest.Fill(b, lecturer, doc, 500, 0)
	lfile := publish(b, lecturer, dir, nil)
	ldata, err := os.ReadFile(filepath.Join(dir, lfile))
	if err != nil {
		b.Fatal(err)
	}
	student := openGlossa(b, "Student")
	storetest.Fill(b, student, doc, 20, 0)
	sdir := b.TempDir()
	sfile := publish(b, student, sdir, nil)
	sdata, err := os.ReadFile(filepath.Join(sdir, sfile))
	if err != nil {
		b.Fatal(err)
	}
	sid, _ := student.ShareIdentity()
	name, _ := share.ParseName(sfile)
	for i := range 299 {
		person := fmt.Sprintf("%016x", 0x5000+i)
		data := strings.Replace(string(sdata), sid.Person, person, 1)
		data = strings.Replace(data, `"name": "Student"`, fmt.Sprintf(`"name": "Student %03d"`, i), 1)
		if err := os.WriteFile(filepath.Join(dir, share.FileName(person, name.Machine, name.Article)), []byte(data), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir, lfile, ldata
}

// BenchmarkRescan300 reads a class's folder from nothing: every file
// read, checked and decoded (target: under 2 s).
func BenchmarkRescan300(b *testing.B) {
	dir, _, _ := classFolder(b)
	b.ResetTimer()
	storetest.LoopCPU(b, func() {
		f := readerFolder(dir)
		f.Scan(nil)
		if n := len(f.Layers()); n != 300 {
			b.Fatalf("%d layers, want 300: %v", n, problemsOf(f.Status()))
		}
	})
}

// BenchmarkChangeVisible is the time from a new version of the
// lecturer's file landing in a watched class folder (renamed into place,
// as Glossa and Syncthing do) to its layer showing it (target: under 1 s).
func BenchmarkChangeVisible(b *testing.B) {
	dir, lfile, ldata := classFolder(b)
	f := readerFolder(dir)
	changed := make(chan struct{}, 1)
	f.Changed = func() {
		select {
		case changed <- struct{}{}:
		default:
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { f.Watch(ctx, time.Minute); close(done) }()
	defer func() { cancel(); <-done }()
	<-changed // the first scan
	path := filepath.Join(dir, lfile)
	i := 0
	b.ResetTimer()
	for b.Loop() {
		i++
		mark := fmt.Sprintf("**Note 0** (version %d)", i)
		data := strings.Replace(string(ldata), "**Note 0**", mark, 1)
		if err := atomicfile.Write(path, func(w io.Writer) error { _, err := io.WriteString(w, data); return err }); err != nil {
			b.Fatal(err)
		}
		for !lecturerShows(f, lfile, mark) {
			select {
			case <-changed:
			case <-time.After(30 * time.Second):
				b.Fatalf("version %d never reached the layer", i)
			}
		}
	}
}

func lecturerShows(f *share.Folder[*store.SharedLayer], file, mark string) bool {
	for _, l := range f.Layers() {
		if l.File == file {
			for _, n := range l.Content.Notes {
				if strings.HasPrefix(n.Body, mark) {
					return true
				}
			}
		}
	}
	return false
}
