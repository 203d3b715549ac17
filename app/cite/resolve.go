package cite

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/lazyre"
)

// src is a source while extraction runs.
type src struct {
	work     Work
	tkey     string          // titleKey(work.Title)
	shortKey string          // titleKey(work.Short)
	words    map[string]bool // content words of title and short title
	symKey   string          // symbolKey(work.Symbol)
	tkeyLen  int             // words in tkey
	names    map[string]bool // surnames(), kept while the names are unchanged
	places   []Place
	id       string
}

func (s *src) surnames() map[string]bool {
	m := map[string]bool{}
	for _, a := range append(append([]string(nil), s.work.Authors...), s.work.Editors...) {
		m[surname(authorKey(a))] = true
	}
	return m
}

type resolver struct {
	sources   []*src
	citations []Citation
	problems  []Problem
	prev      []int // sources cited by the previous footnote (by index)
	prevN     int
	shorts    []shortTitle // short titles defined so far, longest first
}

type shortTitle struct {
	text string
	src  int
}

func newResolver() *resolver { return &resolver{prevN: -1} }

// endsWithShort reports whether t ends with a defined short title.
func (r *resolver) endsWithShort(t string) bool {
	lt := strings.ToLower(strings.TrimRight(t, " ,."))
	for _, s := range r.shorts {
		if strings.HasSuffix(lt, strings.ToLower(s.text)) {
			return true
		}
	}
	return false
}

// footnote reads one footnote's citations.
func (r *resolver) footnote(fn article.Footnote) {
	var cited []int
	ms := mentions(fn.Text)
	first := len(r.citations)
	for _, seg := range splitCitations(footnoteSegment(fn), r.endsWithShort) {
		for _, part := range r.parts(seg) {
			if inMention(part, ms) {
				continue // the primary source the prose names is added below
			}
			if i, ok := r.cite(fn.N, part, cited); ok {
				cited = append(cited, i)
			}
		}
	}
	for _, m := range ms {
		if overlapsCitation(m, r.citations[first:]) {
			continue
		}
		i := r.add(m.work)
		r.sources[i].places = append(r.sources[i].places, Place{Footnote: fn.N, Pinpoint: m.pinpoint, Form: FormFull})
		r.citations = append(r.citations, Citation{Footnote: fn.N, Start: m.start, End: m.end, Text: fn.Text[m.start:m.end],
			Form: FormFull, Pinpoint: m.pinpoint, Source: fmt.Sprint(i)})
		cited = append(cited, i)
	}
	// Citations in the order the footnote gives them.
	own := r.citations[first:]
	sort.SliceStable(own, func(a, b int) bool { return own[a].Start < own[b].Start })
	r.prev, r.prevN = cited, fn.N
}

// inMention reports whether a part that parses as no reference of its own
// (no authors, no symbol) starts inside prose that names a primary source.
func inMention(part segment, ms []mention) bool {
	for _, m := range ms {
		if part.start < m.end && part.end > m.start {
			ref := parseRef(part)
			return len(ref.work.Authors) == 0 && ref.work.Symbol == "" && ref.form == FormFull
		}
	}
	return false
}

// overlapsCitation reports whether a mention lies in text already read as
// a citation: the citation's own parser has the better reading.
func overlapsCitation(m mention, cs []Citation) bool {
	for _, c := range cs {
		if c.Start < m.end && c.End > m.start {
			return true
		}
	}
	return false
}

// parts strips the prose that introduces citations and returns what may be
// citations, in order.
func (r *resolver) parts(seg segment) []segment {
	// Case names set in prose ("... and the landmark Yukos v. Russia, 31
	// July 2012, ...") each start a citation.
	if locs := caseNameRe.FindAllStringIndex(seg.text, -1); len(locs) > 1 || len(locs) == 1 && locs[0][0] > 0 {
		var out []segment
		for i, loc := range locs {
			end := len(seg.text)
			if i+1 < len(locs) {
				end = locs[i+1][0]
			}
			out = append(out, r.partsOf(seg.sub(loc[0], end).trim())...)
		}
		return out
	}
	return r.partsOf(seg)
}

// caseNameRe finds "Party v. Party, 22 March 2012".
var caseNameRe = lazyre.New(`\b(?:[A-Z][\p{L}'’\-]*\s(?:and\s)?)+v\.\s[A-Z][\p{L}]+(?:\s[A-Z][\p{L}]+)*,\s\d{1,2}\s` + monthRe + `\s\d{4}`)

