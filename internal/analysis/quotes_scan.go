package analysis

import (
	"math/bits"
	"strings"
	"unicode/utf8"
)

// The attribution finder reads a body once and notes the few places that
// need a closer look: quotation marks, words that may be speech cues, and
// words that may start or hold a person's name. Everything else (tokens,
// sentences, speakers) is worked out only in windows around those places,
// so the cost of an article is one cheap pass plus work proportional to its
// quotes.
//
// The pass reads eight bytes at a time. Bit tricks give the ASCII letters
// of the eight and the ends of the letter runs among them; only at a run's
// end is the word looked at, by a hash of its bytes tested against a small
// bit filter of the cue words and name triggers, and only filter hits are
// looked up in the word table. Quotation marks are rare, a few in a
// thousand bytes, and are found apart, by strings.IndexByte. The pass so
// costs some five instructions a byte and forty a word, where a loop over
// the bytes cost twenty-seven a byte; it trades that loop's one branch a
// byte, which the processor foresaw, for a branch a word, which it
// foresees less well.

// quoteScanFilterLog is the base-2 log of the size of the word filter in
// bits: at 2^16 bits (8 KB) it stays in the first-level cache, and with
// some thousand words in it, one or two words in a hundred it does not
// hold pass. (At 2^15 bits twice as many did: each costs a look-up in the
// word table, and a hit the processor had not foreseen.)
const quoteScanFilterLog = 16

// quoteScanMaxLen is the length of the longest word the pass notes; longer
// runs of letters are not looked at.
const quoteScanMaxLen = 15

// quoteScanLetter is all ones for an ASCII letter and zero for any other
// byte.
var quoteScanLetter = func() (t [256]uint32) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = ^uint32(0)
		t[c-'a'+'A'] = ^uint32(0)
	}
	return t
}()

// quoteScanKey hashes the word s[start:end], of 1 to quoteScanMaxLen
// bytes, for the filter and the word table. It reads the word as one or
// two eight-byte loads (the first eight bytes and, for a longer word, the
// last eight), not byte by byte.
func quoteScanKey(s string, start, end int) uint64 {
	var first, last uint64
	if start+8 <= len(s) {
		first = speakerLoad8(s, start)
	} else {
		first = quoteScanLoadTail(s[start:])
	}
	if end-start > 8 {
		last = speakerLoad8(s, end-8)
	}
	return quoteScanMix(first, last, end-start)
}

// quoteScanMix returns the key of a word of n bytes whose first eight
// bytes (with any bytes after a shorter word) are first and, when it is
// longer than eight, whose last eight are last. The pass (quoteScanRun)
// computes the same key inline, its mask from quoteScanLenMask: a call
// there would save and restore the loop's state at each word.
func quoteScanMix(first, last uint64, n int) uint64 {
	if n < 8 {
		first &= 1<<(8*uint(n)&63) - 1 // (&63 spares the test for a shift of 64)
	} else if n > 8 {
		first ^= bits.RotateLeft64(last, 29)
	}
	return (first ^ uint64(n)) * 0x9E3779B97F4A7C15
}

// quoteScanLoadTail returns the bytes of s, fewer than eight, as
// speakerLoad8 would with zero bytes after them.
func quoteScanLoadTail(s string) uint64 {
	var x uint64
	for j := 0; j < len(s) && j < 8; j++ {
		x |= uint64(s[j]) << (8 * j)
	}
	return x
}

// quoteScanFilter has a bit set, at the top quoteScanFilterLog bits of its
// key, for every word the pass must report: the speech cue words (and
// "according"), their capitalized sentence-initial forms, and the
// capitalized first names, roles and honorifics that make a run of
// capitalized words a person's name.
var quoteScanFilter = func() (f [1 << quoteScanFilterLog / 64]uint64) {
	for i := range quoteScanWords {
		if w := quoteScanWords[i].w; w != "" {
			b := quoteScanKey(w, 0, len(w)) >> (64 - quoteScanFilterLog)
			f[b/64] |= 1 << (b % 64)
		}
	}
	return f
}()

