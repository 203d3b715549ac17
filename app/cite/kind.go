package cite

import (
	"strings"

	"github.com/glossa-app/glossa/app/lazyre"
)

// kindRule decides one kind. Rules are tried in order and the first that
// holds wins, so a narrow rule (a journal article whose title names a
// judgment) sits before a broad one (a title naming a judgment).
type kindRule struct {
	name string // says why, in test failures
	kind Kind
	when func(w Work, text string) bool
}

var (
	journalRe  = lazyre.New(`(?i)\b(?:journal|review|quarterly|yearbook|studies|annuaire|law|encyclopedia|courses|zeitschrift|diritti|comunità|relations|affairs|policy|frontiers|juris|record)\b`)
	officialRe = lazyre.New(`(?i)\b(?:joint statement|joint declaration|declaration of|declaration|letter dated|statement|speech|press conference|press release|welcomes|concept of the foreign policy|strategy|outlook|proposal|suggestions|white paper|national defence|remarks|initiative|communiqu[eé])\b`)
	reportRe   = lazyre.New(`(?i)\b(?:report|comments|paper|assessment|brief|module|study|working paper|submission)\b`)
	// reportHostRe is a container or text that publishes reports: think
	// tanks, research services, paper series.
	reportHostRe = lazyre.New(`(?i)\b(?:research (?:brief|service)|paper(?: series| no\.)|centre of excellence|center for|program(?:me)?\b.*\bproject|report of the)\b`)
	conferenceRe = lazyre.New(`(?i)\b(?:conference on|international conference|proceedings)\b`)
	// treatyTitleRe: an instrument's own name, "Convention on
	// Cybercrime", "Agreement between China and India on ...": the
	// instrument word is followed by a preposition or ends the title.
	treatyTitleRe = lazyre.New(`^(?:The\s+)?(?:[A-Z][\p{L}'’\-]*\s+){0,3}(?:Convention|Agreement|Treaty|Covenant|Charter|Protocol)(?:\s+(?:on|between|for|against|of|concerning|establishing|relating)\b|\s*\(|$)`)
	lawRe         = lazyre.New(`(?i)^(?:federal law|law of|law on|on amendments to)\b|\blaw of the people's republic\b|\b(?:security|espionage|data security|counter-espionage) law\b`)
	caseTitleRe   = lazyre.New(`\bv\.\s|(?i)\bjudgment of\b|\badvisory opinion\b|\bindividual opinion\b`)
	courtRe       = lazyre.New(`\b(?:Permanent Court of International Justice|International Court of Justice|European Court of Human Rights|ECtHR|Constitutional Court|Court of Justice of the European Union)\b`)
	resSymbolRe   = lazyre.New(`(?i)/RES/`)
	// stateOrganRe is an author that speaks for a State.
	stateOrganRe = lazyre.New(`(?i)\b(?:ministry|president|government|embassy|permanent mission|permanent representative|state council|cyberspace administration|kremlin|people's republic|russian federation|united kingdom|united states|spokesperson|foreign affairs)\b`)
	// unBodyRe is an organ of the UN whose documents carry a symbol.
	unBodyRe = lazyre.New(`(?i)^(?:UNGA|(?:UN|U\.N\.|United Nations) General Assembly|General Assembly|(?:UN |U\.N\. )?Human Rights (?:Council|Committee)|Ad Hoc Committee\b.*|(?:UN |U\.N\. )?Security Council|Secretary[- ]General)$`)
)

func hasPerson(w Work) bool {
	for _, a := range w.Authors {
		if IsPerson(a) {
			return true
		}
	}
	return false
}

func firstAuthor(w Work) string {
	if len(w.Authors) == 0 {
		return ""
	}
	return w.Authors[0]
}

