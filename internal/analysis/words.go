package analysis

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// isWordRune reports whether r can be part of a word: a letter, digit or
// combining mark in any script.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if wordsPunctFirst <= r && r <= wordsPunctLast {
		// Nearly all runes outside ASCII in English news are curly
		// quotes, apostrophes and dashes: none of this block is a word
		// rune, and the three table searches below are spared.
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// The General Punctuation block (spaces, dashes, quotation marks, the
// ellipsis), which holds no letter, digit or combining mark.
const (
	wordsPunctFirst = '\u2000'
	wordsPunctLast  = '\u206F'
)

// isJoiner reports whether r joins two word parts into one word when it
// stands between them: the apostrophes of "it's" and "Russia’s".
func isJoiner(r rune) bool { return r == '\'' || r == '’' }

// digitRun returns how many ASCII digits s starts with.
func digitRun(s string) int {
	n := 0
	for n < len(s) && '0' <= s[n] && s[n] <= '9' {
		n++
	}
	return n
}

// allDigits reports whether s is ASCII digits alone, at least one.
func allDigits(s string) bool { return s != "" && digitRun(s) == len(s) }

// asciiWord marks the ASCII bytes that are word runes, so the common case
// needs no rune decoding.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

// runeAt decodes the rune at s[i], with a fast path for ASCII.
func runeAt(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// NextWord returns the span of the first word in s at or after byte offset
// from, or ok=false when there is none. A word is a run of word runes, with
// apostrophes inside it ("it's", "Russia’s"); hyphens separate words, so
// "pro-government" is two.
func NextWord(s string, from int) (start, end int, ok bool) {
	i := from
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiWord[c] {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			break
		}
		i += n
	}
	if i >= len(s) {
		return 0, 0, false
	}
	start = i
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf && asciiWord[c] {
			i++
			continue
		}
		r, n := runeAt(s, i)
		if isWordRune(r) {
			i += n
			continue
		}
		if isJoiner(r) && i+n < len(s) {
			if r2, _ := runeAt(s, i+n); isWordRune(r2) {
				i += n
				continue
			}
		}
		break
	}
	return start, i, true
}

// CountWords counts the words in s, as NextWord delimits them. It runs over
// every body, so it reads eight ASCII bytes at a time where it can.
func CountWords(s string) int { return countWordsUpTo(s, len(s)+1) }

// countWordsUpTo counts the words of s as CountWords does, but
// stops once it has counted limit of them: a test for "at least limit words"
// need not read a long sentence to its end.
func countWordsUpTo(s string, limit int) int {
	n := 0
	var in uint64 // 1 inside a word
	i := 0
	for i <= len(s)-8 && n < limit {
		// Eight ASCII bytes with no apostrophe at a time: a word starts at
		// each word byte whose previous byte is no word byte. When one of
		// the eight is not, the bytes before it are counted so and the
		// loop goes on at it below: a curly quote or an apostrophe costs
		// a look at its own bytes, not one at the eight bytes that hold it
		// for each byte before it.
		x := speakerLoad8(s, i)
		if stops := wordsStops8(x); stops != 0 {
			if k := bits.TrailingZeros64(stops) >> 3; k > 0 {
				// The k bytes before the first stop (wordsAlnum8 is exact
				// below a byte outside ASCII, and the bytes from the stop
				// on are masked off).
				w := wordsAlnum8(x) & (^uint64(0) >> (64 - 8*uint(k)))
				n += wordsCount8(w &^ (w<<8 | in<<7))
				in = w >> (8*uint(k) - 1) & 1
				i += k
			}
			i, n, in = countWordsStop(s, i, n, in)
			continue
		}
		w := wordsAlnum8(x)
		n += wordsCount8(w &^ (w<<8 | in<<7))
		in = w >> 63
		i += 8
	}
	if i < len(s) && n < limit && len(s) >= 8 {
		// The last few bytes, read as the last eight of s shifted down
		// past those already counted: the zero bytes shifted in are no
		// word bytes and stop nothing.
		x := speakerLoad8(s, len(s)-8) >> (64 - 8*uint(len(s)-i))
		if wordsStops8(x) == 0 {
			w := wordsAlnum8(x)
			return min(n+wordsCount8(w&^(w<<8|in<<7)), limit)
		}
	}
	// Byte by byte, in a text shorter than eight bytes or a tail that
	// holds a stop.
	for i < len(s) && n < limit {
		i, n, in = countWordsStop(s, i, n, in)
	}
	return min(n, limit)
}

// countWordsStop counts the byte or rune at s[i] for countWordsUpTo, in
// or after a word as in says, and returns the offset after it and the new
// count and state.
func countWordsStop(s string, i, n int, in uint64) (int, int, uint64) {
	c := s[i]
	if c < utf8.RuneSelf {
		w := uint64(quoteWordByte[c])
		n += int(w &^ in)
		if c == '\'' {
			// An inner apostrophe keeps the word open: "don't".
			w = in & uint64(quoteWordAtU8(s, i+1))
		}
		return i + 1, n, w
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if isWordRune(r) {
		if in == 0 {
			n++
		}
		return i + size, n, 1
	}
	if r == '’' && in == 1 && quoteWordAt(s, i+size) {
		return i + size, n, 1
	}
	return i + size, n, 0
}

// wordsStops8 returns the high bit of each of the eight bytes of x that
// stops countWordsUpTo's eight-byte step (a byte outside ASCII, or an
// apostrophe); the zero test may also mark bytes after a true apostrophe,
// so only the lowest bit set is exact.
func wordsStops8(x uint64) uint64 {
	v := x ^ lexOnes*'\''
	return (x | (v-lexOnes)&^v) & quoteHigh8
}

// wordsAlnum8 returns the high bit of each of the eight bytes of x that
// is an ASCII letter or digit: exact for ASCII bytes, and below the first
// byte outside ASCII (the sums and differences carry or borrow only
// upwards).
func wordsAlnum8(x uint64) uint64 {
	y := x | lexOnes*' ' // letters in lower case; digits have the bit
	return ((lexOnes*('z'+1+127)-y)&(y+lexOnes*(127-'a'+1)) |
		(lexOnes*('9'+1+127)-x)&(x+lexOnes*(127-'0'+1))) & quoteHigh8
}

// wordsCount8 counts the high bits set in w, one per byte: a multiply,
// not bits.OnesCount64, whose call on a machine without POPCNT keeps the
// caller's loop variables in memory.
func wordsCount8(w uint64) int {
	return int(w >> 7 * lexOnes >> 56)
}
