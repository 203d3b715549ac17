// Package formats opens any article a student brings: it tells the format
// from the content (never the file name), refuses what is not an article
// with a sentence a person can act on, and hands the bytes to the front
// end for that format: the marker-style Markdown parser (app/article),
// pandoc/kramdown-style notes (mdnotes), HTML (htmldoc), Word (docx),
// OpenDocument (odt) or PDF (pdfdoc, read by the PDFium engine, which is
// started only when a PDF is opened).
// Whatever the format, the result is the same article.Document.
package formats

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/article/docx"
	"github.com/glossa-app/glossa/app/article/htmldoc"
	"github.com/glossa-app/glossa/app/article/mdnotes"
	"github.com/glossa-app/glossa/app/article/odt"
	"github.com/glossa-app/glossa/app/article/pdfdoc"
	"github.com/glossa-app/glossa/app/article/pdfdoc/pdfium"
	"github.com/glossa-app/glossa/app/article/zipdoc"
)

// Format names what Detect found.
type Format string

// The formats Detect tells apart.
const (
	Markdown Format = "markdown"       // marker-style notes (PDF conversions)
	MDNotes  Format = "markdown-notes" // [^n], ^[...], anchors, a Notes list
	HTML     Format = "html"
	DOCX     Format = "docx"
	ODT      Format = "odt"
	PDF      Format = "pdf"
	Zip      Format = "zip"
	Binary   Format = "binary"
	Empty    Format = "empty"
)

// MaxFile is the largest file read at all: a Word file with pictures may
// be large; the text formats are held to article.MaxSize.
const MaxFile = 64 << 20

// MaxPDF is the largest PDF read: scanned pictures and embedded fonts
// make a journal's PDF far larger than its text.
const MaxPDF = 200 << 20

// Options are what a reader may need besides the file.
type Options struct {
	// Password opens an encrypted PDF ("" for none).
	Password string
}

// Errors for files that are not an article Glossa can read. Each says
// what to do; test with errors.Is.
var (
	// ErrPDF was the answer to every PDF before PDFs could be read; kept
	// for callers that test for it, never returned now.
	ErrPDF = errors.New("PDF files cannot be read yet: open it in Word or a PDF reader, save it as a Word document (.docx) or a web page (.html), and import that")
	// ErrPassword: the PDF is encrypted and no password, or a wrong one,
	// was given.
	ErrPassword    = errors.New("this PDF is locked with a password; give its password to open it")
	ErrScan        = pdfdoc.ErrScan
	ErrNotRegular  = errors.New("this is not an ordinary file (a pipe, a device or a socket)")
	ErrFolder      = errors.New("this is a folder, not a file; import the files inside it")
	ErrArchive     = errors.New("this is a zip archive, not a document")
	errNoParagraph = article.ErrNotArticle
)

// Detect tells the format from the first bytes and the shape of the text.
func Detect(src []byte) Format {
	t := bytes.TrimLeft(src, " \t\r\n\uFEFF")
	switch {
	case len(bytes.TrimSpace(src)) == 0:
		return Empty
	case bytes.HasPrefix(t, []byte("%PDF-")):
		return PDF
	case bytes.HasPrefix(src, []byte("PK\x03\x04")):
		if docx.Looks(src) {
			return DOCX
		}
		if odt.Looks(src) {
			return ODT
		}
		return Zip
	case htmldoc.Looks(src):
		return HTML
	case article.IsBinary(src):
		return Binary
	case mdnotes.Looks(src):
		return MDNotes
	}
	return Markdown
}

// fromUTF16 turns a file saved as UTF-16 (Word's "Unicode text", some
// web page exports), which a byte-order mark announces, into UTF-8; any
// other file is returned as it is.
func fromUTF16(src []byte) []byte {
	var enc encoding.Encoding
	switch {
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}):
		enc = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	case bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		enc = unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	default:
		return src
	}
	out, err := enc.NewDecoder().Bytes(src)
	if err != nil {
		return src
	}
	return out
}

