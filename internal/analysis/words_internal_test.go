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

// FuzzCountWords checks CountWords and countWordsUpTo against the words
// NextWord finds, one at a time.
func FuzzCountWords(f *testing.F) {
	for _, s := range []string{"", "they don't know", "Russia’s “foreign” minister", "l'été d'Éric", "a'b'c' 'd", "naïveté x\u00a0y 2016’s", "o'\xff'x"} {
		f.Add(s)
	}
	f.Fuzz(checkCountWords)
}

// checkCountWords fails t when CountWords or countWordsUpTo disagree with
// the words NextWord finds in s, one at a time.
func checkCountWords(t *testing.T, s string) {
	t.Helper()
	want := 0
	for i := 0; ; want++ {
		_, end, ok := NextWord(s, i)
		if !ok {
			break
		}
		i = end
	}
	if got := CountWords(s); got != want {
		t.Fatalf("CountWords(%q) = %d, NextWord finds %d", s, got, want)
	}
	for _, limit := range []int{1, 2, 5} {
		if got := countWordsUpTo(s, limit); got != min(want, limit) {
			t.Fatalf("countWordsUpTo(%q, %d) = %d, want %d", s, limit, got, min(want, limit))
		}
	}
}

// TestCountWordsEveryCut checks CountWords and countWordsUpTo on every
// prefix and suffix of a few texts, so that each of their bytes is in
// turn the last of an eight-byte step, of the shifted read of the last
// few bytes, and of the byte-by-byte tail.
func TestCountWordsEveryCut(t *testing.T) {
	for _, s := range []string{
		"They don't know what Russia’s “foreign” minister said in 2016's talks, a b c d e f g h.",
		"abcdefgh'ijk 'abcdefgh' x y'z é'a l'été d'Éric naïveté o'\xff'x 12,000 U.S.-backed",
		"\t\n  Rebels’  allies' ISIS—al-Qaeda ... a1b2c3d4 e5 f6\u00a0g7 ’’'' x",
	} {
		for k := 0; k <= len(s); k++ {
			checkCountWords(t, s[:k])
			checkCountWords(t, s[k:])
		}
	}
}
