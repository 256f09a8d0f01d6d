package analysis

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// quoteSentenceBreakRef is quoteSentenceBreak as it was before its fast
// paths for a space after the stop and an ASCII byte after the spaces.
func quoteSentenceBreakRef(b string, i, limit int) bool {
	j := quoteSkipClosers(b, i+1, limit)
	if j >= limit {
		return b[i] != '.' || !quoteAbbrevBefore(b, i)
	}
	if b[j] != ' ' && b[j] != '\n' {
		return false
	}
	for j < limit && (b[j] == ' ' || b[j] == '\n') {
		j++
	}
	if j >= limit {
		return true
	}
	r, _ := utf8.DecodeRuneInString(b[j:])
	if !(unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '“' || r == '\'' || r == '‘') {
		return false
	}
	return b[i] != '.' || !quoteAbbrevBefore(b, i)
}

// TestQuoteSentenceBreakFast compares quoteSentenceBreak with the
// reference at every stop of random texts, for every limit past it.
func TestQuoteSentenceBreakFast(t *testing.T) {
	pieces := []string{".", "!", "?", " ", "\n", "\"", "'", ")", "”", "’", "“", "‘", "A", "Z", "a", "z", "0", "9", "É", "é", "Ω", "٣",
		"Mr", "U.S", "x", "@", "[", "\xe2\x80", "\xff", "\x80", "(", ",", "\t", "\u00a0"}
	n := 0
	for _, body := range fragTexts(11, 34000, 9, pieces) {
		for i := 0; i < len(body); i++ {
			if c := body[i]; c != '.' && c != '!' && c != '?' {
				continue
			}
			for limit := i + 1; limit <= len(body); limit++ {
				n++
				if got, want := quoteSentenceBreak(body, i, limit), quoteSentenceBreakRef(body, i, limit); got != want {
					t.Fatalf("quoteSentenceBreak(%q, %d, %d) = %v, want %v", body, i, limit, got, want)
				}
			}
		}
	}
	if n < 10000 {
		t.Fatalf("only %d cases", n)
	}
}
