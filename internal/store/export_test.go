package store_test

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"testing"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/store"
)

// exportFixture stores articles of three outlets over two months, with
// varying numbers of hits and quotes, one article without an analysis and
// one without a date. It returns the ids of the analysed articles.
func exportFixture(t *testing.T, s *store.Store) []int64 {
	t.Helper()
	outlets := []string{"Outlet A", "Outlet B", "outlet c"}
	var ids []int64
	for i := range 12 {
		date := fmt.Sprintf("2016-%02d-%02d", 1+i%2, 1+i)
		if i == 11 {
			date = ""
		}
		ids = append(ids, mustSave(t, s, testArticle(i, outlets[i%3], date), i*2, i%5))
	}
	bare := testArticle(100, "Outlet A", "2016-01-20")
	if _, _, err := s.SaveArticle(context.Background(), bare, nil); err != nil {
		t.Fatalf("SaveArticle without result: %v", err)
	}
	return ids
}

func TestEachExportArticleMatchesArticleResult(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	ids := exportFixture(t, s)
	for _, sortKey := range []string{"", "-date", "title", "-hits", "balance", "outlet", "-words"} {
		t.Run("Sort"+sortKey, func(t *testing.T) {
			var dimsCalls int
			var got []store.ExportArticle
			err := s.EachExportArticle(ctx, store.ArticleFilter{Sort: sortKey, Limit: 2},
				func(store.ExportDims) error { dimsCalls++; return nil },
				func(a store.ExportArticle) error { got = append(got, a); return nil })
			if err != nil {
				t.Fatalf("EachExportArticle: %v", err)
			}
			if dimsCalls != 1 {
				t.Errorf("dims called %d times, want 1", dimsCalls)
			}
			if len(got) != len(ids)+1 {
				t.Fatalf("got %d articles, want %d (Limit must be ignored)", len(got), len(ids)+1)
			}
			// The order must be that of the article list with the same sort.
			rows, _, err := s.Articles(ctx, store.ArticleFilter{Sort: sortKey, Limit: 100})
			if err != nil {
				t.Fatalf("Articles: %v", err)
			}
			if sortKey == "" {
				rows, _, _ = s.Articles(ctx, store.ArticleFilter{Sort: "date", Limit: 100})
			}
			for i, a := range got {
				if a.ID != rows[i].ID {
					t.Fatalf("article %d is id %d, want %d (order of Articles)", i, a.ID, rows[i].ID)
				}
				if !a.Analysed {
					if a.Hits != 0 || len(a.Frames) != 0 {
						t.Errorf("article %d without analysis has hits %d frames %v", a.ID, a.Hits, a.Frames)
					}
					continue
				}
				r, err := s.ArticleResult(ctx, a.ID)
				if err != nil {
					t.Fatalf("ArticleResult(%d): %v", a.ID, err)
				}
				if a.Hits != len(r.Hits) || a.Quotes != len(r.Quotes) || a.Unassigned != r.Unassigned {
					t.Errorf("article %d: hits, quotes, unassigned = %d, %d, %d; want %d, %d, %d",
						a.ID, a.Hits, a.Quotes, a.Unassigned, len(r.Hits), len(r.Quotes), r.Unassigned)
				}
				if !reflect.DeepEqual(a.Frames, r.Frames) {
					t.Errorf("article %d frames = %v, want %v", a.ID, a.Frames, r.Frames)
				}
				if !reflect.DeepEqual(a.Sides, r.Sides) || !reflect.DeepEqual(a.SidesWords, r.SidesWords) {
					t.Errorf("article %d sides = %v %v, want %v %v", a.ID, a.Sides, a.SidesWords, r.Sides, r.SidesWords)
				}
				if a.Versions != r.Versions {
					t.Errorf("article %d versions = %+v, want %+v", a.ID, a.Versions, r.Versions)
				}
				known := 0
				for _, q := range r.Quotes {
					if q.Side != analysis.SideUnassigned {
						known++
					}
				}
				if a.Attributions != known {
					t.Errorf("article %d attributions = %d, want %d", a.ID, a.Attributions, known)
				}
			}
		})
	}
}

