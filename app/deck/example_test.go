package deck_test

import (
	"fmt"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/deck"
)

func Example() {
	src := []byte(`Documentation above the first card is skipped.

## charter-article-2-7
type: cloze
tags: un-charter non-interference
text: Article {{c1::2(7)}} of the UN Charter limits the authority of the UN in
  matters essentially within the domestic jurisdiction of any State.
anchor: limits the authority of the UN in matters essentially within
`)
	cards, err := deck.Parse(src)
	if err != nil {
		fmt.Println(err)
		return
	}
	doc := &article.Document{Paragraphs: []article.Paragraph{{
		ID:   "p-4.1-example",
		Text: "Likewise, the Charter enshrines this principle in Article 2(7), which limits the authority of the UN in matters essentially within the domestic jurisdiction of any State.",
	}}}
	resolved, errs := deck.Resolve(cards, doc)
	for _, err := range errs {
		fmt.Println(err)
	}
	for _, c := range resolved {
		fmt.Println(c.ID, "->", c.ParagraphID)
		fmt.Println("Q:", c.Question())
		fmt.Println("A:", c.Answer())
		fmt.Printf("passage: %q\n", doc.Paragraphs[0].Text[c.Start:c.End])
	}
	// Output:
	// charter-article-2-7 -> p-4.1-example
	// Q: Article [...] of the UN Charter limits the authority of the UN in matters essentially within the domestic jurisdiction of any State.
	// A: Article 2(7) of the UN Charter limits the authority of the UN in matters essentially within the domestic jurisdiction of any State.
	// passage: "limits the authority of the UN in matters essentially within"
}

func ExampleParse_errors() {
	_, err := deck.Parse([]byte("## a\ntype: flashcard\nfrnt: typo\n"))
	fmt.Println(err)
	// Output:
	// deck:1: card "a": no tags
	// deck:1: card "a": missing field "anchor"
	// deck:2: card "a": unknown type "flashcard" (want basic or cloze)
	// deck:3: card "a": unknown field "frnt" (want type, tags, front, back, text or anchor)
}
