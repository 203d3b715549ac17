package cite

import (
	"testing"

	"github.com/glossa-app/glossa/app/lazyre"
)

// The package's expressions compile when first used, not at start-up
// (lazyre): a pattern that does not compile is found here, not by the
// first student whose footnote reaches it.
func TestPatternsCompile(t *testing.T) {
	if n := lazyre.Compiled(); n < 50 {
		t.Fatalf("only %d expressions registered: the package's patterns are no longer lazyre's", n)
	}
}
