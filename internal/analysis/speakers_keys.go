package analysis

import (
	"encoding/binary"
	"math/bits"
)

// speakerKeys maps the keys the persons of one body are known by (a full
// name or a surname in lower case, a surname as written) to the persons'
// indices, the way a map[string]int does. The keys' bytes stand in one
// buffer and the slots in one slice, both kept from body to body: over a
// corpus the scan registers some eight persons per article, and a map took
// a lower-cased copy of each key (an allocation) and a map assignment,
// and had to be cleared at every body.
type speakerKeys struct {
	buf   []byte
	slots []speakerKeySlot // open addressing, linear probing; the length is a power of two
	n     int              // keys held
	// written has speakerWrittenBit set for each key put as written that
	// starts with an ASCII capital: a key looked up as written that starts
	// with one can only be such a key (the lower-case keys hold none), so
	// a clear bit answers the look-up without copying and hashing the key.
	// Most capitalized words surnameAfter reads name no one.
	written uint64
}

// speakerKeySlot is one slot of speakerKeys: the key buf[off:end] with its
// hash, and the person's index plus one (0 for an empty slot).
type speakerKeySlot struct {
	h, p     uint32
	off, end int32
}

// speakerKeysMinSlots is the number of slots of an empty table; a table
// grown past speakerKeysMaxKept slots by a body with many names is not
// kept for the next body, whose clearing would cost as much, nor a key
// buffer grown past speakerKeysMaxBuf bytes.
const (
	speakerKeysMinSlots = 64
	speakerKeysMaxKept  = 1024
	speakerKeysMaxBuf   = 1 << 16
)

// reset empties the table.
func (k *speakerKeys) reset() {
	if len(k.slots) == 0 || len(k.slots) > speakerKeysMaxKept {
		k.slots = make([]speakerKeySlot, speakerKeysMinSlots)
	} else {
		clear(k.slots)
	}
	if cap(k.buf) > speakerKeysMaxBuf {
		k.buf = nil
	}
	k.buf, k.n, k.written = k.buf[:0], 0, 0
}

// speakerWrittenBit returns the bit of speakerKeys.written for a key of n
// bytes that starts with byte first and ends with byte last.
func speakerWrittenBit(first, last byte, n int) uint64 {
	h := (uint32(first)<<16 | uint32(last)<<8 | uint32(n)) * 0x9E3779B1
	return 1 << (h >> 26)
}

// slot returns the index of the slot holding key, whose hash is h, or of
// the empty slot where it would go.
func (k *speakerKeys) slot(key []byte, h uint32) int {
	mask := len(k.slots) - 1
	i := speakerKeyIndex(h, mask)
	for {
		s := &k.slots[i]
		if s.p == 0 || s.h == h && string(k.buf[s.off:s.end]) == string(key) {
			return i
		}
		i = (i + 1) & mask
	}
}

// speakerKeyIndex spreads a key hash over a table of mask+1 slots.
func speakerKeyIndex(h uint32, mask int) int { return int(uint64(h)*0x9E3779B97F4A7C15>>32) & mask }

// get returns the person known by key, whose hash is h, or 0 and false as
// a map would.
func (k *speakerKeys) get(key []byte, h uint32) (int, bool) {
	if len(k.slots) == 0 {
		return 0, false
	}
	p := k.slots[k.slot(key, h)].p
	if p == 0 {
		return 0, false
	}
	return int(p) - 1, true
}

// put makes key, whose hash is h, name person p, in place of any person
// it named.
func (k *speakerKeys) put(key []byte, h uint32, p int) {
	if len(k.slots) == 0 {
		k.reset()
	}
	s := &k.slots[k.slot(key, h)]
	if s.p == 0 {
		off := len(k.buf)
		k.buf = append(k.buf, key...)
		*s = speakerKeySlot{h: h, off: int32(off), end: int32(len(k.buf))}
		k.n++
	}
	s.p = uint32(p) + 1
	if 2*k.n > len(k.slots) {
		k.grow()
	}
}

// grow doubles the slots.
func (k *speakerKeys) grow() {
	old := k.slots
	k.slots = make([]speakerKeySlot, 2*len(old))
	mask := len(k.slots) - 1
	for _, s := range old {
		if s.p == 0 {
			continue
		}
		i := speakerKeyIndex(s.h, mask)
		for k.slots[i].p != 0 {
			i = (i + 1) & mask
		}
		k.slots[i] = s
	}
}

