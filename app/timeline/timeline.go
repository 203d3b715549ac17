// Package timeline reads the timeline shipped with Glossa: the dated
// events the article discusses, written in a Markdown file people can read
// and edit (one event per "## id" section of "key: value" fields), each
// tied to the paragraph of the article that tells of it.
//
// An event names its paragraph by ID and also quotes it, so that when the
// parser's IDs change (a repaired opening, a moved paragraph) the quote
// finds the paragraph again. The package has no dependency on Fyne or SQL.
package timeline

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/glossa-app/glossa/app/anchor"
	"github.com/glossa-app/glossa/app/article"
)

// Event is one dated event as written in the file.
type Event struct {
	ID          string
	Date        string // as shown: "1954", "29 April 1954", "October 2025", "late 1970s", "1990s"
	Text        string // what happened, in a sentence or two
	ParagraphID string // the paragraph that tells of it, when the file was written
	Quote       string // verbatim words of that paragraph, to find it again
	Line        int    // line of the event's "## id" heading
	When        When   // Date read for ordering and drawing
}

// When is a date read from Event.Date. Month and Day are 0 when the date
// does not give them; Decade is set for "1990s" and "late 1970s".
type When struct {
	Year, Month, Day int
	Decade           bool
}

// Value places the date on a year axis: 2024.98 for 24 December 2024,
// 1977 for "late 1970s", mid-year for a bare year.
func (w When) Value() float64 {
	v := float64(w.Year)
	switch {
	case w.Decade:
	case w.Month == 0:
		v += 0.5
	default:
		v += (float64(w.Month-1) + float64(max(w.Day, 15)-1)/31) / 12
	}
	return v
}

// Before orders dates; a bare year sorts before its dated days.
func (w When) Before(o When) bool {
	if w.Year != o.Year {
		return w.Year < o.Year
	}
	if w.Month != o.Month {
		return w.Month < o.Month
	}
	return w.Day < o.Day
}

// Error is a problem with the timeline source at a line.
type Error struct {
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("timeline:%d: %s", e.Line, e.Msg) }

// ErrorList is every problem Parse found, in line order.
type ErrorList []*Error

func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

var (
	idPattern    = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)
	fieldPattern = regexp.MustCompile(`^([a-z]+):(?:[ \t]+(.*))?$`)
	months       = map[string]int{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
		"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12}
)

// ParseDate reads the date forms the timeline uses: "1954", "April 1954",
// "29 April 1954", "1990s" and "early", "mid" or "late" before a decade.
func ParseDate(s string) (When, error) {
	f := strings.Fields(s)
	bad := fmt.Errorf("date %q is not \"YYYY\", \"Month YYYY\", \"D Month YYYY\" or \"[early|mid|late] YYYYs\"", s)
	year := func(t string) (int, bool) {
		y, err := strconv.Atoi(t)
		return y, err == nil && len(t) == 4
	}
	switch len(f) {
	case 1:
		if d, ok := strings.CutSuffix(f[0], "s"); ok {
			if y, ok := year(d); ok && y%10 == 0 {
				return When{Year: y, Decade: true}, nil
			}
			return When{}, bad
		}
		if y, ok := year(f[0]); ok {
			return When{Year: y}, nil
		}
	case 2:
		if d, ok := strings.CutSuffix(f[1], "s"); ok {
			y, ok := year(d)
			off := map[string]int{"early": 1, "mid": 5, "late": 7}[f[0]]
			if ok && y%10 == 0 && off > 0 {
				return When{Year: y + off, Decade: true}, nil
			}
			return When{}, bad
		}
		m, okm := months[strings.ToLower(f[0])]
		if y, ok := year(f[1]); ok && okm {
			return When{Year: y, Month: m}, nil
		}
	case 3:
		d, err := strconv.Atoi(f[0])
		m, okm := months[strings.ToLower(f[1])]
		if y, ok := year(f[2]); ok && okm && err == nil && d >= 1 && d <= 31 {
			return When{Year: y, Month: m, Day: d}, nil
		}
	}
	return When{}, bad
}

