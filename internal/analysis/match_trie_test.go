package analysis

import (
	"slices"
	"testing"
)

// checkTrie compares the trie's literals in text with the Aho-Corasick
// automaton's overlapping search, which it stands in for.
func checkTrie(t *testing.T, m *Matcher, text string) {
	t.Helper()
	if m.trie == nil {
		t.Fatal("no trie for the lexicon")
	}
	f := lexFold(nil, text)
	var seg [lexTrieWays][]lexCand
	got := m.trie.find(f, nil, &seg)
	var want []lexCand
	for _, c := range m.ac.FindAllOverlapping(f) {
		want = append(want, lexCand{Start: c.Start, Lit: c.PatternID})
	}
	if !slices.Equal(got, want) {
		t.Fatalf("trie on %q:\n got %v\nwant %v", text, got, want)
	}
}

func TestLexTrieSameAsAutomaton(t *testing.T) {
	var texts []string
	texts = append(texts, quoteTestTexts()...)
	words := []string{"rebel", "rebels", "rebel's", "Rebel’s", "al", "qaeda", "aid", "allies", "ally", "regime", "isis", "o'brien", "боевики", "داعش", "a", "  ", "\n", "-"}
	for _, w := range words[:len(words)-3] {
		words = append(words, w+" ")
	}
	texts = append(texts, fragTexts(3, 5000, 32, words)...)
	for _, m := range defaultMatchers(t) {
		for _, s := range texts {
			checkTrie(t, m, s)
		}
	}
}

// FuzzLexTrie compares the trie with the automaton for random lexicons.
func FuzzLexTrie(f *testing.F) {
	f.Add("Rebels and rebel’s militants, pro-government\nforces; allies", "rebel\nmilitant*\npro-government forces\n!rebel yell\nally")
	f.Add("ΑΝΤΆΡΤΕΣ БОЕВИКИ داعش o'brien O’Brien", "αντάρτες\nбоевик*\nداعش\no'brien")
	f.Add("reb rebe rebel rebels rebellion rebel", "reb*\nrebel\nrebe*\nrebellion")
	f.Fuzz(func(t *testing.T, text, spec string) {
		m, err := CompileLexicon(fuzzLexicon(spec, "a"))
		if err != nil {
			return
		}
		checkTrie(t, m, text)
	})
}
