package analysis

import (
	"math/rand/v2"
	"testing"
)

// TestSpeakerCapsInPlain checks speakerCapsIn against the plain reading
// (every capital letter after no word byte, isWordRune of the byte as a
// rune) over random texts of capitals, letters, spaces, punctuation and
// bytes past ASCII, and every stretch of them.
func TestSpeakerCapsInPlain(t *testing.T) {
	const alphabet = "AZaz09 .,'-\n@[`{\xc3\xa9\xe2\x80\x9c\xaa\xb5\xff"
	rng := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		b := make([]byte, rng.IntN(70))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		body := string(b)
		for from := 0; from <= len(body); from++ {
			for to := from; to <= len(body); to++ {
				var want []speakerCap
				for i := from; i < to; i++ {
					if c := body[i]; c >= 'A' && c <= 'Z' && (i == 0 || !isWordRune(rune(body[i-1]))) {
						want = append(want, speakerCap{at: int32(i)})
					}
				}
				got := speakerCapsIn(nil, body, from, to)
				if len(got) != len(want) {
					t.Fatalf("speakerCapsIn(%q, %d, %d) = %v, want %v", body, from, to, got, want)
				}
				for i := range got {
					if got[i] != want[i] {
						t.Fatalf("speakerCapsIn(%q, %d, %d) = %v, want %v", body, from, to, got, want)
					}
				}
			}
		}
	}
}

// TestSpeakerParticleSet checks speakerParticle against speakerParticles.
func TestSpeakerParticleSet(t *testing.T) {
	for w := range speakerParticles {
		if !speakerParticle(w) {
			t.Errorf("speakerParticle(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"de", "bin", "ben", "", "d", "De", "dee", "van ", "of", "al-", "ibnx"} {
		if speakerParticle(w) != speakerParticles[w] {
			t.Errorf("speakerParticle(%q) = %v, want %v", w, !speakerParticles[w], speakerParticles[w])
		}
	}
	// Every word the switch holds is in the set: 18 of them.
	if len(speakerParticles) != 18 {
		t.Errorf("speakerParticles has %d words, speakerParticle 18: keep them the same", len(speakerParticles))
	}
}
