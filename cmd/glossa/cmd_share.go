package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/glossa-app/glossa/app/share"
	"github.com/glossa-app/glossa/store"
)

func init() {
	register(&command{name: "share", usage: "share publish|subscribe|unsubscribe|status", summary: "share notes, cards and plans with a class through a synced folder (run \"glossa share\" for details)", run: runShare})
}

const shareUsage = `usage:
  glossa share publish DIR --name NAME [--person ID]
        write your notes and cards to DIR (a folder Syncthing, Nextcloud, OneDrive, Dropbox or a
        network drive shares with the class) as <person>-<computer>.<article>.glossa.json;
        the window then keeps it up to date. --person ID: the id your other computer shows in
        "glossa share status", so both publish as one person and merge each other's notes
  glossa share subscribe DIR [--watch] [--for DURATION]
        read everyone else's file in DIR as a layer of its own (never mixed into your notes);
        --watch: stay and print a line whenever a layer changes (for DURATION, or until Ctrl-C)
  glossa share unsubscribe DIR
  glossa share status [--json]
        every file in the folders you publish to and subscribe to: who, how many notes, cards
        and plans, when published, and why a file was skipped
`

func runShare(e *env, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(e.stderr, shareUsage)
		return 2
	}
	switch args[0] {
	case "publish":
		return runSharePublish(e, args[1:])
	case "subscribe":
		return runShareSubscribe(e, args[1:])
	case "unsubscribe":
		return runShareUnsubscribe(e, args[1:])
	case "status":
		return runShareStatus(e, args[1:])
	case "help", "-h", "--help":
		fmt.Fprint(e.stdout, shareUsage)
		return 0
	}
	fmt.Fprintf(e.stderr, "glossa share: unknown action %q\n%s", args[0], shareUsage)
	return 2
}

// shareDir is DIR as the settings keep it: absolute, so that the window
// started from anywhere finds it.
func shareDir(e *env, action string, pos []string) (string, bool) {
	if len(pos) != 1 {
		fmt.Fprintf(e.stderr, "glossa share %s: name one folder\n%s", action, shareUsage)
		return "", false
	}
	dir, err := filepath.Abs(pos[0])
	if err != nil {
		fmt.Fprintf(e.stderr, "glossa share %s: %v\n", action, err)
		return "", false
	}
	return dir, true
}

func runSharePublish(e *env, args []string) int {
	fs := flag.NewFlagSet("share publish", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	name := fs.String("name", "", "the name the class sees")
	person := fs.String("person", "", "publish as this person id (your other computer's)")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return 2
	}
	dir, ok := shareDir(e, "publish", pos)
	if !ok {
		return 2
	}
	s, _, err := e.openStore()
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa share publish:", errText(err))
		return 1
	}
	defer s.Close()
	fail := func(err error) int {
		fmt.Fprintln(e.stderr, "glossa share publish:", errText(err))
		return 1
	}
	if *person != "" {
		if err := s.SetSharePerson(*person); err != nil {
			return fail(err)
		}
	}
	if *name != "" {
		if err := s.SetShareName(*name); err != nil {
			return fail(err)
		}
	}
	id, err := s.ShareIdentity()
	if err != nil {
		return fail(err)
	}
	if id.Name == "" {
		fmt.Fprintln(e.stderr, "glossa share publish: give the name your class will see: --name \"Prof. Ada Lee\"")
		return 2
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return fail(fmt.Errorf("%s is not a folder: make it (or let the sync engine make it) first", dir))
	}
	if err := s.SetSetting(store.SettingShareFolder, dir); err != nil {
		return fail(err)
	}
	if err := s.SetSetting(store.SettingSharePublish, "on"); err != nil {
		return fail(err)
	}
	p, err := s.SharePublisher(dir, nil)
	if err != nil {
		return fail(err)
	}
	wrote, err := p.Publish()
	if err != nil {
		return fail(err)
	}
	what := "published"
	if !wrote {
		what = "unchanged"
	}
	path := filepath.Join(dir, p.File)
	if l, err := readShareFile(path); err == nil {
		fmt.Fprintf(e.stdout, "%s: %s as %s (%s)\n", path, what, id.Name, counts(len(l.Notes), len(l.File.Cards), len(l.File.Plans)))
	} else {
		fmt.Fprintf(e.stdout, "%s: %s as %s\n", path, what, id.Name)
	}
	return 0
}

func readShareFile(path string) (*store.SharedLayer, error) {
	data, err := readBundleFile(path)
	if err != nil {
		return nil, err
	}
	return store.ParseShare(data)
}

func counts(notes, cards, plans int) string {
	plural := func(n int, one string) string {
		if n == 1 {
			return "1 " + one
		}
		return fmt.Sprintf("%d %ss", n, one)
	}
	return plural(notes, "note") + ", " + plural(cards, "card") + ", " + plural(plans, "plan")
}

