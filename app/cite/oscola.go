package cite

import (
	"strings"
	"unicode"

	"github.com/glossa-app/glossa/app/lazyre"
)

// OSCOLA writes the source as a footnote citation in the Oxford Standard
// for the Citation of Legal Authorities (4th edition), the style UK and
// many European law schools require, with pinpoint ("p. 102", "para. 4",
// "art. 5") put the OSCOLA way ("102", "para 4", "art 5"). Titles that
// OSCOLA sets in italics (books, cases, reports) are plain here: the text
// is for pasting into an essay, where the student sets the italics.
func (s *Source) OSCOLA(pinpoint string) string {
	pin := oscolaPin(pinpoint)
	// a stray quote the conversion left at the end would close the
	// quotation marks early
	title := strings.TrimRight(strings.TrimSpace(s.Title), "'’ ")
	var b strings.Builder
	switch s.Kind {
	case KindCase:
		b.WriteString(oscolaCase(s, pin))
		return b.String()
	case KindTreaty:
		b.WriteString(title)
		if d := s.Date; d != "" {
			b.WriteString(" (signed " + d + ")")
		} else if s.Year != "" {
			b.WriteString(" (" + s.Year + ")")
		}
		if s.Published != "" {
			b.WriteString(" " + oscolaSeries(s.Published))
		}
		return withPin(b.String(), pin)
	case KindResolution:
		body := oscolaBody(s.Body)
		num := strings.TrimPrefix(strings.ToUpper(s.Symbol), "A/RES/")
		if num == strings.ToUpper(s.Symbol) {
			num = strings.TrimPrefix(strings.TrimPrefix(title, "Res "), "Resolution ")
		}
		b.WriteString(body + " Res " + num)
		if !unResTitle.MatchString(title) && title != "" {
			b.WriteString(" '" + title + "'")
		}
		if s.Date != "" {
			b.WriteString(" (" + s.Date + ")")
		}
		if s.Symbol != "" {
			b.WriteString(" UN Doc " + s.Symbol)
		}
		return withPin(b.String(), pin)
	case KindUNDocument:
		who := oscolaBody(s.Body)
		if who == "" && len(s.Authors) > 0 {
			who = oscolaNames(s.Authors)
		}
		if who != "" {
			b.WriteString(who + " ")
		}
		b.WriteString("'" + title + "'")
		if d := dateOrYear(s); d != "" {
			b.WriteString(" (" + d + ")")
		}
		if s.Symbol != "" {
			b.WriteString(" UN Doc " + s.Symbol)
		}
		return withPin(b.String(), pin)
	case KindLegislation:
		b.WriteString(title)
		if s.Number != "" {
			b.WriteString(" No " + s.Number)
		}
		if s.Date != "" {
			b.WriteString(" of " + s.Date)
		} else if s.Year != "" && !strings.Contains(title, s.Year) {
			b.WriteString(" " + s.Year)
		}
		if s.State != "" && !strings.Contains(title, s.State) {
			b.WriteString(" (" + s.State + ")")
		}
		return withPin(b.String(), pin)
	}
	// Secondary sources, statements and sites: author, title, publication.
	if a := oscolaNames(s.Authors); a != "" {
		b.WriteString(a + ", ")
	} else if e := oscolaNames(s.Editors); e != "" && s.Container == "" {
		b.WriteString(e + " (ed" + plural(len(s.Editors)) + "), ")
	}
	switch s.Kind {
	case KindBook:
		b.WriteString(title)
		b.WriteString(" (" + strings.TrimSpace(s.Place+" "+s.Year) + ")")
	case KindArticle:
		b.WriteString("'" + title + "'")
		switch {
		case s.Volume != "":
			b.WriteString(" (" + s.Year + ") " + s.Volume + " " + s.Container)
		default:
			b.WriteString(" [" + s.Year + "] " + s.Container)
		}
		if s.Pages != "" {
			first, _, _ := strings.Cut(s.Pages, "-")
			b.WriteString(" " + first)
			if pin != "" && oscolaPage(pin) {
				b.WriteString(", " + pin)
				pin = ""
			}
		}
	case KindChapter:
		b.WriteString("'" + title + "' in ")
		if e := oscolaNames(s.Editors); e != "" {
			b.WriteString(e + " (ed" + plural(len(s.Editors)) + "), ")
		}
		b.WriteString(s.Container)
		if pub := strings.TrimSpace(s.Place + " " + s.Year); pub != "" {
			b.WriteString(" (" + pub + ")")
		}
	default: // web page, report, official statement, other
		if title != "" {
			b.WriteString("'" + title + "'")
		}
		var in []string
		if s.Container != "" {
			in = append(in, s.Container)
		}
		if d := dateOrYear(s); d != "" {
			in = append(in, d)
		}
		if len(in) > 0 {
			b.WriteString(" (" + strings.Join(in, ", ") + ")")
		}
		if s.Symbol != "" {
			b.WriteString(" UN Doc " + s.Symbol)
		}
		if s.URL != "" {
			b.WriteString(" <" + exportURL(s.URL) + ">")
		}
	}
	out := strings.Join(strings.Fields(b.String()), " ")
	out = strings.ReplaceAll(strings.TrimSuffix(out, ","), ", <", " <")
	return withPin(out, pin)
}

