package obsidian

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/glossa-app/glossa/app/atomicfile"
)

// ManifestFile lists, in the export folder, the files Glossa wrote there
// and what they held, so a re-export knows which files are its own.
// Obsidian does not show files whose name starts with a dot.
const ManifestFile = ".glossa-export.json"

type manifest struct {
	Version int               `json:"version"`
	Files   map[string]string `json:"files"` // path -> hex SHA-256 of what Glossa wrote
}

// Report says what Write did.
type Report struct {
	Written   []string // created or updated
	Unchanged []string
	Removed   []string // written by an earlier export, no longer exported, unedited
	// Kept are files of an earlier export the student edited since: an
	// updated file is written next to the edited one, which keeps its
	// text under a new name; a file no longer exported is left alone.
	Kept []string
	// Skipped are files the export would write where a file Glossa did
	// not write already is: they are left as they are.
	Skipped []string
}

func digest(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// Write writes files into dir (made if missing) and records them in
// the manifest. A file Glossa wrote before is replaced; one the student
// edited since is first renamed "NAME (edited DATE).md", so nothing they
// wrote is lost; a file Glossa did not write is never touched, even when
// it has the name of one the export would write.
func Write(dir string, files []File, now time.Time) (Report, error) {
	var rep Report
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return rep, fmt.Errorf("obsidian: make %s: %w", dir, err)
	}
	old := manifest{Files: map[string]string{}}
	if b, err := os.ReadFile(filepath.Join(dir, ManifestFile)); err == nil {
		if err := json.Unmarshal(b, &old); err != nil {
			return rep, fmt.Errorf("obsidian: %s in %s is damaged (%v): move it away to export into this folder again", ManifestFile, dir, err)
		}
		if old.Files == nil {
			old.Files = map[string]string{}
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return rep, fmt.Errorf("obsidian: read manifest: %w", err)
	}
	next := manifest{Version: 1, Files: map[string]string{}}
	written := map[string]bool{}
	for _, f := range files {
		rel := filepath.FromSlash(f.Path)
		if !filepath.IsLocal(rel) {
			return rep, fmt.Errorf("obsidian: file %q would leave the export folder", f.Path)
		}
		path := filepath.Join(dir, rel)
		written[f.Path] = true
		cur, err := os.ReadFile(path)
		exists := err == nil
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return rep, fmt.Errorf("obsidian: read %s: %w", path, err)
		}
		want, ours := old.Files[f.Path]
		switch {
		case exists && !ours:
			rep.Skipped = append(rep.Skipped, f.Path)
			continue
		case exists && digest(cur) == digest(f.Data):
			rep.Unchanged = append(rep.Unchanged, f.Path)
			next.Files[f.Path] = digest(f.Data)
			continue
		case exists && digest(cur) != want:
			kept, err := keepEdited(path, now)
			if err != nil {
				return rep, err
			}
			rep.Kept = append(rep.Kept, kept)
		}
		if err := writeFile(path, f.Data); err != nil {
			return rep, err
		}
		rep.Written = append(rep.Written, f.Path)
		next.Files[f.Path] = digest(f.Data)
	}
	paths := make([]string, 0, len(old.Files))
	for p := range old.Files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if written[p] {
			continue
		}
		path := filepath.Join(dir, filepath.FromSlash(p))
		cur, err := os.ReadFile(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return rep, fmt.Errorf("obsidian: read %s: %w", path, err)
		case digest(cur) == old.Files[p]:
			if err := os.Remove(path); err != nil {
				return rep, fmt.Errorf("obsidian: remove %s: %w", path, err)
			}
			rep.Removed = append(rep.Removed, p)
		default:
			rep.Kept = append(rep.Kept, p)
		}
	}
	b, _ := json.MarshalIndent(next, "", "  ")
	if err := writeFile(filepath.Join(dir, ManifestFile), b); err != nil {
		return rep, err
	}
	return rep, nil
}

// keepEdited renames a file the student edited after Glossa wrote it.
func keepEdited(path string, now time.Time) (string, error) {
	ext := filepath.Ext(path)
	base := strings.TrimSuffix(path, ext)
	for i := 1; ; i++ {
		name := fmt.Sprintf("%s (edited %s)%s", base, now.Format("2006-01-02"), ext)
		if i > 1 {
			name = fmt.Sprintf("%s (edited %s, %d)%s", base, now.Format("2006-01-02"), i, ext)
		}
		if _, err := os.Stat(name); errors.Is(err, fs.ErrNotExist) {
			if err := os.Rename(path, name); err != nil {
				return "", fmt.Errorf("obsidian: keep your edits of %s: %w", path, err)
			}
			return filepath.Base(name), nil
		}
	}
}

// writeFile writes through a temporary file, so an interrupted export
// never leaves half a note.
func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("obsidian: %w", err)
	}
	err := atomicfile.Write(path, func(w io.Writer) error { _, err := w.Write(data); return err })
	if err != nil {
		return fmt.Errorf("obsidian: %w", err)
	}
	return nil
}