func runShareSubscribe(e *env, args []string) int {
	fs := flag.NewFlagSet("share subscribe", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	watch := fs.Bool("watch", false, "stay and print a line whenever a layer changes")
	forTime := fs.Duration("for", 0, "with --watch: stop after this long (0: until Ctrl-C)")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return 2
	}
	dir, ok := shareDir(e, "subscribe", pos)
	if !ok {
		return 2
	}
	s, _, err := e.openStore()
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa share subscribe:", errText(err))
		return 1
	}
	defer s.Close()
	subs, err := s.ShareSubscriptions()
	if err == nil && !slices.Contains(subs, dir) {
		err = s.SetShareSubscriptions(append(subs, dir))
	}
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa share subscribe:", errText(err))
		return 1
	}
	f, err := s.ShareFolder(dir)
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa share subscribe:", errText(err))
		return 1
	}
	if !*watch {
		f.Scan(nil)
		printStatus(e, f.Status())
		return 0
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if *forTime > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, *forTime)
		defer cancel()
	}
	// one line per layer that changed, stamped to the millisecond, so a
	// script can measure how long a change took to arrive
	seen := map[string]string{}
	f.Changed = func() {
		now := time.Now().Format("15:04:05.000")
		for _, st := range f.Status() {
			line := statusLine(st)
			if seen[st.File] != line {
				seen[st.File] = line
				fmt.Fprintf(e.stdout, "%s %s\n", now, line)
			}
		}
	}
	f.Watch(ctx, share.Rescan)
	return 0
}

func runShareUnsubscribe(e *env, args []string) int {
	dir, ok := shareDir(e, "unsubscribe", args)
	if !ok {
		return 2
	}
	s, _, err := e.openStore()
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa share unsubscribe:", errText(err))
		return 1
	}
	defer s.Close()
	subs, err := s.ShareSubscriptions()
	if err == nil {
		err = s.SetShareSubscriptions(slices.DeleteFunc(subs, func(d string) bool { return d == dir }))
	}
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa share unsubscribe:", errText(err))
		return 1
	}
	return 0
}

func runShareStatus(e *env, args []string) int {
	fs := flag.NewFlagSet("share status", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, "print JSON: [{person, name, article, notes, cards, updated, problems, ...}]")
	if pos, err := parseInterspersed(fs, args); err != nil || len(pos) > 0 {
		return 2
	}
	s, _, err := e.openStore()
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa share status:", errText(err))
		return 1
	}
	defer s.Close()
	dirs, err := shareFolders(s)
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa share status:", errText(err))
		return 1
	}
	all := []share.Status{}
	for _, dir := range dirs {
		f, err := s.ShareFolder(dir)
		if err != nil {
			fmt.Fprintln(e.stderr, "glossa share status:", errText(err))
			return 1
		}
		f.Scan(nil)
		all = append(all, f.Status()...)
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.Encode(all)
		return 0
	}
	id, err := s.ShareIdentity()
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa share status:", errText(err))
		return 1
	}
	name := id.Name
	if name == "" {
		name = "(no name yet: glossa share publish DIR --name NAME)"
	}
	fmt.Fprintf(e.stdout, "You: %s, person %s, this computer %s\n", name, id.Person, id.Machine)
	if len(dirs) == 0 {
		fmt.Fprintln(e.stdout, "No shared folder yet: glossa share publish DIR --name NAME, glossa share subscribe DIR")
	}
	printStatus(e, all)
	return 0
}

// shareFolders is every folder published to or subscribed to, once each.
func shareFolders(s *store.Store) ([]string, error) {
	dirs, err := s.ShareSubscriptions()
	if err != nil {
		return nil, err
	}
	pub, ok, err := s.Setting(store.SettingShareFolder)
	if err != nil {
		return nil, err
	}
	if on, _, _ := s.Setting(store.SettingSharePublish); ok && on == "on" && !slices.Contains(dirs, pub) {
		dirs = append([]string{pub}, dirs...)
	}
	return dirs, nil
}

func printStatus(e *env, all []share.Status) {
	dir := ""
	for _, st := range all {
		if st.Folder != dir {
			dir = st.Folder
			fmt.Fprintf(e.stdout, "%s:\n", dir)
		}
		fmt.Fprintf(e.stdout, "  %s\n", statusLine(st))
	}
}

// printable is a file name as a terminal may show it: anyone who can
// write to the folder chooses the names in it.
func printable(name string) string {
	if strings.IndexFunc(name, func(r rune) bool { return !unicode.IsPrint(r) }) >= 0 {
		return strconv.Quote(name)
	}
	return name
}

// statusLine is one file of a status list in words.
func statusLine(st share.Status) string {
	if st.File == "" {
		return "the folder: " + strings.Join(st.Problems, "; ")
	}
	who := st.Name
	switch {
	case st.Self:
		who += " (you, this computer)"
	case st.Own:
		who += " (you, another computer: merged into your notes)"
	}
	var b strings.Builder
	if st.Person != "" && (st.Name != "" || st.Self) {
		fmt.Fprintf(&b, "%s: %s", who, counts(st.Notes, st.Cards, st.Plans))
		if st.Updated != "" {
			if t, err := time.Parse(time.RFC3339, st.Updated); err == nil {
				fmt.Fprintf(&b, ", published %s", t.Local().Format("2 Jan 15:04:05"))
			}
		}
	} else {
		b.WriteString(printable(st.File))
	}
	if len(st.Problems) > 0 {
		if b.Len() > 0 && st.Name != "" {
			fmt.Fprintf(&b, " [%s]", printable(st.File))
		}
		fmt.Fprintf(&b, ": %s", strings.Join(st.Problems, "; "))
	}
	return b.String()
}
