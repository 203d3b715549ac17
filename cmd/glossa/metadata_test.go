package main

import (
	"os"
	"testing"

	"github.com/BurntSushi/toml"
)

// TestMetadataMatchesFyneAppToml keeps the metadata a plain build shows
// in step with the file `fyne package` reads.
func TestMetadataMatchesFyneAppToml(t *testing.T) {
	b, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Details struct {
			ID, Name, Version string
			Build             int
		}
	}
	if err := toml.Unmarshal(b, &f); err != nil {
		t.Fatalf("FyneApp.toml: %v", err)
	}
	d := f.Details
	if d.ID != metadata.ID || d.Name != metadata.Name || d.Version != metadata.Version || d.Build != metadata.Build {
		t.Errorf("FyneApp.toml says %+v, the binary says %+v", d, metadata)
	}
}
