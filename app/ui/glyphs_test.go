package ui

import (
	"image"
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestInkMatchesFyneText: a run drawn from cached glyphs (drawRuns) puts
// the same ink in the same places as Fyne draws the same text in the
// same face (its software painter, which rasterizes every glyph as the GL
// painter does): regular, bold, italic, a footnote marker's size and a
// projector's, at scale 1 and 2. Ink is coverage, 0 to 1 per pixel.
func TestInkMatchesFyneText(t *testing.T) {
	test.NewTempApp(t)
	black := color.NRGBA{A: 255}
	cases := []struct {
		text string
		st   fyne.TextStyle
		size float32
	}{
		{"On 24 December 2024, the UN General Assembly adopted", fyne.TextStyle{}, 17},
		{"Budapest Convention, art. 15 — “safeguards”", fyne.TextStyle{Italic: true}, 17},
		{"3.2 Sovereign equality and non-interference", fyne.TextStyle{Bold: true}, 20},
		{"127", fyne.TextStyle{}, 17 * supScale},
		{"Ibid., p. 42; cf. Tallinn Manual 2.0, rule 66", fyne.TextStyle{}, 44},
	}
	for _, scale := range []float32{1, 2} {
		for _, c := range cases {
			if !inkable(c.st, c.text) {
				t.Fatalf("%q is not in the shipped faces", c.text)
			}
			// Fyne's drawing, black on white
			txt := canvas.NewText(c.text, black)
			txt.TextStyle, txt.TextSize = c.st, c.size
			txt.FontSource = fontSource(c.st, c.text)
			m := txt.MinSize()
			w := test.NewWindow(container.NewStack(canvas.NewRectangle(color.White), container.NewWithoutLayout(txt)))
			w.SetPadded(false)
			w.Canvas().(test.WindowlessCanvas).SetScale(scale)
			w.Resize(fyne.NewSize(m.Width+40, m.Height+20))
			txt.Move(fyne.NewPos(10, 10))
			txt.Resize(m)
			shot := w.Canvas().Capture()
			w.Close()
			theirs := func(x, y int) float64 {
				r, _, _, _ := shot.At(x, y).RGBA()
				return 1 - float64(r)/0xffff
			}
			// ours, on transparent
			b := shot.Bounds()
			img := image.NewRGBA(b)
			var sh inkShaper
			var fs inkFaceSet
			drawRuns(img, []inkRun{{text: c.text, st: c.st, size: c.size, c: black, x: 10, top: 10}}, scale, &sh, &fs)
			ours := func(x, y int) float64 { return float64(img.RGBAAt(x, y).A) / 255 }

			var inkT, inkO, diff float64
			bt, bo := image.Rectangle{}, image.Rectangle{}
			grow := func(r *image.Rectangle, x, y int) {
				p := image.Rect(x, y, x+1, y+1)
				if r.Empty() {
					*r = p
				} else {
					*r = r.Union(p)
				}
			}
			for y := b.Min.Y; y < b.Max.Y; y++ {
				for x := b.Min.X; x < b.Max.X; x++ {
					tv, ov := theirs(x, y), ours(x, y)
					inkT += tv
					inkO += ov
					diff += math.Abs(tv - ov)
					if tv > 0.2 {
						grow(&bt, x, y)
					}
					if ov > 0.2 {
						grow(&bo, x, y)
					}
				}
			}
			if inkT == 0 {
				t.Fatalf("%q at scale %v: Fyne drew nothing", c.text, scale)
			}
			name := c.text
			if rel := math.Abs(inkO-inkT) / inkT; rel > 0.03 {
				t.Errorf("%q at scale %v: %.0f pixels of ink, Fyne %.0f (%.1f %% apart)", name, scale, inkO, inkT, 100*rel)
			}
			// the glyphs' outlines are where Fyne puts them, to a quarter
			// of a pixel: the ink that differs is a small part of all
			if d := diff / inkT; d > 0.12 {
				t.Errorf("%q at scale %v: %.0f %% of the ink differs from Fyne's", name, scale, 100*d)
			}
			for _, e := range []int{bo.Min.X - bt.Min.X, bo.Max.X - bt.Max.X, bo.Min.Y - bt.Min.Y, bo.Max.Y - bt.Max.Y} {
				if e < -1 || e > 1 {
					t.Errorf("%q at scale %v: ink in %v, Fyne's in %v", name, scale, bo, bt)
					break
				}
			}
			t.Logf("%q at scale %v: ink %.0f vs %.0f, differing %.1f %%, box %v vs %v", name, scale, inkO, inkT, 100*diff/inkT, bo, bt)
		}
	}
}

// TestInkLeavesOtherScriptsToFyne: a run with a rune the shipped faces
// lack (here Chinese) is left to a canvas.Text, which Fyne draws from a
// system font; the rest of its line is still drawn as a raster.
func TestInkLeavesOtherScriptsToFyne(t *testing.T) {
	test.NewTempApp(t)
	f := newFlowView([]block{{kind: blockPara, pieces: []piece{{text: "The treaty's title in Chinese is "}, {text: "联合国打击网络犯罪公约"}}}}, 16)
	w := test.NewWindow(f)
	defer w.Close()
	w.Resize(fyne.NewSize(900, 200))
	var texts []string
	rasters := 0
	for _, o := range test.WidgetRenderer(f).Objects() {
		if box, ok := o.(*fyne.Container); ok && len(box.Objects) == 1 {
			o = box.Objects[0]
		}
		switch o := o.(type) {
		case *canvas.Text:
			texts = append(texts, o.Text)
		case *canvas.Raster:
			rasters++
		}
	}
	if len(texts) != 1 || texts[0] != "联合国打击网络犯罪公约" {
		t.Errorf("texts left to Fyne: %q, want the Chinese run alone", texts)
	}
	if rasters != 1 {
		t.Errorf("%d line rasters, want 1", rasters)
	}
}

// TestInkLabelDrawsAsLabel: an inkLabel puts its lines where a
// widget.Label with the same text puts them, as big, in the same colour,
// and is as big; a text the shipped faces lack is left to a Label.
func TestInkLabelDrawsAsLabel(t *testing.T) {
	test.NewTempApp(t)
	text := "2.2 Sino-Russian activism in UN\ncybersecurity and cybercrime fora:\nmirroring equal participation"
	shoot := func(o fyne.CanvasObject) (image.Image, fyne.Size) {
		w := test.NewWindow(container.NewWithoutLayout(o))
		defer w.Close()
		w.SetPadded(false)
		m := o.MinSize()
		w.Resize(m.AddWidthHeight(20, 20))
		o.Resize(m)
		return w.Canvas().Capture(), m
	}
	theirs, ms := shoot(widget.NewLabel(text))
	ours, mo := shoot(newInkLabel(text))
	// as high; as wide give or take kerning, which the label's width,
	// summed from cached advances, leaves out
	if ms.Height != mo.Height || math.Abs(float64(ms.Width-mo.Width)) > 2 {
		t.Errorf("inkLabel %v, Label %v", mo, ms)
	}
	bg := theirs.At(theirs.Bounds().Max.X-1, theirs.Bounds().Max.Y-1)
	ink := func(img image.Image) (image.Rectangle, float64) {
		var box image.Rectangle
		sum := 0.0
		br, _, _, _ := bg.RGBA()
		for y := 0; y < img.Bounds().Dy(); y++ {
			for x := 0; x < img.Bounds().Dx(); x++ {
				r, _, _, _ := img.At(x, y).RGBA()
				d := math.Abs(float64(r)-float64(br)) / 0xffff
				sum += d
				if d > 0.3 {
					p := image.Rect(x, y, x+1, y+1)
					if box.Empty() {
						box = p
					} else {
						box = box.Union(p)
					}
				}
			}
		}
		return box, sum
	}
	bt, st := ink(theirs)
	bo, so := ink(ours)
	if st == 0 {
		t.Fatal("the Label drew nothing")
	}
	for _, e := range []int{bo.Min.X - bt.Min.X, bo.Max.X - bt.Max.X, bo.Min.Y - bt.Min.Y, bo.Max.Y - bt.Max.Y} {
		if e < -1 || e > 1 {
			t.Errorf("ink in %v, the Label's in %v", bo, bt)
			break
		}
	}
	if rel := math.Abs(so-st) / st; rel > 0.05 {
		t.Errorf("ink %.0f, the Label's %.0f", so, st)
	}

	l := newInkLabel("公约")
	w := test.NewWindow(l)
	defer w.Close()
	if _, ok := test.WidgetRenderer(l).Objects()[0].(*widget.Label); !ok {
		t.Error("a text in another script is not left to a Label")
	}
}
