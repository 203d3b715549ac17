package cite

import (
	"strings"

	"github.com/glossa-app/glossa/app/lazyre"
)

// ref is what one citation says before it is resolved.
type ref struct {
	seg      segment
	form     Form // FormIbid, FormShort ("cit."); FormFull otherwise (may still be a bare short title)
	work     Work
	pinpoint string
	// container cit.: "AUTHOR, Title, in EDS (eds.), Book, cit., p. 93" is
	// a chapter whose book was cited before; the chapter may be new.
	containerCit bool
	hasFullData  bool // authors, a year, a URL or a symbol: a reference, not a bare title
}

var (
	ibidRe = lazyre.New(`^(?i:ibid(?:em)?)\.?\s*,?\s*`)
	citRe  = lazyre.New(`(?:^|[,\s])cit\.?(?:\s*,|\s|$)`)
	// pinpointPrefix: "Article 2 of the", "the Annex 1 ("...") of the".
	pinpointPrefix = lazyre.New(`^(?:the\s+)?((?:Article|Art\.|Annex|Section|Chapter|Recital|Preamble)\s*[0-9IVX]*(?:\s*\([^)]*\))?)\s+of\s+(?:the\s+)?`)
	// capsRun is an institution or author written in capitals, up to a comma.
	capsRun       = lazyre.New(`^(?:[A-ZÀ-ÝĀ-Ž0-9(][A-ZÀ-ÝĀ-Ž0-9'’.&()\-]*)(?:\s+[A-ZÀ-ÝĀ-Ž0-9(][A-ZÀ-ÝĀ-Ž0-9'’.&()\-]*)*`)
	speechBy      = lazyre.New(`^(?:Statement|Speech|Remarks|Address|Keynote Speech) by ((?:[A-Z][A-Z'’.\-]+\s?){1,4}), `)
	applicationRe = lazyre.New(`Applications?\s+nos?\.\s*[0-9/]+(?:\s*(?:,|and)\s*[0-9/]+)*`)
	yearThenPage  = lazyre.New(`^,\s*(?:19|20)\d\d,\s*pp?\.\s*\d`)
	inJournal     = lazyre.New(`^(.{10,}?)\s+in\s+((?:[A-Z][\p{L}\-]*\s?){1,4})$`)
	unResTitle    = lazyre.New(`^Res(?:olution)?\.?\s+[0-9]`)
	unRes         = lazyre.New(`^((?:UNGA|UN General Assembly|U\.N\. General Assembly))\s+Res(?:olution)?\.?\s+([0-9]+/[0-9]+|[0-9]+\s*\([XVLIC]+\))`)
	// edsRe: "F.M. PALOMBINO (ed.)," or "L. MÄLKSOO, W. BENEDEK (eds.)".
	edsRe = lazyre.New(`^(.{2,160}?)\s*\((?i:eds?\.?)\)\s*,?\s*`)
	urlRe = lazyre.New(`(?i)(?:available at|at)\s+((?:https?://)?www\.[^\s,;]+|https?://[^\s,;]+)|((?:https?://)?www\.[^\s,;]+)`)
	// symbolRe: UN document symbols.
	symbolRe = lazyre.New(`\b(?:A|S|E|CCPR)/(?:[A-Za-z0-9.]+(?:\([A-Z]+\))?/)*[A-Za-z0-9.]+(?:\([A-Z]+\))?`)
	yearRe   = lazyre.New(`\b(?:19|20)\d\d\b`)
	monthRe  = `(?i:January|February|March|April|May|June|July|August|September|October|November|December)`
	dateRe   = lazyre.New(`\b\d{1,2}(?:st|nd|rd|th)?\s+` + monthRe + `\s+(?:19|20)\d\d\b`)
	volRe    = lazyre.New(`\bvol\.\s*([0-9IVXLC]+)`)
	placeRe  = lazyre.New(`(?:^|,\s*)([A-Z][\p{L}]+(?:\s[A-Z][\p{L}]+)?),\s*((?:19|20)\d\d)\b`)
	// pinpointRe finds where a pinpoint starts.
	pinpointRe = lazyre.New(`(?:^|[,\s])((?:pp?|paras?|nos?|n|arts?|letts?|lett|Art|Arts)\.\s*[0-9IVXivx]|(?:articles?|para|art)\s+[0-9]|[0-9]+\s*-\s*[0-9]+\s*\.?$)`)
	// titleEnd is what may follow the comma that ends a title.
	titleEnd     = lazyre.New(`^(?:[A-Z][^,]*\b(?:Centre|Center|Press|Publishing|Publishers|University)\b[^,]*,\s*[A-Z][\p{L}]+,\s*(?:19|20)\d\d|in\s|cit\b|available\b|[Aa]t the (?:General Debate|\d)|(?:UN|U\.N\.)\s*Doc|Doc\.|vol\.|pp?\.\s*\d|paras?\.|n\.\s|nos?\.\s|arts?\.|English translation|whose|the (?:English|full)|opened for signature|signed|translated by|trans\. by|Application|reply|forthcoming|Tallinn Paper|\d{1,2}(?:st|nd|rd|th)?\s+` + monthRe + `|` + monthRe + `\s+(?:19|20)\d\d|(?:19|20)\d\d\b|[A-Z][\p{L}]+(?:\s[A-Z][\p{L}]+)?,\s*(?:19|20)\d\d\b)`)
	monthDayEnd  = lazyre.New(monthRe + `\s+\d{1,2}$`)
	shortDefRe   = lazyre.New(`,?\s*\(\s*['"‘“]([^'"’”()]{3,80})['"’”]\s*\)?`)
	sessionRe    = lazyre.New(`^(?:[A-Z][a-z]+|\d+(?:st|nd|rd|th)) Session,\s*`)
	sessionEndRe = lazyre.New(`,\s*(?:[A-Z][a-z]+|\d+(?:st|nd|rd|th)) Session$`)
	instWordRe   = lazyre.New(`\b(?:Council|Office|Assembly|Committee|Ministry|Commission|Court|Union|Organi[sz]ation|Nations|Kingdom|Government|Rapporteur|Watch|Foundation|Centre|Center|Institute|Agency|External Action|Parliament|Embassy|Mission|Administration)\b`)
	notAuthorRe  = lazyre.New(`^(?:Note|Letter|Statement|Report|Joint|Declaration|Comments|Submission|Draft|Agreement|Convention|Treaty|Judgment|Individual|Article|Annex|Law|Federal)\b`)
	roleRe       = lazyre.New(`^(?:State Councilor|Vice Minister|Minister|Premier|President|Spokesperson|Representative|Permanent Representative|Special Rapporteur)\b[^,0-9]*$`)
)

