package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/store"
)

func TestDeleteArticlesCascades(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	keep := mustSave(t, s, testArticle(1, "A", "2024-01-01"), 30, 10)
	gone := mustSave(t, s, testArticle(2, "A", "2024-01-02"), 30, 10)
	if err := s.MarkFalsePositive(ctx, gone, 3, 8, "pat1"); err != nil {
		t.Fatal(err)
	}
	n, err := s.DeleteArticles(ctx, []int64{gone, gone + 1000})
	if err != nil {
		t.Fatalf("DeleteArticles: %v", err)
	}
	if n != 1 {
		t.Errorf("deleted = %d, want 1", n)
	}
	if _, err := s.Article(ctx, gone); analysis.ErrorCode(err) != analysis.ENOTFOUND {
		t.Errorf("Article(deleted) err = %v, want ENOTFOUND", err)
	}
	hits, _ := s.Hits(ctx, store.HitFilter{ArticleIDs: []int64{gone}})
	quotes, _ := s.Quotes(ctx, store.ArticleFilter{})
	fps, _ := s.FalsePositives(ctx, gone)
	if len(hits) != 0 || len(fps) != 0 || len(quotes) != 10 {
		t.Errorf("after delete: %d hits, %d false positives of the deleted article, %d quotes in all; want 0, 0, 10",
			len(hits), len(fps), len(quotes))
	}
	found, err := s.Search(ctx, fmt.Sprintf("\"Report number %d\"", 2), 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range found {
		if r.ID == gone {
			t.Errorf("search still finds the deleted article")
		}
	}
	st, _ := s.Stats(ctx)
	if st.Articles != 1 || st.Hits != 30 || st.Quotes != 10 {
		t.Errorf("stats = %+v, want 1 article, 30 hits, 10 quotes", st)
	}
	if _, err := s.ArticleResult(ctx, keep); err != nil {
		t.Errorf("kept article lost its result: %v", err)
	}
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Errorf("IntegrityCheck: %v", err)
	}
	// No orphan score rows remain: count them straight from the file.
	db, err := sql.Open("sqlite", s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, table := range []string{"hits", "quotes", "sources", "frame_scores", "side_scores", "entry_scores", "actor_scores", "article_scores"} {
		var orphans int
		if err := db.QueryRow(`SELECT COUNT(*) FROM ` + table + ` WHERE analysis_id NOT IN (SELECT id FROM analyses)`).Scan(&orphans); err != nil {
			t.Fatal(err)
		}
		if orphans != 0 {
			t.Errorf("%s: %d orphan rows", table, orphans)
		}
	}
}

func TestConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	const writers, each = 8, 50
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				a := testArticle(w*1000+i, fmt.Sprintf("Outlet %d", i%3), "2024-04-01")
				if _, _, err := s.SaveArticle(ctx, a, testResult(a.Text, 30, 10, "lex-1")); err != nil {
					errs <- err
				}
			}
		}(w)
	}
	// Readers run alongside.
	for r := 0; r < 2; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				if _, _, err := s.Articles(ctx, store.ArticleFilter{Frame: "terrorism"}); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent use: %v", err)
		if strings.Contains(err.Error(), "locked") {
			t.Fatalf("database is locked under concurrent writers")
		}
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != writers*each || st.Outlets != 3 || st.Hits != writers*each*30 {
		t.Errorf("stats = %+v, want %d articles, 3 outlets, %d hits", st, writers*each, writers*each*30)
	}
}

