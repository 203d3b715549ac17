package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/assets"
)

// TestTimelineJSONContract: "glossa timeline --json" prints
// [{"date", "event", "paragraph_id"}] with exactly those fields, each
// paragraph_id a paragraph of the article, from 1954 to 2025.
func TestTimelineJSONContract(t *testing.T) {
	code, out, stderr := runArgs(t, "timeline", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var raw []map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, out)
	}
	doc, err := article.Parse(assets.Article)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, p := range doc.Paragraphs {
		ids[p.ID] = true
	}
	if len(raw) < 25 {
		t.Fatalf("%d events; want the article's dated events (at least 25)", len(raw))
	}
	for i, ev := range raw {
		if len(ev) != 3 {
			t.Errorf("event %d has fields %v; want date, event, paragraph_id", i, ev)
		}
		for _, k := range []string{"date", "event", "paragraph_id"} {
			if s, ok := ev[k].(string); !ok || s == "" {
				t.Errorf("event %d: %q = %v; want a non-empty string", i, k, ev[k])
			}
		}
		if id, _ := ev["paragraph_id"].(string); !ids[id] {
			t.Errorf("event %d: paragraph_id %q is not a paragraph of the article", i, id)
		}
	}
	if d := raw[0]["date"].(string); !strings.HasSuffix(d, "1954") {
		t.Errorf("first event dated %q; want 1954", d)
	}
	if d := raw[len(raw)-1]["date"].(string); !strings.HasSuffix(d, "2025") {
		t.Errorf("last event dated %q; want 2025", d)
	}
}

func TestTimelineTable(t *testing.T) {
	code, out, stderr := runArgs(t, "timeline")
	if code != 0 || !strings.HasPrefix(out, "DATE") || !strings.Contains(out, "24 December 2024") {
		t.Fatalf("exit %d, stderr %q, output:\n%s", code, stderr, out)
	}
	if code, _, stderr := runArgs(t, "timeline", "extra"); code != 2 || !strings.Contains(stderr, "unexpected argument") {
		t.Errorf("timeline extra: exit %d, %q; want 2 and a message", code, stderr)
	}
}