// speakerKeyHash hashes a key, eight bytes at a time: keys are names of
// a dozen bytes or more, and a byte-wise hash cost more than the rest of
// a look-up. The last bytes are read in one load ending at the key's end
// (overlapping the one before it) and the length is hashed too, so keys
// of different lengths with the same bytes differ.
func speakerKeyHash(key []byte) uint32 {
	const mul = 0x9E3779B97F4A7C15
	n := len(key)
	h := uint64(n) * mul
	switch {
	case n >= 8:
		for i := 0; i+8 < n; i += 8 {
			h = bits.RotateLeft64((h^binary.LittleEndian.Uint64(key[i:]))*mul, 29)
		}
		h ^= binary.LittleEndian.Uint64(key[n-8:])
	case n >= 4:
		h ^= uint64(binary.LittleEndian.Uint32(key)) | uint64(binary.LittleEndian.Uint32(key[n-4:]))<<32
	case n > 0:
		h ^= uint64(key[0]) | uint64(key[n/2])<<8 | uint64(key[n-1])<<16
	}
	h *= mul
	return uint32(h>>32) ^ uint32(h)
}

// foldKey sets x.fold to strings.ToLower(s) and returns its hash. An ASCII
// s, as nearly every name is, is folded eight bytes at a time with no
// branch but the loop's (a capital letter, starting every name, was a
// branch the processor mispredicted) and without allocating.
func (x *speakerIndex) foldKey(s string) uint32 {
	n := len(s)
	if cap(x.fold) < n {
		x.fold = make([]byte, 0, 2*n)
	}
	buf := x.fold[:n]
	var or uint64
	i := 0
	if n >= 8 {
		// The last eight bytes are folded in one load ending at the end
		// of s, over bytes folded already: folding them again changes
		// nothing.
		for ; i+8 < n; i += 8 {
			w := speakerLoad8(s, i)
			or |= w
			// The high bit speakerUpper8 gives each capital, moved to 0x20.
			binary.LittleEndian.PutUint64(buf[i:], w|speakerUpper8(w)>>2)
		}
		w := speakerLoad8(s, n-8)
		or |= w
		binary.LittleEndian.PutUint64(buf[n-8:], w|speakerUpper8(w)>>2)
		i = n
	}
	for ; i < n; i++ {
		c := s[i]
		or |= uint64(c)
		buf[i] = speakerLowerASCII[c]
	}
	if or&quoteHigh8 != 0 {
		x.fold = speakerFold(x.fold[:0], s)
		return speakerKeyHash(x.fold)
	}
	x.fold = buf
	return speakerKeyHash(buf)
}

// speakerLowerASCII maps the ASCII capital letters to lower case and every
// other byte to itself.
var speakerLowerASCII = func() (t [256]byte) {
	for c := range t {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] += 'a' - 'A'
		}
	}
	return t
}()

// copyKey sets x.fold to s and returns its hash.
func (x *speakerIndex) copyKey(s string) uint32 {
	x.fold = append(x.fold[:0], s...)
	return speakerKeyHash(x.fold)
}

// putLower makes strings.ToLower(s) a key of person p: foldKey folds as
// it does (speakerFold, for a name outside ASCII, returns its bytes).
func (x *speakerIndex) putLower(s string, p int) {
	x.memoSet = false
	h := x.foldKey(s)
	x.keys.put(x.fold, h, p)
}

// putAsWritten makes s itself a key of person p.
func (x *speakerIndex) putAsWritten(s string, p int) {
	x.memoSet = false
	if len(s) > 0 && 'A' <= s[0] && s[0] <= 'Z' {
		x.keys.written |= speakerWrittenBit(s[0], s[len(s)-1], len(s))
	}
	h := x.copyKey(s)
	x.keys.put(x.fold, h, p)
}

// lookupAsWritten returns the person known under key s as it is written.
func (x *speakerIndex) lookupAsWritten(s string) (int, bool) {
	if len(s) > 0 && 'A' <= s[0] && s[0] <= 'Z' && x.keys.written&speakerWrittenBit(s[0], s[len(s)-1], len(s)) == 0 {
		return 0, false
	}
	h := x.copyKey(s)
	return x.keys.get(x.fold, h)
}
