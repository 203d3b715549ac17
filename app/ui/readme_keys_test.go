package ui

import (
	"go/ast"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// TestReadmeKeyboardTable holds the README's "## Keyboard" table to what
// the program does: every key a row names must be one the window
// registers as a shortcut (for Ctrl and Alt keys) or one the key handlers
// of the place the row names look at (for plain keys). "main window"
// means a shortcut of the main window, on every screen; "everywhere"
// means the main window and lecture mode too.
func TestReadmeKeyboardTable(t *testing.T) {
	rows := readmeKeyRows(t)
	if len(rows) < 8 {
		t.Fatalf("README's keyboard table has %d rows; the test cannot find it", len(rows))
	}
	u, _ := newTestUI(t, tempStore(t), Options{})
	registered := map[string]bool{}
	for _, c := range u.shortcuts {
		if c.key != "" {
			registered[shortcutName(c.mod, c.key)] = true
		}
	}
	handled := handledKeys(t)
	places := map[string][]string{
		"reader":      {"Reader.onKey", "Reader.onRune", "Reader.onSelectionKey", "Reader.onSelectionRune", "Reader.onModifier"},
		"cards":       {"cardsScreen.onKey", "cardsScreen.onRune"},
		"lecture":     {"lectureMode.keyCommands", "lectureMode.onRune", "lectureMode.onMainKeyDown"},
		"main window": {"UI.onKey", "lectureMode.onMainKeyDown"},
	}
	places["everywhere"] = append(append([]string{}, places["main window"]...), places["lecture"]...)
	for _, row := range rows {
		where := strings.TrimSpace(row[1])
		funcs, ok := places[where]
		if !ok {
			t.Errorf("README row %q: no place called %q (say reader, cards, lecture, main window or everywhere)", row[0], where)
			continue
		}
		keys := readmeKeys(row[0])
		if len(keys) == 0 {
			t.Errorf("README row %q names no key the test can read", row[0])
		}
		for _, k := range keys {
			if why := keyProblem(k, where, funcs, registered, handled); why != "" {
				t.Errorf("README row | %s | %s | %s |: %s %s", row[0], row[1], row[2], k, why)
			}
		}
	}
}

// keyProblem says what is untrue about key k in place where, or "".
func keyProblem(k, where string, funcs []string, registered map[string]bool, handled map[string]map[string]bool) string {
	mods, key := splitMods(k)
	names := keyNames(key)
	if len(names) == 0 {
		return "is no key the test knows"
	}
	inHandlers := func(want []string) bool {
		for _, f := range funcs {
			for _, n := range want {
				if handled[f][n] {
					return true
				}
			}
		}
		return false
	}
	if mods == "" {
		if !inHandlers(names) {
			return "is not handled there"
		}
		return ""
	}
	if mods == "Shift" {
		// Shift alone is followed by key-down and key-up: a selection
		if !inHandlers([]string{"KeyShiftLeft"}) || !inHandlers(names) {
			return "is not handled there"
		}
		return ""
	}
	var mod fyne.KeyModifier
	for _, m := range strings.Split(mods, "+") {
		switch m {
		case "Ctrl":
			mod |= fyne.KeyModifierShortcutDefault
		case "Alt":
			mod |= fyne.KeyModifierAlt
		case "Shift":
			mod |= fyne.KeyModifierShift
		}
	}
	found := false
	for _, n := range names {
		if registered[shortcutName(mod, fyneKey(n))] {
			found = true
		}
	}
	if !found {
		return "is no shortcut the main window registers"
	}
	if where == "everywhere" {
		// the lecture window registers no shortcuts of its own
		return "is a main-window shortcut only; lecture mode does not take it, so not everywhere"
	}
	return ""
}

// fyneKey is the key name of a fyne.KeyX identifier.
func fyneKey(ident string) fyne.KeyName {
	named := map[string]fyne.KeyName{
		"KeyPlus": fyne.KeyPlus, "KeyEqual": fyne.KeyEqual, "KeyMinus": fyne.KeyMinus,
		"KeySlash": fyne.KeySlash, "KeyPeriod": fyne.KeyPeriod,
		"KeyLeft": fyne.KeyLeft, "KeyRight": fyne.KeyRight, "KeyUp": fyne.KeyUp, "KeyDown": fyne.KeyDown,
		"KeyHome": fyne.KeyHome, "KeyEnd": fyne.KeyEnd, "KeyBackspace": fyne.KeyBackspace,
	}
	if k, ok := named[ident]; ok {
		return k
	}
	return fyne.KeyName(strings.TrimPrefix(ident, "Key"))
}

func shortcutName(mod fyne.KeyModifier, key fyne.KeyName) string {
	return strconv.Itoa(int(mod)) + "+" + string(key)
}

// splitMods splits "Ctrl+Shift+T" into "Ctrl+Shift" and "T"; "+" alone
// is a key.
func splitMods(k string) (string, string) {
	var mods []string
	for {
		i := strings.Index(k, "+")
		if i <= 0 || i == len(k)-1 {
			break
		}
		m := k[:i]
		if m != "Ctrl" && m != "Alt" && m != "Shift" {
			break
		}
		mods = append(mods, m)
		k = k[i+1:]
	}
	return strings.Join(mods, "+"), k
}

// keyNames are the names a handler may use for key k: its fyne key name
// and, for a printable key, its rune as a Go literal.
func keyNames(k string) []string {
	named := map[string][]string{
		"Esc": {"KeyEscape"}, "Enter": {"KeyReturn", "KeyEnter"}, "Space": {"KeySpace", "' '"},
		"↑": {"KeyUp"}, "↓": {"KeyDown"}, "←": {"KeyLeft"}, "→": {"KeyRight"},
		"PgUp": {"KeyPageUp"}, "PgDn": {"KeyPageDown"}, "Home": {"KeyHome"}, "End": {"KeyEnd"},
		"Backspace": {"KeyBackspace"}, "F5": {"KeyF5"},
		"+": {"KeyPlus", "KeyEqual", "'+'"}, "-": {"KeyMinus", "'-'"}, "/": {"KeySlash", "'/'"},
		".": {"KeyPeriod", "'.'"},
	}
	if n, ok := named[k]; ok {
		return n
	}
	if r := []rune(k); len(r) == 1 && (r[0] >= '0' && r[0] <= '9' || r[0] >= 'a' && r[0] <= 'z' || r[0] >= 'A' && r[0] <= 'Z') {
		return []string{"Key" + strings.ToUpper(k), strconv.QuoteRune(r[0])}
	}
	return nil
}

// readmeKeyRows are the rows (keys, where, what) of README.md's keyboard
// table.
func readmeKeyRows(t *testing.T) [][3]string {
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var rows [][3]string
	in := false
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "## ") {
			in = strings.TrimSpace(line) == "## Keyboard"
			continue
		}
		if !in || !strings.HasPrefix(line, "|") {
			continue
		}
		cells := strings.Split(strings.Trim(strings.TrimSpace(line), "|"), "|")
		if len(cells) != 3 || strings.TrimSpace(cells[0]) == "keys" || strings.HasPrefix(strings.TrimSpace(cells[0]), "---") {
			continue
		}
		rows = append(rows, [3]string{strings.TrimSpace(cells[0]), strings.TrimSpace(cells[1]), strings.TrimSpace(cells[2])})
	}
	return rows
}

