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
	const ones = 0x0101010101010101
	n := 0
	var in uint8 // 1 inside a word
	for i := 0; i < len(s) && n < limit; {
		if i+8 <= len(s) {
			// Eight ASCII bytes with no apostrophe at a time: a word starts
			// at each word byte whose previous byte is no word byte. When
			// one of the eight is not, the bytes before it are counted so
			// and the loop goes on at it below: a curly quote or an
			// apostrophe costs a look at its own bytes, not one at the
			// eight bytes that hold it for each byte before it.
			x := speakerLoad8(s, i)
			v := x ^ ones*'\''
			// The high bit of each byte outside ASCII, and of each
			// apostrophe; the zero test may mark bytes after a true
			// apostrophe too, but only the first byte marked is used.
			stops := (x | (v-ones)&^v) & quoteHigh8
			if stops == 0 {
				w := quoteAlnum8(x)
				n += bits.OnesCount64(w &^ (w<<8 | uint64(in)<<7))
				in = uint8(w >> 63)
				i += 8
				continue
			}
			if k := bits.TrailingZeros64(stops) >> 3; k > 0 {
				// The k bytes before the first stop (quoteAlnum8 is
				// exact byte by byte, and the bytes from the stop on are
				// masked off).
				w := quoteAlnum8(x) & (^uint64(0) >> (64 - 8*uint(k)))
				n += bits.OnesCount64(w &^ (w<<8 | uint64(in)<<7))
				in = uint8(w>>(8*uint(k)-1)) & 1
				i += k
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			w := quoteWordByte[c]
			n += int(w &^ in)
			if c == '\'' {
				// An inner apostrophe keeps the word open: "don't".
				w = in & quoteWordAtU8(s, i+1)
			}
			in = w
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			if in == 0 {
				n++
				in = 1
			}
		} else if !(r == '’' && in == 1 && quoteWordAt(s, i+size)) {
			in = 0
		}
		i += size
	}
	return min(n, limit)
}
