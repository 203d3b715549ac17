package cite

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/glossa-app/glossa/app/article"
)

// TestKindRules: each rule of kindRules decides the kind it names, on a
// work shaped as footnotes cite it.
func TestKindRules(t *testing.T) {
	for _, tc := range []struct {
		rule string
		w    Work
		text string
		want Kind
	}{
		{"person in a journal", Work{Authors: []string{"L. MÄLKSOO"}, Title: "Russia's Constitutional Court Defies the European Court of Human Rights: Constitutional Court of the Russian Federation Judgment of 14 July 2015", Container: "European Constitutional Law Review", Year: "2016"}, "", KindArticle},
		{"case name or court", Work{Title: "Anchugov and Gladkov v. Russia", Date: "9 December 2013"}, "", KindCase},
		{"case name or court", Work{Title: "Customs Regime between Germany and Austria", Court: "Permanent Court of International Justice"}, "", KindCase},
		{"law title", Work{Title: "Data Security Law of the People's Republic of China", Year: "2021"}, "", KindLegislation},
		{"law title", Work{Title: "On Amendments to the Federal Law \"On Information\"", State: "Russian Federation", Number: "398-FZ"}, "", KindLegislation},
		{"resolution symbol or number", Work{Authors: []string{"UN General Assembly"}, Title: "Developments in the field of information", Symbol: "A/RES/53/70"}, "", KindResolution},
		{"resolution symbol or number", Work{Authors: []string{"UNGA"}, Title: "Res 79/243"}, "", KindResolution},
		{"UN symbol", Work{Authors: []string{"UN General Assembly"}, Title: "Report of the Group of Governmental Experts", Symbol: "A/70/174"}, "", KindUNDocument},
		{"UN organ as author", Work{Authors: []string{"U.N. HUMAN RIGHTS COMMITTEE"}, Title: "General comment No. 34"}, "", KindUNDocument},
		{"chapter in an edited volume", Work{Authors: []string{"M. JIANG"}, Title: "Cybersecurity Policies in China", Container: "CyberBRICS", Editors: []string{"L. BELLI"}}, "", KindChapter},
		{"paper at a conference", Work{Authors: []string{"K. GILES"}, Title: "Russia's Public Stance on Cyberspace Issues", Container: "4th International Conference on Cyber Conflict", URL: "www.ccdcoe.org"}, "", KindChapter},
		{"instrument's own name", Work{Authors: []string{"Council of Europe"}, Title: "Convention on Cybercrime", Published: "ETS No. 185"}, "", KindTreaty},
		{"instrument's own name", Work{Title: "Agreement between China and the Republic of India on the Trade and Intercourse"}, "", KindTreaty},
		{"a State speaking", Work{Authors: []string{"PRESIDENT OF THE PEOPLE'S REPUBLIC OF CHINA"}, Title: "Carry forward the Five Principles", URL: "www.china.org.cn"}, "", KindOfficial},
		{"statement, declaration or speech", Work{Title: "INTERPOL welcomes adoption of UN convention against cybercrime", Date: "23 December 2024", URL: "www.interpol.int"}, "", KindOfficial},
		{"statement, declaration or speech", Work{Authors: []string{"WEN JIABAO"}, Title: "A China Committed to Reform", Year: "2008"}, "Statement by WEN JIABAO, Premier of the State Council, A China Committed to Reform", KindOfficial},
		{"published by a think tank or research service", Work{Authors: []string{"C. MURPHY"}, Title: "Understanding Cybercrime", Container: "European Parliamentary Research Service (EPRS)", URL: "www.europarl.europa.eu"}, "", KindReport},
		{"report in the title", Work{Authors: []string{"MICROSOFT"}, Title: "Submission to the First Session on the Upcoming Negotiations", Date: "1 March 2022", URL: "www.unodc.org"}, "", KindReport},
		{"site with an address", Work{Authors: []string{"M. SCHMITT"}, Title: "The Sixth United Nations GGE", Container: "Just Security", Year: "2021", URL: "www.justsecurity.org"}, "", KindWeb},
		{"journal", Work{Authors: []string{"S. BESSON"}, Title: "Sovereignty", Container: "Max Planck Encyclopedia of Public International Law", Year: "2011", URL: "www.mpepil.com", Pages: "1"}, "", KindArticle},
		{"place of publication or editors", Work{Authors: []string{"G. AUSTIN"}, Title: "Cybersecurity in China", Place: "Cham", Year: "2018"}, "", KindBook},
		{"address only", Work{Authors: []string{"HUMAN RIGHTS WATCH"}, Title: "New UN Cybercrime Treaty Primed for Abuse", Date: "30 December 2024", URL: "www.hrw.com"}, "", KindWeb},
		{"authors and a year", Work{Authors: []string{"A. STIANO"}, Title: "Attacchi informatici", Year: "2023"}, "", KindBook},
		{"no rule", Work{Title: "Something"}, "", KindOther},
	} {
		got, rule := decideKind(tc.w, tc.text)
		if got != tc.want || rule != tc.rule {
			t.Errorf("%q: kind %s by rule %q, want %s by rule %q", tc.w.Title, got, rule, tc.want, tc.rule)
		}
	}
}