// noteSigns are what a file with notes shows even when none can be read.
var noteSigns = regexp.MustCompile(`(?im)\[\^[^\]]+\]|href=["']?#(_?ftn|fn|footnote|_?edn|endnote)|footnoteReference|<sup>\s*\d|class=["']?footnote|^\s*#*\s*\**(notes|endnotes|footnotes)\**\s*$`)

// Parse reads an article in any format it detects. Errors name no file:
// the caller knows which it was.
func Parse(src []byte) (*article.Document, Format, error) {
	return ParseWith(src, Options{})
}

// ParseWith is Parse with options (a PDF's password).
func ParseWith(src []byte, opt Options) (*article.Document, Format, error) {
	src = fromUTF16(src)
	f := Detect(src)
	if len(src) > article.MaxSize && f != DOCX && f != ODT && f != PDF && f != Zip {
		return nil, f, &tooLarge{article.MaxSize}
	}
	var doc *article.Document
	var err error
	switch f {
	case Empty:
		return nil, f, fmt.Errorf("formats: %w", article.ErrEmpty)
	case PDF:
		if len(src) > MaxPDF {
			return nil, f, &tooLarge{MaxPDF}
		}
		doc, err := readPDF(src, opt.Password)
		return doc, f, err
	case Zip:
		return nil, f, ErrArchive
	case Binary:
		return nil, f, fmt.Errorf("formats: %w", article.ErrBinary)
	case DOCX:
		doc, err = docx.Parse(src)
	case ODT:
		doc, err = odt.Parse(src)
	case HTML:
		doc, err = htmldoc.Parse(src)
	case MDNotes:
		doc, err = mdnotes.Parse(src)
	default:
		doc, err = article.Parse(src)
		// Markdown without marker-style notes may still list its notes
		// under a heading or link them as anchors.
		if err == nil && len(doc.Footnotes) == 0 {
			if alt, aerr := mdnotes.Parse(src); aerr == nil && len(alt.Footnotes) > 0 {
				doc, f = alt, MDNotes
			}
		}
	}
	if err != nil {
		return nil, f, err
	}
	if len(doc.Footnotes) == 0 && f != DOCX && f != ODT {
		if loc := noteSigns.FindIndex(src); loc != nil {
			ln := bytes.Count(src[:loc[0]], []byte("\n")) + 1
			doc.Problems = append([]article.Problem{{Kind: article.ProblemNoNotes, Line: ln,
				Message: fmt.Sprintf("the file looks as if it has notes (%q on line %d) but none could be read", strings.TrimSpace(string(src[loc[0]:loc[1]])), ln)}}, doc.Problems...)
		}
	}
	if len(doc.Footnotes) == 0 && f == DOCX && bytes.Contains(src, []byte("word/footnotes.xml")) {
		doc.Problems = append([]article.Problem{{Kind: article.ProblemNoNotes, Line: 0,
			Message: "the Word file has a footnotes part but no footnote could be read from it"}}, doc.Problems...)
	}
	return doc, f, nil
}

// tooLarge says how large a file may be.
type tooLarge struct{ limit int }

func (e *tooLarge) Error() string {
	return fmt.Sprintf("the file is larger than %d MB, too large to be an article", e.limit>>20)
}

func (e *tooLarge) Unwrap() error { return article.ErrTooLarge }

// readPDF reads a PDF's pages with the engine and its article from their
// layout.
func readPDF(src []byte, password string) (*article.Document, error) {
	pages, err := pdfium.Read(src, password)
	if err != nil {
		if errors.Is(err, pdfium.ErrPassword) {
			return nil, fmt.Errorf("%w (%w)", ErrPassword, err)
		}
		return nil, fmt.Errorf("pdf: %w", err)
	}
	doc, err := pdfdoc.Read(pages, src)
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return doc, nil
}

// ReadFile opens path and parses it, refusing folders, pipes and devices
// and files too large to be an article before reading a byte of them.
func ReadFile(path string) (*article.Document, Format, error) {
	return ReadFileWith(path, Options{})
}

