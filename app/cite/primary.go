package cite

import (
	"strconv"
	"strings"

	"github.com/glossa-app/glossa/app/lazyre"
)

// Primary sources (treaties, resolutions, laws, cases, statements) are
// cited in their own ways: a court and the form of the decision, a law's
// number and date, a treaty series. This file reads those parts into the
// fields that identify such a source, and finds the primary sources that
// footnotes name in prose ("first included in the Preamble of the
// Agreement between China and India ... of 29 April 1954").

var (
	numDateRe = lazyre.New(`\b(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d\d)\b`)
	// treatySeriesRe: where a treaty is published, written after its name.
	treatySeriesRe = lazyre.New(`\s*\(((?:C?ETS|UNTS|U\.N\.T\.S\.|OJ|ILM)\b[^)]*)\)\s*$`)
	openedRe       = lazyre.New(`(?i)\b(?:opened for signature|signed|adopted|done)\s+(?:on\s+)?(\d{1,2}(?:st|nd|rd|th)?\s+` + monthRe + `\s+(?:19|20)\d\d|\d{1,2}/\d{1,2}/(?:19|20)\d\d)(?:,?\s+(?:at|in)\s+|,\s*)?([A-Z][\p{L}]+)?`)
	// courtCiteRe: "[Individual Opinion by M. Anzilotti, in] Permanent
	// Court of International Justice, Customs Regime between Germany and
	// Austria, Advisory Opinion of 5 September 1931, Series A/B, No. 41".
	courtCiteRe = lazyre.New(`^(?:((?:Individual|Dissenting|Separate|Joint) Opinion (?:by|of) [^,]+),\s+in\s+)?(` + courtRe.String() + `),\s+(.+?),\s+(Advisory Opinion|Judgment|Order)\s+of\s+(\d{1,2}\s+` + monthRe + `\s+\d{4})(?:,\s+((?:Series\s+[A-Z/]+(?:,\s*No\.\s*\d+)?)|(?:I\.C\.J\.|ICJ) Reports\s+\d{4}))?`)
	// lawNumRe: "... no. 1-FKZ of 21 July 1994", "N 398-FZ".
	lawNumRe         = lazyre.New(`\s+(?:no\.|No\.?|N)\s*([0-9][\p{L}0-9\-/]*)\s+of\s+(\d{1,2}\s+` + monthRe + `\s+(?:19|20)\d\d|\d\d\.\d\d\.(?:19|20)\d\d)`)
	lawStateRe       = lazyre.New(`\bof the (Russian Federation|People's Republic of China|United States|United Kingdom|Italian Republic|French Republic)\b`)
	applicationNumRe = lazyre.New(`Applications?\s+nos?\.\s*([0-9/]+(?:\s*(?:,|and)\s*[0-9/]+)*)`)
	caseNumRe        = lazyre.New(`,\s*No\s+([0-9]+-\S+)$`)
	partiesVRe       = lazyre.New(`^(.+?)\s+v\.\s+(.+)$`)
	betweenRe        = lazyre.New(`\bbetween\s+(.+?)(?:\s+(?:on|concerning|for|relating to)\s+|$)`)
	monthCase        = lazyre.New(monthRe)
	// translatedRe: "translated by A. SMITH and B. JONES", "trans. by ...".
	translatedRe = lazyre.New(`(?i:translated by|trans\. by|tr\. by)\s+((?:[A-Z]\.\s?){1,3}\s*[A-ZÀ-Ý][\p{L}'’\-]+(?:(?:\s*,\s*|\s+and\s+)(?:[A-Z]\.\s?){1,3}\s*[A-ZÀ-Ý][\p{L}'’\-]+)*)`)
	accessedRe   = lazyre.New(`(?i)\b(?:last\s+)?(?:accessed|visited|consulted)(?:\s+on)?\s+(\d{1,2}(?:st|nd|rd|th)?\s+` + monthRe + `\s+(?:19|20)\d\d|\d{1,2}/\d{1,2}/(?:19|20)\d\d)`)
	reportByRe   = lazyre.New(`^Report by (?:Rapporteur\s+)?[^,]+,\s+(?:Committee on [^,]+,\s+)?`)
)

// numericDate turns "23/11/2001" or "28.12.2013" into "23 November 2001".
func numericDate(s string) string {
	m := numDateRe.FindStringSubmatch(s)
	if m == nil {
		return s
	}
	mo, _ := strconv.Atoi(m[2])
	if mo < 1 || mo > 12 {
		return s
	}
	d, _ := strconv.Atoi(m[1])
	return strconv.Itoa(d) + " " + monthNames[mo-1] + " " + m[3]
}

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"}

// parseCourtCite reads a citation that names a court before the case;
// ok is false when t is not one.
func parseCourtCite(t string) (w Work, end int, ok bool) {
	m := courtCiteRe.FindStringSubmatchIndex(t)
	if m == nil {
		return w, 0, false
	}
	get := func(i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return t[m[2*i]:m[2*i+1]]
	}
	w.Court, w.Title, w.Date, w.Published = get(2), get(3), get(5), get(6)
	w.Year = yearRe.FindString(w.Date)
	return w, m[1], true
}

