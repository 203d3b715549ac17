package docx

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// scanner reads the XML of a Word part as a flat run of tags and text,
// which is all the run reader needs: local names (the w: prefix
// dropped), attributes looked up by local name, text with entities
// decoded. encoding/xml did the same through RawToken at 30 MB/s, most
// of the cost of importing a long Word file (a 324-note document.xml is
// 1.2 MB); this reads it ten times faster, allocating only the text it
// returns.
//
// It is strict about markup (an unclosed tag, comment or section, an
// unknown entity, a tag without a name are errors, as they were) and
// lenient about characters: bytes that are not UTF-8 or control
// characters are passed on, and the text builder drops them. Like
// RawToken it does not check that end tags match start tags, and it
// never reads a DTD or expands an entity other than XML's own five and
// character references.
type scanner struct {
	b []byte
	i int
	// After a self-closing tag the next token is its end.
	pendingEnd bool
	tok        token
}

type tokenKind int

const (
	tokEOF tokenKind = iota
	tokStart
	tokEnd
	tokText
)

// token is one tag or one stretch of text; its slices point into the
// part and are valid until the next call to next.
type token struct {
	kind  tokenKind
	local []byte // local name of a tag
	attrs []byte // the attributes of a start tag, as written
	text  []byte // text, entities not yet decoded unless cdata
	cdata bool   // text of a CDATA section: nothing to decode
}

// String is the text of a text token, decoded.
func (t *token) String() (string, error) {
	if t.cdata {
		return strings.ReplaceAll(strings.ReplaceAll(string(t.text), "\r\n", "\n"), "\r", "\n"), nil
	}
	return unescape(t.text)
}

// errSyntax is for a part that is not well-formed XML.
var errSyntax = errors.New("XML syntax error")

func newScanner(b []byte) *scanner { return &scanner{b: b} }

func (s *scanner) fail(format string, args ...any) error {
	line := 1 + bytes.Count(s.b[:min(s.i, len(s.b))], []byte("\n"))
	return fmt.Errorf("%w on line %d: %s", errSyntax, line, fmt.Sprintf(format, args...))
}

// next reads the next token.
func (s *scanner) next() (*token, error) {
	t := &s.tok
	if s.pendingEnd {
		s.pendingEnd = false
		t.kind, t.attrs = tokEnd, nil
		return t, nil
	}
	for {
		if s.i >= len(s.b) {
			t.kind = tokEOF
			return t, nil
		}
		if s.b[s.i] != '<' {
			j := bytes.IndexByte(s.b[s.i:], '<')
			if j < 0 {
				j = len(s.b) - s.i
			}
			t.kind, t.text, t.cdata = tokText, s.b[s.i:s.i+j], false
			s.i += j
			return t, nil
		}
		rest := s.b[s.i+1:]
		switch {
		case bytes.HasPrefix(rest, []byte("?")):
			end := bytes.Index(rest, []byte("?>"))
			if end < 0 {
				return nil, s.fail("unterminated processing instruction")
			}
			if err := s.checkDecl(rest[1:end]); err != nil {
				return nil, err
			}
			s.i += 1 + end + 2
		case bytes.HasPrefix(rest, []byte("!--")):
			end := bytes.Index(rest[3:], []byte("-->"))
			if end < 0 {
				return nil, s.fail("unterminated comment")
			}
			s.i += 1 + 3 + end + 3
		case bytes.HasPrefix(rest, []byte("![CDATA[")):
			end := bytes.Index(rest[8:], []byte("]]>"))
			if end < 0 {
				return nil, s.fail("unterminated CDATA section")
			}
			t.kind, t.text, t.cdata = tokText, rest[8:8+end], true
			s.i += 1 + 8 + end + 3
			return t, nil
		case bytes.HasPrefix(rest, []byte("!")):
			// A DOCTYPE or other directive: skipped, brackets balanced,
			// never read.
			depth, j := 0, 0
			for ; j < len(rest); j++ {
				c := rest[j]
				if c == '<' || c == '[' {
					depth++
				} else if c == ']' || c == '>' && depth > 0 {
					depth--
				} else if c == '>' {
					break
				}
			}
			if j == len(rest) {
				return nil, s.fail("unterminated directive")
			}
			s.i += 1 + j + 1
		case bytes.HasPrefix(rest, []byte("/")):
			end := bytes.IndexByte(rest, '>')
			if end < 0 {
				return nil, s.fail("unterminated end tag")
			}
			name := bytes.TrimRight(rest[1:end], " \t\r\n")
			if len(name) == 0 {
				return nil, s.fail("end tag without a name")
			}
			t.kind, t.local, t.attrs = tokEnd, localName(name), nil
			s.i += 1 + end + 1
			return t, nil
		default:
			end := tagEnd(rest)
			if end < 0 {
				return nil, s.fail("unterminated tag")
			}
			tag := rest[:end]
			s.i += 1 + end + 1
			if len(tag) > 0 && tag[len(tag)-1] == '/' {
				tag = tag[:len(tag)-1]
				s.pendingEnd = true
			}
			n := 0
			for n < len(tag) && !isSpace(tag[n]) {
				n++
			}
			if n == 0 {
				return nil, s.fail("tag without a name")
			}
			t.kind, t.local, t.attrs = tokStart, localName(tag[:n]), tag[n:]
			return t, nil
		}
	}
}

