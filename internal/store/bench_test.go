package store_test

import (
	"context"
	"testing"

	"github.com/framinglens/framinglens/internal/store"
)

// benchArticles builds n distinct articles with realistic results: about
// 400 words, 30 hits, 10 quotes.
func benchArticles(n, offset int) []store.ArticleWithResult {
	out := make([]store.ArticleWithResult, n)
	outlets := []string{"Outlet A", "Outlet B", "Outlet C", "Outlet D"}
	for i := range out {
		a := testArticle(offset+i, outlets[i%len(outlets)], "2024-02-03")
		r := testResult(a.Text, 30, 10, "lex-1")
		out[i] = store.ArticleWithResult{Article: a, Result: r}
	}
	return out
}

// BenchmarkSaveArticle stores one article per SaveArticle call, one
// transaction each. It reports articles/s.
func BenchmarkSaveArticle(b *testing.B) {
	ctx := context.Background()
	s := mustOpen(b)
	items := benchArticles(b.N, 0)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, dup, err := s.SaveArticle(ctx, items[i].Article, items[i].Result); err != nil || dup {
			b.Fatalf("SaveArticle: dup=%v err=%v", dup, err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkSaveArticles stores articles through SaveArticles in batches of
// 200, one transaction per batch. It reports articles/s. The batches are
// built outside the timer, one at a time, so that -benchtime 100000x runs
// in little memory.
func BenchmarkSaveArticles(b *testing.B) {
	ctx := context.Background()
	s := mustOpen(b)
	b.ResetTimer()
	for i := 0; i < b.N; i += 200 {
		b.StopTimer()
		batch := benchArticles(min(200, b.N-i), i)
		b.StartTimer()
		out, err := s.SaveArticles(ctx, batch)
		if err != nil {
			b.Fatalf("SaveArticles: %v", err)
		}
		for _, o := range out {
			if o.Err != nil || o.Duplicate {
				b.Fatalf("SaveArticles: %+v", o)
			}
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
