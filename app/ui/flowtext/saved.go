package flowtext

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"sort"
)

// Saving what was measured: a start measures the same runes in the same
// faces as the start before it, each through Fyne (shaped one by one,
// 30-150 µs a rune), some thousand of them for the article: 40-50 ms of
// processor time on every launch. Save writes the advances down and
// Restore puts them back into measurers, so a later start breaks its
// lines without measuring. The caller keys what it saved to what the
// advances depend on (the faces and the version of the text engine).

// savedMagic opens the format; a change of format changes it.
const savedMagic = "glossa-advances-1"

// maxSaved bounds what Restore reads: a damaged file must not make it
// allocate without end.
const maxSaved = 1 << 16

// Save writes ms's measurers (not the scaled ones) with key: the natural
// line height and, per style, the advance of each rune keep says to keep.
func (ms Measurers) Save(w io.Writer, key uint64, keep func(r rune, s int) bool) error {
	bw := bufio.NewWriter(w)
	put := func(v any) { _ = binary.Write(bw, binary.LittleEndian, v) }
	bw.WriteString(savedMagic)
	put(key)
	sizes := make([]float32, 0, len(ms))
	for size, m := range ms {
		if m.base == nil {
			sizes = append(sizes, size)
		}
	}
	sort.Slice(sizes, func(i, j int) bool { return sizes[i] < sizes[j] })
	put(uint32(len(sizes)))
	for _, size := range sizes {
		m := ms[size]
		put(size)
		put(m.lh)
		for s, tab := range m.adv {
			runes := make([]rune, 0, len(tab))
			for r := range tab {
				if keep == nil || keep(r, s) {
					runes = append(runes, r)
				}
			}
			sort.Slice(runes, func(i, j int) bool { return runes[i] < runes[j] })
			put(uint32(len(runes)))
			for _, r := range runes {
				put(int32(r))
				put(tab[r])
			}
		}
	}
	return bw.Flush()
}

// ErrSavedKey is Restore's answer to advances saved under another key.
var ErrSavedKey = errors.New("flowtext: the advances were saved for other faces")

// Restore reads what Save wrote under key into ms, for each size ms does
// not measure yet, and returns how many advances it added. Nothing is
// changed when the file is not Save's, is damaged or has another key.
func (ms Measurers) Restore(r io.Reader, key uint64) (int, error) {
	br := bufio.NewReader(r)
	magic := make([]byte, len(savedMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != savedMagic {
		return 0, errors.New("flowtext: not a file of saved advances")
	}
	var err error
	get := func(v any) {
		if err == nil {
			err = binary.Read(br, binary.LittleEndian, v)
		}
	}
	var k uint64
	get(&k)
	if err == nil && k != key {
		return 0, ErrSavedKey
	}
	var nsizes uint32
	get(&nsizes)
	if err == nil && nsizes > 64 {
		return 0, errors.New("flowtext: saved advances: too many sizes")
	}
	read := Measurers{}
	for i := uint32(0); i < nsizes && err == nil; i++ {
		m := &Measurer{}
		get(&m.size)
		get(&m.lh)
		for s := range m.adv {
			var n uint32
			get(&n)
			if err != nil || n > maxSaved {
				return 0, errors.New("flowtext: saved advances are damaged")
			}
			m.adv[s] = make(map[rune]float32, max(int(n), 128))
			for j := uint32(0); j < n && err == nil; j++ {
				var r int32
				var w float32
				get(&r)
				get(&w)
				m.adv[s][rune(r)] = w
			}
		}
		if bad(m.size) || bad(m.lh) {
			return 0, errors.New("flowtext: saved advances are damaged")
		}
		read[m.size] = m
	}
	if err != nil {
		return 0, errors.New("flowtext: saved advances are cut short")
	}
	total := 0
	for size, m := range read {
		if _, ok := ms[size]; !ok {
			ms[size] = m
			total += Measurers{size: m}.Count()
		}
	}
	return total, nil
}

func bad(f float32) bool { return f <= 0 || math.IsNaN(float64(f)) || math.IsInf(float64(f), 0) }

// Count is how many advances ms holds, over all sizes and styles.
func (ms Measurers) Count() int {
	n := 0
	for _, m := range ms {
		if m.base == nil {
			for _, tab := range m.adv {
				n += len(tab)
			}
		}
	}
	return n
}