// TestKindsNamedInIssue17: the sources a new user found with the wrong
// kind, on the real article.
func TestKindsNamedInIssue17(t *testing.T) {
	lib := Extract(articleFootnotes(t))
	for _, tc := range []struct {
		footnote int
		title    string
		was      Kind
		want     Kind
	}{
		{10, "New UN Cybercrime Treaty Primed for Abuse. States Should Reject Ratifying Convention on Human Rights Grounds", KindTreaty, KindWeb},
		{63, "International Community has Come Closer to 'Cybercrime' Vaccine", KindArticle, KindOfficial},
		{74, "Russia's Constitutional Court Defies the European Court of Human Rights: Constitutional Court of the Russian Federation Judgment of 14 July 2015, No 21-Π/2015", KindCase, KindArticle},
		{6, "United Nations Convention against cybercrime, Strengthening International Cooperation for Combating Certain Crimes Committed by Means of Information and Communications Technology Systems and for the Sharing of Evidence in Electronic Form of Serious Crimes – Chapters of the Convention", KindTreaty, KindWeb},
		{147, "A China Committed to Reform and Opening-up and Peaceful Development", KindBook, KindOfficial},
	} {
		s := citedSource(t, lib, tc.footnote, tc.title)
		if s.Kind != tc.want {
			t.Errorf("n. %d %q: kind %s, want %s (it was %s before issue 17)", tc.footnote, tc.title, s.Kind, tc.want, tc.was)
		}
	}
}

// citedSource is the source footnote n cites under title.
func citedSource(t *testing.T, lib *Library, n int, title string) *Source {
	t.Helper()
	for _, c := range lib.CitationsIn(n) {
		if s, ok := lib.Source(c.Source); ok && titleKey(s.Title) == titleKey(title) {
			return s
		}
	}
	t.Fatalf("n. %d cites no source titled %q", n, title)
	return nil
}