// checkDecl refuses an XML declaration naming a character set other
// than UTF-8, as encoding/xml did: the text would come out garbled.
func (s *scanner) checkDecl(pi []byte) error {
	if !bytes.HasPrefix(pi, []byte("xml")) || len(pi) > 3 && !isSpace(pi[3]) {
		return nil
	}
	enc, ok := attr(pi[3:], "encoding")
	if ok && enc != "" && !strings.EqualFold(enc, "utf-8") && !strings.EqualFold(enc, "utf8") {
		return s.fail("the part is in %q, not UTF-8", enc)
	}
	return nil
}

// tagEnd is the index of the '>' closing the tag that b starts, quotes
// respected, or -1.
func tagEnd(b []byte) int {
	var quote byte
	for j, c := range b {
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return j
		}
	}
	return -1
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// localName drops a namespace prefix: "w:t" is "t".
func localName(name []byte) []byte {
	if i := bytes.IndexByte(name, ':'); i > 0 && i < len(name)-1 {
		return name[i+1:]
	}
	return name
}

// attr finds the attribute with local name local in the attribute text
// of a tag and decodes its value.
func attr(attrs []byte, local string) (string, bool) {
	for len(attrs) > 0 {
		attrs = bytes.TrimLeft(attrs, " \t\r\n")
		eq := bytes.IndexByte(attrs, '=')
		if eq < 0 {
			return "", false
		}
		name := bytes.TrimRight(attrs[:eq], " \t\r\n")
		rest := bytes.TrimLeft(attrs[eq+1:], " \t\r\n")
		if len(rest) == 0 || rest[0] != '"' && rest[0] != '\'' {
			return "", false
		}
		end := bytes.IndexByte(rest[1:], rest[0])
		if end < 0 {
			return "", false
		}
		if string(localName(name)) == local {
			v, err := unescape(rest[1 : 1+end])
			return v, err == nil
		}
		attrs = rest[1+end+1:]
	}
	return "", false
}

// unescape decodes XML's five entities and character references, and
// turns line ends into "\n" as XML does.
func unescape(b []byte) (string, error) {
	if bytes.IndexByte(b, '&') < 0 && bytes.IndexByte(b, '\r') < 0 {
		return string(b), nil
	}
	var out strings.Builder
	out.Grow(len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == '\r' {
			out.WriteByte('\n')
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
			continue
		}
		if c != '&' {
			out.WriteByte(c)
			continue
		}
		semi := bytes.IndexByte(b[i:], ';')
		if semi < 0 {
			return "", fmt.Errorf("%w: an unterminated entity", errSyntax)
		}
		ent := string(b[i+1 : i+semi])
		i += semi
		switch ent {
		case "amp":
			out.WriteByte('&')
		case "lt":
			out.WriteByte('<')
		case "gt":
			out.WriteByte('>')
		case "quot":
			out.WriteByte('"')
		case "apos":
			out.WriteByte('\'')
		default:
			var n uint64
			var err error
			switch {
			case strings.HasPrefix(ent, "#x"):
				n, err = strconv.ParseUint(ent[2:], 16, 32)
			case strings.HasPrefix(ent, "#"):
				n, err = strconv.ParseUint(ent[1:], 10, 32)
			default:
				return "", fmt.Errorf("%w: the entity &%s; is not XML's", errSyntax, ent)
			}
			if err != nil || n > unicode.MaxRune {
				return "", fmt.Errorf("%w: the character reference &%s; is not a character", errSyntax, ent)
			}
			out.WriteRune(rune(n)) // a surrogate becomes U+FFFD, as encoding/xml has it
		}
	}
	return out.String(), nil
}
