package article_test

import (
	"fmt"

	"github.com/glossa-app/glossa/app/article"
)

func ExampleParse() {
	src := "CONTENT: 1. Introduction.\n\n" +
		"#### 1. Introduction\n\n" +
		"The Convention was adopted in 2024<sup>1</sup> after talks led by Russia 2.\n\n" +
		"<sup>&</sup>lt;sup>1</sup> See UNGA Res 79/243.\n\n" +
		"<sup>2 2019</sup> Resolution, *Countering the use*.\n"
	doc, err := article.Parse([]byte(src))
	if err != nil {
		fmt.Println(err)
		return
	}
	p := doc.Paragraphs[0]
	fmt.Println(p.Section, p.Text)
	for _, r := range p.Refs {
		fmt.Printf("footnote %d after %q (bare: %v)\n", r.N, p.Text[:r.Offset], r.Bare)
	}
	for _, f := range doc.Footnotes {
		fmt.Println(f.N, f.Text)
	}
	for _, pr := range doc.Problems {
		fmt.Println(pr.Line, pr.Kind)
	}
	// Output:
	// 1 The Convention was adopted in 2024 after talks led by Russia.
	// footnote 1 after "The Convention was adopted in 2024" (bare: false)
	// footnote 2 after "The Convention was adopted in 2024 after talks led by Russia" (bare: true)
	// 1 See UNGA Res 79/243.
	// 2 2019 Resolution, Countering the use.
	// 5 bare-ref
	// 7 markup
	// 9 merged-number
}
