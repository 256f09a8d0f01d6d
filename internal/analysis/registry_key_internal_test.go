package analysis

import (
	"slices"
	"strings"
	"testing"
)

// FuzzRegistryKeyWords checks registryKeyWords, which builds the key of an
// ASCII name in one buffer, against registryKeySlow, which lowers each
// word apart, and its words against strings.Fields of the key.
func FuzzRegistryKeyWords(f *testing.F) {
	for _, s := range []string{
		"Syrian Foreign Minister Walid Muallem", "the U.N.'s envoy", "U.N.", "the U.S.-backed  SDF's spokesman",
		"Russia’s Lavrov", "0.\u00a000", "it's", "A.B.C. said", "pro-government forces", "Mc'S", "x's's",
		"'s", "O'Neill's", "", " ", "--", "...U.N..", "İstanbul", "KELVIN \u212a", "e.g. officials",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := registryKeySlow(s)
		key, words := registryKeyWords(s, nil)
		if key != want {
			t.Fatalf("registryKeyWords(%q) = %q, registryKeySlow %q", s, key, want)
		}
		if fields := strings.Fields(want); !slices.Equal(words, fields) {
			t.Fatalf("registryKeyWords(%q) words %q, strings.Fields of the key %q", s, words, fields)
		}
	})
}

// TestRegistryVocabHoldsKeys checks that every word of every key Resolve
// looks up passes registryIndex.mayHold, which rules phrases out before
// the look-up.
func TestRegistryVocabHoldsKeys(t *testing.T) {
	for _, name := range DefaultRegistryNames() {
		reg, err := DefaultRegistry(name)
		if err != nil {
			t.Fatal(err)
		}
		x := reg.index()
		var keys []string
		for _, m := range [...]map[string]int{x.exact, x.whole, x.surname} {
			for k := range m {
				keys = append(keys, k)
			}
		}
		for k := range x.not {
			keys = append(keys, k)
		}
		for _, k := range keys {
			for _, w := range strings.Fields(k) {
				if !x.mayHold(w) {
					t.Errorf("%s: word %q of key %q is not in the vocabulary", name, w, k)
				}
			}
		}
	}
}

// FuzzRegistryNextWordASCII checks registryNextWordASCII against
// registryNextWord on text in ASCII, from every offset.
func FuzzRegistryNextWordASCII(f *testing.F) {
	for _, s := range []string{"U.S.-backed rebels", "it's O'Neill's", "a.b.c. d", "x--y", "e.g.", "'s 'a", "U.N..", "9.11 am", "a-", "-a", "a'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !speakerASCII(s) {
			return
		}
		for i := 0; i <= len(s); i++ {
			st, en, ok := registryNextWordASCII(s, i)
			wst, wen, wok := registryNextWord(s, i)
			if st != wst || en != wen || ok != wok {
				t.Fatalf("registryNextWordASCII(%q, %d) = %d, %d, %v; registryNextWord %d, %d, %v", s, i, st, en, ok, wst, wen, wok)
			}
		}
	})
}
