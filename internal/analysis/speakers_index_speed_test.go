package analysis

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestSpeakerCapsInPlain checks speakerCapsIn against the plain reading
// (every capital letter after no word byte, isWordRune of the byte as a
// rune) over random texts of capitals, letters, spaces, punctuation and
// bytes past ASCII, and every stretch of them.
func TestSpeakerCapsInPlain(t *testing.T) {
	const alphabet = "AZaz09 .,'-\n@[`{\xc3\xa9\xe2\x80\x9c\xaa\xb5\xff"
	// The alphabet's bytes one by one, UTF-8 sequences cut apart.
	var byteFrags []string
	for i := range len(alphabet) {
		byteFrags = append(byteFrags, alphabet[i:i+1])
	}
	for _, body := range fragTexts(1, 300, 70, byteFrags) {
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
	// Every word of one to three lower-case letters, so a word added to
	// the switch alone is found too.
	const letters = "abcdefghijklmnopqrstuvwxyz"
	var words []string
	for _, a := range letters {
		words = append(words, string(a))
		for _, b := range letters {
			words = append(words, string(a)+string(b))
			for _, c := range letters {
				words = append(words, string(a)+string(b)+string(c))
			}
		}
	}
	for _, w := range words {
		if speakerParticle(w) != speakerParticles[w] {
			t.Errorf("speakerParticle(%q) = %v, want %v", w, !speakerParticles[w], speakerParticles[w])
		}
	}
}

// participleOpensOld is participleOpens as it was before it read the
// opening word first.
func participleOpensOld(s string) bool {
	s = strings.TrimRight(s, " ")
	for range 2 {
		i := strings.LastIndexByte(s, ' ')
		if w := s[i+1:]; w == "he" || w == "she" || speakerSkip[w] {
			s = strings.TrimRight(s[:i+1], " ")
		}
	}
	if !strings.HasSuffix(s, ",") {
		return false
	}
	w, _, _ := strings.Cut(s, " ")
	switch w {
	case "During", "According", "Including", "Regarding", "Concerning", "Notwithstanding":
		return false
	}
	if !speakerIngOpener(w) {
		return false
	}
	for i := 0; i < len(s)-1; i++ {
		if speakerSentenceEnd(s, i) {
			return false
		}
	}
	return true
}

// TestParticipleOpensSame compares participleOpens with its old reading
// over random phrases of openers, pronouns, commas, stops and spaces.
func TestParticipleOpensSame(t *testing.T) {
	words := []string{"Asked", "Describing", "During", "Speaking,", "he", "she", "also", "said", "Putin,", ",", "", " ", "hero.", "Mr.", "Asking", "x"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(6) {
			b.WriteString(words[rng.IntN(len(words))])
			if rng.IntN(4) > 0 {
				b.WriteByte(' ')
			}
		}
		s := b.String()
		if got, want := participleOpens(s), participleOpensOld(s); got != want {
			t.Fatalf("participleOpens(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestSpeakerPronounGenderFold checks that the length test of
// speakerPronounGender passes over no spelling EqualFold matches.
func TestSpeakerPronounGenderFold(t *testing.T) {
	for _, m := range []string{"he", "He", "HE", "she", "She", "SHE", "ſhe", "ſHE", "sHe", "hes", "the", "", "h", "Obama"} {
		want := byte(0)
		switch {
		case strings.EqualFold(m, "he"):
			want = 'm'
		case strings.EqualFold(m, "she"):
			want = 'f'
		}
		if got := speakerPronounGender(m); got != want {
			t.Errorf("speakerPronounGender(%q) = %q, want %q", m, got, want)
		}
	}
}

// TestSpeakerRunWordEnd checks speakerRunWordEnd against the byte loop
// over random texts of letters, stop bytes, other bytes below 0x40 and
// bytes past ASCII, from every offset.
func TestSpeakerRunWordEnd(t *testing.T) {
	for c, stop := range speakerRunStop {
		if stop && c >= 0x40 {
			t.Fatalf("speakerRunStop holds %q, not below 0x40: speakerRunWordEnd would pass over it", rune(c))
		}
	}
	const alphabet = "Aaz09 \n,;:\"()'.-!?&/@\x7f\x80\xc3\xe2\x9c"
	rng := rand.New(rand.NewPCG(5, 6))
	for range 3000 {
		body := randomLetterText(rng, 40, alphabet, 3)
		for j := 0; j <= len(body); j++ {
			want := j
			for want < len(body) && !speakerRunStop[body[want]] {
				want++
			}
			if got := speakerRunWordEnd(body, j); got != want {
				t.Fatalf("speakerRunWordEnd(%q, %d) = %d, want %d", body, j, got, want)
			}
		}
	}
}

// speakerSurnameOld is speakerSurname as it was before it found the last
// space once.
func speakerSurnameOld(name string) string {
	w := lastWord(name)
	if speakerGenerational(name) {
		return lastWord(strings.TrimSuffix(name, " "+w))
	}
	if k := strings.LastIndexByte(name, ' '); k > 0 && speakerKoreanGiven(w) {
		return lastWord(name[:k])
	}
	return w
}

// TestSpeakerSurnameSame compares speakerSurname with its old reading.
func TestSpeakerSurnameSame(t *testing.T) {
	words := []string{"Tony", "Lippa", "Jr.", "Jr", "Sr.", "II", "III", "IV", "Ban", "Ki-moon", "Kim", "Jong-un", "Al-labede", "de", "", " "}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		var b strings.Builder
		for i := range rng.IntN(5) {
			if i > 0 || rng.IntN(4) == 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[rng.IntN(len(words))])
		}
		if got, want := speakerSurname(b.String()), speakerSurnameOld(b.String()); got != want {
			t.Fatalf("speakerSurname(%q) = %q, want %q", b.String(), got, want)
		}
	}
}

// TestSpeakerLastEndByte checks speakerLastEndByte against the byte loop,
// and that every byte speakerSentenceEnd takes is one it finds.
func TestSpeakerLastEndByte(t *testing.T) {
	for c := range 256 {
		for _, s := range []string{string([]byte{byte(c)}), string([]byte{'.', byte(c)}), string([]byte{0xE2, 0x80, byte(c)})} {
			if i := len(s) - 1; speakerSentenceEnd(s, i) && speakerLastEndByte(s, i) != i {
				t.Fatalf("speakerSentenceEnd(%q, %d) holds, but speakerLastEndByte does not find it", s, i)
			}
		}
	}
	const alphabet = "ab \n?!.\"\xe2\x80\x9d\x9c,'"
	rng := rand.New(rand.NewPCG(9, 10))
	for range 3000 {
		s := randomLetterText(rng, 40, alphabet, 4)
		for i := -1; i < len(s); i++ {
			want := i
			for want >= 0 && strings.IndexByte("\n?!.\"\x9d", s[want]) < 0 {
				want--
			}
			if got := speakerLastEndByte(s, i); got != want {
				t.Fatalf("speakerLastEndByte(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	}
}

// TestSpeakerLookedBefore checks lookedBefore against a map, past the
// words its list holds, and after speakerScanRepeatedNames, which starts
// each body, has emptied its list and its map.
func TestSpeakerLookedBefore(t *testing.T) {
	var x speakerIndex
	rng := rand.New(rand.NewPCG(13, 14))
	var prev []string // the words looked at for the body before, in order
	for body := range 5 {
		speakerScanRepeatedNames(&x, "", nil)
		want := map[string]bool{}
		var again []string
		if len(prev) > 0 {
			// The first word of the body before was kept in the list, the
			// last (past speakerLookedList others) in the map.
			again = []string{prev[0], prev[len(prev)-1]}
		}
		prev = prev[:0]
		for _, w := range again {
			if x.lookedBefore(w) {
				t.Fatalf("body %d: lookedBefore(%q) = true for a word of the body before", body, w)
			}
			prev = append(prev, w)
			want[w] = true
		}
		for range 200 {
			w := string(rune('A'+rng.IntN(26))) + string(rune('a'+rng.IntN(3)))
			if got := x.lookedBefore(w); got != want[w] {
				t.Fatalf("body %d: lookedBefore(%q) = %v, want %v", body, w, got, want[w])
			}
			if !want[w] {
				prev = append(prev, w)
			}
			want[w] = true
		}
		if len(prev) <= speakerLookedList {
			t.Fatalf("body %d: %d words looked at, too few to reach the map", body, len(prev))
		}
	}
}

// TestSpeakerLookupFoldKept checks that lookupFold's kept answer does not
// outlive a put that changes it, nor a reset.
func TestSpeakerLookupFoldKept(t *testing.T) {
	var x speakerIndex
	x.reset("")
	check := func(key string, wp int, wok bool) {
		t.Helper()
		for range 2 { // the second answer is the kept one
			if p, ok := x.lookupFold(key); p != wp || ok != wok {
				t.Fatalf("lookupFold(%q) = %d, %v, want %d, %v", key, p, ok, wp, wok)
			}
		}
	}
	check("Obama", 0, false)
	x.putLower("Obama", 3)
	check("Obama", 3, true)
	check("OBAMA", 3, true)
	x.putLower("obama", 5) // the same key, another person
	check("Obama", 5, true)
	x.putAsWritten("Kerry", 7) // another key: the kept answer is not trusted either
	check("Obama", 5, true)
	x.reset("")
	check("Obama", 0, false)
}

// randomLetterText returns up to maxLen-1 random bytes: one in oneIn from
// alphabet, the others lower-case ASCII letters.
func randomLetterText(rng *rand.Rand, maxLen int, alphabet string, oneIn int) string {
	b := make([]byte, rng.IntN(maxLen))
	for i := range b {
		if rng.IntN(oneIn) == 0 {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		} else {
			b[i] = byte('a' + rng.IntN(26))
		}
	}
	return string(b)
}
