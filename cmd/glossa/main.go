// Command glossa is the Glossa study app: with no subcommand it opens the
// window; subcommands give headless access for scripts and tests.
package main

import (
	// First: keeps Fyne from logging "Error parsing user locale C" under the
	// C locale, which would bury every command's one-line message.
	_ "github.com/glossa-app/glossa/cmd/glossa/internal/cleanlocale"

	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// env is what every subcommand gets: its output streams and the global
// options parsed before the subcommand name.
type env struct {
	stdout, stderr io.Writer
	db             string // --db or GLOSSA_DB; "" means the default location
	article        string // --article of a command that takes it ("" the shipped article)
}

// command is one subcommand. Each lives in its own file (cmd_<name>.go)
// and registers itself in init, so subcommands never edit this file.
type command struct {
	name    string
	usage   string // one line: "check [FILE] [--json]"
	summary string
	run     func(e *env, args []string) int
}

var commands = map[string]*command{}

func register(c *command) {
	if _, dup := commands[c.name]; dup {
		panic("glossa: command registered twice: " + c.name)
	}
	commands[c.name] = c
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run parses the global flags, then either dispatches to a subcommand or
// starts the GUI. It returns the process exit code.
func run(args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr, db: os.Getenv("GLOSSA_DB")}
	fs := flag.NewFlagSet("glossa", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&e.db, "db", e.db, "path of the study database (default: the user's data directory; env GLOSSA_DB)")
	gui := addGUIFlags(fs)
	// --help is asked for, so it goes to standard output (glossa --help | less);
	// a mistyped flag gets the flag package's one line and a pointer, on stderr.
	fs.Usage = func() {}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			usage(stdout, fs)
			return 0
		}
		fmt.Fprintln(stderr, `glossa: run "glossa help" for the commands and options`)
		return 2
	}
	rest := fs.Args()
	if len(rest) == 0 {
		return runGUI(e, gui)
	}
	if rest[0] == "help" {
		usage(stdout, fs)
		return 0
	}
	c, ok := commands[rest[0]]
	if !ok {
		fmt.Fprintf(stderr, "glossa: unknown command %q (run \"glossa help\" for the list)\n", rest[0])
		return 2
	}
	return c.run(e, rest[1:])
}

func usage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintln(w, "Glossa: study one footnoted article (the 2024 UN Cybercrime Convention).")
	fmt.Fprintln(w, "\nUsage:\n  glossa [--db PATH] [window options]     open the window")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		c := commands[n]
		fmt.Fprintf(w, "  glossa [--db PATH] %-22s %s\n", c.usage, c.summary)
	}
	fmt.Fprintln(w, "\nOptions:")
	var b strings.Builder
	fs.SetOutput(&b)
	fs.PrintDefaults()
	fmt.Fprint(w, b.String())
}