func plural(n int) string {
	if n > 1 {
		return "s"
	}
	return ""
}

func dateOrYear(s *Source) string {
	if s.Date != "" {
		return s.Date
	}
	return s.Year
}

func withPin(s, pin string) string {
	if pin == "" {
		return s
	}
	return s + ", " + pin
}

// oscolaPage reports whether a pinpoint is a page, which OSCOLA puts
// after the first page of an article.
func oscolaPage(pin string) bool {
	return pin != "" && pin[0] >= '0' && pin[0] <= '9'
}

var (
	pinPageRe = lazyre.New(`^pp?\.\s*`)
	pinAbbrRe = lazyre.New(`\b(paras?|arts?|nos?|n|lett|letts)\.`)
	pinFfRe   = lazyre.New(`\s*\b(ff|ss)\.?$`)
	// compiled once: it was compiled for every citation written
	pinRangeRe = lazyre.New(`(\d)\s*-\s*(\d)`)
)

// oscolaPin writes a pinpoint without the full stops OSCOLA drops:
// "p. 100 ff." -> "100ff", "para. 2" -> "para 2", "pp. 25-26" -> "25–26".
func oscolaPin(p string) string {
	p = strings.TrimSpace(p)
	if p == "" {
		return ""
	}
	p = pinPageRe.ReplaceAllString(p, "")
	p = pinAbbrRe.ReplaceAllString(p, "$1")
	p = pinFfRe.ReplaceAllString(p, "ff")
	p = pinRangeRe.ReplaceAllString(p, "$1–$2")
	return p
}

// oscolaCase: "Balogh v Hungary App no 47940/99 (ECHR, 20 July 2004)";
// "Case of the SS Lotus (France v Turkey) (Judgment) 1927 PCIJ Rep
// Series A No 10".
func oscolaCase(s *Source, pin string) string {
	name := strings.ReplaceAll(s.Title, " v. ", " v ")
	switch {
	case strings.Contains(s.Court, "Permanent Court of International Justice"):
		return withPin(strings.TrimSpace(name+" (Advisory Opinion) "+s.Year+" PCIJ Rep "+oscolaSeries(s.Published)), pin)
	case strings.Contains(s.Court, "International Court of Justice"):
		return withPin(name+" (Judgment) ["+s.Year+"] ICJ Rep "+s.Published, pin)
	case s.Court == "European Court of Human Rights":
		out := name
		if s.Number != "" {
			no := " App no "
			if strings.ContainsAny(s.Number, ",") || strings.Contains(s.Number, " and ") {
				no = " App nos "
			}
			out += no + s.Number
		}
		return withPin(out+" (ECHR, "+dateOrYear(s)+")", pin)
	}
	out := name
	var in []string
	if s.Court != "" {
		in = append(in, s.Court)
	}
	if d := dateOrYear(s); d != "" && !strings.Contains(name, d) {
		in = append(in, d)
	}
	if len(in) > 0 {
		out += " (" + strings.Join(in, ", ") + ")"
	}
	return withPin(out, pin)
}

