package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/store"
)

// mustOpen opens a store on a fresh file in t.TempDir and closes it when
// the test ends.
func mustOpen(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "db", "lens.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

var testWords = strings.Fields(`government forces rebels militants shelled the city on Tuesday while
	officials said the army had pushed back fighters near the border and residents fled toward the coast
	as aid groups warned of shortages in food water and medicine across the region`)

// testText returns an article body of about words words, different for
// every seed.
func testText(seed, words int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Report number %d from the front.", seed)
	for i := 0; i < words; i++ {
		if i%12 == 0 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(testWords[(seed*7+i*3)%len(testWords)])
	}
	return b.String()
}

var testVoices = []analysis.Voice{analysis.VoiceOwn, analysis.VoiceQuoted, analysis.VoiceReported}

// testResult builds a realistic result over text with the given numbers of
// hits and quotes, as the engine would, with every field set.
func testResult(text string, hits, quotes int, lexVersion string) *analysis.Result {
	r := &analysis.Result{
		Title:        "",
		Words:        len(strings.Fields(text)),
		Text:         text,
		Hits:         []analysis.Hit{},
		Entries:      []analysis.EntryCount{},
		Frames:       map[string]analysis.FrameCount{},
		Actors:       map[string]analysis.ActorScore{},
		Quotes:       []analysis.Quote{},
		Sources:      []analysis.Source{},
		Sides:        map[string]float64{"government": 0.6, "opposition": 0.4},
		SidesWords:   map[string]float64{"government": 0.7, "opposition": 0.3},
		Unassigned:   1,
		Balance:      0.971,
		BalanceWords: 0.881,
		Versions:     analysis.Versions{Engine: analysis.EngineVersion, Lexicon: lexVersion, Registry: "reg-1"},
	}
	frames := []string{"terrorism", "insurgency", "state"}
	for i := 0; i < hits; i++ {
		start := (i * 37) % max(1, len(text)-10)
		f := frames[i%len(frames)]
		h := analysis.Hit{
			Term: text[start : start+5], Pattern: fmt.Sprintf("pat%d", i%10), Frame: f,
			Actor: []string{"opposition", "government"}[i%2], Valence: i%5 - 2, Voice: testVoices[i%3],
			Start: start, End: start + 5, Entry: i % 10, ScareQuote: i%7 == 0, SoCalled: i%11 == 0,
		}
		r.Hits = append(r.Hits, h)
		fc := r.Frames[f]
		fc.Count++
		switch h.Voice {
		case analysis.VoiceOwn:
			fc.Own++
		case analysis.VoiceQuoted:
			fc.Quoted++
		default:
			fc.Reported++
		}
		fc.Per1000 = float64(fc.Count) * 1000 / float64(r.Words)
		fc.Per1000Own = float64(fc.Own) * 1000 / float64(r.Words)
		r.Frames[f] = fc
	}
	for i := 0; i < min(hits, 10); i++ {
		r.Entries = append(r.Entries, analysis.EntryCount{Pattern: fmt.Sprintf("pat%d", i), Frame: frames[i%3],
			Actor: "opposition", Count: 3, Own: 1, Quoted: 1, Reported: 1, Per1000: 4.5})
	}
	if hits > 0 {
		r.Actors["opposition"] = analysis.ActorScore{Count: hits / 2, Valence: -1.25, ValenceOwn: -2, CountOwn: 2}
		r.Actors["government"] = analysis.ActorScore{Count: hits - hits/2, Valence: 0.5}
	}
	speakers := []struct{ name, side string }{{"Sergey Lavrov", "government"}, {"Rebel Spokesman", "opposition"}, {"A Resident", analysis.SideUnassigned}}
	for i := 0; i < quotes; i++ {
		sp := speakers[i%3]
		start := (i * 53) % max(1, len(text)-20)
		r.Quotes = append(r.Quotes, analysis.Quote{
			Text: text[start : start+20], Start: start, End: start + 20,
			Kind: []analysis.QuoteKind{analysis.QuoteDirect, analysis.QuoteReported}[i%2], Speaker: sp.name,
			Mention: "the minister", MentionStart: start + 21, MentionEnd: start + 33, Cue: "said", Side: sp.side, Words: 4,
		})
	}
	for i, sp := range speakers[:min(quotes, 3)] {
		r.Sources = append(r.Sources, analysis.Source{Name: sp.name, Side: sp.side, Role: "role", Direct: 2 - i%2, Reported: 1, Words: 12})
	}
	return r
}

// testArticle returns a NewArticle over testText(seed, 400).
func testArticle(seed int, outlet, published string) store.NewArticle {
	text := testText(seed, 400)
	return store.NewArticle{
		Outlet: outlet, Title: fmt.Sprintf("Article %03d", seed), URL: fmt.Sprintf("https://example.org/%d", seed),
		Published: published, Language: "en", Origin: "test", Raw: []byte("<p>" + text + "</p>"),
		Text: text, Words: len(strings.Fields(text)),
	}
}

// mustSave saves a with a result of hits and quotes and returns its id.
func mustSave(t testing.TB, s *store.Store, a store.NewArticle, hits, quotes int) int64 {
	t.Helper()
	r := testResult(a.Text, hits, quotes, "lex-1")
	r.Title, r.Published = a.Title, a.Published
	id, dup, err := s.SaveArticle(context.Background(), a, r)
	if err != nil {
		t.Fatalf("SaveArticle(%q): %v", a.Title, err)
	}
	if dup {
		t.Fatalf("SaveArticle(%q): duplicate, want new", a.Title)
	}
	return id
}
