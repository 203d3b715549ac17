package store

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/glossa-app/glossa/app/lecture"
)

func samplePlan(article, name string) lecture.Plan {
	return lecture.Plan{Article: article, Name: name, Scale: 1.25, Items: []lecture.Item{
		{Kind: lecture.ItemPassage, Paragraph: "p-3.3-c237e8", From: 2, To: 3},
		{Kind: lecture.ItemFootnote, Footnote: 126},
		{Kind: lecture.ItemTimeline},
		{Kind: lecture.ItemMap, Map: lecture.MapCited},
	}}
}

func TestPlansSaveRenameDelete(t *testing.T) {
	s, _ := openTemp(t)
	a := samplePlan("0123456789ab", "Week 3")
	saved, err := s.SavePlan(a)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SavePlan(samplePlan("0123456789ab", "Another")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SavePlan(samplePlan("ffffffffffff", "Other article")); err != nil {
		t.Fatal(err)
	}
	plans, err := s.Plans("0123456789ab")
	if err != nil {
		t.Fatal(err)
	}
	if len(plans) != 2 || plans[0].Name != "Another" || plans[1].Name != "Week 3" {
		t.Fatalf("plans %+v, want Another and Week 3", plans)
	}
	if !reflect.DeepEqual(plans[1], saved) {
		t.Errorf("read back %+v\nwant %+v", plans[1], saved)
	}
	if err := s.RenamePlan("0123456789ab", "Week 3", "Another"); !errors.Is(err, ErrPlanExists) {
		t.Errorf("rename onto a taken name: %v, want ErrPlanExists", err)
	}
	if err := s.RenamePlan("0123456789ab", "Week 3", "Week 4"); err != nil {
		t.Fatal(err)
	}
	if err := s.RenamePlan("0123456789ab", "Week 9", "Week 10"); !errors.Is(err, ErrNotFound) {
		t.Errorf("rename of a missing plan: %v, want ErrNotFound", err)
	}
	if _, err := s.SavePlan(lecture.Plan{Article: "0123456789ab", Name: "  "}); err == nil || !strings.Contains(err.Error(), "no name") {
		t.Errorf("a plan without a name: %v", err)
	}
	if err := s.DeletePlan("0123456789ab", "Another"); err != nil {
		t.Fatal(err)
	}
	plans, _ = s.Plans("0123456789ab")
	if len(plans) != 1 || plans[0].Name != "Week 4" || len(plans[0].Items) != 4 {
		t.Fatalf("after rename and delete: %+v", plans)
	}
}

// TestPlansMigration: a database from before lecture plans (with a note
// in it) gains the table on Open and keeps the note.
func TestPlansMigration(t *testing.T) {
	path := filepath.Join(t.TempDir(), "glossa.db")
	before := -1
	for v := SchemaVersion(); v > 0; v-- {
		s := openAtVersion(t, filepath.Join(t.TempDir(), "probe.db"), v)
		has := count(t, s.db, `SELECT count(*) FROM sqlite_master WHERE name = 'lecture_plans'`)
		s.db.Close()
		if has == 0 {
			before = v
			break
		}
	}
	if before < 0 {
		t.Fatal("no schema version lacks lecture_plans")
	}
	old := openAtVersion(t, path, before)
	old.db.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mustImport(t, s, docV1)
	if _, err := s.SavePlan(samplePlan("0123456789ab", "Week 3")); err != nil {
		t.Fatalf("save a plan after migrating from version %d: %v", before, err)
	}
}

// TestBundleCarriesPlans: a colleague imports a lecturer's bundle and
// has the plans; importing it again changes nothing; a newer plan from
// the colleague replaces the older.
func TestBundleCarriesPlans(t *testing.T) {
	doc := realArticle(t)
	a, _ := openTemp(t)
	mustImport(t, a, doc)
	fillNotes(t, a, doc, 5)
	id := doc.Hash[:12]
	want, err := a.SavePlan(samplePlan(id, "Week 3"))
	if err != nil {
		t.Fatal(err)
	}
	data := exportBundle(t, a)
	if !strings.Contains(string(data), `"plans": [`) {
		t.Fatalf("the bundle has no plans:\n%.600s", data)
	}
	b, _ := openTemp(t)
	mustImport(t, b, doc)
	res, err := b.ImportBundle(data)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 5 || res.Plans != 1 || !strings.Contains(res.String(), "1 lecture plan") {
		t.Fatalf("import: %+v (%s)", res, res)
	}
	got, err := b.Plans(id)
	if err != nil || len(got) != 1 || !reflect.DeepEqual(got[0], want) {
		t.Fatalf("imported plans %+v (%v), want %+v", got, err, want)
	}
	if res, _ := b.ImportBundle(data); res.Plans != 0 {
		t.Errorf("second import wrote %d plans", res.Plans)
	}
	newer := samplePlan(id, "Week 3")
	newer.Items = newer.Items[:1]
	if _, err := a.SavePlan(newer); err != nil {
		t.Fatal(err)
	}
	if res, _ := b.ImportBundle(exportBundle(t, a)); res.Plans != 1 {
		t.Errorf("a newer plan: %d written, want 1", res.Plans)
	}
	if got, _ := b.Plans(id); len(got) != 1 || len(got[0].Items) != 1 {
		t.Errorf("after the newer plan: %+v", got)
	}
}

func TestBundleRefusesBadPlan(t *testing.T) {
	bad := `{"format":"glossa-notes","version":1,"notes":[],"plans":[{"article":"0123456789ab","name":"W","items":[{"kind":"video"}]}]}`
	_, _, err := ParseBundle([]byte(bad))
	if !errors.Is(err, ErrBadBundle) || !strings.Contains(err.Error(), "plan 1") || !strings.Contains(err.Error(), `"video"`) {
		t.Errorf("a plan with a bad step: %v", err)
	}
	noArticle := `{"format":"glossa-notes","version":1,"notes":[],"plans":[{"name":"W","items":[]}]}`
	if _, _, err := ParseBundle([]byte(noArticle)); err == nil || !strings.Contains(err.Error(), "names no article") {
		t.Errorf("a plan without article: %v", err)
	}
}
