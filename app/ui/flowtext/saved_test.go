package flowtext

import (
	"bytes"
	"errors"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestSaveRestore: advances saved and restored are the ones measured, a
// measurer made from them breaks text as the measured one does, and what
// keep leaves out stays out.
func TestSaveRestore(t *testing.T) {
	test.NewTempApp(t)
	ms := Measurers{}
	text := "Sovereign equality, non-interference and “information security” (2024)"
	ms.At(16).Width(text, 0)
	ms.At(16).Width("Ibid., p. 12", 1)
	ms.At(14).Width(text, 2)
	ms.Scaled(16, 30) // scaled measurers are not saved
	var buf bytes.Buffer
	noQ := func(r rune, s int) bool { return r != 'Q' }
	ms.At(16).Advance('Q', 0)
	if err := ms.Save(&buf, 42, noQ); err != nil {
		t.Fatal(err)
	}
	got := Measurers{}
	n, err := got.Restore(bytes.NewReader(buf.Bytes()), 42)
	if err != nil {
		t.Fatal(err)
	}
	if n != ms.Count()-1 || got.Count() != n {
		t.Errorf("restored %d advances (holding %d), measured %d less the one left out", n, got.Count(), ms.Count())
	}
	for _, size := range []float32{14, 16} {
		a, b := ms[size], got[size]
		if b == nil || a.lh != b.lh {
			t.Fatalf("size %v: line height %v restored as %v", size, a.lh, b)
		}
		for s := range a.adv {
			for r, w := range a.adv[s] {
				if r == 'Q' {
					if _, ok := b.adv[s][r]; ok {
						t.Error("the rune keep left out was saved")
					}
					continue
				}
				if b.adv[s][r] != w {
					t.Errorf("size %v style %d %q: %v restored as %v", size, s, r, w, b.adv[s][r])
				}
			}
		}
	}
	lines := func(ms Measurers) int {
		return len(Break(ms, Params{Size: 16, Width: 120}, 1, func(int) Span { return Span{Text: text} }))
	}
	if lines(got) != lines(ms) {
		t.Errorf("restored advances break the text into %d lines, measured ones %d", lines(got), lines(ms))
	}

	// another key, a damaged or cut file, another format: nothing changes
	other := Measurers{}
	if _, err := other.Restore(bytes.NewReader(buf.Bytes()), 43); !errors.Is(err, ErrSavedKey) {
		t.Errorf("another key: %v", err)
	}
	for _, data := range [][]byte{buf.Bytes()[:len(buf.Bytes())/2], []byte("not advances"), nil} {
		if _, err := other.Restore(bytes.NewReader(data), 42); err == nil {
			t.Errorf("%d bytes of a damaged file restored", len(data))
		}
	}
	if len(other) != 0 {
		t.Errorf("a failed restore left %d measurers", len(other))
	}
	// a size already measured is kept as it is
	have := Measurers{}
	m := have.At(16)
	if _, err := have.Restore(bytes.NewReader(buf.Bytes()), 42); err != nil {
		t.Fatal(err)
	}
	if have[16] != m || have[14] == nil {
		t.Error("Restore replaced a measurer the measurers had, or did not add the missing one")
	}
}

// FuzzRestore: whatever the file holds, Restore returns, without a panic,
// either an error and no measurers or measurers it read.
func FuzzRestore(f *testing.F) {
	test.NewTempApp(f)
	ms := Measurers{}
	ms.At(16).Width("Ibid. 12", 0)
	var buf bytes.Buffer
	if err := ms.Save(&buf, 7, nil); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte(savedMagic))
	f.Fuzz(func(t *testing.T, data []byte) {
		got := Measurers{}
		n, err := got.Restore(bytes.NewReader(data), 7)
		if err != nil && len(got) != 0 {
			t.Fatalf("error %v with %d measurers added", err, len(got))
		}
		if err == nil && got.Count() != n {
			t.Fatalf("said %d advances, holds %d", n, got.Count())
		}
	})
}
