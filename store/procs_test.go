package store

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/glossa-app/glossa/store/crashtest"
)

// TestTwoProcesses starts two Glossa processes (this test binary, again)
// on one new file at the same moment: both create and migrate it, import
// the article, add notes, change settings, search and back up as fast as
// they can. Both must finish without an error; "database is locked" must
// never reach them.
func TestTwoProcesses(t *testing.T) {
	const each = 150
	crashtest.Child("two-processes", func(out io.Writer) error {
		s, err := Open(os.Getenv("GLOSSA_TWOPROC_DB"))
		if err != nil {
			return err
		}
		defer s.Close()
		me := os.Getenv("GLOSSA_TWOPROC_NAME")
		for k := range each {
			if _, err := s.ImportArticle(docV1); err != nil {
				return err
			}
			n, err := s.AddQuoteNote("vague offences", fmt.Sprintf("%s note %d", me, k), []string{me})
			if err != nil {
				return err
			}
			n.Body += " edited"
			if _, err := s.UpdateNote(n); err != nil {
				return err
			}
			if err := s.SetSetting(SettingReadingPosition, me); err != nil {
				return err
			}
			if _, err := s.Search("offences", 5); err != nil {
				return err
			}
			if _, err := s.Notes(NoteFilter{Tag: me}); err != nil {
				return err
			}
			if k%50 == 0 {
				if err := s.Backup(filepath.Join(filepath.Dir(s.Path()), fmt.Sprintf("%s-%d.db", me, k))); err != nil {
					return err
				}
			}
			fmt.Fprintln(out, n.ID)
		}
		return nil
	})
	path := filepath.Join(t.TempDir(), "glossa.db")
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	type proc struct {
		cmd            *exec.Cmd
		stdout, stderr bytes.Buffer
	}
	var procs []*proc
	for _, name := range []string{"first", "second"} {
		p := &proc{cmd: exec.Command(exe, "-test.run=^TestTwoProcesses$", "-test.count=1")}
		p.cmd.Env = append(os.Environ(), crashtest.EnvVar+"=two-processes", "GLOSSA_TWOPROC_DB="+path, "GLOSSA_TWOPROC_NAME="+name)
		p.cmd.Stdout, p.cmd.Stderr = &p.stdout, &p.stderr
		procs = append(procs, p)
	}
	for _, p := range procs {
		if err := p.cmd.Start(); err != nil {
			t.Fatal(err)
		}
	}
	printed := 0
	for i, p := range procs {
		err := p.cmd.Wait()
		if err != nil || p.stderr.Len() > 0 {
			t.Errorf("process %d: %v: %s", i, err, p.stderr.String())
		}
		if strings.Contains(strings.ToLower(p.stderr.String()), "locked") {
			t.Errorf("process %d saw a lock error: %s", i, p.stderr.String())
		}
		printed += len(strings.Fields(p.stdout.String()))
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, name := range []string{"first", "second"} {
		notes, err := s.Notes(NoteFilter{Tag: name})
		if err != nil || len(notes) != each {
			t.Errorf("%s wrote %d notes, want %d (%v)", name, len(notes), each, err)
		}
		for _, n := range notes {
			if !strings.HasSuffix(n.Body, " edited") {
				t.Errorf("note %s lost its edit: %q", n.ID, n.Body)
			}
		}
	}
	if printed != 2*each {
		t.Errorf("%d note ids printed, want %d", printed, 2*each)
	}
	var ok string
	if err := s.db.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check = %q, %v", ok, err)
	}
}
