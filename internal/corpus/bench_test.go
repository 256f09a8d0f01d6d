package corpus_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/corpus"
	"github.com/framinglens/framinglens/internal/ingest"
	"github.com/framinglens/framinglens/internal/shareddata"
	"github.com/framinglens/framinglens/internal/store"
)

// BenchmarkImportAllsides imports the 2,000 AllSides articles into a fresh
// database per iteration. Target: under 2 s per op on 2 cores.
func BenchmarkImportAllsides(b *testing.B) {
	path := shareddata.Path(b, "data", "allsides-abp", "articles.jsonl")
	ctx := context.Background()
	total := 0
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		svc, _ := openCorpusAt(b, filepath.Join(b.TempDir(), fmt.Sprintf("bench%d.db", i)))
		b.StartTimer()
		sum, err := svc.ImportPath(ctx, path, corpus.ImportOptions{}, nil)
		if err != nil {
			b.Fatalf("import: %v", err)
		}
		if sum.Accepted < 1900 {
			b.Fatalf("import = %+v, want about 2,000 accepted", sum)
		}
		total += sum.Accepted
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkRescoreAllsides re-analyses the 2,000 AllSides articles of a
// database and replaces their analyses, as after a lexicon edit: the wait
// of a researcher who iterates on her lexicon. The import is not timed.
func BenchmarkRescoreAllsides(b *testing.B) {
	benchRescore(b, 0, func(svc *corpus.Service, _ int) error {
		svc.StartRescore()
		return nil
	})
}

// benchRescore imports the AllSides articles, or n unique copies of them
// when n is not 0 (see benchImportCopies), not timed; then it times ops of
// start, which starts a rescoring, and the rescoring to its end.
func benchRescore(b *testing.B, n int, start func(svc *corpus.Service, i int) error) {
	path := shareddata.Path(b, "data", "allsides-abp", "articles.jsonl")
	dir := b.TempDir()
	want := 1900
	if n > 0 {
		copies := filepath.Join(dir, fmt.Sprintf("articles%d.jsonl", n))
		writeCopies(b, path, copies, n, false)
		path, want = copies, n*95/100
	}
	ctx := context.Background()
	svc, _ := openCorpusAt(b, filepath.Join(dir, "rescore.db"))
	sum, err := svc.ImportPath(ctx, path, corpus.ImportOptions{Limits: ingest.Limits{MaxFileBytes: 4 << 30}}, nil)
	if err != nil || sum.Accepted < want {
		b.Fatalf("import = %+v, %v; want at least %d accepted", sum, err, want)
	}
	total := 0
	for i := 0; b.Loop(); i++ {
		if err := start(svc, i); err != nil {
			b.Fatal(err)
		}
		if err := svc.WaitRescore(ctx); err != nil {
			b.Fatal(err)
		}
		st := svc.RescoreStatus()
		if st.Error != "" || st.Done != sum.Accepted {
			b.Fatalf("rescore = %+v, want %d articles done", st, sum.Accepted)
		}
		total += st.Done
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkRescoreAllsidesEdited times what a researcher waits for after a
// lexicon edit: each op adds one entry ("police", in the neutral frame,
// counted in about a fifth of the AllSides articles) or takes it away
// again, and the corpus is rescored with the new version. Articles the
// entry leaves as they were keep their rows (see store's result digest);
// BenchmarkRescoreAllsides, the same lexicon again, is the case where
// nothing changes.
func BenchmarkRescoreAllsidesEdited(b *testing.B) { benchRescore(b, 0, benchEditLexicon()) }

// BenchmarkRescore100kEdited is BenchmarkRescoreAllsidesEdited over
// 100,000 articles (the AllSides articles copied as for
// BenchmarkImport100k): the researcher's wait after an edit on a large
// corpus. Run it alone, like BenchmarkImport100k.
func BenchmarkRescore100kEdited(b *testing.B) { benchRescore(b, 100_000, benchEditLexicon()) }

// benchEditLexicon returns a start for benchRescore that adds the entry
// "police" to the active lexicon on even ops and takes it away on odd ones.
func benchEditLexicon() func(svc *corpus.Service, i int) error {
	ctx := context.Background()
	n := -1
	return func(svc *corpus.Service, i int) error {
		if n < 0 {
			n = len(svc.ActiveLexicon().Entries)
		}
		if i%2 == 0 {
			return svc.AddEntry(ctx, analysis.Entry{Pattern: "police", Frame: "neutral", Actor: "government", Note: "bench"})
		}
		return svc.DeleteEntry(ctx, n)
	}
}

// BenchmarkImport100k imports 100,000 articles: the AllSides articles
// copied 50 times, each copy made unique by a mark, streamed to a temporary
// JSONL first. It reports articles/s and the peak resident memory (VmHWM).
// Targets: under 60 s and 200 MB. Run it alone:
//
//	go test ./internal/corpus -run '^$' -bench Import100k -benchtime 1x
func BenchmarkImport100k(b *testing.B) { benchImportCopies(b, 100_000, false) }

// BenchmarkImport20k is BenchmarkImport100k at a fifth of the size: large
// enough for the database to outgrow the page cache, quick enough to
// compare two versions back to back.
func BenchmarkImport20k(b *testing.B) { benchImportCopies(b, 20_000, false) }

// BenchmarkImport20kMixed is BenchmarkImport20k with each copy of the
// articles in a shuffled order, so that every batch holds many outlets
// (the AllSides dump comes grouped by outlet): the hardest order for the
// per-outlet word-count runs, one per outlet and batch.
func BenchmarkImport20kMixed(b *testing.B) { benchImportCopies(b, 20_000, true) }

// BenchmarkSearch20k times full-text searches with snippets, as the
// articles page runs them, over 20,000 imported articles (the import is not
// timed): one op is the four searches below.
func BenchmarkSearch20k(b *testing.B) {
	src := shareddata.Path(b, "data", "allsides-abp", "articles.jsonl")
	dir := b.TempDir()
	input := filepath.Join(dir, "articles20k.jsonl")
	writeCopies(b, src, input, 20_000, false)
	ctx := context.Background()
	svc, st := openCorpusAt(b, filepath.Join(dir, "search.db"))
	if _, err := svc.ImportPath(ctx, input, corpus.ImportOptions{Limits: ingest.Limits{MaxFileBytes: 4 << 30}}, nil); err != nil {
		b.Fatalf("import: %v", err)
	}
	// Searched once the background merge of the full-text index is done,
	// as it is shortly after an import.
	if err := st.MergeTextIndex(ctx); err != nil {
		b.Fatal(err)
	}
	queries := []string{"aleppo", "rebel*", "president said", "climate change"}
	for b.Loop() {
		for _, q := range queries {
			rows, err := st.Search(ctx, q, 50)
			if err != nil {
				b.Fatalf("search %q: %v", q, err)
			}
			if len(rows) == 0 {
				b.Fatalf("search %q found nothing", q)
			}
		}
	}
}

// benchImportCopies imports n unique copies of the AllSides articles into
// a fresh database per iteration; shuffled, each copy in another order.
func benchImportCopies(b *testing.B, n int, shuffled bool) {
	src := shareddata.Path(b, "data", "allsides-abp", "articles.jsonl")
	dir := b.TempDir()
	input := filepath.Join(dir, fmt.Sprintf("articles%d.jsonl", n))
	size := writeCopies(b, src, input, n, shuffled)
	b.Logf("input: %d articles, %d MB", n, size>>20)
	ctx := context.Background()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		svc, st := openCorpusAt(b, filepath.Join(dir, fmt.Sprintf("bench%d.db", i)))
		b.StartTimer()
		// The dump is larger than the default 200 MB file limit.
		sum, err := svc.ImportPath(ctx, input, corpus.ImportOptions{Limits: ingest.Limits{MaxFileBytes: 4 << 30}}, nil)
		if err != nil {
			b.Fatalf("import: %v", err)
		}
		b.StopTimer()
		if sum.Accepted+sum.Duplicate+sum.Rejected != n || sum.Accepted < n*95/100 {
			b.Fatalf("import = %+v, want %d items, nearly all accepted", sum, n)
		}
		b.Logf("import: %+v", sum)
		if fi, err := os.Stat(st.Path()); err == nil {
			b.ReportMetric(float64(fi.Size())/(1<<20), "db-MB")
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(peakRSS(b))/(1<<20), "peak-RSS-MB")
}

// writeCopies streams copies of the JSONL rows of src into dst until n rows
// are written, each copy's text and title made unique by a mark, and
// returns the bytes written. shuffled puts each copy's rows in an order of
// its own (the same on every run).
func writeCopies(tb testing.TB, src, dst string, n int, shuffled bool) int64 {
	tb.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		tb.Fatal(err)
	}
	rows := bytes.Split(bytes.TrimSpace(data), []byte("\n"))
	f, err := os.Create(dst)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	var written int64
	for copyN, i := 0, 0; i < n; copyN++ {
		order := make([]int, len(rows))
		for k := range order {
			order[k] = k
		}
		if shuffled {
			rand.New(rand.NewPCG(1, uint64(copyN))).Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		}
		for _, k := range order {
			row := rows[k]
			if i == n {
				break
			}
			var obj map[string]any
			if err := json.Unmarshal(row, &obj); err != nil {
				tb.Fatalf("allsides row: %v", err)
			}
			// The mark goes in front of the longest paragraph: the
			// cleaner drops short lines that are plugs or chrome, and with
			// them a mark at either end.
			mark := "(copy " + strconv.Itoa(copyN) + ") "
			for _, k := range []string{"content_original", "content", "text"} {
				if s, ok := obj[k].(string); ok && s != "" {
					obj[k] = markLongestLine(s, mark)
				}
			}
			if s, ok := obj["title"].(string); ok {
				obj["title"] = s + " " + mark
			}
			line, err := json.Marshal(obj)
			if err != nil {
				tb.Fatal(err)
			}
			k, _ := w.Write(line)
			w.WriteByte('\n')
			written += int64(k + 1)
			i++
		}
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	return written
}

// markLongestLine puts mark in front of the longest line of s.
func markLongestLine(s, mark string) string {
	best, bestLen, at := 0, -1, 0
	for _, line := range strings.SplitAfter(s, "\n") {
		if len(line) > bestLen {
			best, bestLen = at, len(line)
		}
		at += len(line)
	}
	return s[:best] + mark + s[best:]
}

// peakRSS reads the process's peak resident set size from /proc.
func peakRSS(tb testing.TB) int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		tb.Logf("peak RSS unknown: %v", err)
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err == nil {
				return kb << 10
			}
		}
	}
	return 0
}

