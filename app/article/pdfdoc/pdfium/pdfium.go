// Package pdfium fills pdfdoc's page model from a PDF file with PDFium
// compiled to WebAssembly and run by wazero: no C toolchain on the
// student's machine, the same engine on Linux, Windows and macOS. The
// engine is started on first use only (compiling the 6 MB module takes
// seconds); the compiled code is kept in the user's cache folder so later
// starts are quick. Every document is read under a memory ceiling and a
// time limit, so a hostile PDF is refused instead of taking the machine.
//
// PDFium rather than a pure-Go reader: on the same 43 pages the pure-Go
// github.com/ledongthuc/pdf took four times the CPU, and it panicked on
// five of six copies of a test PDF with bytes changed, where PDFium read
// what was left. PDFium costs 12-14 MB of binary and seconds on its very
// first start.
package pdfium

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	gopdfium "github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	perrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"

	"github.com/glossa-app/glossa/app/article/pdfdoc"
)

// Limits on one document.
const (
	MaxPages = 2000
	// memoryPages caps the engine's memory (64 KiB pages): 1 GiB holds
	// a 200 MB file and its parsed objects.
	memoryPages = 16384
	// A stream may inflate to maxStream bytes and all of a file's
	// streams to maxInflated: a decompression bomb is refused by
	// counting before the engine sees it (the engine would fill its
	// memory, slowly, then fail).
	maxStream   = 256 << 20
	maxInflated = 1 << 30
)

// Timeout is how long reading one document may take before it is given
// up as hostile (a real 2,000-page file reads in well under this).
var Timeout = 90 * time.Second

// Errors a caller tells apart with errors.Is.
var (
	ErrPassword  = errors.New("the PDF is protected by a password")
	ErrDamaged   = errors.New("the PDF is damaged or not a PDF")
	ErrTooMany   = fmt.Errorf("the PDF has more than %d pages", MaxPages)
	ErrTooSlow   = errors.New("the PDF took too long to read (it may be built to exhaust a reader)")
	ErrEngine    = errors.New("the PDF reader could not start")
	ErrTooHungry = errors.New("the PDF needs more memory than an article can (it may be built to exhaust a reader)")
	ErrBomb      = errors.New("the PDF holds compressed data that would unpack to more than an article can (a decompression bomb)")
)

var (
	once    sync.Once
	pool    gopdfium.Pool
	initErr error
	// StartTime is how long the engine took to start (compile or load
	// from the cache), for the benchmarks and the log.
	StartTime time.Duration
)

// CacheDir is where wazero keeps the compiled engine: the user's cache
// folder, so a second run of Glossa starts the engine from it.
func CacheDir() string {
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "glossa", "pdfium-wazero")
}

// Start starts the engine if it is not running yet. It is safe to call
// from many goroutines; only the first one pays.
func Start() error {
	once.Do(func() {
		t := time.Now()
		pool, initErr = newPool(CacheDir())
		StartTime = time.Since(t)
	})
	return initErr
}

// newPool compiles (or loads from the cache in dir, "" for none) the
// engine and returns a pool of instances of it.
func newPool(dir string) (gopdfium.Pool, error) {
	rc := wazero.NewRuntimeConfig().
		WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
		WithMemoryLimitPages(memoryPages).
		// Interrupting on a cancelled context costs a goroutine per
		// call into the engine, tripling the time to read a page; the
		// limits before and around the engine stop hostile files instead.
		WithCloseOnContextDone(false)
	if dir != "" {
		if cache, err := wazero.NewCompilationCacheWithDir(dir); err == nil {
			rc = rc.WithCompilationCache(cache)
		}
	}
	p, err := webassembly.Init(webassembly.Config{
		MinIdle: 0, MaxIdle: 1, MaxTotal: 2,
		// No folder of the machine is visible to the engine: it reads
		// the bytes it is given and nothing else.
		FSConfig:      wazero.NewFSConfig(),
		RuntimeConfig: rc,
		Stdout:        discard{}, Stderr: discard{},
	})
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrEngine, err)
	}
	return p, nil
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// Read returns the pages of the PDF in src, with password for an
// encrypted file ("" for none).
func Read(src []byte, password string) ([]pdfdoc.Page, error) {
	if err := checkStreams(src); err != nil {
		return nil, err
	}
	if err := Start(); err != nil {
		return nil, err
	}
	inst, err := pool.GetInstance(30 * time.Second)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrEngine, err)
	}
	type result struct {
		pages []pdfdoc.Page
		err   error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- result{err: fmt.Errorf("%w: %v", ErrDamaged, r)}
			}
		}()
		p, err := read(inst, src, password)
		done <- result{p, err}
	}()
	select {
	case r := <-done:
		inst.Close()
		return r.pages, r.err
	case <-time.After(Timeout):
		// The caller gets its answer now. The engine is not interrupted
		// (see newPool): the instance is dropped from the pool and its
		// call runs to its end inside the memory ceiling; the next
		// document gets a fresh instance.
		inst.Kill()
		return nil, ErrTooSlow
	}
}

