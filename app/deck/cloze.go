package deck

import (
	"fmt"
	"strconv"
	"strings"
)

// Gap is one {{cN::answer}} or {{cN::answer::hint}} of a cloze text.
type Gap struct {
	N          int
	Answer     string
	Hint       string
	Start, End int // byte offsets of the whole "{{...}}" in the text
}

// ParseCloze finds the gaps of a cloze text, in Anki's syntax. It fails on
// a text without gaps, an unclosed or nested gap, an empty answer or a
// number that is not a positive integer.
func ParseCloze(text string) ([]Gap, error) {
	var gaps []Gap
	rest, off := text, 0
	for {
		i := strings.Index(rest, "{{")
		if i < 0 {
			if j := strings.Index(rest, "}}"); j >= 0 {
				return nil, fmt.Errorf("cloze: \"}}\" at byte %d closes no gap", off+j)
			}
			break
		}
		if j := strings.Index(rest[:i], "}}"); j >= 0 {
			return nil, fmt.Errorf("cloze: \"}}\" at byte %d closes no gap", off+j)
		}
		start := off + i
		body := rest[i+2:]
		end := strings.Index(body, "}}")
		if end < 0 {
			return nil, fmt.Errorf("cloze: gap at byte %d is never closed with \"}}\"", start)
		}
		inner := body[:end]
		if strings.Contains(inner, "{{") {
			return nil, fmt.Errorf("cloze: gap at byte %d holds another gap", start)
		}
		g, err := parseGap(inner)
		if err != nil {
			return nil, fmt.Errorf("cloze: gap at byte %d: %w", start, err)
		}
		g.Start, g.End = start, start+2+end+2
		gaps = append(gaps, g)
		consumed := i + 2 + end + 2
		rest, off = rest[consumed:], off+consumed
	}
	if len(gaps) == 0 {
		return nil, fmt.Errorf("cloze: no {{c1::...}} gap in the text")
	}
	return gaps, nil
}

func parseGap(inner string) (Gap, error) {
	num, body, ok := strings.Cut(inner, "::")
	if !ok || len(num) < 2 || (num[0] != 'c' && num[0] != 'C') {
		return Gap{}, fmt.Errorf("want {{c1::answer}}, got {{%s}}", clip(inner))
	}
	n, err := strconv.Atoi(num[1:])
	if err != nil || n < 1 || num[1] == '+' {
		return Gap{}, fmt.Errorf("cloze number %q is not a positive integer", num[1:])
	}
	answer, hint, _ := strings.Cut(body, "::")
	if strings.TrimSpace(answer) == "" {
		return Gap{}, fmt.Errorf("empty answer")
	}
	return Gap{N: n, Answer: answer, Hint: hint}, nil
}

// Question is the cloze text with every gap hidden as "[...]" (or
// "[hint]"). Glossa asks all gaps of a card at once. A text that is not a
// valid cloze comes back unchanged.
func Question(text string) string {
	return replaceGaps(text, func(g Gap) string {
		if g.Hint != "" {
			return "[" + g.Hint + "]"
		}
		return "[...]"
	})
}

// Answer is the cloze text with every gap filled in.
func Answer(text string) string {
	return replaceGaps(text, func(g Gap) string { return g.Answer })
}

func replaceGaps(text string, fill func(Gap) string) string {
	gaps, err := ParseCloze(text)
	if err != nil {
		return text
	}
	var b strings.Builder
	last := 0
	for _, g := range gaps {
		b.WriteString(text[last:g.Start])
		b.WriteString(fill(g))
		last = g.End
	}
	b.WriteString(text[last:])
	return b.String()
}

// Question is what the learner sees before the answer.
func (c Card) Question() string {
	if c.Type == Cloze {
		return Question(c.Front)
	}
	return c.Front
}

// Answer is what the learner sees after showing the answer: for a cloze
// card the filled-in text, then the extra note if any.
func (c Card) Answer() string {
	if c.Type != Cloze {
		return c.Back
	}
	a := Answer(c.Front)
	if c.Back != "" {
		a += "\n\n" + c.Back
	}
	return a
}