func TestSaveAnalysesSwapsAtomically(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	var ids []int64
	for i := 0; i < 4; i++ {
		ids = append(ids, mustSave(t, s, testArticle(i, "A", "2024-01-01"), 3, 1))
	}
	// Version "lex-1" results have 3 hits an article, "lex-2" 5.
	hitsOf := map[string]int{"lex-1": 3, "lex-2": 5}
	results := func(v string) map[int64]*analysis.Result {
		m := map[int64]*analysis.Result{}
		for _, id := range ids {
			a, _ := s.Article(ctx, id)
			m[id] = testResult(a.Text, hitsOf[v], 1, v)
		}
		return m
	}
	next := map[string]map[int64]*analysis.Result{"lex-1": results("lex-1"), "lex-2": results("lex-2")}
	done := make(chan struct{})
	var wg sync.WaitGroup
	var readErrs []string
	var mu sync.Mutex
	fail := func(format string, args ...any) {
		mu.Lock()
		readErrs = append(readErrs, fmt.Sprintf(format, args...))
		mu.Unlock()
	}
	for r := 0; r < 2; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-done:
					return
				default:
				}
				res, err := s.ArticleResult(ctx, ids[0])
				if err != nil {
					fail("ArticleResult: %v", err)
					continue
				}
				if want, ok := hitsOf[res.Versions.Lexicon]; !ok || len(res.Hits) != want {
					fail("result of %s has %d hits, want %d", res.Versions.Lexicon, len(res.Hits), want)
				}
				// One query over all articles: every article old or every one new.
				hits, err := s.Hits(ctx, store.HitFilter{})
				if err != nil {
					fail("Hits: %v", err)
				} else if n := len(hits); n != 3*len(ids) && n != 5*len(ids) {
					fail("all hits = %d, want %d or %d", n, 3*len(ids), 5*len(ids))
				}
				if st, err := s.Stats(ctx); err != nil || (st.Hits != 3*len(ids) && st.Hits != 5*len(ids)) {
					fail("stats hits = %d (%v)", st.Hits, err)
				}
			}
		}()
	}
	for i := 0; i < 30; i++ {
		v := []string{"lex-2", "lex-1"}[i%2]
		if err := s.SaveAnalyses(ctx, next[v]); err != nil {
			t.Fatalf("SaveAnalyses(%s): %v", v, err)
		}
	}
	close(done)
	wg.Wait()
	for _, e := range readErrs[:min(len(readErrs), 10)] {
		t.Error(e)
	}
	// The last swap (i = 29) wrote lex-1.
	for _, id := range ids {
		res, err := s.ArticleResult(ctx, id)
		if err != nil || res.Versions.Lexicon != "lex-1" || len(res.Hits) != 3 {
			t.Errorf("article %d after swaps: %v hits of %q (%v), want 3 of lex-1", id, len(res.Hits), res.Versions.Lexicon, err)
		}
	}
	t.Run("UnknownArticleWritesNothing", func(t *testing.T) {
		m := results("lex-2")
		m[ids[len(ids)-1]+99] = testResult(testText(99, 50), 1, 0, "lex-2")
		err := s.SaveAnalyses(ctx, m)
		if analysis.ErrorCode(err) != analysis.ENOTFOUND {
			t.Fatalf("SaveAnalyses with an unknown id: err = %v, want ENOTFOUND", err)
		}
		res, _ := s.ArticleResult(ctx, ids[0])
		if res.Versions.Lexicon != "lex-1" {
			t.Errorf("lexicon after failed swap = %q, want lex-1", res.Versions.Lexicon)
		}
	})
}

func TestSaveArticlesBatch(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	existing := mustSave(t, s, testArticle(50, "A", "2024-01-01"), 2, 1)
	batch := benchArticles(6, 0)
	batch[2].Result.Hits[0].Voice = "whispered"                    // breaks a CHECK: rolls back alone
	batch[3].Article.Text = " \n "                                 // no text
	batch[4].Article = testArticle(50, "B", "2024-01-01")          // duplicate of a stored article
	batch[5].Article.Text = strings.ToUpper(batch[0].Article.Text) // duplicate of an earlier one
	out, err := s.SaveArticles(ctx, batch)
	if err != nil {
		t.Fatalf("SaveArticles: %v", err)
	}
	if out[0].Err != nil || out[1].Err != nil || out[0].ID == 0 || out[1].ID == 0 || out[0].Duplicate {
		t.Errorf("good articles: %+v %+v, want stored", out[0], out[1])
	}
	if analysis.ErrorCode(out[2].Err) != analysis.EINVALID || out[2].ID != 0 {
		t.Errorf("bad voice: %+v, want EINVALID and no id", out[2])
	}
	if analysis.ErrorCode(out[3].Err) != analysis.EINVALID {
		t.Errorf("no text: %+v, want EINVALID", out[3])
	}
	if !out[4].Duplicate || out[4].ID != existing {
		t.Errorf("duplicate of stored: %+v, want duplicate of %d", out[4], existing)
	}
	if !out[5].Duplicate || out[5].ID != out[0].ID {
		t.Errorf("duplicate within batch: %+v, want duplicate of %d", out[5], out[0].ID)
	}
	st, _ := s.Stats(ctx)
	if st.Articles != 3 || st.Hits != 2+60 {
		t.Errorf("stats = %+v, want 3 articles and 62 hits", st)
	}
	found, err := s.Search(ctx, fmt.Sprintf(`"Report number %d"`, 1), 10)
	if err != nil || len(found) == 0 {
		t.Errorf("batch article not in the full-text index: %v %v", found, err)
	}
	found, _ = s.Search(ctx, `"Report number 2 from"`, 10)
	if len(found) != 0 {
		t.Errorf("rolled-back article is in the full-text index: %+v", found)
	}
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Errorf("IntegrityCheck: %v", err)
	}
}

