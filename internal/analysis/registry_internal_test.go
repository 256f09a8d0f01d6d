package analysis

import (
	"strings"
	"testing"
)

// FuzzRegistryWordOffsets checks that where registryWordOffsets gives the
// words' offsets, every run of words joined by single spaces is the slice
// of the key Resolve takes for it. (It gives none for a key whose words
// hold white space, as registryKey may make: "0.\u00a000" is one word.)
func FuzzRegistryWordOffsets(f *testing.F) {
	f.Add("Syrian Foreign Minister Walid Muallem")
	f.Add("the U.S.-backed  Syrian Democratic Forces' spokesman")
	f.Add("a\tb  c\u00a0d \u2009e ")
	f.Add(" Ahmed")
	f.Add("")
	f.Add("0.\u00a000")
	f.Fuzz(func(t *testing.T, s string) {
		for _, key := range []string{s, registryKey(s)} {
			words := strings.Fields(key)
			at := registryWordOffsets(key, words, nil)
			// Offsets exactly when the key is its words joined by single
			// spaces (a key of no words has none to give).
			if joined := strings.Join(words, " "); len(words) > 0 && (at == nil) != (key != joined) {
				t.Fatalf("key %q, words joined %q: offsets %v", key, joined, at)
			}
			if at == nil {
				continue
			}
			for n := 1; n <= len(words); n++ {
				for i := 0; i+n <= len(words); i++ {
					if got, want := key[at[i]:at[i+n-1]+len(words[i+n-1])], strings.Join(words[i:i+n], " "); got != want {
						t.Fatalf("key %q, words %d..%d: slice %q, joined %q", key, i, i+n, got, want)
					}
				}
			}
		}
	})
}

// TestRegistryIndexesKeptApart checks that two registries in use by turns
// each keep their index: with one index kept for all, each call rebuilt
// it.
func TestRegistryIndexesKeptApart(t *testing.T) {
	a, err := ParseRegistryCSV("a", []byte("name,aliases,side,role\nSergey Lavrov,Lavrov,russia,minister\n"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := ParseRegistryCSV("b", []byte("name,aliases,side,role\nJohn Kerry,Kerry,united-states,secretary\n"))
	if err != nil {
		t.Fatal(err)
	}
	xa, xb := a.index(), b.index()
	for range 3 {
		if a.index() != xa || b.index() != xb {
			t.Fatal("an index was rebuilt while its registry did not change")
		}
	}
	if _, side, _, ok := a.Resolve("Lavrov"); !ok || side != "russia" {
		t.Errorf(`a.Resolve("Lavrov") = %q, %v`, side, ok)
	}
	if _, _, _, ok := b.Resolve("Lavrov"); ok {
		t.Error(`b.Resolve("Lavrov") found an entry of registry a`)
	}
	// A changed registry gets a new index, which replaces its old one.
	a.Entries = append(a.Entries, RegistryEntry{Name: "Bashar al-Assad", Side: "syrian-government"})
	a.Version = RegistryVersion(a.Entries)
	if a.index() == xa {
		t.Error("the index of a changed registry was not rebuilt")
	}
	for _, c := range *registryCache.Load() {
		if c == xa {
			t.Error("the old index of a changed registry is still kept")
		}
	}
}
