package lecture

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Kinds of plan items. The names are written in the plans' JSON (and in
// notes bundles), so they are a contract.
const (
	ItemPassage  = "passage"  // a paragraph, or some of its sentences
	ItemFootnote = "footnote" // one footnote, large
	ItemTimeline = "timeline" // the timeline, full screen
	ItemMap      = "map"      // a map, full screen: MapCited or MapPrinciples
)

// Maps a plan may show.
const (
	MapCited      = "cited"      // who is cited where
	MapPrinciples = "principles" // the principles map
)

// Item is one entry of a plan. From and To are 1-based sentence numbers
// of a passage (0 for the whole paragraph), so that a plan read by a
// person says "sentences 2 to 3".
type Item struct {
	Kind      string `json:"kind"`
	Paragraph string `json:"paragraph,omitempty"` // a passage's paragraph ID
	From      int    `json:"from,omitempty"`
	To        int    `json:"to,omitempty"`
	Footnote  int    `json:"footnote,omitempty"`
	Map       string `json:"map,omitempty"`
}

// Plan is a lecturer's named sequence of steps for one article. Scale is
// the type size the plan was last presented at (0: the default); Updated
// decides which of two copies a bundle import keeps.
type Plan struct {
	Article string    `json:"article"` // the article's ID
	Name    string    `json:"name"`
	Items   []Item    `json:"items"`
	Scale   float64   `json:"scale,omitempty"`
	Updated time.Time `json:"updated"`
	// Publisher is the display name of the person who shared the plan
	// through a class folder; "" for the student's own. A shared plan is
	// played, never saved: a copy of it is saved under a name of one's own.
	Publisher string `json:"-"`
}

// Limits of a plan, far above a lecture's and small enough that a
// hostile bundle cannot fill the database.
const (
	MaxPlanItems = 2000
	MaxNameBytes = 200
)

// Check says what is wrong with a plan, in words a lecturer can act on;
// nil when nothing is.
func (p Plan) Check() error {
	if strings.TrimSpace(p.Name) == "" {
		return fmt.Errorf("lecture plan: it has no name")
	}
	if len(p.Name) > MaxNameBytes || !utf8.ValidString(p.Name) {
		return fmt.Errorf("lecture plan %q: the name is longer than %d bytes or not text", short(p.Name), MaxNameBytes)
	}
	if len(p.Items) > MaxPlanItems {
		return fmt.Errorf("lecture plan %q: %d steps, more than %d", short(p.Name), len(p.Items), MaxPlanItems)
	}
	for i, it := range p.Items {
		if err := it.check(); err != nil {
			return fmt.Errorf("lecture plan %q, step %d: %w", short(p.Name), i+1, err)
		}
	}
	return nil
}

func (it Item) check() error {
	switch it.Kind {
	case ItemPassage:
		if it.Paragraph == "" || len(it.Paragraph) > 100 {
			return fmt.Errorf("a passage needs a paragraph ID")
		}
		if it.From < 0 || it.To < 0 || (it.To > 0 && it.To < it.From) {
			return fmt.Errorf("sentences %d to %d are not a range", it.From, it.To)
		}
	case ItemFootnote:
		if it.Footnote <= 0 {
			return fmt.Errorf("a footnote step needs a footnote number")
		}
	case ItemTimeline:
	case ItemMap:
		if it.Map != MapCited && it.Map != MapPrinciples {
			return fmt.Errorf("map %q is none of %q, %q", short(it.Map), MapCited, MapPrinciples)
		}
	default:
		return fmt.Errorf("kind %q is none of passage, footnote, timeline, map", short(it.Kind))
	}
	return nil
}

func short(s string) string {
	if utf8.RuneCountInString(s) > 40 {
		return string([]rune(s)[:39]) + "…"
	}
	return s
}

// EncodeItems is the items' JSON, as the store keeps them.
func EncodeItems(items []Item) ([]byte, error) {
	if items == nil {
		items = []Item{}
	}
	b, err := json.Marshal(items)
	if err != nil {
		return nil, fmt.Errorf("lecture plan: encode steps: %w", err)
	}
	return b, nil
}

// DecodeItems reads items written by EncodeItems and checks each.
func DecodeItems(data []byte) ([]Item, error) {
	var items []Item
	if err := json.Unmarshal(data, &items); err != nil {
		return nil, fmt.Errorf("lecture plan: the steps are not valid JSON: %w", err)
	}
	for i, it := range items {
		if err := it.check(); err != nil {
			return nil, fmt.Errorf("lecture plan: step %d: %w", i+1, err)
		}
	}
	return items, nil
}

// Label says in a few words what an item shows, for the plan editor.
func (it Item) Label() string {
	switch it.Kind {
	case ItemPassage:
		if it.From > 0 {
			if it.To > it.From {
				return fmt.Sprintf("sentences %d–%d", it.From, it.To)
			}
			return fmt.Sprintf("sentence %d", it.From)
		}
		return "paragraph"
	case ItemFootnote:
		return fmt.Sprintf("footnote %d", it.Footnote)
	case ItemTimeline:
		return "the timeline"
	case ItemMap:
		if it.Map == MapPrinciples {
			return "the principles map"
		}
		return "who is cited where"
	}
	return it.Kind
}

// Move moves item i of items by d places (−1 up, +1 down) and returns
// where it went; an item at an end stays.
func Move(items []Item, i, d int) int {
	j := i + d
	if i < 0 || i >= len(items) || j < 0 || j >= len(items) {
		return i
	}
	items[i], items[j] = items[j], items[i]
	return j
}
