package analysis

import (
	"unicode"
	"unicode/utf8"
)

// isWordRune reports whether r can be part of a word: a letter, digit or
// combining mark in any script.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isJoiner reports whether r joins two word parts into one word when it
// stands between them: the apostrophes of "it's" and "Russia’s".
func isJoiner(r rune) bool { return r == '\'' || r == '’' }

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

// CountWords counts the words in s, as NextWord delimits them. It walks the
// bytes once, counting word starts, with ASCII handled by table: it runs over
// every body and must cost little.
func CountWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case asciiWord[c]:
				if !in {
					n++
					in = true
				}
			case c == '\'' && in:
				// An apostrophe inside a word keeps it whole ("it's").
				in = wordRuneAt(s, i+1)
			default:
				in = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWordRune(r):
			if !in {
				n++
				in = true
			}
		case r == '’' && in:
			in = wordRuneAt(s, i+size)
		default:
			in = false
		}
		i += size
	}
	return n
}

// wordRuneAt reports whether a word rune starts at s[i].
func wordRuneAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if c := s[i]; c < utf8.RuneSelf {
		return asciiWord[c]
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}
