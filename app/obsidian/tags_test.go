package obsidian

import (
	"strings"
	"testing"
)

var tagCases = []struct {
	in   string
	want string
}{
	{"sovereign equality", "sovereign-equality"},
	{"#already", "already"},
	{"2024", "y2024"},
	{"3.3", "n3-3"},
	{"§3.3", "section-3-3"},
	{"v1.2", "v1-2"},
	{"UN::Charter", "UN/Charter"},
	{"a/b//c/", "a/b/c"},
	{"exam prep!", "exam-prep"},
	{"Völkerrecht", "Völkerrecht"},
	{"__init__", "__init__"},
	{"---", ""},
	{"", ""},
	{"12/34", "n12/34"},
	{"art. 2(1)", "art-2-1"},
	{"日本語", "日本語"},
}

func TestTag(t *testing.T) {
	for _, tc := range tagCases {
		got := Tag(tc.in)
		if got != tc.want {
			t.Errorf("Tag(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got != "" && !ValidTag(got) {
			t.Errorf("Tag(%q) = %q is not valid", tc.in, got)
		}
	}
}

// A tag typed as "a,b,c" is three tags; case-insensitive duplicates and
// empty tags go.
func TestTags(t *testing.T) {
	got := Tags([]string{"a,b,c", "A", " ", "2024", "Y2024"})
	if strings.Join(got, " ") != "a b c y2024" {
		t.Errorf("Tags = %q", got)
	}
}

func TestBlockID(t *testing.T) {
	for in, want := range map[string]string{"3f9a0c1b2d4e": "3f9a0c1b2d4e", "imported_note_1": "imported-note-1",
		"_x_": "x", "é!": "note", "a--b": "a-b"} {
		if got := BlockID(in); got != want || !ValidBlockID(got) {
			t.Errorf("BlockID(%q) = %q, want %q", in, got, want)
		}
	}
}

// Whatever a student types, the tag written is empty or valid, and so is
// every block id.
func FuzzTag(f *testing.F) {
	for _, tc := range tagCases {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got := Tag(s); got != "" && !ValidTag(got) {
			t.Errorf("Tag(%q) = %q is not a valid tag", s, got)
		}
		if got := BlockID(s); !ValidBlockID(got) {
			t.Errorf("BlockID(%q) = %q is not a valid block id", s, got)
		}
	})
}
