package ui

import (
	"go/ast"
	"testing"
)

// Files say what is inside (issue 14, item 7): no file of the window over
// 500 lines and no struct over 20 fields. When a file or a struct grows
// past them, that is the time to split it by what is inside, or to group
// the fields that belong together.
const (
	maxFileLines    = 500
	maxStructFields = 20
)

func TestFileAndStructSizes(t *testing.T) {
	fset, files := uiSources(t)
	for _, f := range files {
		name := fset.File(f.Pos()).Name()
		if n := fset.File(f.Pos()).LineCount(); n > maxFileLines {
			t.Errorf("%s has %d lines (at most %d): split it by what is inside", name, n, maxFileLines)
		}
		for name, n := range structFields(f) {
			if n > maxStructFields {
				t.Errorf("struct %s has %d fields (at most %d): group the ones that belong together", name, n, maxStructFields)
			}
		}
	}
	if len(files) < 20 {
		t.Fatalf("only %d files of app/ui checked", len(files))
	}
}

// structFields counts the fields of every named struct type in f: every
// name of a field list counts, an embedded type counts once.
func structFields(f *ast.File) map[string]int {
	out := map[string]int{}
	ast.Inspect(f, func(n ast.Node) bool {
		if ts, ok := n.(*ast.TypeSpec); ok {
			if st, ok := ts.Type.(*ast.StructType); ok {
				out[ts.Name.Name] = countFields(st)
			}
		}
		return true
	})
	return out
}

func countFields(st *ast.StructType) int {
	n := 0
	for _, fl := range st.Fields.List {
		n += max(1, len(fl.Names))
	}
	return n
}
