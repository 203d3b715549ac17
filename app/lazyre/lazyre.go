// Package lazyre holds regular expressions that are compiled the first
// time they are used instead of when the program starts. A package-level
// regexp.MustCompile runs before main: the citation parser's hundred or so
// expressions cost every launch of the window 13-18 ms before its first
// line of code ran, for a citation library that is built only after the
// window is on screen. A Regexp has the methods of *regexp.Regexp that
// Glossa uses, so a package turns lazy by changing its declarations only.
package lazyre

import (
	"regexp"
	"sync"
)

// Regexp is a regular expression compiled on first use, safely from any
// goroutine. A pattern that does not compile panics then, as
// regexp.MustCompile would have at start-up: Compiled lets a test find it
// at once.
type Regexp struct {
	pattern string
	once    sync.Once
	re      *regexp.Regexp
}

// all holds every Regexp made, for Compiled.
var (
	mu  sync.Mutex
	all []*Regexp
)

// New is the expression pattern, compiled when first used.
func New(pattern string) *Regexp {
	r := &Regexp{pattern: pattern}
	mu.Lock()
	all = append(all, r)
	mu.Unlock()
	return r
}

// Compiled compiles every expression made so far and returns how many
// there are: a test calls it to find a bad pattern without running the
// code that uses it.
func Compiled() int {
	mu.Lock()
	rs := append([]*Regexp(nil), all...)
	mu.Unlock()
	for _, r := range rs {
		r.Re()
	}
	return len(rs)
}

// Re is the compiled expression.
func (r *Regexp) Re() *regexp.Regexp {
	r.once.Do(func() { r.re = regexp.MustCompile(r.pattern) })
	return r.re
}

// String is the pattern.
func (r *Regexp) String() string { return r.pattern }

func (r *Regexp) MatchString(s string) bool              { return r.Re().MatchString(s) }
func (r *Regexp) FindString(s string) string             { return r.Re().FindString(s) }
func (r *Regexp) FindStringIndex(s string) []int         { return r.Re().FindStringIndex(s) }
func (r *Regexp) FindStringSubmatch(s string) []string   { return r.Re().FindStringSubmatch(s) }
func (r *Regexp) FindStringSubmatchIndex(s string) []int { return r.Re().FindStringSubmatchIndex(s) }
func (r *Regexp) FindAllString(s string, n int) []string {
	return r.Re().FindAllString(s, n)
}
func (r *Regexp) FindAllStringIndex(s string, n int) [][]int {
	return r.Re().FindAllStringIndex(s, n)
}
func (r *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	return r.Re().FindAllStringSubmatch(s, n)
}
func (r *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return r.Re().FindAllStringSubmatchIndex(s, n)
}
func (r *Regexp) ReplaceAll(src, repl []byte) []byte { return r.Re().ReplaceAll(src, repl) }
func (r *Regexp) ReplaceAllString(src, repl string) string {
	return r.Re().ReplaceAllString(src, repl)
}
func (r *Regexp) ReplaceAllStringFunc(src string, repl func(string) string) string {
	return r.Re().ReplaceAllStringFunc(src, repl)
}
func (r *Regexp) Split(s string, n int) []string { return r.Re().Split(s, n) }
