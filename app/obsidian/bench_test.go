package obsidian

import (
	"fmt"
	"testing"
	"time"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/cite"
	"github.com/glossa-app/glossa/assets"
)

// BenchmarkFiles renders 300 notes on the real article: one on each of
// the first paragraphs, and on footnotes, with the citation library.
func BenchmarkFiles(b *testing.B) {
	doc, err := article.Parse(assets.Article)
	if err != nil {
		b.Fatal(err)
	}
	a := Article{Doc: doc, Library: cite.Extract(doc.Footnotes), ShortTitle: "UN Cybercrime Convention"}
	for i := range 300 {
		p := doc.Paragraphs[i%len(doc.Paragraphs)]
		n := Note{ID: fmt.Sprintf("%012x", i), Kind: KindPassage, TargetID: p.ID, Quote: p.Text[:min(80, len(p.Text))],
			Section: p.Section, Body: "A thought on this, citing the 2021 Joint Statement.", Tags: []string{"exam prep", "3.3"}, Color: "yellow"}
		if i%3 == 0 {
			n = Note{ID: fmt.Sprintf("%012x", i), Kind: KindFootnote, TargetID: fmt.Sprint(1 + i%190), Body: "Read this."}
		}
		a.Notes = append(a.Notes, n)
	}
	b.ResetTimer()
	for b.Loop() {
		Files([]Article{a}, time.Now())
	}
}
