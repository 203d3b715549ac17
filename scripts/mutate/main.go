// Command mutate is a small mutation tester: it breaks a package's
// production code in one small way at a time (a comparison flipped, a
// condition negated, a statement dropped, an integer constant changed by
// one), runs the package's tests against each broken copy, and reports the
// mutants no test noticed. A mutant that survives is a rule of the code
// that no test states.
//
// Each mutant reaches the compiler through `go test -overlay`, so the
// tree is never copied or touched. Mutants on lines no test executes are
// reported as not covered without being run. -sample runs a seeded random
// subset per package when the whole set is too slow for the machine.
//
//	go run ./scripts/mutate -sample 60 ./app/anchor ./store
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// mutant is one small change: src[start:end] of file becomes repl.
type mutant struct {
	file       string // absolute path
	line, col  int
	start, end int
	repl       string
	what       string // for the report: "< -> <=", "drop statement", ...
}

type status int

const (
	killed status = iota
	lived
	timedOut
	notViable
	notCovered
)

func main() {
	sample := flag.Int("sample", 0, "run at most this many covered mutants per package, chosen at random (0: all)")
	seed := flag.Uint64("seed", 1, "seed of the sample")
	again := flag.String("again", "", "run only the mutants a previous run's output (this file) reports LIVED: are they killed now?")
	timeout := flag.Duration("timeout", 30*time.Second, "limit of one test run, build excluded (a mutant that loops forever is killed by it)")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: mutate [-sample N] [-seed S] ./pkg ...")
		os.Exit(2)
	}
	failed := false
	for _, pkg := range flag.Args() {
		if err := run(pkg, *sample, *seed, *timeout, *again); err != nil {
			fmt.Fprintf(os.Stderr, "mutate %s: %v\n", pkg, err)
			failed = true
		}
	}
	if failed {
		os.Exit(1)
	}
}

func run(pkg string, sample int, seed uint64, limit time.Duration, again string) error {
	dir, err := filepath.Abs(pkg)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "mutate-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	// The unmutated package must pass; its run time sets the timeout and
	// its coverage says which mutants a test could notice at all.
	profile := filepath.Join(tmp, "cover.out")
	if out, err := goTest(context.Background(), pkg, "", limit, "-coverprofile="+profile); err != nil {
		return fmt.Errorf("tests fail before any mutation:\n%s", out)
	}
	covered, err := readCoverage(profile)
	if err != nil {
		return err
	}

	all, err := findMutants(dir)
	if err != nil {
		return err
	}
	var runnable []mutant
	count := map[status]int{}
	for _, m := range all {
		if covered(m) {
			runnable = append(runnable, m)
		} else {
			count[notCovered]++
		}
	}
	if again != "" {
		prev, err := os.ReadFile(again)
		if err != nil {
			return err
		}
		var keep []mutant
		for _, m := range runnable {
			rel, _ := filepath.Rel(dir, m.file)
			if strings.Contains(string(prev), fmt.Sprintf("LIVED %s/%s:%d:%d %s\n", pkg, rel, m.line, m.col, m.what)) {
				keep = append(keep, m)
			}
		}
		runnable, sample = keep, 0
	}
	if sample > 0 && len(runnable) > sample {
		r := rand.New(rand.NewPCG(seed, 0))
		r.Shuffle(len(runnable), func(i, j int) { runnable[i], runnable[j] = runnable[j], runnable[i] })
		runnable = runnable[:sample]
		sort.Slice(runnable, func(i, j int) bool {
			a, b := runnable[i], runnable[j]
			return a.file < b.file || a.file == b.file && a.start < b.start
		})
	}
	fmt.Printf("== %s: %d mutants, %d on covered lines, running %d (timeout %v)\n", pkg, len(all), len(all)-count[notCovered], len(runnable), limit.Round(time.Second))

	var survivors []mutant
	for i, m := range runnable {
		st, err := try(pkg, tmp, m, limit)
		if err != nil {
			return err
		}
		count[st]++
		rel, _ := filepath.Rel(dir, m.file)
		switch st {
		case lived:
			survivors = append(survivors, m)
			fmt.Printf("   LIVED %s/%s:%d:%d %s\n", pkg, rel, m.line, m.col, m.what)
		case notViable:
			// a dropped statement can leave a variable unused: not a mutant
		default:
			if os.Getenv("MUTATE_VERBOSE") != "" {
				fmt.Printf("   %d/%d killed %s:%d %s\n", i+1, len(runnable), rel, m.line, m.what)
			}
		}
	}
	k, l := count[killed]+count[timedOut], count[lived]
	score := 100.0
	if k+l > 0 {
		score = 100 * float64(k) / float64(k+l)
	}
	fmt.Printf("-- %s: score %.1f%% (killed %d, lived %d, timed out %d, not viable %d, not covered %d)\n",
		pkg, score, count[killed], l, count[timedOut], count[notViable], count[notCovered])
	return nil
}

