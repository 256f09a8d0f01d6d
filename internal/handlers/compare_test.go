package handlers_test

import (
	"context"
	"encoding/csv"
	"io"
	"log/slog"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/framinglens/framinglens/internal/compare"
	"github.com/framinglens/framinglens/internal/corpus"
	"github.com/framinglens/framinglens/internal/handlers"
	"github.com/framinglens/framinglens/internal/shareddata"
	"github.com/framinglens/framinglens/internal/stats"
	"github.com/framinglens/framinglens/internal/store"
)

// cmpOutlets are three outlets of the allsides sample with many articles.
var cmpOutlets = []string{"CNN (Web News)", "Fox News", "Reuters"}

// cmpFixture is the allsides sample imported once into a temporary store,
// shared by the tests of this file.
type cmpFixture struct {
	svc *corpus.Service
	st  *store.Store
	srv *httptest.Server
}

var (
	cmpOnce sync.Once
	cmpFix  *cmpFixture
	cmpErr  error
)

// cmpSetup imports ../shared/data/allsides-abp once per test binary.
func cmpSetup(t *testing.T) *cmpFixture {
	t.Helper()
	path := filepath.Join(shareddata.Path(t, "data", "allsides-abp"), "articles.jsonl")
	cmpOnce.Do(func() {
		ctx := context.Background()
		dir, err := osMkdirTemp()
		if err != nil {
			cmpErr = err
			return
		}
		st, err := store.Open(ctx, filepath.Join(dir, "lens.db"))
		if err != nil {
			cmpErr = err
			return
		}
		svc, err := corpus.Open(ctx, st, slog.New(slog.DiscardHandler))
		if err != nil {
			cmpErr = err
			return
		}
		if _, err := svc.ImportPath(ctx, path, corpus.ImportOptions{}, nil); err != nil {
			cmpErr = err
			return
		}
		srv := httptest.NewServer(handlers.New(svc, handlers.DefaultOptions()))
		cmpFix = &cmpFixture{svc: svc, st: st, srv: srv}
	})
	if cmpErr != nil {
		t.Fatalf("set up the allsides store: %v", cmpErr)
	}
	return cmpFix
}

