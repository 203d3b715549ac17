package cite

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/glossa-app/glossa/app/startup"
)

func smallLibrary() *Library {
	return NewLibrary([]Source{
		{ID: "a", Work: Work{Authors: []string{"L. MÄLKSOO"}, Title: "Russian Approaches to International Law", Place: "Oxford", Year: "2015", Kind: KindBook}},
		{ID: "b", Work: Work{Authors: []string{"H. XUE"}, Title: "Chinese Contemporary Perspectives on International Law", Container: "Collected Courses of The Hague Academy of International Law", Year: "2012", Kind: KindArticle}},
		{ID: "c", Work: Work{Authors: []string{"E. SCHER ZAGIER"}, Title: "The New UN Cybercrime Treaty Is a Bigger Deal Than Even Its Critics Realize", Container: "Just Security", Year: "2024", Kind: KindWeb}},
		{ID: "d", Work: Work{Editors: []string{"L. MÄLKSOO", "W. BENEDEK"}, Title: "Russia and the European Court of Human Rights", Year: "2017", Kind: KindBook}},
		{ID: "e", Work: Work{Authors: []string{"А. ИВАНОВ"}, Title: "Международное право", Year: "2020", Kind: KindBook}},
	})
}

// highlighted renders a field with its matched characters in brackets.
func highlighted(fm FieldMatch) string {
	var b strings.Builder
	k := 0
	for off, r := range fm.Text {
		if k < len(fm.Indexes) && fm.Indexes[k] == off {
			b.WriteString("[" + string(r) + "]")
			k++
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func TestSearch(t *testing.T) {
	lib := smallLibrary()
	tests := []struct {
		query string
		first string // id of the best match; "" for no match
		field Field
		marks string // the best match's field with matches in brackets
	}{
		{"malksoo", "a", FieldAuthors, "L. [M][Ä][L][K][S][O][O]"},
		{"MALKSOO", "a", FieldAuthors, "L. [M][Ä][L][K][S][O][O]"},
		{"xue", "b", FieldAuthors, "H. [X][U][E]"},
		{"just security", "c", FieldContainer, "[J][u][s][t][ ][S][e][c][u][r][i][t][y]"},
		{"2017", "d", FieldYear, "[2][0][1][7]"},
		{"benedek", "d", FieldAuthors, "L. MÄLKSOO; W. [B][E][N][E][D][E][K]"},
		{"cybercrime treaty", "c", FieldTitle, "The New UN [C][y][b][e][r][c][r][i][m][e][ ][T][r][e][a][t][y] Is a Bigger Deal Than Even Its Critics Realize"},
		{"иванов", "e", FieldAuthors, "А. [И][В][А][Н][О][В]"},
		{"zzzz", "", 0, ""},
		{"", "", 0, ""},
		{"   ", "", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got := lib.Search(tt.query)
			if tt.first == "" {
				if len(got) != 0 {
					t.Fatalf("Search(%q) = %d matches, want none", tt.query, len(got))
				}
				return
			}
			if len(got) == 0 {
				t.Fatalf("Search(%q) found nothing", tt.query)
			}
			if got[0].Source.ID != tt.first {
				t.Errorf("Search(%q) best = %s %q, want %s", tt.query, got[0].Source.ID, got[0].Source.Title, tt.first)
			}
			var marks string
			for _, fm := range got[0].Fields {
				if fm.Field == tt.field {
					marks = highlighted(fm)
				}
			}
			if marks != tt.marks {
				t.Errorf("Search(%q) %s highlight = %q, want %q", tt.query, tt.field, marks, tt.marks)
			}
			for k := 1; k < len(got); k++ {
				if got[k].Score > got[k-1].Score {
					t.Errorf("results not ranked: %d then %d", got[k-1].Score, got[k].Score)
				}
			}
		})
	}
}

// TestSearchIndexesInBounds checks every highlight offset on the article's
// sources points at the start of a character of its field.
func TestSearchIndexesInBounds(t *testing.T) {
	lib := Extract(articleFootnotes(t))
	for _, q := range []string{"m", "ma", "mal", "malksoo", "un", "cyber", "2016", "joint", "russia china", "é", "ä"} {
		for _, m := range lib.Search(q) {
			for _, fm := range m.Fields {
				for _, off := range fm.Indexes {
					if off < 0 || off >= len(fm.Text) || !utf8RuneStart(fm.Text[off]) {
						t.Fatalf("Search(%q): %s index %d bad in %q", q, fm.Field, off, fm.Text)
					}
				}
			}
		}
	}
	if n := len(lib.Search("malksoo")); n < 3 {
		t.Errorf("Search(malksoo) on the article = %d matches, want Mälksoo's works", n)
	}
}

// TestSearchRanksDenseMatchesFirst checks on the article that a name
// typed whole beats the same letters scattered through a shorter
// reference.
func TestSearchRanksDenseMatchesFirst(t *testing.T) {
	lib := Extract(articleFootnotes(t))
	for q, want := range map[string]string{"xue": "H. XUE", "malksoo": "L. MÄLKSOO", "seatzu": "F. SEATZU", "ginsburg": "T. GINSBURG", "koskenniemi": "M. KOSKENNIEMI"} {
		got := lib.Search(q)
		if len(got) == 0 || !strings.Contains(got[0].Source.AuthorLine(), want) {
			first := ""
			if len(got) > 0 {
				first = got[0].Source.AuthorLine()
			}
			t.Errorf("Search(%q) ranks %q first, want %s", q, first, want)
		}
	}
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// generatedLibrary makes n plausible sources, deterministically.
func generatedLibrary(n int) *Library {
	rng := rand.New(rand.NewSource(1))
	surnames := strings.Fields("WANG XUE MÄLKSOO SCHMITT ROBERTS KOSKENNIEMI SEATZU SUKUMAR BASU PETERS GINSBURG CHEN LI ZHANG ROSSI SMIRNOVA KRYLOV ANGHIE SIMPSON GÖTZ FUNG ARIS CARR LEWIS NYE MAURER KENNY HENRIKSEN")
	words := strings.Fields("international law sovereignty cyber security china russia human rights treaty convention state order equality interference united nations regime governance data information digital power legal court approach theory history practice norms")
	containers := []string{"Journal of Cyber Policy", "Chinese Journal of International Law", "Lawfare", "Just Security", "European Journal of International Law", ""}
	sources := make([]Source, n)
	for i := range sources {
		var title []string
		for k := 0; k < 4+rng.Intn(8); k++ {
			w := words[rng.Intn(len(words))]
			if k == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			}
			title = append(title, w)
		}
		w := Work{
			Authors:   []string{fmt.Sprintf("%c. %s", 'A'+rng.Intn(26), surnames[rng.Intn(len(surnames))])},
			Title:     strings.Join(title, " "),
			Container: containers[rng.Intn(len(containers))],
			Year:      fmt.Sprint(1950 + rng.Intn(75)),
			Kind:      KindArticle,
		}
		sources[i] = Source{ID: fmt.Sprintf("g%06d", i), Work: w}
	}
	return NewLibrary(sources)
}

// keystrokes are the queries a user types, one character at a time.
var keystrokes = []string{"m", "ma", "mal", "malk", "malks", "malkso", "malksoo", "malksoo r", "malksoo ru", "malksoo rus"}

// benchSearch runs queries in turn and reports, besides wall time, CPU
// time per query (cpu-ns/op), which load from other processes leaves alone.
func benchSearch(b *testing.B, lib *Library, queries []string) {
	b.ReportAllocs()
	b.ResetTimer()
	start, _ := startup.ProcessCPU()
	for i := 0; i < b.N; i++ {
		lib.Search(queries[i%len(queries)])
	}
	b.StopTimer()
	if end, ok := startup.ProcessCPU(); ok {
		c := end - start
		b.ReportMetric(float64(c.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

// BenchmarkSearchArticle types "malksoo rus" one key at a time, over and
// over, on the article's sources.
func BenchmarkSearchArticle(b *testing.B) {
	benchSearch(b, Extract(articleFootnotes(b)), keystrokes)
}

// BenchmarkSearch100k types the same keys on 100,000 generated sources.
func BenchmarkSearch100k(b *testing.B) {
	benchSearch(b, generatedLibrary(100_000), keystrokes)
}

// BenchmarkSearch100kWorst repeats the slowest keystroke: a first letter
// that nearly every source contains, with nothing to narrow from.
func BenchmarkSearch100kWorst(b *testing.B) {
	benchSearch(b, generatedLibrary(100_000), []string{"a", "e"})
}

// TestSearchCuts: on the article, a query finds the sources it names and
// no others: "ohchr" the OHCHR's work, "malksoo" the works Mälksoo wrote
// or edited, a typo still finds them; letters scattered through a
// reference match nothing.
func TestSearchCuts(t *testing.T) {
	lib := Extract(articleFootnotes(t))
	// the expected sets are read off the sources' own fields, not the index
	want := func(has func(s *Source) bool) map[string]bool {
		m := map[string]bool{}
		for i := range lib.Sources {
			if has(&lib.Sources[i]) {
				m[lib.Sources[i].ID] = true
			}
		}
		return m
	}
	byAuthor := func(key string) map[string]bool {
		return want(func(s *Source) bool { return strings.Contains(authorKey(s.AuthorLine()), key) })
	}
	for _, tc := range []struct {
		query string
		want  map[string]bool
	}{
		{"ohchr", want(func(s *Source) bool {
			return strings.Contains(s.AuthorLine()+s.Title+s.Container, "OHCHR")
		})},
		{"malksoo", byAuthor("MALKSOO")},
		{"malskoo", byAuthor("MALKSOO")}, // two letters swapped
		{"mälksoo", byAuthor("MALKSOO")},
		{"a/res/79/243", want(func(s *Source) bool { return s.Symbol == "A/RES/79/243" })},
		{"permanent court", want(func(s *Source) bool { return strings.Contains(s.Court, "Permanent Court") })},
	} {
		got := map[string]bool{}
		for _, m := range lib.Search(tc.query) {
			got[m.Source.ID] = true
		}
		if len(tc.want) == 0 {
			t.Fatalf("%q: the article has no such source to find", tc.query)
		}
		for id := range got {
			if !tc.want[id] {
				s, _ := lib.Source(id)
				t.Errorf("Search(%q) finds the unrelated %q / %q", tc.query, s.AuthorLine(), s.Title)
			}
		}
		for id := range tc.want {
			if !got[id] {
				s, _ := lib.Source(id)
				t.Errorf("Search(%q) misses %q / %q", tc.query, s.AuthorLine(), s.Title)
			}
		}
	}
}

// TestSearchNoScatteredLetters: a subsequence spread over words is no
// match; a word start or a stretch of adjacent letters is.
func TestSearchNoScatteredLetters(t *testing.T) {
	lib := NewLibrary([]Source{
		{ID: "office", Work: Work{Authors: []string{"Office of the High Commissioner"}, Title: "Human Rights", Year: "2024"}},
		{ID: "ohchr", Work: Work{Authors: []string{"OHCHR"}, Title: "Annual Report", Year: "2023"}},
		{ID: "formal", Work: Work{Authors: []string{"A. BERG"}, Title: "Formal Sources", Year: "2020"}},
	})
	for q, want := range map[string]string{"ohchr": "ohchr", "rmal": "formal", "ma": "", "annual rep": "ohchr", "berg 2020": "formal"} {
		var got []string
		for _, m := range lib.Search(q) {
			got = append(got, m.Source.ID)
		}
		if strings.Join(got, ",") != want {
			t.Errorf("Search(%q) = %q, want %q", q, got, want)
		}
	}
}
