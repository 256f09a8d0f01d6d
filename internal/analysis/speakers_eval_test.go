package analysis_test

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"sort"
	"testing"

	"github.com/framinglens/framinglens/internal/analysis"
)

// speakerEvalOpening matches a speaker that begins with the word its
// sentence began with rather than with the speaker: "With the FBI",
// "When Congress", "But Mr Khamenei".
var speakerEvalOpening = regexp.MustCompile(`^(In|On|At|With|From|For|By|When|While|But|And|Among|Under|After|Before|During)\b`)

// TestSpeakerEvalAllsides reads who is quoted, and on which side, over the
// 2,000 AllSides articles, and prints the figures the closing notes quote:
// quotes, distinct speakers, quotes of no known side and per side, and
// speakers that open with their sentence's first word. With
// FRAMINGLENS_SPEAKER_DUMP=FILE it also writes one line per quote (article,
// start, kind, speaker, side), to diff two versions of the engine.
//
// It fails when speakers opening with a preposition or conjunction come
// back (118 in engine 1.5.0, 3 in 1.13.0), or when more quotes lose their
// side or their speaker than the bounds below allow.
func TestSpeakerEvalAllsides(t *testing.T) {
	eng := mustEngine(t)
	texts := allsidesTexts(t)
	var dump *bufio.Writer
	if path := os.Getenv("FRAMINGLENS_SPEAKER_DUMP"); path != "" {
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		dump = bufio.NewWriter(f)
		defer dump.Flush()
	}
	quotes, unassigned, opening, silent := 0, 0, 0, 0
	speakers := map[string]bool{}
	sides := map[string]int{}
	for i, text := range texts {
		r, err := eng.Analyze(analysis.Input{Text: text})
		if err != nil {
			continue
		}
		for _, q := range r.Quotes {
			quotes++
			sides[q.Side]++
			if q.Side == analysis.SideUnassigned {
				unassigned++
			}
			if q.Speaker != "" {
				speakers[q.Speaker] = true
			} else if q.Kind == analysis.QuoteDirect {
				silent++
			}
			if speakerEvalOpening.MatchString(q.Speaker) {
				opening++
			}
			if dump != nil {
				fmt.Fprintf(dump, "%d\t%d\t%s\t%s\t%s\n", i, q.Start, q.Kind, q.Speaker, q.Side)
			}
		}
	}
	t.Logf("AllSides: %d quotes, %d distinct speakers, %d of no known side (%.3f)", quotes, len(speakers), unassigned,
		float64(unassigned)/float64(max(quotes, 1)))
	names := make([]string, 0, len(sides))
	for s := range sides {
		names = append(names, s)
	}
	sort.Slice(names, func(i, j int) bool { return sides[names[i]] > sides[names[j]] })
	for _, s := range names {
		t.Logf("  side %-20s %6d", s, sides[s])
	}
	t.Logf("speakers opening with their sentence's first word: %d", opening)
	t.Logf("direct quotes with no speaker: %d", silent)
	if opening > 10 {
		t.Errorf("%d speakers open with a preposition or conjunction, want at most 10", opening)
	}
	// The registry and speaker work of engines 1.15.0 to 1.29.0 took the
	// quotes of no known side from 70.3% to 54.0%, and the direct quotes
	// with no speaker from 1,465 to 1,173; that of 1.32.0 to 1.38.0 to
	// 53.2% and 1,166; that of 1.39.0 to 1.52.0 and the registry's
	// whole-speaker aliases (Syria, Congress and its parties) to 52.6% and
	// 1,132; that of 1.53.0 to 1.62.0 and more officials to 50.6% and
	// 1,111; that of 1.75.0 (folded abbreviations, party tags before an
	// apposition, statements speaking for their authors) to 50.3% and
	// 1,094; that of 1.77.0 to 1.88.0 (agent nouns, longer appositions,
	// retorts, offices split from names, "the group" as the organization
	// last named) to 50.2% and 1,053; that of 1.89.0 to 1.93.0 (roles
	// after abbreviated titles, "in the words of", particle surnames) to
	// 50.2% and 1,043, of 36,107 quotes. 1.94.0 took 19 direct quotes
	// back to no speaker: each had a speaker named only further on, given
	// as the "recent" one to a pronoun (1,062 of 36,066); 1.95.0 and
	// 1.96.0 kept that (1,062 of 36,065, 50.2% of no known side), and
	// 1.97.0 ("questioned whether") made it 1,061 of 36,087; 1.99.0 (no
	// first lady for the president) took the quotes of no known side to
	// 50.1% (18,070); 1.101.0 (names after their descriptions) to 1,059
	// of 36,105 (50.1%, 18,081); 1.102.0 (one surname, two people) to
	// 18,087; 1.104.0 ("by saying", "a statement saying") to 1,055 of
	// 36,113 (18,084). These
	// bounds keep it, and the quotes found: an engine that found fewer would
	// leave fewer without a speaker.
	if share := float64(unassigned) / float64(max(quotes, 1)); share > 0.505 {
		t.Errorf("%.3f of the quotes have no known side, want at most 0.505", share)
	}
	if silent > 1065 {
		t.Errorf("%d direct quotes have no speaker, want at most 1,065", silent)
	}
	if quotes < 35500 {
		t.Errorf("%d quotes found, want at least 35,500", quotes)
	}
}