// readmeKeys reads a keys cell: keys are separated by commas, semicolons,
// "or", "/" and spaces; a key in backticks is that character; "a–b" and
// "Ctrl+1 … Ctrl+4" are ranges; a modifier written before a group of
// keys separated by spaces only ("Shift+← →") holds for the group.
func readmeKeys(cell string) []string {
	// a backticked key may be a separator character: protect it
	var lit []string
	var b strings.Builder
	for i := 0; i < len(cell); {
		if cell[i] == '`' {
			j := strings.IndexByte(cell[i+1:], '`')
			if j >= 0 {
				lit = append(lit, cell[i+1:i+1+j])
				b.WriteString("\x00" + strconv.Itoa(len(lit)-1) + "\x00")
				i += j + 2
				continue
			}
		}
		b.WriteByte(cell[i])
		i++
	}
	unprotect := func(s string) string {
		for n, l := range lit {
			s = strings.ReplaceAll(s, "\x00"+strconv.Itoa(n)+"\x00", l)
		}
		return s
	}
	var keys []string
	for _, group := range strings.FieldsFunc(strings.ReplaceAll(b.String(), " or ", ","), func(r rune) bool { return r == ',' || r == ';' || r == '/' }) {
		mod := ""
		words := strings.Fields(group)
		for i := 0; i < len(words); i++ {
			w := words[i]
			if w == "…" && i > 0 && i+1 < len(words) {
				m1, a := splitMods(unprotect(words[i-1]))
				_, z := splitMods(unprotect(words[i+1]))
				keys = append(keys, expand(m1, a, z)...)
				i++
				continue
			}
			if a, z, ok := strings.Cut(w, "–"); ok {
				keys = append(keys, expand(mod, unprotect(a), unprotect(z))...)
				continue
			}
			w = unprotect(w)
			m, k := splitMods(w)
			if m != "" {
				mod = m
			} else if mod != "" {
				w = mod + "+" + k
			}
			keys = append(keys, w)
		}
	}
	return keys
}

// expand is the keys from a to z, one character each.
func expand(mod, a, z string) []string {
	if len(a) != 1 || len(z) != 1 {
		return []string{mod + a + "–" + z}
	}
	var keys []string
	for c := a[0]; c <= z[0]; c++ {
		k := string(c)
		if mod != "" {
			k = mod + "+" + k
		}
		keys = append(keys, k)
	}
	return keys
}

// handledKeys is, for each key handler method ("Reader.onKey"), the key
// names (fyne.KeyX, desktop.KeyX) and rune literals its body mentions:
// what it looks at, read from the source itself.
func handledKeys(t *testing.T) map[string]map[string]bool {
	_, files := uiSources(t)
	out := map[string]map[string]bool{}
	for _, f := range files {
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv == nil || fn.Body == nil {
				continue
			}
			recv := fn.Recv.List[0].Type
			if s, ok := recv.(*ast.StarExpr); ok {
				recv = s.X
			}
			id, ok := recv.(*ast.Ident)
			if !ok {
				continue
			}
			seen := map[string]bool{}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.SelectorExpr:
					if strings.HasPrefix(n.Sel.Name, "Key") {
						seen[n.Sel.Name] = true
					}
				case *ast.BasicLit:
					if n.Kind == token.CHAR {
						seen[n.Value] = true
					}
				case *ast.BinaryExpr:
					// c >= '1' && c < '1'+n: a run of digits
					if lo, ok := n.Y.(*ast.BasicLit); ok && lo.Kind == token.CHAR && n.Op == token.GEQ {
						if r, err := strconv.Unquote(lo.Value); err == nil {
							for c := r[0]; c <= '9'; c++ {
								seen[strconv.QuoteRune(rune(c))] = true
							}
						}
					}
				}
				return true
			})
			out[id.Name+"."+fn.Name.Name] = seen
		}
	}
	return out
}
