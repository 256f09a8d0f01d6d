package store_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"reflect"
	"strings"
	"testing"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/store"
)

// writepathBatch builds n articles over three outlets, starting at seed.
func writepathBatch(seed, n int) []store.ArticleWithResult {
	out := make([]store.ArticleWithResult, n)
	for i := range out {
		a := testArticle(seed+i, []string{"Alpha", "Beta", "Gamma"}[(seed+i)%3], "2024-03-0"+string(rune('1'+i%9)))
		out[i] = store.ArticleWithResult{Article: a, Result: testResult(a.Text, 3+i%5, i%4, "lex-1")}
	}
	return out
}

// writepathSaveAll stores batch with SaveArticles and returns the outcomes.
func writepathSaveAll(t *testing.T, s *store.Store, batch []store.ArticleWithResult) []store.SaveOutcome {
	t.Helper()
	out, err := s.SaveArticles(context.Background(), batch)
	if err != nil {
		t.Fatalf("SaveArticles: %v", err)
	}
	return out
}

// writepathCheckWords fails when the word counts the store kept differ from
// a recount of the stored texts.
func writepathCheckWords(t *testing.T, s *store.Store) {
	t.Helper()
	kept := compareWordSnapshot(t, s)
	if err := s.RebuildOutletWords(context.Background()); err != nil {
		t.Fatalf("RebuildOutletWords: %v", err)
	}
	recounted := compareWordSnapshot(t, s)
	if !reflect.DeepEqual(kept, recounted) {
		t.Errorf("word counts kept on write differ from a recount:\n got %v\nwant %v", kept, recounted)
	}
	if len(kept) == 0 {
		t.Errorf("no outlet has word counts")
	}
}

