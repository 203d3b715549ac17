package cite

import (
	"strings"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/lazyre"
)

// segment is a stretch of footnote text that may hold one citation.
type segment struct {
	start, end int    // byte offsets in the footnote text
	text       string // text[start:end]
	italics    [][2]int
}

func (s segment) sub(i, j int) segment {
	if i < 0 {
		i = 0
	}
	if j > len(s.text) {
		j = len(s.text)
	}
	if i > j {
		i = j
	}
	out := segment{start: s.start + i, end: s.start + j, text: s.text[i:j]}
	for _, it := range s.italics {
		a, b := it[0]-i, it[1]-i
		if b <= 0 || a >= j-i {
			continue
		}
		if a < 0 {
			a = 0
		}
		if b > j-i {
			b = j - i
		}
		out.italics = append(out.italics, [2]int{a, b})
	}
	return out
}

// trim drops surrounding spaces and punctuation that belongs to no citation.
func (s segment) trim() segment {
	i, j := 0, len(s.text)
	for i < j && strings.ContainsRune(" \t,;:", rune(s.text[i])) {
		i++
	}
	for j > i && strings.ContainsRune(" \t,;:", rune(s.text[j-1])) {
		j--
	}
	// A final full stop ends the footnote, not the citation, unless it
	// closes an abbreviation the pinpoint needs ("ff.", "cit.", "Ibid.").
	if j > i && s.text[j-1] == '.' && !abbrevEnd.MatchString(s.text[i:j]) {
		j--
	}
	return s.sub(i, j)
}

var abbrevEnd = lazyre.New(`(?i)(?:\b(?:ff|ss|cit|ibid|et al|ed|eds|no|nos|p|pp|para|paras|art|arts|vol|op|etc|seq)\.|\b[A-Z]\.)$`)

func footnoteSegment(fn article.Footnote) segment {
	s := segment{start: 0, end: len(fn.Text), text: fn.Text}
	for _, sp := range fn.Spans {
		if sp.Style&article.Italic != 0 && sp.Start >= 0 && sp.End <= len(fn.Text) && sp.Start < sp.End {
			s.italics = append(s.italics, [2]int{sp.Start, sp.End})
		}
	}
	return s
}

// splitAt cuts s at the given sorted byte offsets (each cut drops sep bytes).
func splitAt(s segment, cuts [][2]int) []segment {
	var out []segment
	last := 0
	for _, c := range cuts {
		out = append(out, s.sub(last, c[0]))
		last = c[1]
	}
	return append(out, s.sub(last, len(s.text)))
}

// citationEnd matches the end of text that closes a citation: a pinpoint,
// "cit.", "Ibid.", a web address, a UN symbol, a year.
var citationEnd = lazyre.New(`(?:\b(?:p|pp|para|paras|no|nos|n|art|arts|Art|Arts|article|articles|lett|letts|vol)\.?\s*(?:[0-9]+|[IVXLC]+|[ivx]+)\b(?:\s*(?:ff|ss)\.?)?[)\]]?|[0-9]\s*(?:ff|ss)\.?|\b[Cc]it\.?|\b[Ii]bid\.?|www\.\S+|\b[A-Z]+/[\w./()]+|\b(?:19|20)\d\d|\d+\s*-\s*\d+)$`)

var yearEnd = lazyre.New(`[\s,](?:19|20)\d\d$`)

// commaStart is what must follow a bare comma for it to separate two
// citations: a person with a surname in capitals or a UN body.
var commaStart = lazyre.New(`^(?:(?:[A-Z]\.\s?){1,3}\s*[A-ZÀ-Ý]{2,}\b|(?:UN|U\.N\.) General Assembly\b|UNGA\b)`)

// citationStart matches text that opens a citation.
var citationStart = lazyre.New(`^(?:[A-ZÀ-ÝĀ-ž]|(?:19|20)\d\d\s+[A-Z])`)

// splitCitations splits a footnote into the stretches that may each hold a
// citation: at semicolons, and at ". " or " and " where the text before ends
// like a citation and the text after starts like one. known reports whether
// a string ends with a short title defined so far.
func splitCitations(s segment, endsWithShort func(string) bool) []segment {
	var out []segment
	for _, part := range splitAt(s, cutsOf(s.text, ";")) {
		var cuts [][2]int
		t := part.text
		for i := 0; i < len(t); i++ {
			var sep string
			switch {
			case strings.HasPrefix(t[i:], ". "):
				sep = ". "
			case strings.HasPrefix(t[i:], " and "):
				sep = " and "
			case strings.HasPrefix(t[i:], " e "):
				sep = " e "
			case strings.HasPrefix(t[i:], ", "):
				sep = ", "
			case t[i] == ' ' && i >= 4 && yearEnd.MatchString(t[:i]):
				// "Cham, 2018 M. SVENSSON, ...": a separator lost
				// after a year.
				sep = " "
			default:
				continue
			}
			before := strings.TrimRight(t[:i], " ,")
			if sep == ". " {
				before = t[:i]
			}
			after := t[i+len(sep):]
			if !citationStart.MatchString(after) {
				continue
			}
			if (sep == ", " || sep == " ") && !commaStart.MatchString(after) {
				continue
			}
			if citationEnd.MatchString(before) || endsWithShort(before) {
				cuts = append(cuts, [2]int{i, i + len(sep)})
				i += len(sep) - 1
			}
		}
		for _, p := range splitAt(part, cuts) {
			out = append(out, p.trim())
		}
	}
	return out
}