func TestFalsePositivesAndPrecision(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	a := testArticle(1, "A", "2024-01-01")
	r := testResult(a.Text, 4, 0, "lex-1")
	for i := range r.Hits {
		r.Hits[i].Pattern = []string{"rebel", "rebel", "rebel", "regime"}[i]
		r.Hits[i].Start, r.Hits[i].End = i*10, i*10+5
	}
	id, _, err := s.SaveArticle(ctx, a, r)
	if err != nil {
		t.Fatal(err)
	}
	for _, sp := range []analysis.Span{{Start: 10, End: 15}, {Start: 0, End: 5}, {Start: 10, End: 15}} {
		if err := s.MarkFalsePositive(ctx, id, sp.Start, sp.End, "rebel"); err != nil {
			t.Fatalf("MarkFalsePositive(%v): %v", sp, err)
		}
	}
	got, err := s.FalsePositives(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if want := []analysis.Span{{Start: 0, End: 5}, {Start: 10, End: 15}}; !reflect.DeepEqual(got, want) {
		t.Errorf("FalsePositives = %v, want %v", got, want)
	}
	wantPrecision := []store.PrecisionRow{
		{Pattern: "rebel", Hits: 1, FalsePositives: 2, Precision: 1.0 / 3},
		{Pattern: "regime", Hits: 1, FalsePositives: 0, Precision: 1},
	}
	check := func(stage string) {
		t.Helper()
		p, err := s.Precision(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(p, wantPrecision) {
			t.Errorf("%s: Precision = %+v, want %+v", stage, p, wantPrecision)
		}
	}
	check("before re-analysis")
	// The caller re-analyses without the marked hits: precision is unchanged.
	r2 := testResult(a.Text, 0, 0, "lex-1")
	r2.Hits = []analysis.Hit{r.Hits[2], r.Hits[3]}
	if err := s.SaveAnalyses(ctx, map[int64]*analysis.Result{id: r2}); err != nil {
		t.Fatal(err)
	}
	check("after re-analysis")
	tests := []struct {
		name       string
		id         int64
		start, end int
		code       string
	}{
		{"MissingArticle", id + 5, 0, 5, analysis.ENOTFOUND},
		{"EmptySpan", id, 5, 5, analysis.EINVALID},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := s.MarkFalsePositive(ctx, tc.id, tc.start, tc.end, "rebel")
			if code := analysis.ErrorCode(err); code != tc.code {
				t.Errorf("code = %q (%v), want %q", code, err, tc.code)
			}
		})
	}
	if err := s.UnmarkFalsePositive(ctx, id, 0, 5); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.FalsePositives(ctx, id); len(got) != 1 {
		t.Errorf("after unmark: %v, want one span", got)
	}
}

func TestBackup(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	for i := 0; i < 20; i++ {
		mustSave(t, s, testArticle(i, "A", "2024-01-01"), 30, 10)
	}
	path := filepath.Join(t.TempDir(), "backups", "copy.db")
	if err := s.Backup(ctx, path); err != nil {
		t.Fatalf("Backup: %v", err)
	}
	if err := s.Backup(ctx, path); analysis.ErrorCode(err) != analysis.ECONFLICT {
		t.Errorf("Backup over an existing file: err = %v, want ECONFLICT", err)
	}
	b, err := store.Open(ctx, path)
	if err != nil {
		t.Fatalf("open backup: %v", err)
	}
	defer b.Close()
	if err := b.IntegrityCheck(ctx); err != nil {
		t.Errorf("backup IntegrityCheck: %v", err)
	}
	st, err := b.Stats(ctx)
	if err != nil || st.Articles != 20 || st.Hits != 600 {
		t.Errorf("backup stats = %+v (%v), want 20 articles, 600 hits", st, err)
	}
	if found, err := b.Search(ctx, `"Report number 7"`, 5); err != nil || len(found) != 1 {
		t.Errorf("backup search = %v (%v), want one article", found, err)
	}
}

