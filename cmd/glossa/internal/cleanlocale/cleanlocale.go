// Package cleanlocale runs before Fyne's packages initialise (Go
// initialises packages in import-path order once their imports are ready,
// and this one imports only os): with the C or POSIX locale, Fyne's
// translations would log a three-line "Error parsing user locale C" on
// every start and before every command's own message.
package cleanlocale

import (
	"os"
	"strings"
)

func init() {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(k)
		if v == "" {
			continue
		}
		if base, _, _ := strings.Cut(v, "."); base == "C" || base == "POSIX" {
			os.Setenv(k, "en_US.UTF-8")
		}
		return
	}
}
