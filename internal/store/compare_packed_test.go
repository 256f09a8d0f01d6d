package store_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/store"
)

// comparePackedStore saves articles of three outlets with varied dates (one
// without), frame hits, quotes and balance indices that need all their
// digits, and returns the store.
func comparePackedStore(t *testing.T, extraFrame string) *store.Store {
	t.Helper()
	s := mustOpen(t)
	outlets := []string{"Alpha", "Beta", "Gamma"}
	for i := 0; i < 18; i++ {
		published := fmt.Sprintf("2024-%02d-%02d", 1+i%4, 1+i%9)
		if i%7 == 3 {
			published = ""
		}
		a := testArticle(100+i, outlets[i%3], published)
		r := testResult(a.Text, i%6, i%5, "lex-1")
		r.Title, r.Published = a.Title, a.Published
		r.Balance, r.BalanceWords = float64(i)/7-0.9, 1/float64(i+3)
		if extraFrame == "many own hits" && i == 5 {
			// Many own-voice hits, and more own hits than hits.
			r.Frames["big"] = analysis.FrameCount{Count: 400, Own: 300}
			r.Frames["odd"] = analysis.FrameCount{Count: 2, Own: 3}
		} else if extraFrame != "" && i%4 == 0 && len(r.Hits) > 0 {
			h := r.Hits[0]
			fc := r.Frames[h.Frame]
			fc.Count--
			r.Frames[h.Frame] = fc
			h.Frame = extraFrame
			r.Hits[0] = h
			r.Frames[extraFrame] = fc
		}
		if _, _, err := s.SaveArticle(context.Background(), a, r); err != nil {
			t.Fatalf("SaveArticle(%q): %v", a.Title, err)
		}
	}
	return s
}

// sortedFrames orders each article's frame counts by name, since their
// order is not part of the contract.
func sortedFrames(d store.CompareData) store.CompareData {
	for i := range d.Articles {
		f := slices.Clone(d.Articles[i].Frames)
		slices.SortFunc(f, func(a, b store.CompareFrameCount) int { return strings.Compare(a.Frame, b.Frame) })
		if len(f) == 0 {
			f = nil
		}
		d.Articles[i].Frames = f
	}
	return d
}

func TestComparePackedMatchesRows(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name       string
		extraFrame string
		filter     store.CompareFilter
	}{
		{"AllArticles", "", store.CompareFilter{Outlets: []string{"Gamma", "Alpha", "Beta"}}},
		{"DateRange", "", store.CompareFilter{Outlets: []string{"Alpha", "Beta"}, From: "2024-02-01", To: "2024-03-31"}},
		{"TextQuery", "", store.CompareFilter{Outlets: []string{"Beta", "Gamma"}, Query: strings.Fields(testText(104, 400))[3]}},
		{"FrameNameWithSeparator", "odd\x1fframe", store.CompareFilter{Outlets: []string{"Alpha", "Beta", "Gamma"}}},
		{"FrameNameWithComma", "odd, frame", store.CompareFilter{Outlets: []string{"Alpha", "Beta", "Gamma"}}},
		{"LargeAndOddCounts", "many own hits", store.CompareFilter{Outlets: []string{"Alpha", "Beta", "Gamma"}, From: "2024-01-01"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := comparePackedStore(t, tc.extraFrame)
			got, err := s.Compare(ctx, tc.filter)
			if err != nil {
				t.Fatalf("Compare: %v", err)
			}
			want, err := s.CompareByRows(ctx, tc.filter)
			if err != nil {
				t.Fatalf("CompareByRows: %v", err)
			}
			if len(want.Articles) == 0 {
				t.Fatalf("no article selected; the case tests nothing")
			}
			got, want = sortedFrames(got), sortedFrames(want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Compare differs from the row-by-row read:\ngot  %+v\nwant %+v", got, want)
			}
			if tc.extraFrame == "many own hits" {
				found := false
				for _, a := range got.Articles {
					if n, own := a.FrameCount("big"); n == 400 && own == 300 {
						found = true
					}
				}
				if !found {
					t.Errorf("no article has 400 hits, 300 own, of frame big")
				}
			} else if tc.extraFrame != "" {
				found := false
				for _, a := range got.Articles {
					if n, _ := a.FrameCount(tc.extraFrame); n > 0 {
						found = true
					}
				}
				if !found {
					t.Errorf("no article has hits of frame %q", tc.extraFrame)
				}
			}
		})
	}
}

