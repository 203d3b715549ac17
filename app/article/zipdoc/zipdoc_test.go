package zipdoc

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"
)

func archive(t *testing.T, parts map[string]string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for n, body := range parts {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	zw.Close()
	return b.Bytes()
}

func TestLimits(t *testing.T) {
	defer func(p int, u int64) { MaxParts, MaxUnpacked = p, u }(MaxParts, MaxUnpacked)
	MaxParts, MaxUnpacked = 3, 1000
	for _, c := range []struct {
		name  string
		parts map[string]string
		read  []string
		want  error
	}{
		{"within the limits", map[string]string{"a": "x", "b": "y"}, []string{"a", "b", "missing"}, nil},
		{"too many parts", map[string]string{"a": "", "b": "", "c": "", "d": ""}, nil, ErrTooManyParts},
		{"declared far past the budget", map[string]string{"a": strings.Repeat("z", 5000)}, nil, ErrTooBig},
		{"parts that add up past the budget", map[string]string{"a": strings.Repeat("z", 600), "b": strings.Repeat("z", 600)}, []string{"a", "b"}, ErrTooBig},
		{"not a zip", nil, nil, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := []byte("not a zip at all")
			if c.parts != nil {
				src = archive(t, c.parts)
			}
			a, err := Open(src)
			if c.parts == nil {
				if err == nil {
					t.Fatal("a non-zip opened")
				}
				return
			}
			for _, n := range c.read {
				if err != nil {
					break
				}
				_, err = a.Read(n)
			}
			if !errors.Is(err, c.want) && !(c.want == nil && err == nil) {
				t.Errorf("err %v, want %v", err, c.want)
			}
		})
	}
}
