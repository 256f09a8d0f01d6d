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
	for _, w := range quoteScanCueForms {
		add(w)
	}
	for _, w := range quoteScanNameForms() {
		add(w)
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
				r.word(body, i, h)
			}
		}
		h = quoteScanHash(h, c) & l
	}
	if h != 0 {
		hb := h & (quoteScanBits - 1)
		if f[hb/64]>>(hb%64)&1 != 0 {
			r.word(body, n, h)
		}
	}
}

// word looks at the letter run that ends at offset end, a filter hit; h is
// its hash.
func (r *quoteScanResult) word(body string, end int, h uint32) {
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
	switch quoteScanKindOf(body[s:end], h) {
	case quoteScanCue:
		r.cues = append(r.cues, Span{s, end})
	case quoteScanName:
		r.names = append(r.names, Span{s, end})
	}
}

// The kinds of the words the pass notes.
const (
	quoteScanCue  = 1 // a speech cue candidate
	quoteScanName = 2 // a word that may be part of a person's name
)

// quoteScanWords holds the words the pass notes, exactly as they are
// written, with their kind, by quoteScanSlot of their hash with linear
// probing; empty slots have w == "". They are the words of the filter: the
// lower-case cue words and "according", the capitalized cue forms
// "According", "Said", "Says", "Added" and "Asked" (kept for the
// sentence-initial inverted form), and the name triggers of
// quoteScanNameForms.
var quoteScanWords = func() (t [1 << 12]struct {
	w    string
	kind uint8
}) {
	add := func(w string, kind uint8) {
		slot := quoteScanSlot(quoteScanWordHash(w))
		for t[slot].w != "" {
			if t[slot].w == w {
				return // the first kind given wins
			}
			slot = (slot + 1) & (len(t) - 1)
		}
		t[slot].w, t[slot].kind = w, kind
	}
	for _, w := range quoteScanCueForms {
		add(w, quoteScanCue)
	}
	for w := range speechCueWords {
		add(w, quoteScanCue)
	}
	for _, w := range quoteScanNameForms() {
		add(w, quoteScanName)
	}
	return
}()

// quoteScanCueForms are the cue forms noted besides speechCueWords.
var quoteScanCueForms = []string{"according", "According", "Said", "Says", "Added", "Asked"}

// quoteScanNameForms returns the name triggers the pass notes: the
// capitalized forms of the first names, roles and honorifics (without a
// final period), and the roles in lower case too: "Palestinian leader
// Mahmud Abbas" names a person by the title before the name
// (speakerScanNames).
func quoteScanNameForms() []string {
	var out []string
	for _, set := range []map[string]bool{speakerRoles, speakerHonorifics, speakerMaleNames, speakerFemaleNames} {
		for w := range set {
			w = strings.TrimSuffix(w, ".")
			if w == "" || w[0] < 'a' || w[0] > 'z' || strings.ContainsAny(w, ".-") {
				continue
			}
			// All-capitals forms ("MR") are rare in running text and left out.
			out = append(out, string(w[0]-'a'+'A')+w[1:])
		}
	}
	for w := range speakerRoles {
		if !strings.Contains(w, "-") { // the pass splits words at hyphens
			out = append(out, w)
		}
	}
	return out
}

// quoteScanSlot spreads a word hash over quoteScanWords.
func quoteScanSlot(h uint32) int { return int(h * 0x9E3779B1 >> (32 - 12)) }

// quoteScanKindOf returns the kind of w, whose hash is h, or 0 when the
// pass does not note it.
func quoteScanKindOf(w string, h uint32) uint8 {
	for slot := quoteScanSlot(h); ; slot = (slot + 1) & (len(quoteScanWords) - 1) {
		e := &quoteScanWords[slot]
		if e.w == "" {
			return 0
		}
		if e.w == w {
			return e.kind
		}
	}
}
