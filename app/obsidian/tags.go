package obsidian

import (
	"regexp"
	"strings"
	"unicode"
)

// Tags cleans tags as typed to Obsidian's documented rules
// (help.obsidian.md, Tags): letters, numbers, "_" and "-", "/" for nested
// tags, no spaces, at least one character that is not a number. A tag
// typed as "a,b,c" is three tags; words are joined with "-"; dots and
// other punctuation become "-" ("3.3" is "n3-3", since a tag of numbers
// alone is no tag; a year is "y2024", as Obsidian's own help suggests;
// "§2.1" is "section-2-1");
// Anki's "::" nesting becomes "/". Tags with nothing left are dropped, and
// tags differing only in case (Obsidian's tags are case-insensitive) are
// one tag. The result has no "#".
func Tags(typed []string) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, t := range typed {
		for _, part := range strings.Split(t, ",") {
			tag := Tag(part)
			if tag == "" || seen[strings.ToLower(tag)] {
				continue
			}
			seen[strings.ToLower(tag)] = true
			out = append(out, tag)
		}
	}
	return out
}

var (
	dashes   = regexp.MustCompile(`-{2,}`)
	year     = regexp.MustCompile(`^(1[5-9]|20)\d\d$`)
	allDigit = regexp.MustCompile(`^[\d_/-]*$`)
)

// tagRune reports whether Obsidian accepts r in a tag.
func tagRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-' || r == '/'
}

// Tag cleans one tag (see Tags); "" when nothing is left.
func Tag(t string) string {
	t = strings.TrimSpace(strings.ReplaceAll(t, "::", "/"))
	t = strings.TrimLeft(t, "#")
	t = strings.ReplaceAll(t, "§", "section-")
	var levels []string
	for _, level := range strings.Split(t, "/") {
		level = strings.Map(func(r rune) rune {
			if tagRune(r) {
				return r
			}
			if unicode.IsMark(r) {
				return r // accents combined with their letter
			}
			return '-'
		}, level)
		level = strings.Trim(dashes.ReplaceAllString(level, "-"), "-")
		if level != "" {
			levels = append(levels, level)
		}
	}
	t = strings.Join(levels, "/")
	if t == "" {
		return ""
	}
	if allDigit.MatchString(t) {
		if year.MatchString(t) {
			return "y" + t
		}
		return "n" + t
	}
	return t
}

// ValidTag reports whether t (without "#") is a tag by Obsidian's rules.
func ValidTag(t string) bool {
	if t == "" || strings.HasPrefix(t, "/") || strings.HasSuffix(t, "/") || strings.Contains(t, "//") {
		return false
	}
	for _, r := range t {
		if !tagRune(r) && !unicode.IsMark(r) {
			return false
		}
	}
	return !allDigit.MatchString(t)
}

// BlockID makes id a block identifier: Obsidian's help says they "may
// only contain Latin letters, numbers, and dashes". Anything else
// (an "_" in an imported id, say) becomes "-".
func BlockID(id string) string {
	b := []byte(id)
	for i, c := range b {
		if !validBlockByte(c) {
			b[i] = '-'
		}
	}
	s := strings.Trim(dashes.ReplaceAllString(string(b), "-"), "-")
	if s == "" {
		return "note"
	}
	return s
}

// ValidBlockID reports whether id follows Obsidian's rule for block
// identifiers.
func ValidBlockID(id string) bool {
	if id == "" {
		return false
	}
	for i := 0; i < len(id); i++ {
		if !validBlockByte(id[i]) {
			return false
		}
	}
	return true
}

func validBlockByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
}