// quoteScanMarkBytes lists the bytes of quoteMarkByte.
var quoteScanMarkBytes = func() (bs []byte) {
	for b, ok := range quoteMarkByte {
		if ok {
			bs = append(bs, byte(b))
		}
	}
	if len(bs) > quoteScanMarkKinds {
		panic("quoteMarkByte holds more than quoteScanMarkKinds bytes")
	}
	return bs
}()

// quoteScanMarkKinds bounds the number of quoteScanMarkBytes.
const quoteScanMarkKinds = 8

// quoteScanMarks appends to marks, in order, the offsets of the bytes of
// body that may begin a quotation mark. There are a few in a thousand
// bytes: each byte of quoteScanMarkBytes is searched for with
// strings.IndexByte, which reads many bytes an instruction, and the
// offsets found are merged.
func quoteScanMarks(body string, marks []int) []int {
	// next holds the offset of the next byte of each kind, or len(body)
	// when there is none.
	var next [quoteScanMarkKinds]int
	kinds := quoteScanMarkBytes
	for k, c := range kinds {
		next[k] = quoteScanIndexFrom(body, 0, c)
	}
	for {
		k, at := -1, len(body)
		for j := range kinds {
			if next[j] < at {
				k, at = j, next[j]
			}
		}
		if k < 0 {
			return marks
		}
		marks = append(marks, at)
		next[k] = quoteScanIndexFrom(body, at+1, kinds[k])
	}
}

// quoteScanIndexFrom returns the offset of the first byte c of s at or
// after from, or len(s) when there is none.
func quoteScanIndexFrom(s string, from int, c byte) int {
	if i := strings.IndexByte(s[from:], c); i >= 0 {
		return from + i
	}
	return len(s)
}

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
	// buf holds the filter hits of one chunk of quoteScanRun, for word to
	// look at between two chunks: a call inside the pass's loop made the
	// compiler keep the loop's state in memory for every word, not only
	// the few that pass.
	buf [4 * quoteScanChunk]Span
}

// reset empties the result, keeping its buffers.
func (r *quoteScanResult) reset() {
	r.marks, r.cues, r.names = r.marks[:0], r.cues[:0], r.names[:0]
}

// quoteScan makes the pass over body, appending to r.
func quoteScan(body string, r *quoteScanResult) {
	r.marks = quoteScanMarks(body, r.marks)
	n := len(body)
	// The eights that leave eight bytes after them, and so after every
	// word that ends in them, are read from body itself, with no test for
	// its end. The rest, and the run that reaches into them, are read
	// from a copy padded with zero bytes, which are neither letters nor
	// marks: a run that ends the body ends at the first.
	i, ws, prev, nb := 0, 0, uint64(0), 0
	for i+16 <= n {
		i, ws, prev, nb = quoteScanRun(body, i, ws, prev, r)
		for _, h := range r.buf[:nb] {
			r.word(body, h.Start, h.End)
		}
	}
	// The copy starts at the open run's start ws, so the run starts at
	// the copy's start, 0. A run that started more than sixteen bytes
	// before i is longer than quoteScanMaxLen however it ends: the copy
	// starts at i-16 then, and the run at its start still, which keeps it
	// too long.
	k := max(ws, i-16)
	var pad [48]byte
	copy(pad[:], body[k:])
	// The copy holds fewer than quoteScanChunk eights: one chunk reads
	// them all.
	_, _, _, nb = quoteScanRun(pad[:n-k+16], i-k, 0, prev, r)
	for _, h := range r.buf[:nb] {
		r.word(body, k+h.Start, k+h.End)
	}
}

