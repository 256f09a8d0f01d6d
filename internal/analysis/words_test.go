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

// TestCountWordsMatchesNextWord holds the fast counter to the tokenizer it
// must agree with.
func TestCountWordsMatchesNextWord(t *testing.T) {
	texts := []string{
		"It's the rebels' view — Russia’s too.", "a''b", "x’", "’x", "don't-stop", "٣ أيام", "\xff\xfeab c",
		"“Rebels’ gains,” he said — Лавров", "o'' ''o", "a' b", "'a'", "ab’’cd",
	}
	for _, text := range texts {
		want := 0
		for i := 0; ; {
			_, e, ok := analysis.NextWord(text, i)
			if !ok {
				break
			}
			want++
			i = e
		}
		if got := analysis.CountWords(text); got != want {
			t.Errorf("CountWords(%q) = %d, NextWord finds %d", text, got, want)
		}
	}
}
