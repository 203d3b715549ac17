package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// nextWord is the end of the word after off.
func nextWord(text string, off int) int {
	i := off
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		i += n
	}
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != '-' {
			break
		}
		i += n
	}
	return i
}

// prevWord is the start of the word before off.
func prevWord(text string, off int) int {
	i := off
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		i -= n
	}
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != '-' {
			break
		}
		i -= n
	}
	return i
}

// nextSentence is the end of the sentence after off (its closing
// punctuation included), or the end of the text.
func nextSentence(text string, off int) int {
	for off < len(text) && text[off] == ' ' {
		off++
	}
	for i := off; i < len(text); i++ {
		switch text[i] {
		case '.', '?', '!', ';':
			if i+1 == len(text) || text[i+1] == ' ' {
				if isAbbrev(text[:i]) {
					continue
				}
				return i + 1
			}
		}
	}
	return len(text)
}

// prevSentence is the start of the sentence that ends at or before off.
func prevSentence(text string, off int) int {
	for off > 0 && text[off-1] == ' ' {
		off--
	}
	for i := off - 2; i > 0; i-- {
		switch text[i] {
		case '.', '?', '!', ';':
			if text[i+1] == ' ' && !isAbbrev(text[:i]) {
				return i + 2
			}
		}
	}
	return 0
}

// isAbbrev reports whether the word before a full stop is an
// abbreviation the article uses ("n.", "Art.", "e.g.", single letters).
func isAbbrev(before string) bool {
	w := before
	if i := strings.LastIndexByte(before, ' '); i >= 0 {
		w = before[i+1:]
	}
	w = strings.TrimLeft(w, "(“\"'")
	switch strings.ToLower(w) {
	case "n", "nn", "art", "arts", "e.g", "i.e", "cf", "para", "paras", "no", "vol", "p", "pp", "ed", "eds", "mr", "dr", "st", "v", "vs", "etc", "al", "res":
		return true
	}
	return utf8.RuneCountInString(w) == 1
}
