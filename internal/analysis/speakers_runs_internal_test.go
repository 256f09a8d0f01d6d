package analysis

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestSpeakerRunsLatest holds speakerRuns' searches to a reading of the
// whole list in order, the form lastPerson, lastPersonTitled and
// lastSpeaker had: random
// lists added to in a few ascending runs, with many mentions sharing a
// pos, a filter that passes some persons over, and every pos asked.
func TestSpeakerRunsLatest(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	latestRef := func(ms []speakerMention, pos int, ok func(speakerMention) bool) int {
		best := -1
		for k, m := range ms {
			if m.pos < pos && (best < 0 || m.pos > ms[best].pos) && ok(m) {
				best = k
			}
		}
		return best
	}
	anyRef := func(ms []speakerMention, from, to int, ok func(speakerMention) bool) bool {
		for _, m := range ms {
			if m.pos >= from && m.pos < to && ok(m) {
				return true
			}
		}
		return false
	}
	found, runs := 0, 0
	for range 400 {
		var ms []speakerMention
		var r speakerRuns
		pos := 0
		for range rng.IntN(40) {
			switch rng.IntN(8) {
			case 0:
				pos = rng.IntN(30) // a new run, mostly
			case 1, 2:
				// the same pos again
			default:
				pos += rng.IntN(3)
			}
			ms = append(ms, speakerMention{pos: pos, person: rng.IntN(4) - 1})
			r = r.add(ms)
		}
		runs = max(runs, len(r))
		skip := rng.IntN(4) - 1
		ok := func(m speakerMention) bool { return m.person != skip }
		for q := 0; q <= 40; q++ {
			got, want := r.latest(ms, q, ok), latestRef(ms, q, ok)
			if got != want {
				t.Fatalf("latest(%v, %d) = %d, want %d (runs %v)", ms, q, got, want, r)
			}
			if got >= 0 {
				found++
			}
			for to := q; to <= 40; to += 3 {
				if got, want := r.any(ms, q, to, ok), anyRef(ms, q, to, ok); got != want {
					t.Fatalf("any(%v, %d, %d) = %v, want %v (runs %v)", ms, q, to, got, want, r)
				}
			}
		}
	}
	if found == 0 || runs < 3 {
		t.Fatalf("%d answers found, at most %d runs: the lists test too little", found, runs)
	}
}

// TestLastPersonTitledRuns holds lastPersonTitled to the reading of every
// mention it did before it searched the runs: the newest mention before
// pos of a person holding every title word but "the", the first added of
// those at that pos, over random mentions added in a few ascending runs,
// with shared offsets, collectives (person -1) and persons holding some
// of the titles.
func TestLastPersonTitledRuns(t *testing.T) {
	rng := rand.New(rand.NewPCG(27, 28))
	words := []string{"prime", "minister", "foreign", "secretary"}
	ref := func(x *speakerIndex, pos int, titles []string) (string, bool) {
		best, bestPos := -1, -1
		for _, m := range x.mentions {
			if m.pos >= pos || m.person < 0 || m.pos <= bestPos {
				continue
			}
			all := true
			for _, t := range titles {
				if t != "the" && !speakerHasTitle(x.persons[m.person].titles, t) {
					all = false
					break
				}
			}
			if all {
				best, bestPos = m.person, m.pos
			}
		}
		if best < 0 {
			return "", false
		}
		return x.persons[best].name, true
	}
	found := 0
	for range 300 {
		var x speakerIndex
		x.reset("")
		for i := range 2 + rng.IntN(6) {
			var titles []string
			for _, w := range words {
				if rng.IntN(2) == 0 {
					titles = append(titles, w)
				}
			}
			x.persons = append(x.persons, speakerPerson{name: fmt.Sprint("P", i), titles: titles})
		}
		pos := 0
		for range rng.IntN(40) {
			switch rng.IntN(8) {
			case 0:
				pos = rng.IntN(30) // a new run, mostly
			case 1, 2:
				// the same pos again
			default:
				pos += rng.IntN(3)
			}
			if p := rng.IntN(len(x.persons)+1) - 1; p >= 0 {
				x.mention(p, pos)
			} else {
				x.mentions = append(x.mentions, speakerMention{pos: pos, person: -1, name: "they"})
				x.mentionRuns = x.mentionRuns.add(x.mentions)
			}
		}
		for _, titles := range [][]string{{"prime", "minister"}, {"the", "foreign", "minister"}, {"foreign", "secretary"}, {"the", "prime"}} {
			for q := 0; q <= 40; q++ {
				got, gotOK := x.lastPersonTitled(q, titles[len(titles)-1], titles)
				want, wantOK := ref(&x, q, titles)
				if got != want || gotOK != wantOK {
					t.Fatalf("lastPersonTitled(%d, %v) = %q %v, want %q %v (mentions %v)", q, titles, got, gotOK, want, wantOK, x.mentions)
				}
				if gotOK {
					found++
				}
			}
		}
	}
	if found == 0 {
		t.Fatal("no person found: the cases test too little")
	}
}

