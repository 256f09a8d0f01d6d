package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/export"
	"github.com/framinglens/framinglens/internal/store"
)

// corpus is a store with articles whose results the test knows.
type corpus struct {
	st      *store.Store
	ids     map[string]int64 // by title
	results map[int64]*analysis.Result
	outlet  map[int64]string
	date    map[int64]string
	words   map[int64]int
}

func openStore(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "lens.db"))
	if err != nil {
		t.Fatalf("store.Open: %v", err)
	}
	t.Cleanup(func() {
		if err := st.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return st
}

func newCorpus(t testing.TB) *corpus {
	return &corpus{st: openStore(t), ids: map[string]int64{}, results: map[int64]*analysis.Result{},
		outlet: map[int64]string{}, date: map[int64]string{}, words: map[int64]int{}}
}

// save stores an article with its result (nil: no analysis).
func (c *corpus) save(t testing.TB, outlet, title, published, text string, r *analysis.Result) int64 {
	t.Helper()
	words := analysis.CountWords(text)
	if r != nil {
		words = r.Words
		text = r.Text
	}
	a := store.NewArticle{Outlet: outlet, Title: title, URL: "https://example.org/" + strconv.Itoa(len(c.ids)),
		Published: published, Language: "en", Origin: "test", Text: text, Words: words}
	id, dup, err := c.st.SaveArticle(context.Background(), a, r)
	if err != nil || dup {
		t.Fatalf("SaveArticle(%q): dup=%v err=%v", title, dup, err)
	}
	c.ids[title] = id
	c.outlet[id], c.date[id], c.words[id] = outlet, published, words
	if r != nil {
		c.results[id] = r
	}
	return id
}

// engineTexts are articles written for these tests, each with an outlet
// and a date.
var engineTexts = []struct{ outlet, title, published, text string }{
	{"Wire A", "Fighting near Aleppo", "2016-01-05", "Rebels and militants fought government forces near Aleppo on Tuesday.\n\n" +
		"\"We will not allow terrorists to take the city,\" said Sergey Lavrov, Russia's foreign minister.\n\n" +
		"John Kerry said that the moderate rebels must be protected from air strikes.\n\n" +
		"A local resident said the so-called Islamic State had left the area."},
	{"Wire A", "Army advances in Idlib", "2016-02-03", "Syrian army units advanced against jihadists in Idlib.\n\n" +
		"\"The terrorist groups are collapsing,\" Bashar al-Assad told reporters.\n\n" +
		"According to the United Nations, thousands of civilians fled the fighting and refugees crossed the border."},
	{"Daily B", "Hospital shelled", "2016-01-20", "Insurgents shelled a hospital in Aleppo, opposition activists said.\n\n" +
		"\"This is a war crime,\" Staffan de Mistura said.\n\n\"The rebels are terrorists,\" Vladimir Putin said."},
	{"Daily B", "A quiet market", "2016-02-15", "The weather in Damascus was mild on Sunday and markets were busy."},
}

// engine returns the shipped engine: every shipped lexicon merged into
// "core", and the syria-2016 registry.
func engine(t testing.TB) *analysis.Engine {
	t.Helper()
	var lexes []*analysis.Lexicon
	for _, name := range analysis.DefaultLexiconNames() {
		l, err := analysis.DefaultLexicon(name)
		if err != nil {
			t.Fatalf("DefaultLexicon(%s): %v", name, err)
		}
		lexes = append(lexes, l)
	}
	reg, err := analysis.DefaultRegistry("syria-2016")
	if err != nil {
		t.Fatalf("DefaultRegistry: %v", err)
	}
	e, err := analysis.NewEngine(analysis.MergeLexicons("core", lexes...), reg)
	if err != nil {
		t.Fatalf("NewEngine: %v", err)
	}
	return e
}

// formulaTitle is a title a spreadsheet would run as a formula.
const formulaTitle = `=HYPERLINK("x")`

// trickyQuote holds a comma, quotation marks and a line break.
const trickyQuote = "no, \"never\", he said\nand left"

// handResult builds a consistent result over text from hits and quotes,
// counting frames, sides and sources as the engine does.
func handResult(text string, hits []analysis.Hit, quotes []analysis.Quote, sides int) *analysis.Result {
	words := analysis.CountWords(text)
	r := &analysis.Result{Words: words, Text: text, Hits: hits, Quotes: quotes,
		Frames: map[string]analysis.FrameCount{}, Actors: map[string]analysis.ActorScore{},
		Sides: map[string]float64{}, SidesWords: map[string]float64{}, Entries: []analysis.EntryCount{},
		Sources:  []analysis.Source{},
		Versions: analysis.Versions{Engine: analysis.EngineVersion, Lexicon: "hand@1", Registry: "hand-reg@1"}}
	for _, h := range hits {
		fc := r.Frames[h.Frame]
		fc.Count++
		switch h.Voice {
		case analysis.VoiceOwn:
			fc.Own++
		case analysis.VoiceQuoted:
			fc.Quoted++
		default:
			fc.Reported++
		}
		fc.Per1000 = float64(fc.Count) * 1000 / float64(words)
		fc.Per1000Own = float64(fc.Own) * 1000 / float64(words)
		r.Frames[h.Frame] = fc
	}
	known, knownWords := 0, 0
	src := map[string]int{}
	for _, q := range quotes {
		if q.Speaker != "" {
			i, ok := src[q.Speaker]
			if !ok {
				i = len(r.Sources)
				src[q.Speaker] = i
				r.Sources = append(r.Sources, analysis.Source{Name: q.Speaker, Side: q.Side})
			}
			if q.Kind == analysis.QuoteDirect {
				r.Sources[i].Direct++
			} else {
				r.Sources[i].Reported++
			}
			r.Sources[i].Words += q.Words
		}
		if q.Side == analysis.SideUnassigned {
			r.Unassigned++
			continue
		}
		known++
		knownWords += q.Words
		r.Sides[q.Side]++
		r.SidesWords[q.Side] += float64(q.Words)
	}
	for s := range r.Sides {
		r.Sides[s] /= float64(known)
		r.SidesWords[s] /= float64(knownWords)
	}
	r.Balance = analysis.BalanceIndex(r.Sides, sides)
	r.BalanceWords = analysis.BalanceIndex(r.SidesWords, sides)
	return r
}

// handText is the body of the hand-built article; handHits and handQuotes
// are found in it by position.
const handText = "He called them terrorists and -minus men, then left.\n\nno, \"never\", he said\nand left, said Anna Smith. The army said it won."

func handArticle() *analysis.Result {
	at := func(s string) (int, int) {
		i := strings.Index(handText, s)
		return i, i + len(s)
	}
	s1, e1 := at("terrorists")
	s2, e2 := at("-minus")
	s3, e3 := at(trickyQuote)
	s4, e4 := at("it won")
	hits := []analysis.Hit{
		{Term: "terrorists", Pattern: "terrorist*", Frame: "delegitimizing", Actor: "opposition", Valence: -2,
			Voice: analysis.VoiceOwn, Start: s1, End: e1, ScareQuote: true},
		{Term: "-minus", Pattern: "-minus", Frame: "=odd frame", Actor: "@actor", Valence: 1,
			Voice: analysis.VoiceReported, Start: s2, End: e2, SoCalled: true},
	}
	quotes := []analysis.Quote{
		{Text: trickyQuote, Start: s3, End: e3, Kind: analysis.QuoteDirect, Speaker: "Anna Smith",
			Mention: "Anna Smith", Cue: "said", Side: "west", Words: analysis.CountWords(trickyQuote)},
		{Text: "it won", Start: s4, End: e4, Kind: analysis.QuoteReported, Speaker: "", Cue: "said",
			Side: analysis.SideUnassigned, Words: 2},
		{Text: "it won", Start: s4, End: e4, Kind: analysis.QuoteReported, Speaker: "The Army", Mention: "The army",
			Cue: "said", Side: "east", Words: 2},
	}
	return handResult(handText, hits, quotes, 2)
}

// fullCorpus stores the engine articles (with the shipped lexicon and
// registry active), the hand-built article under a formula title and outlet
// "@Home", and an article without an analysis.
func fullCorpus(t testing.TB) *corpus {
	t.Helper()
	ctx := context.Background()
	c := newCorpus(t)
	e := engine(t)
	if err := c.st.SaveLexicon(ctx, e.Lexicon()); err != nil {
		t.Fatalf("SaveLexicon: %v", err)
	}
	if err := c.st.SaveRegistry(ctx, e.Registry()); err != nil {
		t.Fatalf("SaveRegistry: %v", err)
	}
	if err := c.st.SetActive(ctx, store.ActiveLexicon, e.Lexicon().Name); err != nil {
		t.Fatal(err)
	}
	if err := c.st.SetActive(ctx, store.ActiveRegistry, e.Registry().Name); err != nil {
		t.Fatal(err)
	}
	for _, a := range engineTexts {
		r, err := e.Analyze(analysis.Input{Text: a.text, Meta: analysis.Meta{Title: a.title, Published: a.published}, Precleaned: true})
		if err != nil {
			t.Fatalf("Analyze(%q): %v", a.title, err)
		}
		c.save(t, a.outlet, a.title, a.published, a.text, r)
	}
	c.save(t, "@Home", formulaTitle, "2016-01-10", handText, handArticle())
	c.save(t, "Wire A", "Not analysed yet", "2016-03-01", "Only stored, never analysed, this article has words.", nil)
	return c
}

// export runs export.Write and parses what it wrote.
func export1(t testing.TB, st *store.Store, kind string, f store.ArticleFilter) (header []string, rows []map[string]string) {
	t.Helper()
	var buf bytes.Buffer
	if err := export.Write(context.Background(), st, kind, f, &buf); err != nil {
		t.Fatalf("Write(%s, %+v): %v", kind, f, err)
	}
	return parseCSV(t, buf.Bytes())
}

func parseCSV(t testing.TB, data []byte) (header []string, rows []map[string]string) {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("parse CSV: %v\n%s", err, data)
	}
	if len(recs) == 0 {
		t.Fatalf("CSV has no header")
	}
	header = recs[0]
	for _, rec := range recs[1:] {
		m := make(map[string]string, len(rec))
		for i, v := range rec {
			m[header[i]] = v
		}
		rows = append(rows, m)
	}
	return header, rows
}

// num parses a number cell, failing the test when it is not one.
func num(t testing.TB, row map[string]string, col string) float64 {
	t.Helper()
	v, ok := row[col]
	if !ok {
		t.Fatalf("no column %q", col)
	}
	x, err := strconv.ParseFloat(v, 64)
	if err != nil {
		t.Fatalf("column %s = %q, not a number", col, v)
	}
	return x
}
