package store_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/store"
)

// corpus stores five articles with known outlets, dates, frames, sides and
// words, and returns their ids in order.
func corpus(t *testing.T, s *store.Store) []int64 {
	t.Helper()
	ctx := context.Background()
	if err := s.AddOutletAlias(ctx, "Fox News", "Fox Online News"); err != nil {
		t.Fatal(err)
	}
	specs := []struct {
		outlet, title, published, text string
		frame, side, pattern           string
	}{
		{"Fox Online News", "Zebra rebels advance", "2024-01-10", "Rebels advanced on the capital. Officials said little.", "insurgency", "opposition", "rebel"},
		{"fox news", "Alpha militants strike", "2024-02-15T08:00:00Z", "Militants struck a convoy near the border town.", "terrorism", "government", "militant"},
		{"BBC", "Middle regime statement", "2024-03-20", "The regime issued a statement about jihadists and rebels.", "state", "government", "regime"},
		{"BBC", "Undated terrorists story", "", "Terrorists were blamed by the ministry for the attack.", "terrorism", "opposition", "terrorist"},
		{"", "No outlet fighters", "2023-12-31", "Fighters held the hills; residents spoke of quiet nights.", "insurgency", analysis.SideUnassigned, "fighter"},
	}
	var ids []int64
	for i, sp := range specs {
		a := store.NewArticle{Outlet: sp.outlet, Title: sp.title, Published: sp.published, Text: sp.text,
			Words: len(strings.Fields(sp.text)) + i*100}
		term := sp.text[:strings.IndexByte(sp.text, ' ')]
		r := &analysis.Result{
			Title: sp.title, Published: sp.published, Words: a.Words, Text: sp.text,
			Hits: []analysis.Hit{{Term: term, Pattern: sp.pattern, Frame: sp.frame, Actor: "x", Voice: analysis.VoiceOwn,
				Start: 0, End: len(term)}},
			Frames:   map[string]analysis.FrameCount{sp.frame: {Count: 1, Own: 1, Per1000: 1}},
			Quotes:   []analysis.Quote{{Text: "little", Start: 1, End: 2, Kind: analysis.QuoteReported, Speaker: "S" + sp.side, Side: sp.side, Words: 1}},
			Sources:  []analysis.Source{{Name: "S" + sp.side, Side: sp.side, Reported: 1, Words: 1}},
			Balance:  float64(i) / 10,
			Versions: analysis.Versions{Engine: "1", Lexicon: "l", Registry: "r"},
		}
		if sp.side != analysis.SideUnassigned {
			r.Sides = map[string]float64{sp.side: 1}
		}
		id, dup, err := s.SaveArticle(ctx, a, r)
		if err != nil || dup {
			t.Fatalf("SaveArticle(%q): dup=%v err=%v", sp.title, dup, err)
		}
		ids = append(ids, id)
	}
	return ids
}

func rowIDs(rows []store.ArticleRow) []int64 {
	out := []int64{}
	for _, r := range rows {
		out = append(out, r.ID)
	}
	return out
}

