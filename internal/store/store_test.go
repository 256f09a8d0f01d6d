package store_test

import (
	"context"
	"database/sql"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/store"
	_ "modernc.org/sqlite"
)

func TestMigrationsAppliedOnce(t *testing.T) {
	ctx := context.Background()
	// Spaces, '#', '?' and '%' must not be read as URI syntax.
	path := filepath.Join(t.TempDir(), "nested dir", "lens #1?%20.db")
	for i := 0; i < 3; i++ {
		s, err := store.Open(ctx, path)
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		got, err := s.Migrations(ctx)
		if err != nil {
			t.Fatalf("Migrations: %v", err)
		}
		if want := []string{"0001_init", "0002_outlet_totals", "0003_write_path", "0004_fts_automerge",
			"0005_fts_hashsize", "0006_raw_hash", "0007_outlet_word_runs", "0008_fts_merge_in_background", "0009_append_indexes", "0010_result_digest"}; !reflect.DeepEqual(got, want) {
			t.Errorf("open %d: migrations = %v, want %v", i, got, want)
		}
		if i == 0 {
			mustSave(t, s, testArticle(1, "Outlet", "2024-01-02"), 3, 1)
		}
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatalf("Stats: %v", err)
		}
		if st.Articles != 1 {
			t.Errorf("open %d: articles = %d, want 1 (reopening must keep data)", i, st.Articles)
		}
		if err := s.Close(); err != nil {
			t.Fatalf("Close: %v", err)
		}
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database file not at the path given: %v", err)
	}
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT COUNT(*) FROM migrations`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 10 {
		t.Errorf("migrations rows = %d, want 10", n)
	}
	// 0005 and 0008 set the full-text index's memory allowance and merge
	// rules, kept in its config.
	for k, want := range map[string]int{"automerge": 0, "usermerge": 16, "crisismerge": 1000, "hashsize": 16 << 20} {
		var v int
		if err := db.QueryRow(`SELECT v FROM articles_fts_config WHERE k = ?`, k).Scan(&v); err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		if v != want {
			t.Errorf("%s = %d, want %d", k, v, want)
		}
	}
}

func TestSaveArticleIsAtomic(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	tests := []struct {
		name  string
		spoil func(r *analysis.Result)
	}{
		{"VoiceNotAllowed", func(r *analysis.Result) { r.Hits[len(r.Hits)-1].Voice = "shouted" }},
		{"QuoteKindNotAllowed", func(r *analysis.Result) { r.Quotes[len(r.Quotes)-1].Kind = "sung" }},
		{"ValenceOutOfRange", func(r *analysis.Result) { r.Hits[3].Valence = 7 }},
		{"HitEndBeforeStart", func(r *analysis.Result) { r.Hits[0].End = r.Hits[0].Start - 1 }},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := testArticle(100+i, "Brand New Outlet", "2024-03-01")
			r := testResult(a.Text, 30, 10, "lex-1")
			tc.spoil(r)
			_, _, err := s.SaveArticle(ctx, a, r)
			if code := analysis.ErrorCode(err); code != analysis.EINVALID {
				t.Fatalf("SaveArticle with a bad result: code = %q (%v), want %q", code, err, analysis.EINVALID)
			}
			st, err := s.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if st != (store.Stats{}) {
				t.Errorf("after failed save: stats = %+v, want all zero", st)
			}
			outlets, err := s.Outlets(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(outlets) != 0 {
				t.Errorf("after failed save: outlets = %+v, want none", outlets)
			}
			hits, err := s.Hits(ctx, store.HitFilter{})
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) != 0 {
				t.Errorf("after failed save: %d hits, want 0", len(hits))
			}
			found, err := s.Search(ctx, "Report number", 10)
			if err != nil {
				t.Fatal(err)
			}
			if len(found) != 0 {
				t.Errorf("after failed save: search finds %d articles, want 0", len(found))
			}
		})
	}
	// The same article with a sound result is stored whole.
	a := testArticle(100, "Brand New Outlet", "2024-03-01")
	id := mustSave(t, s, a, 30, 10)
	hits, err := s.Hits(ctx, store.HitFilter{ArticleIDs: []int64{id}})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 30 {
		t.Errorf("hits = %d, want 30", len(hits))
	}
}

func TestSaveArticleDuplicates(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	a := testArticle(1, "Outlet A", "2024-01-01")
	id := mustSave(t, s, a, 5, 2)
	// raw is a's input as received, which each case gives again or not.
	raw := string(a.Raw)
	tests := []struct {
		name      string
		raw, text string
		dup       bool
		wantID    int64
	}{
		{"SameText", "<div>" + a.Text + "</div>", a.Text, true, id},
		{"UpperCasedAndRewrapped", "other input", "  " + upperWrapped(a.Text) + "\n", true, id},
		// The same input, cleaned otherwise (by a later engine version).
		{"SameRawOtherText", raw, a.Text + " kept by an older cleaning", true, id},
		// The input must be the same bytes: re-wrapped, it is another
		// input, and its cleaned text decides.
		{"RawRewrapped", upperWrapped(raw) + "\n\n", a.Text + " cleaned again", false, 0},
		{"NoRawOtherText", "", a.Text + " without input", false, 0},
		{"OneWordMore", raw + " extra", a.Text + " extra", false, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := a
			b.Raw, b.Text = []byte(tc.raw), tc.text
			b.Title = "another title"
			got, dup, err := s.SaveArticle(ctx, b, testResult(b.Text, 2, 1, "lex-1"))
			if err != nil {
				t.Fatalf("SaveArticle: %v", err)
			}
			if dup != tc.dup {
				t.Errorf("duplicate = %v, want %v", dup, tc.dup)
			}
			if tc.dup && got != tc.wantID {
				t.Errorf("id = %d, want the first article's %d", got, tc.wantID)
			}
			if !tc.dup && got == id {
				t.Errorf("id = %d, want a new id", got)
			}
		})
	}
	if st, _ := s.Stats(ctx); st.Articles != 4 {
		t.Errorf("articles = %d, want 4", st.Articles)
	}
}

func upperWrapped(s string) string {
	out := []byte{}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z':
			c -= 'a' - 'A'
		case c == ' ':
			out = append(out, ' ', '\t')
			continue
		}
		out = append(out, c)
	}
	return string(out)
}

func TestContentHash(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		same bool
	}{
		{"CaseAndSpace", "Rebels  shelled\n\nthe city", "rebels shelled the city", true},
		{"LeadingTrailingSpace", "\t rebels ", "rebels", true},
		{"DifferentWords", "rebels shelled", "rebels shelled it", false},
		{"WordBoundary", "re bels", "rebels", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ha, hb := store.ContentHash(tc.a), store.ContentHash(tc.b)
			if (ha == hb) != tc.same {
				t.Errorf("ContentHash(%q) == ContentHash(%q) is %v, want %v", tc.a, tc.b, ha == hb, tc.same)
			}
			if len(ha) != 64 {
				t.Errorf("hash length = %d, want 64 hex digits", len(ha))
			}
		})
	}
}

func TestArticleResultRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	a := testArticle(7, "Outlet A", "2024-05-06T10:11:12Z")
	want := testResult(a.Text, 30, 10, "lex-9")
	want.Title, want.Published = a.Title, a.Published
	// Sides present in only one of the two maps must stay so.
	want.Sides["neutral"] = 0
	want.SidesWords["third"] = 0.25
	id, _, err := s.SaveArticle(ctx, a, want)
	if err != nil {
		t.Fatalf("SaveArticle: %v", err)
	}
	got, err := s.ArticleResult(ctx, id)
	if err != nil {
		t.Fatalf("ArticleResult: %v", err)
	}
	for _, f := range []struct {
		name      string
		got, want any
	}{
		{"Hits", got.Hits, want.Hits}, {"Quotes", got.Quotes, want.Quotes}, {"Sources", got.Sources, want.Sources},
		{"Frames", got.Frames, want.Frames}, {"Entries", got.Entries, want.Entries}, {"Actors", got.Actors, want.Actors},
		{"Sides", got.Sides, want.Sides}, {"SidesWords", got.SidesWords, want.SidesWords},
		{"Versions", got.Versions, want.Versions},
	} {
		if !reflect.DeepEqual(f.got, f.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", f.name, f.got, f.want)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("whole result differs:\n got %+v\nwant %+v", got, want)
	}
	art, err := s.Article(ctx, id)
	if err != nil {
		t.Fatalf("Article: %v", err)
	}
	if art.Outlet != "Outlet A" || art.Title != a.Title || art.Text != a.Text || string(art.Raw) != string(a.Raw) ||
		art.Published != a.Published || art.ContentHash != store.ContentHash(a.Text) {
		t.Errorf("Article = %+v, want the saved fields of %+v", art, a)
	}
	t.Run("NotFound", func(t *testing.T) {
		_, err := s.ArticleResult(ctx, id+100)
		if code := analysis.ErrorCode(err); code != analysis.ENOTFOUND {
			t.Errorf("ArticleResult(missing) code = %q (%v), want %q", code, err, analysis.ENOTFOUND)
		}
		_, err = s.Article(ctx, id+100)
		if code := analysis.ErrorCode(err); code != analysis.ENOTFOUND {
			t.Errorf("Article(missing) code = %q (%v), want %q", code, err, analysis.ENOTFOUND)
		}
	})
	t.Run("NoAnalysis", func(t *testing.T) {
		bare, _, err := s.SaveArticle(ctx, testArticle(8, "", ""), nil)
		if err != nil {
			t.Fatal(err)
		}
		_, err = s.ArticleResult(ctx, bare)
		if code := analysis.ErrorCode(err); code != analysis.ENOTFOUND {
			t.Errorf("ArticleResult(unanalysed) code = %q (%v), want %q", code, err, analysis.ENOTFOUND)
		}
	})
}
