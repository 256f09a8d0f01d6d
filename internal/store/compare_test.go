package store_test

import (
	"context"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/store"
)

// compareSums recomputes every outlet's totals from the per-article rows
// through the older query paths (FrameTotals, SideTotals, Articles), so
// the totals kept by triggers can be checked against them.
type compareSums struct {
	articles, words, balanceN int
	balanceSum                float64
	frames                    map[string][2]int // count, own
	sides                     map[string][2]int // attributions, words
}

func compareRecount(t *testing.T, s *store.Store) map[string]*compareSums {
	t.Helper()
	ctx := context.Background()
	out := map[string]*compareSums{}
	get := func(name string) *compareSums {
		if out[name] == nil {
			out[name] = &compareSums{frames: map[string][2]int{}, sides: map[string][2]int{}}
		}
		return out[name]
	}
	rows, _, err := s.Articles(ctx, store.ArticleFilter{Limit: store.MaxLimit})
	if err != nil {
		t.Fatalf("Articles: %v", err)
	}
	for _, r := range rows {
		res, err := s.ArticleResult(ctx, r.ID)
		if err != nil {
			t.Fatalf("ArticleResult(%d): %v", r.ID, err)
		}
		c := get(r.Outlet)
		c.articles++
		c.words += res.Words
		if len(res.Quotes) > res.Unassigned {
			c.balanceN++
			c.balanceSum += res.Balance
		}
	}
	frames, err := s.FrameTotals(ctx, store.ArticleFilter{}, "outlet")
	if err != nil {
		t.Fatalf("FrameTotals: %v", err)
	}
	for _, f := range frames {
		get(f.Group).frames[f.Frame] = [2]int{f.Count, f.Own}
	}
	sides, err := s.SideTotals(ctx, store.ArticleFilter{}, "outlet")
	if err != nil {
		t.Fatalf("SideTotals: %v", err)
	}
	for _, sd := range sides {
		get(sd.Group).sides[sd.Side] = [2]int{sd.Attributions, sd.Words}
	}
	return out
}

// compareCheckTotals fails when OutletTotals disagrees with compareRecount.
func compareCheckTotals(t *testing.T, s *store.Store) {
	t.Helper()
	want := compareRecount(t, s)
	got, err := s.OutletTotals(context.Background())
	if err != nil {
		t.Fatalf("OutletTotals: %v", err)
	}
	for _, o := range got {
		w := want[o.Name]
		if w == nil {
			w = &compareSums{frames: map[string][2]int{}, sides: map[string][2]int{}}
		}
		if o.Articles != w.articles || o.Words != w.words || o.BalanceArticles != w.balanceN {
			t.Errorf("%s: articles, words, balance articles = %d, %d, %d; want %d, %d, %d",
				o.Name, o.Articles, o.Words, o.BalanceArticles, w.articles, w.words, w.balanceN)
		}
		if math.Abs(o.BalanceSum-w.balanceSum) > 1e-9 {
			t.Errorf("%s: balance sum = %v, want %v", o.Name, o.BalanceSum, w.balanceSum)
		}
		frames := map[string][2]int{}
		for _, f := range o.Frames {
			if f.Count > 0 {
				frames[f.Frame] = [2]int{f.Count, f.Own}
			}
		}
		if !reflect.DeepEqual(frames, w.frames) {
			t.Errorf("%s: frames = %v, want %v", o.Name, frames, w.frames)
		}
		sides := map[string][2]int{}
		for _, sd := range o.Sides {
			sides[sd.Side] = [2]int{sd.Attributions, sd.Words}
		}
		if !reflect.DeepEqual(sides, w.sides) {
			t.Errorf("%s: sides = %v, want %v", o.Name, sides, w.sides)
		}
	}
}

// compareWordSnapshot reads every outlet's word counts.
func compareWordSnapshot(t *testing.T, s *store.Store) map[string]map[string]int {
	t.Helper()
	ctx := context.Background()
	outlets, err := s.OutletTotals(ctx)
	if err != nil {
		t.Fatalf("OutletTotals: %v", err)
	}
	out := map[string]map[string]int{}
	for _, o := range outlets {
		counts, _, err := s.OutletWords(ctx, []int64{o.ID})
		if err != nil {
			t.Fatalf("OutletWords: %v", err)
		}
		if len(counts[0]) > 0 {
			out[o.Name] = counts[0]
		}
	}
	return out
}

