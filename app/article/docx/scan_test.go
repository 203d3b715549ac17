package docx

import (
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
)

// tokens is what a reader makes of a part, one line per token: "<name"
// with the attributes asked for, ">name" for an end, "text" for text
// (adjacent texts joined, as a comment or a CDATA section only splits
// them), or an error.
type tokens []string

// tokenList builds tokens, joining adjacent texts.
type tokenList struct {
	out    tokens
	text   string
	inText bool
}

func (l *tokenList) addText(s string) { l.text, l.inText = l.text+s, true }

func (l *tokenList) add(line string) {
	l.flush()
	l.out = append(l.out, line)
}

func (l *tokenList) flush() {
	if l.inText {
		l.out = append(l.out, "text "+l.text)
	}
	l.text, l.inText = "", false
}

var attrNames = []string{"val", "id", "type", "space"}

func scanAll(src string) (tokens, error) {
	var l tokenList
	sc := newScanner([]byte(src))
	for {
		t, err := sc.next()
		if err != nil {
			return l.out, err
		}
		switch t.kind {
		case tokEOF:
			l.flush()
			return l.out, nil
		case tokText:
			s, err := t.String()
			if err != nil {
				return l.out, err
			}
			l.addText(s)
		case tokStart:
			line := "<" + string(t.local)
			for _, n := range attrNames {
				if v, ok := attr(t.attrs, n); ok {
					line += " " + n + "=" + v
				}
			}
			l.add(line)
		case tokEnd:
			l.add(">" + string(t.local))
		}
	}
}

// errDirective is for a part with a directive (a DOCTYPE), whose
// grammar encoding/xml and the scanner read differently: both skip it,
// and Word writes none.
var errDirective = errors.New("a directive")

// xmlAll is scanAll by encoding/xml's RawToken, the reader the scanner
// replaced.
func xmlAll(src string) (tokens, error) {
	var l tokenList
	dec := xml.NewDecoder(strings.NewReader(src))
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			l.flush()
			return l.out, nil
		}
		if err != nil {
			return l.out, err
		}
		switch t := tok.(type) {
		case xml.Directive:
			return l.out, errDirective
		case xml.CharData:
			l.addText(string(t))
		case xml.StartElement:
			line := "<" + t.Name.Local
			for _, n := range attrNames {
				if i := slices.IndexFunc(t.Attr, func(a xml.Attr) bool { return a.Name.Local == n }); i >= 0 {
					line += " " + n + "=" + t.Attr[i].Value
				}
			}
			l.add(line)
		case xml.EndElement:
			l.add(">" + t.Name.Local)
		}
	}
}

var scanCases = []struct {
	name, src string
	want      string // tokens joined by "|", or the start of an error
}{
	{"a paragraph", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:p><w:r><w:t xml:space="preserve">Hi </w:t></w:r></w:p>`,
		"<p|<r|<t space=preserve|text Hi |>t|>r|>p"},
	{"self-closing tags end at once", `<w:rPr><w:i/><w:b w:val="0" /></w:rPr>`, "<rPr|<i|>i|<b val=0|>b|>rPr"},
	{"entities and character references", `<w:t>A &amp; B &lt;C&gt; &quot;d&apos; &#167; &#xE9;</w:t>`, `<t|text A & B <C> "d' § é|>t`},
	{"entities in attributes, single quotes", `<w:footnote w:type='sep&amp;arator' w:id="-1"/>`, "<footnote id=-1 type=sep&arator|>footnote"},
	{"a greater-than sign inside an attribute", `<w:p w:val="a>b">x</w:p>`, "<p val=a>b|text x|>p"},
	{"comments and CDATA", `<w:t>a<!-- <w:t>not</w:t> -->b<![CDATA[<&c>]]></w:t>`, "<t|text ab<&c>|>t"},
	{"line ends become newlines", "<w:t>a\r\nb\rc</w:t>", "<t|text a\nb\nc|>t"},
	{"a doctype is skipped, never read", `<!DOCTYPE w [ <!ENTITY x "boom"> ]><w:t>ok</w:t>`, "<t|text ok|>t"},
	{"names without a prefix", `<t>x</t >`, "<t|text x|>t"},
	{"an unknown entity", `<w:t>&nbsp;</w:t>`, "XML syntax error"},
	{"an unterminated entity", `<w:t>a & b</w:t>`, "XML syntax error"},
	{"a surrogate is a replacement character", `<w:t>&#xD800;</w:t>`, "<t|text \uFFFD|>t"},
	{"a character reference past Unicode", `<w:t>&#x110000;</w:t>`, "XML syntax error"},
	{"an unclosed tag", `<w:t>a</w:t`, "XML syntax error"},
	{"an unclosed comment", `<w:t>a<!-- b`, "XML syntax error"},
	{"a tag without a name", `< w:t>`, "XML syntax error"},
	{"another character set", `<?xml version="1.0" encoding="ISO-8859-1"?><w:t>a</w:t>`, "XML syntax error"},
}

func TestScanner(t *testing.T) {
	for _, c := range scanCases {
		t.Run(c.name, func(t *testing.T) {
			got, err := scanAll(c.src)
			if strings.HasPrefix(c.want, "XML syntax error") {
				if !errors.Is(err, errSyntax) {
					t.Errorf("got %q, %v; want a syntax error", got, err)
				}
				return
			}
			if err != nil || strings.Join(got, "|") != c.want {
				t.Errorf("got %q, %v\nwant %q", strings.Join(got, "|"), err, c.want)
			}
		})
	}
}

// FuzzScanner holds the scanner to encoding/xml: whatever encoding/xml
// reads without an error, the scanner reads the same way.
func FuzzScanner(f *testing.F) {
	for _, c := range scanCases {
		f.Add(c.src)
	}
	f.Add(body(p("Heading1", r("II.A. Part")), p("", r("Text"), fref(1), ri("Id."))))
	f.Add(notes("footnote", r("Note &amp; more.")))
	f.Fuzz(func(t *testing.T, src string) {
		want, err := xmlAll(src)
		if err != nil {
			return
		}
		got, err := scanAll(src)
		if err != nil || strings.Join(got, "|") != strings.Join(want, "|") {
			t.Fatalf("scanner %q, %v\nencoding/xml %q", got, err, want)
		}
	})
}
