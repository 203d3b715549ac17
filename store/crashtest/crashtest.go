// Package crashtest kills a child process at random moments and lets the
// test check that everything the child said it had saved is still there.
//
// The child is the test binary itself, started again with an environment
// variable naming the role it plays. A test using it looks like:
//
//	func TestCrash(t *testing.T) {
//		crashtest.Child("writer", func(out io.Writer) error {
//			// loop forever: save something, then print its id
//		})
//		crashtest.Run(t, crashtest.Options{Child: "writer", Test: "TestCrash", Rounds: 50,
//			Check: func(t testing.TB, round int, printed []string) { ... }})
//	}
//
// Only complete lines count as printed: a line cut short by the kill was
// never claimed.
package crashtest

import (
	"bufio"
	"bytes"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// EnvVar names the role of a child process.
const EnvVar = "GLOSSA_CRASHTEST_CHILD"

// IsChild reports whether this process is the child called name.
func IsChild(name string) bool { return os.Getenv(EnvVar) == name }

// Child runs f when this process is the child called name, then exits;
// otherwise it returns at once. f writes one line per saved item to out,
// only after the item is safely stored. f normally loops until killed; if
// it returns nil the child exits 0, an error exits 1.
func Child(name string, f func(out io.Writer) error) {
	if !IsChild(name) {
		return
	}
	if err := f(os.Stdout); err != nil {
		os.Stderr.WriteString("crashtest child: " + err.Error() + "\n")
		os.Exit(1)
	}
	os.Exit(0)
}

// Options describe a crash test.
type Options struct {
	Child  string   // the role passed to Child
	Test   string   // the test the child runs (usually t.Name())
	Rounds int      // how many children are started and killed
	Env    []string // more environment for the child ("KEY=value")
	// MaxLines: each child is killed as soon as it has printed a random
	// number of lines between 1 and MaxLines (default 20), so the kill
	// lands at a different point of its work each time.
	MaxLines int
	// KillAfterStart kills some children before they print anything, to
	// cover a kill during start-up (opening and migrating, say).
	KillAfterStart bool
	Seed           uint64 // of the random choices; 0 picks one (logged)
	// Check runs after every kill with the complete lines the child of
	// this round printed.
	Check func(t testing.TB, round int, printed []string)
}

// Run starts the child o.Rounds times, kills it with SIGKILL (os.Process.Kill)
// at a random moment and calls o.Check after each kill.
func Run(t *testing.T, o Options) {
	t.Helper()
	if IsChild(o.Child) {
		t.Fatal("crashtest: Run called inside the child; call Child first")
	}
	if o.MaxLines <= 0 {
		o.MaxLines = 20
	}
	if o.Seed == 0 {
		o.Seed = rand.Uint64()
	}
	t.Logf("crashtest seed %d", o.Seed)
	rng := rand.New(rand.NewPCG(o.Seed, 0))
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	pattern := make([]string, 0, 2)
	for _, part := range strings.Split(o.Test, "/") {
		pattern = append(pattern, "^"+regexp.QuoteMeta(part)+"$")
	}
	for round := range o.Rounds {
		killAt := 1 + rng.IntN(o.MaxLines)
		if o.KillAfterStart && rng.IntN(5) == 0 {
			killAt = 0
		}
		printed := runOnce(t, exe, strings.Join(pattern, "/"), o, killAt)
		if o.Check != nil {
			o.Check(t, round, printed)
		}
		if t.Failed() {
			t.Fatalf("crashtest: stopped after round %d (seed %d)", round, o.Seed)
		}
	}
}

func runOnce(t *testing.T, exe, pattern string, o Options, killAt int) []string {
	t.Helper()
	cmd := exec.Command(exe, "-test.run="+pattern, "-test.count=1")
	cmd.Env = append(append(os.Environ(), EnvVar+"="+o.Child), o.Env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	killed := false
	kill := func() {
		if !killed {
			killed = true
			cmd.Process.Kill()
		}
	}
	if killAt == 0 {
		kill()
	}
	var printed []string
	r := bufio.NewReader(out)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			break // EOF: a line without its newline was cut by the kill
		}
		printed = append(printed, strings.TrimSuffix(line, "\n"))
		if len(printed) >= killAt {
			kill()
		}
	}
	err = cmd.Wait()
	if !killed {
		t.Fatalf("crashtest: child exited by itself after %d lines (%v): %s", len(printed), err, stderr.String())
	}
	return printed
}
