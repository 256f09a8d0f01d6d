package analysis

import (
	"math/bits"
	"strings"
	"unicode/utf8"
)

// The attribution finder reads a body once, byte by byte, and notes the
// few places that need a closer look: quotation marks, words that may be
// speech cues, and words that may start or hold a person's name. Everything
// else (tokens, sentences, speakers) is worked out only in windows around
// those places, so the cost of an article is one cheap pass plus work
// proportional to its quotes.
//
// The pass hashes each run of ASCII letters as it goes and, at the byte
// that ends the run, tests the hash against a bit filter built from the
// cue words and name triggers; only filter hits are looked at as words.
// The loop has one well-predicted branch per byte, which keeps it near a
// nanosecond per byte.

// quoteScanBits is the size of the word filter in bits (a power of two).
const quoteScanBits = 1 << 18

// quoteScanLetter is all ones for an ASCII letter and zero for any other
// byte: the hash of a letter run is reset at every other byte.
var quoteScanLetter = func() (t [256]uint32) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = ^uint32(0)
		t[c-'a'+'A'] = ^uint32(0)
	}
	return t
}()

// quoteScanMark flags the bytes that may begin a double quotation mark (see
// quoteMarkByte).
var quoteScanMark = func() (t [256]uint8) {
	for b, ok := range quoteMarkByte {
		if ok {
			t[b] = 1
		}
	}
	return t
}()

// quoteScanHash folds one more byte into a letter run's hash.
func quoteScanHash(h uint32, c byte) uint32 { return bits.RotateLeft32(h, 5) ^ uint32(c) }

// quoteScanWordHash hashes a whole word the way the pass does.
func quoteScanWordHash(w string) uint32 {
	var h uint32
	for i := 0; i < len(w); i++ {
		h = quoteScanHash(h, w[i])
	}
	return h
}

// quoteScanFilter has a bit set for the hash of every word the pass must
// report: the speech cue words (and "according"), their capitalized
// sentence-initial forms, and the capitalized first names, roles and
// honorifics that make a run of capitalized words a person's name.
var quoteScanFilter = func() *[quoteScanBits / 64]uint64 {
	f := new([quoteScanBits / 64]uint64)
	add := func(w string) {
		h := quoteScanWordHash(w) & (quoteScanBits - 1)
		if h == 0 {
			// Bit 0 stays clear: it is what the pass tests between words.
			return
		}
		f[h/64] |= 1 << (h % 64)
	}
	for w := range speechCueWords {
		add(w)
	}
	for _, w := range []string{"according", "According", "Said", "Says", "Added", "Asked"} {
		add(w)
	}
	for _, set := range []map[string]bool{speakerRoles, speakerHonorifics, speakerMaleNames, speakerFemaleNames} {
		for w := range set {
			w = strings.TrimSuffix(w, ".")
			if w == "" || w[0] < 'a' || w[0] > 'z' || strings.ContainsAny(w, ".-") {
				continue
			}
			add(string(w[0]-'a'+'A') + w[1:])
			// All-capitals forms ("MR") are rare in running text and left out.
		}
	}
	return f
}()

// quoteScanResult is what the pass notes in one body.
type quoteScanResult struct {
	// marks holds the offsets of bytes that may begin a quotation mark.
	marks []int
	// cues holds the word spans of the speech cue candidates, in order:
	// lower-case cue words and "according"/"According" (and the few
	// sentence-initial capitalized cue forms).
	cues []Span
	// names holds the spans of capitalized words that may be part of a
	// person's name: first names, roles and honorifics.
	names []Span
}

// reset empties the result, keeping its buffers.
func (r *quoteScanResult) reset() {
	r.marks, r.cues, r.names = r.marks[:0], r.cues[:0], r.names[:0]
}

// quoteScan makes the pass over body, appending to r.
func quoteScan(body string, r *quoteScanResult) {
	f := quoteScanFilter
	var h uint32
	n := len(body)
	for i := 0; i < n; i++ {
		c := body[i]
		l := quoteScanLetter[c]
		hb := h & (quoteScanBits - 1)
		// At a non-letter, test the hash of the run that just ended.
		hit := uint8(f[hb>>6]>>(hb&63)&1) & uint8(^l)
		if hit|quoteScanMark[c] != 0 {
			if quoteScanMark[c] != 0 {
				r.marks = append(r.marks, i)
			}
			if hit != 0 {
				r.word(body, i)
			}
		}
		h = quoteScanHash(h, c) & l
	}
	if h != 0 {
		hb := h & (quoteScanBits - 1)
		if f[hb/64]>>(hb%64)&1 != 0 {
			r.word(body, n)
		}
	}
}

// word looks at the letter run that ends at offset end, a filter hit.
func (r *quoteScanResult) word(body string, end int) {
	s := end
	for s > 0 && quoteScanLetter[body[s-1]] != 0 {
		s--
	}
	if s == end || end-s > 15 {
		return
	}
	// Words glued to other letters ("Lavrov’s" is fine, "unsaid" and
	// "Josée" are not) are no candidates.
	if s > 0 && body[s-1] >= utf8.RuneSelf {
		if p, _ := utf8.DecodeLastRuneInString(body[:s]); isWordRune(p) {
			return
		}
	}
	if end < len(body) && body[end] >= utf8.RuneSelf {
		if nx, _ := utf8.DecodeRuneInString(body[end:]); isWordRune(nx) {
			return
		}
	}
	if s > 0 && body[s-1] >= '0' && body[s-1] <= '9' {
		return
	}
	w := body[s:end]
	c := w[0]
	if c >= 'a' && c <= 'z' {
		if w == "according" || speechCueQuick.has(w) {
			r.cues = append(r.cues, Span{s, end})
		}
		return
	}
	switch w {
	case "According", "Said", "Says", "Added", "Asked":
		r.cues = append(r.cues, Span{s, end})
		return
	}
	if speakerPersonQuick.has(w) {
		r.names = append(r.names, Span{s, end})
	}
}
