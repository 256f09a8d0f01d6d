package analysis

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// FuzzRegistryKeyWords checks registryKeyWords, which builds the key of an
// ASCII name in one buffer, against registryKeySlow, which lowers each
// word apart, its words against strings.Fields of the key, and the words'
// offsets it gives against registryWordOffsets.
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
		key, words, at := registryKeyWords(s, nil, nil)
		if key != want {
			t.Fatalf("registryKeyWords(%q) = %q, registryKeySlow %q", s, key, want)
		}
		if fields := strings.Fields(want); !slices.Equal(words, fields) {
			t.Fatalf("registryKeyWords(%q) words %q, strings.Fields of the key %q", s, words, fields)
		}
		// An ASCII name's words are ASCII: its offsets come with them.
		if off := registryWordOffsets(key, words, nil); (at != nil || speakerASCII(s)) && !slices.Equal(at, off) {
			t.Fatalf("registryKeyWords(%q) offsets %v, registryWordOffsets %v", s, at, off)
		}
	})
}

// TestRegistryVocabChangesNoAnswer checks that registryIndex.mayHold,
// which rules phrases out before their look-up, changes no answer of
// Resolve: speakers made of every name and alias of the shipped registries
// in phrases around them resolve the same with the index's vocabulary as
// with one that holds every word.
func TestRegistryVocabChangesNoAnswer(t *testing.T) {
	type answer struct {
		name, side, role string
		ok               bool
	}
	frames := []string{"%s", "the %s", "%s's spokesman", "former %s official", "Yemen's %s", "%s of Damascus",
		"the %s in Washington", "a senior %s commander", "%s and the UN", "US %s", "%s Times"}
	for _, name := range DefaultRegistryNames() {
		reg, err := DefaultRegistry(name)
		if err != nil {
			t.Fatal(err)
		}
		var speakers []string
		for _, e := range reg.Entries {
			for _, w := range append([]string{e.Name}, e.Aliases...) {
				for _, f := range frames {
					speakers = append(speakers, fmt.Sprintf(f, w), strings.ToLower(fmt.Sprintf(f, w)))
				}
			}
		}
		resolve := func() []answer {
			var as []answer
			for _, s := range speakers {
				n, side, role, ok := reg.Resolve(s)
				as = append(as, answer{n, side, role, ok})
			}
			return as
		}
		x := reg.index()
		filtered := resolve()
		kept := x.vocab
		for i := range x.vocab {
			x.vocab[i] = ^uint64(0)
		}
		all := resolve()
		x.vocab = kept
		if reg.index() != x {
			t.Fatal("the index was rebuilt during the test")
		}
		hits := 0
		for i := range speakers {
			if filtered[i] != all[i] {
				t.Errorf("%s: Resolve(%q) = %+v with the vocabulary, %+v without", name, speakers[i], filtered[i], all[i])
			}
			if all[i].ok {
				hits++
			}
		}
		if hits == 0 || hits == len(speakers) {
			t.Errorf("%s: %d of %d speakers resolved: the phrases test nothing", name, hits, len(speakers))
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
