package analysis

import (
	"strings"
	"testing"
)

// speakerQuoteOpenBeforeRef is speakerQuoteOpenBefore as it was written
// before its walk back read eight bytes at a time: the paragraph's start
// found first, then the mark's last occurrence after it.
func speakerQuoteOpenBeforeRef(b string, pron int) int {
	e, open := speakerQuoteCloseBefore(b, pron)
	if e < 0 {
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
	texts = append(texts, fragTexts(1, 3000, 40, pieces)...)
	for _, b := range texts {
		for pron := 0; pron <= len(b); pron++ {
			if got, want := speakerQuoteOpenBefore(b, pron), speakerQuoteOpenBeforeRef(b, pron); got != want {
				t.Fatalf("speakerQuoteOpenBefore(%q, %d) = %d, want %d", b, pron, got, want)
			}
		}
	}
}

// TestSpeakerNameWordLowerCase checks speakerNameWord, which passes over
// lower-case words without a hyphen third or fourth, against the plain
// reading (capitalized, or a particle joined by a hyphen), and that every
// particle has the two or three letters it relies on.
func TestSpeakerNameWordLowerCase(t *testing.T) {
	for w := range speakerParticles {
		if len(w) < 2 || len(w) > 3 {
			t.Fatalf("particle %q has %d letters: speakerNameWord looks for hyphens third or fourth only", w, len(w))
		}
	}
	words := []string{"al-Assad", "el-Sisi", "bin-Laden", "abu-Bakr", "al-", "al-a", "al-qaeda", "a-Z", "ab-C", "abc-D", "abcd-E",
		"de-La", "van-Dam", "x-al-Z", "al", "bin", "said", "Lavrov", "I", "Speaking", "Öztürk", "élan", "al-Öz", "al-öz", "-al", "a", "ab", "abc",
		"al—Z", "al-Ŝ", "das-A", "Al-Assad", "AL-Assad", "dos-", "der-X", "der--X", "d-e-X"}
	for _, w := range words {
		for _, body := range []string{w, "x " + w, w + " y"} {
			s := strings.Index(body, w)
			tok := qTok{s: s, e: s + len(w), word: true}
			want := speakerCapitalized(body, tok) || speakerHyphenParticle(body[tok.s:tok.e])
			if got := speakerNameWord(body, tok); got != want {
				t.Errorf("speakerNameWord(%q in %q) = %v, want %v", w, body, got, want)
			}
			tok.word = false
			want = speakerCapitalized(body, tok) || speakerHyphenParticle(body[tok.s:tok.e])
			if got := speakerNameWord(body, tok); got != want {
				t.Errorf("speakerNameWord(%q in %q, no word) = %v, want %v", w, body, got, want)
			}
		}
	}
}