func TestArticlesFilterAndSort(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	id := corpus(t, s)
	tests := []struct {
		name  string
		f     store.ArticleFilter
		want  []int64
		total int
	}{
		{"DefaultNewestFirstUndatedLast", store.ArticleFilter{}, []int64{id[2], id[1], id[0], id[4], id[3]}, 5},
		{"OutletByAliasAndCase", store.ArticleFilter{Outlets: []string{"FOX ONLINE NEWS"}, Sort: "date"}, []int64{id[0], id[1]}, 2},
		{"TwoOutlets", store.ArticleFilter{Outlets: []string{"bbc", "Fox News"}, Sort: "id"}, []int64{id[0], id[1], id[2], id[3]}, 4},
		{"UnknownOutlet", store.ArticleFilter{Outlets: []string{"Nobody"}}, []int64{}, 0},
		{"DateRangeInclusive", store.ArticleFilter{From: "2024-01-10", To: "2024-02-15", Sort: "date"}, []int64{id[0], id[1]}, 2},
		{"FromOnlyRFC3339", store.ArticleFilter{From: "2024-02-01T00:00:00Z", Sort: "date"}, []int64{id[1], id[2]}, 2},
		{"Frame", store.ArticleFilter{Frame: "terrorism", Sort: "id"}, []int64{id[1], id[3]}, 2},
		{"TermByPattern", store.ArticleFilter{Term: "regime"}, []int64{id[2]}, 1},
		{"TermByTextAnyCase", store.ArticleFilter{Term: "REBELS"}, []int64{id[0]}, 1},
		{"Side", store.ArticleFilter{Side: "government", Sort: "id"}, []int64{id[1], id[2]}, 2},
		{"SideUnassigned", store.ArticleFilter{Side: analysis.SideUnassigned}, []int64{id[4]}, 1},
		{"Query", store.ArticleFilter{Query: "rebels", Sort: "id"}, []int64{id[0], id[2]}, 2},
		{"QueryWithOperators", store.ArticleFilter{Query: `rebels" OR title:`, Sort: "id"}, []int64{}, 0},
		{"Combined", store.ArticleFilter{Outlets: []string{"BBC"}, Frame: "terrorism", Query: "ministry"}, []int64{id[3]}, 1},
		{"SortTitle", store.ArticleFilter{Sort: "title"}, []int64{id[1], id[2], id[4], id[3], id[0]}, 5},
		{"SortWordsDesc", store.ArticleFilter{Sort: "-words"}, []int64{id[4], id[3], id[2], id[1], id[0]}, 5},
		{"SortBalanceDesc", store.ArticleFilter{Sort: "-balance"}, []int64{id[4], id[3], id[2], id[1], id[0]}, 5},
		{"SortOutletNoOutletLast", store.ArticleFilter{Sort: "outlet"}, []int64{id[2], id[3], id[0], id[1], id[4]}, 5},
		{"SortInjectionFallsBack", store.ArticleFilter{Sort: "title; DROP TABLE articles; --"}, []int64{id[2], id[1], id[0], id[4], id[3]}, 5},
		{"SortColumnNameNotWhitelisted", store.ArticleFilter{Sort: "content_hash"}, []int64{id[2], id[1], id[0], id[4], id[3]}, 5},
		{"LimitOffset", store.ArticleFilter{Sort: "id", Limit: 2, Offset: 1}, []int64{id[1], id[2]}, 5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rows, total, err := s.Articles(ctx, tc.f)
			if err != nil {
				t.Fatalf("Articles(%+v): %v", tc.f, err)
			}
			if got := rowIDs(rows); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("ids = %v, want %v", got, tc.want)
			}
			if total != tc.total {
				t.Errorf("total = %d, want %d", total, tc.total)
			}
		})
	}
	t.Run("RowFields", func(t *testing.T) {
		rows, _, err := s.Articles(ctx, store.ArticleFilter{Term: "militant"})
		if err != nil || len(rows) != 1 {
			t.Fatalf("Articles: %v %v", rows, err)
		}
		want := store.ArticleRow{ID: id[1], Outlet: "Fox News", Title: "Alpha militants strike", Published: "2024-02-15T08:00:00Z",
			Words: 108, Hits: 1, Quotes: 1, Balance: 0.1, TopFrames: []string{"terrorism"}, TopFrameCounts: []int{1}}
		if !reflect.DeepEqual(rows[0], want) {
			t.Errorf("row = %+v, want %+v", rows[0], want)
		}
	})
	t.Run("BadDateIsInvalid", func(t *testing.T) {
		_, _, err := s.Articles(ctx, store.ArticleFilter{From: "last tuesday"})
		if code := analysis.ErrorCode(err); code != analysis.EINVALID {
			t.Errorf("code = %q (%v), want %q", code, err, analysis.EINVALID)
		}
	})
	t.Run("TablesSurviveInjection", func(t *testing.T) {
		if st, err := s.Stats(ctx); err != nil || st.Articles != 5 {
			t.Errorf("Stats = %+v, %v; want 5 articles", st, err)
		}
	})
}

func TestSearch(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	id := corpus(t, s)
	tests := []struct {
		name string
		q    string
		want []int64
	}{
		{"Word", "militants", []int64{id[1]}},
		{"TitleWord", "zebra", []int64{id[0]}},
		{"TwoWordsAreAnded", "rebels regime", []int64{id[2]}},
		{"Prefix", "jihad*", []int64{id[2]}},
		{"LoneQuote", `"`, []int64{}},
		{"UnbalancedQuote", `"militants`, []int64{id[1]}},
		{"Star", "*", []int64{}},
		{"Colon", "zebra: rebels", []int64{id[0]}},
		{"ColumnNameIsAWord", "title: zebra", []int64{}},
		{"ColumnFilterSyntax", "text:militants", []int64{}},
		{"Operators", "militants AND OR NOT NEAR", []int64{}},
		{"Parentheses", "(militants)", []int64{id[1]}},
		{"Caret", "^militants", []int64{id[1]}},
		{"Minus", "-militants", []int64{id[1]}},
		{"Empty", "   ", []int64{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rows, err := s.Search(ctx, tc.q, 10)
			if err != nil {
				t.Fatalf("Search(%q): %v", tc.q, err)
			}
			if got := rowIDs(rows); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Search(%q) = %v, want %v", tc.q, got, tc.want)
			}
		})
	}
}