// oscolaSeries: "Series A/B, No. 41" -> "Series A/B No 41", "ETS No.
// 185" -> "ETS No 185".
func oscolaSeries(p string) string {
	p = strings.ReplaceAll(p, ", No.", " No")
	p = strings.ReplaceAll(p, "No. ", "No ")
	return strings.TrimSpace(p)
}

// oscolaBody abbreviates UN organs as OSCOLA does.
func oscolaBody(b string) string {
	switch k := authorKey(b); {
	case k == "UN GENERAL ASSEMBLY":
		return "UNGA"
	case strings.Contains(k, "SECURITY COUNCIL"):
		return "UNSC"
	case strings.Contains(k, "HUMAN RIGHTS COUNCIL"):
		return "UNHRC"
	case strings.Contains(k, "HUMAN RIGHTS COMMITTEE"):
		return "UNHRC"
	}
	return oscolaName(b)
}

// oscolaNames lists up to three names joined by "and"; more are "and
// others".
func oscolaNames(names []string) string {
	var out []string
	for _, n := range names {
		out = append(out, oscolaName(n))
	}
	switch len(out) {
	case 0:
		return ""
	case 1:
		return out[0]
	case 2, 3:
		return strings.Join(out[:len(out)-1], ", ") + " and " + out[len(out)-1]
	}
	return out[0] + " and others"
}

// oscolaName writes a name as a footnote would: initials without full
// stops, names printed in capitals in ordinary case ("L. MÄLKSOO" ->
// "L Mälksoo"), acronyms and words in parentheses kept ("UNITED NATIONS
// OFFICE ON DRUGS AND CRIME (UNODC)" -> "United Nations Office on Drugs
// and Crime (UNODC)").
func oscolaName(a string) string {
	if strings.TrimSpace(a) == "" {
		return ""
	}
	n := SplitName(a)
	if n.Literal == "" {
		given := strings.ReplaceAll(strings.ReplaceAll(n.Given, ". ", ""), ".", "")
		return given + " " + unshout(n.Family)
	}
	return unshout(n.Literal)
}

// unshout turns words written all in capitals into ordinary case, but
// leaves acronyms of up to three letters, words in parentheses and text
// that has lower case already.
func unshout(s string) string {
	if strings.IndexFunc(s, unicode.IsLower) >= 0 {
		return s
	}
	words := strings.Fields(s)
	for i, w := range words {
		core := strings.Trim(w, "(),.;:")
		switch {
		case strings.HasPrefix(w, "("):
			continue
		case i > 0 && stopwords[strings.ToLower(core)]:
			words[i] = strings.ToLower(w)
		case len([]rune(core)) <= 3 && i > 0 || core == "UN" || core == "EU" || core == "USA":
			continue
		default:
			words[i] = capWords(w)
			// "PEOPLE'S" -> "People's", "SCHER-ZAGIER" -> "Scher-Zagier"
			words[i] = hyphenLowerRe.ReplaceAllStringFunc(words[i], strings.ToUpper)
			words[i] = possessiveRe.ReplaceAllString(words[i], "'s")
		}
	}
	return strings.Join(words, " ")
}

// compiled once: these were compiled on every call, in the extraction's
// hot path
var (
	hyphenLowerRe = lazyre.New(`-(\p{Ll})`)
	possessiveRe  = lazyre.New(`'S\b`)
)
