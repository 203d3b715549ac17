package principles

import (
	"os"
	"regexp"
	"strconv"
	"testing"

	"github.com/glossa-app/glossa/app/deck"
	"github.com/glossa-app/glossa/app/timeline"
	"github.com/glossa-app/glossa/assets"
)

// TestReadmeCountsMatchAssets: the README tells people how many cards,
// events and principles ship; the numbers follow the assets.
func TestReadmeCountsMatchAssets(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Skipf("no README beside the module: %v", err)
	}
	cards, err := deck.Parse(assets.Deck)
	if err != nil {
		t.Fatal(err)
	}
	events, err := timeline.Parse(assets.Timeline)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := Parse(assets.Principles)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		pattern string
		want    int
	}{
		{`(\d+) flashcards`, len(cards)},
		{`timeline of the (\d+) dated events`, len(events)},
		{`each of (\d+) principles`, len(rows)},
	} {
		m := regexp.MustCompile(c.pattern).FindSubmatch(readme)
		if m == nil {
			t.Errorf("README has no %q", c.pattern)
			continue
		}
		if n, _ := strconv.Atoi(string(m[1])); n != c.want {
			t.Errorf("README says %s for %q; the assets hold %d", m[1], c.pattern, c.want)
		}
	}
}
