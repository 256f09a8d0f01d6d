package analysis

import (
	"strings"
	"testing"
)

func TestQuoteAbbrevBefore(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Mr.", true}, {"said Mr.", true}, {"MR.", true}, {"mrs.", true}, {"Sept.", true},
		{"Capt.", true}, {"No.", true}, {"Inc.", true}, {"the U.S.", true}, {"d.c.", true},
		{"John F.", true}, {"plan B.", true}, {"vitamin b.", false}, {"said.", false},
		{"corps.", false}, {"Mister.", false}, {"it.", false}, {"in 2015.", false},
		{".", false}, {"Gen-Mr.", true}, {"Co.", true}, {"Col.", true}, {"Cola.", false},
	} {
		if got := quoteAbbrevBefore(c.text, len(c.text)-1); got != c.want {
			t.Errorf("quoteAbbrevBefore(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestQuoteAbbrevWordSameAsWordTable checks the packed abbreviation keys
// against the word table's abbreviation flag, for every set word in
// lower, title and upper case and for fragments of letters.
func TestQuoteAbbrevWordSameAsWordTable(t *testing.T) {
	var words []string
	for _, e := range speakerWordEntries {
		words = append(words, e.w, strings.ToUpper(e.w), strings.ToUpper(e.w[:1])+e.w[1:], e.w[:len(e.w)/2])
	}
	words = append(words, fragTexts(5, 20000, 4, []string{"a", "c", "e", "g", "n", "o", "p", "r", "s", "t", "M", "S", "D", "J"})...)
	n := 0
	for _, w := range words {
		if strings.IndexFunc(w, func(r rune) bool { return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') }) >= 0 {
			continue // only words of letters alone are asked about
		}
		want := speakerWordFlags0(w)&swAbbrev != 0
		if want {
			n++
		}
		if got := quoteAbbrevWord(w); got != want {
			t.Fatalf("quoteAbbrevWord(%q) = %v, want %v", w, got, want)
		}
	}
	if n < 3*len(quoteAbbrevs) {
		t.Fatalf("only %d abbreviations met", n)
	}
}
