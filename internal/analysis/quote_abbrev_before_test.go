package analysis

import (
	"testing"
)

// quoteAbbrevBeforeRef is quoteAbbrevBefore as it was before it stepped
// over letters eight at a time: byte by byte.
func quoteAbbrevBeforeRef(b string, i int) bool {
	j := i
	dot := false
	for j > 0 {
		c := b[j-1]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			j--
			continue
		}
		if c == '.' {
			dot = true
			j--
			continue
		}
		break
	}
	w := b[j:i]
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return true
	}
	if dot {
		return true
	}
	if len(w) > quoteAbbrevMaxLen {
		return false
	}
	return quoteAbbrevWord(w)
}

// TestQuoteAbbrevBeforeWide compares quoteAbbrevBefore with the byte by
// byte reference at every offset of random texts of letters (long runs
// among them), periods, abbreviations and the bytes next to the letters'
// ranges.
func TestQuoteAbbrevBeforeWide(t *testing.T) {
	pieces := []string{"a", "Z", "q", "@", "[", "`", "{", ".", " ", "-", "\xc3", "\xa9", "\x80", "\xff", "Mr", "Sen", "U.S", "Gov",
		"etc", "Jan", "Inc", "abcdefghij", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "'", "’", "0", "9", "\x00", "\x7f", "\xc1", "\xda", "\xe1", "\xfa"}
	for _, body := range fragTexts(5, 33000, 11, pieces) {
		for i := 0; i <= len(body); i++ {
			if got, want := quoteAbbrevBefore(body, i), quoteAbbrevBeforeRef(body, i); got != want {
				t.Fatalf("quoteAbbrevBefore(%q, %d) = %v, want %v", body, i, got, want)
			}
		}
	}
}
