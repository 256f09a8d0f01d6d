package analysis_test

import (
	"testing"

	"github.com/framinglens/framinglens/internal/analysis"
)

func TestCountWords(t *testing.T) {
	tests := []struct {
		name string
		text string
		want int
	}{
		{"Empty", "", 0},
		{"Spaces", "  \n\t ", 0},
		{"Plain", "Rebels held the east.", 4},
		{"Apostrophes", "It's Russia’s plan, the rebels' view", 6},
		{"HyphenSplits", "pro-government forces", 3},
		{"TrailingApostrophe", "rebels' ", 1},
		{"Numbers", "40,000 people in 2016", 5},
		{"Cyrillic", "Министр иностранных дел", 3},
		{"Arabic", "قال وزير الخارجية", 3},
		{"CombiningMark", "cafe\u0301 noir", 2},
		{"InvalidUTF8", "ab\xffcd", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := analysis.CountWords(tt.text); got != tt.want {
				t.Errorf("CountWords(%q) = %d, want %d", tt.text, got, tt.want)
			}
		})
	}
}

func TestNextWordSpans(t *testing.T) {
	text := "“Rebels’ gains,” he said — Лавров"
	var got []string
	for i := 0; ; {
		s, e, ok := analysis.NextWord(text, i)
		if !ok {
			break
		}
		got = append(got, text[s:e])
		i = e
	}
	want := []string{"Rebels", "gains", "he", "said", "Лавров"}
	if len(got) != len(want) {
		t.Fatalf("words = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("word %d = %q, want %q", i, got[i], want[i])
		}
	}
}