// try runs the package's tests with m applied through an overlay.
func try(pkg, tmp string, m mutant, limit time.Duration) (status, error) {
	src, err := os.ReadFile(m.file)
	if err != nil {
		return 0, err
	}
	mutated := string(src[:m.start]) + m.repl + string(src[m.end:])
	file := filepath.Join(tmp, "mutant.go")
	if err := os.WriteFile(file, []byte(mutated), 0o644); err != nil {
		return 0, err
	}
	overlay, _ := json.Marshal(map[string]map[string]string{"Replace": {m.file: file}})
	ovl := filepath.Join(tmp, "overlay.json")
	if err := os.WriteFile(ovl, overlay, 0o644); err != nil {
		return 0, err
	}
	// the test binary stops itself at limit; the context is for a build
	// that hangs
	ctx, cancel := context.WithTimeout(context.Background(), limit+5*time.Minute)
	defer cancel()
	out, err := goTest(ctx, pkg, ovl, limit)
	switch {
	case err == nil:
		return lived, nil
	case errors.Is(ctx.Err(), context.DeadlineExceeded), strings.Contains(out, "panic: test timed out"):
		return timedOut, nil
	case strings.Contains(out, "[build failed]") || strings.Contains(out, "[setup failed]"):
		return notViable, nil
	}
	return killed, nil
}

func goTest(ctx context.Context, pkg, overlay string, limit time.Duration, extra ...string) (string, error) {
	args := []string{"test", "-short", "-count=1", "-failfast", "-timeout=" + limit.String()}
	if overlay != "" {
		args = append(args, "-overlay="+overlay)
	}
	args = append(args, extra...)
	args = append(args, pkg)
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.WaitDelay = 5 * time.Second
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// readCoverage returns whether a test executes the statement holding a
// mutant, from a cover profile.
func readCoverage(path string) (func(mutant) bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	type block struct{ l0, c0, l1, c1 int }
	hit := map[string][]block{} // base name of the file -> executed blocks
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "mode:") {
			continue
		}
		// path/file.go:l0.c0,l1.c1 statements count
		colon := strings.LastIndex(line, ":")
		fields := strings.Fields(line[colon+1:])
		if colon < 0 || len(fields) != 3 || fields[2] == "0" {
			continue
		}
		var b block
		if _, err := fmt.Sscanf(fields[0], "%d.%d,%d.%d", &b.l0, &b.c0, &b.l1, &b.c1); err != nil {
			continue
		}
		name := filepath.Base(line[:colon])
		hit[name] = append(hit[name], b)
	}
	return func(m mutant) bool {
		for _, b := range hit[filepath.Base(m.file)] {
			after := m.line > b.l0 || m.line == b.l0 && m.col >= b.c0
			before := m.line < b.l1 || m.line == b.l1 && m.col <= b.c1
			if after && before {
				return true
			}
		}
		return false
	}, sc.Err()
}

var flips = map[token.Token]token.Token{
	token.LSS: token.LEQ, token.LEQ: token.LSS, token.GTR: token.GEQ, token.GEQ: token.GTR,
	token.EQL: token.NEQ, token.NEQ: token.EQL, token.LAND: token.LOR, token.LOR: token.LAND,
}

// findMutants lists the mutants of the package's non-test files.
func findMutants(dir string) ([]mutant, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	var out []mutant
	fset := token.NewFileSet()
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		f, err := parser.ParseFile(fset, path, src, 0)
		if err != nil {
			return nil, err
		}
		add := func(from, to token.Pos, repl, what string) {
			p := fset.Position(from)
			out = append(out, mutant{file: path, line: p.Line, col: p.Column,
				start: p.Offset, end: fset.Position(to).Offset, repl: repl, what: what})
		}
		text := func(n ast.Node) string {
			return string(src[fset.Position(n.Pos()).Offset:fset.Position(n.End()).Offset])
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.GenDecl:
				if n.Tok == token.CONST || n.Tok == token.IMPORT {
					return false // constants are named on purpose; their uses are mutated
				}
			case *ast.BinaryExpr:
				if to, ok := flips[n.Op]; ok {
					add(n.OpPos, n.OpPos+token.Pos(len(n.Op.String())), to.String(), n.Op.String()+" -> "+to.String())
				}
			case *ast.IfStmt:
				add(n.Cond.Pos(), n.Cond.End(), "!("+text(n.Cond)+")", "negate condition "+short(text(n.Cond)))
			case *ast.ForStmt:
				if n.Cond != nil {
					add(n.Cond.Pos(), n.Cond.End(), "!("+text(n.Cond)+")", "negate loop condition "+short(text(n.Cond)))
				}
			case *ast.BlockStmt:
				for _, s := range n.List {
					switch s := s.(type) {
					case *ast.ExprStmt, *ast.IncDecStmt:
						add(s.Pos(), s.End(), "", "drop statement "+short(text(s)))
					case *ast.AssignStmt:
						if s.Tok != token.DEFINE {
							add(s.Pos(), s.End(), "", "drop statement "+short(text(s)))
						}
					}
				}
			case *ast.BasicLit:
				if n.Kind == token.INT {
					if v, err := strconv.ParseInt(n.Value, 0, 64); err == nil {
						add(n.Pos(), n.End(), strconv.FormatInt(v+1, 10), fmt.Sprintf("constant %s -> %d", n.Value, v+1))
					}
				}
			}
			return true
		})
	}
	return out, nil
}

func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return strconv.Quote(s)
}