func TestEachExportRowsCount(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	ids := exportFixture(t, s)
	var wantHits, wantQuotes, wantSources int
	for _, id := range ids {
		r, err := s.ArticleResult(ctx, id)
		if err != nil {
			t.Fatalf("ArticleResult: %v", err)
		}
		wantHits += len(r.Hits)
		wantQuotes += len(r.Quotes)
		wantSources += len(r.Sources)
	}
	var hits, quotes, sources int
	var last int64 = -1
	if err := s.EachExportHit(ctx, store.ArticleFilter{}, func(h store.ExportHit) error {
		hits++
		if h.LexiconVersion != "lex-1" {
			t.Errorf("hit lexicon version = %q, want lex-1", h.LexiconVersion)
		}
		last = h.ArticleID
		return nil
	}); err != nil {
		t.Fatalf("EachExportHit: %v", err)
	}
	if err := s.EachExportQuote(ctx, store.ArticleFilter{}, func(q store.ExportQuote) error {
		quotes++
		if q.RegistryVersion != "reg-1" {
			t.Errorf("quote registry version = %q, want reg-1", q.RegistryVersion)
		}
		return nil
	}); err != nil {
		t.Fatalf("EachExportQuote: %v", err)
	}
	if err := s.EachExportSource(ctx, store.ArticleFilter{}, func(store.ExportSource) error {
		sources++
		return nil
	}); err != nil {
		t.Fatalf("EachExportSource: %v", err)
	}
	if hits != wantHits || quotes != wantQuotes || sources != wantSources {
		t.Errorf("hits, quotes, sources = %d, %d, %d; want %d, %d, %d", hits, quotes, sources, wantHits, wantQuotes, wantSources)
	}
	// Oldest first: the undated article (ids[11], with hits) comes last.
	if last != ids[11] {
		t.Errorf("last hit is of article %d, want the undated %d", last, ids[11])
	}
	stop := fmt.Errorf("stop")
	if err := s.EachExportHit(ctx, store.ArticleFilter{}, func(store.ExportHit) error { return stop }); err != stop {
		t.Errorf("EachExportHit with a failing callback = %v, want the callback's error", err)
	}
	if err := s.EachExportArticle(ctx, store.ArticleFilter{}, func(store.ExportDims) error { return stop },
		func(store.ExportArticle) error { return nil }); err != stop {
		t.Errorf("EachExportArticle with a failing dims callback = %v, want the callback's error", err)
	}
	if err := s.EachExportQuote(ctx, store.ArticleFilter{From: "2016-13-01"}, func(store.ExportQuote) error { return nil }); analysis.ErrorCode(err) != analysis.EINVALID {
		t.Errorf("EachExportQuote with a bad date = %v, want EINVALID", err)
	}
}

func TestExportTotalsMatchFrameAndSideTotals(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	exportFixture(t, s)
	for _, f := range []store.ArticleFilter{{}, {From: "2016-02-01"}, {Outlets: []string{"outlet a", "Outlet C"}}} {
		t.Run(fmt.Sprintf("%+v", f), func(t *testing.T) {
			totals, dims, err := s.ExportTotals(ctx, f, false)
			if err != nil {
				t.Fatalf("ExportTotals: %v", err)
			}
			frames, err := s.FrameTotals(ctx, f, "outlet")
			if err != nil {
				t.Fatalf("FrameTotals: %v", err)
			}
			sides, err := s.SideTotals(ctx, f, "outlet")
			if err != nil {
				t.Fatalf("SideTotals: %v", err)
			}
			byOutlet := map[string]store.ExportTotal{}
			for _, tot := range totals {
				byOutlet[tot.Outlet] = tot
			}
			for _, ft := range frames {
				got := byOutlet[ft.Group].Frames[ft.Frame]
				if got.Count != ft.Count || got.Own != ft.Own || got.Words != ft.Words ||
					math.Abs(got.Per1000-ft.Per1000) > 1e-9 || got.Articles != ft.Articles {
					t.Errorf("%s/%s = %+v, want %+v", ft.Group, ft.Frame, got, ft)
				}
			}
			for _, st := range sides {
				got := byOutlet[st.Group].Sides[st.Side]
				if got.Attributions != st.Attributions || got.Words != st.Words ||
					math.Abs(got.Share-st.Share) > 1e-9 || math.Abs(got.WordsShare-st.WordsShare) > 1e-9 {
					t.Errorf("%s/%s = %+v, want %+v", st.Group, st.Side, got, st)
				}
			}
			for _, frame := range []string{"terrorism", "insurgency", "state"} {
				found := false
				for _, d := range dims.Frames {
					found = found || d == frame
				}
				if !found && len(frames) > 0 {
					t.Errorf("dims.Frames = %v, want it to hold %q", dims.Frames, frame)
				}
			}
			for _, d := range dims.Sides {
				if d == analysis.SideUnassigned {
					t.Errorf("dims.Sides = %v holds %q", dims.Sides, d)
				}
			}
		})
	}
}

