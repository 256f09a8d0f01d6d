package analysis

import (
	"slices"
	"testing"

	"github.com/coregx/ahocorasick"
)

// lexCand is one literal found: it starts at Start in the folded text (the
// offset of its word in the text) and is literal Lit.
type lexCand struct {
	Start int
	Lit   int
}

// lexTestAutomaton is the Aho-Corasick automaton of the literals of the
// matcher checkTrie saw last, kept for the next call.
var lexTestAutomaton struct {
	m  *Matcher
	ac *ahocorasick.Automaton
}

// checkTrie compares the literals the trie finds at the words of text (as
// scan and walk find them for Matcher.Find) with the Aho-Corasick
// automaton's overlapping search over the folded text and the space past
// it, which the trie stands in for.
func checkTrie(t *testing.T, m *Matcher, text string) {
	t.Helper()
	f, starts := lexFoldStarts(nil, nil, text)
	w := f[:len(f)+lexPad]
	var got []lexCand
	found := slices.Clone(starts)
	found = found[:m.trie.scan(w, found)]
	for _, start := range starts {
		n := len(got)
		for st, q := uint32(0), start; ; {
			if st, q = m.trie.walk(w, q, st); st == m.trie.dead {
				break
			}
			got = append(got, lexCand{Start: start, Lit: m.trie.litAt(st)})
		}
		kept := len(found) > 0 && found[0] == start
		if kept {
			found = found[1:]
		}
		if !kept && len(got) > n {
			t.Fatalf("trie on %q: scan drops the word at %d, where the walk finds %v", text, start, got[n:])
		}
	}
	if lexTestAutomaton.m != m {
		ac, err := ahocorasick.NewBuilder().AddStrings(m.lits).Build()
		if err != nil {
			t.Fatal(err)
		}
		lexTestAutomaton.m, lexTestAutomaton.ac = m, ac
	}
	ac := lexTestAutomaton.ac
	var want []lexCand
	for _, c := range ac.FindAllOverlapping(f[:len(f)+1]) {
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
			if ErrorCode(err) == EINTERNAL {
				t.Fatalf("a lexicon the trie cannot hold: %v", err) // the fold makes no such literal
			}
			return
		}
		checkTrie(t, m, text)
	})
}