func TestSearchSnippet(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	id := corpus(t, s)
	rows, err := s.Search(ctx, "convoy", 5)
	if err != nil || len(rows) != 1 {
		t.Fatalf("Search = %+v (%v), want one row", rows, err)
	}
	want := "Militants struck a " + store.SnippetOpen + "convoy" + store.SnippetClose + " near the border town."
	if rows[0].ID != id[1] || rows[0].Snippet != want || rows[0].Outlet != "Fox News" {
		t.Errorf("row = %+v, want article %d of Fox News with snippet %q", rows[0], id[1], want)
	}
}

func TestFTSQuery(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"Plain", "rebel forces", `"rebel" "forces"`},
		{"QuoteDoubled", `say"what`, `"say""what"`},
		{"PrefixKept", "jihad*", `"jihad"*`},
		{"PunctuationOnlyDropped", `* " : ( )`, ``},
		{"OperatorsQuoted", "a OR b", `"a" "OR" "b"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := store.FTSQuery(tc.in); got != tc.want {
				t.Errorf("FTSQuery(%q) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}

func TestHitsQuotesSources(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	id := corpus(t, s)
	t.Run("HitsByVoiceAndOutlet", func(t *testing.T) {
		hits, err := s.Hits(ctx, store.HitFilter{Outlets: []string{"fox news"}, Voice: analysis.VoiceOwn})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range hits {
			got = append(got, h.Outlet+"/"+h.Term)
		}
		if want := []string{"Fox News/Rebels", "Fox News/Militants"}; !reflect.DeepEqual(got, want) {
			t.Errorf("hits = %v, want %v", got, want)
		}
	})
	t.Run("HitsByPatternAndFrame", func(t *testing.T) {
		hits, err := s.Hits(ctx, store.HitFilter{Pattern: "terrorist", Frame: "terrorism"})
		if err != nil || len(hits) != 1 || hits[0].ArticleID != id[3] {
			t.Errorf("hits = %+v, %v; want one hit in article %d", hits, err, id[3])
		}
		hits, err = s.Hits(ctx, store.HitFilter{Voice: analysis.VoiceQuoted})
		if err != nil || len(hits) != 0 {
			t.Errorf("quoted hits = %+v, %v; want none", hits, err)
		}
	})
	t.Run("Quotes", func(t *testing.T) {
		qs, err := s.Quotes(ctx, store.ArticleFilter{Side: "government"})
		if err != nil {
			t.Fatal(err)
		}
		if len(qs) != 2 || qs[0].ArticleID != id[1] || qs[1].ArticleID != id[2] || qs[0].Speaker != "Sgovernment" {
			t.Errorf("quotes = %+v, want article %d then %d, speaker Sgovernment", qs, id[1], id[2])
		}
	})
	t.Run("SourcesAggregated", func(t *testing.T) {
		src, err := s.Sources(ctx, store.ArticleFilter{})
		if err != nil {
			t.Fatal(err)
		}
		want := []store.SourceRow{
			{Name: "Sgovernment", Side: "government", Articles: 2, Reported: 2, Words: 2},
			{Name: "Sopposition", Side: "opposition", Articles: 2, Reported: 2, Words: 2},
			{Name: "Sunassigned", Side: "unassigned", Articles: 1, Reported: 1, Words: 1},
		}
		if !reflect.DeepEqual(src, want) {
			t.Errorf("sources = %+v\nwant %+v", src, want)
		}
	})
	t.Run("HitContext", func(t *testing.T) {
		text := "Ünïcode “quoted” rebels — and more ünïcode after"
		start := strings.Index(text, "rebels")
		a := store.NewArticle{Title: "ctx", Text: text, Words: 8}
		r := &analysis.Result{Hits: []analysis.Hit{{Term: "rebels", Pattern: "ctxpat", Frame: "f", Voice: analysis.VoiceOwn,
			Start: start, End: start + 6}}}
		if _, _, err := s.SaveArticle(ctx, a, r); err != nil {
			t.Fatal(err)
		}
		for _, n := range []int{1, 2, 3, 4, 5, 9, 100} {
			hits, err := s.Hits(ctx, store.HitFilter{Pattern: "ctxpat", Context: n})
			if err != nil || len(hits) != 1 {
				t.Fatalf("Hits: %v %v", hits, err)
			}
			h := hits[0]
			if !strings.HasSuffix(text[:start], h.Left) || len(h.Left) > n || len(text[:start])-len(h.Left) > max(0, start-n)+3 {
				t.Errorf("context %d: left = %q, want a whole-character suffix of %q of at most %d bytes", n, h.Left, text[:start], n)
			}
			if !strings.HasPrefix(text[start+6:], h.Right) || len(h.Right) > n || len(h.Right) < min(n, len(text)-start-6)-3 {
				t.Errorf("context %d: right = %q, want a whole-character prefix of %q of at most %d bytes", n, h.Right, text[start+6:], n)
			}
		}
	})
}

func TestFrameAndSideTotals(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	corpus(t, s)
	// Words: article i has its text's words + i*100: Fox News 8+108 = 116,
	// BBC 209+309 = 518, no outlet 9+400 = 409.
	frames, err := s.FrameTotals(ctx, store.ArticleFilter{}, "outlet")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range frames {
		got = append(got, fmt.Sprintf("%s|%s|%d|%d|%d|%.4f", f.Group, f.Frame, f.Articles, f.Count, f.Words, f.Per1000))
	}
	want := []string{
		"|insurgency|1|1|409|2.4450",
		"BBC|state|1|1|518|1.9305",
		"BBC|terrorism|1|1|518|1.9305",
		"Fox News|insurgency|1|1|116|8.6207",
		"Fox News|terrorism|1|1|116|8.6207",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("frame totals by outlet:\n got %v\nwant %v", got, want)
	}
	months, err := s.FrameTotals(ctx, store.ArticleFilter{Frame: "terrorism"}, "month")
	if err != nil {
		t.Fatal(err)
	}
	if len(months) != 2 || months[0].Group != "" || months[1].Group != "2024-02" {
		t.Errorf("terrorism by month = %+v, want undated and 2024-02", months)
	}
	sides, err := s.SideTotals(ctx, store.ArticleFilter{}, "")
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, sd := range sides {
		got = append(got, fmt.Sprintf("%s|%d|%d|%.2f", sd.Side, sd.Articles, sd.Attributions, sd.Share))
	}
	if want := []string{"government|2|2|0.50", "opposition|2|2|0.50", "unassigned|1|1|0.00"}; !reflect.DeepEqual(got, want) {
		t.Errorf("side totals = %v, want %v", got, want)
	}
	if _, err := s.FrameTotals(ctx, store.ArticleFilter{}, "outlet; DROP TABLE x"); analysis.ErrorCode(err) != analysis.EINVALID {
		t.Errorf("bad group-by: %v, want EINVALID", err)
	}
}

func TestEachArticleStopsOnError(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	id := corpus(t, s)
	var got []int64
	err := s.EachArticle(ctx, store.ArticleFilter{Sort: "id"}, func(r store.ArticleRow) error {
		got = append(got, r.ID)
		return nil
	})
	if err != nil || !reflect.DeepEqual(got, id) {
		t.Errorf("EachArticle = %v (%v), want %v", got, err, id)
	}
	stop := errors.New("stop")
	n := 0
	err = s.EachArticle(ctx, store.ArticleFilter{}, func(store.ArticleRow) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 2 {
		t.Errorf("EachArticle with a failing fn: err = %v after %d rows, want stop after 2", err, n)
	}
	n = 0
	err = s.EachHit(ctx, store.HitFilter{}, func(store.HitRow) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("EachHit with a failing fn: err = %v after %d rows, want stop after 1", err, n)
	}
}

// TestSourcesMergeCase checks that speakers whose names differ only in
// letter case are one row per side, named by the form with the most
// attributions, and that limit and offset apply to the merged rows.
func TestSourcesMergeCase(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	type src struct {
		name, side       string
		direct, reported int
	}
	articles := [][]src{
		{{"Police", "unassigned", 0, 1}, {"Times", "media", 3, 0}},
		{{"police", "unassigned", 0, 1}, {"Reuters", "media", 1, 0}},
		{{"police", "unassigned", 0, 1}, {"times", "media", 1, 0}, {"reuters", "unassigned", 1, 0}},
	}
	for i, srcs := range articles {
		text := fmt.Sprintf("Article %d text with some words in it.", i)
		r := &analysis.Result{Words: 8, Text: text, Versions: analysis.Versions{Engine: "1", Lexicon: "l", Registry: "r"}}
		for _, sc := range srcs {
			r.Sources = append(r.Sources, analysis.Source{Name: sc.name, Side: sc.side, Direct: sc.direct,
				Reported: sc.reported, Words: 2 * (sc.direct + sc.reported)})
		}
		if _, _, err := s.SaveArticle(ctx, store.NewArticle{Title: fmt.Sprintf("a%d", i), Text: text, Words: 8}, r); err != nil {
			t.Fatal(err)
		}
	}
	want := []store.SourceRow{
		{Name: "Times", Side: "media", Articles: 2, Direct: 4, Words: 8},
		{Name: "police", Side: "unassigned", Articles: 3, Reported: 3, Words: 6},
		{Name: "Reuters", Side: "media", Articles: 1, Direct: 1, Words: 2},
		{Name: "reuters", Side: "unassigned", Articles: 1, Direct: 1, Words: 2},
	}
	got, err := s.Sources(ctx, store.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sources = %+v\nwant %+v", got, want)
	}
	page, err := s.Sources(ctx, store.ArticleFilter{Limit: 2, Offset: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(page, want[1:3]) {
		t.Errorf("limit 2, offset 1: sources = %+v\nwant %+v", page, want[1:3])
	}
}
