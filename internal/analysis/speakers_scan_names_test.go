package analysis

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestSpeakerHyphenParticle checks speakerHyphenParticle, which looks for
// the hyphen only where a particle of two or three letters ends, against
// a plain reading: the words before the first hyphen and a capital after
// it.
func TestSpeakerHyphenParticle(t *testing.T) {
	for w := range speakerParticles {
		if len(w) < 2 || len(w) > 3 {
			t.Fatalf("particle %q: speakerHyphenParticle looks for a hyphen after two or three letters only", w)
		}
	}
	want := func(s string) bool {
		h := strings.IndexByte(s, '-')
		if h <= 0 || h+1 >= len(s) || !speakerParticles[s[:h]] {
			return false
		}
		r, _ := utf8.DecodeRuneInString(s[h+1:])
		return unicode.IsUpper(r)
	}
	var words []string
	for p := range speakerParticles {
		for _, rest := range []string{"", "-", "-A", "-a", "-Assad", "-Élise", "--X", "x-Y"} {
			words = append(words, p+rest, strings.ToUpper(p[:1])+p[1:]+rest, "x"+p+rest, p[:len(p)-1]+rest)
		}
	}
	words = append(words, "", "a", "-", "--", "a-B", "-al-Assad", "al", "al-", "bin-Laden", "abu-X-Y", "dos-Santos")
	for _, w := range words {
		if got := speakerHyphenParticle(w); got != want(w) {
			t.Errorf("speakerHyphenParticle(%q) = %v, want %v", w, got, want(w))
		}
	}
}

// TestSpeakerCapitalizedFast checks speakerCapitalized, whose inlined test
// answers for words in lower case, against speakerCapitalizedRest, which
// answers for every token.
func TestSpeakerCapitalizedFast(t *testing.T) {
	body := "I said Having Speaking to Obama, the Élysée and élan i x Browning said. Pickering, a diplomat"
	toks := quoteTokenize(body, 0, len(body), nil)
	for _, tk := range toks {
		if got, want := speakerCapitalized(body, tk), speakerCapitalizedRest(body, tk); got != want {
			t.Errorf("speakerCapitalized(%q) = %v, want %v", body[tk.s:tk.e], got, want)
		}
	}
	if speakerCapitalized("", qTok{}) {
		t.Error("speakerCapitalized of an empty body's zero token = true")
	}
}

// TestSpeakerTriggersMayName checks what speakerScanNames takes for
// granted when a trigger the scan noted stands alone as a word of a run:
// speakerRunMayName is then true.
func TestSpeakerTriggersMayName(t *testing.T) {
	for i := range quoteScanWords {
		e := quoteScanWords[i]
		if e.kind != quoteScanName || e.w[0] < 'A' || e.w[0] > 'Z' {
			continue
		}
		for _, run := range []string{e.w + " Smith", "Ann " + e.w, "The " + e.w + " Of"} {
			if !speakerRunMayName(run) {
				t.Errorf("speakerRunMayName(%q) = false for the trigger %q", run, e.w)
			}
		}
	}
}
