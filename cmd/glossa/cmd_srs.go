package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/glossa-app/glossa/app/srs"
)

func init() {
	register(&command{
		name:    "srs",
		usage:   "srs simulate --start RFC3339 --ratings LETTERS [--json]",
		summary: "replay ratings (A, H, G, E) on a new card with FSRS, fuzz off",
		run:     runSRS,
	})
}

// simStep is one line of "srs simulate --json".
type simStep struct {
	Rating       string  `json:"rating"`
	Due          string  `json:"due"`
	IntervalDays int     `json:"interval_days"`
	Stability    float64 `json:"stability"`
	Difficulty   float64 `json:"difficulty"`
	State        string  `json:"state"`
}

func runSRS(e *env, args []string) int {
	if len(args) == 0 || args[0] != "simulate" {
		fmt.Fprintln(e.stderr, "usage: glossa srs simulate --start RFC3339 --ratings LETTERS [--json]")
		return 2
	}
	fs := flag.NewFlagSet("srs simulate", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	startFlag := fs.String("start", "", "time of the first review, RFC 3339 (e.g. 2022-11-29T12:30:00Z)")
	ratingsFlag := fs.String("ratings", "", "one letter per review: A again, H hard, G good, E easy")
	asJSON := fs.Bool("json", false, "print one JSON object per review")
	if err := fs.Parse(args[1:]); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "glossa srs simulate: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	steps, err := simulate(*startFlag, *ratingsFlag)
	if err != nil {
		fmt.Fprintf(e.stderr, "glossa srs simulate: %v\n", err)
		return 2
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		for _, s := range steps {
			if err := enc.Encode(s); err != nil {
				fmt.Fprintf(e.stderr, "glossa srs simulate: %v\n", err)
				return 1
			}
		}
		return 0
	}
	printSimTable(e.stdout, steps)
	return 0
}

// simulate reviews a new card once per letter, each review at the due time
// the one before set, with the default scheduler and fuzz off.
func simulate(start, letters string) ([]simStep, error) {
	if start == "" {
		return nil, fmt.Errorf("--start is required")
	}
	now, err := time.Parse(time.RFC3339, start)
	if err != nil {
		return nil, fmt.Errorf("--start %q: want RFC 3339 such as 2022-11-29T12:30:00Z: %w", start, err)
	}
	if letters == "" {
		return nil, fmt.Errorf("--ratings is required (letters A, H, G, E)")
	}
	s := srs.NewScheduler()
	var c srs.Card
	steps := make([]simStep, 0, len(letters))
	for i, ch := range letters {
		if strings.ContainsRune(" ,", ch) {
			continue
		}
		r, err := ratingLetter(ch)
		if err != nil {
			return nil, fmt.Errorf("--ratings: letter %d: %w", i+1, err)
		}
		if c, _, err = s.Review(c, r, now); err != nil {
			return nil, fmt.Errorf("review %d: %w", len(steps)+1, err)
		}
		steps = append(steps, simStep{
			Rating:       r.String(),
			Due:          c.Due.Format(time.RFC3339),
			IntervalDays: int(c.Due.Sub(now) / (24 * time.Hour)),
			Stability:    c.Stability,
			Difficulty:   c.Difficulty,
			State:        c.State.String(),
		})
		now = c.Due
	}
	return steps, nil
}

func ratingLetter(ch rune) (srs.Rating, error) {
	switch ch {
	case 'A', 'a':
		return srs.Again, nil
	case 'H', 'h':
		return srs.Hard, nil
	case 'G', 'g':
		return srs.Good, nil
	case 'E', 'e':
		return srs.Easy, nil
	}
	return 0, fmt.Errorf("%q is not a rating (want A, H, G or E)", ch)
}

func printSimTable(w io.Writer, steps []simStep) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "#\trating\tstate\tdue\tdays\tstability\tdifficulty\t")
	for i, s := range steps {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%.4f\t%.4f\t\n", i+1, s.Rating, s.State, s.Due, s.IntervalDays, s.Stability, s.Difficulty)
	}
	tw.Flush()
}