// cmpGet fetches a path and returns status and body.
func cmpGet(t *testing.T, f *cmpFixture, path string) (int, string) {
	t.Helper()
	resp, err := http.Get(f.srv.URL + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return resp.StatusCode, string(b)
}

// cmpCSV fetches and parses a CSV into maps keyed by the header.
func cmpCSV(t *testing.T, f *cmpFixture, path string) []map[string]string {
	t.Helper()
	code, body := cmpGet(t, f, path)
	if code != http.StatusOK {
		t.Fatalf("GET %s: status %d: %s", path, code, body)
	}
	recs, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

func cmpQuery(outlets ...string) string {
	q := url.Values{}
	for _, o := range outlets {
		q.Add("outlet", o)
	}
	return q.Encode()
}

func cmpFloat(t *testing.T, s string) float64 {
	t.Helper()
	x, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("not a number: %q", s)
	}
	return x
}

func cmpClose(a, b float64) bool { return math.Abs(a-b) <= 1e-4+1e-9*math.Abs(b) }

func TestComparePage(t *testing.T) {
	f := cmpSetup(t)
	for _, tc := range []struct {
		name    string
		outlets []string
		status  int
		want    string
	}{
		{"TwoOutlets", cmpOutlets[:2], http.StatusOK, `data-testid="compare-outlet"`},
		{"ThreeOutlets", cmpOutlets, http.StatusOK, `id="cmp-frames"`},
		{"OneOutlet", cmpOutlets[:1], http.StatusBadRequest, "Choose from 2 to 8 different outlets to compare; 1 chosen."},
		{"NineOutlets", []string{"CNN (Web News)", "Fox News", "Reuters", "BBC News", "Vox", "Politico", "Townhall", "Newsmax", "NPR Online News"},
			http.StatusBadRequest, "Choose from 2 to 8 different outlets to compare; 9 chosen."},
		{"UnknownOutlet", []string{"Fox News", "The Daily Nowhere"}, http.StatusNotFound, "outlet &#34;The Daily Nowhere&#34; not found"},
		{"NothingChosenYet", nil, http.StatusOK, `data-testid="compare-start"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, body := cmpGet(t, f, "/compare?"+cmpQuery(tc.outlets...))
			if code != tc.status {
				t.Fatalf("status = %d, want %d", code, tc.status)
			}
			if !strings.Contains(body, tc.want) {
				t.Errorf("page lacks %q", tc.want)
			}
			if len(tc.outlets) == 0 && strings.Contains(body, `data-testid="compare-error"`) {
				t.Error("a page with nothing chosen yet shows an error")
			}
		})
	}
	t.Run("EveryChartHasItsCSV", func(t *testing.T) {
		_, body := cmpGet(t, f, "/compare?"+cmpQuery(cmpOutlets...))
		for _, name := range []string{"frames", "frames-own", "sides", "sides-words", "balance", "heatmap", "timeline",
			"distinct-entries", "distinct-words", "labels-opposition"} {
			link := `/compare/data/` + name + `.csv?` + strings.ReplaceAll(cmpQuery(cmpOutlets...), "&", "&amp;")
			if !strings.Contains(body, link) {
				t.Errorf("no CSV link %s", link)
			}
		}
	})
}

func TestCompareCSVMatchesStore(t *testing.T) {
	f := cmpSetup(t)
	ctx := context.Background()
	q := cmpQuery(cmpOutlets...)
	frames, err := f.st.FrameTotals(ctx, store.ArticleFilter{Outlets: cmpOutlets}, "outlet")
	if err != nil {
		t.Fatal(err)
	}
	sides, err := f.st.SideTotals(ctx, store.ArticleFilter{Outlets: cmpOutlets}, "outlet")
	if err != nil {
		t.Fatal(err)
	}

	t.Run("FrameRates", func(t *testing.T) {
		rows := cmpCSV(t, f, "/compare/data/frames.csv?"+q)
		own := cmpCSV(t, f, "/compare/data/frames-own.csv?"+q)
		checked := 0
		for _, ft := range frames {
			for i, r := range rows {
				if r["outlet"] != ft.Group || r["frame"] != ft.Frame {
					continue
				}
				checked++
				if got := cmpFloat(t, r["per_1000_words"]); !cmpClose(got, ft.Per1000) {
					t.Errorf("%s %s rate = %v, want %v", ft.Group, ft.Frame, got, ft.Per1000)
				}
				if got := cmpFloat(t, own[i]["per_1000_words"]); !cmpClose(got, ft.Per1000Own) {
					t.Errorf("%s %s own rate = %v, want %v", ft.Group, ft.Frame, got, ft.Per1000Own)
				}
				if r["hits"] != strconv.Itoa(ft.Count) || r["words"] != strconv.Itoa(ft.Words) {
					t.Errorf("%s %s hits, words = %s, %s; want %d, %d", ft.Group, ft.Frame, r["hits"], r["words"], ft.Count, ft.Words)
				}
				lo, hi := cmpFloat(t, r["ci95_low"]), cmpFloat(t, r["ci95_high"])
				if !(lo <= ft.Per1000+1e-4 && ft.Per1000 <= hi+1e-4 && lo < hi) {
					t.Errorf("%s %s interval [%v, %v] does not hold the rate %v", ft.Group, ft.Frame, lo, hi, ft.Per1000)
				}
			}
		}
		if checked == 0 || checked != len(frames) {
			t.Errorf("checked %d frame rates of %d in the store", checked, len(frames))
		}
	})

	t.Run("FrameIntervalsAreTheBootstrap", func(t *testing.T) {
		// Recompute Reuters' first frame's interval from the articles.
		d, err := f.st.Compare(ctx, store.CompareFilter{Outlets: cmpOutlets})
		if err != nil {
			t.Fatal(err)
		}
		rows := cmpCSV(t, f, "/compare/data/frames.csv?"+q)
		frame := rows[0]["frame"]
		var words, counts []int
		for _, a := range d.Articles {
			if d.Outlets[a.Outlet].Name == rows[0]["outlet"] {
				words = append(words, a.Words)
				n, _ := a.FrameCount(frame)
				counts = append(counts, n)
			}
		}
		b, _ := strconv.Atoi(rows[0]["resamples"])
		ci, err := stats.RatesCI(words, [][]int{counts}, b, seedForTest(rows[0]["outlet"]))
		if err != nil {
			t.Fatal(err)
		}
		if got := cmpFloat(t, rows[0]["ci95_low"]); got != compare.Round4(ci[0].Lo) {
			t.Errorf("interval low = %v, want %v", got, compare.Round4(ci[0].Lo))
		}
		if got := cmpFloat(t, rows[0]["ci95_high"]); got != compare.Round4(ci[0].Hi) {
			t.Errorf("interval high = %v, want %v", got, compare.Round4(ci[0].Hi))
		}
	})

	t.Run("Sides", func(t *testing.T) {
		for _, name := range []string{"sides", "sides-words"} {
			rows := cmpCSV(t, f, "/compare/data/"+name+".csv?"+q)
			checked := 0
			for _, st := range sides {
				if st.Side == "unassigned" {
					continue
				}
				for _, r := range rows {
					if r["outlet"] == st.Group && r["side"] == st.Side {
						checked++
						if r["attributions"] != strconv.Itoa(st.Attributions) || r["quoted_words"] != strconv.Itoa(st.Words) {
							t.Errorf("%s %s: attributions, words = %s, %s; want %d, %d", st.Group, st.Side, r["attributions"], r["quoted_words"], st.Attributions, st.Words)
						}
						if !cmpClose(cmpFloat(t, r["share_of_attributions"]), st.Share) || !cmpClose(cmpFloat(t, r["share_of_quoted_words"]), st.WordsShare) {
							t.Errorf("%s %s: shares %s, %s; want %v, %v", st.Group, st.Side, r["share_of_attributions"], r["share_of_quoted_words"], st.Share, st.WordsShare)
						}
					}
				}
			}
			if checked == 0 {
				t.Errorf("%s: no side of the store found in the CSV", name)
			}
		}
	})

	t.Run("LabelsAndHeatmap", func(t *testing.T) {
		hits, err := f.st.Hits(ctx, store.HitFilter{Outlets: []string{"Fox News"}})
		if err != nil {
			t.Fatal(err)
		}
		byPattern := map[string]int{}
		for _, h := range hits {
			byPattern[h.Pattern]++
		}
		for _, r := range cmpCSV(t, f, "/compare/data/heatmap.csv?"+q) {
			if r["outlet"] == "Fox News" && r["hits"] != strconv.Itoa(byPattern[r["pattern"]]) {
				t.Errorf("heatmap Fox News %s: hits %s, want %d", r["pattern"], r["hits"], byPattern[r["pattern"]])
			}
		}
		opp := 0
		for _, r := range cmpCSV(t, f, "/compare/data/labels-opposition.csv?"+q) {
			if r["outlet"] == "Fox News" {
				if r["hits"] != strconv.Itoa(byPattern[r["label"]]) {
					t.Errorf("labels Fox News %s: hits %s, want %d", r["label"], r["hits"], byPattern[r["label"]])
				}
				opp++
			}
		}
		if opp == 0 {
			t.Errorf("no opposition labels for Fox News")
		}
	})

	t.Run("BalanceBox", func(t *testing.T) {
		rows, _, err := f.st.Articles(ctx, store.ArticleFilter{Outlets: []string{"Fox News"}, Limit: store.MaxLimit})
		if err != nil {
			t.Fatal(err)
		}
		var vals []float64
		for _, a := range rows {
			res, err := f.st.ArticleResult(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Quotes) > res.Unassigned {
				vals = append(vals, res.Balance)
			}
		}
		want := stats.Box(vals)
		for _, r := range cmpCSV(t, f, "/compare/data/balance.csv?"+q) {
			if r["outlet"] != "Fox News" {
				continue
			}
			if r["articles"] != strconv.Itoa(want.N) || !cmpClose(cmpFloat(t, r["median"]), want.Median) || !cmpClose(cmpFloat(t, r["q3"]), want.Q3) {
				t.Errorf("Fox News box: n %s median %s q3 %s; want %d %v %v", r["articles"], r["median"], r["q3"], want.N, want.Median, want.Q3)
			}
		}
	})

	t.Run("TimelineSumsToTotals", func(t *testing.T) {
		rows := cmpCSV(t, f, "/compare/data/timeline.csv?"+q)
		if len(rows) == 0 {
			t.Fatal("empty timeline")
		}
		frame := rows[0]["frame"]
		hits := map[string]int{}
		for _, r := range rows {
			n, _ := strconv.Atoi(r["hits"])
			hits[r["outlet"]] += n
		}
		dated, err := f.st.FrameTotals(ctx, store.ArticleFilter{Outlets: cmpOutlets, From: "1900-01-01"}, "outlet")
		if err != nil {
			t.Fatal(err)
		}
		for _, ft := range dated {
			if ft.Frame == frame && hits[ft.Group] != ft.Count {
				t.Errorf("%s: timeline hits %d, want %d (dated articles)", ft.Group, hits[ft.Group], ft.Count)
			}
		}
	})

	t.Run("DistinctTerms", func(t *testing.T) {
		for _, name := range []string{"distinct-entries", "distinct-words"} {
			rows := cmpCSV(t, f, "/compare/data/"+name+".csv?"+q)
			if len(rows) == 0 {
				t.Fatalf("%s: no rows", name)
			}
			for _, r := range rows {
				z := cmpFloat(t, r["z"])
				if (r["typical_of"] == cmpOutlets[0]) != (z > 0) {
					t.Errorf("%s: %s typical of %s with z %v", name, r["term"], r["typical_of"], z)
				}
			}
		}
	})

	t.Run("UnknownChart", func(t *testing.T) {
		if code, _ := cmpGet(t, f, "/compare/data/pie.csv?"+q); code != http.StatusNotFound {
			t.Errorf("status = %d, want 404", code)
		}
	})
}

// seedForTest is the bootstrap seed the report uses for an outlet: FNV-1a
// of its name, as documented on compare's seedOf.
func seedForTest(name string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(name); i++ {
		h ^= uint64(name[i])
		h *= 1099511628211
	}
	return h
}

func TestOutletsPageAndAliases(t *testing.T) {
	f := cmpSetup(t)
	t.Run("TableSortedByArticles", func(t *testing.T) {
		code, body := cmpGet(t, f, "/outlets?sort=articles&dir=desc")
		if code != http.StatusOK {
			t.Fatalf("status %d", code)
		}
		first := strings.Index(body, `data-outlet="CNN (Web News)"`)
		second := strings.Index(body, `data-outlet="Fox News"`)
		if first < 0 || second < 0 || first > second {
			t.Errorf("CNN (274 articles) should come before Fox News (175): positions %d, %d", first, second)
		}
	})
	t.Run("LabelMixNamesEveryActor", func(t *testing.T) {
		// The humanitarian lexicon's terms label no actor; their mix is
		// headed "no actor", never by an empty name.
		_, body := cmpGet(t, f, "/outlets")
		if strings.Contains(body, "<strong>:</strong>") {
			t.Error("a label mix is headed by an empty actor name")
		}
		if !strings.Contains(body, "<strong>no actor:</strong>") || !strings.Contains(body, "<strong>opposition:</strong>") {
			t.Error("the label mixes lack the no-actor terms or the opposition's labels")
		}
	})
}

func TestOutletAliasForms(t *testing.T) {
	// Alias edits change the shared fixture, so they get their own store.
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "lens.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	svc, err := corpus.Open(ctx, st, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []struct{ outlet, text string }{
		{"Fox News", "The rebels shelled the city. Officials said militants fled."},
		{"Fox Online News", "Terrorists attacked the base, the army said."},
		{"Reuters", "Rebels and government forces fought near Aleppo."},
	} {
		if _, err := svc.ImportPaste(ctx, a.text, ingestArticle(a.outlet), corpus.ImportOptions{Outlet: a.outlet}); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(handlers.New(svc, handlers.DefaultOptions()))
	defer srv.Close()
	client := cmpClient(t)
	token := cmpToken(t, client, srv.URL+"/outlets")
	for _, tc := range []struct {
		name, path string
		form       url.Values
		flash      string
		check      func(t *testing.T)
	}{
		{"Merge", "/outlets/merge", url.Values{"from": {"Fox Online News"}, "into": {"Fox News"}}, "Merged Fox Online News into Fox News",
			func(t *testing.T) {
				tot := cmpTotal(t, st, "Fox News")
				if tot.Articles != 2 || len(tot.Aliases) != 1 || tot.Aliases[0] != "Fox Online News" {
					t.Errorf("Fox News after merge: %d articles, aliases %v; want 2 and [Fox Online News]", tot.Articles, tot.Aliases)
				}
			}},
		{"Rename", "/outlets/rename", url.Values{"from": {"Reuters"}, "to": {"Reuters News"}}, "Renamed Reuters to Reuters News",
			func(t *testing.T) {
				if tot := cmpTotal(t, st, "Reuters News"); tot.Articles != 1 {
					t.Errorf("Reuters News: %d articles, want 1", tot.Articles)
				}
			}},
		{"Alias", "/outlets/aliases", url.Values{"outlet": {"Fox News"}, "alias": {"FOX"}}, "Articles uploaded as FOX now go to Fox News",
			func(t *testing.T) {
				tot := cmpTotal(t, st, "Fox News")
				if len(tot.Aliases) != 2 {
					t.Errorf("Fox News aliases %v, want two", tot.Aliases)
				}
			}},
		{"MergeUnknownFlashesError", "/outlets/merge", url.Values{"from": {"Nobody"}, "into": {"Fox News"}}, "outlet \"Nobody\" not found", func(t *testing.T) {}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.form.Set("_csrf", token)
			resp, err := client.PostForm(srv.URL+tc.path, tc.form)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK || resp.Request.URL.Path != "/outlets" {
				t.Fatalf("after POST: status %d at %s, want 200 at /outlets", resp.StatusCode, resp.Request.URL.Path)
			}
			if !strings.Contains(htmlUnescape(string(b)), tc.flash) {
				t.Errorf("flash %q missing", tc.flash)
			}
			tc.check(t)
		})
	}
	t.Run("PostWithoutTokenRefused", func(t *testing.T) {
		resp, err := client.PostForm(srv.URL+"/outlets/aliases", url.Values{"outlet": {"Fox News"}, "alias": {"F"}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode < 400 {
			t.Errorf("status %d, want a refusal", resp.StatusCode)
		}
	})
}

func cmpTotal(t *testing.T, st *store.Store, name string) store.OutletTotal {
	t.Helper()
	all, err := st.OutletTotals(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range all {
		if o.Name == name {
			return o
		}
	}
	t.Fatalf("no outlet %q", name)
	return store.OutletTotal{}
}
