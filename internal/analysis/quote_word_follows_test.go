package analysis

import (
	"math/rand/v2"
	"testing"
)

// TestQuoteWordFollows checks quoteWordFollows against quoteTokenize: when
// it reports no word, the tokens of body[pos:end], for every end up to the
// limit, start with no word once commas and dashes are passed over, as
// attributeAfter reads them.
func TestQuoteWordFollows(t *testing.T) {
	pieces := []string{" ", "  ", "\n", "\t", "\r", "\v", ",", ", ", "—", "–", "-", ".", "'", "&", "’", "”", "“", "\"", "(", ")",
		"\u00a0", "\u2003", "\u0085", "\u3000", "a", "Z", "7", "é", "говорит", "said", "\xe2\x80", "\x80", "\xff", ":", "!", "…", "\u200b"}
	for _, body := range []string{"", " ", ", ”", " .", ",—, ", "\u00a0"} {
		if quoteWordFollows(body, 0, len(body)) {
			t.Errorf("quoteWordFollows(%q) = true, want false", body)
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	var toks []qTok
	none := 0 // the texts it found no word in, each checked below
	for _, body := range fragTexts(3, 100000, 7, pieces) {
		pos := rng.IntN(len(body) + 1)
		limit := pos + rng.IntN(len(body)-pos+1)
		if quoteWordFollows(body, pos, limit) {
			continue
		}
		none++
		for end := pos; end <= limit; end++ {
			toks = quoteTokenize(body, pos, end, toks[:0])
			i := 0
			for i < len(toks) && !toks[i].word && (toks[i].is(body, ",") || toks[i].is(body, "—") || toks[i].is(body, "–")) {
				i++
			}
			if i < len(toks) && toks[i].word {
				t.Fatalf("quoteWordFollows(%q, %d, %d) is false, but the tokens up to %d start with the word %q", body, pos, limit, end, body[toks[i].s:toks[i].e])
			}
		}
	}
	// A quoteWordFollows that always says yes would pass the loop.
	// It finds none in 90,843 of them.
	if none < 50000 {
		t.Errorf("quoteWordFollows found no word in %d of 100,000 texts, want at least 50,000", none)
	}
}
