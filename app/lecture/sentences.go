// Package lecture is what lecture mode teaches from, apart from how it is
// drawn: the sentences of a paragraph (cut where a reader would pause,
// not at "art." or "i.e."), the steps a passage is shown in, and the
// lecturer's plans. It knows neither Fyne nor SQL: how many lines a text
// takes on the projector is asked of the caller, so the rules are tested
// alone on the real article.
package lecture

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is a sentence of a paragraph as byte offsets into its text.
// The sentences of a text are contiguous: each runs up to where the next
// begins, its trailing spaces included, so that they rejoin to the text.
type Sentence struct{ Start, End int }

// Text is the sentence without the spaces that follow it.
func (s Sentence) Text(para string) string { return strings.TrimRight(para[s.Start:s.End], " \t\n") }

// abbreviations end with a full stop without ending a sentence, in the
// legal and scholarly prose of the articles Glossa reads ("art. 54",
// "para. 4", "cit.", "Ibid.", "No. 5", "op. cit.", "p. 12", "n. 22",
// "cf.", "vol. 3"). Lower-cased, without their stop.
var abbreviations = map[string]bool{
	"art": true, "arts": true, "para": true, "paras": true, "cit": true, "ibid": true, "id": true,
	"no": true, "nos": true, "op": true, "p": true, "pp": true, "n": true, "nn": true, "fn": true,
	"cf": true, "vol": true, "vols": true, "ed": true, "eds": true, "al": true, "ch": true,
	"sec": true, "s": true, "ss": true, "v": true, "vs": true, "doc": true, "res": true, "rev": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "ibidem": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "approx": true, "supra": true,
	"infra": true, "lit": true, "let": true, "cap": true, "reg": true, "dir": true,
}

// closers may stand between a sentence's stop and the space after it.
const closers = "»\"'”’)]"

// openers may stand before a sentence's first letter.
const openers = "«\"'“‘(["

// Sentences cuts text into its sentences. A sentence ends at ".", "!",
// "?" or "…" (closing quotes and brackets after it included) followed by
// a space and the capital, digit or opening quote that starts the next
// one, unless the word before the stop is an abbreviation, an initial
// ("A. Mariconda") or has stops inside it ("U.N.", "i.e.", "e.g.").
func Sentences(text string) []Sentence {
	var out []Sentence
	start := 0
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += w
			continue
		}
		end := i + w
		for end < len(text) {
			c, cw := utf8.DecodeRuneInString(text[end:])
			if !strings.ContainsRune(closers, c) && c != '.' {
				break
			}
			end += cw
		}
		next := end
		for next < len(text) && (text[next] == ' ' || text[next] == '\t' || text[next] == '\n') {
			next++
		}
		if next == end || next == len(text) || !startsSentence(text[next:]) || (r == '.' && abbreviated(text[start:i])) {
			i = end
			continue
		}
		out = append(out, Sentence{start, next})
		start, i = next, next
	}
	if start < len(text) || len(out) == 0 {
		out = append(out, Sentence{start, len(text)})
	}
	return out
}

// startsSentence reports whether s opens like a sentence: a capital or a
// digit, possibly after an opening quote or bracket.
func startsSentence(s string) bool {
	for s != "" {
		r, w := utf8.DecodeRuneInString(s)
		if strings.ContainsRune(openers, r) {
			s = s[w:]
			continue
		}
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	}
	return false
}

// abbreviated reports whether the text before a full stop ends with an
// abbreviation, an initial or a word with stops inside it.
func abbreviated(before string) bool {
	k := len(before)
	for k > 0 {
		r, w := utf8.DecodeLastRuneInString(before[:k])
		if unicode.IsSpace(r) || strings.ContainsRune(openers, r) {
			break
		}
		k -= w
	}
	word := before[k:]
	if word == "" {
		return false
	}
	if strings.Contains(word, ".") {
		return dotted(word)
	}
	if r, _ := utf8.DecodeRuneInString(word); utf8.RuneCountInString(word) == 1 && unicode.IsUpper(r) {
		return true // an initial
	}
	return abbreviations[strings.ToLower(word)]
}

// dotted reports whether a word with stops inside is an abbreviation
// ("U.N", "i.e", "e.g", "U.S.A"): letters, at most two between stops.
// A document symbol ("A/C.1/53/3") or a web address ("www.unoda.org")
// ends a sentence like any word.
func dotted(word string) bool {
	for _, part := range strings.Split(word, ".") {
		n := 0
		for _, r := range part {
			if !unicode.IsLetter(r) {
				return false
			}
			n++
		}
		if n == 0 || n > 2 {
			return false
		}
	}
	return true
}