// BenchmarkSaveAllsides times the store's write path alone: the AllSides
// articles, read, analysed and prepared (store.PrepareArticle) once outside
// the timer, as the importer's workers do, saved in the importer's batches
// into a fresh database per iteration. It isolates the
// single writer, which bounds the import's speed, from the analysis.
func BenchmarkSaveAllsides(b *testing.B) {
	path := shareddata.Path(b, "data", "allsides-abp", "articles.jsonl")
	ctx := context.Background()
	svc, _ := openCorpusAt(b, filepath.Join(b.TempDir(), "engine.db"))
	eng := svc.Engine()
	var batch []store.ArticleWithResult
	err := ingest.ReadFile(ctx, path, ingest.DefaultLimits(), func(it ingest.Item) error {
		if it.Err != nil {
			return nil
		}
		a := it.Article
		r, err := eng.Analyze(analysis.Input{Text: a.Text, Meta: analysis.Meta{Title: a.Title, Published: a.Published}})
		if err != nil {
			return nil
		}
		art := store.NewArticle{Outlet: a.Outlet, Title: r.Title, URL: a.URL, Published: r.Published,
			Language: a.Language, Origin: it.Origin, Raw: a.Raw, Text: r.Text, Words: r.Words}
		batch = append(batch, store.ArticleWithResult{Article: art, Result: r, Prepared: store.PrepareArticle(art)})
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	total := 0
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		_, st := openCorpusAt(b, filepath.Join(b.TempDir(), fmt.Sprintf("bench%d.db", i)))
		b.StartTimer()
		for k := 0; k < len(batch); k += 256 {
			out, err := st.SaveArticles(ctx, batch[k:min(k+256, len(batch))])
			if err != nil {
				b.Fatal(err)
			}
			for _, o := range out {
				if o.Err == nil && !o.Duplicate {
					total++
				}
			}
		}
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkPrepareAllsides times store.PrepareArticle (content hash and
// word counts) over the AllSides articles, the share of an import's work
// that its analysis workers do for the store.
func BenchmarkPrepareAllsides(b *testing.B) {
	path := shareddata.Path(b, "data", "allsides-abp", "articles.jsonl")
	var arts []store.NewArticle
	err := ingest.ReadFile(context.Background(), path, ingest.DefaultLimits(), func(it ingest.Item) error {
		if it.Err == nil {
			arts = append(arts, store.NewArticle{Outlet: it.Article.Outlet, Text: it.Article.Text})
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		for _, a := range arts {
			store.PrepareArticle(a)
		}
	}
	b.ReportMetric(float64(len(arts)*b.N)/b.Elapsed().Seconds(), "articles/s")
}
