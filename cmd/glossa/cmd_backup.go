package main

import (
	"flag"
	"fmt"
	"time"

	"github.com/glossa-app/glossa/store"
)

func init() {
	register(&command{name: "backup", usage: "backup [FILE]", summary: "copy the study database to FILE (default: the backups folder)", run: runBackup})
	register(&command{name: "restore", usage: "restore FILE", summary: "replace the study database with a backup (the current one is saved first)", run: runRestore})
}

func runBackup(e *env, args []string) int {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) > 1 {
		fmt.Fprintln(e.stderr, "usage: glossa backup [FILE]")
		return 2
	}
	s, _, err := e.openStore()
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa backup:", err)
		return 1
	}
	defer s.Close()
	var file string
	if len(pos) == 1 {
		file = pos[0]
		err = s.Backup(file)
	} else {
		file, err = s.BackupNow(time.Now())
	}
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa backup:", errText(err))
		return 1
	}
	fmt.Fprintln(e.stdout, file)
	return 0
}

func runRestore(e *env, args []string) int {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 1 {
		fmt.Fprintln(e.stderr, "usage: glossa restore FILE")
		return 2
	}
	if err := store.RegularFile(pos[0]); err != nil {
		fmt.Fprintln(e.stderr, "glossa restore:", err)
		return 1
	}
	s, doc, err := e.openStore()
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa restore:", err)
		return 1
	}
	defer s.Close()
	saved, err := s.Restore(pos[0])
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa restore:", errText(err))
		return 1
	}
	// The backup may hold another version of the article: place its notes
	// in this one.
	if _, err := s.ImportArticle(doc); err != nil {
		fmt.Fprintln(e.stderr, "glossa restore:", err)
		return 1
	}
	fmt.Fprintf(e.stdout, "Restored %s. The database as it was before is saved in %s.\n", pos[0], saved)
	return 0
}
