package lazyre

import (
	"reflect"
	"regexp"
	"sync"
	"testing"
)

func TestCompiledOnFirstUseFromManyGoroutines(t *testing.T) {
	r := New(`(\d+)-(\d+)`)
	if r.re != nil {
		t.Fatal("compiled before first use")
	}
	var wg sync.WaitGroup
	got := make([][]string, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = r.FindStringSubmatch("pp. 12-19")
		}()
	}
	wg.Wait()
	for _, g := range got {
		if len(g) != 3 || g[1] != "12" || g[2] != "19" {
			t.Fatalf("FindStringSubmatch = %q", g)
		}
	}
}

// Each method gives what *regexp.Regexp gives.
func TestSameAsRegexp(t *testing.T) {
	const pat, s = `(?i)\b(ibid)\.?`, "Ibid. 4; see ibid, and IBID."
	r, want := New(pat), regexp.MustCompile(pat)
	eq := func(name string, a, b any) {
		t.Helper()
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: %v, regexp gives %v", name, a, b)
		}
	}
	eq("String", r.String(), want.String())
	eq("MatchString", r.MatchString(s), want.MatchString(s))
	eq("FindString", r.FindString(s), want.FindString(s))
	eq("FindStringIndex", r.FindStringIndex(s), want.FindStringIndex(s))
	eq("FindStringSubmatchIndex", r.FindStringSubmatchIndex(s), want.FindStringSubmatchIndex(s))
	eq("FindAllString", r.FindAllString(s, -1), want.FindAllString(s, -1))
	eq("FindAllStringIndex", r.FindAllStringIndex(s, -1), want.FindAllStringIndex(s, -1))
	eq("FindAllStringSubmatch", r.FindAllStringSubmatch(s, -1), want.FindAllStringSubmatch(s, -1))
	eq("FindAllStringSubmatchIndex", r.FindAllStringSubmatchIndex(s, -1), want.FindAllStringSubmatchIndex(s, -1))
	eq("ReplaceAll", string(r.ReplaceAll([]byte(s), []byte("id."))), string(want.ReplaceAll([]byte(s), []byte("id."))))
	eq("ReplaceAllString", r.ReplaceAllString(s, "<$1>"), want.ReplaceAllString(s, "<$1>"))
	up := func(m string) string { return "[" + m + "]" }
	eq("ReplaceAllStringFunc", r.ReplaceAllStringFunc(s, up), want.ReplaceAllStringFunc(s, up))
	eq("Split", r.Split(s, -1), want.Split(s, -1))
}

func TestBadPatternPanicsInCompiled(t *testing.T) {
	New(`(unclosed`)
	defer func() {
		mu.Lock()
		all = all[:len(all)-1] // leave the registry as the other tests found it
		mu.Unlock()
		if recover() == nil {
			t.Fatal("Compiled did not panic on a pattern that does not compile")
		}
	}()
	Compiled()
}
