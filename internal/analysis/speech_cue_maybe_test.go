package analysis

import (
	"strings"
	"testing"
)

// TestSpeechCueMaybe checks that speechCueMaybe turns down no word that
// speechCueAt finds a cue in: every set word, capitalized, in upper case
// and cut short, the cue phrases' words, and random words, at the start of
// the tokens and after others, before each word a cue phrase goes on with.
func TestSpeechCueMaybe(t *testing.T) {
	words := []string{"in", "In", "IN", "shot", "hit", "hits", "Shot", "Hit", "According", "according", "ACCORDING",
		"Said", "Says", "Added", "Asked", "said", "put", "puts", "went", "goes", "pointed", "agreed", "pleaded",
		"promising", "adding", "saying", "said.", "Sen.", "говорит", "заявил", "É", "ésaid", "said’s", "co-said"}
	for _, e := range speakerWordEntries {
		w := e.w
		words = append(words, w, strings.ToUpper(w[:1])+w[1:], strings.ToUpper(w))
		for n := 1; n < len(w); n++ {
			words = append(words, w[:n], w[n:])
		}
	}
	for w := range speechCueWords {
		words = append(words, w, strings.ToUpper(w[:1])+w[1:], w+"s", w+"x", "x"+w)
	}
	// Runes, not bytes: "é" must come whole (a lone byte of it is no
	// text the engine reads, checkText turns it away), and strings.Split
	// with no separator keeps each UTF-8 sequence whole.
	letters := strings.Split("abcdefghijklmnopqrstuvwxyzASDI0-'.é", "")
	for _, w := range fragTexts(1, 21200, 18, letters) {
		if w != "" {
			words = append(words, w)
		}
	}
	nexts := []string{"", " back", " to", " to be", " the words of", " it", " on to say", " out", " not to", " guilty", " has"}
	prevs := []string{"", "as the ", "Putin ", "was ", "Syrian state ", ", "}
	var toks []qTok
	seen := 0
	for _, w := range words {
		for _, p := range prevs {
			for _, nx := range nexts {
				body := p + w + nx + " ."
				toks = quoteTokenize(body, 0, len(body), toks[:0])
				for k, tk := range toks {
					if !tk.word || tk.s != len(p) {
						continue
					}
					if cue, _ := speechCueAt(body, toks, k); cue != "" {
						seen++
						if !speechCueMaybe(body, toks[k]) {
							t.Fatalf("speechCueMaybe turns down %q in %q, where speechCueAt finds %q", body[tk.s:tk.e], body, cue)
						}
					}
				}
			}
		}
	}
	if seen < 1000 {
		t.Fatalf("only %d cues found: the test reads too few", seen)
	}
}