// Parse reads a timeline. Everything before the first "## " heading is the
// file's own documentation. Each event holds "date:", "event:",
// "paragraph:" and "quote:" lines; a value continues on following lines
// indented by a space or a tab. Parse reports every problem with its line
// and returns the events without problems too, in date order.
func Parse(src []byte) ([]Event, error) {
	var (
		events []Event
		errs   ErrorList
		cur    *Event
		field  *string
		ids    = map[string]int{}
	)
	finish := func() {
		if cur == nil {
			return
		}
		e := *cur
		cur = nil
		ok := true
		fail := func(msg string) {
			errs = append(errs, &Error{e.Line, fmt.Sprintf("event %s: %s", e.ID, msg)})
			ok = false
		}
		for _, f := range []struct{ name, v string }{{"date", e.Date}, {"event", e.Text}, {"paragraph", e.ParagraphID}, {"quote", e.Quote}} {
			if f.v == "" {
				fail("no " + f.name + ":")
			}
		}
		if e.Date != "" {
			w, err := ParseDate(e.Date)
			if err != nil {
				fail(err.Error())
			}
			e.When = w
		}
		if ok {
			events = append(events, e)
		}
	}
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), " \t\r")
		if id, ok := strings.CutPrefix(line, "## "); ok {
			finish()
			id = strings.TrimSpace(id)
			cur, field = &Event{ID: id, Line: n}, nil
			if !idPattern.MatchString(id) {
				errs = append(errs, &Error{n, fmt.Sprintf("event id %q: use lower-case letters, digits and single hyphens", id)})
			} else if first, dup := ids[id]; dup {
				errs = append(errs, &Error{n, fmt.Sprintf("event id %q already used at line %d", id, first)})
			}
			ids[id] = n
			continue
		}
		if cur == nil {
			continue
		}
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "<!--") && strings.HasSuffix(trimmed, "-->"):
			field = nil
		case line[0] == ' ' || line[0] == '\t':
			if field == nil {
				errs = append(errs, &Error{n, "indented line continues no field"})
				continue
			}
			*field += " " + trimmed
		default:
			m := fieldPattern.FindStringSubmatch(line)
			if m == nil {
				errs = append(errs, &Error{n, fmt.Sprintf("%q is not a \"key: value\" line", trimmed)})
				field = nil
				continue
			}
			switch m[1] {
			case "date":
				field = &cur.Date
			case "event":
				field = &cur.Text
			case "paragraph":
				field = &cur.ParagraphID
			case "quote":
				field = &cur.Quote
			default:
				errs = append(errs, &Error{n, fmt.Sprintf("unknown field %q (date, event, paragraph, quote)", m[1])})
				field = nil
				continue
			}
			if *field != "" {
				errs = append(errs, &Error{n, fmt.Sprintf("field %q given twice", m[1])})
			}
			*field = strings.TrimSpace(m[2])
		}
	}
	finish()
	sort.SliceStable(events, func(i, j int) bool { return events[i].When.Before(events[j].When) })
	if len(errs) > 0 {
		sort.SliceStable(errs, func(i, j int) bool { return errs[i].Line < errs[j].Line })
		return events, errs
	}
	return events, nil
}

// Placed is an event tied to a paragraph of the current article.
type Placed struct {
	Event
	Paragraph int    // index in Document.Paragraphs
	Section   string // number of the paragraph's section
	// Moved is set when the paragraph ID in the file is no longer the
	// quoted paragraph's ID: the quote found it.
	Moved bool
}

// Resolve ties every event to its paragraph in doc: the paragraph named by
// ID when it still holds the quote, otherwise the one paragraph the quote
// is found in. Events found nowhere come back as errors, in order.
func Resolve(events []Event, doc *article.Document) ([]Placed, []error) {
	byID := make(map[string]int, len(doc.Paragraphs))
	for i, p := range doc.Paragraphs {
		byID[p.ID] = i
	}
	var out []Placed
	var errs []error
	for _, e := range events {
		if i, ok := byID[e.ParagraphID]; ok {
			if _, _, _, found := anchor.Find(doc.Paragraphs[i:i+1], e.Quote); found {
				out = append(out, Placed{Event: e, Paragraph: i, Section: doc.Paragraphs[i].Section})
				continue
			}
		}
		i, _, _, found := anchor.Find(doc.Paragraphs, e.Quote)
		if !found {
			errs = append(errs, fmt.Errorf("timeline:%d: event %s: its quote %q is in no paragraph of the article, and paragraph %s does not hold it", e.Line, e.ID, e.Quote, e.ParagraphID))
			continue
		}
		if _, _, _, again := anchor.Find(doc.Paragraphs[i+1:], e.Quote); again {
			errs = append(errs, fmt.Errorf("timeline:%d: event %s: its quote %q is in several paragraphs; quote more words", e.Line, e.ID, e.Quote))
			continue
		}
		out = append(out, Placed{Event: e, Paragraph: i, Section: doc.Paragraphs[i].Section, Moved: true})
	}
	return out, errs
}

// Load parses src and resolves it against doc, the way the app and the
// command line read the shipped timeline. err joins every problem; the
// events that did resolve are returned too.
func Load(src []byte, doc *article.Document) ([]Placed, error) {
	events, perr := Parse(src)
	placed, rerrs := Resolve(events, doc)
	var msgs []string
	if perr != nil {
		msgs = append(msgs, perr.Error())
	}
	for _, e := range rerrs {
		msgs = append(msgs, e.Error())
	}
	if len(msgs) > 0 {
		return placed, fmt.Errorf("%s", strings.Join(msgs, "\n"))
	}
	return placed, nil
}