func TestOutlets(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	if err := s.AddOutletAlias(ctx, "Fox News", "Fox Online News"); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s, testArticle(1, "  fox   online NEWS ", ""), 1, 0)
	mustSave(t, s, testArticle(2, "Fox News", ""), 1, 0)
	mustSave(t, s, testArticle(3, "Foxnews.com", ""), 1, 0)
	mustSave(t, s, testArticle(4, "BBC", ""), 1, 0)
	names := func() map[string]store.OutletRow {
		t.Helper()
		rows, err := s.Outlets(ctx)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]store.OutletRow{}
		for _, r := range rows {
			r.ID, r.Words = 0, 0
			m[r.Name] = r
		}
		return m
	}
	want := map[string]store.OutletRow{
		"Fox News":    {Name: "Fox News", Aliases: []string{"Fox Online News"}, Articles: 2},
		"Foxnews.com": {Name: "Foxnews.com", Articles: 1},
		"BBC":         {Name: "BBC", Articles: 1},
	}
	if got := names(); !reflect.DeepEqual(got, want) {
		t.Errorf("outlets = %+v\nwant %+v", got, want)
	}
	t.Run("AliasOfAnotherOutletConflicts", func(t *testing.T) {
		err := s.AddOutletAlias(ctx, "Fox News", "foxnews.com")
		if analysis.ErrorCode(err) != analysis.ECONFLICT {
			t.Errorf("err = %v, want ECONFLICT", err)
		}
		if err := s.AddOutletAlias(ctx, "fox news", "FOX ONLINE NEWS"); err != nil {
			t.Errorf("re-adding an alias: %v, want no error", err)
		}
	})
	t.Run("Merge", func(t *testing.T) {
		if err := s.MergeOutlets(ctx, "Foxnews.com", "Fox Online News"); err != nil {
			t.Fatal(err)
		}
		want := map[string]store.OutletRow{
			"Fox News": {Name: "Fox News", Aliases: []string{"Fox Online News", "Foxnews.com"}, Articles: 3},
			"BBC":      {Name: "BBC", Articles: 1},
		}
		if got := names(); !reflect.DeepEqual(got, want) {
			t.Errorf("after merge: %+v\nwant %+v", got, want)
		}
		rows, _, err := s.Articles(ctx, store.ArticleFilter{Outlets: []string{"foxnews.com"}})
		if err != nil || len(rows) != 3 {
			t.Errorf("articles of merged outlet by old name: %d (%v), want 3", len(rows), err)
		}
		hits, err := s.Hits(ctx, store.HitFilter{Outlets: []string{"Fox News"}})
		if err != nil || len(hits) != 3 {
			t.Errorf("hits of merged outlet: %d (%v), want 3", len(hits), err)
		}
	})
	t.Run("Rename", func(t *testing.T) {
		if err := s.RenameOutlet(ctx, "BBC", "BBC News"); err != nil {
			t.Fatal(err)
		}
		if err := s.RenameOutlet(ctx, "BBC News", "Fox News"); analysis.ErrorCode(err) != analysis.ECONFLICT {
			t.Errorf("rename onto another outlet: %v, want ECONFLICT", err)
		}
		if err := s.RenameOutlet(ctx, "Nobody", "X"); analysis.ErrorCode(err) != analysis.ENOTFOUND {
			t.Errorf("rename of a missing outlet: %v, want ENOTFOUND", err)
		}
		mustSave(t, s, testArticle(5, "bbc", ""), 1, 0)
		got := names()["BBC News"]
		if want := (store.OutletRow{Name: "BBC News", Aliases: []string{"BBC"}, Articles: 2}); !reflect.DeepEqual(got, want) {
			t.Errorf("renamed outlet = %+v, want %+v", got, want)
		}
	})
}

