package article

import (
	"regexp"
	"strings"
)

// The heading rules every front end shares. Law articles number their
// parts in many ways: "2.1", Roman "IV.", "II.A.", "II.A.1.", letters
// "B." and "(c)", or not at all; the number is split from the title so the
// contents show it, and its shape gives the level when the markup does not.

var (
	romanNum    = regexp.MustCompile(`^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$`)
	romanHead   = regexp.MustCompile(`^((?:[IVXLCDM]+)(?:\.[A-Z])?(?:\.[0-9]{1,2})?)[.)]\s+(\S.*)$`)
	letterHead  = regexp.MustCompile(`^([A-Z])[.)]\s+(\S.*)$`)
	lowerHead   = regexp.MustCompile(`^\(?([a-z])[.)]\s+(\S.*)$`)
	arabicParen = regexp.MustCompile(`^([0-9]{1,2})\)\s+(\S.*)$`)
)

// SplitHeading splits a heading's text into its printed number (without
// the final dot: "2.1", "IV", "II.A", "B", "c") and its title. A heading
// without a number gives "" and the whole text.
func SplitHeading(s string) (number, title string) {
	s = strings.TrimSpace(s)
	for _, em := range []string{"**", "__", "*", "_"} {
		if len(s) > 2*len(em) && strings.HasPrefix(s, em) && strings.HasSuffix(s, em) {
			s = strings.TrimSpace(s[len(em) : len(s)-len(em)])
			break
		}
	}
	if num, n := readSectionNumber(s); n > 0 {
		if t := strings.TrimSpace(s[n:]); t != "" {
			return num, t
		}
	}
	if m := romanHead.FindStringSubmatch(s); m != nil {
		head, _, _ := strings.Cut(m[1], ".")
		if romanNum.MatchString(head) {
			return m[1], m[2]
		}
	}
	for _, re := range []*regexp.Regexp{letterHead, lowerHead, arabicParen} {
		if m := re.FindStringSubmatch(s); m != nil {
			return m[1], m[2]
		}
	}
	return "", s
}

// headingLevel is the level a number's shape gives when the markup gives
// none; open holds the numbers of the open headings by level.
func headingLevel(num string, open []string) int {
	switch {
	case num == "":
		return max(1, len(open))
	case num[0] >= '0' && num[0] <= '9':
		if strings.Contains(num, ".") {
			return strings.Count(num, ".") + 1
		}
		if len(open) > 0 && open[0] != "" && !isDigits(open[0]) {
			return len(open) + 1 // "1." under "A." under "I."
		}
		return 1
	case len(num) == 1 && num[0] >= 'a' && num[0] <= 'z':
		return len(open) + 1
	case len(num) == 1 && num[0] >= 'A' && num[0] <= 'Z':
		// "A." sits under a Roman part when one is open, unless it is
		// that part's successor ("V." after "IV." is a part of its own).
		if len(open) > 0 && isRoman(open[0]) {
			if romanValue(num) > 0 && romanValue(num) == romanValue(open[0])+1 {
				return 1
			}
			return 2
		}
		return 1
	default:
		return strings.Count(num, ".") + 1 // "IV" 1, "II.A" 2, "II.A.1" 3
	}
}

func isRoman(s string) bool {
	head, _, _ := strings.Cut(s, ".")
	return head != "" && romanNum.MatchString(head)
}

// romanValue is the value of a Roman numeral (the part before any dot),
// 0 when it is none.
func romanValue(s string) int {
	head, _, _ := strings.Cut(s, ".")
	if head == "" || !romanNum.MatchString(head) {
		return 0
	}
	vals := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100, 'D': 500, 'M': 1000}
	total := 0
	for i := 0; i < len(head); i++ {
		v := vals[head[i]]
		if i+1 < len(head) && vals[head[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	return total
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != '.' {
			return false
		}
	}
	return s != ""
}

// LooksLikeHeading reports a paragraph that is a heading without heading
// markup, as Word and web pages often print them: a short line, wholly
// bold or in capitals, that the heading rules number ("I. INTRODUCTION",
// "**II.A. Standing**") or that is all capitals and bold. Sentences (a
// final period after the title) and lines with note references are text.
func LooksLikeHeading(t Text) bool {
	s := strings.TrimSpace(t.Text)
	if s == "" || len(s) > 160 || len(t.Refs) > 0 || strings.HasSuffix(s, ".") || strings.HasSuffix(s, ",") {
		return false
	}
	bold := false
	for _, sp := range t.Spans {
		if sp.Style&Bold != 0 && sp.Start <= len(t.Text)-len(strings.TrimLeft(t.Text, " ")) && sp.End >= len(strings.TrimRight(t.Text, " ")) {
			bold = true
		}
	}
	num, title := SplitHeading(s)
	caps := strings.ToUpper(title) == title && strings.ToLower(title) != title
	switch {
	case num != "" && (bold || caps):
		return true
	case num == "" && bold && caps:
		return true
	}
	return false
}