// parseRef reads one citation.
func parseRef(s segment) ref {
	r := ref{seg: s, form: FormFull}
	if m := ibidRe.FindStringIndex(s.text); m != nil {
		r.form = FormIbid
		r.pinpoint, _ = splitPinpoint(s.text[m[1]:])
		r.pinpoint = cleanPinpoint(s.text[m[1]:])
		return r
	}
	body := s
	var pre string
	if m := pinpointPrefix.FindStringSubmatchIndex(body.text); m != nil {
		pre = body.text[m[2]:m[3]]
		body = body.sub(m[1], len(body.text))
	}
	if m := citRe.FindStringIndex(body.text); m != nil {
		r.form = FormShort
		before := body.sub(0, m[0])
		r.pinpoint = cleanPinpoint(body.text[m[1]:])
		r.work, _ = parseFields(before)
		if r.work.Container != "" {
			r.containerCit = true
		}
	} else {
		var rest string
		r.work, rest = parseFields(body)
		r.pinpoint = cleanPinpoint(rest)
	}
	r.pinpoint = joinPinpoint(pre, r.pinpoint)
	w := &r.work
	r.hasFullData = len(w.Authors) > 0 || len(w.Editors) > 0 || w.Year != "" || w.URL != "" || w.Symbol != ""
	primaryFields(w, r.seg.text)
	if r.form == FormFull {
		w.Kind = inferKind(*w, r.seg.text)
		identify(w)
		if w.Pages == "" && (w.Kind == KindArticle || w.Kind == KindChapter) {
			w.Pages = pagesOf(r.pinpoint)
		}
	}
	return r
}

func joinPinpoint(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + ", " + b
}

// cleanPinpoint tidies what follows a citation into a pinpoint, or "".
func cleanPinpoint(s string) string {
	s = strings.TrimSpace(strings.Trim(s, " ,;:"))
	if s == "" {
		return ""
	}
	p, _ := splitPinpoint(s)
	return p
}