func TestBulkSaveKeepsTotalsAndWords(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	first := writepathSaveAll(t, s, writepathBatch(0, 9))

	t.Run("AfterBatches", func(t *testing.T) {
		bad := writepathBatch(100, 6)
		// A valence out of range breaks a CHECK: that article alone is
		// rolled back, with its share of the totals and word counts.
		bad[2].Result.Hits[0].Valence = 7
		out := writepathSaveAll(t, s, bad)
		if out[2].Err == nil || analysis.ErrorCode(out[2].Err) != analysis.EINVALID {
			t.Fatalf("outcome of the bad article = %+v, want EINVALID", out[2])
		}
		for i, o := range out {
			if i != 2 && (o.Err != nil || o.ID == 0) {
				t.Errorf("outcome %d = %+v, want stored", i, o)
			}
		}
		compareCheckTotals(t, s)
		writepathCheckWords(t, s)
	})

	t.Run("AfterDelete", func(t *testing.T) {
		writepathSaveAll(t, s, writepathBatch(200, 6))
		if _, err := s.DeleteArticles(ctx, []int64{first[0].ID, first[4].ID}); err != nil {
			t.Fatalf("DeleteArticles: %v", err)
		}
		compareCheckTotals(t, s)
		writepathCheckWords(t, s)
	})

	t.Run("AfterMerge", func(t *testing.T) {
		writepathSaveAll(t, s, writepathBatch(300, 6))
		if err := s.MergeOutlets(ctx, "Gamma", "Beta"); err != nil {
			t.Fatalf("MergeOutlets: %v", err)
		}
		compareCheckTotals(t, s)
		writepathCheckWords(t, s)
	})

	t.Run("AfterRescore", func(t *testing.T) {
		a, err := s.Article(ctx, first[1].ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SaveAnalyses(ctx, map[int64]*analysis.Result{first[1].ID: testResult(a.Text, 9, 3, "lex-2")}); err != nil {
			t.Fatalf("SaveAnalyses: %v", err)
		}
		compareCheckTotals(t, s)
	})
}

// TestBatchWordsEveryPath checks the word counts of a bulk save on each of
// its paths: counts added up before the transaction (every article with an
// outlet stored), counts added up by the writer (a duplicate, a failing
// article, two names of one outlet), and articles prepared by the caller,
// once while still valid and once after their text changed.
func TestBatchWordsEveryPath(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	prepared := func(batch []store.ArticleWithResult) []store.ArticleWithResult {
		for i := range batch {
			batch[i].Prepared = store.PrepareArticle(batch[i].Article)
		}
		return batch
	}

	t.Run("AllStored", func(t *testing.T) {
		writepathSaveAll(t, s, prepared(writepathBatch(0, 9)))
		writepathCheckWords(t, s)
	})
	t.Run("Duplicate", func(t *testing.T) {
		batch := writepathBatch(20, 5)
		batch = append(batch, writepathBatch(0, 1)...)
		out := writepathSaveAll(t, s, batch)
		if !out[5].Duplicate {
			t.Fatalf("outcome of the copy = %+v, want a duplicate", out[5])
		}
		writepathCheckWords(t, s)
	})
	t.Run("Failing", func(t *testing.T) {
		batch := prepared(writepathBatch(40, 5))
		batch[1].Result.Hits[0].Valence = 7
		out := writepathSaveAll(t, s, batch)
		if out[1].Err == nil {
			t.Fatalf("outcome of the bad article = %+v, want an error", out[1])
		}
		writepathCheckWords(t, s)
	})
	t.Run("StalePrepared", func(t *testing.T) {
		batch := prepared(writepathBatch(60, 5))
		// Changed after preparing: the store must count the new text.
		batch[0].Article.Text += " zeppelinwords zeppelinwords"
		batch[1].Article.Outlet = "Delta"
		writepathSaveAll(t, s, batch)
		writepathCheckWords(t, s)
		counts, _, err := s.OutletWords(ctx, []int64{writepathOutletID(t, s, batch[0].Article.Outlet)})
		if err != nil {
			t.Fatal(err)
		}
		if counts[0]["zeppelinwords"] != 2 {
			t.Errorf("count of a word added after preparing = %d, want 2", counts[0]["zeppelinwords"])
		}
	})
	t.Run("Alias", func(t *testing.T) {
		if err := s.MergeOutlets(ctx, "Gamma", "Beta"); err != nil {
			t.Fatalf("MergeOutlets: %v", err)
		}
		// "Gamma" now names Beta: two outlet names of the batch, one outlet.
		writepathSaveAll(t, s, prepared(writepathBatch(80, 6)))
		writepathCheckWords(t, s)
	})
}

// TestBatchNewOutletAfterFailure saves a batch whose first article, the
// first of a new outlet, fails: the outlet it created is rolled back with
// it, and the next article of that outlet must create it again, not reuse
// the id the writer had resolved.
func TestBatchNewOutletAfterFailure(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	batch := writepathBatch(0, 4)
	for i := range batch {
		batch[i].Article.Outlet = "Brand New"
	}
	batch[0].Result.Hits[0].Valence = 7
	out := writepathSaveAll(t, s, batch)
	if out[0].Err == nil {
		t.Fatalf("outcome of the bad article = %+v, want an error", out[0])
	}
	for i, o := range out[1:] {
		if o.Err != nil || o.ID == 0 {
			t.Errorf("outcome %d = %+v, want stored", i+1, o)
		}
	}
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Fatalf("IntegrityCheck: %v", err)
	}
	a, err := s.Article(ctx, out[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	if a.Outlet != "Brand New" {
		t.Errorf("outlet of a stored article = %q, want %q", a.Outlet, "Brand New")
	}
	writepathCheckWords(t, s)
}

// readOnlyDB opens the store's file read-only, beside the store, for a test
// to look at what the store's API does not show; it is closed at the end
// of the test.
func readOnlyDB(t *testing.T, s *store.Store) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+s.Path()+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// writepathOutletID returns the id of the outlet named name.
func writepathOutletID(t *testing.T, s *store.Store, name string) int64 {
	t.Helper()
	db := readOnlyDB(t, s)
	var id int64
	if err := db.QueryRow(`SELECT id FROM outlets WHERE name = ?`, name).Scan(&id); err != nil {
		t.Fatalf("outlet %q: %v", name, err)
	}
	return id
}

func TestQuoteTextReadFromArticle(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	a := testArticle(1, "Alpha", "2024-01-02")
	r := testResult(a.Text, 4, 3, "lex-1")
	// A quote whose text is not its span keeps its own text.
	r.Quotes[1].Text = "words of another text"
	id, _, err := s.SaveArticle(ctx, a, r)
	if err != nil {
		t.Fatalf("SaveArticle: %v", err)
	}
	want := make([]string, len(r.Quotes))
	for i, q := range r.Quotes {
		want[i] = q.Text
	}

	t.Run("ArticleResult", func(t *testing.T) {
		got, err := s.ArticleResult(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Quotes, r.Quotes) {
			t.Errorf("quotes = %+v, want %+v", got.Quotes, r.Quotes)
		}
	})
	t.Run("Quotes", func(t *testing.T) {
		rows, err := s.Quotes(ctx, store.ArticleFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, q := range rows {
			got = append(got, q.Text)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("quote texts = %q, want %q", got, want)
		}
	})
	t.Run("ExportQuotes", func(t *testing.T) {
		var got []string
		err := s.EachExportQuote(ctx, store.ArticleFilter{}, func(q store.ExportQuote) error {
			got = append(got, q.Text)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("exported quote texts = %q, want %q", got, want)
		}
	})
	t.Run("StoredOnlyWhenDifferent", func(t *testing.T) {
		db, err := sql.Open("sqlite", "file:"+s.Path()+"?mode=ro")
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var stored []string
		rows, err := db.Query(`SELECT text FROM quotes ORDER BY seq`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			stored = append(stored, s)
		}
		wantStored := []string{"", "words of another text", ""}
		if !reflect.DeepEqual(stored, wantStored) {
			t.Errorf("stored quote texts = %q, want %q", stored, wantStored)
		}
	})
}

// writepathReferenceHash is ContentHash as first written: the definition
// stored hashes must keep matching.
func writepathReferenceHash(text string) string {
	sum := sha256.Sum256([]byte(strings.Join(strings.Fields(strings.ToLower(text)), " ")))
	return hex.EncodeToString(sum[:])
}

func TestContentHashMatchesDefinition(t *testing.T) {
	long := strings.Repeat("Word ÉCOLE\t", 1200)
	for _, tc := range []struct{ name, text string }{
		{"Empty", ""},
		{"OnlySpace", " \t\n "},
		{"ASCII", "  Rebels SEIZED the town.\n\nThey said so. "},
		{"UpperNonASCII", "ΣΟΦΊΑ Äpfel İstanbul"},
		{"UnicodeSpaces", "a\u00a0b\u0085c\u2003d\u3000e"},
		{"InvalidUTF8", "ab\xffcd \xc3 ef\xe2\x82"},
		{"ReplacementChar", "x\uFFFDy"},
		{"LongerThanBuffer", long},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got, want := store.ContentHash(tc.text), writepathReferenceHash(tc.text); got != want {
				t.Errorf("ContentHash(%q) = %s, want %s", tc.text, got, want)
			}
		})
	}
}
