package analysis_test

import (
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/framinglens/framinglens/internal/analysis"
)

// FuzzAnalyze checks the whole engine on any text, past what FuzzQuotes
// reaches: speaker names through the registry, mentions and sides. It
// never panics; every quote's side is one of the registry's or
// unassigned; every source is someone a quote gives; the balance index
// stays in [0, 1].
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"Talks\n\nA spokesman for Netanyahu said the talks would resume on Monday.",
		"Talks\n\n\"Paying ransom puts Americans at risk,\" Sen. Mark Kirk, R-Ill., said. \"It has led Iran to seize more.\"",
		"Talks\n\nRussia's Foreign Ministry issued a statement saying it would respond.\n\n“Washington frightens businesses,” the statement said.",
		"Embassy\n\nJERUSALEM - U.S. Ambassador to Israel David Friedman on Tuesday said the embassy would open.",
		"Anbar\n\n\"I call upon the tribes to come together,\" al-Maliki said. Hunter Biden and Sen. Lieberman said so, reports the New York Times.",
		"x\n\nthe statement said the statement, Mr.’s of the",
	} {
		f.Add(s)
	}
	eng := mustEngine(f)
	sides := eng.Registry().Sides()
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		r, err := eng.Analyze(analysis.Input{Text: text})
		if err != nil {
			return
		}
		speakers := map[string]bool{}
		for _, q := range r.Quotes {
			if q.Start < 0 || q.End > len(r.Text) || q.Start > q.End || r.Text[q.Start:q.End] != q.Text {
				t.Fatalf("quote %+v out of place", q)
			}
			if q.Side != analysis.SideUnassigned && !slices.Contains(sides, q.Side) {
				t.Fatalf("quote %q on side %q, not a registry side", q.Text, q.Side)
			}
			if !utf8.ValidString(q.Speaker) {
				t.Fatalf("speaker %q is not valid UTF-8", q.Speaker)
			}
			speakers[q.Speaker] = true
		}
		for _, s := range r.Sources {
			if !speakers[s.Name] {
				t.Fatalf("source %q is no quote's speaker", s.Name)
			}
		}
		if r.Balance < 0 || r.Balance > 1 {
			t.Fatalf("balance %v outside [0, 1]", r.Balance)
		}
	})
}