func TestExportTotalsByMonthSumToOutlet(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	exportFixture(t, s)
	outlets, _, err := s.ExportTotals(ctx, store.ArticleFilter{}, false)
	if err != nil {
		t.Fatalf("ExportTotals: %v", err)
	}
	months, _, err := s.ExportTotals(ctx, store.ArticleFilter{}, true)
	if err != nil {
		t.Fatalf("ExportTotals by month: %v", err)
	}
	if len(months) <= len(outlets) {
		t.Fatalf("%d outlet-month rows for %d outlets, want more", len(months), len(outlets))
	}
	type sum struct{ articles, words, hits, quotes, attributions int }
	got := map[string]sum{}
	for _, m := range months {
		g := got[m.Outlet]
		g.articles += m.Articles
		g.words += m.Words
		g.hits += m.Hits
		g.quotes += m.Quotes
		g.attributions += m.Attributions
		got[m.Outlet] = g
	}
	for _, o := range outlets {
		want := sum{o.Articles, o.Words, o.Hits, o.Quotes, o.Attributions}
		if got[o.Outlet] != want {
			t.Errorf("months of %s sum to %+v, want %+v", o.Outlet, got[o.Outlet], want)
		}
	}
}

func TestExportDimsIncludeActiveLexiconAndRegistry(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	lex := &analysis.Lexicon{Name: "core", Version: "v1",
		Frames: []analysis.Frame{{Name: "declared-only"}},
		Entries: []analysis.Entry{{Pattern: "rebel*", Frame: "insurgency", Actor: "opposition", Valence: 0},
			{Pattern: "!rebel yell", Frame: "exclusion-frame"}}}
	if err := s.SaveLexicon(ctx, lex); err != nil {
		t.Fatalf("SaveLexicon: %v", err)
	}
	reg := &analysis.Registry{Name: "reg", Version: "r1", Entries: []analysis.RegistryEntry{
		{Name: "A", Side: "west"}, {Name: "B", Side: "east"}}}
	if err := s.SaveRegistry(ctx, reg); err != nil {
		t.Fatalf("SaveRegistry: %v", err)
	}
	d, err := s.ExportDims(ctx, store.ArticleFilter{})
	if err != nil {
		t.Fatalf("ExportDims: %v", err)
	}
	if len(d.Frames) != 0 || len(d.Sides) != 0 {
		t.Errorf("dims with nothing active = %+v, want none", d)
	}
	if err := s.SetActive(ctx, store.ActiveLexicon, "core"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetActive(ctx, store.ActiveRegistry, "reg"); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s, testArticle(1, "X", "2016-01-01"), 6, 3)
	d, err = s.ExportDims(ctx, store.ArticleFilter{})
	if err != nil {
		t.Fatalf("ExportDims: %v", err)
	}
	want := store.ExportDims{
		Frames: []string{"declared-only", "insurgency", "state", "terrorism"},
		Sides:  []string{"east", "government", "opposition", "west"},
	}
	if !reflect.DeepEqual(d, want) {
		t.Errorf("ExportDims = %+v, want %+v", d, want)
	}
}
