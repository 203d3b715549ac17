package mdnotes

import (
	"testing"

	"github.com/glossa-app/glossa/app/lazyre"
)

// The package's expressions compile when first used, not at start-up
// (lazyre): a pattern that does not compile is found here.
func TestPatternsCompile(t *testing.T) {
	if n := lazyre.Compiled(); n < 10 {
		t.Fatalf("only %d expressions registered: the package's patterns are no longer lazyre's", n)
	}
}
