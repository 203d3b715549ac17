package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestCardsBuiltAfterFirstFrame: the first frame shows the reader, so the
// Cards screen (the deck parsed, the schedules read, statistics, a card
// laid out) is built once the window is on screen, when the app starts,
// or earlier the moment anything needs it: its tab, its menu commands.
func TestCardsBuiltAfterFirstFrame(t *testing.T) {
	build := func(t *testing.T) *UI {
		u := New(test.NewTempApp(t), realDoc(t), tempStore(t), Options{})
		t.Cleanup(u.writes.wait)
		u.Window().Show()
		u.Window().Canvas().Capture()
		if u.cards != nil {
			t.Fatal("the Cards screen was built before the first frame")
		}
		return u
	}
	t.Run("app start", func(t *testing.T) {
		u := build(t)
		u.onAppStarted()
		if u.cards == nil || len(u.cards.cards) == 0 {
			t.Fatal("the app's start did not build the Cards screen with the shipped deck")
		}
	})
	t.Run("tab", func(t *testing.T) {
		u := build(t)
		u.Show("Cards")
		if u.cards == nil || u.current().name != "Cards" || u.current().keys == nil {
			t.Fatalf("the Cards tab shows %q without its screen (built: %v)", u.current().name, u.cards != nil)
		}
		if u.cards.current == nil {
			t.Error("the Cards tab opened with no card to review on a fresh store")
		}
	})
	t.Run("menu", func(t *testing.T) {
		u := build(t)
		for _, c := range u.shortcuts {
			if c.label == "Undo Last Rating" {
				c.action() // nothing to undo yet: no panic, the screen built
			}
		}
		if u.cards == nil {
			t.Error("Undo Last Rating ran without building the Cards screen")
		}
	})
}

// TestHelloYardstickSize: scripts/bench-launch.sh measures Glossa against
// a hello-world window opened at Glossa's first-start size; if one size
// changes, the other must follow, or the launch ratio compares pixels.
func TestHelloYardstickSize(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "scripts", "bench", "hello", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("w.Resize(fyne.NewSize(%g, %g))", defaultWindowSize.Width, defaultWindowSize.Height)
	if !strings.Contains(string(src), want) {
		t.Errorf("scripts/bench/hello/main.go does not open its window at Glossa's size: no %q", want)
	}
}