// quoteScanChunk is how many eights quoteScanRun reads at most in one
// call: it notes the words that pass the filter in r.buf, which holds
// four for each eight, the most runs an eight can end. (At 32 the calls
// cost the pass some 3% over the AllSides corpus; at 64 they cost none
// that shows.)
const quoteScanChunk = 64

// quoteScanRun reads the eights of s at i, i+8, ..., at most
// quoteScanChunk of them and while sixteen bytes are left from one, from
// a letter run started at ws and the letter bit prev of the byte before i
// (as quoteScan keeps them), and notes in r.buf the runs that pass the
// filter. It returns the next eight's offset, ws, prev and the number of
// runs noted.
func quoteScanRun[S string | []byte](s S, i, ws int, prev uint64, r *quoteScanResult) (int, int, uint64, int) {
	// The loop calls nothing, so that the compiler keeps its state in
	// registers.
	stop := min(len(s)-16, i+8*(quoteScanChunk-1))
	buf := &r.buf
	nb := 0
	for ; i <= stop; i += 8 {
		x := speakerLoad8(s, i)
		letters := quoteLetters8(x)
		others := ^letters & quoteHigh8
		// A run ends at a byte that is no letter after one that is.
		ends := others & (letters<<8 | prev)
		prev = letters >> 56
		for ; ends != 0; ends &= ends - 1 {
			// The run starts after the last other byte before its end,
			// or in an earlier eight. (No shift by a count that varies
			// is made here: on amd64 the count must stand in one
			// register, and the compiler then spills the loop's state.)
			if before := others & (ends&-ends - 1); before != 0 {
				ws = i + (63-bits.LeadingZeros64(before))>>3 + 1
			}
			end := i + bits.TrailingZeros64(ends)>>3
			l := end - ws
			if l > quoteScanMaxLen {
				continue
			}
			// quoteScanKey, inlined.
			first := speakerLoad8(s, ws) & quoteScanLenMask[l&quoteScanMaxLen]
			if l > 8 {
				first ^= bits.RotateLeft64(speakerLoad8(s, end-8), 29)
			}
			if k := (first ^ uint64(l)) * 0x9E3779B97F4A7C15 >> (64 - quoteScanFilterLog); quoteScanFilter[k/64]>>(k%64)&1 != 0 {
				buf[nb&(len(buf)-1)] = Span{ws, end}
				nb++
			}
		}
		if others != 0 {
			// A run that ends in the next eight starts after the last
			// other byte of these (or in the next eight).
			ws = i + (63-bits.LeadingZeros64(others))>>3 + 1
		}
	}
	return i, ws, prev, nb
}

// quoteScanLenMask masks the bytes of a word of each length within the
// first eight: quoteScanMix's mask.
var quoteScanLenMask = func() (m [quoteScanMaxLen + 1]uint64) {
	for n := range m {
		m[n] = ^uint64(0)
		if n < 8 {
			m[n] = 1<<(8*uint(n)) - 1
		}
	}
	return m
}()

// word looks at the letter run body[s:end], a filter hit.
func (r *quoteScanResult) word(body string, s, end int) {
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
	switch quoteScanKindOf(body[s:end], quoteScanKey(body, s, end)) {
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
// written, with their kind, by quoteScanSlot of their key with linear
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
		slot := quoteScanSlot(quoteScanKey(w, 0, len(w)))
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

// quoteScanSlot is the slot of quoteScanWords a word of key k (quoteScanKey)
// starts its search at: bits of the key below those of the filter.
func quoteScanSlot(k uint64) int { return int(k >> (64 - quoteScanFilterLog - 12) & (1<<12 - 1)) }

// quoteScanKindOf returns the kind of w, whose key is k, or 0 when the
// pass does not note it.
func quoteScanKindOf(w string, k uint64) uint8 {
	for slot := quoteScanSlot(k); ; slot = (slot + 1) & (len(quoteScanWords) - 1) {
		e := &quoteScanWords[slot]
		if e.w == "" {
			return 0
		}
		if e.w == w {
			return e.kind
		}
	}
}