// primaryFields fills the fields that identify a primary source from its
// title and the citation's text; the title loses what moved out of it.
func primaryFields(w *Work, text string) {
	if m := treatySeriesRe.FindStringSubmatchIndex(w.Title); m != nil {
		w.Published = w.Title[m[2]:m[3]]
		w.Title = strings.TrimSpace(w.Title[:m[0]])
	}
	if m := openedRe.FindStringSubmatch(text); m != nil && w.Date == "" {
		w.Date = numericDate(m[1])
		w.Year = yearRe.FindString(w.Date)
		if w.Place == "" && m[2] != "" {
			w.Place = m[2]
		}
	}
	// "27 december 2016" as the footnote wrote it, "27 December 2016" shown
	w.Date = monthCase.ReplaceAllStringFunc(w.Date, func(m string) string { return strings.ToUpper(m[:1]) + strings.ToLower(m[1:]) })
	if m := translatedRe.FindStringSubmatch(text); m != nil && len(w.Translators) == 0 {
		for _, n := range listSepRe.Split(m[1], -1) {
			w.Translators = append(w.Translators, strings.TrimSpace(n))
		}
	}
	if m := accessedRe.FindStringSubmatch(text); m != nil {
		w.Accessed = numericDate(m[1])
	}
	if reportByRe.MatchString(w.Title) {
		w.Title = reportByRe.ReplaceAllString(w.Title, "")
	}
	if lawRe.MatchString(w.Title) {
		if m := lawNumRe.FindStringSubmatchIndex(w.Title); m != nil {
			w.Number = w.Title[m[2]:m[3]]
			w.Date = numericDate(w.Title[m[4]:m[5]])
			w.Year = yearRe.FindString(w.Date)
			w.Title = strings.TrimSpace(w.Title[:m[0]])
		}
		if m := lawStateRe.FindStringSubmatch(w.Title); m != nil {
			w.State = m[1]
		}
	}
	if m := applicationNumRe.FindStringSubmatch(text); m != nil && w.Number == "" {
		w.Number = m[1]
		// Applications are lodged with the Strasbourg court.
		if w.Court == "" {
			w.Court = "European Court of Human Rights"
		}
	}
	if m := caseNumRe.FindStringSubmatchIndex(w.Title); m != nil && caseTitleRe.MatchString(w.Title) && !hasPerson(*w) {
		w.Number = w.Title[m[2]:m[3]]
	}
}

// identify fills Body and Parties once the kind is known.
func identify(w *Work) {
	switch w.Kind {
	case KindResolution, KindUNDocument, KindOfficial:
		if w.Body == "" && len(w.Authors) > 0 && !IsPerson(w.Authors[0]) {
			w.Body = w.Authors[0]
			if authorKey(w.Body) == "UN GENERAL ASSEMBLY" {
				w.Body = "UN General Assembly"
			}
		}
	case KindCase:
		if w.Date == "" {
			w.Date = dateRe.FindString(w.Title)
		}
		if m := partiesVRe.FindStringSubmatch(w.Title); m != nil && len(w.Parties) == 0 {
			w.Parties = []string{m[1], m[2]}
		}
	case KindTreaty:
		if m := betweenRe.FindStringSubmatch(w.Title); m != nil && len(w.Parties) == 0 {
			w.Parties = splitParties(m[1])
		}
	case KindLegislation:
		if w.State == "" {
			if m := lawStateRe.FindStringSubmatch(w.Title); m != nil {
				w.State = m[1]
			}
		}
	}
}

