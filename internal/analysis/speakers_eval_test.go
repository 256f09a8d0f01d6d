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
var speakerEvalOpening = regexp.MustCompile(`^(In|On|At|With|From|For|By|When|While|But|And|Among|Under|After|Before|During|Despite|Without|Unlike|Like|Upon|Throughout|Beyond|Besides|Amid|Since|Against)\b`)

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
	// The quotes of no known side went from 70.3% (before engine 1.15.0) to
	// 47.3% (16,944 of 35,838, engine 1.133.0), and the direct quotes with
	// no speaker from 1,465 to 996; each commit that moved them says by how
	// much (git log -- internal/analysis). The bounds keep that, with room
	// for about 80 quotes of no side and 6 without a speaker, and the
	// quotes found: an engine that found fewer would leave fewer without a
	// speaker. (The quotes found fell from 35,957 at engine 1.119.0 as
	// junk reported speech went: hypothetical speech, "could say" and
	// "cannot confirm", headlines of link lines, and at 1.131.0 titles in
	// marks.)
	if share := float64(unassigned) / float64(max(quotes, 1)); share > 0.475 {
		t.Errorf("%.3f of the quotes have no known side, want at most 0.475", share)
	}
	if silent > 1002 {
		t.Errorf("%d direct quotes have no speaker, want at most 1,002", silent)
	}
	if quotes < 35790 {
		t.Errorf("%d quotes found, want at least 35,790", quotes)
	}
}
