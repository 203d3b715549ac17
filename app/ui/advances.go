package ui

import (
	"bytes"
	"hash/crc64"
	"io"
	"log"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/atomicfile"
	"github.com/glossa-app/glossa/app/ui/flowtext"
	"github.com/glossa-app/glossa/assets"
)

// The reader's rune advances are kept between starts in the user's cache
// folder (flowtext.Save says why): a later start lays the article out
// without asking Fyne to shape each rune again. They are keyed to the
// shipped faces and to the versions of Fyne and go-text that measured
// them, and only runes the shipped faces hold are kept (a rune they lack
// is measured in a system face, which may change under the app). A file
// that is missing, damaged or keyed otherwise is measured anew and
// rewritten; nothing else reads it.

// advancesFile is where the advances are kept; tests point it elsewhere.
var advancesFile = func() (string, error) {
	d, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "glossa", "reader-advances.bin"), nil
}

// advancesKey is what the advances depend on.
var advancesKey = sync.OnceValue(func() uint64 {
	h := crc64.New(crc64.MakeTable(crc64.ECMA))
	for _, f := range [][]byte{assets.FontRegular, assets.FontItalic, assets.FontBold, assets.FontBoldItalic} {
		h.Write(f)
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			switch d.Path {
			case "fyne.io/fyne/v2", "github.com/go-text/typesetting", "github.com/go-text/render":
				h.Write([]byte(d.Path + "@" + d.Version))
			}
		}
	}
	// and how they are measured (inkMeasure: shaped in the shipped faces)
	h.Write([]byte("inkMeasure 1"))
	return h.Sum64()
})

// restoreAdvances puts the kept advances into ms and says how many.
func restoreAdvances(ms flowtext.Measurers) int {
	path, err := advancesFile()
	if err != nil {
		return 0
	}
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	n, err := ms.Restore(f, advancesKey())
	if err != nil {
		return 0
	}
	return n
}

// encodeAdvances is what saveAdvances writes: made while ms is still the
// goroutine's own, written once the window has it.
func encodeAdvances(ms flowtext.Measurers) []byte {
	var b bytes.Buffer
	keep := func(r rune, s int) bool {
		return fontSource(flowtext.TextStyle(article.Style(s)), string(r)) != nil
	}
	if err := ms.Save(&b, advancesKey(), keep); err != nil {
		return nil
	}
	return b.Bytes()
}

// saveAdvances keeps what encodeAdvances made; a failure costs the next
// start its measuring only.
func saveAdvances(data []byte) {
	path, err := advancesFile()
	if err != nil || data == nil {
		return
	}
	err = os.MkdirAll(filepath.Dir(path), 0o755)
	if err == nil {
		err = atomicfile.Write(path, func(w io.Writer) error {
			_, err := w.Write(data)
			return err
		})
	}
	if err != nil {
		log.Printf("glossa: keeping the reader's measures for the next start: %v", err)
	}
}