func cutsOf(t, sep string) [][2]int {
	var cuts [][2]int
	for i := 0; i+len(sep) <= len(t); {
		j := strings.Index(t[i:], sep)
		if j < 0 {
			break
		}
		cuts = append(cuts, [2]int{i + j, i + j + len(sep)})
		i += j + len(sep)
	}
	return cuts
}

// seeIntro finds "see", "see also", "on which see", "As in", "is
// summarized by" and the like with their trailing commas; the citation
// follows them.
var seeIntro = lazyre.New(`(?i)(?:^|[\s,;(])(?:on which see|see(?:,?\s+also)?|as in|cf\.|(?:is\s+)?summari[sz]ed\s+(?:by|in))(?:,?\s+(?:for example|e\.g\.|among others|in this respect|in this regard|inter alia|on this issue)\s*)?[,:]?\s+`)

// leadIntro is prose that opens a segment before a citation with no "see".
var leadIntro = lazyre.New(`^(?i:in this regard|in this respect|notably|for example|e\.g\.)\s*,\s*`)

// stripIntro removes the prose that introduces a citation. It returns the
// segment before the intro (text that may itself be a citation, as in
// "Council of Europe, Convention..., for the regional instruments, see X")
// and the segment after it.
func stripIntro(s segment) (before, rest segment) {
	locs := seeIntro.FindAllStringIndex(s.text, -1)
	if len(locs) == 0 {
		m := leadIntro.FindStringIndex(s.text)
		if m != nil {
			return segment{}, s.sub(m[1], len(s.text))
		}
		return segment{}, s
	}
	// The last "see" wins: earlier ones sit in prose that leads to it.
	loc := locs[len(locs)-1]
	before = s.sub(0, loc[0])
	rest = s.sub(loc[1], len(s.text))
	before = dropTrailingProse(before)
	return before, rest
}

// dropTrailingProse removes comma-separated parts at the end of s that are
// prose (they start lower-case or with an introductory word and hold no
// digits), leaving any citation before them.
func dropTrailingProse(s segment) segment {
	t := s.text
	for {
		t = strings.TrimRight(t, " ,")
		i := strings.LastIndex(t, ", ")
		part := t
		if i >= 0 {
			part = t[i+2:]
		}
		if !isProse(part) {
			break
		}
		if i < 0 {
			t = ""
			break
		}
		t = t[:i]
	}
	return s.sub(0, len(t)).trim()
}

var proseStart = lazyre.New(`^(?:[a-z]|(?:For|On|In|As|More|Notably|This|These|With|Due|It|Quite|Scholars|Moreover|Over)\b)`)

func isProse(p string) bool {
	p = strings.TrimSpace(p)
	if p == "" {
		return true
	}
	if strings.Contains(p, "www.") || strings.Contains(p, "cit.") || pinStartRe.MatchString(p) && !strings.HasPrefix(p, "and ") {
		return false
	}
	return proseStart.MatchString(p) && !strings.ContainsAny(p, "0123456789")
}

// personStart matches a person's name as citations print it: initials
// then a surname ("T. WANG", "F.M. PALOMBINO", "R. P. Anand", "M SMIMOVA").
var personStart = lazyre.New(`^(?:[A-Z](?:\.\s?|\s)){1,3}\s*[A-ZÀ-ÝĀ-Ž][\p{L}'’\-]+(?:[ \-](?:DE|LA|DA|[A-ZÀ-ÝĀ-Ž][\p{L}'’\-]+))*`)

// skipLeadingProse drops prose at the start of a segment up to the first
// comma after which a name or an institution in capitals begins
// ("former Chinese Foreign Minister speech, Y. WANG, China: ...").
func skipLeadingProse(s segment) segment {
	if s.text == "" || !proseStart.MatchString(s.text) && !proseLike(s.text) {
		return s
	}
	// "Scholars often highlight three cases: Markin v. Russia, ...".
	if i := strings.Index(s.text, ": "); i > 0 && !strings.Contains(s.text[:i], ",") {
		return s.sub(i+2, len(s.text))
	}
	// "... instrumental in the adoption of UN General Assembly, Title,
	// UN Doc. ...": the organ opens the citation.
	if loc := unBodyInProse.FindStringIndex(s.text); loc != nil {
		return s.sub(loc[0], len(s.text))
	}
	for i := 0; i < len(s.text); {
		j := strings.Index(s.text[i:], ", ")
		if j < 0 {
			break
		}
		k := i + j + 2
		rest := s.text[k:]
		if personStart.MatchString(rest) || capsRun.MatchString(rest) && isCapsName(capsRun.FindString(rest)) {
			return s.sub(k, len(s.text))
		}
		i = k
	}
	return s
}

var unBodyInProse = lazyre.New(`\b(?:UN|U\.N\.|United Nations) General Assembly,\s`)

// proseLike reports whether the text before the first comma reads as a
// sentence rather than a title: many words, many of them lower case.
func proseLike(t string) bool {
	if i := strings.Index(t, ", "); i >= 0 {
		t = t[:i]
	}
	f := strings.Fields(t)
	if len(f) < 6 {
		return false
	}
	low := 0
	for _, w := range f {
		if c := w[0]; c >= 'a' && c <= 'z' && !stopwords[w] {
			low++
		}
	}
	return float64(low)/float64(len(f)) >= 0.4
}
