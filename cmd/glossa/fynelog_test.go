package main

import (
	"errors"
	"log"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// Fyne's known noise is kept from standard error, whole; every other
// error, and anything else logged, reaches it as it was written.
func TestQuietLogDropsOnlyFyneNoise(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		cause  error
		shown  bool
	}{
		{"preferences reloaded while Fyne saves them", "Preferences load error:", errors.New("EOF"), false},
		{"no Videos folder for the file dialog", "Getting favorite locations", errors.New("this computer does not define a VIDEOS folder"), false},
		{"no Music folder either", "Getting favorite locations", errors.New("this computer does not define a MUSIC folder"), false},
		{"preferences that cannot be read", "Preferences load error:", errors.New("invalid character 'x' looking for beginning of value"), true},
		{"favourites that fail otherwise", "Getting favorite locations", errors.New("permission denied"), true},
		{"another error with EOF", "Failed to load font", errors.New("EOF"), true},
		{"an error without a cause", "Preferences load error:", nil, true},
	}
	prev, flags := log.Writer(), log.Flags()
	t.Cleanup(func() { log.SetOutput(prev); log.SetFlags(flags) })
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out strings.Builder
			q := &quietLog{w: &out}
			log.SetOutput(q)
			log.Println("before")
			fyne.LogError(tc.reason, tc.cause)
			log.Println("after")
			if err := q.Close(); err != nil {
				t.Fatal(err)
			}
			got := out.String()
			if !strings.Contains(got, "before") || !strings.Contains(got, "after") {
				t.Errorf("plain log lines were lost:\n%s", got)
			}
			if shown := strings.Contains(got, tc.reason); shown != tc.shown {
				t.Errorf("error %q shown %v, want %v:\n%s", tc.reason, shown, tc.shown, got)
			}
			if tc.shown && tc.cause != nil && !strings.Contains(got, "Cause: "+tc.cause.Error()) {
				t.Errorf("the cause of a shown error was lost:\n%s", got)
			}
			if !tc.shown && (strings.Contains(got, "Cause:") || strings.Contains(got, "At:")) {
				t.Errorf("part of a dropped error remains:\n%s", got)
			}
		})
	}
}