func (r *resolver) partsOf(seg segment) []segment {
	before, rest := stripIntro(seg)
	var out []segment
	if before.text != "" && looksLikeCitation(before, r) && !proseStart.MatchString(before.text) && !proseLike(before.text) {
		out = append(out, before)
	}
	rest = skipLeadingProse(rest.trim()).trim()
	// Text after the citation that only comments on it: ", which ...".
	if loc := commentRe.FindStringIndex(rest.text); loc != nil {
		rest = rest.sub(0, loc[0]).trim()
	}
	if rest.text != "" && looksLikeCitation(rest, r) && !bareURL.MatchString(rest.text) && !versionOf.MatchString(rest.text) && !narrativeWithSite(rest) {
		out = append(out, rest)
	}
	return out
}

// narrativeVerb is a verb in the past before an object: "(The Citizen
// Lab ...) developed an (interactive tool)", which a title rarely has.
var narrativeVerb = lazyre.New(`\b[a-z]{3,}ed\s+(?:an?|the|its|their)\s`)

// narrativeWithSite is a sentence that points at a site ("The Citizen Lab
// ... developed an interactive tool ..., available at www...."): no
// author, year, date or symbol, and a narrative verb before the address.
func narrativeWithSite(s segment) bool {
	i := strings.Index(s.text, "available at")
	if i < 0 || !narrativeVerb.MatchString(s.text[:i]) {
		return false
	}
	w := parseRef(s).work
	return len(w.Authors) == 0 && w.Year == "" && w.Date == "" && w.Symbol == ""
}

// versionOf is a pointer to another version of a work already cited
// ("The English translation of this text is available at ..."), not a
// work of its own.
var versionOf = lazyre.New(`(?i)^(?:the|an?)\s+(?:\p{L}+\s+)?(?:translation|text|version)\s+of\s+(?:this|that|these|the same)\b`)

// bareURL is a segment that only points at a site ("see www.unodc.org").
var bareURL = lazyre.New(`^(?:https?://)?www\.\S+$`)

// looksLikeCitation rejects prose: a citation has a year, an address, a
// symbol, "cit.", "Ibid.", a short title, a name or an italic title.
func looksLikeCitation(s segment, r *resolver) bool {
	t := s.text
	switch {
	case ibidRe.MatchString(t), citRe.MatchString(t), yearRe.MatchString(t), strings.Contains(t, "www."),
		symbolRe.MatchString(t), len(s.italics) > 0:
		return true
	case personStart.MatchString(t) || (capsRun.MatchString(t) && isCapsName(capsRun.FindString(t))):
		return true
	}
	if _, ok := r.matchShort(t); ok {
		return true
	}
	// A bare title of a known work ("Article 2 of the Agreement on ...").
	ref := parseRef(s)
	return ref.work.Title != "" && len(r.candidates(ref.work)) == 1
}

// matchShort finds a defined short title at the start of t.
func (r *resolver) matchShort(t string) (shortTitle, bool) {
	lt := strings.ToLower(t)
	for _, s := range r.shorts {
		ls := strings.ToLower(s.text)
		if strings.HasPrefix(lt, ls) && (len(lt) == len(ls) || !isWordByte(lt[len(ls)])) {
			return s, true
		}
	}
	return shortTitle{}, false
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9'
}

// cite resolves one citation and records it. It returns the index of the
// source cited, and false when it cites none (unresolved or ambiguous).
func (r *resolver) cite(n int, seg segment, cited []int) (int, bool) {
	c := Citation{Footnote: n, Start: seg.start, End: seg.end, Text: seg.text}
	idx := -1
	if st, ok := r.matchShort(seg.text); ok {
		c.Form = FormShort
		c.Pinpoint = cleanPinpoint(seg.text[len(st.text):])
		idx = st.src
	} else {
		ref := parseRef(seg)
		c.Form, c.Pinpoint = ref.form, ref.pinpoint
		switch ref.form {
		case FormIbid:
			idx = r.ibid(n, &c)
		case FormShort:
			idx = r.short(ref, &c, true)
		default:
			if ref.work.Title == "" && !ref.hasFullData {
				return -1, false
			}
			if !ref.hasFullData {
				// A bare title: a short form if it names a known work.
				if i := r.short(ref, &c, false); i >= 0 {
					c.Form = FormShort
					idx = i
					break
				}
			}
			c.Form = FormFull
			idx = r.add(ref.work)
		}
	}
	if idx >= 0 {
		s := r.sources[idx]
		s.places = append(s.places, Place{Footnote: n, Pinpoint: c.Pinpoint, Form: c.Form})
		c.Source = fmt.Sprint(idx) // replaced by the stable id at the end
	}
	r.citations = append(r.citations, c)
	return idx, idx >= 0
}

