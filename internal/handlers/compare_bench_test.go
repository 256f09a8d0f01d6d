package handlers_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/framinglens/framinglens/internal/corpus"
	"github.com/framinglens/framinglens/internal/handlers"
	"github.com/framinglens/framinglens/internal/shareddata"
	"github.com/framinglens/framinglens/internal/store"
)

// benchCompareVersion names the cached 100,000-article database; change it
// when the schema or the way the database is built changes.
const benchCompareVersion = "compare-100k-v1"

// benchCompareArticles is the size of the benchmark corpus.
const benchCompareArticles = 100_000

// benchCompareStore opens the 100,000-article store, building it on the
// first run under os.TempDir(): the allsides sample is imported and
// analysed once, then copied 50 times with a copy number appended to each
// text (so every copy has its own content hash), each copy reusing its
// source article's result.
func benchCompareStore(b *testing.B) (*corpus.Service, *store.Store) {
	b.Helper()
	ctx := context.Background()
	path := filepath.Join(os.TempDir(), "framinglens-"+benchCompareVersion+".db")
	_, statErr := os.Stat(path)
	st, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	svc, err := corpus.Open(ctx, st, slog.New(slog.DiscardHandler))
	if err != nil {
		b.Fatal(err)
	}
	if statErr == nil {
		return svc, st
	}
	start := time.Now()
	jsonl := filepath.Join(shareddata.Path(b, "data", "allsides-abp"), "articles.jsonl")
	if _, err := svc.ImportPath(ctx, jsonl, corpus.ImportOptions{}, nil); err != nil {
		os.Remove(path)
		b.Fatal(err)
	}
	ids, err := st.ArticleIDs(ctx)
	if err != nil {
		b.Fatal(err)
	}
	var sources []store.ArticleWithResult
	for _, id := range ids {
		a, err := st.Article(ctx, id)
		if err != nil {
			b.Fatal(err)
		}
		r, err := st.ArticleResult(ctx, id)
		if err != nil {
			b.Fatal(err)
		}
		sources = append(sources, store.ArticleWithResult{Article: store.NewArticle{Outlet: a.Outlet, Title: a.Title, URL: a.URL,
			Published: a.Published, Language: a.Language, Origin: "bench copy", Text: a.Text, Words: a.Words}, Result: r})
	}
	for copyN := 1; len(ids)+(copyN-1)*len(sources) < benchCompareArticles; copyN++ {
		var batch []store.ArticleWithResult
		for _, src := range sources {
			a := src.Article
			a.Text += "\n\nCopy " + strconv.Itoa(copyN) + "."
			batch = append(batch, store.ArticleWithResult{Article: a, Result: src.Result})
			if len(batch) == 500 {
				if _, err := st.SaveArticles(ctx, batch); err != nil {
					os.Remove(path)
					b.Fatal(err)
				}
				batch = batch[:0]
			}
		}
		if _, err := st.SaveArticles(ctx, batch); err != nil {
			os.Remove(path)
			b.Fatal(err)
		}
	}
	b.Logf("built %s in %s", path, time.Since(start).Round(time.Second))
	return svc, st
}

// benchP95 runs each request once, in order, and reports the 95th
// percentile and the maximum of the server times, and the mean CPU time
// (user and system, all threads) per request, which depends less than the
// server time on what else the machine runs. before, when not nil, runs
// ahead of each request, outside the measured times.
func benchP95(b *testing.B, h http.Handler, paths []string, metric string, before func()) {
	b.Helper()
	var times []time.Duration
	var cpu time.Duration
	for _, p := range paths {
		if before != nil {
			before()
		}
		rec := httptest.NewRecorder()
		cpu0 := benchCPUTime(b)
		start := time.Now()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		times = append(times, time.Since(start))
		cpu += benchCPUTime(b) - cpu0
		if rec.Code != http.StatusOK {
			b.Fatalf("GET %s: status %d", p, rec.Code)
		}
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	p95 := times[(len(times)*95+99)/100-1]
	b.ReportMetric(float64(p95.Microseconds())/1000, metric+"_p95_ms")
	b.ReportMetric(float64(times[len(times)-1].Microseconds())/1000, metric+"_max_ms")
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(len(paths)), metric+"_cpu_ms")
}

