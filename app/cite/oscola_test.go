package cite

import (
	"strings"
	"testing"
)

// TestOSCOLA: one source of each kind, as the footnotes cite it, against
// the citation the OSCOLA guide's examples lead to for it (4th edition:
// "Balogh v Hungary App no 47940/99 (ECHR, 20 July 2004)"; "Case of the
// SS Lotus (France v Turkey) (Judgment) 1927 PCIJ Rep Series A No 10";
// "UNSC Res 1373 (28 September 2001) UN Doc S/RES/1373"; "Paul Craig,
// 'Theory, "Pure Theory" and Values in Public Law' [2005] PL 440";
// "Justine Pila, 'The Value of Authorship in the Digital Environment' in
// William H Dutton and Paul W Jeffreys (eds), World Wide Research (MIT
// Press 2010)"; "Sarah Cole, 'Virtual Friend Fires Employee' (Naked Law,
// 1 May 2009) <http://...>").
func TestOSCOLA(t *testing.T) {
	for _, tc := range []struct {
		kind Kind
		w    Work
		pin  string
		want string
	}{
		{KindBook, Work{Authors: []string{"L. MÄLKSOO"}, Title: "Russian Approaches to International Law", Place: "Oxford", Year: "2015"}, "p. 100 ff.",
			"L Mälksoo, Russian Approaches to International Law (Oxford 2015), 100ff"},
		{KindBook, Work{Editors: []string{"L. MÄLKSOO", "W. BENEDEK"}, Title: "Russia and the European Court of Human Rights. The Strasbourg Effect", Place: "Cambridge", Year: "2017"}, "",
			"L Mälksoo and W Benedek (eds), Russia and the European Court of Human Rights. The Strasbourg Effect (Cambridge 2017)"},
		{KindArticle, Work{Authors: []string{"A. SUKUMAR", "A. BASU"}, Title: "Back to the territorial state", Container: "Journal of Cyber Policy", Year: "2024", Pages: "256"}, "p. 264",
			"A Sukumar and A Basu, 'Back to the territorial state' [2024] Journal of Cyber Policy 256, 264"},
		{KindArticle, Work{Authors: []string{"M. W. REISMAN"}, Title: "Sovereignty and Human Rights in Contemporary International Law", Container: "AJIL", Volume: "84", Year: "1990", Pages: "866"}, "",
			"MW Reisman, 'Sovereignty and Human Rights in Contemporary International Law' (1990) 84 AJIL 866"},
		{KindChapter, Work{Authors: []string{"P. ROSSI"}, Title: "China", Editors: []string{"F.M. PALOMBINO"}, Container: "Duelling for Supremacy", Place: "Cambridge", Year: "2019"}, "p. 58 ss.",
			"P Rossi, 'China' in FM Palombino (ed), Duelling for Supremacy (Cambridge 2019), 58ff"},
		{KindWeb, Work{Authors: []string{"A. PETERS"}, Title: "Russia and China Are Trying to Set the U.N.'s Rules on Cybercrime", Container: "Foreign Policy", Date: "16 September 2019", URL: "www.foreignpolicy.com"}, "",
			"A Peters, 'Russia and China Are Trying to Set the U.N.'s Rules on Cybercrime' (Foreign Policy, 16 September 2019) <https://www.foreignpolicy.com>"},
		{KindReport, Work{Authors: []string{"E. KORZAK"}, Title: "Russia's Cyber Policy Efforts in the United Nations", Year: "2021", URL: "www.ccdcoe.org"}, "",
			"E Korzak, 'Russia's Cyber Policy Efforts in the United Nations' (2021) <https://www.ccdcoe.org>"},
		{KindCase, Work{Title: "Kostantin Markin v. Russia", Court: "European Court of Human Rights", Number: "30078/06", Date: "22 March 2012"}, "",
			"Kostantin Markin v Russia App no 30078/06 (ECHR, 22 March 2012)"},
		{KindCase, Work{Title: "Anchugov and Gladkov v. Russia", Court: "European Court of Human Rights", Number: "11157/04 and 15162/05", Date: "9 December 2013"}, "para. 108",
			"Anchugov and Gladkov v Russia App nos 11157/04 and 15162/05 (ECHR, 9 December 2013), para 108"},
		{KindCase, Work{Title: "Customs Regime between Germany and Austria", Court: "Permanent Court of International Justice", Date: "5 September 1931", Year: "1931", Published: "Series A/B, No. 41"}, "p. 57",
			"Customs Regime between Germany and Austria (Advisory Opinion) 1931 PCIJ Rep Series A/B No 41, 57"},
		{KindTreaty, Work{Authors: []string{"Council of Europe"}, Title: "Convention on Cybercrime", Date: "23 November 2001", Published: "ETS No. 185"}, "art. 2",
			"Convention on Cybercrime (signed 23 November 2001) ETS No 185, art 2"},
		{KindResolution, Work{Authors: []string{"UN General Assembly"}, Body: "UN General Assembly", Title: "Developments in the field of information and telecommunications in the context of international security", Symbol: "A/RES/53/70", Date: "4 January 1999"}, "",
			"UNGA Res 53/70 'Developments in the field of information and telecommunications in the context of international security' (4 January 1999) UN Doc A/RES/53/70"},
		{KindResolution, Work{Authors: []string{"UNGA"}, Body: "UN General Assembly", Title: "Res 79/243", Symbol: "A/RES/79/243", Date: "24 December 2024"}, "",
			"UNGA Res 79/243 (24 December 2024) UN Doc A/RES/79/243"},
		{KindUNDocument, Work{Authors: []string{"UN General Assembly"}, Body: "UN General Assembly", Title: "Report of the Group of Governmental Experts on Developments in the Field of Information and Telecommunications in the Context of International Security", Date: "22 July 2015", Symbol: "A/70/174"}, "para. 13",
			"UNGA 'Report of the Group of Governmental Experts on Developments in the Field of Information and Telecommunications in the Context of International Security' (22 July 2015) UN Doc A/70/174, para 13"},
		{KindLegislation, Work{Title: `On Amendments to the Federal Law "On Information, Information Technologies and the Protection of Information"`, Number: "398-FZ", Date: "28 December 2013", State: "Russian Federation"}, "",
			`On Amendments to the Federal Law "On Information, Information Technologies and the Protection of Information" No 398-FZ of 28 December 2013 (Russian Federation)`},
		{KindLegislation, Work{Title: "Data Security Law of the People's Republic of China", Year: "2021", State: "People's Republic of China"}, "art. 36",
			"Data Security Law of the People's Republic of China 2021, art 36"},
		{KindOfficial, Work{Authors: []string{"MINISTRY OF FOREIGN AFFAIRS OF THE PEOPLE'S REPUBLIC OF CHINA"}, Body: "MINISTRY OF FOREIGN AFFAIRS OF THE PEOPLE'S REPUBLIC OF CHINA", Title: "Foreign Ministry Spokesperson Wang Wenbin's Regular Press Conference", Date: "12 April 2023", URL: "www.mfa.gov.cn"}, "",
			"Ministry of Foreign Affairs of the People's Republic of China, 'Foreign Ministry Spokesperson Wang Wenbin's Regular Press Conference' (12 April 2023) <https://www.mfa.gov.cn>"},
		{KindOfficial, Work{Authors: []string{"UNITED NATIONS OFFICE ON DRUGS AND CRIME (UNODC)"}, Title: "Convention at a glance", URL: "www.unodc.org"}, "",
			"United Nations Office on Drugs and Crime (UNODC), 'Convention at a glance' <https://www.unodc.org>"},
	} {
		w := tc.w
		w.Kind = tc.kind
		s := Source{Work: w}
		if got := s.OSCOLA(tc.pin); got != tc.want {
			t.Errorf("%s %q:\n got %s\nwant %s", tc.kind, w.Title, got, tc.want)
		}
	}
}

// TestOSCOLAArticle: every source of the article gets a citation with no
// empty slot left by a missing field.
func TestOSCOLAArticle(t *testing.T) {
	lib := Extract(articleFootnotes(t))
	for i := range lib.Sources {
		s := &lib.Sources[i]
		got := s.OSCOLA("")
		for _, bad := range []string{"()", "( ", " )", ", ,", "''", "  ", " ,"} {
			if strings.Contains(got, bad) || got == "" {
				t.Errorf("%s (%s): %q has %q", s.Key, s.Kind, got, bad)
			}
		}
	}
}

// BenchmarkOSCOLA writes every source of the article with a page range
// pinpoint, as the Sources screen's OSCOLA button and the Markdown export
// do for a whole library.
func BenchmarkOSCOLA(b *testing.B) {
	lib := Extract(articleFootnotes(b))
	b.ReportAllocs()
	for b.Loop() {
		for i := range lib.Sources {
			lib.Sources[i].OSCOLA("pp. 102-104")
		}
	}
}
