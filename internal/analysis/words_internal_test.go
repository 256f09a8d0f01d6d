package analysis

import (
	"testing"
	"unicode"
)

// TestIsWordRunePunctuation checks the shortcut of isWordRune: no rune of
// the General Punctuation block is a letter, digit or combining mark.
func TestIsWordRunePunctuation(t *testing.T) {
	for r := rune(wordsPunctFirst); r <= wordsPunctLast; r++ {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			t.Fatalf("%U is a word rune", r)
		}
		if isWordRune(r) {
			t.Fatalf("isWordRune(%U) = true", r)
		}
	}
	// Around the block, the tables decide as before.
	for _, r := range []rune{'\u1FFF', '\u2070', '\u2071', '\u207F', '\u20D0', 'é', 'Я', '’', '—', '\u0301'} {
		if got, want := isWordRune(r), unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r); got != want {
			t.Fatalf("isWordRune(%U) = %v, want %v", r, got, want)
		}
	}
}