// TestSurnameOffsetsLongAndShort holds surnameOffsets, which reads a
// short body only as far as asked and lists a long body's capitalized
// words once, to quoteFirstWordFrom's whole-word occurrences over the
// whole body: for single words, hyphenated and particle surnames (whose
// last word the long path looks up), and surnames it leaves to the
// search (a lower-case last word, a closing period), asked in any order.
func TestSurnameOffsetsLongAndShort(t *testing.T) {
	words := []string{"Assad", "al-Assad", "xal-Assad", "Assadx", "al-Assadé", "éAssad", "Lavrov", "de Mistura",
		"Mistura", "bin", "ben laden", "Jr.", "said", "the", "\u201cAssad", "al", "-", "Al-Assad"}
	seps := []string{" ", " ", ", ", "\n", "-", "."}
	surnames := []string{"Assad", "al-Assad", "Lavrov", "de Mistura", "ben laden", "Jr.", "Al-Assad", "é"}
	rng := rand.New(rand.NewPCG(23, 24))
	build := func(n int) string {
		var b strings.Builder
		for b.Len() < n {
			b.WriteString(words[rng.IntN(len(words))])
			b.WriteString(seps[rng.IntN(len(seps))])
		}
		return b.String()
	}
	for _, size := range []int{400, speakerLowerWordsMin + 500} {
		body := build(size)
		for _, sur := range surnames {
			var all []int
			for from := 0; ; {
				k := quoteFirstWordFrom(body, from, sur)
				if k < 0 {
					break
				}
				all, from = append(all, k), k+1
			}
			if len(all) == 0 && sur != "é" {
				t.Fatalf("%q never stands whole in the %d-byte body: the test reads nothing", sur, size)
			}
			positions := make([]int, 0, 200)
			for range 200 {
				positions = append(positions, rng.IntN(len(body)+1))
			}
			positions = append(positions, len(body))
			for _, order := range [][]int{positions, slices.Sorted(slices.Values(positions))} {
				var x speakerIndex
				x.reset(body)
				for _, pos := range order {
					got := x.surnameOffsets(sur, pos)
					var want, gotBy []int
					for _, k := range all {
						if k+len(sur) <= pos {
							want = append(want, k)
						}
					}
					for i, k := range got {
						if i > 0 && k <= got[i-1] || !slices.Contains(all, k) {
							t.Fatalf("%d-byte body: surnameOffsets(%q, %d) = %v holds %d, no occurrence in order", size, sur, pos, got, k)
						}
						if k+len(sur) <= pos {
							gotBy = append(gotBy, k)
						}
					}
					if !slices.Equal(gotBy, want) {
						t.Fatalf("%d-byte body: surnameOffsets(%q, %d) ends by pos with %v, want %v", size, sur, pos, gotBy, want)
					}
				}
			}
		}
	}
}

// TestFullBearerIndex holds fullBearer over bearerIndex's list to its
// reading of every person, for random persons, among them namesakes,
// surnames alone and surnames that end another's ("Assad", "al-Assad").
func TestFullBearerIndex(t *testing.T) {
	given := []string{"Bashar", "Hafez", "Sergey", "John", "Maria"}
	surnames := []string{"Assad", "al-Assad", "Lavrov", "Kerry", "de Mistura"}
	rng := rand.New(rand.NewPCG(25, 26))
	found, refused := 0, 0
	for range 50 {
		var x speakerIndex
		x.reset("")
		for range speakerBearerIndexMin + rng.IntN(40) {
			name := surnames[rng.IntN(len(surnames))]
			if rng.IntN(4) > 0 {
				name = given[rng.IntN(len(given))] + " " + name
			}
			x.persons = append(x.persons, speakerPerson{name: name, first: rng.IntN(1000)})
		}
		bearers := x.bearerIndex()
		if bearers == nil {
			t.Fatalf("no index of %d persons", len(x.persons))
		}
		for _, w := range append(surnames, "Mistura", "Bashar") {
			for pos := 0; pos <= 1000; pos += 7 {
				got, gotOK := x.fullBearer(w, pos, bearers)
				want, wantOK := x.fullBearer(w, pos, nil)
				if got != want || gotOK != wantOK {
					t.Fatalf("fullBearer(%q, %d) = %q %v over the index, %q %v over the persons", w, pos, got, gotOK, want, wantOK)
				}
				if wantOK {
					found++
				} else {
					refused++
				}
			}
		}
	}
	if found == 0 || refused == 0 {
		t.Fatalf("%d bearers found, %d refused: the cases test one answer only", found, refused)
	}
}
