package analysis

import (
	"unicode"
	"unicode/utf8"
)

// FindWord returns every whole-word, case-insensitive occurrence of word
// in text as byte offsets into text. It compares rune by rune under simple
// case folding instead of searching a lowered copy: lowering can change a
// text's byte length (İ, ẞ, Kelvin sign), and then offsets found in the copy
// would point at the wrong bytes of the original. A word may hold spaces or
// hyphens ("armed groups"); they must match exactly.
func FindWord(text, word string) []Span {
	if word == "" || !utf8.ValidString(word) {
		return nil
	}
	var out []Span
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) && !wordRuneBefore(text, i) {
			if end, ok := foldPrefix(text[i:], word); ok && !wordRuneAt(text, i+end) {
				out = append(out, Span{Start: i, End: i + end})
				i += end
				continue
			}
		}
		i += n
	}
	return out
}

// foldPrefix reports whether s starts with word under simple case folding,
// and the byte length of the matching prefix of s.
func foldPrefix(s, word string) (int, bool) {
	at := 0
	for _, w := range word {
		if at >= len(s) {
			return 0, false
		}
		r, n := utf8.DecodeRuneInString(s[at:])
		if r != w && !foldEqual(r, w) {
			return 0, false
		}
		at += n
	}
	return at, true
}

// foldEqual reports whether a and b are the same letter in any case.
func foldEqual(a, b rune) bool {
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}

func wordRuneBefore(text string, i int) bool {
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return isWordRune(r)
}

func wordRuneAt(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isWordRune(r)
}