// splitPinpoint returns the pinpoint at the start of s ("p. 102") and the
// prose after it ("in which the author cites ...").
func splitPinpoint(s string) (string, string) {
	s = strings.TrimSpace(strings.TrimLeft(s, " ,;:"))
	if s == "" {
		return "", ""
	}
	if !pinStartRe.MatchString(s) || strings.HasPrefix(s, "and ") {
		return "", s
	}
	// The pinpoint runs until prose starts: a comma followed by a word
	// that is not a pinpoint abbreviation.
	end := len(s)
	for i := 0; i < len(s); i++ {
		if s[i] != ',' {
			continue
		}
		rest := strings.TrimSpace(s[i+1:])
		if rest == "" || pinStartRe.MatchString(rest) {
			continue
		}
		end = i
		break
	}
	p := strings.TrimSpace(s[:end])
	for {
		q := strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(p, " and"), " e"), " ,;")
		if strings.HasSuffix(q, ".") && !keepDotRe.MatchString(q) {
			q = strings.TrimSuffix(q, ".")
		}
		if q == p {
			break
		}
		p = q
	}
	return p, strings.TrimSpace(s[end:])
}

var pinStartRe = lazyre.New(`^(?:pp?\.|paras?\.|para\b|nos?\.|n\.|[Aa]rts?\.|art\b|articles?\b|letts?\.|lett\b|ff\.?|ss\.?|[0-9]|[ivxIVX]+\b|[a-z]\)|[a-z]\.\)|and\b|bis\b|ter\b|quater\b)`)

// pagesOf takes the first page or page range out of a pinpoint.
func pagesOf(pin string) string {
	m := firstPagesRe.FindStringSubmatch(pin)
	if m == nil {
		return ""
	}
	return strings.ReplaceAll(m[1], " ", "")
}

// parseFields reads authors, title, container and the rest of a reference;
// it returns the text after the bibliographic data (the pinpoint, if any).
func parseFields(s segment) (Work, string) {
	var w Work
	t := s.text
	pos := 0
	if cw, end, ok := parseCourtCite(t); ok {
		return finishFields(cw, s, end)
	}
	// UN resolutions cited by number: "UNGA Res 79/243".
	if m := unRes.FindStringSubmatchIndex(t); m != nil {
		w.Authors = []string{t[m[2]:m[3]]}
		// The number is the only title such a citation gives: keep it as
		// written ("Res 79/243").
		w.Title = strings.TrimSpace(t[len(w.Authors[0]):m[1]])
		pos = m[1]
		if strings.HasPrefix(t[pos:], ", ") || strings.HasPrefix(t[pos:], ",") {
			// the resolution's own title follows
			p := strings.TrimLeft(t[pos:], ", ")
			if p != "" && !titleEnd.MatchString(p) && !strings.HasPrefix(p, "(") {
				title, n := readTitle(s, len(t)-len(p))
				if title != "" {
					w.Title = title
					pos = n
				}
			}
		}
		return finishFields(w, s, pos)
	}
	authors, editors, n := readAuthors(t)
	w.Authors, w.Editors = authors, editors
	pos = n
	// "Statement by WEN JIABAO, Premier of ..., Title": the speaker is the
	// author and the title follows the role.
	if m := speechBy.FindStringSubmatch(t); m != nil && len(authors) == 0 {
		w.Authors = []string{m[1]}
		pos = len(m[0]) - 2
	}
	// A role after a person's name is not the title.
	for {
		p := strings.TrimLeft(t[pos:], ", ")
		i := strings.Index(p, ", ")
		if i < 0 || !roleRe.MatchString(p[:i]) || len(w.Authors) == 0 {
			break
		}
		pos = len(t) - len(p) + i
	}
	p := strings.TrimLeft(t[pos:], ", ")
	title, n := readTitle(s, len(t)-len(p))
	w.Title = title
	pos = n
	w, rest := finishFields(w, s, pos)
	// "Near Abroad: ... Eurasia in Europe-Asia Studies, 2022, p. 1529 ff.":
	// a comma lost before "in" leaves the journal inside the title.
	if w.Container == "" && len(w.Authors) > 0 && yearThenPage.MatchString(t[pos:]) {
		if m := inJournal.FindStringSubmatch(w.Title); m != nil {
			w.Title, w.Container = m[1], m[2]
		}
	}
	return w, rest
}