func TestLexiconsAndRegistries(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	v1 := &analysis.Lexicon{Name: "core", Version: "v1",
		Frames:  []analysis.Frame{{Name: "terrorism", Description: "Violence as terror."}},
		Entries: []analysis.Entry{{Pattern: "terrorist*", Frame: "terrorism", Actor: "opposition", Valence: -2, Note: "n"}, {Pattern: "!rebel yell"}}}
	v2 := &analysis.Lexicon{Name: "core", Version: "v2", Entries: []analysis.Entry{{Pattern: "rebel", Frame: "insurgency", Actor: "opposition", Valence: -1}}}
	for _, l := range []*analysis.Lexicon{v1, v1, v2} {
		if err := s.SaveLexicon(ctx, l); err != nil {
			t.Fatalf("SaveLexicon(%s): %v", l.Version, err)
		}
	}
	got, err := s.Lexicon(ctx, "core")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, v2) {
		t.Errorf("latest lexicon = %+v, want %+v", got, v2)
	}
	if got, err := s.LexiconVersion(ctx, "core", "v1"); err != nil || !reflect.DeepEqual(got, v1) {
		t.Errorf("lexicon v1 = %+v (%v), want %+v", got, err, v1)
	}
	// Saving v1 again makes it the latest.
	if err := s.SaveLexicon(ctx, v1); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Lexicon(ctx, "core"); got.Version != "v1" {
		t.Errorf("latest after re-saving v1 = %s, want v1", got.Version)
	}
	vs, err := s.LexiconVersions(ctx, "core")
	if err != nil || len(vs) != 2 || vs[0].Version != "v1" || !vs[0].Latest || vs[1].Latest {
		t.Errorf("versions = %+v (%v), want v1 (latest) then v2", vs, err)
	}
	if _, err := s.Lexicon(ctx, "nope"); analysis.ErrorCode(err) != analysis.ENOTFOUND {
		t.Errorf("missing lexicon: %v, want ENOTFOUND", err)
	}
	if err := s.SaveLexicon(ctx, &analysis.Lexicon{Name: "x"}); analysis.ErrorCode(err) != analysis.EINVALID {
		t.Errorf("lexicon without version: %v, want EINVALID", err)
	}
	reg := &analysis.Registry{Name: "syria", Version: "r1", Entries: []analysis.RegistryEntry{
		{Name: "Sergey Lavrov", Aliases: []string{"Lavrov", "the Russian foreign minister"}, Side: "government", Role: "minister"},
		{Name: "SOHR", Side: "opposition"},
	}}
	if err := s.SaveRegistry(ctx, reg); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Registry(ctx, "syria"); err != nil || !reflect.DeepEqual(got, reg) {
		t.Errorf("registry = %+v (%v), want %+v", got, err, reg)
	}
	if names, _ := s.LexiconNames(ctx); !reflect.DeepEqual(names, []string{"core"}) {
		t.Errorf("LexiconNames = %v", names)
	}
	if names, _ := s.RegistryNames(ctx); !reflect.DeepEqual(names, []string{"syria"}) {
		t.Errorf("RegistryNames = %v", names)
	}
	if v, err := s.Active(ctx, store.ActiveLexicon); err != nil || v != "" {
		t.Errorf("unset Active = %q (%v), want empty", v, err)
	}
	for _, v := range []string{"core", "other"} {
		if err := s.SetActive(ctx, store.ActiveLexicon, v); err != nil {
			t.Fatal(err)
		}
		if got, err := s.Active(ctx, store.ActiveLexicon); err != nil || got != v {
			t.Errorf("Active = %q (%v), want %q", got, err, v)
		}
	}
}

func TestArticleTextsBatches(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	var want []int64
	for i := 0; i < 7; i++ {
		want = append(want, mustSave(t, s, testArticle(i, "", ""), 1, 0))
	}
	var got []int64
	after := int64(0)
	for {
		batch, err := s.ArticleTexts(ctx, after, 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(batch) == 0 {
			break
		}
		if len(batch) > 3 {
			t.Fatalf("batch of %d, want at most 3", len(batch))
		}
		for _, a := range batch {
			if a.Text == "" {
				t.Errorf("article %d has no text", a.ID)
			}
			got = append(got, a.ID)
		}
		after = batch[len(batch)-1].ID
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ids by batches = %v, want %v", got, want)
	}
	ids, err := s.ArticleIDs(ctx)
	if err != nil || !reflect.DeepEqual(ids, want) {
		t.Errorf("ArticleIDs = %v (%v), want %v", ids, err, want)
	}
}
