package analysis

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// speakerQuoteOpenBeforeRef is speakerQuoteOpenBefore as it was written
// before its walk back read eight bytes at a time: the paragraph's start
// found first, then the mark's last occurrence after it.
func speakerQuoteOpenBeforeRef(b string, pron int) int {
	e := pron
	for e > 0 && b[e-1] == ' ' {
		e--
	}
	var open string
	switch {
	case e >= 4 && b[e-3:e] == "\u201d":
		e, open = e-3, "\u201c"
	case e >= 2 && b[e-1] == '"':
		e, open = e-1, `"`
	default:
		return -1
	}
	if c := b[e-1]; c != ',' && c != '?' && c != '!' {
		return -1
	}
	para := strings.LastIndexByte(b[:e], '\n') + 1
	k := strings.LastIndex(b[para:e], open)
	if k < 0 {
		return -1
	}
	return para + k
}

// TestSpeakerQuoteOpenBefore compares speakerQuoteOpenBefore with the
// reference on texts made of the bytes it reads (line breaks, both kinds
// of marks, their pieces, commas) at every pronoun offset.
func TestSpeakerQuoteOpenBefore(t *testing.T) {
	texts := []string{
		"“Go home,” he said",
		"He left.\n“Go home,” he said",
		"“Go\nhome,” he said",
		"\"Go home,\" he said",
		"\"Go \"home\"?\" she asked",
		"x“a”“b,” he",
		"“,”he",
		"\n“,” he",
	}
	pieces := []string{"a", "bc", " ", ",", "?", "!", "\n", "\"", "\u201c", "\u201d", "\xe2", "\x80", "\x9c", "\x9d", "word ", "longer text here "}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		var sb strings.Builder
		for n := rng.IntN(40); n > 0; n-- {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, sb.String())
	}
	for _, b := range texts {
		for pron := 0; pron <= len(b); pron++ {
			if got, want := speakerQuoteOpenBefore(b, pron), speakerQuoteOpenBeforeRef(b, pron); got != want {
				t.Fatalf("speakerQuoteOpenBefore(%q, %d) = %d, want %d", b, pron, got, want)
			}
		}
	}
}