// readAuthors reads the names at the start of t: persons with initials,
// bodies in capitals, or a body in title case followed by a comma.
func readAuthors(t string) (authors, editors []string, end int) {
	pos := 0
	var names []string
	for {
		rest := t[pos:]
		var name string
		if m := personStart.FindString(rest); m != "" && nameEnds(rest[len(m):]) {
			name = m
			if strings.HasPrefix(rest[len(m):], ".,") {
				pos++ // "C. CAI., The Rise": the stray dot is not part of the name
			}
		} else if m := capsRun.FindString(rest); m != "" && isCapsName(m) && nameEnds(rest[len(strings.TrimRight(m, " ")):]) {
			name = strings.TrimRight(m, " ")
			// "UNITED NATIONS SPECIAL RAPPORTEUR ... TERRORISM B. SAUL":
			// the body and the person are two authors.
			if loc := trailingPersonRe.FindStringSubmatchIndex(name); loc != nil && loc[0] > 0 {
				names = append(names, name[:loc[0]])
				pos += loc[2]
				name = name[loc[2]:loc[3]]
			}
		} else if pos == 0 {
			if i := strings.Index(rest, ", "); i > 0 && i < 90 && instWordRe.MatchString(rest[:i]) && !notAuthorRe.MatchString(rest) && titleCaseName(rest[:i]) {
				name = rest[:i]
			}
		}
		if name == "" {
			break
		}
		names = append(names, strings.TrimRight(name, " "))
		pos += len(name)
		// "(eds.)" turns the names read so far into editors.
		if m := edsMarkRe.FindString(t[pos:]); m != "" {
			editors = append(editors, names...)
			names = nil
			pos += len(m)
			break
		}
		sep := nameSepRe.FindString(t[pos:])
		if sep == "" {
			break
		}
		next := t[pos+len(sep):]
		if (personStart.MatchString(next) && nameEnds(next[len(personStart.FindString(next)):])) ||
			(capsRun.MatchString(next) && isCapsName(capsRun.FindString(next)) && strings.Contains(capsRun.FindString(next), " ") &&
				strings.HasPrefix(next[len(capsRun.FindString(next)):], ",")) {
			pos += len(sep)
			continue
		}
		if strings.HasPrefix(sep, " also on behalf") {
			pos += len(sep)
		}
		break
	}
	for i, n := range names {
		names[i] = strings.TrimRight(strings.TrimSpace(n), ",")
	}
	return names, editors, pos
}

// nameEnds reports whether a name may end before rest: at a comma, " and ",
// " e ", "(eds.)" or the end.
func nameEnds(rest string) bool {
	if strings.HasPrefix(rest, ".,") {
		rest = rest[1:]
	}
	return rest == "" || strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, " and ") ||
		strings.HasPrefix(rest, " e ") || edsMarkRe.MatchString(rest) ||
		strings.HasPrefix(rest, " also on behalf")
}

// isCapsName reports whether a run in capitals is a name rather than an
// acronym opening a title: it has a word of two or more capitals.
func isCapsName(m string) bool {
	m = strings.TrimSpace(m)
	letters := 0
	for _, r := range m {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' || r > 127 {
			letters++
		}
	}
	return letters >= 2
}

