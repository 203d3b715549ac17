package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/glossa-app/glossa/store"
)

// wantsBundle reports whether "notes export" was asked for a bundle, so
// that the Markdown export keeps its own code path.
func wantsBundle(args []string) bool {
	for i, a := range args {
		switch a {
		case "--format=bundle", "-format=bundle":
			return true
		case "--format", "-format":
			if i+1 < len(args) && args[i+1] == "bundle" {
				return true
			}
		}
	}
	return false
}

// runNotesExportBundle writes the notes bundle a classmate imports.
func runNotesExportBundle(e *env, args []string) int {
	fs := flag.NewFlagSet("notes export", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.String("format", "bundle", "output format: md (Markdown) or bundle (JSON to share)")
	outFile := fs.String("o", "", "write to FILE instead of standard output")
	if pos, err := parseInterspersed(fs, args); err != nil || len(pos) > 0 {
		if err == nil {
			fmt.Fprintf(e.stderr, "glossa notes export: unexpected %q\n", pos[0])
		}
		return 2
	}
	s, _, err := e.openArticle(e.article, false)
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa notes export:", err)
		return 1
	}
	defer s.Close()
	var buf bytes.Buffer
	n, err := s.ExportBundle(&buf)
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa notes export:", err)
		return 1
	}
	if *outFile == "" {
		io.Copy(e.stdout, &buf)
		return 0
	}
	if err := writeFileAtomic(*outFile, func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err }); err != nil {
		fmt.Fprintln(e.stderr, "glossa notes export:", err)
		return 1
	}
	fmt.Fprintf(e.stderr, "glossa: %d notes written to %s\n", n, *outFile)
	return 0
}

// runNotesImport merges a bundle into the database and says what it did.
func runNotesImport(e *env, args []string) int {
	fs := flag.NewFlagSet("notes import", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 1 {
		fmt.Fprintln(e.stderr, "usage: glossa notes import FILE   (a bundle made by \"glossa notes export --format bundle\")")
		return 2
	}
	data, err := readBundleFile(pos[0])
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa notes import:", err)
		return 1
	}
	s, _, err := e.openArticle(e.article, false)
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa notes import:", err)
		return 1
	}
	defer s.Close()
	res, err := s.ImportBundle(data)
	if errors.Is(err, store.ErrBadBundle) {
		fmt.Fprintf(e.stderr, "glossa notes import: %s: %v; nothing was imported\n", pos[0], err)
		return 1
	}
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa notes import:", errText(err))
		return 1
	}
	fmt.Fprintf(e.stdout, "%s: %s\n", pos[0], res)
	return 0
}

// readBundleFile reads at most the largest bundle an import accepts, so a
// wrong file (a disk image, say) is refused without reading it all.
func readBundleFile(path string) ([]byte, error) {
	// a pipe would block the open until someone writes to it
	if err := store.RegularFile(path); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, store.MaxBundleBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return data, nil
}
