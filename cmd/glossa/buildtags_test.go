package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestScriptsBuildWithTags: every script that builds the program students
// run (scripts/run.sh, dist.sh, the benchmarks and demos) builds it with
// the tags of scripts/build-tags.sh, so the launch measured is the launch
// shipped. A build line without them would bring Fyne's emoji font back
// (4.7 MB and 25 ms per text style).
func TestScriptsBuildWithTags(t *testing.T) {
	tags, err := os.ReadFile(filepath.Join("..", "..", "scripts", "build-tags.sh"))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^GLOSSA_TAGS=\S*no_emoji`).Match(tags) {
		t.Fatalf("scripts/build-tags.sh sets no GLOSSA_TAGS with no_emoji:\n%s", tags)
	}
	scripts, err := filepath.Glob(filepath.Join("..", "..", "scripts", "*.sh"))
	if err != nil {
		t.Fatal(err)
	}
	build := regexp.MustCompile(`go build .*\./cmd/glossa|"\$fyne" package `)
	found := 0
	for _, path := range scripts {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "#") || !build.MatchString(line) {
				continue
			}
			found++
			if !strings.Contains(line, `-tags "$GLOSSA_TAGS"`) && !strings.Contains(line, `--tags "$GLOSSA_TAGS"`) {
				t.Errorf("%s:%d builds Glossa without its tags: %s", filepath.Base(path), i+1, strings.TrimSpace(line))
			}
			if !strings.Contains(string(data), "build-tags.sh") {
				t.Errorf("%s builds Glossa but does not source scripts/build-tags.sh", filepath.Base(path))
			}
		}
	}
	if found < 5 {
		t.Errorf("found %d build lines in scripts/*.sh; expected run.sh, dist.sh (3), bench-launch.sh, screenshots.sh, syncthing-demo.sh", found)
	}
}
