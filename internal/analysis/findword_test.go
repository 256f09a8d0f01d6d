package analysis_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/framinglens/framinglens/internal/analysis"
)

func TestFindWord(t *testing.T) {
	tests := []struct {
		name, text, word string
		want             []string // the matched text, in order
	}{
		{"case", "Aleppo, ALEPPO and aleppo.", "aleppo", []string{"Aleppo", "ALEPPO", "aleppo"}},
		{"whole words only", "Aleppan Aleppo's aleppo2 xaleppo", "aleppo", []string{"Aleppo"}},
		{"phrase", "the armed\ngroups and Armed Groups", "armed groups", []string{"Armed Groups"}},
		{"cyrillic", "Алеппо и АЛЕППО, алеппское", "алеппо", []string{"Алеппо", "АЛЕППО"}},
		{"length-changing fold before the hit", "İstanbul KELVİN K-rations; Kelvin", "kelvin", []string{"Kelvin"}},
		{"kelvin sign", "4 \u212Aelvin", "kelvin", []string{"\u212Aelvin"}},
		{"greek final sigma folds with sigma", "ΟΔΥΣΣΕΥΣ οδυσσευς", "οδυσσευσ", []string{"ΟΔΥΣΣΕΥΣ", "οδυσσευς"}},
		{"no match", "rebels everywhere", "zeppelin", nil},
		{"empty word", "anything", "", nil},
		{"invalid word", "anything", "\xff", nil},
		{"invalid bytes are no word", "a\xffaleppo xaleppo", "aleppo", []string{"aleppo"}},
		{"adjacent", "aleppo-aleppo", "aleppo", []string{"aleppo", "aleppo"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans := analysis.FindWord(tt.text, tt.word)
			var got []string
			for _, s := range spans {
				if s.Start < 0 || s.End > len(tt.text) || s.Start >= s.End {
					t.Fatalf("span %v out of range", s)
				}
				got = append(got, tt.text[s.Start:s.End])
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("match %d: got %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// FuzzFindWord: never panics, spans are in order, in bounds, on rune
// boundaries (in valid UTF-8: article texts always are; in invalid input a
// stray continuation byte is a boundary of its own), and each spans text
// equal to the word under case folding.
func FuzzFindWord(f *testing.F) {
	f.Add("Aleppo, ALEPPO and aleppo.", "aleppo")
	f.Add("İstanbul \u212Aelvin", "kelvin")
	f.Add("ΟΔΥΣΣΕΥΣ οδυσσευς", "οδυσσευσ")
	f.Add("the armed\ngroups and Armed Groups", "armed groups")
	f.Fuzz(func(t *testing.T, text, word string) {
		prev, valid := 0, utf8.ValidString(text)
		for _, s := range analysis.FindWord(text, word) {
			if s.Start < prev || s.End > len(text) || s.Start >= s.End {
				t.Fatalf("span %v out of order or bounds (len %d, previous end %d)", s, len(text), prev)
			}
			if valid && (!utf8.RuneStart(text[s.Start]) || s.End < len(text) && !utf8.RuneStart(text[s.End])) {
				t.Fatalf("span %v not on rune boundaries", s)
			}
			if !strings.EqualFold(text[s.Start:s.End], word) {
				t.Fatalf("span %v = %q, not %q in any case", s, text[s.Start:s.End], word)
			}
			prev = s.End
		}
	})
}