// TestPrimarySourcesFound: the primary sources issue 17 found missing,
// with the fields that identify them.
func TestPrimarySourcesFound(t *testing.T) {
	lib := Extract(articleFootnotes(t))
	for _, tc := range []struct {
		footnote int
		title    string
		want     Work // the kind and identifying fields to compare; empty fields are not compared
	}{
		{16, "Agreement between China and the Republic of India on the Trade and Intercourse Between the Tibet Region of China and India",
			Work{Kind: KindTreaty, Date: "29 April 1954", Parties: []string{"China", "Republic of India"}}},
		{16, "Final declaration of the 1955 Bandung Conference", Work{Kind: KindOfficial, Year: "1955"}},
		{98, "Information Security Law", Work{Kind: KindLegislation, State: "China", Year: "2017"}},
		{98, `On Amendments to the Federal Law "On Information, Information Technologies and the Protection of Information"`,
			Work{Kind: KindLegislation, State: "Russian Federation", Number: "398-FZ", Date: "28 December 2013"}},
		{98, `on Amendments to the Federal Law "On Countering Terrorism" and certain legislative acts of the Russian Federation regarding the establishment of additional counter-terrorism measures and ensuring public safety`,
			Work{Kind: KindLegislation, State: "Russian Federation", Number: "374-FZ", Date: "6 July 2016"}},
		{142, "Customs Regime between Germany and Austria",
			Work{Kind: KindCase, Court: "Permanent Court of International Justice", Date: "5 September 1931", Published: "Series A/B, No. 41"}},
		{177, "Report of the Group of Governmental Experts on Developments in the Field of Information and Telecommunications in the Context of International Security",
			Work{Kind: KindUNDocument, Symbol: "A/70/174", Body: "UN General Assembly", Date: "22 July 2015"}},
		{178, "Report of the Group of Governmental Experts on Advancing Responsible State Behaviour in Cyberspace in the Context of International Security",
			Work{Kind: KindUNDocument, Symbol: "A/76/135", Body: "UN General Assembly"}},
		{7, "Convention on Cybercrime", Work{Kind: KindTreaty, Published: "ETS No. 185", Date: "23 November 2001", Place: "Budapest"}},
		{72, "Kostantin Markin v. Russia", Work{Kind: KindCase, Parties: []string{"Kostantin Markin", "Russia"}, Number: "30078/06",
			Court: "European Court of Human Rights", Date: "22 March 2012"}},
		{73, "Law of the Russian Federation amending the Law on the Constitutional Court", Work{Kind: KindLegislation, State: "Russian Federation", Number: "1-FKZ"}},
		{36, "Developments in the field of information and telecommunications in the context of international security",
			Work{Kind: KindResolution, Body: "UN General Assembly"}},
		{1, "Res 79/243", Work{Kind: KindResolution, Symbol: "A/RES/79/243", Body: "UN General Assembly", Date: "24 December 2024"}},
	} {
		s := citedSource(t, lib, tc.footnote, tc.title)
		w := tc.want
		for _, f := range []struct{ name, got, want string }{
			{"kind", string(s.Kind), string(w.Kind)}, {"date", s.Date, w.Date}, {"year", s.Year, w.Year},
			{"state", s.State, w.State}, {"number", s.Number, w.Number}, {"court", s.Court, w.Court},
			{"published", s.Published, w.Published}, {"symbol", s.Symbol, w.Symbol}, {"body", s.Body, w.Body}, {"place", s.Place, w.Place},
		} {
			if f.want != "" && f.got != f.want {
				t.Errorf("n. %d %q: %s %q, want %q", tc.footnote, tc.title, f.name, f.got, f.want)
			}
		}
		if w.Parties != nil && !slices.Equal(s.Parties, w.Parties) {
			t.Errorf("n. %d %q: parties %q, want %q", tc.footnote, tc.title, s.Parties, w.Parties)
		}
	}
}

// TestTranslatorsKept: translators are neither authors nor lost, and
// every export names them as translators.
func TestTranslatorsKept(t *testing.T) {
	lib := Extract([]article.Footnote{{N: 1, Text: "S. KRYLOV, Les notions principales du droit des gens, translated by A. SMITH and B. JONES, Paris, 1947, p. 407."}})
	if len(lib.Sources) != 1 {
		t.Fatalf("%d sources", len(lib.Sources))
	}
	s := lib.Sources[0]
	if !slices.Equal(s.Authors, []string{"S. KRYLOV"}) || !slices.Equal(s.Translators, []string{"A. SMITH", "B. JONES"}) ||
		s.Title != "Les notions principales du droit des gens" || s.Year != "1947" {
		t.Fatalf("authors %q translators %q title %q year %q", s.Authors, s.Translators, s.Title, s.Year)
	}
	for format, want := range map[string]string{FormatBibTeX: "translator = {SMITH, A. and JONES, B.}", FormatRIS: "A4  - SMITH, A.", FormatCSLJSON: `"translator"`} {
		var buf bytes.Buffer
		if err := Export(&buf, format, lib.Sources); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), want) {
			t.Errorf("%s lacks %q", format, want)
		}
	}
}