// kindRules decide a work's kind from its fields and the citation's text.
var kindRules = []kindRule{
	// A journal article about a judgment names the judgment in its title
	// (fn 74: MÄLKSOO, "... Judgment of 14 July 2015 ..."): persons
	// writing in a journal make it an article whatever the title says.
	{"person in a journal", KindArticle, func(w Work, _ string) bool {
		return hasPerson(w) && w.Container != "" && len(w.Editors) == 0 && journalRe.MatchString(w.Container) && w.URL == ""
	}},
	{"case name or court", KindCase, func(w Work, text string) bool {
		return !hasPerson(w) && (caseTitleRe.MatchString(w.Title) || w.Court != "" || caseTitleRe.MatchString(text) && len(w.Authors) == 0)
	}},
	{"law title", KindLegislation, func(w Work, _ string) bool {
		return !hasPerson(w) && (lawRe.MatchString(w.Title) || w.State != "" && w.Number != "")
	}},
	{"resolution symbol or number", KindResolution, func(w Work, _ string) bool {
		return !hasPerson(w) && (resSymbolRe.MatchString(w.Symbol) || unResTitle.MatchString(w.Title))
	}},
	{"UN symbol", KindUNDocument, func(w Work, _ string) bool {
		return !hasPerson(w) && w.Symbol != ""
	}},
	{"UN organ as author", KindUNDocument, func(w Work, _ string) bool {
		return unBodyRe.MatchString(authorKey(firstAuthor(w))) || unBodyRe.MatchString(firstAuthor(w))
	}},
	{"chapter in an edited volume", KindChapter, func(w Work, _ string) bool {
		return w.Container != "" && len(w.Editors) > 0
	}},
	{"paper at a conference", KindChapter, func(w Work, _ string) bool {
		return w.Container != "" && conferenceRe.MatchString(w.Container)
	}},
	{"instrument's own name", KindTreaty, func(w Work, _ string) bool {
		return !hasPerson(w) && w.Container == "" && treatyTitleRe.MatchString(w.Title) &&
			!draftRe.MatchString(w.Title) && !reportRe.MatchString(w.Title)
	}},
	{"a State speaking", KindOfficial, func(w Work, _ string) bool {
		return len(w.Authors) > 0 && !hasPerson(w) && stateOrganRe.MatchString(w.Authors[0]) && !reportRe.MatchString(w.Title)
	}},
	{"statement, declaration or speech", KindOfficial, func(w Work, text string) bool {
		if hasPerson(w) && w.Container != "" {
			return false
		}
		return officialRe.MatchString(w.Title) && !strings.Contains(strings.ToLower(w.Title), "treaty is") && !reportRe.MatchString(w.Title) ||
			speechBy.MatchString(text) || strings.HasPrefix(text, "Statement by")
	}},
	{"published by a think tank or research service", KindReport, func(w Work, text string) bool {
		return reportHostRe.MatchString(w.Container) || w.Container == "" && reportHostRe.MatchString(text)
	}},
	{"report in the title", KindReport, func(w Work, text string) bool {
		return (reportRe.MatchString(w.Title) || strings.Contains(text, ", Report by ")) && w.Container == ""
	}},
	{"site with an address", KindWeb, func(w Work, _ string) bool {
		return w.Container != "" && w.URL != "" && (w.Date != "" || !journalRe.MatchString(w.Container) || w.Pages == "")
	}},
	{"journal", KindArticle, func(w Work, _ string) bool { return w.Container != "" }},
	{"place of publication or editors", KindBook, func(w Work, _ string) bool { return w.Place != "" || len(w.Editors) > 0 }},
	{"address only", KindWeb, func(w Work, _ string) bool { return w.URL != "" }},
	{"authors and a year", KindBook, func(w Work, _ string) bool { return len(w.Authors) > 0 && w.Year != "" }},
}

// inferKind decides the kind of work by the first rule of kindRules that
// holds; KindOther when none does.
func inferKind(w Work, text string) Kind {
	k, _ := decideKind(w, text)
	return k
}

// decideKind is inferKind with the name of the rule that decided.
func decideKind(w Work, text string) (Kind, string) {
	for _, r := range kindRules {
		if r.when(w, text) {
			return r.kind, r.name
		}
	}
	return KindOther, "no rule"
}

// compiled once: these were compiled on every call, in the extraction's
// hot path
var (
	draftRe = lazyre.New(`(?i)draft|consolidated|negotiating|\s[-–]\s`)
)
