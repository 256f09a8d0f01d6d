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

// TestRescoreRestampsUnchangedAnalyses saves new versions of results: one
// the same as stored, which keeps its analysis and rows and only takes the
// new versions, and one with a hit more, which replaces its analysis.
func TestRescoreRestampsUnchangedAnalyses(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	same := mustSave(t, s, testArticle(1, "Alpha", "2024-01-02"), 3, 2)
	changed := mustSave(t, s, testArticle(2, "Alpha", "2024-01-03"), 3, 2)
	// An article saved last and not rescored holds the highest analysis
	// id, so that an analysis deleted and inserted again gets a new one.
	mustSave(t, s, testArticle(3, "Beta", "2024-01-04"), 1, 1)
	sameID, sameDigest := restampAnalysis(t, s, same)
	changedID, _ := restampAnalysis(t, s, changed)
	if len(sameDigest) != 16 {
		t.Fatalf("digest stored on insert = %x, want 16 bytes", sameDigest)
	}
	before, err := s.ArticleResult(ctx, same)
	if err != nil {
		t.Fatal(err)
	}
	version, err := s.CorpusVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}

	results := map[int64]*analysis.Result{}
	for id, hits := range map[int64]int{same: 3, changed: 4} {
		a, err := s.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		r := testResult(a.Text, hits, 2, "lex-2")
		r.Title, r.Published = a.Title, a.Published
		results[id] = r
	}
	if err := s.SaveAnalyses(ctx, results); err != nil {
		t.Fatalf("SaveAnalyses: %v", err)
	}

	id, digest := restampAnalysis(t, s, same)
	if id != sameID || !reflect.DeepEqual(digest, sameDigest) {
		t.Errorf("unchanged result: analysis %d digest %x, want %d %x kept", id, digest, sameID, sameDigest)
	}
	after, err := s.ArticleResult(ctx, same)
	if err != nil {
		t.Fatal(err)
	}
	if after.Versions.Lexicon != "lex-2" {
		t.Errorf("versions of the kept analysis = %+v, want lexicon lex-2", after.Versions)
	}
	before.Versions = after.Versions
	if !reflect.DeepEqual(after, before) {
		t.Errorf("rows of the kept analysis changed:\n got %+v\nwant %+v", after, before)
	}
	if id, _ := restampAnalysis(t, s, changed); id == changedID {
		t.Errorf("changed result kept analysis %d, want a new one", id)
	}
	if r, err := s.ArticleResult(ctx, changed); err != nil || len(r.Hits) != 4 || r.Versions.Lexicon != "lex-2" {
		t.Errorf("changed result read back: %d hits, versions %+v (%v); want 4 hits of lex-2", len(r.Hits), r.Versions, err)
	}
	if v, err := s.CorpusVersion(ctx); err != nil || v == version {
		t.Errorf("corpus version = %d (%v) after re-stamping, want it changed from %d", v, err, version)
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