// ibid resolves "Ibid." to the previous footnote's work.
func (r *resolver) ibid(n int, c *Citation) int {
	if r.prevN != n-1 || len(r.prev) == 0 {
		c.Note = "Ibid. but the previous footnote cites no work"
		r.problem(n, ProblemUnresolved, c, nil)
		return -1
	}
	uniq := dedupInts(r.prev)
	if len(uniq) == 1 {
		return uniq[0]
	}
	var fit, strong []int
	for _, i := range uniq {
		switch pinpointFits(r.sources[i].work, c.Pinpoint) {
		case fitYes:
			strong = append(strong, i)
			fit = append(fit, i)
		case fitMaybe:
			fit = append(fit, i)
		}
	}
	switch {
	case len(strong) == 1:
		return strong[0]
	case len(fit) == 1:
		return fit[0]
	}
	if len(fit) == 0 {
		fit = uniq
	}
	c.Ambiguous = true
	c.Note = fmt.Sprintf("Ibid. after a footnote citing %d works; the pinpoint %q does not single one out", len(uniq), c.Pinpoint)
	r.problem(n, ProblemAmbiguous, c, fit)
	return -1
}

type fit int

const (
	fitNo fit = iota
	fitMaybe
	fitYes
)

var pageNumRe = lazyre.New(`^pp?\.\s*([0-9]+)`)

// pinpointFits says whether a pinpoint can point into w: a page inside the
// work's page range, an article or paragraph of a document.
func pinpointFits(w Work, pin string) fit {
	if pin == "" {
		return fitMaybe
	}
	paged := w.Kind == KindArticle || w.Kind == KindChapter || w.Kind == KindBook
	if m := pageNumRe.FindStringSubmatch(pin); m != nil {
		p, _ := strconv.Atoi(m[1])
		if w.Pages == "" {
			return fitMaybe
		}
		first, _ := strconv.Atoi(strings.SplitN(w.Pages, "-", 2)[0])
		if p < first || p > first+300 {
			return fitNo
		}
		return fitYes
	}
	if provisionPinRe.MatchString(pin) {
		if paged {
			return fitNo
		}
		return fitYes
	}
	return fitMaybe
}

// short resolves "AUTHOR, Title, cit." and "Title, cit." (and, with
// report false, bare titles that may name a known work).
func (r *resolver) short(ref ref, c *Citation, report bool) int {
	w := ref.work
	cands := r.candidates(w)
	if len(cands) == 1 {
		return cands[0]
	}
	if len(cands) == 0 {
		if ref.containerCit && w.Title != "" && len(w.Authors) > 0 {
			// A chapter first cited here, in a book cited before.
			c.Form = FormFull
			w.Kind = KindChapter
			if w.Pages == "" {
				w.Pages = pagesOf(c.Pinpoint)
			}
			return r.add(w)
		}
		if report {
			c.Note = "no earlier work matches this short form"
			r.problem(c.Footnote, ProblemUnresolved, c, nil)
		}
		return -1
	}
	if !report {
		return -1
	}
	c.Ambiguous = true
	c.Note = fmt.Sprintf("%d earlier works match this short form", len(cands))
	r.problem(c.Footnote, ProblemAmbiguous, c, cands)
	return -1
}

// candidates lists the known works a short reference may name, best tier
// only: exact or word-prefix title matches beat loose word matches.
func (r *resolver) candidates(w Work) []int {
	tk := titleKey(w.Title)
	if tk == "" {
		return nil
	}
	qw := contentWords(w.Title)
	var ss map[string]bool
	if len(w.Authors) > 0 || len(w.Editors) > 0 {
		ss = (&src{work: w}).surnames()
	}
	best, tier := []int(nil), 0
	for i, s := range r.sources {
		if ss != nil && len(s.work.Authors)+len(s.work.Editors) > 0 && !overlaps(ss, s.names) {
			continue
		}
		t := 0
		switch {
		case tk == s.tkey || tk == s.shortKey && s.shortKey != "":
			t = 4
		case isWordPrefix(tk, s.tkey) && len(strings.Fields(tk)) >= 2:
			t = 3
		case len(qw) >= 2 && containment(qw, s.words) >= 0.8:
			t = 2
		case len(qw) >= 3 && strings.Contains(s.tkey, tk):
			t = 2
		}
		if w.Symbol != "" && s.work.Symbol != "" && symbolKey(w.Symbol) != symbolKey(s.work.Symbol) {
			t = 0
		}
		switch {
		case t == 0:
		case t > tier:
			best, tier = []int{i}, t
		case t == tier:
			best = append(best, i)
		}
	}
	return best
}

