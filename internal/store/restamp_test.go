package store_test

import (
	"context"
	"database/sql"
	"reflect"
	"testing"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/store"
)

// restampAnalysis returns the id and digest of an article's analysis, read
// on a connection of its own.
func restampAnalysis(t *testing.T, s *store.Store, articleID int64) (int64, []byte) {
	t.Helper()
	var id int64
	var digest []byte
	if err := readOnlyDB(t, s).QueryRow(`SELECT id, result_digest FROM analyses WHERE article_id = ? AND current = 1`, articleID).
		Scan(&id, &digest); err != nil {
		t.Fatal(err)
	}
	return id, digest
}

// TestRescoreRestampsUnchangedAnalyses saves new versions of results, one
// for each way of saving them: one the same as stored, which keeps its
// analysis and rows and only takes the new versions; one with a hit more
// and the same quotes (a lexicon edit), which keeps its analysis, quotes
// and sources and gets new hits and frame, entry and actor scores; and one
// with a quote more, whose analysis is replaced.
func TestRescoreRestampsUnchangedAnalyses(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	type rescored struct {
		id           int64
		hits, quotes int // of the new result
		kept         bool
	}
	cases := map[string]*rescored{
		"Same":        {hits: 3, quotes: 2, kept: true},
		"LexiconEdit": {hits: 5, quotes: 2, kept: true},
		"NewQuote":    {hits: 3, quotes: 3, kept: false},
	}
	for i, name := range []string{"Same", "LexiconEdit", "NewQuote"} {
		cases[name].id = mustSave(t, s, testArticle(1+i, "Alpha", "2024-01-0"+string(rune('2'+i))), 3, 2)
	}
	// An article saved last and not rescored holds the highest analysis
	// id, so that an analysis deleted and inserted again gets a new one.
	mustSave(t, s, testArticle(9, "Beta", "2024-01-09"), 1, 1)
	version, err := s.CorpusVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	type stored struct {
		analysis int64
		digest   []byte
		result   *analysis.Result
	}
	before := map[string]stored{}
	results := map[int64]*analysis.Result{}
	for name, c := range cases {
		aid, digest := restampAnalysis(t, s, c.id)
		if len(digest) != 32 {
			t.Fatalf("%s: digest stored on insert = %x, want 32 bytes", name, digest)
		}
		old, err := s.ArticleResult(ctx, c.id)
		if err != nil {
			t.Fatal(err)
		}
		before[name] = stored{aid, digest, old}
		a, err := s.Article(ctx, c.id)
		if err != nil {
			t.Fatal(err)
		}
		r := testResult(a.Text, c.hits, c.quotes, "lex-2")
		r.Title, r.Published = a.Title, a.Published
		results[c.id] = r
	}
	if err := s.SaveAnalyses(ctx, results); err != nil {
		t.Fatalf("SaveAnalyses: %v", err)
	}

	for name, c := range cases {
		aid, digest := restampAnalysis(t, s, c.id)
		if kept := aid == before[name].analysis; kept != c.kept {
			t.Errorf("%s: analysis %d after rescoring, was %d: kept %v, want %v", name, aid, before[name].analysis, kept, c.kept)
		}
		got, err := s.ArticleResult(ctx, c.id)
		if err != nil {
			t.Fatal(err)
		}
		want := results[c.id]
		if !reflect.DeepEqual(digest, store.ResultDigest(want)) {
			t.Errorf("%s: stored digest %x, want the new result's", name, digest)
		}
		if got.Versions.Lexicon != "lex-2" {
			t.Errorf("%s: versions = %+v, want lexicon lex-2", name, got.Versions)
		}
		// Read back, the rescored article is the new result.
		for _, d := range []struct {
			what      string
			got, want any
		}{
			{"hits", got.Hits, want.Hits}, {"quotes", got.Quotes, want.Quotes}, {"sources", got.Sources, want.Sources},
			{"frames", got.Frames, want.Frames}, {"entries", got.Entries, want.Entries}, {"actors", got.Actors, want.Actors},
			{"sides", got.Sides, want.Sides}, {"balance", got.Balance, want.Balance}, {"words", got.Words, want.Words},
		} {
			if !reflect.DeepEqual(d.got, d.want) {
				t.Errorf("%s: %s read back\n got %+v\nwant %+v", name, d.what, d.got, d.want)
			}
		}
	}
	if v, err := s.CorpusVersion(ctx); err != nil || v == version {
		t.Errorf("corpus version = %d (%v) after rescoring, want it changed from %d", v, err, version)
	}
	compareCheckTotals(t, s)
	writepathCheckWords(t, s)
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestRescoreRewritesAnalysesWithoutDigest: analyses stored before digests
// existed are rewritten once, then carry one.
func TestRescoreRewritesAnalysesWithoutDigest(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	id := mustSave(t, s, testArticle(1, "Alpha", "2024-01-02"), 3, 2)
	mustSave(t, s, testArticle(2, "Beta", "2024-01-04"), 1, 1) // holds the highest analysis id
	oldID, digest := restampAnalysis(t, s, id)
	db, err := sql.Open("sqlite", "file:"+s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`UPDATE analyses SET result_digest = NULL`); err != nil {
		t.Fatal(err)
	}
	a, err := s.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	r := testResult(a.Text, 3, 2, "lex-1")
	r.Title, r.Published = a.Title, a.Published
	if err := s.SaveAnalyses(ctx, map[int64]*analysis.Result{id: r}); err != nil {
		t.Fatalf("SaveAnalyses: %v", err)
	}
	newID, newDigest := restampAnalysis(t, s, id)
	if newID == oldID {
		t.Errorf("analysis without a digest kept (id %d), want it rewritten", newID)
	}
	if !reflect.DeepEqual(newDigest, digest) {
		t.Errorf("digest after the rewrite = %x, want %x", newDigest, digest)
	}
	compareCheckTotals(t, s)
}