// splitParties reads "China and the Republic of India" or "the Member
// States of the Shanghai Cooperation Organization".
func splitParties(s string) []string {
	if strings.HasPrefix(s, "the Member States") {
		return []string{strings.TrimPrefix(s, "the ")}
	}
	var out []string
	for _, p := range listSepRe.Split(s, -1) {
		if p = strings.TrimSpace(strings.TrimPrefix(p, "the ")); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// mention is a primary source named in prose.
type mention struct {
	start, end int
	work       Work
	pinpoint   string
}

var (
	// instrumentInProse: "the Preamble of the Agreement between China and
	// the Republic of India on ... of 29 April 1954".
	instrumentInProse = lazyre.New(`(?:(Preamble|Article\s+\d+|Annex\s+\d+)\s+of\s+the\s+)?((?:Agreement|Treaty|Convention|Protocol)\s+between\s+[A-Z].+?)\s+of\s+(\d{1,2}\s+` + monthRe + `\s+(?:19|20)\d\d)`)
	// declarationInProse: "the final declaration of the 1955 Bandung
	// Conference".
	declarationInProse = lazyre.New(`\b((?i:final\s+)?(?i:declaration|communiqu[eé])\s+of\s+the\s+((?:19|20)\d\d)\s+(?:[A-Z][\p{L}\-]+\s+)+Conference)`)
	// bilateralInProse: "China and Russia signed a bilateral treaty in
	// 2015", "China signed a bilateral treaty with the USA in 2015",
	// followed in the same clause by "signed on 30th April 2015".
	bilateralInProse = lazyre.New(`\b([A-Z][\p{L}]+)\s+(?:and\s+([A-Z][\p{L}]+)\s+)?signed\s+a\s+bilateral\s+(treaty|agreement)\s+(?:with\s+((?:the\s+)?[A-Z][\p{L}]+)\s+)?in\s+((?:19|20)\d\d)`)
	signedOnRe       = lazyre.New(`signed on (\d{1,2})(?:st|nd|rd|th)?\s+(` + monthRe + `)\s+((?:19|20)\d\d)`)
	// lawInProse: "the Information Security Law of 2017".
	lawInProse = lazyre.New(`\b((?:[A-Z][\p{L}\-]+\s+){1,3}Law)\s+of\s+((?:19|20)\d\d)\b`)
	// federalLawInProse: `Federal Law of 28.12.2013 N 398-FZ On
	// Amendments to the Federal Law "On Information ..."`.
	federalLawInProse = lazyre.New(`\bFederal Law of (\d\d\.\d\d\.(?:19|20)\d\d) N (\d+-FZ) ([Oo]n )`)
	lawTitleEnd       = lazyre.New(`\s+and\s+$|\)\s|\)$|;`)
	countryRe         = lazyre.New(`\b(China|Chinese|Russia|Russian)\b`)
)

// mentions finds the primary sources a footnote names in prose.
func mentions(t string) []mention {
	var out []mention
	for _, m := range instrumentInProse.FindAllStringSubmatchIndex(t, -1) {
		w := Work{Kind: KindTreaty, Title: t[m[4]:m[5]], Date: t[m[6]:m[7]]}
		w.Year = yearRe.FindString(w.Date)
		pin := ""
		if m[2] >= 0 {
			pin = t[m[2]:m[3]]
		}
		out = append(out, mention{m[0], m[1], w, pin})
	}
	for _, m := range declarationInProse.FindAllStringSubmatchIndex(t, -1) {
		title := t[m[2]:m[3]]
		w := Work{Kind: KindOfficial, Title: strings.ToUpper(title[:1]) + title[1:], Year: t[m[4]:m[5]]}
		out = append(out, mention{m[0], m[1], w, ""})
	}
	for _, m := range bilateralInProse.FindAllStringSubmatchIndex(t, -1) {
		a := t[m[2]:m[3]]
		var b string
		switch {
		case m[4] >= 0:
			b = t[m[4]:m[5]]
		case m[8] >= 0:
			b = t[m[8]:m[9]]
		default:
			continue
		}
		w := Work{Kind: KindTreaty, Title: "Bilateral " + t[m[6]:m[7]] + " between " + a + " and " + b,
			Parties: []string{a, strings.TrimPrefix(b, "the ")}, Year: t[m[10]:m[11]]}
		clause := t[m[1]:]
		if i := strings.IndexAny(clause, ";"); i >= 0 {
			clause = clause[:i]
		}
		if d := signedOnRe.FindStringSubmatch(clause); d != nil {
			w.Date = d[1] + " " + d[2] + " " + d[3]
		}
		out = append(out, mention{m[0], m[1], w, ""})
	}
	for _, m := range lawInProse.FindAllStringSubmatchIndex(t, -1) {
		w := Work{Kind: KindLegislation, Title: t[m[2]:m[3]], Year: t[m[4]:m[5]]}
		// The State is the country the sentence is about.
		if c := countryRe.FindAllString(t[:m[0]], -1); len(c) > 0 {
			w.State = map[string]string{"China": "China", "Chinese": "China", "Russia": "Russian Federation", "Russian": "Russian Federation"}[c[len(c)-1]]
		}
		out = append(out, mention{m[0], m[1], w, ""})
	}
	laws := federalLawInProse.FindAllStringSubmatchIndex(t, -1)
	for k, m := range laws {
		// The title runs to the next law, a closing parenthesis or a
		// semicolon: "... Protection of Information" and Federal Law ...".
		end := len(t)
		if k+1 < len(laws) {
			end = laws[k+1][0]
		}
		rest := t[m[6]:end]
		if i := lawTitleEnd.FindStringIndex(rest); i != nil {
			rest = rest[:i[0]]
		}
		rest = strings.TrimSpace(rest)
		w := Work{Kind: KindLegislation, Title: rest, State: "Russian Federation", Number: t[m[4]:m[5]], Date: numericDate(t[m[2]:m[3]])}
		w.Year = yearRe.FindString(w.Date)
		out = append(out, mention{m[0], m[6] + len(rest), w, ""})
	}
	return out
}

// compiled once: these were compiled on every call, in the extraction's
// hot path
var (
	listSepRe = lazyre.New(`\s*,\s*|\s+and\s+`)
)
