package analysis

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestSpeakerASCII checks speakerASCII, which reads eight bytes at a time,
// against a byte loop: a byte outside ASCII at each place of strings of
// each length up to a few words.
func TestSpeakerASCII(t *testing.T) {
	ref := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] >= utf8.RuneSelf {
				return false
			}
		}
		return true
	}
	for n := range 25 {
		s := strings.Repeat("a", n)
		if got := speakerASCII(s); got != true {
			t.Errorf("speakerASCII(%q) = %v, want true", s, got)
		}
		for i := range n {
			for _, c := range []byte{0x80, 0xC3, 0xFF} {
				b := []byte(s)
				b[i] = c
				if got, want := speakerASCII(string(b)), ref(string(b)); got != want {
					t.Errorf("speakerASCII(%q) = %v, want %v", b, got, want)
				}
			}
		}
	}
}

// TestSourceRoles checks sourceRoles against a map: the last role set for a
// name wins, past the length where its list is indexed by a map too.
func TestSourceRoles(t *testing.T) {
	var r sourceRoles
	want := map[string]string{}
	for i := range 3 * listIndexMax {
		name, role := fmt.Sprintf("speaker %d", i%(listIndexMax+7)), fmt.Sprintf("role %d", i)
		r = r.set(name, role)
		want[name] = role
		for n, w := range want {
			if got := r.get(n); got != w {
				t.Fatalf("after %d roles, get(%q) = %q, want %q", i+1, n, got, w)
			}
		}
		if got := r.get("nobody"); got != "" {
			t.Fatalf("get(%q) = %q, want \"\"", "nobody", got)
		}
	}
}

// TestMergeSpeakerCaseSources checks the sources mergeSpeakerCase counts as
// it lists the speaker forms against collectSources over the quotes it
// leaves (their speakers renamed), on random quotes: speakers from a pool
// with and without case variants, few and past the length where the forms
// are indexed by a map.
func TestMergeSpeakerCaseSources(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var roles sourceRoles
	roles = roles.set("Sergey Lavrov", "government")
	roles = roles.set("police", "police")
	for round := range 2000 {
		pool := []string{"Sergey Lavrov", "police", "the ministry", "Ahmed", "", "Jörg Müller", "residents"}
		if round%3 == 0 {
			pool = append(pool, "Police", "POLICE", "jörg müller")
		}
		if round%5 == 0 {
			for i := range 40 {
				pool = append(pool, fmt.Sprintf("speaker %d", i))
			}
		}
		qs := make([]Quote, rng.IntN(60))
		for i := range qs {
			qs[i] = Quote{Speaker: pool[rng.IntN(len(pool))], Side: []string{"a", "b", SideUnassigned}[rng.IntN(3)], Words: rng.IntN(30)}
			if rng.IntN(2) == 0 {
				qs[i].Kind = QuoteDirect
			} else {
				qs[i].Kind = QuoteReported
			}
		}
		got := mergeSpeakerCase(qs, roles)
		if want := collectSources(qs, roles); !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d: sources\n got %+v\nwant %+v", round, got, want)
		}
		if round%3 == 0 {
			// With case variants, the merge: each speaker is one
			// source, and the sources hold every quote.
			n := 0
			for i, s := range got {
				n += s.Direct + s.Reported
				for _, o := range got[:i] {
					if strings.EqualFold(o.Name, s.Name) {
						t.Fatalf("round %d: sources %q and %q are one speaker", round, o.Name, s.Name)
					}
				}
			}
			if want := len(qs) - quotesWithoutSpeaker(qs); n != want {
				t.Fatalf("round %d: the sources hold %d quotes, want %d", round, n, want)
			}
		}
	}
}

// collectSources is the sources' rule, written plainly: the quotes with a
// speaker grouped by that speaker, in the order of their first quotes,
// with the side of that quote and the speaker's role from the registry;
// then the most attributions first, then the most words, sources alike
// keeping their order.
func collectSources(qs []Quote, roles sourceRoles) []Source {
	out := []Source{}
	index := map[string]int{}
	for _, q := range qs {
		if q.Speaker == "" {
			continue
		}
		i, ok := index[q.Speaker]
		if !ok {
			i = len(out)
			index[q.Speaker] = i
			out = append(out, Source{Name: q.Speaker, Side: q.Side, Role: roles.get(q.Speaker)})
		}
		if q.Kind == QuoteDirect {
			out[i].Direct++
		} else {
			out[i].Reported++
		}
		out[i].Words += q.Words
	}
	slices.SortStableFunc(out, func(a, b Source) int {
		if c := cmp.Compare(b.Direct+b.Reported, a.Direct+a.Reported); c != 0 {
			return c
		}
		return cmp.Compare(b.Words, a.Words)
	})
	return out
}

// quotesWithoutSpeaker counts the quotes of qs that name no speaker.
func quotesWithoutSpeaker(qs []Quote) int {
	n := 0
	for _, q := range qs {
		if q.Speaker == "" {
			n++
		}
	}
	return n
}

// TestAssignSidesPlacesEachQuote checks assignSides, which places each
// distinct speaker and unplaced speaker-mention pair of an article once,
// against placing every quote's speaker afresh: quotes by turns of more
// speakers than its lists hold before they are indexed by a map, placed
// (registry names) and unplaced (unknown names, some with a mention that
// places them).
func TestAssignSidesPlacesEachQuote(t *testing.T) {
	reg, err := DefaultRegistry("syria-2016")
	if err != nil {
		t.Fatal(err)
	}
	lex, err := DefaultLexicon("conflict-actors")
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewEngine(lex, reg)
	if err != nil {
		t.Fatal(err)
	}
	var qs []Quote
	rng := rand.New(rand.NewPCG(3, 4))
	mentions := []string{"", "a Russian official", "the State Department", "a UN spokesman", "a farmer"}
	for range 600 {
		var q Quote
		switch k := rng.IntN(3); {
		case k == 0 && len(reg.Entries) > 0:
			q.Speaker = reg.Entries[rng.IntN(len(reg.Entries))].Name
		case k == 1:
			q.Speaker = fmt.Sprintf("Person %d", rng.IntN(3*listIndexMax))
			q.Mention = mentions[rng.IntN(len(mentions))]
		}
		qs = append(qs, q)
	}
	want := slices.Clone(qs)
	for i := range want {
		q := &want[i]
		q.Side = SideUnassigned
		if q.Speaker == "" {
			continue
		}
		if p := e.place(q.Speaker, false); p.ok {
			q.Speaker, q.Side = p.name, p.side
		} else if m := mentionBeyondName(q.Speaker, q.Mention); m != "" {
			if mp := e.place(m, true); mp.ok {
				q.Side = mp.side
			}
		}
	}
	got, _ := e.assignSides(slices.Clone(qs), sourceRoles{})
	sides := map[string]bool{}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("quote %d: assignSides gives %+v, placing afresh %+v", i, got[i], want[i])
		}
		sides[got[i].Side] = true
	}
	if len(sides) < 3 {
		t.Errorf("the quotes fall on %d sides: the test places too little", len(sides))
	}
}
