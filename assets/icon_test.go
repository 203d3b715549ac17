package assets

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"testing"
)

// TestIcons: the packaged icon (FyneApp.toml's, 512 px) and the one the
// windows show (Icon, 256 px: a window sends its icon as raw pixels when
// it opens, so its size is paid at every launch) are square PNGs of those
// sizes, and the windows' one is the packaged one made smaller
// (scripts/make-icon.sh), not a stale copy.
func TestIcons(t *testing.T) {
	packaged, err := os.ReadFile("icon.png")
	if err != nil {
		t.Fatal(err)
	}
	big, err := png.Decode(bytes.NewReader(packaged))
	if err != nil {
		t.Fatalf("icon.png: %v", err)
	}
	small, err := png.Decode(bytes.NewReader(Icon))
	if err != nil {
		t.Fatalf("the windows' icon: %v", err)
	}
	if b := big.Bounds(); b.Dx() != 512 || b.Dy() != 512 {
		t.Errorf("icon.png is %v, want 512x512", b.Size())
	}
	if b := small.Bounds(); b.Dx() != 256 || b.Dy() != 256 {
		t.Errorf("the windows' icon is %v, want 256x256", b.Size())
	}
	// each pixel of the small one is close to the mean of its 2x2 block
	// in the big one (Lanczos rings a little at the G's edges)
	var off, n float64
	for y := 0; y < 256; y++ {
		for x := 0; x < 256; x++ {
			r, g, b, a := small.At(x, y).RGBA()
			var mr, mg, mb, ma uint32
			for _, p := range []image.Point{{0, 0}, {1, 0}, {0, 1}, {1, 1}} {
				r2, g2, b2, a2 := big.At(2*x+p.X, 2*y+p.Y).RGBA()
				mr, mg, mb, ma = mr+r2/4, mg+g2/4, mb+b2/4, ma+a2/4
			}
			off += absDiff(r, mr) + absDiff(g, mg) + absDiff(b, mb) + absDiff(a, ma)
			n += 4
		}
	}
	if mean := off / n / 0xffff; mean > 0.03 {
		t.Errorf("the windows' icon differs from icon.png by %.1f%% a channel on average: run scripts/make-icon.sh", mean*100)
	}
}

func absDiff(a, b uint32) float64 {
	if a > b {
		return float64(a - b)
	}
	return float64(b - a)
}