func TestOutletTotalsFollowWrites(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	var ids []int64
	for i := 0; i < 12; i++ {
		outlet := []string{"Alpha", "Beta", "Gamma"}[i%3]
		ids = append(ids, mustSave(t, s, testArticle(i, outlet, "2024-01-0"+string(rune('1'+i%9))), 3+i, i%4))
	}
	t.Run("AfterSave", func(t *testing.T) { compareCheckTotals(t, s) })

	t.Run("AfterDelete", func(t *testing.T) {
		if _, err := s.DeleteArticles(ctx, ids[:2]); err != nil {
			t.Fatalf("DeleteArticles: %v", err)
		}
		compareCheckTotals(t, s)
	})

	t.Run("AfterRescore", func(t *testing.T) {
		a, err := s.Article(ctx, ids[5])
		if err != nil {
			t.Fatal(err)
		}
		r := testResult(a.Text, 11, 2, "lex-2")
		if err := s.SaveAnalyses(ctx, map[int64]*analysis.Result{ids[5]: r}); err != nil {
			t.Fatalf("SaveAnalyses: %v", err)
		}
		compareCheckTotals(t, s)
	})

	t.Run("AfterMerge", func(t *testing.T) {
		if err := s.MergeOutlets(ctx, "Gamma", "Alpha"); err != nil {
			t.Fatalf("MergeOutlets: %v", err)
		}
		compareCheckTotals(t, s)
	})

	t.Run("WordCountsEqualRecount", func(t *testing.T) {
		kept := compareWordSnapshot(t, s)
		if err := s.RebuildOutletWords(ctx); err != nil {
			t.Fatalf("RebuildOutletWords: %v", err)
		}
		recounted := compareWordSnapshot(t, s)
		if !reflect.DeepEqual(kept, recounted) {
			t.Errorf("word counts kept on write differ from a recount:\n got %v\nwant %v", kept, recounted)
		}
		if _, ok := kept["Gamma"]; ok {
			t.Errorf("merged-away outlet Gamma still has word counts")
		}
		if kept["Alpha"]["rebels"] == 0 {
			t.Errorf("Alpha has no count for %q: %v", "rebels", kept["Alpha"])
		}
	})
}

func TestContentWords(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"StopWordsAndCaseDropped", "The Rebels said THE militants", []string{"rebels", "militants"}},
		{"PossessiveAndCurlyApostrophe", "Russia’s army and Assad's forces", []string{"russia", "army", "assad", "forces"}},
		{"NumbersAndSingleLettersDropped", "In 2016 a B 52 flew", []string{"flew"}},
		{"NonLatinLowerCased", "Правительство Сирии", []string{"правительство", "сирии"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			store.ContentWords(tc.text, func(w []byte) { got = append(got, string(w)) })
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("ContentWords(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestCompareFilterAndVersion(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	mustSave(t, s, testArticle(1, "Alpha", "2024-01-01"), 4, 2)
	mustSave(t, s, testArticle(2, "Alpha", "2024-02-01"), 6, 2)
	mustSave(t, s, testArticle(3, "Beta", "2024-02-02"), 2, 1)
	v1, err := s.CorpusVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("AllArticles", func(t *testing.T) {
		d, err := s.Compare(ctx, store.CompareFilter{Outlets: []string{"beta", "Alpha"}})
		if err != nil {
			t.Fatalf("Compare: %v", err)
		}
		if len(d.Outlets) != 2 || d.Outlets[0].Name != "Beta" || d.Outlets[1].Name != "Alpha" {
			t.Fatalf("outlets = %+v, want Beta then Alpha", d.Outlets)
		}
		if len(d.Articles) != 3 || d.Outlets[1].Articles != 2 {
			t.Errorf("articles = %d, Alpha's = %d; want 3 and 2", len(d.Articles), d.Outlets[1].Articles)
		}
	})
	t.Run("DateRangeSumsRows", func(t *testing.T) {
		d, err := s.Compare(ctx, store.CompareFilter{Outlets: []string{"Alpha", "Beta"}, From: "2024-02-01"})
		if err != nil {
			t.Fatalf("Compare: %v", err)
		}
		if d.Outlets[0].Articles != 1 || d.Outlets[1].Articles != 1 {
			t.Errorf("articles per outlet = %d, %d; want 1, 1", d.Outlets[0].Articles, d.Outlets[1].Articles)
		}
		var frames int
		for _, f := range d.Outlets[0].Frames {
			frames += f.Count
		}
		if frames != 6 {
			t.Errorf("Alpha's frame hits from February = %d, want 6", frames)
		}
	})
	t.Run("UnknownAndSameOutlet", func(t *testing.T) {
		if _, err := s.Compare(ctx, store.CompareFilter{Outlets: []string{"Alpha", "Nobody"}}); analysis.ErrorCode(err) != analysis.ENOTFOUND {
			t.Errorf("unknown outlet: err = %v, want ENOTFOUND", err)
		}
		if err := s.AddOutletAlias(ctx, "Alpha", "Alpha Online"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Compare(ctx, store.CompareFilter{Outlets: []string{"Alpha", "alpha online"}}); analysis.ErrorCode(err) != analysis.EINVALID {
			t.Errorf("same outlet twice: err = %v, want EINVALID", err)
		}
	})
	v2, err := s.CorpusVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if v2 == v1 {
		t.Errorf("corpus version %d did not change when an alias was added", v2)
	}
}