// titleCaseName reports whether every word of s is capitalised or a
// function word: "Council of Europe", "Office of the High Commissioner".
func titleCaseName(s string) bool {
	f := strings.Fields(s)
	if len(f) > 12 {
		return false
	}
	for _, w := range f {
		r := w[0]
		if r >= 'a' && r <= 'z' && !stopwords[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// readTitle reads the title starting at byte i of s: an italic span there,
// or text up to the comma after which bibliographic data starts.
func readTitle(s segment, i int) (string, int) {
	t := s.text
	for i < len(t) && t[i] == ' ' {
		i++
	}
	for _, it := range s.italics {
		if it[0] <= i+1 && it[1] > i && it[0] >= i-1 {
			j := it[1]
			// Two adjacent italic spans ("*Title*: *Subtitle*") are one title.
			return cleanTitle(t[i:j]), j
		}
	}
	if strings.HasPrefix(t[i:], "available at") {
		return "", i
	}
	end := len(t)
	for j := i; j < len(t); j++ {
		if t[j] == ',' && j+1 < len(t) {
			if monthDayEnd.MatchString(t[i:j]) {
				continue // "Letter dated September 23, 1998"
			}
			if titleEnd.MatchString(strings.TrimLeft(t[j+1:], " ")) {
				end = j
				break
			}
		}
		if t[j] == '(' && shortDefRe.MatchString(t[max(j-2, i):]) && strings.HasPrefix(shortDefRe.FindString(t[max(j-2, i):]), t[max(j-2, i):j+1]) {
			end = j
			break
		}
		if strings.HasPrefix(t[j:], " UN Doc") || strings.HasPrefix(t[j:], " U.N. Doc") {
			end = j
			break
		}
	}
	title := t[i:end]
	return cleanTitle(title), end
}

func cleanTitle(s string) string {
	s = strings.TrimSpace(s)
	s = strings.Trim(s, ",;: ")
	s = sessionRe.ReplaceAllString(s, "")
	s = sessionEndRe.ReplaceAllString(s, "")
	if strings.HasSuffix(s, ".") && !abbrevEnd.MatchString(s) {
		s = strings.TrimSuffix(s, ".")
	}
	return strings.TrimSpace(s)
}

// finishFields reads container, editors, year, place, volume, symbol, URL
// and short title from the text after the title.
func finishFields(w Work, s segment, pos int) (Work, string) {
	t := s.text
	rest := t[pos:]
	if m := shortDefRe.FindStringSubmatch(rest); m != nil {
		w.Short = strings.TrimSpace(m[1])
		rest = strings.Replace(rest, m[0], "", 1)
	}
	r := strings.TrimLeft(rest, " ,")
	if strings.HasPrefix(r, "in ") {
		r = r[3:]
		cstart := len(t) - len(r)
		if m := edsRe.FindStringSubmatch(r); m != nil && !strings.Contains(m[1], ",  ") {
			eds, _, _ := readAuthors(m[1])
			if len(eds) > 0 {
				w.Editors = eds
				r = r[len(m[0]):]
				cstart = len(t) - len(r)
			}
		}
		c, n := readTitle(s, cstart)
		if n > len(t)-len(r) && n <= len(t) {
			r = t[n:]
		} else {
			r = ""
		}
		w.Container = c
		rest = r
	}
	if m := urlRe.FindStringSubmatchIndex(rest); m != nil {
		u := ""
		if m[2] >= 0 {
			u = rest[m[2]:m[3]]
		} else {
			u = rest[m[4]:m[5]]
		}
		w.URL = strings.TrimRight(u, ".,;)")
		rest = rest[:m[0]] + rest[m[1]:]
	}
	if m := symbolRe.FindString(rest); m != "" {
		w.Symbol = strings.TrimRight(m, ".")
		rest = strings.Replace(rest, m, "", 1)
	} else if m := symbolRe.FindString(w.Title); m != "" && strings.HasPrefix(w.Title, "Res") {
		w.Symbol = m
	}
	if m := dateRe.FindString(rest); m != "" {
		w.Date = m
		w.Year = yearRe.FindString(m)
	}
	if m := placeRe.FindStringSubmatch(rest); m != nil && !strings.Contains(m[1], "Doc") {
		w.Place = m[1]
		if w.Year == "" {
			w.Year = m[2]
		}
	}
	if w.Year == "" {
		// The year is the first one after the title that does not belong
		// to a pinpoint.
		pp := pinpointRe.FindStringIndex(rest)
		for _, loc := range yearRe.FindAllStringIndex(rest, -1) {
			if pp != nil && loc[0] > pp[0] {
				break
			}
			w.Year = rest[loc[0]:loc[1]]
			break
		}
	}
	if w.Year == "" {
		if m := slashDateRe.FindStringSubmatch(w.Title); m != nil {
			w.Year = m[1]
		} else if m := dateRe.FindString(w.Title); m != "" {
			w.Year = yearRe.FindString(m)
		}
	}
	// "Application no. 30078/06" identifies a case; it is no pinpoint.
	rest = applicationRe.ReplaceAllString(rest, "")
	if m := volRe.FindStringSubmatch(rest); m != nil {
		w.Volume = m[1]
	}
	// The pinpoint starts at the first pinpoint abbreviation.
	pin := ""
	if loc := pinpointRe.FindStringSubmatchIndex(rest); loc != nil {
		pin = rest[loc[2]:]
	}
	return w, pin
}

// compiled once: these were compiled on every call, in the extraction's
// hot path
var (
	keepDotRe        = lazyre.New(`(?i)\b(?:ff|ss|seq|cit)\.$`)
	firstPagesRe     = lazyre.New(`^(?:pp?\.\s*)?([0-9]+(?:\s*-\s*[0-9]+)?)`)
	trailingPersonRe = lazyre.New(`\s((?:[A-Z]\.\s?){1,3}[A-Z]{2,}[A-Z\-]*)$`)
	edsMarkRe        = lazyre.New(`^\s*\((?i:eds?\.?)\)`)
	nameSepRe        = lazyre.New(`^(?:,\s*|\s+and\s+|\s+e\s+|\s+also on behalf of (?:[A-Z][a-z]+(?:,\s*|\s+and\s+))*[A-Z][a-z]+)`)
	slashDateRe      = lazyre.New(`\b((?:19|20)\d\d)/\d\d/\d\d\b`)
)
