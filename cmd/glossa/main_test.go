package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestHelpOnStdout: help that was asked for is output, so `glossa --help |
// less` shows it; a mistyped flag is an error, on stderr, with a pointer.
func TestHelpOnStdout(t *testing.T) {
	for _, arg := range []string{"--help", "-h", "help"} {
		var out, errOut bytes.Buffer
		if code := run([]string{arg}, &out, &errOut); code != 0 {
			t.Errorf("glossa %s: exit %d, want 0", arg, code)
		}
		if !strings.Contains(out.String(), "Usage:") || !strings.Contains(out.String(), "check") {
			t.Errorf("glossa %s: stdout lacks the usage and the commands:\n%s", arg, out.String())
		}
		if errOut.Len() != 0 {
			t.Errorf("glossa %s: wrote to stderr: %q", arg, errOut.String())
		}
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"--no-such-flag"}, &out, &errOut); code != 2 {
		t.Errorf("unknown flag: exit %d, want 2", code)
	}
	if out.Len() != 0 || !strings.Contains(errOut.String(), "no-such-flag") || !strings.Contains(errOut.String(), "glossa help") {
		t.Errorf("unknown flag: stdout %q, stderr %q; want the flag named and a pointer to help on stderr only", out.String(), errOut.String())
	}
}
