package analysis

import (
	"math/rand/v2"
	"testing"
)

// TestSpeakerRunsLatest holds speakerRuns' searches to a reading of the
// whole list in order, the form lastPerson and lastSpeaker had: random
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