func read(inst gopdfium.Pdfium, src []byte, password string) ([]pdfdoc.Page, error) {
	req := &requests.OpenDocument{File: &src}
	if password != "" {
		req.Password = &password
	}
	doc, err := inst.OpenDocument(req)
	if err != nil {
		return nil, classify(err)
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	cnt, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return nil, classify(err)
	}
	if cnt.PageCount > MaxPages {
		return nil, ErrTooMany
	}
	pages := make([]pdfdoc.Page, 0, cnt.PageCount)
	budget := maxObjects
	for i := 0; i < cnt.PageCount; i++ {
		p, err := readPage(inst, doc.Document, i, &budget)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", i+1, classify(err))
		}
		pages = append(pages, p)
	}
	return pages, nil
}

func readPage(inst gopdfium.Pdfium, doc references.FPDF_DOCUMENT, i int, budget *int) (pdfdoc.Page, error) {
	sz, err := inst.FPDF_GetPageSizeByIndex(&requests.FPDF_GetPageSizeByIndex{Document: doc, Index: i})
	if err != nil {
		return pdfdoc.Page{}, err
	}
	st, err := inst.GetPageTextStructured(&requests.GetPageTextStructured{
		Page:                   requests.Page{ByIndex: &requests.PageByIndex{Document: doc, Index: i}},
		Mode:                   requests.GetPageTextStructuredModeRects,
		CollectFontInformation: true,
	})
	if err != nil {
		return pdfdoc.Page{}, err
	}
	p := pdfdoc.Page{Number: i + 1, Width: sz.Width, Height: sz.Height, Runs: make([]pdfdoc.Run, 0, len(st.Rects))}
	for _, c := range st.Rects {
		if c.Text == "" {
			continue
		}
		pos := c.PointPosition
		ch := pdfdoc.Run{Text: c.Text, X0: pos.Left, X1: pos.Right, Y0: sz.Height - pos.Top, Y1: sz.Height - pos.Bottom}
		if ch.Y0 > ch.Y1 {
			ch.Y0, ch.Y1 = ch.Y1, ch.Y0
		}
		if fi := c.FontInformation; fi != nil {
			ch.Size = fi.RenderedSize
			if ch.Size <= 0 || math.IsNaN(ch.Size) {
				ch.Size = fi.Size
			}
			ch.Font = fi.Name
			lname := strings.ToLower(fi.Name)
			// TeX's fonts say their weight and slant only in their names:
			// CMBX12 is Computer Modern bold extended, CMTI10 its italic
			// (SFBX, SFTI the same in cm-super).
			tex := lname[strings.Index(lname, "+")+1:] // after a subset tag "ABCDEF+"
			ch.Bold = fi.Weight >= 600 || fi.Flags&(1<<18) != 0 || strings.Contains(lname, "bold") || strings.Contains(lname, "black") || strings.Contains(lname, "heavy") ||
				strings.HasPrefix(tex, "cmbx") || strings.HasPrefix(tex, "sfbx") || strings.HasPrefix(tex, "cmb1")
			ch.Italic = fi.Flags&(1<<6) != 0 || strings.Contains(lname, "italic") || strings.Contains(lname, "oblique") ||
				strings.HasPrefix(tex, "cmti") || strings.HasPrefix(tex, "sfti") || strings.HasPrefix(tex, "cmbxti")
		}
		p.Runs = append(p.Runs, ch)
	}
	p.Rules, err = rules(inst, doc, i, sz.Height, budget)
	return p, err
}

