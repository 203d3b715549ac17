package store

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/glossa-app/glossa/app/lecture"
)

// TestSharedPlans: a plan saved by the lecturer reaches the layer as a
// plan of theirs; each bad plan of a file is skipped with its reason and
// the good ones stay.
func TestSharedPlans(t *testing.T) {
	s, _ := openTemp(t)
	mustImport(t, s, docV1)
	if err := s.SetShareName("Prof. Ada Lee"); err != nil {
		t.Fatal(err)
	}
	article := s.Current()
	saved, err := s.SavePlan(lecture.Plan{Article: article, Name: "Week 3", Items: []lecture.Item{
		{Kind: lecture.ItemPassage, Paragraph: docV1.Paragraphs[1].ID}, {Kind: lecture.ItemFootnote, Footnote: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	good, _ := json.Marshal(saved)
	id, _ := s.ShareIdentity()
	for _, tc := range []struct {
		name    string
		plans   []string
		keep    int
		problem string
	}{
		{"published", nil, 1, ""},
		{"not JSON of a plan", []string{string(good), `"Week 1"`}, 1, "lecture plan 2: it is not a lecture plan"},
		{"no name", []string{`{"name":" ","items":[]}`, string(good)}, 1, "lecture plan 1: it has no name"},
		{"another article", []string{`{"article":"aaaaaaaaaaaa","name":"X","items":[]}`}, 0, "is for article aaaaaaaaaaaa"},
		{"bad step", []string{`{"name":"X","items":[{"kind":"video"}]}`}, 0, "step 1: kind \"video\""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var data []byte
			if tc.plans == nil {
				pub, err := s.SharePublisher(t.TempDir(), nil)
				if err != nil {
					t.Fatal(err)
				}
				if data, err = pub.Build(); err != nil {
					t.Fatal(err)
				}
			} else {
				var raws []json.RawMessage
				for _, p := range tc.plans {
					raws = append(raws, json.RawMessage(p))
				}
				if data, err = s.ShareData(id, raws); err != nil {
					t.Fatal(err)
				}
			}
			l, meta, err := DecodeShare(data)
			if err != nil {
				t.Fatalf("one bad plan refused the file: %v", err)
			}
			if len(l.Plans) != tc.keep || meta.Plans != tc.keep {
				t.Fatalf("%d plans kept (meta %d), want %d; problems %q", len(l.Plans), meta.Plans, tc.keep, l.Problems)
			}
			if tc.keep == 1 {
				p := l.Plans[0]
				if p.Name != "Week 3" || p.Publisher != "Prof. Ada Lee" || p.Article != article || len(p.Items) != 2 || p.Items[1].Footnote != 1 {
					t.Errorf("shared plan = %+v, want the lecturer's Week 3 marked as theirs", p)
				}
			}
			if tc.problem == "" && len(meta.Problems) != 0 || tc.problem != "" && (len(meta.Problems) != 1 || !strings.Contains(meta.Problems[0], tc.problem)) {
				t.Errorf("problems %q, want one saying %q", meta.Problems, tc.problem)
			}
		})
	}
	if _, err := s.SavePlan(lecture.Plan{Article: article, Name: "Week 3", Publisher: "Prof. Ada Lee"}); err == nil {
		t.Errorf("a shared plan was saved as one's own")
	}
}