// benchCPUTime returns the CPU time the process has used so far.
func benchCPUTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkCompare100k measures /compare for the four largest outlets of
// the 100,000-article store (about 37,000 of its articles), three ways:
//
//   - cold: before every request one new article is saved to each of the
//     four outlets (and the previous ones deleted), so every report and
//     every outlet's bootstrap intervals are computed from the store, as on
//     the first request after uploads to all of them;
//   - uncached: before every request an alias is added and removed, which
//     changes the corpus version, so every report is built from the store,
//     as on the first request after a write that left the outlets'
//     articles as they were (the outlets' intervals are reused);
//   - cached: the same requests again, same corpus.
//
// The untimed writes leave the store as it was.
func BenchmarkCompare100k(b *testing.B) {
	svc, st := benchCompareStore(b)
	h := handlers.New(svc, handlers.DefaultOptions())
	outlets := []string{"CNN (Web News)", "Fox News", "Washington Times", "Christian Science Monitor"}
	var paths []string
	for i := 0; i < 20; i++ {
		q := url.Values{"outlet": outlets}
		q.Set("frame", []string{"delegitimizing", "neutral", "legitimizing", "humanitarian", "x"}[i%5])
		if i%2 == 1 {
			q.Set("period", "week")
		}
		q.Add("pair", outlets[i/5%4])
		q.Add("pair", outlets[(i/5+1)%4])
		paths = append(paths, "/compare?"+q.Encode())
	}
	ctx := context.Background()
	n := 0
	invalidate := func() {
		b.StopTimer()
		defer b.StartTimer()
		n++
		alias := fmt.Sprintf("bench alias %d", n)
		if err := st.AddOutletAlias(ctx, outlets[0], alias); err != nil {
			b.Fatal(err)
		}
		if err := st.RemoveOutletAlias(ctx, alias); err != nil {
			b.Fatal(err)
		}
	}
	// Articles of each outlet to copy, with a new last line, as probes:
	// each request gets copies of other articles (other dates and counts),
	// so no outlet's articles are ever the same twice.
	const probeSources = 20
	probes := make([][]store.ArticleWithResult, len(outlets))
	for o, name := range outlets {
		rows, _, err := st.Articles(ctx, store.ArticleFilter{Outlets: []string{name}, Limit: store.MaxLimit})
		if err != nil {
			b.Fatalf("articles of %s: %v", name, err)
		}
		// Copies of one source article share title, date and counts:
		// take one article per title.
		var ids []int64
		seen := map[string]bool{}
		for _, row := range rows {
			if !seen[row.Title] {
				seen[row.Title] = true
				ids = append(ids, row.ID)
			}
		}
		if len(ids) < probeSources {
			b.Fatalf("%s has %d distinct articles, want %d", name, len(ids), probeSources)
		}
		for _, id := range ids[:probeSources] {
			a, err := st.Article(ctx, id)
			if err != nil {
				b.Fatal(err)
			}
			r, err := st.ArticleResult(ctx, id)
			if err != nil {
				b.Fatal(err)
			}
			probes[o] = append(probes[o], store.ArticleWithResult{Article: store.NewArticle{Outlet: a.Outlet, Title: a.Title, URL: a.URL,
				Published: a.Published, Language: a.Language, Origin: "bench probe", Text: a.Text, Words: a.Words}, Result: r})
		}
	}
	var probeIDs []int64
	clearProbes := func() {
		if len(probeIDs) > 0 {
			if _, err := st.DeleteArticles(ctx, probeIDs); err != nil {
				b.Fatal(err)
			}
			probeIDs = nil
		}
	}
	defer clearProbes()
	touch := func() {
		b.StopTimer()
		defer b.StartTimer()
		clearProbes()
		n++
		batch := make([]store.ArticleWithResult, len(probes))
		for i, p := range probes {
			batch[i] = p[n%probeSources]
			batch[i].Article.Text += fmt.Sprintf("\n\nProbe %d-%d.", time.Now().UnixNano(), n)
		}
		out, err := st.SaveArticles(ctx, batch)
		if err != nil {
			b.Fatal(err)
		}
		for _, o := range out {
			if o.Err != nil || o.Duplicate {
				b.Fatalf("save probe: %+v", o)
			}
			probeIDs = append(probeIDs, o.ID)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		benchP95(b, h, paths, "cold", touch)
		b.StopTimer()
		clearProbes()
		b.StartTimer()
		benchP95(b, h, paths, "uncached", invalidate)
		// Build the reports of the current corpus version, then measure
		// them cached.
		b.StopTimer()
		for _, p := range paths {
			h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, p, nil))
		}
		b.StartTimer()
		benchP95(b, h, paths, "cached", nil)
	}
}

// BenchmarkOutlets100k measures /outlets, which reads the totals kept on
// write, on the 100,000-article store.
func BenchmarkOutlets100k(b *testing.B) {
	svc, _ := benchCompareStore(b)
	h := handlers.New(svc, handlers.DefaultOptions())
	paths := make([]string, 40)
	for i := range paths {
		paths[i] = "/outlets?sort=" + []string{"name", "articles", "words", "balance"}[i%4]
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		benchP95(b, h, paths, "outlets", nil)
	}
}