// maxObjects bounds the drawing objects looked at for rules in a whole
// file: an article's pages hold 60 (LaTeX) to 530 (LibreOffice, a word
// an object) each, and a file of millions (maps, a hostile file) need
// not be walked; past the budget pages are read without their rules.
const maxObjects = 500000

// rules returns the thin horizontal lines drawn on page i (paths at most
// 3 points high and at least 10 wide): the footnote separator among them
// tells where a page's notes begin when they are set in body type.
func rules(inst gopdfium.Pdfium, doc references.FPDF_DOCUMENT, i int, height float64, budget *int) ([]pdfdoc.Rule, error) {
	page := requests.Page{ByIndex: &requests.PageByIndex{Document: doc, Index: i}}
	cnt, err := inst.FPDFPage_CountObjects(&requests.FPDFPage_CountObjects{Page: page})
	if err != nil {
		return nil, err
	}
	n := min(cnt.Count, *budget)
	*budget -= n
	var out []pdfdoc.Rule
	for k := range n {
		obj, err := inst.FPDFPage_GetObject(&requests.FPDFPage_GetObject{Page: page, Index: k})
		if err != nil {
			return nil, err
		}
		t, err := inst.FPDFPageObj_GetType(&requests.FPDFPageObj_GetType{PageObject: obj.PageObject})
		if err != nil || t.Type != enums.FPDF_PAGEOBJ_PATH {
			continue
		}
		b, err := inst.FPDFPageObj_GetBounds(&requests.FPDFPageObj_GetBounds{PageObject: obj.PageObject})
		if err != nil {
			continue
		}
		x0, x1 := float64(b.Left), float64(b.Right)
		y0, y1 := height-float64(b.Top), height-float64(b.Bottom)
		if x1-x0 >= 10 && y1-y0 <= 3 && y1 >= y0 {
			out = append(out, pdfdoc.Rule{X0: x0, Y0: y0, X1: x1, Y1: y1})
		}
	}
	return out, nil
}

// checkStreams inflates every zlib stream of the file into nothing,
// counting, and refuses the file when one stream or all of them unpack
// past the limits. Streams the engine could not read either (no zlib
// header) are skipped at once.
func checkStreams(src []byte) error {
	var total int64
	kw := []byte("stream")
	for i := 0; ; {
		j := bytes.Index(src[i:], kw)
		if j < 0 {
			return nil
		}
		at := i + j
		i = at + len(kw)
		if at >= 3 && string(src[at-3:at]) == "end" {
			continue
		}
		k := i
		if k < len(src) && src[k] == '\r' {
			k++
		}
		if k >= len(src) || src[k] != '\n' {
			continue
		}
		zr, err := zlib.NewReader(bytes.NewReader(src[k+1:]))
		if err != nil {
			continue
		}
		n, _ := io.Copy(io.Discard, io.LimitReader(zr, maxStream+1))
		zr.Close()
		total += n
		if n > maxStream || total > maxInflated {
			return ErrBomb
		}
	}
}

// classify maps the engine's errors to ours.
func classify(err error) error {
	switch {
	case errors.Is(err, perrors.ErrPassword), errors.Is(err, perrors.ErrSecurity):
		return ErrPassword
	case errors.Is(err, perrors.ErrFile), errors.Is(err, perrors.ErrFormat), errors.Is(err, perrors.ErrPage):
		return ErrDamaged
	case err != nil && strings.Contains(err.Error(), "memory"):
		return ErrTooHungry
	}
	return fmt.Errorf("%w: %v", ErrDamaged, err)
}
