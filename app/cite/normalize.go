package cite

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// fold maps a rune to its unaccented ASCII letter where one exists, so that
// "MÄLKSOO" and "MALKSOO" match. Letters outside Latin (Cyrillic, Han) are
// kept as they are.
func fold(r rune) rune {
	if r < utf8.RuneSelf {
		return r
	}
	if f, ok := foldTable[r]; ok {
		return f
	}
	return r
}

var foldTable = func() map[rune]rune {
	m := map[rune]rune{}
	add := func(base rune, variants string) {
		for _, v := range variants {
			m[v] = base
		}
	}
	add('A', "ÀÁÂÃÄÅĀĂĄ")
	add('a', "àáâãäåāăą")
	add('C', "ÇĆĈĊČ")
	add('c', "çćĉċč")
	add('D', "ĎĐ")
	add('d', "ďđ")
	add('E', "ÈÉÊËĒĔĖĘĚ")
	add('e', "èéêëēĕėęě")
	add('G', "ĜĞĠĢ")
	add('g', "ĝğġģ")
	add('I', "ÌÍÎÏĨĪĬĮİ")
	add('i', "ìíîïĩīĭįı")
	add('L', "ĹĻĽĿŁ")
	add('l', "ĺļľŀł")
	add('N', "ÑŃŅŇ")
	add('n', "ñńņň")
	add('O', "ÒÓÔÕÖØŌŎŐ")
	add('o', "òóôõöøōŏő")
	add('R', "ŔŖŘ")
	add('r', "ŕŗř")
	add('S', "ŚŜŞŠ")
	add('s', "śŝşšß")
	add('T', "ŢŤŦ")
	add('t', "ţťŧ")
	add('U', "ÙÚÛÜŨŪŬŮŰŲ")
	add('u', "ùúûüũūŭůűų")
	add('Y', "ÝŸ")
	add('y', "ýÿ")
	add('Z', "ŹŻŽ")
	add('z', "źżž")
	return m
}()

// words splits s into lower-case, accent-folded words of letters and digits.
func words(s string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	for _, r := range s {
		r = fold(r)
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’':
			// "China's" and "Chinas" match; the apostrophe joins.
		default:
			flush()
		}
	}
	flush()
	return out
}

// titleKey is the normalised form of a title used for matching and ids.
func titleKey(s string) string {
	w := words(s)
	if len(w) > 1 && (w[0] == "the" || w[0] == "a" || w[0] == "an") {
		w = w[1:]
	}
	return strings.Join(w, " ")
}

// institutionAliases maps normalised spellings of the same body to one key.
var institutionAliases = map[string]string{
	"unga":                            "UN GENERAL ASSEMBLY",
	"un general assembly":             "UN GENERAL ASSEMBLY",
	"u n general assembly":            "UN GENERAL ASSEMBLY",
	"united nations general assembly": "UN GENERAL ASSEMBLY",
	"general assembly":                "UN GENERAL ASSEMBLY",
}

// authorKey normalises an author for matching: accents folded, upper case,
// hyphens and dots as spaces, so "H. Xue" = "H. XUE" and "SCHER ZAGIER" =
// "SCHER-ZAGIER". A person's key is initials then surname ("H XUE").
func authorKey(a string) string {
	w := words(a)
	if k, ok := institutionAliases[strings.Join(w, " ")]; ok {
		return k
	}
	return strings.ToUpper(strings.Join(w, " "))
}

// surname is the last word of a person's author key, or the whole key of an
// institution; it is what "AUTHOR, Title, cit." forms are matched on.
func surname(key string) string {
	f := strings.Fields(key)
	if len(f) == 0 {
		return ""
	}
	// Initials are one letter; the surname is everything after them.
	i := 0
	for i < len(f)-1 && len(f[i]) == 1 {
		i++
	}
	return strings.Join(f[i:], " ")
}

var stopwords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "and": true, "in": true, "on": true, "for": true,
	"to": true, "at": true, "by": true, "with": true, "its": true, "is": true, "e": true, "la": true,
	"le": true, "les": true, "des": true, "du": true, "de": true, "di": true, "del": true, "della": true,
}

// contentWords are the words of s minus stopwords.
func contentWords(s string) []string {
	var out []string
	for _, w := range words(s) {
		if !stopwords[w] {
			out = append(out, w)
		}
	}
	return out
}

// containment is the share of q's content words found in set.
func containment(q []string, set map[string]bool) float64 {
	if len(q) == 0 {
		return 0
	}
	n := 0
	for _, w := range q {
		if set[w] {
			n++
		}
	}
	return float64(n) / float64(len(q))
}

func wordSet(lists ...[]string) map[string]bool {
	m := map[string]bool{}
	for _, l := range lists {
		for _, w := range l {
			m[w] = true
		}
	}
	return m
}

// isWordPrefix reports whether short's words begin long's words.
func isWordPrefix(short, long string) bool {
	if short == "" {
		return false
	}
	return long == short || strings.HasPrefix(long, short+" ")
}

// symbolKey normalises a UN document symbol.
func symbolKey(s string) string {
	return strings.ToUpper(strings.TrimRight(strings.ReplaceAll(s, " ", ""), "."))
}