func TestCompareAttachFrames(t *testing.T) {
	arts := func(ids ...int64) []store.CompareArticle {
		out := make([]store.CompareArticle, len(ids))
		for i, id := range ids {
			out[i].ID = id
		}
		return out
	}
	fc := func(names ...string) []store.CompareFrameCount {
		out := make([]store.CompareFrameCount, len(names))
		for i, n := range names {
			out[i] = store.CompareFrameCount{Frame: n, Count: i + 1}
		}
		return out
	}
	for _, tc := range []struct {
		name string
		arts []store.CompareArticle
		ids  []int64
		fc   []store.CompareFrameCount
		want map[int64]string // article → its frames, joined
	}{
		{"InOrder", arts(5, 3, 9), []int64{5, 5, 9}, fc("a", "b", "c"), map[int64]string{5: "a b", 9: "c"}},
		{"OutOfOrder", arts(5, 3, 9), []int64{9, 3, 3, 5}, fc("a", "b", "c", "d"), map[int64]string{9: "a", 3: "b c", 5: "d"}},
		{"UnknownArticleDropped", arts(5, 3), []int64{5, 7, 3}, fc("a", "b", "c"), map[int64]string{5: "a", 3: "c"}},
		{"NoFrames", arts(1), nil, nil, map[int64]string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := store.CompareAttachFrames(tc.arts, tc.ids, tc.fc); err != nil {
				t.Fatal(err)
			}
			for _, a := range tc.arts {
				var names []string
				for _, f := range a.Frames {
					names = append(names, f.Frame)
				}
				if got := strings.Join(names, " "); got != tc.want[a.ID] {
					t.Errorf("article %d frames = %q, want %q", a.ID, got, tc.want[a.ID])
				}
			}
		})
	}
}

func TestOutletWordTableMatchesOutletWords(t *testing.T) {
	ctx := context.Background()
	s := comparePackedStore(t, "")
	all, err := s.OutletTotals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, o := range all {
		ids = append(ids, o.ID)
	}
	slices.Reverse(ids)
	counts, totals, err := s.OutletWords(ctx, ids)
	if err != nil {
		t.Fatalf("OutletWords: %v", err)
	}
	table, err := s.OutletWordTable(ctx, ids)
	if err != nil {
		t.Fatalf("OutletWordTable: %v", err)
	}
	for i := 1; i < len(table.Words); i++ {
		if table.Words[i-1] >= table.Words[i] {
			t.Fatalf("vocabulary not sorted and unique at %d: %q, %q", i, table.Words[i-1], table.Words[i])
		}
	}
	if !reflect.DeepEqual(table.Totals, totals) {
		t.Errorf("totals = %v, want %v", table.Totals, totals)
	}
	for i := range ids {
		got := map[string]int{}
		for w, n := range table.Counts[i] {
			if n != 0 {
				got[table.Words[w]] = n
			}
		}
		if len(got) == 0 || !reflect.DeepEqual(got, counts[i]) {
			t.Errorf("outlet %d: %d words differ from OutletWords' %d", ids[i], len(got), len(counts[i]))
		}
	}
}

func TestCompareOutletNamesMatchesTotals(t *testing.T) {
	ctx := context.Background()
	s := comparePackedStore(t, "")
	if _, err := s.DeleteArticles(ctx, []int64{1, 4, 7, 10, 13, 16}); err != nil { // every article of Alpha
		t.Fatal(err)
	}
	all, err := s.OutletTotals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, o := range all {
		if o.Articles > 0 {
			want = append(want, o.Name)
		}
	}
	got, err := s.CompareOutletNames(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, "|") != strings.Join(want, "|") || len(got) != 2 {
		t.Errorf("CompareOutletNames = %q, want %q (Beta and Gamma)", got, want)
	}
}