func overlaps(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// add records a full citation's work, merging it with a known work that
// has the same symbol, or the same title and authors.
func (r *resolver) add(w Work) int {
	// the new work's keys once, not once per known source: this loop is
	// most of the extraction's time and garbage
	k := &src{work: w}
	k.keys()
	for i, s := range r.sources {
		if sameWork(k, s) {
			mergeWork(&s.work, w)
			r.index(i)
			return i
		}
	}
	s := &src{work: w}
	r.sources = append(r.sources, s)
	r.index(len(r.sources) - 1)
	return len(r.sources) - 1
}

func (r *resolver) index(i int) {
	s := r.sources[i]
	s.keys()
	s.shortKey = titleKey(s.work.Short)
	s.words = wordSet(contentWords(s.work.Title), contentWords(s.work.Short))
	if s.work.Short == "" {
		return
	}
	for _, st := range r.shorts {
		if strings.EqualFold(st.text, s.work.Short) {
			return
		}
	}
	r.shorts = append(r.shorts, shortTitle{text: s.work.Short, src: i})
	sort.SliceStable(r.shorts, func(a, b int) bool { return len(r.shorts[a].text) > len(r.shorts[b].text) })
}

func sameWork(k, s *src) bool {
	w := k.work
	if w.Symbol != "" && s.work.Symbol != "" {
		return k.symKey == s.symKey
	}
	tk := k.tkey
	if tk == "" {
		return false
	}
	// A title cut short matches the full one, but only with enough words
	// that the prefix is not a common opening ("China", "Russia").
	titleMatch := tk == s.tkey ||
		k.tkeyLen >= 3 && isWordPrefix(tk, s.tkey) ||
		s.tkeyLen >= 3 && isWordPrefix(s.tkey, tk)
	if !titleMatch {
		return false
	}
	if len(w.Authors)+len(w.Editors) > 0 && len(s.work.Authors)+len(s.work.Editors) > 0 {
		return overlaps(k.names, s.names)
	}
	return true
}

// keys computes what sameWork compares from the work as it is now.
func (s *src) keys() {
	s.tkey = titleKey(s.work.Title)
	s.tkeyLen = len(strings.Fields(s.tkey))
	s.symKey = symbolKey(s.work.Symbol)
	s.names = s.surnames()
}

// mergeWork fills fields the first citation left empty.
func mergeWork(dst *Work, w Work) {
	if len(dst.Authors) == 0 {
		dst.Authors = w.Authors
	}
	if len(dst.Editors) == 0 {
		dst.Editors = w.Editors
	}
	fill := func(d *string, v string) {
		if *d == "" {
			*d = v
		}
	}
	fill(&dst.Container, w.Container)
	fill(&dst.Place, w.Place)
	fill(&dst.Year, w.Year)
	fill(&dst.Date, w.Date)
	fill(&dst.Volume, w.Volume)
	fill(&dst.Pages, w.Pages)
	fill(&dst.Symbol, w.Symbol)
	fill(&dst.URL, w.URL)
	fill(&dst.Short, w.Short)
	if dst.Kind == "" || dst.Kind == KindOther {
		dst.Kind = w.Kind
	}
}

func (r *resolver) problem(n int, kind string, c *Citation, cands []int) {
	p := Problem{Footnote: n, Kind: kind, Text: c.Text, Message: c.Note}
	for _, i := range cands {
		p.Candidates = append(p.Candidates, fmt.Sprint(i))
	}
	c.Candidates = p.Candidates
	r.problems = append(r.problems, p)
}

func dedupInts(a []int) []int {
	var out []int
	seen := map[int]bool{}
	for _, x := range a {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// library assigns stable ids and keys and builds the Library.
func (r *resolver) library() *Library {
	ids := make([]string, len(r.sources))
	for i, s := range r.sources {
		if s.work.Kind == "" {
			s.work.Kind = KindOther
		}
		identify(&s.work)
		ids[i] = sourceID(s.work)
		s.id = ids[i]
	}
	// Two works that normalise alike would share an id; keep ids unique
	// by suffixing in first-citation order.
	seen := map[string]int{}
	for i := range ids {
		seen[ids[i]]++
		if k := seen[ids[i]]; k > 1 {
			ids[i] = fmt.Sprintf("%s-%d", ids[i], k)
		}
	}
	lib := &Library{byID: map[string]int{}}
	for i, s := range r.sources {
		src := Source{ID: ids[i], Work: s.work, CitedIn: s.places}
		for _, a := range append(append([]string(nil), s.work.Authors...), s.work.Editors...) {
			src.AuthorKeys = append(src.AuthorKeys, authorKey(a))
		}
		lib.Sources = append(lib.Sources, src)
	}
	assignKeys(lib.Sources)
	sort.Slice(lib.Sources, func(i, j int) bool { return lib.Sources[i].Key < lib.Sources[j].Key })
	for i, s := range lib.Sources {
		lib.byID[s.ID] = i
	}
	mapID := func(s string) string {
		i, err := strconv.Atoi(s)
		if err != nil || i < 0 || i >= len(ids) {
			return s
		}
		return ids[i]
	}
	for _, c := range r.citations {
		if c.Source != "" {
			c.Source = mapID(c.Source)
		}
		for k := range c.Candidates {
			c.Candidates[k] = mapID(c.Candidates[k])
		}
		lib.Citations = append(lib.Citations, c)
	}
	for _, p := range r.problems {
		for k := range p.Candidates {
			p.Candidates[k] = mapID(p.Candidates[k])
		}
		lib.Problems = append(lib.Problems, p)
	}
	lib.search = newSearchIndex(lib.Sources)
	return lib
}

// sourceID derives an id from what identifies the work, never from the
// order of citation: normalised authors, title and UN symbol.
func sourceID(w Work) string {
	var keys []string
	for _, a := range append(append([]string(nil), w.Authors...), w.Editors...) {
		keys = append(keys, surname(authorKey(a)))
	}
	h := sha256.Sum256([]byte(strings.Join(keys, ";") + "|" + titleKey(w.Title) + "|" + symbolKey(w.Symbol)))
	return "src-" + hex.EncodeToString(h[:5])
}

// assignKeys gives each source a citation key like "malksoo2015russian":
// first author's surname, year, first content word of the title; "a", "b"
// suffixes, in id order, separate equal keys.
func assignKeys(sources []Source) {
	base := make([]string, len(sources))
	for i, s := range sources {
		base[i] = baseKey(s.Work)
	}
	order := make([]int, len(sources))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool {
		if base[order[a]] != base[order[b]] {
			return base[order[a]] < base[order[b]]
		}
		return sources[order[a]].ID < sources[order[b]].ID
	})
	count := map[string]int{}
	for _, b := range base {
		count[b]++
	}
	used := map[string]int{}
	for _, i := range order {
		k := base[i]
		if count[k] > 1 {
			k += string(rune('a' + used[base[i]]%26))
			if used[base[i]] >= 26 {
				k += strconv.Itoa(used[base[i]] / 26)
			}
			used[base[i]]++
		}
		sources[i].Key = k
	}
}

var acronymRe = lazyre.New(`\(([A-Z]{2,10})\)`)

func baseKey(w Work) string {
	who := ""
	names := w.Authors
	if len(names) == 0 {
		names = w.Editors
	}
	if len(names) > 0 {
		a := names[0]
		if k := authorKey(a); k == "UN GENERAL ASSEMBLY" {
			who = "unga"
		} else if m := acronymRe.FindStringSubmatch(a); m != nil {
			who = m[1]
		} else if personStart.MatchString(a) {
			who = surname(authorKey(a))
		} else {
			// An institution: its initials ("MOFARF" is unreadable, so
			// at most six).
			var b strings.Builder
			for _, x := range contentWords(authorKey(a)) {
				b.WriteByte(x[0])
			}
			who = b.String()
			if len(who) > 8 {
				who = who[:8]
			}
			if len(strings.Fields(authorKey(a))) == 1 {
				who = authorKey(a)
			}
		}
	}
	word := ""
	for _, x := range contentWords(w.Title) {
		word = x
		break
	}
	if who == "" {
		// No author: the title's first word leads ("draft2023").
		return asciiKey(word, 12) + asciiKey(w.Year, 4)
	}
	return asciiKey(who, 16) + asciiKey(w.Year, 4) + asciiKey(word, 12)
}

func asciiKey(s string, max int) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		r = fold(r)
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			if b.Len() >= max {
				break
			}
		}
	}
	return b.String()
}

// compiled once: these were compiled on every call, in the extraction's
// hot path
var (
	commentRe      = lazyre.New(`,\s+(?:which|where|who|in which|whose text|concerning|considered|seen)\b`)
	provisionPinRe = lazyre.New(`^(?i:arts?\.|articles?|paras?\.|para\b|letts?\.|lett\b|n\.|nos?\.)`)
)