// ReadFileWith is ReadFile with options (a PDF's password).
func ReadFileWith(path string, opt Options) (*article.Document, Format, error) {
	st, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, "", errors.New("no such file")
		}
		return nil, "", fmt.Errorf("cannot open: %w", err)
	}
	switch {
	case st.IsDir():
		return nil, "", ErrFolder
	case !st.Mode().IsRegular():
		return nil, "", ErrNotRegular
	case st.Size() > MaxPDF:
		return nil, "", &tooLarge{MaxPDF}
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, "", fmt.Errorf("cannot open: %w", err)
	}
	defer fh.Close()
	// Only a PDF may be larger than MaxFile: look at its first bytes
	// before reading the rest.
	limit := int64(MaxFile)
	head := make([]byte, 1024)
	n, _ := io.ReadFull(fh, head)
	head = head[:n]
	if Detect(head) == PDF {
		limit = MaxPDF
	}
	if st.Size() > limit {
		return nil, "", &tooLarge{int(limit)}
	}
	// One buffer of the size the file says, with room for ReadFrom's last
	// read: io.ReadAll grew and copied its way up to a 600 KB page, 5 ms
	// of a 300-note import.
	buf := bytes.NewBuffer(make([]byte, 0, min(st.Size(), limit)+bytes.MinRead+1))
	buf.Write(head)
	if _, err := buf.ReadFrom(io.LimitReader(fh, limit+1-int64(n))); err != nil {
		return nil, "", fmt.Errorf("cannot read: %w", err)
	}
	src := buf.Bytes()
	if int64(len(src)) > limit {
		return nil, "", &tooLarge{int(limit)}
	}
	return ParseWith(src, opt)
}

// Plain is the sentence to show a person for an error from Parse or
// ReadFile.
func Plain(err error) string {
	var tl *tooLarge
	switch {
	case errors.Is(err, ErrPDF), errors.Is(err, ErrFolder), errors.Is(err, ErrNotRegular):
		for _, e := range []error{ErrPDF, ErrFolder, ErrNotRegular} {
			if errors.Is(err, e) {
				return e.Error()
			}
		}
	case errors.Is(err, ErrPassword):
		return ErrPassword.Error()
	case errors.Is(err, ErrScan):
		return ErrScan.Error()
	case errors.Is(err, pdfium.ErrDamaged):
		return "this PDF is damaged or is not really a PDF; open it in a PDF reader and save or print it as a new PDF"
	case errors.Is(err, pdfium.ErrTooMany), errors.Is(err, pdfium.ErrTooSlow), errors.Is(err, pdfium.ErrTooHungry), errors.Is(err, pdfium.ErrBomb):
		return "this PDF is not safe to open: " + strings.TrimPrefix(err.Error(), "pdf: ")
	case errors.Is(err, pdfium.ErrEngine):
		return "the PDF reader could not start: " + strings.TrimPrefix(err.Error(), "pdf: ")
	case errors.Is(err, ErrArchive):
		return "this is a zip archive, not a Word document or an article"
	case errors.Is(err, zipdoc.ErrTooManyParts), errors.Is(err, zipdoc.ErrTooBig):
		return "this file is not safe to open: " + strings.TrimPrefix(strings.TrimPrefix(err.Error(), "docx: "), "odt: ")
	case errors.Is(err, docx.ErrNotDocx), errors.Is(err, odt.ErrNotODT):
		return "this zip archive is not a Word or OpenDocument document"
	case errors.Is(err, article.ErrEmpty):
		return "the file is empty"
	case errors.Is(err, article.ErrBinary):
		return "this is not a text file, a web page or a Word document (it looks like binary data)"
	case errors.As(err, &tl):
		return tl.Error()
	case errors.Is(err, article.ErrTooLarge):
		return "the file is too large to be an article"
	case errors.Is(err, errNoParagraph):
		return "this does not look like an article: no paragraphs of text were found"
	}
	return err.Error()
}
